package io.thermocarry.bench;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.MarginBacktest;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.SignalPath;
import java.util.Arrays;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the margin path (SPEC §13) adds to a backtest, in pairs with and without it. At 1 h: the physics carry over
 * {@link BenchData}'s history (the engine alone, signals precomputed), the margin path walking its hourly bars. At
 * 1 m: a backtest from a synthetic year of minute bars per leg (basis, cycles, the naive carry), the margin path
 * walking the 525,600 minutes (the bars' alignment included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MarginBenchmark {
    private BacktestRequest hourly;
    private MarginInputs hourlyMargin;
    private BarSeries perp;
    private BarSeries spot;
    private FundingSeries funding;
    private MarginSpec spec;

    /** Loads the hourly market and builds the minute year. */
    @Setup
    public void setUp() {
        BenchData data = BenchData.get();
        hourly = data.request(0);
        spec = MarginSpec.of("BTCUSDT", 3, 0);
        hourlyMargin = new MarginInputs(spec, MarginBars.of(data.perp, data.spot, data.mark));
        int n = Integer.getInteger("thermocarry.bench.minuteBars", MinuteBarsBenchmark.YEAR);
        Symbol s = Symbol.of("SYNTHUSDT");
        long t0 = 1_577_836_800_000L;
        long[] t = new long[n];
        double[] sc = new double[n];
        double[] po = new double[n];
        double[] ph = new double[n];
        double[] pl = new double[n];
        double[] pc = new double[n];
        SplittableRandom rnd = new SplittableRandom(7);
        double price = 50_000;
        double b = 0;
        double phi = Math.exp(-0.05 / 60);
        double prev = price;
        for (int i = 0; i < n; i++) {
            t[i] = t0 + 60_000L * i;
            price *= Math.exp(0.0008 * (rnd.nextDouble() - 0.5) * 3.46);
            b = phi * b + 0.08 * (rnd.nextDouble() - 0.5) * 3.46;
            sc[i] = price;
            pc[i] = price * (1 + b / 100);
            po[i] = prev;
            ph[i] = Math.max(prev, pc[i]) * 1.0002;
            pl[i] = Math.min(prev, pc[i]) * 0.9998;
            prev = pc[i];
        }
        double[] vol = new double[n];
        Arrays.fill(vol, 1.0);
        spot = new BarSeries(s, Market.SPOT, BarInterval.M1, t, sc, sc, sc, sc, vol);
        perp = new BarSeries(s, Market.PERP, BarInterval.M1, t.clone(), po, ph, pl, pc, vol.clone());
        int k = n / 480 + 1;
        long[] ft = new long[k];
        double[] fr = new double[k];
        long[] fi = new long[k];
        double[] fm = new double[k];
        for (int i = 0; i < k; i++) {
            ft[i] = t0 + 8 * 3_600_000L * i;
            fr[i] = 1e-4;
            fi[i] = 8 * 3_600_000L;
            fm[i] = Double.NaN;
        }
        funding = new FundingSeries(s, ft, fr, fi, fm);
    }

    /** The physics carry over the hourly history, margin-free. */
    @Benchmark
    public BacktestResult hourlyWithoutMargin() {
        return BacktestEngine.run(hourly);
    }

    /** The same with the margin path on its hourly bars (leverage 3). */
    @Benchmark
    public MarginBacktest hourlyWithMargin() {
        return BacktestEngine.run(hourly, hourlyMargin);
    }

    /** A backtest from a year of minute bars: basis, cycles, the naive carry. */
    @Benchmark
    public BacktestResult minuteWithoutMargin() {
        return BacktestEngine.run(minuteRequest());
    }

    /** The same with the margin path walking every minute (leverage 3). */
    @Benchmark
    public MarginBacktest minuteWithMargin() {
        BacktestRequest req = minuteRequest();
        return BacktestEngine.run(req, new MarginInputs(spec, MarginBars.of(perp, spot, null)));
    }

    private BacktestRequest minuteRequest() {
        FundingCycles cycles = CycleBuilder.build(funding, BasisSeries.of(perp, spot, null, null), null);
        return new BacktestRequest(cycles, SignalPath.none(cycles.size()), new NaiveStrategy(1.0, 21), FeeTier.BPS_16,
                Compat.CAUSAL, 1.0, 0);
    }
}
