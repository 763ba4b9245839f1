package io.thermocarry.app;

import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.PnlSplit;
import io.thermocarry.core.backtest.RegimePnl;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.report.EvaluationStats;
import io.thermocarry.report.StrategyResult;
import io.thermocarry.store.Store;
import io.thermocarry.store.StoredCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code evaluate} stored for one symbol (its newest run), read back and mapped to the report's values:
 * out-of-sample books with their metrics and equity curves, test folds, relaxation buckets, significance and
 * the edge decomposition. Wiring only: every number is a stored column, unchanged.
 *
 * @param runId the run
 * @param run the run's {@code runs} row of this symbol
 * @param results books (fold −1: the stitched out-of-sample span), every strategy, configuration, tier, compat
 * @param metricsRows the stored {@code metrics} rows behind {@code results}, same order
 * @param buckets bucket rows
 * @param significance significance rows
 * @param edge decomposition cells
 */
record StoredEvaluation(String runId, Map<String, Object> run, List<StrategyResult> results,
        List<Map<String, Object>> metricsRows, List<EvaluationStats.Bucket> buckets,
        List<EvaluationStats.Significance> significance, List<EvaluationStats.EdgeCell> edge) {

    /** Fold tag of the stitched out-of-sample rows. */
    static final int STITCHED = -1;

    /** The newest run holding {@code symbol}, or empty when {@code evaluate} never ran on it. */
    static Optional<StoredEvaluation> read(Store store, Symbol symbol) {
        Optional<String> id = store.latestRun(symbol);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String runId = id.get();
        List<Map<String, Object>> runs = store.readResults("runs", runId, symbol);
        Map<String, Object> run = runs.isEmpty() ? Map.of() : runs.get(0);
        Map<String, List<StrategyResult.Fold>> folds = folds(store.readResults("fold_fits", runId, symbol));
        Map<String, StoredCurve> curves = new TreeMap<>();
        for (StoredCurve c : store.equityCurves(runId, symbol)) {
            curves.put(book(c.strategy(), c.config(), c.feeBps(), c.compat()), c);
        }
        List<StrategyResult> results = new ArrayList<>();
        List<Map<String, Object>> metricsRows = new ArrayList<>();
        for (Map<String, Object> m : store.readResults("metrics", runId, symbol)) {
            if (lng(m, "fold") != STITCHED) {
                continue;
            }
            String strategy = str(m, "strategy");
            String config = str(m, "config");
            String compat = str(m, "compat");
            double bps = dbl(m, "fee_bps");
            StoredCurve c = curves.get(book(strategy, config, bps, compat));
            long[] t;
            double[] e;
            // the ledger keeps every cycle (flat before the out-of-sample span): the curve starts where it starts
            long oosStart = run.get("oos_start_ms") instanceof Number x ? x.longValue() : Long.MIN_VALUE;
            int from = 0;
            while (c != null && from < c.startMs().length && c.startMs()[from] < oosStart) {
                from++;
            }
            if (c == null || from >= c.equity().length) {
                t = new long[0];
                e = new double[0];
            } else {
                int n = c.equity().length - from;
                t = new long[n + 1];
                e = new double[n + 1];
                t[0] = c.startMs()[from];
                e[0] = from == 0 ? 1.0 : c.equity()[from - 1];
                System.arraycopy(c.endMs(), from, t, 1, n);
                System.arraycopy(c.equity(), from, e, 1, n);
            }
            results.add(new StrategyResult(symbol.name(), strategy, config, compat, bps, t, e, performance(m),
                    folds.getOrDefault(compat, List.of())));
            metricsRows.add(m);
        }
        List<Map<String, Object>> bucketRows = store.readResults("buckets", runId, symbol);
        // one compat mode's bucket test in the report: causal when the run has it
        String bucketCompat = bucketRows.stream().anyMatch(b -> "causal".equals(str(b, "compat"))) ? "causal"
                : "reference";
        List<EvaluationStats.Bucket> buckets = new ArrayList<>();
        for (Map<String, Object> b : bucketRows) {
            if (!bucketCompat.equals(str(b, "compat"))) {
                continue;
            }
            String scheme = str(b, "scheme");
            int eb = (int) lng(b, "entropy_bucket");
            buckets.add(new EvaluationStats.Bucket(scheme(scheme), (int) lng(b, "bucket"), eb,
                    range(dbl(b, "r_low"), dbl(b, "r_high")), eb < 0 ? "" : range(dbl(b, "e_low"), dbl(b, "e_high")),
                    (int) lng(b, "count"), dbl(b, "mean_total"), dbl(b, "mean_funding"), dbl(b, "mean_basis"),
                    dbl(b, "median_total"), dbl(b, "median_funding"), dbl(b, "median_basis"), dbl(b, "hit_rate"),
                    dbl(b, "convergence_share"), dbl(b, "worst_decile")));
        }
        List<EvaluationStats.Significance> sig = new ArrayList<>();
        for (Map<String, Object> s : store.readResults("significance", runId, symbol)) {
            sig.add(new EvaluationStats.Significance(symbol.name(), str(s, "compat"), dbl(s, "fee_bps"),
                    str(s, "strategy"), str(s, "config"), str(s, "versus"), str(s, "versus_config"), dbl(s, "sharpe"),
                    dbl(s, "sharpe_versus"), dbl(s, "sharpe_diff"), dbl(s, "ci_low"), dbl(s, "ci_high"),
                    dbl(s, "level"), dbl(s, "p_value"), (int) lng(s, "resamples"), (int) lng(s, "block_length"),
                    (int) lng(s, "cycles")));
        }
        List<EvaluationStats.EdgeCell> edge = new ArrayList<>();
        for (Map<String, Object> d : store.readResults("decomposition", runId, symbol)) {
            double years = Double.NaN;
            Performance p = new Performance((int) lng(d, "cycles"), years, Double.NaN, dbl(d, "total_return"),
                    dbl(d, "annual_return"), dbl(d, "sharpe"), Double.NaN, Double.NaN, dbl(d, "reference_sharpe"),
                    dbl(d, "max_drawdown"), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    (int) lng(d, "trades"), Double.NaN, dbl(d, "turnover"), Double.NaN,
                    new PnlSplit(dbl(d, "pnl_funding"), dbl(d, "pnl_basis"), 0.0, dbl(d, "pnl_fees"),
                            dbl(d, "pnl_total")), List.of());
            edge.add(new EvaluationStats.EdgeCell(symbol.name(), (int) lng(d, "step") - 1, str(d, "step_label"),
                    str(d, "strategy"), dbl(d, "fee_bps"), p));
        }
        return Optional.of(new StoredEvaluation(runId, run, results, metricsRows, buckets, sig, edge));
    }

    /** Bucket scheme as the report names it: fixed, quintile, 2d. */
    static String scheme(String stored) {
        return switch (stored) {
            case "RELAXATION_FIXED" -> "fixed";
            case "RELAXATION_QUINTILE" -> "quintile";
            case "RELAXATION_FIXED_BY_ENTROPY_TERCILE" -> "2d";
            default -> stored.toLowerCase(Locale.ROOT);
        };
    }

    private static String book(String strategy, String config, double bps, String compat) {
        return strategy + "|" + config + "|" + bps + "|" + compat;
    }

    /** Test folds per compat mode from {@code fold_fits} (the untuned physics rows carry the layout). */
    private static Map<String, List<StrategyResult.Fold>> folds(List<Map<String, Object>> fits) {
        Map<String, TreeMap<Long, StrategyResult.Fold>> byCompat = new TreeMap<>();
        for (Map<String, Object> f : fits) {
            if (!"full".equals(str(f, "config"))) {
                continue;
            }
            byCompat.computeIfAbsent(str(f, "compat"), k -> new TreeMap<>()).put(lng(f, "fold"),
                    new StrategyResult.Fold(lng(f, "test_start_ms"), lng(f, "test_end_ms")));
        }
        Map<String, List<StrategyResult.Fold>> out = new TreeMap<>();
        byCompat.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
        return out;
    }

    /** The metrics row as the {@link Performance} it was written from (regime price PnL is not stored: NaN). */
    static Performance performance(Map<String, Object> m) {
        List<RegimePnl> byRegime = new ArrayList<>();
        for (Regime r : Regime.values()) {
            byRegime.add(regime(m, r.name().toLowerCase(Locale.ROOT), r));
        }
        byRegime.add(regime(m, "none", null));
        int cycles = (int) lng(m, "cycles");
        double years = dbl(m, "years");
        return new Performance(cycles, years, years > 0 ? cycles / years : Double.NaN, dbl(m, "total_return"),
                dbl(m, "annual_return"), dbl(m, "sharpe"), dbl(m, "sortino"), dbl(m, "sharpe_per_cycle"),
                dbl(m, "reference_sharpe"), dbl(m, "max_drawdown"), dbl(m, "calmar"), dbl(m, "worst_cycle"),
                dbl(m, "cvar5"), dbl(m, "win_rate"), dbl(m, "profit_factor"), (int) lng(m, "trades"),
                dbl(m, "avg_hold_cycles"), dbl(m, "turnover"), dbl(m, "fee_drag"),
                new PnlSplit(dbl(m, "pnl_funding"), dbl(m, "pnl_basis"), dbl(m, "pnl_price"), dbl(m, "pnl_fees"),
                        dbl(m, "pnl_total")), byRegime);
    }

    private static RegimePnl regime(Map<String, Object> m, String p, Regime r) {
        return new RegimePnl(r, (int) lng(m, p + "_cycles"), new PnlSplit(dbl(m, p + "_funding"), dbl(m, p + "_basis"),
                Double.NaN, dbl(m, p + "_fees"), dbl(m, p + "_total")));
    }

    private static String range(double lo, double hi) {
        if (Double.isInfinite(lo) || Double.isNaN(lo)) {
            return "< " + edge(hi);
        }
        if (Double.isInfinite(hi) || Double.isNaN(hi)) {
            return "≥ " + edge(lo);
        }
        return edge(lo) + "–" + edge(hi);
    }

    private static String edge(double v) {
        return String.format(Locale.ROOT, "%.3g", v).replace('-', '\u2212');
    }

    static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? "" : v.toString();
    }

    static double dbl(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static long lng(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) {
            throw new JobFailed("the store's " + k + " is missing in an evaluation row; re-run 'thermocarry evaluate'");
        }
        return n.longValue();
    }
}
