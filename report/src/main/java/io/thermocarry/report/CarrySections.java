package io.thermocarry.report;

import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.PnlSplit;
import io.thermocarry.core.backtest.RegimePnl;
import io.thermocarry.core.physics.CycleThermo;
import io.thermocarry.core.physics.Jarzynski;
import io.thermocarry.core.physics.JarzynskiEstimate;
import io.thermocarry.core.physics.PhysicsReport;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.report.Block.Band;
import io.thermocarry.report.Block.Chart;
import io.thermocarry.report.Block.Column;
import io.thermocarry.report.Block.RefLine;
import io.thermocarry.report.Block.Scale;
import io.thermocarry.report.Block.Series;
import io.thermocarry.report.Block.Style;
import io.thermocarry.report.Block.Table;
import io.thermocarry.report.Block.Tone;
import io.thermocarry.report.Block.Width;
import io.thermocarry.report.Block.XAxis;
import io.thermocarry.report.Block.YAxis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The carry report's charts and tables, built from {@code core} results: basis with funding, the four signals,
 * JE convergence, regime timeline, equity curves, PnL decomposition, metrics, physics and data-integrity
 * tables. Pure functions: same inputs, same blocks. Colours: regimes EQUILIBRIUM green, WARM amber, NESS red;
 * strategies from the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
 */
public final class CarrySections {
    /** EQUILIBRIUM colour. */
    public static final String EQUILIBRIUM = "#2e7d32";
    /** WARM colour. */
    public static final String WARM = "#e69f00";
    /** NESS colour. */
    public static final String NESS = "#c62828";
    /** Funding PnL colour. */
    public static final String FUNDING = "#0072b2";
    /** Basis PnL colour. */
    public static final String BASIS = "#cc79a7";
    /** Fees colour. */
    public static final String FEES = "#d55e00";
    /** Total PnL colour. */
    public static final String TOTAL = "#3d3d3d";

    private static final Map<String, String> STRATEGY_COLORS = Map.of("physics", "#0072b2", "naive", "#6e6e6e",
            "desk", "#009e73", "threshold", "#d55e00", "buy-hold", "#cc79a7");
    private static final String[] MORE_COLORS = {"#56b4e9", "#e69f00", "#000000", "#f0e442"};
    private static final double MS = 1000.0;

    private CarrySections() {
    }

    /** Element-id prefix of a symbol ({@code btcusdt}). */
    public static String key(String symbol) {
        return symbol.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Colour of a regime. */
    public static String regimeColor(Regime r) {
        return switch (r) {
            case EQUILIBRIUM -> EQUILIBRIUM;
            case WARM -> WARM;
            case NESS -> NESS;
        };
    }

    /** Tone of a regime. */
    public static Tone regimeTone(Regime r) {
        return switch (r) {
            case EQUILIBRIUM -> Tone.EQUILIBRIUM;
            case WARM -> Tone.WARM;
            case NESS -> Tone.NESS;
        };
    }

    /** Colour of a strategy (stable per name). */
    public static String strategyColor(String strategy) {
        String c = STRATEGY_COLORS.get(strategy);
        if (c != null) {
            return c;
        }
        return MORE_COLORS[Math.floorMod(strategy.hashCode(), MORE_COLORS.length)];
    }

    private static String sync(String symbol) {
        return "t-" + key(symbol);
    }

    private static double[] seconds(long[] ms) {
        double[] s = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            s[i] = Math.floor(ms[i] / MS);
        }
        return s;
    }

    private static String sampled(Downsample.Result d, String what) {
        return d.downsampled() ? " Display: " + d.originalPoints() + " " + what + " reduced to " + d.xs().length
                + " points by min/max per bucket (extremes kept)." : "";
    }

    /**
     * Hourly basis (percent of spot) with each cycle's funding rate (bps per interval, step) on the right axis.
     */
    public static Chart basis(String symbol, BasisSeries basis, FundingCycles cycles, int maxPoints) {
        long[] t = basis.times();
        double[] b = basis.values();
        double[] f = new double[t.length];
        long[] starts = cycles.starts();
        long[] ends = cycles.ends();
        int k = 0;
        for (int i = 0; i < t.length; i++) {
            while (k < starts.length && ends[k] <= t[i]) {
                k++;
            }
            f[i] = k < starts.length && starts[k] <= t[i] ? cycles.rate(k) * 1e4 : Double.NaN;
        }
        Downsample.Result d = Downsample.minMax(seconds(t), new double[][] {b, f}, maxPoints);
        return new Chart(key(symbol) + "-basis", symbol + ": basis and funding",
                "Basis b = (perp − spot)/spot × 100 from hourly closes (left, % of spot); funding rate F_k of each cycle"
                        + " (right, bps per funding interval, held over the cycle)." + sampled(d, "hourly values"),
                XAxis.time(), List.of(YAxis.linear("basis (% of spot)"), YAxis.linear("funding (bps)")),
                d.xs(), List.of(new Series("funding rate", "#e69f0099", 1, Style.STEP, false, d.ys()[1]),
                        new Series("basis", "#0072b2", 0, Style.LINE, false, d.ys()[0])),
                List.of(), List.of(new RefLine(0, 0, "", "#8c959f")), Width.FULL, 230, sync(symbol));
    }

