package io.thermocarry.bench;

import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.physics.RollingOu;
import io.thermocarry.core.signal.RollingOuEstimator;
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

/** Rolling κ and β over the 720-hour window of the whole hourly basis (SPEC §3–§4). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RollingOuBenchmark {
    private BenchData data;

    /** Loads the input. */
    @Setup
    public void setUp() {
        data = BenchData.get();
    }

    /** {@link RollingOu#fitAll}: κ, Var, T, β at every hour. */
    @Benchmark
    public RollingOu.Columns fitEveryHour() {
        return RollingOu.fitAll(data.basis.values(), 720, 1.0, KappaMethod.THROUGH_ORIGIN);
    }

    /** The signals' streaming estimator: every hour in, κ and β read at every 8th hour (a settlement). */
    @Benchmark
    public double streamAndReadAtSettlements() {
        RollingOuEstimator e = new RollingOuEstimator(720, KappaMethod.THROUGH_ORIGIN, 1.0);
        double[] b = data.basis.values();
        double acc = 0;
        for (int i = 0; i < b.length; i++) {
            e.add(b[i]);
            if ((i & 7) == 7) {
                acc += e.fitKappa() + e.beta();
            }
        }
        return acc;
    }
}
