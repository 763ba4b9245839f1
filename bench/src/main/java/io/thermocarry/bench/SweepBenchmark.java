package io.thermocarry.bench;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.sweep.SweepEngine;
import io.thermocarry.core.sweep.SweepGrid;
import io.thermocarry.core.sweep.SweepMarket;
import io.thermocarry.core.sweep.SweepOutcome;
import io.thermocarry.core.sweep.SweepPoint;
import io.thermocarry.core.sweep.SweepSpec;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sweep of 27 points (NESS threshold × base fraction × fee tier, one signal run) on one symbol, on a fixed pool of
 * all cores, rows discarded: backtests per minute = 27 × 60,000 / (ms per op). {@link #naive27Points} is the same
 * work without the engine's sharing, one thread: a signal run, a path and a compiled strategy per point — the
 * "before" of docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SweepBenchmark {
    private List<SweepMarket> markets;
    private SweepSpec spec;
    private ExecutorService pool;
    private int threads;

    /** Loads the input and starts the pool. */
    @Setup
    public void setUp() {
        BenchData data = BenchData.get();
        markets = List.of(new SweepMarket(data.cycles, data.basis, 0, FundingAccrual.RATE_AT_CYCLE_END));
        spec = SweepSpec.of(SweepGrid.parse(List.of("nessR=1.2,1.4,1.6", "baseFraction=0.25,0.5,0.75",
                "feeBps=8,16,25")));
        threads = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(threads);
    }

    /** Stops the pool. */
    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    /** The 27 points computed one by one from scratch; returns the sum of their Sharpe ratios. */
    @Benchmark
    public double naive27Points() {
        SweepGrid grid = spec.grid();
        SweepMarket m = markets.get(0);
        double sum = 0;
        for (int p = 0; p < grid.size(); p++) {
            SweepPoint point = grid.point(p);
            SignalRun run = SignalRunner.run(m.cycles(), m.basis(), point.signalSpec(spec.kappaMethod()),
                    point.regimeSpec(), spec.config(), Compat.CAUSAL);
            SignalPath path = SignalPath.of(run, m.cycles().size());
            BacktestResult r = BacktestEngine.run(new BacktestRequest(m.cycles(), path, point.strategy(), point.fee(),
                    Compat.CAUSAL, 1.0, 720, m.accrual()));
            sum += r.performance().sharpe();
        }
        return sum;
    }

    /** The 27-point sweep; returns the backtests run. */
    @Benchmark
    public long sweep27Points() {
        SweepOutcome o = SweepEngine.run(spec, markets, pool, threads, 1000, rows -> {
        }, (done, total) -> {
        });
        return o.backtests();
    }
}
