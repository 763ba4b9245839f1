package io.thermocarry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.WalkForwardSpec;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.sweep.Robustness;
import io.thermocarry.core.sweep.SweepEngine;
import io.thermocarry.core.sweep.SweepFailedException;
import io.thermocarry.core.sweep.SweepGrid;
import io.thermocarry.core.sweep.SweepMarket;
import io.thermocarry.core.sweep.SweepOutcome;
import io.thermocarry.core.sweep.SweepParameter;
import io.thermocarry.core.sweep.SweepPoint;
import io.thermocarry.core.sweep.SweepRow;
import io.thermocarry.core.sweep.SweepSpec;
import io.thermocarry.store.Store;
import io.thermocarry.store.SweepStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep}: a parameter grid of the physics carry × symbols × walk-forward folds on all cores (issue 11).
 * Wiring: the grid, the engine and the robustness rule live in {@code core.sweep}, the tables in
 * {@code store.SweepStore}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"A grid over the physics carry's parameters × symbols × walk-forward folds, on a fixed pool of "
                + "all cores. Every point is judged out of sample on the same test folds (360 training + 90 test cycles "
                + "by default, placed after the grid's longest signal warm-up). Results stream into the store's "
                + "'sweep' table (re-running the same request replaces its rows) and --csv; the summary names the "
                + "best point (highest Sharpe, mean over symbols) and the fraction of its grid neighbours whose Sharpe "
                + "and PnL split lie within 20 %%.",
                "Parameters: basisWindow, betaHistory, entropyWindow, jeWindow (signal windows: a new signal run), "
                        + "nessR, equilibriumR (relaxation-ratio thresholds: a re-classification), baseFraction, "
                        + "resizeThreshold (sizing), feeBps (fee tier). Values: v1,v2,... or start:stop:step."})
