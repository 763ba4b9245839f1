package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * The optional parameter grid the physics strategy is tuned over in each fold, and the rule that picks a point
 * from the training part alone.
 *
 * <p>Points: every pair ({@code relaxationDanger}, {@code baseFraction}) — the NESS threshold on the relaxation
 * ratio (SPEC §5, default 1.4) and the base notional as a fraction of capital (SPEC §6, default 0.5) — in grid
 * order (relaxation threshold outer, base fraction inner, each ascending as given).
 *
 * <p><b>Criterion</b> (a desk's risk-budget rule, stated because Sharpe alone cannot choose a size: it is
 * nearly invariant to the base fraction): on the fold's training cycles, the point with the highest total
 * return among those whose maximum drawdown is at most {@code drawdownBudget} (fraction of equity); if none
 * stays within the budget, the point with the smallest drawdown; ties go to the earlier point in grid order.
 * NaN returns never win.
 *
 * @param relaxationDanger candidate NESS thresholds on {@code r} (finite, strictly increasing)
 * @param baseFraction candidate base fractions (positive, strictly increasing)
 * @param drawdownBudget largest training drawdown accepted, fraction of equity ({@code > 0})
 */
public record TuneGrid(double[] relaxationDanger, double[] baseFraction, double drawdownBudget) {
    /** Validates and copies. */
    public TuneGrid {
        relaxationDanger = increasing(relaxationDanger, "relaxationDanger");
        baseFraction = increasing(baseFraction, "baseFraction");
        for (double b : baseFraction) {
            Checks.positive(b, "baseFraction");
        }
        Checks.positive(drawdownBudget, "drawdownBudget");
    }

    private static double[] increasing(double[] v, String name) {
        Checks.notNull(v, name);
        Checks.check(v.length > 0, name + " must not be empty");
        for (int i = 0; i < v.length; i++) {
            Checks.finite(v[i], name);
            Checks.check(i == 0 || v[i] > v[i - 1], name + " must be strictly increasing");
        }
        return v.clone();
    }

    /** NESS thresholds 1.2 / 1.4 / 1.8, base fractions 0.25 / 0.5 / 0.75, drawdown budget 2 %. */
    public static TuneGrid defaults() {
        return new TuneGrid(new double[] {1.2, 1.4, 1.8}, new double[] {0.25, 0.5, 0.75}, 0.02);
    }

    /**
     * Parses {@code relaxationDanger=1.2,1.4;baseFraction=0.25,0.5;drawdownBudget=0.02}; omitted keys keep the
     * defaults.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static TuneGrid parse(String text) {
        TuneGrid d = defaults();
        double[] rd = d.relaxationDanger;
        double[] bf = d.baseFraction;
        double budget = d.drawdownBudget;
        for (String part : Checks.notNull(text, "tune grid").split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            Checks.check(eq > 0, "tune grid part '" + p + "' is not key=values");
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String values = p.substring(eq + 1);
            switch (key) {
                case "relaxationdanger", "ness-r", "r" -> rd = numbers(values, key);
                case "basefraction", "base-fraction", "fraction" -> bf = numbers(values, key);
                case "drawdownbudget", "drawdown-budget", "maxdd" -> budget = numbers(values, key)[0];
                default -> throw new IllegalArgumentException("unknown tune grid key '" + p.substring(0, eq).trim()
                        + "' (relaxationDanger, baseFraction, drawdownBudget)");
            }
        }
        return new TuneGrid(rd, bf, budget);
    }

    private static double[] numbers(String csv, String key) {
        String[] parts = csv.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + parts[i].trim() + "' is not a number", e);
            }
        }
        return out;
    }

    /** The candidate NESS thresholds (a copy). */
    @Override
    public double[] relaxationDanger() {
        return relaxationDanger.clone();
    }

    /** The candidate base fractions (a copy). */
    @Override
    public double[] baseFraction() {
        return baseFraction.clone();
    }

    /** Number of grid points. */
    public int size() {
        return relaxationDanger.length * baseFraction.length;
    }

    /** NESS threshold of point {@code p}. */
    public double relaxationDangerOf(int p) {
        return relaxationDanger[p / baseFraction.length];
    }

    /** Base fraction of point {@code p}. */
    public double baseFractionOf(int p) {
        return baseFraction[p % baseFraction.length];
    }

    /**
     * The point the criterion picks from training results (see the class comment).
     *
     * @param trainingReturn total return of each point over the training cycles
     * @param trainingMaxDrawdown maximum drawdown of each point over the training cycles (fraction)
     */
    public int choose(double[] trainingReturn, double[] trainingMaxDrawdown) {
        int n = size();
        Checks.check(trainingReturn.length == n && trainingMaxDrawdown.length == n, "one value per grid point");
        int best = -1;
        for (int p = 0; p < n; p++) {
            if (trainingMaxDrawdown[p] <= drawdownBudget && !Double.isNaN(trainingReturn[p])
                    && (best < 0 || trainingReturn[p] > trainingReturn[best])) {
                best = p;
            }
        }
        if (best >= 0) {
            return best;
        }
        best = 0;
        for (int p = 1; p < n; p++) {
            if (trainingMaxDrawdown[p] < trainingMaxDrawdown[best] || Double.isNaN(trainingMaxDrawdown[best])) {
                best = p;
            }
        }
        return best;
    }

    /** The canonical text of the grid (parsable by {@link #parse}). */
    public String canonical() {
        return "relaxationDanger=" + join(relaxationDanger) + ";baseFraction=" + join(baseFraction)
                + ";drawdownBudget=" + drawdownBudget;
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(sb.length() == 0 ? "" : ",").append(x);
        }
        return sb.toString();
    }

    /** Equal grids: same candidates (by value) and budget. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TuneGrid t && Arrays.equals(relaxationDanger, t.relaxationDanger)
                && Arrays.equals(baseFraction, t.baseFraction) && drawdownBudget == t.drawdownBudget;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(relaxationDanger) * 31 + Arrays.hashCode(baseFraction) + Double.hashCode(drawdownBudget);
    }

    /** The canonical text in brackets. */
    @Override
    public String toString() {
        return "TuneGrid[" + canonical() + "]";
    }
}
