package io.thermocarry.bench;

import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import java.util.List;
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

/** One full-history backtest of the physics carry with its metrics (SPEC §6–§7, §9). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BacktestBenchmark {
    private BenchData data;

    /** Loads the input. */
    @Setup
    public void setUp() {
        data = BenchData.get();
    }

    /** The physics carry at the three standard tiers (strategy compiled once). */
    @Benchmark
    public List<BacktestResult> physicsAllTiers() {
        return BacktestEngine.runTiers(data.request(0), FeeTier.STANDARD);
    }

    /** The physics carry at one tier. */
    @Benchmark
    public BacktestResult physicsOneTier() {
        return BacktestEngine.run(data.request(0));
    }
}
