package io.thermocarry.core.features;

import io.thermocarry.core.Checks;

/**
 * Binance's USD-M funding rate formula (SPEC §8), as the exchange settles it:
 *
 * <pre>
 *   P̄ = (1·p₁ + 2·p₂ + … + n·pₙ) / (1 + 2 + … + n)        time-weighted premium, later points weigh more
 *   I = 0.0001 × τ / 8 h                                      interest: 0.01 % per 8 h, pro rata
 *   F = P̄ + clamp(I − P̄, −0.0005, +0.0005)
 *   F = clamp(F, floor, cap)                                  the symbol's fundingInfo bounds, if any
 * </pre>
 *
 * with {@code p₁..pₙ} the premium index points of the interval in time order (fractions) and {@code τ} the
 * funding interval. Rates are fractions per interval.
 */
public final class FundingFormula {
    /** Interest component per 8 h, fraction (0.01 %). */
    public static final double INTEREST_PER_8H = 0.0001;
    /** Bound of {@code |I − P̄|}, fraction (0.05 %). */
    public static final double CLAMP = 0.0005;
    private static final double EIGHT_HOURS_MS = 8 * 3_600_000.0;

    private FundingFormula() {
    }

    /** The interest component for an interval of {@code intervalMs}: {@code 0.0001 × τ / 8 h}. */
    public static double interest(long intervalMs) {
        return INTEREST_PER_8H * (intervalMs / EIGHT_HOURS_MS);
    }

    /**
     * F from running sums of the interval's points: {@code sum = Σ p_k}, {@code weighted = Σ k·p_k} (k = 1..n).
     *
     * @param capRate upper bound ({@code +∞} for none)
     * @param floorRate lower bound ({@code −∞} for none)
     * @return F, fraction per interval; NaN when {@code n == 0}
     */
    public static double rate(double weighted, int n, long intervalMs, double capRate, double floorRate) {
        if (n <= 0) {
            return Double.NaN;
        }
        double avg = weighted / (n * (n + 1) / 2.0);
        double f = avg + clamp(interest(intervalMs) - avg, -CLAMP, CLAMP);
        return clamp(f, floorRate, capRate);
    }

    /** F of the points {@code p[0..n)} in time order (see the class formula). */
    public static double rate(double[] p, int n, long intervalMs, double capRate, double floorRate) {
        Checks.check(n <= p.length, "n > points");
        double w = 0;
        for (int k = 0; k < n; k++) {
            w += (k + 1) * p[k];
        }
        return rate(w, n, intervalMs, capRate, floorRate);
    }

    static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : x > hi ? hi : x;
    }
}
