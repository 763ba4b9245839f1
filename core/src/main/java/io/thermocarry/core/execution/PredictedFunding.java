package io.thermocarry.core.execution;

import io.thermocarry.core.Checks;

/**
 * The funding rate predicted during an interval from the premium index (SPEC §8), incremental: Binance settles
 * {@code F = P̄ + clamp(I − P̄, −0.05 %, +0.05 %)} with {@code P̄} the time-weighted mean of the premium index
 * over the interval, later samples weighing more (weights {@code 1, 2, …, n}), and {@code I} the interest rate,
 * 0.01 % per 8 h pro rata ({@code 0.0001 × hours/8}). The symbol's cap and floor are not applied (not in the
 * data). Values are fractions per interval.
 */
public final class PredictedFunding {
    /** Clamp of {@code I − P̄}: 0.05 % (fraction). */
    public static final double CLAMP = 0.0005;
    /** Interest rate per 8 h: 0.01 % (fraction). */
    public static final double INTEREST_PER_8H = 0.0001;

    private double interest = INTEREST_PER_8H;
    private double weighted;
    private long weights;
    private int samples;

    /** Starts a new interval of {@code intervalHours} hours with no samples. */
    public void reset(double intervalHours) {
        Checks.positive(intervalHours, "intervalHours");
        interest = INTEREST_PER_8H * intervalHours / 8.0;
        weighted = 0;
        weights = 0;
        samples = 0;
    }

    /** The next premium-index sample of the interval (fraction); weight = its rank {@code 1, 2, …}. */
    public void add(double premium) {
        Checks.finite(premium, "premium");
        samples++;
        weighted += samples * premium;
        weights += samples;
    }

    /** Samples so far in the interval. */
    public int samples() {
        return samples;
    }

    /** {@code P̄ = Σ i·p_i / Σ i}, NaN without samples. */
    public double premiumAverage() {
        return samples == 0 ? Double.NaN : weighted / weights;
    }

    /** {@code P̄ + clamp(I − P̄, −0.0005, 0.0005)}, NaN without samples. */
    public double predicted() {
        double p = premiumAverage();
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        return p + Math.max(-CLAMP, Math.min(CLAMP, interest - p));
    }
}
