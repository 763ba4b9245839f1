package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.marginrisk.MarginStudy;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.report.ChromiumPngExporter;
import io.thermocarry.report.MarginSections;
import io.thermocarry.report.ReportModel;
import io.thermocarry.report.ReportRenderer;
import io.thermocarry.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** With --leverage L[,L...]: a margin section (SPEC §13) for the physics book of each symbol. */
    @Mixin
    MarginOptions margin;

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
            List<Double> leverages = margin.leverages(0);
            if (!(leverages.size() == 1 && leverages.get(0) == 0)) {
                if (compat != Compat.CAUSAL || leverages.contains(0.0)) {
                    throw new UsageError("--leverage: causal mode and leverages >= 1 only in the report");
                }
                model = withMargin(model, store, symbols, tiers.get(0), leverages);
            }
        }
        return emit(model, out, png, common.json, t0);
    }

    /** The model with a margin section inserted before the physics section. */
    private ReportModel withMargin(ReportModel model, Store store, List<Symbol> symbols, FeeTier tier,
            List<Double> leverages) {
        List<MarginSections.Row> rows = new ArrayList<>();
        StrategySpec physics = Strategies.parse("physics");
        for (Symbol symbol : symbols) {
            MarketLoader.Loaded market = MarketLoader.load(store, symbol, null, common.toInstant());
            Prepared p = Prepared.causal(store, market, common.fromInstant(), common.toInstant(), signal);
            BacktestRequest req = new BacktestRequest(p.cycles(), p.path(), physics, tier, Compat.CAUSAL, 1.0,
                    p.firstCycle(), p.accrual());
            MarginBars bars = margin.bars(store, market, common.fromInstant(), common.toInstant());
            for (double lev : leverages) {
                rows.add(new MarginSections.Row(symbol.name(), MarginStudy.run(req,
                        new MarginInputs(margin.spec(symbol, lev), bars), margin.study())));
            }
        }
        String lead = "Can the carry survive its own hedge? The physics book (causal, " + Out.fmt(tier.roundTripBps(), 0)
                + " bps) with its perp leg margined at each leverage on " + margin.interval().code() + " bars: futures"
                + " share " + Out.fmt(margin.futuresShare, 2) + " (at least the initial margin N/L), transfers from the"
                + " spot wallet arriving after " + margin.transferDelay + ", Binance's tiered maintenance margin"
                + " (bracket table " + (margin.brackets == null ? "built in" : margin.brackets.getFileName().toString())
                + "), clearance fee " + Out.fmt(100 * margin.clearanceFee, 2) + " %.";
        List<ReportModel.Section> sections = new ArrayList<>(model.sections());
        int at = sections.size();
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id().equals("physics")) {
                at = i;
                break;
            }
        }
        sections.add(at, MarginSections.section(rows, lead));
        return new ReportModel(model.title(), model.subtitle(), model.generatedAt(), sections);
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
