package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.report.ReportModel;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.thermocarry.core.evaluation.EvaluationRequest;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: a synthetic market with a regime switch, evaluated and reported, in a fresh store under
 * {@code --out}: the README's first command.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate a synthetic OU market whose basis relaxes fast (carry) with slow-relaxing stretches"
                + " (persistent dislocations), evaluate every strategy at every fee tier, and write the HTML report:"
                + " all in a fresh store under --out. Prints where the report is.")
final class DemoCommand implements Callable<Integer> {
    /** Symbol of the demo market. */
    static final Symbol SYMBOL = Symbol.of("DEMOUSDT");
    /** Store file name inside the output folder. */
    static final String DB = "demo.duckdb";
    /** Report file name inside the output folder. */
    static final String REPORT = "report.html";

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "output folder; its demo store is replaced (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--png", paramLabel = "DIR", description = "also write each chart as a PNG into DIR (headless Chromium)")
    Path png;

    @Option(names = "--json", description = "print one JSON document: {\"report\":..,\"db\":..}")
    boolean json;

    /**
     * The demo market: 8 h funding with mean 1 bp (s.d. 3 bp) per cycle; the basis relaxes with κ = 0.5/h
     * (τ_relax 2 h, r = 0.25: carry) except in two stretches where κ = 0.01/h (τ_relax 100 h, r = 12.5: a
     * persistent dislocation whose basis swings cost the carry). Noise 0.05 %/√h gives a basis of a few bp in
     * the fast regime, as on BTC.
     */
    static SyntheticSpec spec(long seed) {
        return new SyntheticSpec(SYMBOL, 2.0, 0.3, 1e-4, 3e-4, 2400, 8, CycleStart.CONTINUOUS, seed,
                SyntheticSpec.DEFAULT_START, SyntheticSpec.DEFAULT_SPOT, SyntheticSpec.DEFAULT_SPOT_VOL,
                List.of(new KappaSegment(800, 1150, 0.01), new KappaSegment(1650, 2000, 0.01)));
    }

    @Override
    public Integer call() throws InterruptedException {
        long t0 = System.nanoTime();
        Path db = out.resolve(DB);
        Path report = out.resolve(REPORT);
        try {
            Files.createDirectories(out);
            Files.deleteIfExists(db);
            Files.deleteIfExists(out.resolve(DB + ".wal"));
        } catch (IOException e) {
            throw new JobFailed("cannot prepare " + out + ": " + e.getMessage() + " (choose another --out)", e);
        }
        SyntheticSpec spec = spec(seed);
        SignalOptions signal = SignalOptions.defaults();
        ReportModel model;
        try (Store store = Stores.open(db)) {
            SimulateCommand.write(store, spec);
            long startMs = spec.start().toEpochMilli();
            long cycleMs = spec.hoursPerCycle() * 3_600_000L;
            ReportBuilder.Request req = new ReportBuilder.Request(List.of(SYMBOL), null, null, Compat.CAUSAL, signal,
                    FeeTier.STANDARD, "demo: synthetic market " + SYMBOL + " (seed " + seed + "), fast κ "
                            + spec.kappa() + "/h with slow stretches κ 0.01/h · causal mode",
                    (sym, ms) -> {
                        int k = (int) Math.floorDiv(ms - startMs, cycleMs);
                        return k < 0 || k >= spec.cycles() ? null : 1.0 / (spec.kappaAt(k) * spec.hoursPerCycle());
                    });
            EvaluateCommand evaluate = CommandLine.populateCommand(new EvaluateCommand(), "--db", db.toString(),
                    "--symbols", SYMBOL.name(), "--compat", "causal");
            EvaluationRequest request = evaluate.request();
            Progress progress = new Progress("demo: evaluate", SymbolEvaluator.steps(request.spec()) + 1);
            int[] done = {0};
            EvaluateCommand.evaluateInto(store, request, (sym, what) -> {
                synchronized (done) {
                    progress.update(++done[0], sym + " " + what);
                }
            });
            progress.update(SymbolEvaluator.steps(request.spec()) + 1, "stored");
            model = ReportBuilder.build(store, req, new Progress("demo: report", 1));
        }
        if (json) {
            java.io.PrintStream stdout = System.out;
            java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(sink, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                ReportCommand.emit(model, report, png, false, t0);
            } finally {
                System.setOut(stdout);
            }
            Map<String, Object> doc = Out.obj();
            doc.put("report", report.toAbsolutePath().normalize().toString());
            doc.put("db", db.toAbsolutePath().normalize().toString());
            doc.put("charts", model.figureCount());
            doc.put("seconds", (System.nanoTime() - t0) / 1e9);
            Out.json(System.out, doc);
        } else {
            ReportCommand.emit(model, report, png, false, t0);
            System.out.println("demo: open " + report.toAbsolutePath().normalize().toUri() + " (store: "
                    + db.toAbsolutePath().normalize() + ")");
        }
        return 0;
    }
}
