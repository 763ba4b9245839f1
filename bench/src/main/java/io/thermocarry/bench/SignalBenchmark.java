package io.thermocarry.bench;

import io.thermocarry.core.Compat;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
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

/** The four causal signals and the regime at every settlement of the history ({@link SignalRunner}, SPEC §4–§5). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignalBenchmark {
    private BenchData data;

    /** Loads the input. */
    @Setup
    public void setUp() {
        data = BenchData.get();
    }

    /** Causal run with the SPEC defaults (720 h, 359, 90, 180). */
    @Benchmark
    public SignalRun fourSignalsCausal() {
        return SignalRunner.run(data.cycles, data.basis, SignalSpec.defaults(), RegimeSpec.defaults(),
                RegimeConfig.FULL, Compat.CAUSAL);
    }
}
