package io.thermocarry.bench;

import io.thermocarry.core.stats.Bootstrap;
import io.thermocarry.core.stats.Execution;
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
 * The seeded bootstrap of a backtest's per-cycle Sharpe: 5,000 resamples (SPEC §9) of the physics carry's
 * per-cycle returns, on one thread and on the common pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BootstrapBenchmark {
    /** Resamples per call. */
    public static final int RESAMPLES = 5_000;

    private BenchData data;

    /** Loads the input. */
    @Setup
    public void setUp() {
        data = BenchData.get();
    }

    /** 5,000 resamples on one thread. */
    @Benchmark
    public double[][] sharpe5000Sequential() {
        return replicate(Execution.SEQUENTIAL);
    }

    /** 5,000 resamples on the common fork-join pool. */
    @Benchmark
    public double[][] sharpe5000Parallel() {
        return replicate(Execution.PARALLEL);
    }

    private double[][] replicate(Execution execution) {
        double[] r = data.returns;
        return Bootstrap.replicate(r.length, RESAMPLES, 1, 42L, execution, (idx, out) -> {
            double s = 0;
            double ss = 0;
            for (int i : idx) {
                double x = r[i];
                s += x;
                ss += x * x;
            }
            int n = idx.length;
            double mean = s / n;
            double var = (ss - n * mean * mean) / (n - 1);
            out[0] = var > 0 ? mean / Math.sqrt(var) : Double.NaN;
        });
    }
}
