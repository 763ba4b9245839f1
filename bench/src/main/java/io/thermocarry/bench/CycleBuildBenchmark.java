package io.thermocarry.bench;

import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
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

/** The hourly basis (spot–perp join) and the funding cycles (as-of join, per-cycle basis moments) of one symbol. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CycleBuildBenchmark {
    private BenchData data;

    /** Loads the input. */
    @Setup
    public void setUp() {
        data = BenchData.get();
    }

    /** {@link BasisSeries#of} then {@link CycleBuilder#build}. */
    @Benchmark
    public FundingCycles basisAndCycles() {
        BasisSeries b = BasisSeries.of(data.perp, data.spot, null, null);
        return CycleBuilder.build(data.funding, b, data.mark);
    }

    /** {@link CycleBuilder#build} alone on the prebuilt basis. */
    @Benchmark
    public FundingCycles cyclesOnly() {
        return CycleBuilder.build(data.funding, data.basis, data.mark);
    }
}