    /**
     * Relaxation ratio r = τ_relax/τ_funding per decision (log scale) with the EQUILIBRIUM (1.05) and NESS (1.4)
     * lines; {@code truth} (per decision, may be null) adds the known r of a synthetic market.
     */
    public static Chart relaxation(String symbol, SignalRun run, RegimeSpec rs, double[] truth, int maxPoints) {
        List<double[]> ys = new ArrayList<>();
        ys.add(run.relaxationRatios());
        if (truth != null) {
            ys.add(truth);
        }
        Downsample.Result d = Downsample.minMax(seconds(run.times()), ys.toArray(double[][]::new), maxPoints);
        List<Series> s = new ArrayList<>();
        s.add(new Series("r (causal estimate)", "#0072b2", 0, Style.LINE, false, d.ys()[0]));
        if (truth != null) {
            s.add(new Series("true r (synthetic market)", "#3d3d3d", 0, Style.STEP, true, d.ys()[1]));
        }
        return new Chart(key(symbol) + "-relaxation", symbol + ": relaxation ratio r",
                "r = τ_relax / τ_funding with τ_relax = 1/κ from the last " + run.spec().basisWindowHours()
                        + " hourly basis points before each decision. r < " + fmt(rs.relaxationSafe())
                        + ": the basis reverts within a cycle (carry); r > " + fmt(rs.relaxationDanger())
                        + ": persistent dislocation (NESS). Log scale." + sampled(d, "decisions"),
                XAxis.time(), List.of(new YAxis("r (dimensionless, log)", Scale.LOG)), d.xs(), s,
                List.of(), List.of(new RefLine(0, rs.relaxationDanger(), "NESS above " + fmt(rs.relaxationDanger()), NESS),
                        new RefLine(0, rs.relaxationSafe(), "EQUILIBRIUM below " + fmt(rs.relaxationSafe()),
                        EQUILIBRIUM)), Width.FULL, 200, sync(symbol));
    }

    /** Temperature z-score per decision with the EQUILIBRIUM gate. */
    public static Chart temperature(String symbol, SignalRun run, RegimeSpec rs, int maxPoints) {
        Downsample.Result d = Downsample.minMax(seconds(run.times()), new double[][] {run.temperatureZscores()},
                maxPoints);
        return new Chart(key(symbol) + "-temperature", symbol + ": temperature z-score",
                "(β_now − mean)/std of β over the previous " + run.spec().betaHistoryDecisions()
                        + " decisions, β = 1/T, T = κ·Var(b). Positive = colder than usual = calmer. EQUILIBRIUM needs z > "
                        + fmt(rs.temperatureEquilibriumZ()) + "." + sampled(d, "decisions"),
                XAxis.time(), List.of(YAxis.linear("z-score (std units)")), d.xs(),
                List.of(new Series("temperature z", "#56b4e9", 0, Style.LINE, false, d.ys()[0])), List.of(),
                List.of(new RefLine(0, rs.temperatureEquilibriumZ(), "EQUILIBRIUM gate "
                        + fmt(rs.temperatureEquilibriumZ()), WARM)), Width.FULL, 170, sync(symbol));
    }

    /** Entropy rate per decision (asinh scale) with its adaptive NESS and EQUILIBRIUM thresholds. */
    public static Chart entropy(String symbol, SignalRun run, int maxPoints) {
        int n = run.size();
        double[] ness = new double[n];
        double[] eq = new double[n];
        for (int i = 0; i < n; i++) {
            ness[i] = bounded(run.entropyNessThreshold(i));
            eq[i] = bounded(run.entropyEquilibriumThreshold(i));
        }
        Downsample.Result d = Downsample.minMax(seconds(run.times()), new double[][] {run.entropyRates(), ness, eq},
                maxPoints);
        return new Chart(key(symbol) + "-entropy", symbol + ": entropy rate",
                "Mean of clip(β_now·σ_j, ±1e4) over the previous " + run.spec().entropyWindowCycles()
                        + " completed cycles (dimensionless, per cycle). > 0: dissipative (funding pulls the basis back);"
                        + " < 0: non-equilibrium steady state. Dashed: the adaptive thresholds (10th / 40th percentile of"
                        + " the past). asinh scale (linear near 0, logarithmic in the tails)." + sampled(d, "decisions"),
                XAxis.time(), List.of(new YAxis("βσ per cycle (asinh)", Scale.ASINH, typicalMagnitude(run.entropyRates()))), d.xs(),
                List.of(new Series("entropy rate", "#009e73", 0, Style.LINE, false, d.ys()[0]),
                        new Series("NESS threshold (p10)", NESS, 0, Style.STEP, true, d.ys()[1]),
                        new Series("EQUILIBRIUM threshold (p40)", EQUILIBRIUM, 0, Style.STEP, true, d.ys()[2])),
                List.of(), List.of(), Width.FULL, 190, sync(symbol));
    }

    private static double bounded(double threshold) {
        return Math.abs(threshold) >= 1e9 ? Double.NaN : threshold;
    }

