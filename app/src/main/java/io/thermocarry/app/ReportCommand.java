package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.report.ChromiumPngExporter;
import io.thermocarry.report.ReportModel;
import io.thermocarry.report.ReportRenderer;
import io.thermocarry.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: one self-contained HTML file for the desk (SPEC §10), optionally every chart as PNG. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML report (opens offline: charts and data inlined): basis, the four"
                + " signals, JE convergence, regime timeline, equity per strategy and fee tier, PnL decomposition,"
                + " metrics, physics, data integrity and methods. --png DIR also writes every chart as PNG"
                + " (needs Chromium).")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SignalOptions signal;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "thermocarry-report.html",
            description = "the HTML file to write (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--png", paramLabel = "DIR", description = "also write each chart as a PNG into DIR (headless Chromium)")
    Path png;

    @Option(names = "--fee-bps", paramLabel = "8,16,25", defaultValue = "8,16,25",
            description = "round-trip fee tiers in bps of notional (default ${DEFAULT-VALUE})")
    String feeBps;

    @Override
    public Integer call() {
        List<Symbol> symbols = common.symbolList();
        if (symbols.isEmpty()) {
            throw new UsageError("give the symbols to report with --symbols (e.g. --symbols BTCUSDT,ETHUSDT,SOLUSDT)");
        }
        List<FeeTier> tiers = tiers(feeBps);
        Compat compat = common.compatMode();
        long t0 = System.nanoTime();
        ReportModel model;
        try (Store store = Stores.open(common.db)) {
            model = ReportBuilder.build(store, new ReportBuilder.Request(symbols, common.fromInstant(),
                    common.toInstant(), compat, signal, tiers, subtitle(symbols, compat, common.db), null),
                    new Progress("report", symbols.size()));
        }
        return emit(model, out, png, common.json, t0);
    }

    static List<FeeTier> tiers(String feeBps) {
        try {
            return FeeTier.parseList(feeBps);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--fee-bps: " + e.getMessage());
        }
    }

    static String subtitle(List<Symbol> symbols, Compat compat, Path db) {
        return String.join(", ", symbols.stream().map(Symbol::name).toList()) + " · "
                + compat.name().toLowerCase(Locale.ROOT) + " mode · store " + db.getFileName();
    }

    /** Writes the report (and PNGs), prints the result; shared with {@code demo}. */
    static int emit(ReportModel model, Path out, Path png, boolean json, long t0) {
        long t1 = System.nanoTime();
        ReportRenderer.Written w;
        try {
            w = ReportRenderer.write(model, out);
        } catch (java.io.UncheckedIOException e) {
            throw new JobFailed(e.getMessage() + " (choose another --out)", e);
        }
        long t2 = System.nanoTime();
        List<Path> pngs = List.of();
        if (png != null) {
            try {
                pngs = ChromiumPngExporter.export(out, png, model);
            } catch (ChromiumPngExporter.ExportException e) {
                throw new JobFailed(e.getMessage(), e);
            }
        }
        if (json) {
            Map<String, Object> doc = Out.obj();
            doc.put("out", out.toAbsolutePath().normalize().toString());
            doc.put("charts", w.figures());
            doc.put("bytes", w.bytes());
            doc.put("tables", model.tables().size());
            doc.put("buildSeconds", (t1 - t0) / 1e9);
            doc.put("writeSeconds", (t2 - t1) / 1e9);
            if (png != null) {
                doc.put("png", pngs.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
            }
            Out.json(System.out, doc);
        } else {
            System.out.printf(Locale.ROOT, "report: %s (%d charts, %d tables, %.1f MB; built in %.2f s, written in %.2f s)%n",
                    out.toAbsolutePath().normalize(), w.figures(), model.tables().size(), w.bytes() / 1e6,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            if (png != null) {
                System.out.printf(Locale.ROOT, "png: %d charts in %s%n", pngs.size(), png.toAbsolutePath().normalize());
            }
        }
        return 0;
    }
}