final class SweepCommand implements Callable<Integer> {
    static final List<String> DEFAULT_SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    @Mixin
    CommonOptions common;

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,...",
            description = "a swept parameter and its values (repeat the option per parameter), e.g. "
                    + "--grid nessR=1.2,1.4,1.6 --grid baseFraction=0.25:0.75:0.25")
    List<String> grid;

    @Option(names = "--grid-file", paramLabel = "FILE",
            description = "a JSON grid: {\"nessR\":[1.2,1.4],\"feeBps\":\"8:24:8\"} (or under a \"grid\" key)")
    Path gridFile;

    @Option(names = {"--train", "--folds-train"}, defaultValue = "360", paramLabel = "CYCLES",
            description = "training cycles before each test fold (default ${DEFAULT-VALUE})")
    int train;

    @Option(names = {"--test", "--folds-test"}, defaultValue = "90", paramLabel = "CYCLES",
            description = "test cycles per fold and roll step (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--config", defaultValue = "full", paramLabel = "full|relaxation-only|relaxation+entropy",
            description = "regime configuration of every point (default ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--kappa-method", defaultValue = "through-origin", paramLabel = "through-origin|demeaned",
            description = "AR(1) κ estimator of every signal run (default ${DEFAULT-VALUE})")
    String kappaMethod;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors)")
    Integer threads;

    @Option(names = "--batch", defaultValue = "2000", paramLabel = "ROWS",
            description = "result rows per store transaction (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "points listed in text output")
    int top;

    @Override
    public Integer call() {
        if (common.compatMode() != Compat.CAUSAL) {
            throw new UsageError("sweep runs causal rules only: tuning to the reference's look-ahead means nothing");
        }
        if (train <= 0 || test <= 0 || batch <= 0) {
            throw new UsageError("--train, --test and --batch must be positive");
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nThreads <= 0) {
            throw new UsageError("--threads must be positive");
        }
        SweepGrid g = parseGrid();
        RegimeConfig cfg = SignalOptions.parseConfig(config);
        KappaMethod km = SignalOptions.parseKappa(kappaMethod);
        SweepSpec spec = new SweepSpec(g, new WalkForwardSpec(train, test), cfg, km);
        List<Symbol> symbols = common.symbolList();
        if (symbols.isEmpty()) {
            symbols = DEFAULT_SYMBOLS.stream().map(Symbol::of).toList();
        }
        Instant from = common.fromInstant();
        Instant to = common.toInstant();
        String request = spec.canonical() + ";symbols=" + String.join(",", symbols.stream().map(Symbol::name).toList())
                + ";from=" + from + ";to=" + to;
        String id = sweepId(request);

        ExecutorService pool = Executors.newFixedThreadPool(nThreads, daemonThreads());
        try (Store store = Stores.open(common.db); CsvStream csv = common.csv == null ? null : new CsvStream(common.csv)) {
            List<SweepMarket> markets = new ArrayList<>();
            for (Symbol s : symbols) {
                // the data evaluate reads: all history up to --to, folds from --from, cycles covered by the basis
                MarketLoader.Loaded l = MarketLoader.load(store, s, null, to);
                SymbolData data = new SymbolData(s, l.funding(), l.basis(), l.mark().isEmpty() ? null : l.mark(), from);
                markets.add(SweepMarket.of(data, FundingAccrual.RATE_AT_CYCLE_END));
            }
            SweepStore tables = store.sweeps();
            long token = tables.begin(id, request, symbols, g.size());
            long total = (long) g.size() * symbols.size();
            Progress progress = new Progress("sweep", total);
            SweepOutcome outcome;
            try {
                outcome = SweepEngine.run(spec, markets, pool, nThreads, batch, rows -> {
                    tables.append(id, token, rows);
                    if (csv != null) {
                        csv.write(rows);
                    }
                }, (done, all) -> progress.update(done, done + "/" + all + " backtests"));
            } catch (IllegalArgumentException e) {
                throw new JobFailed(e.getMessage(), e);
            } catch (SweepFailedException e) {
                throw new JobFailed("sweep " + id + " failed: " + e.getMessage()
                        + " (rows of the last complete run, if any, are kept)", e);
            }
            tables.finish(id, token, outcome.seconds(), outcome.robustness().best());
            List<SweepRow> bestRows = outcome.robustness().best() < 0 ? List.of()
                    : tables.rowsOfPoint(id, outcome.robustness().best());
            if (common.json) {
                Out.json(System.out, json(id, symbols, outcome, bestRows));
            } else {
                printText(id, symbols, outcome, bestRows);
            }
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private SweepGrid parseGrid() {
        List<String> items = new ArrayList<>(grid == null ? List.of() : grid);
        if (gridFile != null) {
            items.addAll(gridFileItems(gridFile));
        }
        try {
            return SweepGrid.parse(items);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--grid: " + e.getMessage());
        }
    }

    /** The items of a JSON grid file as {@code name=values} strings. */
    static List<String> gridFileItems(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageError("--grid-file " + file + ": " + e.getMessage());
        }
        if (root != null && root.has("grid")) {
            root = root.get("grid");
        }
        if (root == null || !root.isObject()) {
            throw new UsageError("--grid-file " + file + ": expected a JSON object of parameter -> values");
        }
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String values;
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode x : v) {
                    if (!x.isNumber()) {
                        throw new UsageError("--grid-file " + file + ": " + e.getKey() + " holds a non-number " + x);
                    }
                    parts.add(x.asText());
                }
                values = String.join(",", parts);
            } else if (v.isNumber() || v.isTextual()) {
                values = v.asText();
            } else {
                throw new UsageError("--grid-file " + file + ": " + e.getKey() + " must be a list of numbers, a number"
                        + " or a \"start:stop:step\" string");
            }
            out.add(e.getKey() + "=" + values);
        }
        return out;
    }

    /** First 16 hex digits of the SHA-256 of the canonical request: the same request, the same id. */
    static String sweepId(String request) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static Map<String, Object> parameters(SweepPoint p) {
        Map<String, Object> m = Out.obj();
        for (SweepParameter q : SweepParameter.values()) {
            m.put(q.cliName(), q.integer() ? (Object) (long) p.value(q) : (Object) p.value(q));
        }
        return m;
    }

    private static Map<String, Object> pnl(double funding, double basis, double fees, double total) {
        Map<String, Object> m = Out.obj();
        m.put("funding", Out.num(funding));
        m.put("basis", Out.num(basis));
        m.put("fees", Out.num(fees));
        m.put("total", Out.num(total));
        return m;
    }

    private static Map<String, Object> json(String id, List<Symbol> symbols, SweepOutcome o, List<SweepRow> bestRows) {
        SweepGrid g = o.spec().grid();
        Map<String, Object> doc = Out.obj();
        doc.put("sweepId", id);
        doc.put("points", g.size());
        doc.put("symbols", symbols.stream().map(Symbol::name).toList());
        doc.put("backtests", o.backtests());
        doc.put("seconds", o.seconds());
        doc.put("backtestsPerMinute", Out.num(o.backtestsPerMinute()));
        doc.put("signalRuns", o.signalRuns());
        doc.put("regimePaths", o.regimePaths());
        doc.put("swept", g.swept().stream().map(SweepParameter::cliName).toList());
        List<Object> layouts = new ArrayList<>();
        for (SweepOutcome.Layout l : o.layouts()) {
            Map<String, Object> m = Out.obj();
            m.put("symbol", l.symbol().name());
            m.put("folds", l.folds().size());
            m.put("oosCycles", l.end() - l.oosStart());
            m.put("oosStart", Out.time(l.oosStartMs()));
            m.put("oosEnd", Out.time(l.oosEndMs()));
            layouts.add(m);
        }
        doc.put("walkForward", layouts);
        Robustness r = o.robustness();
        SweepOutcome.Scores s = o.scores();
        int b = r.best();
        if (b >= 0) {
            Map<String, Object> best = Out.obj();
            best.put("point", b);
            best.put("parameters", parameters(g.point(b)));
            best.put("sharpe", Out.num(s.sharpe()[b]));
            best.put("pnl", pnl(s.funding()[b], s.basis()[b], s.fees()[b], s.total()[b]));
            List<Object> per = new ArrayList<>();
            for (SweepRow row : bestRows) {
                Map<String, Object> m = Out.obj();
                m.put("symbol", row.symbol().name());
                m.put("sharpe", Out.num(row.sharpe()));
                m.put("sortino", Out.num(row.sortino()));
                m.put("totalReturn", Out.num(row.totalReturn()));
                m.put("annualReturn", Out.num(row.annualReturn()));
                m.put("maxDrawdown", Out.num(row.maxDrawdown()));
                m.put("pnl", pnl(row.pnlFunding(), row.pnlBasis(), row.pnlFees(), row.pnlTotal()));
                m.put("trades", row.trades());
                m.put("folds", row.folds());
                m.put("foldSharpeMin", Out.num(row.foldSharpeMin()));
                m.put("foldSharpeMedian", Out.num(row.foldSharpeMedian()));
                m.put("foldsPositive", Out.num(row.foldsPositive()));
                per.add(m);
            }
            best.put("perSymbol", per);
            doc.put("best", best);
        } else {
            doc.put("best", null);
        }
        Map<String, Object> rob = Out.obj();
        rob.put("fractionOfNeighboursWithin20pct", Out.num(r.sharpeWithin()));
        rob.put("tolerance", r.tolerance());
        rob.put("neighbours", r.neighbours());
        rob.put("fundingWithin20pct", Out.num(r.fundingWithin()));
        rob.put("basisWithin20pct", Out.num(r.basisWithin()));
        rob.put("feesWithin20pct", Out.num(r.feesWithin()));
        rob.put("totalWithin20pct", Out.num(r.totalWithin()));
        rob.put("pnlSplitWithin20pct", Out.num(r.splitWithin()));
        rob.put("sharpeAndSplitWithin20pct", Out.num(r.allWithin()));
        List<Object> nb = new ArrayList<>();
        for (Robustness.Neighbour n : r.detail()) {
            Map<String, Object> m = Out.obj();
            m.put("point", n.point());
            m.put("parameter", n.axis().cliName());
            m.put("value", n.value());
            m.put("sharpe", Out.num(n.sharpe()));
            m.put("pnl", pnl(n.funding(), n.basis(), n.fees(), n.total()));
            m.put("sharpeWithin", n.sharpeWithin());
            m.put("splitWithin", n.splitWithin());
            nb.add(m);
        }
        rob.put("neighbourDetail", nb);
        doc.put("robustness", rob);
        return doc;
    }

    private void printText(String id, List<Symbol> symbols, SweepOutcome o, List<SweepRow> bestRows) {
        SweepGrid g = o.spec().grid();
        System.out.printf(Locale.ROOT, "sweep %s: %d points x %d symbols = %d backtests in %.2f s (%.0f backtests/min);"
                + " %d signal runs, %d regime paths%n", id, g.size(), symbols.size(), o.backtests(), o.seconds(),
                o.backtestsPerMinute(), o.signalRuns(), o.regimePaths());
        for (SweepOutcome.Layout l : o.layouts()) {
            System.out.printf(Locale.ROOT, "  %s: %d test folds, %d out-of-sample cycles %s .. %s%n", l.symbol(),
                    l.folds().size(), l.end() - l.oosStart(), Out.time(l.oosStartMs()), Out.time(l.oosEndMs()));
        }
        SweepOutcome.Scores s = o.scores();
        List<SweepParameter> swept = g.swept();
        int[] best = topPoints(s.sharpe(), Math.max(top, 0));
        List<String> header = new ArrayList<>();
        header.add("point");
        swept.forEach(p -> header.add(p.cliName()));
        header.addAll(List.of("Sharpe", "funding %", "basis %", "fees %", "total %"));
        List<List<String>> rows = new ArrayList<>();
        for (int p : best) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(p));
            SweepPoint pt = g.point(p);
            swept.forEach(q -> row.add(SweepGrid.format(q, pt.value(q))));
            row.add(Out.fmt(s.sharpe()[p], 2));
            row.add(Out.fmt(100 * s.funding()[p], 2));
            row.add(Out.fmt(100 * s.basis()[p], 2));
            row.add(Out.fmt(100 * s.fees()[p], 2));
            row.add(Out.fmt(100 * s.total()[p], 2));
            rows.add(row);
        }
        System.out.println("top points by out-of-sample Sharpe (mean over symbols; PnL in % of capital at the first"
                + " test cycle):");
        System.out.print(Out.table(header, rows));
        Robustness r = o.robustness();
        if (r.best() < 0) {
            System.out.println("no point has a defined Sharpe");
            return;
        }
        for (SweepRow row : bestRows) {
            System.out.printf(Locale.ROOT, "  best on %s: Sharpe %s, total %s %%, maxDD %s %%, folds positive %s %%,"
                    + " fold Sharpe min/median %s/%s%n", row.symbol(), Out.fmt(row.sharpe(), 2),
                    Out.fmt(100 * row.totalReturn(), 2), Out.fmt(100 * row.maxDrawdown(), 2),
                    Out.fmt(100 * row.foldsPositive(), 0), Out.fmt(row.foldSharpeMin(), 2),
                    Out.fmt(row.foldSharpeMedian(), 2));
        }
        System.out.printf(Locale.ROOT, "robustness of point %d: %d neighbours; within 20 %%: Sharpe %s, funding %s,"
                + " basis %s, fees %s, whole split %s%n", r.best(), r.neighbours(), share(r.sharpeWithin()),
                share(r.fundingWithin()), share(r.basisWithin()), share(r.feesWithin()), share(r.splitWithin()));
    }

    private static String share(double f) {
        return Double.isNaN(f) ? "-" : Out.fmt(100 * f, 0) + " %";
    }

    /** Indices of the {@code n} highest finite values, best first (ties: lower index first). */
    static int[] topPoints(double[] v, int n) {
        int[] idx = new int[n];
        int k = 0;
        for (int p = 0; p < v.length; p++) {
            if (!Double.isFinite(v[p])) {
                continue;
            }
            int pos = k;
            while (pos > 0 && v[idx[pos - 1]] < v[p]) {
                pos--;
            }
            if (pos >= n) {
                continue;
            }
            int end = Math.min(k, n - 1);
            System.arraycopy(idx, pos, idx, pos + 1, end - pos);
            idx[pos] = p;
            k = Math.min(k + 1, n);
        }
        return java.util.Arrays.copyOf(idx, k);
    }

    /** The sweep's rows as CSV, written as they arrive (nothing kept in memory). */
    static final class CsvStream implements AutoCloseable {
        private final Path file;
        private final BufferedWriter w;

        CsvStream(Path file) {
            this.file = file;
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                List<String> h = new ArrayList<>(List.of("point", "symbol"));
                for (SweepParameter p : SweepParameter.values()) {
                    h.add(p.cliName());
                }
                h.addAll(List.of("folds", "cycles", "oosStart", "oosEnd", "sharpe", "sortino", "totalReturn",
                        "annualReturn", "maxDrawdown", "cvar5", "pnlFunding", "pnlBasis", "pnlFees", "pnlTotal",
                        "trades", "turnover", "foldSharpeMin", "foldSharpeMedian", "foldsPositive", "equilibriumShare",
                        "nessShare"));
                w.write(String.join(",", h));
                w.write('\n');
            } catch (IOException e) {
                throw new JobFailed("cannot write CSV " + file + ": " + e.getMessage(), e);
            }
        }

        void write(List<SweepRow> rows) {
            try {
                StringBuilder sb = new StringBuilder(256);
                for (SweepRow r : rows) {
                    sb.setLength(0);
                    sb.append(r.point()).append(',').append(r.symbol().name());
                    for (SweepParameter p : SweepParameter.values()) {
                        sb.append(',').append(SweepGrid.format(p, r.parameters().value(p)));
                    }
                    sb.append(',').append(r.folds()).append(',').append(r.cycles()).append(',')
                            .append(Out.time(r.oosStartMs())).append(',').append(Out.time(r.oosEndMs()));
                    for (double v : new double[] {r.sharpe(), r.sortino(), r.totalReturn(), r.annualReturn(),
                            r.maxDrawdown(), r.cvar5(), r.pnlFunding(), r.pnlBasis(), r.pnlFees(), r.pnlTotal()}) {
                        sb.append(',').append(Out.csvNum(v));
                    }
                    sb.append(',').append(r.trades());
                    for (double v : new double[] {r.turnover(), r.foldSharpeMin(), r.foldSharpeMedian(),
                            r.foldsPositive(), r.equilibriumShare(), r.nessShare()}) {
                        sb.append(',').append(Out.csvNum(v));
                    }
                    sb.append('\n');
                    w.write(sb.toString());
                }
            } catch (IOException e) {
                throw new JobFailed("cannot write CSV " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                w.close();
            } catch (IOException e) {
                throw new JobFailed("cannot write CSV " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
