package io.thermocarry.report;

import io.thermocarry.core.backtest.Performance;
import io.thermocarry.report.Block.Chart;
import io.thermocarry.report.Block.Column;
import io.thermocarry.report.Block.HeatMap;
import io.thermocarry.report.Block.Series;
import io.thermocarry.report.Block.Style;
import io.thermocarry.report.Block.Table;
import io.thermocarry.report.Block.Tone;
import io.thermocarry.report.Block.Width;
import io.thermocarry.report.Block.XAxis;
import io.thermocarry.report.Block.YAxis;
import io.thermocarry.report.EvaluationStats.Bucket;
import io.thermocarry.report.EvaluationStats.EdgeCell;
import io.thermocarry.report.EvaluationStats.Significance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation's charts and tables (SPEC §9): the relaxation-bucket test (bars and a heat map), the
 * significance of the Sharpe differences, and where the published edge comes from. Pure functions of
 * {@link EvaluationStats} values.
 */
public final class EvaluationSections {
    private static final NumFormat BPS2 = new NumFormat(10_000, 2);
    private static final NumFormat PCT1 = new NumFormat(100, 1);

    private EvaluationSections() {
    }

    /**
     * Mean next-cycle carry per relaxation bucket of one scheme ({@code fixed} or {@code quintile}): funding,
     * basis and total in bps of notional per cycle, the count in each category label.
     */
    public static Chart bucketChart(String symbol, String scheme, List<Bucket> buckets) {
        List<Bucket> rows = buckets.stream().filter(b -> b.scheme().equals(scheme))
                .sorted(Comparator.comparingInt(Bucket::bucket)).toList();
        int n = rows.size();
        double[] xs = new double[n];
        double[] f = new double[n];
        double[] b = new double[n];
        double[] t = new double[n];
        List<String> cats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Bucket x = rows.get(i);
            xs[i] = i;
            f[i] = x.meanFunding() * 1e4;
            b[i] = x.meanBasis() * 1e4;
            t[i] = x.meanTotal() * 1e4;
            cats.add(x.label() + "\nn = " + x.count());
        }
        return new Chart(CarrySections.key(symbol) + "-buckets-" + scheme, symbol + ": carry by relaxation ratio ("
                + scheme + " buckets)",
                "Next cycle's carry of a unit short-basis position after each decision, by the decision's r (n ="
                        + " decisions): mean funding, basis and total in bps of notional per cycle. Regime sizing bets"
                        + " that carry falls as r grows (then sizing down at high r pays).",
                XAxis.categories("relaxation ratio r bucket (dimensionless), decisions", cats),
                List.of(YAxis.linear("mean carry (bps / cycle)")), xs,
                List.of(new Series("funding", CarrySections.FUNDING, 0, Style.BARS, false, f),
                        new Series("basis", CarrySections.BASIS, 0, Style.BARS, false, b),
                        new Series("total", CarrySections.TOTAL, 0, Style.BARS, false, t)),
                List.of(), List.of(), Width.HALF, 240, "");
    }

    /** Every statistic of the one-dimensional bucket schemes, one row per bucket. */
    public static Table bucketTable(String symbol, List<Bucket> buckets) {
        List<Column> cols = List.of(new Column("scheme", ""), new Column("r bucket", ""), new Column("decisions", ""),
                new Column("mean total", "bps"), new Column("mean funding", "bps"), new Column("mean basis", "bps"),
                new Column("median total", "bps"), new Column("median funding", "bps"),
                new Column("median basis", "bps"), new Column("hit rate", "%"), new Column("basis came back", "%"),
                new Column("worst decile", "bps"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b.entropyBucket() >= 0) {
                continue;
            }
            rows.add(List.of(Cell.text(b.scheme()), Cell.text(b.label()), Cell.num(b.count(), NumFormat.INTEGER),
                    Cell.num(b.meanTotal(), BPS2), Cell.num(b.meanFunding(), BPS2), Cell.num(b.meanBasis(), BPS2),
                    Cell.num(b.medianTotal(), BPS2), Cell.num(b.medianFunding(), BPS2),
                    Cell.num(b.medianBasis(), BPS2), Cell.num(b.hitRate(), PCT1),
                    Cell.num(b.convergenceShare(), PCT1), Cell.num(b.worstDecile(), BPS2)));
        }
        return new Table(CarrySections.key(symbol) + "-buckets", symbol + ": relaxation-bucket test",
                "Per bucket of the decision's relaxation ratio: the next cycle's carry of a unit short-basis position"
                        + " (bps of notional per cycle), hit rate = share with total > 0, basis came back = share with"
                        + " |b_end| < |b_start|, worst decile = 10th percentile of the total.", cols, rows);
    }

    /** The two-dimensional bucket test: mean total carry per r bucket (rows) and entropy-rate tercile (columns). */
    public static HeatMap bucketHeatMap(String symbol, List<Bucket> buckets) {
        List<Bucket> two = buckets.stream().filter(b -> b.entropyBucket() >= 0).toList();
        Map<Integer, String> rowLabels = new LinkedHashMap<>();
        Map<Integer, String> colLabels = new LinkedHashMap<>();
        two.stream().sorted(Comparator.comparingInt(Bucket::bucket)).forEach(b -> rowLabels.putIfAbsent(b.bucket(),
                b.label()));
        two.stream().sorted(Comparator.comparingInt(Bucket::entropyBucket))
                .forEach(b -> colLabels.putIfAbsent(b.entropyBucket(), tercile(b.entropyBucket()) + (b.entropyLabel()
                        .isEmpty() ? "" : " " + b.entropyLabel())));
        List<Integer> rk = new ArrayList<>(rowLabels.keySet());
        List<Integer> ck = new ArrayList<>(colLabels.keySet());
        double[][] v = new double[rk.size()][ck.size()];
        int[][] n = new int[rk.size()][ck.size()];
        for (double[] row : v) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (Bucket b : two) {
            int r = rk.indexOf(b.bucket());
            int c = ck.indexOf(b.entropyBucket());
            v[r][c] = b.meanTotal();
            n[r][c] = b.count();
        }
        return new HeatMap(CarrySections.key(symbol) + "-buckets-2d", symbol + ": carry by r and entropy rate",
                "Mean next-cycle total carry of a unit short-basis position per relaxation bucket (rows) and entropy-rate"
                        + " tercile (columns), with the number of decisions.",
                "r bucket", new ArrayList<>(rowLabels.values()), "entropy-rate tercile",
                new ArrayList<>(colLabels.values()), v, n, BPS2, "bps of notional per cycle", Width.HALF);
    }

    private static String tercile(int i) {
        return switch (i) {
            case 0 -> "low";
            case 1 -> "middle";
            case 2 -> "high";
            default -> "tercile " + i;
        };
    }

    /** The significance table: each Sharpe difference with its interval, p-value and a plain verdict. */
    public static Table significance(List<Significance> rows) {
        List<Column> cols = List.of(new Column("symbol", ""), new Column("compat", ""), new Column("fee tier", "bps"),
                new Column("strategy", ""), new Column("versus", ""), new Column("Sharpe", "annualised"),
                new Column("Sharpe versus", "annualised"), new Column("difference", ""), new Column("CI low", ""),
                new Column("CI high", ""), new Column("p-value", "two-sided"), new Column("verdict", ""),
                new Column("cycles", ""), new Column("resamples", ""), new Column("block", "cycles"));
        List<List<Cell>> out = new ArrayList<>();
        for (Significance s : rows) {
            int v = s.verdict();
            String verdict = v > 0 ? "better" : v < 0 ? "worse" : "no difference shown";
            out.add(List.of(Cell.text(s.symbol()), Cell.text(s.compat()), Cell.num(s.feeBps(), NumFormat.fixed(0)),
                    Cell.text(label(s.strategy(), s.config())), Cell.text(label(s.versus(), s.versusConfig())),
                    Cell.num(s.sharpe(), NumFormat.FIXED2), Cell.num(s.sharpeVersus(), NumFormat.FIXED2),
                    Cell.num(s.sharpeDiff(), NumFormat.FIXED2), Cell.num(s.ciLow(), NumFormat.FIXED2),
                    Cell.num(s.ciHigh(), NumFormat.FIXED2), Cell.num(s.pValue(), NumFormat.FIXED3),
                    Cell.text(verdict, v > 0 ? Tone.GOOD : v < 0 ? Tone.BAD : Tone.NEUTRAL),
                    Cell.num(s.cycles(), NumFormat.INTEGER), Cell.num(s.resamples(), NumFormat.INTEGER),
                    Cell.num(s.blockLength(), NumFormat.INTEGER)));
        }
        double level = rows.isEmpty() ? 0.95 : rows.get(0).level();
        return new Table("significance", "Does regime sizing beat the baselines? (out of sample)",
                "Difference of annualised out-of-sample Sharpe ratios on the same cycles, with its "
                        + String.format(Locale.ROOT, "%.0f", level * 100) + " % paired circular block-bootstrap interval"
                        + " (blocks keep the autocorrelation of cycle returns) and two-sided p-value. Better / worse:"
                        + " the interval excludes 0.", cols, out);
    }

    private static String label(String strategy, String config) {
        return config.isEmpty() || config.equals("-") || config.equals("none") ? strategy : strategy + " (" + config + ")";
    }

    /**
     * Where the published edge comes from, one symbol: one row per step (in order) and fee tier, physics beside
     * naive: Sharpe, total return and the funding / basis / fees split.
     */
    public static Table decomposition(String symbol, List<EdgeCell> cells) {
        List<Column> cols = List.of(new Column("step", ""), new Column("fee tier", "bps"),
                new Column("Sharpe physics", "annualised"), new Column("Sharpe naive", "annualised"),
                new Column("return physics", "%"), new Column("return naive", "%"),
                new Column("funding physics", "%"), new Column("basis physics", "%"), new Column("fees physics", "%"),
                new Column("funding naive", "%"), new Column("basis naive", "%"), new Column("fees naive", "%"));
        Map<String, EdgeCell[]> rows = new LinkedHashMap<>();
        cells.stream().filter(c -> c.symbol().equals(symbol))
                .sorted(Comparator.comparingInt(EdgeCell::stepIndex).thenComparingDouble(EdgeCell::feeBps))
                .forEach(c -> {
                    EdgeCell[] pair = rows.computeIfAbsent(c.stepIndex() + "|" + c.feeBps(), k -> new EdgeCell[2]);
                    pair[c.strategy().equals("physics") ? 0 : 1] = c;
                });
        List<List<Cell>> out = new ArrayList<>();
        for (EdgeCell[] pair : rows.values()) {
            EdgeCell any = pair[0] != null ? pair[0] : pair[1];
            Performance p = pair[0] == null ? null : pair[0].performance();
            Performance q = pair[1] == null ? null : pair[1].performance();
            out.add(List.of(Cell.text((any.stepIndex() + 1) + ". " + any.step()),
                    Cell.num(any.feeBps(), NumFormat.fixed(0)), num(p, Metric.SHARPE), num(q, Metric.SHARPE),
                    num(p, Metric.RETURN), num(q, Metric.RETURN), num(p, Metric.FUNDING), num(p, Metric.BASIS),
                    num(p, Metric.FEES), num(q, Metric.FUNDING), num(q, Metric.BASIS), num(q, Metric.FEES)));
        }
        return new Table(CarrySections.key(symbol) + "-edge", symbol + ": where the published edge comes from",
                "From the reference code's setup as published to thermocarry's honest one, one change at a time (each"
                        + " step keeps the changes before it); 0 bps is the gross-edge diagnostic beside the desk's"
                        + " tiers. Returns and PnL in % of starting capital over the reference's decision window.",
                cols, out);
    }

    private enum Metric {
        SHARPE, RETURN, FUNDING, BASIS, FEES
    }

    private static Cell num(Performance p, Metric m) {
        if (p == null) {
            return Cell.text("–");
        }
        return switch (m) {
            case SHARPE -> Cell.num(p.sharpe(), NumFormat.FIXED2);
            case RETURN -> Cell.num(p.totalReturn(), NumFormat.PERCENT);
            case FUNDING -> Cell.num(p.pnl().funding(), NumFormat.PERCENT);
            case BASIS -> Cell.num(p.pnl().basis(), NumFormat.PERCENT);
            case FEES -> Cell.num(p.pnl().fees(), NumFormat.PERCENT);
        };
    }
}
