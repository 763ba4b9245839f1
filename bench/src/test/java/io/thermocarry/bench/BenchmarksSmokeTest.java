package io.thermocarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every JMH benchmark runs once, in this JVM, through JMH's generated harness, on a small synthetic market: the
 * benchmarks compile, find their input and do not throw. No timing is checked (speed lives in the benchmarks' own
 * runs, docs/PERFORMANCE.md).
 */
class BenchmarksSmokeTest {
    /** The hot paths the benchmarks must cover (class.method). */
    static final Set<String> EXPECTED = new TreeSet<>(List.of(
            "CsvParseBenchmark.parsePerpKlines",
            "StoreIngestBenchmark.ingestPerpAndFunding",
            "CycleBuildBenchmark.basisAndCycles",
            "CycleBuildBenchmark.cyclesOnly",
            "MinuteBarsBenchmark.basisAndCycles",
            "RollingOuBenchmark.fitEveryHour",
            "RollingOuBenchmark.streamAndReadAtSettlements",
            "SignalBenchmark.fourSignalsCausal",
            "RegimeBenchmark.adaptiveClassifier",
            "RegimeBenchmark.reclassifyForSweep",
            "BacktestBenchmark.physicsAllTiers",
            "BacktestBenchmark.physicsOneTier",
            "BootstrapBenchmark.sharpe5000Sequential",
            "BootstrapBenchmark.sharpe5000Parallel",
            "SweepBenchmark.sweep27Points",
            "SweepBenchmark.naive27Points",
            "StreamDecodeBenchmark.decodeAndDeliver"));

    @BeforeAll
    static void smallSyntheticInput() {
        System.setProperty("thermocarry.bench.source", "synthetic");
        System.setProperty("thermocarry.bench.cycles", "800");
        System.setProperty("thermocarry.bench.minuteBars", "10000");
    }

    @Test
    void cpuTime_measuresTheSelectedBenchmarks() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CpuTime.main(new String[] {"0", "RegimeBenchmark"});
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("RegimeBenchmark.adaptiveClassifier"), lines.get(1));
        assertTrue(lines.get(2).startsWith("RegimeBenchmark.reclassifyForSweep"), lines.get(2));
    }

    @Test
    void everyBenchmark_runsOnce_onASmallSyntheticMarket() throws RunnerException {
        Options opts = new OptionsBuilder().include("io\\.thermocarry\\.bench\\..*").forks(0).warmupIterations(0)
                .measurementIterations(1).measurementBatchSize(1).mode(Mode.SingleShotTime)
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT).build();
        Collection<RunResult> results = new Runner(opts).run();
        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String[] parts = label.split("\\.");
            ran.add(parts[parts.length - 2] + "." + parts[parts.length - 1]);
            assertEquals(1, r.getPrimaryResult().getSampleCount(), label);
            assertTrue(r.getPrimaryResult().getScore() > 0, label);
        }
        assertEquals(EXPECTED, ran);
        assertTrue(BenchData.get().description.startsWith("synthetic"), BenchData.get().description);
    }
}