    /**
     * Jarzynski convergence: the running mean of exp(−βσ_k) over the cycles in time order, raw and with σ
     * winsorized at the physics table's 1 %/99 % bounds, with the whole range's κ and β (log scale; the
     * equality says 1).
     */
    public static Chart jeConvergence(String symbol, FundingCycles cycles, PhysicsReport physics, int maxPoints) {
        int n = cycles.size();
        long[] t = new long[n];
        double[] raw = new double[n];
        double[] win = new double[n];
        double kappa = physics.kappaPerHour();
        double beta = physics.beta();
        double sumRaw = 0;
        double sumWin = 0;
        int m = 0;
        for (int k = 0; k < n; k++) {
            double bs = cycles.basisStart(k);
            if (!Double.isFinite(bs)) {
                continue;
            }
            double sigma = CycleThermo.dissipation(cycles.rate(k), bs, kappa);
            double sw = Math.min(Math.max(sigma, physics.winsorLow()), physics.winsorHigh());
            sumRaw += Jarzynski.clippedExp(-beta * sigma);
            sumWin += Jarzynski.clippedExp(-beta * sw);
            t[m] = cycles.endMs(k);
            m++;
            raw[m - 1] = sumRaw / m;
            win[m - 1] = sumWin / m;
        }
        long[] tt = java.util.Arrays.copyOf(t, m);
        Downsample.Result d = Downsample.minMax(seconds(tt), new double[][] {java.util.Arrays.copyOf(raw, m),
                java.util.Arrays.copyOf(win, m)}, maxPoints);
        YAxis axis = jeAxis(d.ys());
        return new Chart(key(symbol) + "-je", symbol + ": Jarzynski convergence",
                "Running ⟨exp(−β σ_k)⟩ over cycles, σ_k = −F_k·b_start + F_k²/(2κ), with the whole range's κ = "
                        + sig(kappa) + " /h and β = " + sig(beta) + " h/%² (exponent clipped at ±500). The equality says 1;"
                        + " a curve that settles near 1 is a market that behaves thermodynamically."
                        + (axis.scale() == Scale.LOG ? " Log scale." : "") + sampled(d, "cycles"),
                XAxis.time(), List.of(axis), d.xs(),
                List.of(new Series("raw σ", "#0072b2", 0, Style.LINE, false, d.ys()[0]),
                        new Series("σ winsorized 1 %/99 %", "#e69f00", 0, Style.LINE, true, d.ys()[1])),
                List.of(), List.of(new RefLine(0, 1.0, "JE: 1", "#3d3d3d")), Width.FULL, 190, sync(symbol));
    }

