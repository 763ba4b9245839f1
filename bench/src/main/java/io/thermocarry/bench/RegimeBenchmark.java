package io.thermocarry.bench;

import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeClassifier;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.sweep.SweepPaths;
import io.thermocarry.core.sweep.SweepPoint;
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

/** The regime classifier over every decision of a signal run (SPEC §5). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RegimeBenchmark {
    private BenchData data;

    /** Loads the input. */
    @Setup
    public void setUp() {
        data = BenchData.get();
    }

    /** A fresh adaptive classifier fed every decision's signals (rolling percentiles of 360); returns NESS count. */
    @Benchmark
    public int adaptiveClassifier() {
        SignalRun run = data.run;
        RegimeClassifier c = new RegimeClassifier(RegimeSpec.defaults(), RegimeConfig.FULL);
        int ness = 0;
        for (int i = 0; i < run.size(); i++) {
            if (c.next(run.relaxationRatio(i), run.temperatureZscore(i), run.entropyRate(i), run.jeHealth(i))
                    == Regime.NESS) {
                ness++;
            }
        }
        return ness;
    }

    /** The sweep's re-classification under other relaxation thresholds, with the run's recorded percentiles. */
    @Benchmark
    public SignalPath reclassifyForSweep() {
        return SweepPaths.reclassified(data.run, data.cycles.size(),
                SweepPoint.withThresholds(RegimeSpec.defaults(), 1.2, 0.9), RegimeConfig.FULL);
    }
}