    /** Log scale when the running means span more than a factor 20, else linear (a flat 1 stays readable). */
    private static YAxis jeAxis(double[][] ys) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] y : ys) {
            for (double v : y) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > 20 * lo ? new YAxis("⟨exp(−βσ)⟩ (log)", Scale.LOG) : YAxis.linear("⟨exp(−βσ)⟩ (no unit)");
    }

    /**
     * Median |value| of the finite non-zero values (1 when none): where an asinh axis turns from linear to
     * logarithmic, so that typical values are spread out and only the tails are compressed.
     */
    static double typicalMagnitude(double[] v) {
        double[] a = java.util.Arrays.stream(v).filter(x -> Double.isFinite(x) && x != 0).map(Math::abs).sorted()
                .toArray();
        return a.length == 0 ? 1.0 : a[a.length / 2];
    }

    /** Regime timeline: coloured bands per regime spell, with the exposure multiplier as a step line. */
    public static Chart regimeTimeline(String symbol, SignalRun run, int maxPoints) {
        int n = run.size();
        List<Band> bands = new ArrayList<>();
        int i = 0;
        while (i < n) {
            Regime r = run.regime(i);
            int j = i + 1;
            while (j < n && run.regime(j) == r) {
                j++;
            }
            long endMs = j < n ? run.timeMs(j)
                    : run.timeMs(n - 1) + Math.round(run.tauFundingHours(n - 1) * 3_600_000.0);
            if (r != null) {
                bands.add(new Band(Math.floor(run.timeMs(i) / MS), Math.floor(endMs / MS), regimeColor(r) + "b3",
                        r.name()));
            }
            i = j;
        }
        // legend order EQUILIBRIUM, WARM, NESS (bands do not overlap, so their drawing order is free)
        bands.sort(java.util.Comparator.comparingInt((Band x) -> Regime.valueOf(x.label()).ordinal())
                .thenComparingDouble(Band::from));
        Downsample.Result d = Downsample.minMax(seconds(run.times()), new double[][] {run.exposures()}, maxPoints);
        int[] counts = run.regimeCounts();
        return new Chart(key(symbol) + "-regimes", symbol + ": regime timeline",
                "Regime at each decision (SPEC §5): EQUILIBRIUM (green, size 100 %) " + pct(counts[0], n)
                        + ", WARM (amber, 60 %) " + pct(counts[1], n) + ", NESS (red, 25 %) " + pct(counts[2], n)
                        + " of " + n + " decisions. Line: the exposure multiplier applied to the base size."
                        + sampled(d, "decisions"),
                XAxis.time(), List.of(YAxis.linear("exposure (×)")), d.xs(),
                List.of(new Series("exposure multiplier", "#1f2328", 0, Style.STEP, false, d.ys()[0])), bands,
                List.of(), Width.FULL, 180, sync(symbol));
    }

    private static String pct(int count, int n) {
        return n == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * count / n);
    }

    /** The fee tiers of the results, ascending. */
    public static List<Double> tiers(List<StrategyResult> results) {
        TreeSet<Double> s = new TreeSet<>();
        for (StrategyResult r : results) {
            s.add(r.feeBps());
        }
        return new ArrayList<>(s);
    }

    /**
     * One equity chart per fee tier: every strategy's curve in units of starting capital; out-of-sample test
     * folds shaded when the results come from a walk-forward run.
     */
    public static List<Chart> equity(String symbol, List<StrategyResult> results, int maxPoints) {
        List<Chart> out = new ArrayList<>();
        for (double tier : tiers(results)) {
            List<StrategyResult> rs = results.stream().filter(r -> r.feeBps() == tier).toList();
            if (rs.isEmpty()) {
                continue;
            }
            long[] t = rs.get(0).timeMs();
            double[][] ys = new double[rs.size()][];
            for (int i = 0; i < rs.size(); i++) {
                ys[i] = asOf(t, rs.get(i).timeMs(), rs.get(i).equity());
            }
            Downsample.Result d = Downsample.minMax(seconds(t), ys, maxPoints);
            List<Series> series = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                StrategyResult r = rs.get(i);
                String label = r.config().equals("full") || !r.strategy().equals("physics") ? r.strategy()
                        : r.strategy() + " (" + r.config() + ")";
                series.add(new Series(label, strategyColor(r.strategy()), 0, Style.LINE, false, d.ys()[i]));
            }
            List<Band> bands = new ArrayList<>();
            List<StrategyResult.Fold> folds = rs.get(0).testFolds();
            for (int f = 0; f < folds.size(); f++) {
                bands.add(new Band(Math.floor(folds.get(f).startMs() / MS), Math.floor(folds.get(f).endMs() / MS),
                        f % 2 == 0 ? "rgba(9,105,218,0.10)" : "rgba(9,105,218,0.04)", "out-of-sample test folds"));
            }
            boolean oos = rs.get(0).outOfSample();
            out.add(new Chart(key(symbol) + "-equity-" + bpsKey(tier), symbol + ": equity at " + fmt(tier)
                    + " bps round trip",
                    (oos ? "Out-of-sample equity stitched from " + folds.size()
                            + " walk-forward test folds (shaded, alternating)."
                            : "In-sample backtest over the whole evaluation window (not walk-forward).")
                            + " Units of starting capital (1 = start); fees charged at " + fmt(tier)
                            + " bps of notional per round trip." + sampled(d, "cycle ends"),
                    XAxis.time(), List.of(YAxis.linear("equity (× start capital)")), d.xs(), series, bands,
                    List.of(new RefLine(0, 1.0, "start", "#8c959f")), Width.HALF, 230, sync(symbol)));
        }
        return out;
    }

    /** A fee tier as an id fragment ({@code 16}, {@code 12-5}). */
    public static String bpsKey(double bps) {
        return fmt(bps).replace('.', '-');
    }

    private static double[] asOf(long[] t, long[] ts, double[] v) {
        if (java.util.Arrays.equals(t, ts)) {
            return v;
        }
        double[] out = new double[t.length];
        int j = -1;
        for (int i = 0; i < t.length; i++) {
            while (j + 1 < ts.length && ts[j + 1] <= t[i]) {
                j++;
            }
            out[i] = j >= 0 ? v[j] : Double.NaN;
        }
        return out;
    }

    /**
     * PnL decomposition per strategy at one tier: funding, basis, fees (drawn negative) and total, in percent of
     * starting capital. Strategies with a perp price leg (buy-hold) are left out (not carry).
     */
    public static Chart pnlByStrategy(String symbol, List<StrategyResult> results, double feeBps) {
        List<StrategyResult> rs = results.stream()
                .filter(r -> r.feeBps() == feeBps && r.performance().pnl().price() == 0.0).toList();
        List<String> cats = new ArrayList<>();
        double[] f = new double[rs.size()];
        double[] b = new double[rs.size()];
        double[] fe = new double[rs.size()];
        double[] t = new double[rs.size()];
        double[] xs = new double[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            PnlSplit p = rs.get(i).performance().pnl();
            cats.add(rs.get(i).strategy());
            xs[i] = i;
            f[i] = p.funding() * 100;
            b[i] = p.basis() * 100;
            fe[i] = -p.fees() * 100;
            t[i] = p.total() * 100;
        }
        return new Chart(key(symbol) + "-pnl-strategy-" + bpsKey(feeBps), symbol + ": where the PnL came from ("
                + fmt(feeBps) + " bps)",
                "Sum over the evaluation window per strategy, in % of starting capital: funding collected, basis"
                        + " mark-to-market, fees (negative) and the total = funding + basis − fees.",
                XAxis.categories("strategy", cats), List.of(YAxis.linear("PnL (% of starting capital)")), xs,
                pnlSeries(f, b, fe, t), List.of(), List.of(), Width.HALF, 230, "");
    }

    private static List<Series> pnlSeries(double[] f, double[] b, double[] fe, double[] t) {
        return List.of(new Series("funding", FUNDING, 0, Style.BARS, false, f),
                new Series("basis", BASIS, 0, Style.BARS, false, b),
                new Series("fees", FEES, 0, Style.BARS, false, fe),
                new Series("total", TOTAL, 0, Style.BARS, false, t));
    }

    /** PnL decomposition per regime of one strategy's result (percent of starting capital). */
    public static Chart pnlByRegime(String symbol, StrategyResult r) {
        List<String> cats = new ArrayList<>();
        List<RegimePnl> rows = r.performance().byRegime().stream()
                .filter(x -> x.regime() != null || x.cycles() > 0).toList();
        int n = rows.size();
        double[] f = new double[n];
        double[] b = new double[n];
        double[] fe = new double[n];
        double[] t = new double[n];
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            RegimePnl x = rows.get(i);
            cats.add((x.regime() == null ? "no regime" : x.regime().name()) + " (" + x.cycles() + ")");
            xs[i] = i;
            f[i] = x.pnl().funding() * 100;
            b[i] = x.pnl().basis() * 100;
            fe[i] = -x.pnl().fees() * 100;
            t[i] = x.pnl().total() * 100;
        }
        return new Chart(key(symbol) + "-pnl-regime-" + key(r.strategy()) + "-" + bpsKey(r.feeBps()),
                symbol + ": " + r.strategy() + " PnL by regime (" + fmt(r.feeBps()) + " bps)",
                "PnL of the cycles decided in each regime (cycles in brackets), in % of starting capital: funding,"
                        + " basis, fees (negative), total.",
                XAxis.categories("regime at the decision (cycles)", cats),
                List.of(YAxis.linear("PnL (% of starting capital)")), xs, pnlSeries(f, b, fe, t), List.of(),
                List.of(), Width.HALF, 230, "");
    }

    /** The full metrics table of one symbol: every strategy and tier (SPEC §9). */
    public static Table metrics(String symbol, List<StrategyResult> results) {
        List<Column> cols = List.of(new Column("strategy", ""), new Column("config", ""), new Column("compat", ""),
                new Column("fee tier", "bps"), new Column("total return", "%"), new Column("annual return", "%"),
                new Column("Sharpe", "annualised"), new Column("Sortino", "annualised"),
                new Column("Sharpe / cycle", ""), new Column("max drawdown", "%"), new Column("Calmar", ""),
                new Column("worst cycle", "%"), new Column("CVaR 5 %", "% / cycle"), new Column("win rate", "%"),
                new Column("profit factor", ""), new Column("trades", ""), new Column("avg hold", "cycles"),
                new Column("turnover", "× capital"), new Column("fee drag", "%"), new Column("funding", "%"),
                new Column("basis", "%"), new Column("fees", "%"), new Column("PnL total", "%"),
                new Column("cycles", ""), new Column("years", ""));
        List<List<Cell>> rows = new ArrayList<>();
        for (StrategyResult r : results) {
            Performance p = r.performance();
            rows.add(List.of(Cell.text(r.strategy()), Cell.text(r.config()), Cell.text(r.compat()),
                    Cell.num(r.feeBps(), NumFormat.fixed(0)),
                    Cell.num(p.totalReturn(), NumFormat.PERCENT), Cell.num(p.annualReturn(), NumFormat.PERCENT),
                    Cell.num(p.sharpe(), NumFormat.FIXED2), Cell.num(p.sortino(), NumFormat.FIXED2),
                    Cell.num(p.sharpePerCycle(), NumFormat.FIXED3), Cell.num(p.maxDrawdown(), NumFormat.PERCENT),
                    Cell.num(p.calmar(), NumFormat.FIXED2), Cell.num(p.worstCycle(), new NumFormat(100, 3)),
                    Cell.num(p.cvar5(), new NumFormat(100, 3)), Cell.num(p.winRate(), new NumFormat(100, 1)),
                    Cell.num(p.profitFactor(), NumFormat.FIXED2), Cell.num(p.tradeCount(), NumFormat.INTEGER),
                    Cell.num(p.averageHoldCycles(), new NumFormat(1, 1)), Cell.num(p.turnover(), new NumFormat(1, 1)),
                    Cell.num(p.feeDrag(), NumFormat.PERCENT), Cell.num(p.pnl().funding(), NumFormat.PERCENT),
                    Cell.num(p.pnl().basis(), NumFormat.PERCENT), Cell.num(p.pnl().fees(), NumFormat.PERCENT),
                    Cell.num(p.pnl().total(), NumFormat.PERCENT), Cell.num(p.cycles(), NumFormat.INTEGER),
                    Cell.num(p.years(), NumFormat.FIXED2)));
        }
        boolean oos = !results.isEmpty() && results.get(0).outOfSample();
        return new Table(key(symbol) + "-metrics", symbol + ": strategies × fee tiers",
                "Scroll sideways for every metric. "
                        + (oos ? "Out-of-sample (walk-forward test folds stitched)." : "In-sample backtest over the evaluation window.")
                        + " Returns and PnL in % of starting capital; Sharpe and Sortino annualised by actual elapsed"
                        + " time; CVaR = mean of the worst 5 % of cycle returns; turnover = traded notional / capital;"
                        + " profit factor = gross trade profit / gross trade loss.",
                cols, rows);
    }

    /** PnL per regime of every strategy at one tier (fractions shown in %). */
    public static Table regimePnl(String symbol, List<StrategyResult> results, double feeBps) {
        List<Column> cols = List.of(new Column("strategy", ""), new Column("regime", ""), new Column("cycles", ""),
                new Column("share of time", "%"), new Column("funding", "%"), new Column("basis", "%"),
                new Column("fees", "%"), new Column("total", "%"));
        List<List<Cell>> rows = new ArrayList<>();
        for (StrategyResult r : results) {
            if (r.feeBps() != feeBps) {
                continue;
            }
            int total = r.performance().cycles();
            for (RegimePnl x : r.performance().byRegime()) {
                if (x.regime() == null && x.cycles() == 0) {
                    continue;
                }
                rows.add(List.of(Cell.text(r.strategy()),
                        x.regime() == null ? Cell.text("no regime") : Cell.text(x.regime().name(),
                                regimeTone(x.regime())),
                        Cell.num(x.cycles(), NumFormat.INTEGER),
                        Cell.num(total == 0 ? Double.NaN : (double) x.cycles() / total, new NumFormat(100, 1)),
                        Cell.num(x.pnl().funding(), NumFormat.PERCENT), Cell.num(x.pnl().basis(), NumFormat.PERCENT),
                        Cell.num(x.pnl().fees(), NumFormat.PERCENT), Cell.num(x.pnl().total(), NumFormat.PERCENT)));
            }
        }
        return new Table(key(symbol) + "-regime-pnl-" + bpsKey(feeBps), symbol + ": PnL by regime (" + fmt(feeBps)
                + " bps)", "Cycles attributed to the regime of the decision that started them; PnL in % of starting"
                        + " capital.", cols, rows);
    }

    /** The whole-range physics table (SPEC §3, §11), one row per symbol. */
    public static Table physics(List<PhysicsReport> reports) {
        List<Column> cols = List.of(new Column("symbol", ""), new Column("cycles", ""), new Column("κ", "1/h"),
                new Column("τ_relax", "h"), new Column("r", ""), new Column("T", "%²/h"), new Column("β", "h/%²"),
                new Column("JE naive", ""), new Column("JE naive 95 % CI", ""), new Column("JE cumulant", ""),
                new Column("JE BAR", ""), new Column("JE winsorized", ""), new Column("⟨σ⟩", "%²/h"),
                new Column("⟨βσ⟩", ""), new Column("second law p", "one-sided"), new Column("DFT slope", ""),
                new Column("DFT R²", ""));
        List<List<Cell>> rows = new ArrayList<>();
        for (PhysicsReport p : reports) {
            JarzynskiEstimate naive = p.je().naive();
            rows.add(List.of(Cell.text(p.symbol().name()), Cell.num(p.cycles(), NumFormat.INTEGER),
                    Cell.num(p.kappaPerHour(), NumFormat.FIXED4), Cell.num(p.tauRelaxHours(), new NumFormat(1, 1)),
                    Cell.num(p.relaxationRatio(), NumFormat.FIXED2), Cell.num(p.temperature(), NumFormat.fixed(6)),
                    Cell.num(p.beta(), NumFormat.FIXED2), jeCell(naive),
                    Cell.text(naive.ci() == null ? "–" : "[" + NumFormat.FIXED3.format(naive.ci().low()) + ", "
                            + NumFormat.FIXED3.format(naive.ci().high()) + "]", naive.holds() ? Tone.GOOD : Tone.BAD),
                    jeCell(p.je().cumulant()), jeCell(p.je().bar()), jeCell(p.jeWinsorized().naive()),
                    Cell.num(p.meanDissipation(), NumFormat.fixed(6)),
                    Cell.num(p.secondLaw().meanEntropyProduction(), NumFormat.FIXED3),
                    Cell.num(p.secondLaw().pValue(), NumFormat.FIXED3), Cell.num(p.dft().slope(), NumFormat.FIXED2),
                    Cell.num(p.dft().r2(), NumFormat.FIXED3)));
        }
        return new Table("physics-table", "Physics of the whole range",
                "One κ, T, β per symbol from all its hourly basis (AR(1) through the origin); JE estimators with"
                        + " percentile-bootstrap 95 % CIs (green: 1 inside the CI); second law: one-sided t-test of β·σ_k;"
                        + " DFT: slope of ln P(σ)/P(−σ) against σ (should equal β). Descriptive: uses the whole range,"
                        + " unlike the causal signals.", cols, rows);
    }

    private static Cell jeCell(JarzynskiEstimate e) {
        if (e == null || e.state() != io.thermocarry.core.physics.EstimateState.OK) {
            return Cell.text(e == null ? "–" : e.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return Cell.num(e.value(), NumFormat.FIXED3);
    }

    /** The data-integrity blocks of one symbol: a table of stored series and notes. */
    public static List<Block> integrity(DataHealth h) {
        List<Column> cols = List.of(new Column("series", ""), new Column("interval", ""), new Column("first", "UTC"),
                new Column("last", "UTC"), new Column("rows", ""), new Column("gaps", ""),
                new Column("missing bars", ""), new Column("placeholder candles", ""));
        List<List<Cell>> rows = new ArrayList<>();
        for (DataHealth.SeriesHealth s : h.series()) {
            rows.add(List.of(Cell.text(s.market()), Cell.text(s.interval()), Cell.text(day(s.first())),
                    Cell.text(day(s.last())), Cell.num(s.rows(), NumFormat.INTEGER), Cell.num(s.gaps(), NumFormat.INTEGER),
                    Cell.num(s.missingBars(), NumFormat.INTEGER), Cell.num(s.placeholders(), NumFormat.INTEGER)));
        }
        DataHealth.FundingHealth f = h.funding();
        if (f != null) {
            rows.add(List.of(Cell.text("funding"), Cell.text(joinHours(f.intervalsHours())), Cell.text(day(f.first())),
                    Cell.text(day(f.last())), Cell.num(f.events(), NumFormat.INTEGER), Cell.num(f.gaps(), NumFormat.INTEGER),
                    Cell.num(f.missingSettlements(), NumFormat.INTEGER), Cell.text("–")));
        }
        List<Block> out = new ArrayList<>();
        out.add(new Table(key(h.symbol()) + "-data", h.symbol() + ": data behind the figures",
                "Stored series (funding: missing = settlements missing inside gaps; interval = funding intervals seen)."
                        + " Placeholder candles are launch-era flat zero-volume bars: kept, flagged, left out of the basis.",
                cols, rows));
        List<String> notes = new ArrayList<>();
        if (f != null) {
            notes.add("Funding intervals seen: " + joinHours(f.intervalsHours()) + "; " + f.intervalChanges()
                    + " interval change(s). Nothing assumes 8 h: each cycle uses its own interval.");
        }
        notes.add(h.hoursWithoutPartner() + " hourly bar(s) of one leg had no bar of the other leg (no basis there).");
        notes.add(h.cyclesWithoutBasis() + " cycle(s) had no basis observation for the signals.");
        notes.addAll(h.notes());
        out.add(new Block.Notes(h.symbol() + ": integrity notes", notes));
        return out;
    }

    private static String joinHours(List<Long> hours) {
        if (hours.isEmpty()) {
            return "–";
        }
        StringBuilder b = new StringBuilder();
        for (Long x : hours) {
            b.append(b.length() == 0 ? "" : ", ").append(x).append(" h");
        }
        return b.toString();
    }

    private static String day(Instant t) {
        return t == null ? "–" : t.toString().replace("T", " ").replace(":00Z", "").replace("Z", "");
    }

    /**
     * The headline figures of one symbol: the regime now, and physics against naive at one fee tier.
     *
     * @param symbol symbol
     * @param run its signal run (the last decision is "now")
     * @param results its strategy results
     * @param feeBps the tier the headline quotes
     */
    public static List<Block.KeyFigure> headline(String symbol, SignalRun run, List<StrategyResult> results,
            double feeBps) {
        List<Block.KeyFigure> out = new ArrayList<>();
        if (run.size() > 0) {
            int last = run.size() - 1;
            Regime r = run.regime(last);
            int since = last;
            while (since > 0 && run.regime(since - 1) == r) {
                since--;
            }
            out.add(new Block.KeyFigure(symbol + " regime at the last decision", r == null ? "none" : r.name(),
                    "since " + day(Instant.ofEpochMilli(run.timeMs(since))) + "; r = "
                            + NumFormat.FIXED2.format(run.relaxationRatio(last)) + ", exposure "
                            + NumFormat.FIXED2.format(run.exposure(last)) + "×",
                    r == null ? Tone.NEUTRAL : regimeTone(r)));
        }
        StrategyResult phys = find(results, "physics", feeBps);
        StrategyResult naive = find(results, "naive", feeBps);
        if (phys != null && naive != null) {
            Performance p = phys.performance();
            Performance q = naive.performance();
            out.add(new Block.KeyFigure(symbol + " annual return, physics vs naive (" + fmt(feeBps) + " bps)",
                    NumFormat.PERCENT.format(p.annualReturn()) + " % vs " + NumFormat.PERCENT.format(q.annualReturn())
                            + " %",
                    "max drawdown " + NumFormat.PERCENT.format(p.maxDrawdown()) + " % vs "
                            + NumFormat.PERCENT.format(q.maxDrawdown()) + " %; Sharpe "
                            + NumFormat.FIXED2.format(p.sharpe()) + " vs " + NumFormat.FIXED2.format(q.sharpe()),
                    p.annualReturn() > q.annualReturn() ? Tone.GOOD : Tone.BAD));
            out.add(new Block.KeyFigure(symbol + " physics PnL split (" + fmt(feeBps) + " bps)",
                    NumFormat.PERCENT.format(p.pnl().total()) + " %",
                    "funding " + NumFormat.PERCENT.format(p.pnl().funding()) + " %, basis "
                            + NumFormat.PERCENT.format(p.pnl().basis()) + " %, fees −"
                            + NumFormat.PERCENT.format(p.pnl().fees()) + " % of capital",
                    p.pnl().total() > 0 ? Tone.GOOD : Tone.BAD));
        }
        return out;
    }

    /** The result of {@code strategy} at {@code feeBps}, or null. */
    public static StrategyResult find(List<StrategyResult> results, String strategy, double feeBps) {
        for (StrategyResult r : results) {
            if (r.strategy().equals(strategy) && r.feeBps() == feeBps) {
                return r;
            }
        }
        return null;
    }

    /** The middle fee tier of the results (16 bps for 8/16/25), the one single-tier figures quote. */
    public static double middleTier(List<StrategyResult> results) {
        List<Double> t = tiers(results);
        return t.isEmpty() ? Double.NaN : t.get(t.size() / 2);
    }

    /**
     * The methods section's definitions: formulas, windows, thresholds and rules, from the specs in force.
     *
     * @param signal signal windows
     * @param regime classifier thresholds and exposures
     * @param run how the run was made: compat mode, funding accrual, fee tiers, evaluation scheme, strategies
     */
    public static List<Block> methods(io.thermocarry.core.signal.SignalSpec signal, RegimeSpec regime,
            Map<String, String> run) {
        List<Block> out = new ArrayList<>();
        List<Block.Term> params = new ArrayList<>();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(run).entrySet()) {
            params.add(new Block.Term(e.getKey(), e.getValue()));
        }
        out.add(new Block.Definitions("This run", params));
        out.add(new Block.Definitions("Data and cycles (SPEC §1–§2)", List.of(
                new Block.Term("basis", "b(t) = (P_perp − P_spot) / P_spot × 100, hourly closes with the same open time"
                        + " (inner join); a bar's value is available at its close"),
                new Block.Term("funding cycle k", "[t_k, t_{k+1}); F_k fraction per interval (1e-4 = 1 bp); b_start, b_end"
                        + " = last basis at or before t_k, t_{k+1} (as-of join); interval = its own length in hours"))));
        out.add(new Block.Definitions("Physics (SPEC §3)", List.of(
                new Block.Term("κ (1/h)", "AR(1) through the origin: φ = Σ b_t b_{t+1} / Σ b_t², clipped to [1e-6, 1−1e-6];"
                        + " κ = max(−ln φ / Δt, 1e-6), Δt = 1 h; fewer than 10 points: κ = 0.01"),
                new Block.Term("τ_relax, r", "τ_relax = 1/κ (h); r = τ_relax / τ_funding"),
                new Block.Term("T, β", "T = κ · Var(b) (population variance, %²/h); β = 1/T"),
                new Block.Term("work, ΔF, σ", "W_k = −F_k · b_start,k; ΔF_k = −F_k² / (2κ); σ_k = W_k − ΔF_k"),
                new Block.Term("Jarzynski", "⟨exp(−β σ)⟩ = 1; naive mean, cumulant exp(−β⟨σ⟩ + β²Var(σ)/2), BAR;"
                        + " exponents clipped at ±500; percentile-bootstrap 95 % CIs"))));
        out.add(new Block.Definitions("Causal signals at each decision (SPEC §4)", List.of(
                new Block.Term("relaxation_ratio", "r from the last " + signal.basisWindowHours()
                        + " hourly basis points strictly before the decision (fewer than "
                        + io.thermocarry.core.signal.SignalSpec.MIN_RELAXATION_POINTS + " → "
                        + fmt(io.thermocarry.core.signal.SignalSpec.RELAXATION_FALLBACK) + ")"),
                new Block.Term("temperature_zscore", "(β_now − mean) / std of β over the previous "
                        + signal.betaHistoryDecisions() + " decisions (population std; fewer than 10 or std < 1e-10 → 0)"),
                new Block.Term("entropy_rate", "mean over the previous " + signal.entropyWindowCycles()
                        + " completed cycles of clip(β_now · σ_j, ±1e4), σ_j with κ_now"),
                new Block.Term("je_health", "|mean over the previous " + signal.jeWindowCycles()
                        + " completed cycles of exp(clip(−β_now σ_j, ±500)) − 1|"),
                new Block.Term("warm-up", signal.warmupCycles() + " completed cycles before the first decision"))));
        out.add(new Block.Definitions("Regimes (SPEC §5)", List.of(
                new Block.Term("NESS", "r > " + fmt(regime.relaxationDanger()) + " or entropy_rate < its p"
                        + fmt(regime.entropyNessPercentile()) + " or je_health > its p" + fmt(regime.jeDangerPercentile())
                        + " (percentiles of the previous " + regime.lookbackDecisions() + " decisions)"),
                new Block.Term("EQUILIBRIUM", "not NESS and r < " + fmt(regime.relaxationSafe())
                        + " and temperature_zscore > " + fmt(regime.temperatureEquilibriumZ()) + " and entropy_rate > its p"
                        + fmt(regime.entropyEquilibriumPercentile())),
                new Block.Term("WARM", "otherwise"),
                new Block.Term("exposure", "EQUILIBRIUM " + fmt(regime.exposureEquilibrium()) + ", WARM "
                        + fmt(regime.exposureWarm()) + ", NESS " + fmt(regime.exposureNess()) + " × base size"))));
        out.add(new Block.Definitions("PnL and metrics (SPEC §7, §9)", List.of(
                new Block.Term("short basis, per cycle", "funding = N · F_k (signed); basis = −N · (b_end − b_start) / 100;"
                        + " long basis: both signs flipped"),
                new Block.Term("fees", "a change of notional |ΔN| costs |ΔN| · tier / 2 (tier = round trip in bps of"
                        + " notional); what is open at the end is closed and charged; no PnL clipping"),
                new Block.Term("returns", "r_k = E_k / E_{k−1} − 1 per cycle; Sharpe = mean/std × √(cycles per year)"
                        + " with cycles per year from the actual elapsed time; CVaR 5 % = mean of the worst 5 % of r_k"),
                new Block.Term("display", "time series with more points than a chart needs are reduced to min/max per"
                        + " bucket (extremes kept); tables carry exact values (data-v attributes)"))));
        return out;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.valueOf(v);
    }

    private static String sig(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
