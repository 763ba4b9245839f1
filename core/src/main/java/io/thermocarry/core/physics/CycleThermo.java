package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;
import io.thermocarry.core.series.FundingCycles;

/**
 * Per-cycle thermodynamics of the overdamped Langevin analogue {@code db/dt = −κ b − F + ξ} (SPEC §3), in
 * column form. κ and β are passed explicitly: the caller decides which κ (a causal caller passes the κ known
 * at decision time; the whole-range table passes the whole-range fit).
 *
 * <p>Units. The basis {@code b} is in percent of spot; {@code F} is the funding rate as a fraction per
 * interval and enters the model, as in the SPEC and the reference, numerically as the constant force in
 * percent per hour. κ is in 1/hour. Then E, W, ΔF, Q and σ are all in "%²/h" (the unit of
 * {@code T = κ·Var(b)}), β in h/%², and βσ is dimensionless.
 *
 * <ul>
 *   <li>energy {@code E = ½ κ b²}</li>
 *   <li>work of the sudden quench at the settlement {@code W_k = −F_k · b_start,k}</li>
 *   <li>free-energy change {@code ΔF_k = −F_k² / (2κ)} (always ≤ 0)</li>
 *   <li>heat {@code Q_k = ΔE_k − W_k}, {@code ΔE_k = ½κ(b_end,k² − b_start,k²)}</li>
 *   <li>dissipation {@code σ_k = W_k − ΔF_k}</li>
 *   <li>entropy production {@code β σ_k}</li>
 * </ul>
 */
public final class CycleThermo {
    private CycleThermo() {
    }

    /**
     * All per-cycle quantities of a set of cycles.
     *
     * @param energyStart {@code ½κ b_start²}
     * @param energyEnd {@code ½κ b_end²}
     * @param work {@code W = −F·b_start}
     * @param freeEnergyChange {@code ΔF = −F²/(2κ)}
     * @param heat {@code Q = ΔE − W}
     * @param dissipation {@code σ = W − ΔF}
     * @param entropyProduction {@code β σ}
     */
    public record Columns(double[] energyStart, double[] energyEnd, double[] work, double[] freeEnergyChange,
            double[] heat, double[] dissipation, double[] entropyProduction) {
    }

    /** {@code E = ½ κ b²}. */
    public static double energy(double basisPct, double kappaPerHour) {
        return 0.5 * kappaPerHour * basisPct * basisPct;
    }

    /** {@code W = −F · b_start}. */
    public static double work(double rate, double basisStartPct) {
        return -rate * basisStartPct;
    }

    /** {@code ΔF = −F² / (2κ)}; κ must be > 0. */
    public static double freeEnergyChange(double rate, double kappaPerHour) {
        return -rate * rate / (2.0 * kappaPerHour);
    }

    /** {@code Q = ½κ(b_end² − b_start²) − W}. */
    public static double heat(double rate, double basisStartPct, double basisEndPct, double kappaPerHour) {
        return energy(basisEndPct, kappaPerHour) - energy(basisStartPct, kappaPerHour) - work(rate, basisStartPct);
    }

    /** {@code σ = W − ΔF = −F·b_start + F²/(2κ)}. */
    public static double dissipation(double rate, double basisStartPct, double kappaPerHour) {
        return work(rate, basisStartPct) - freeEnergyChange(rate, kappaPerHour);
    }

    /** Column of {@code W_k = −F_k·b_start,k}. */
    public static double[] work(double[] rate, double[] basisStartPct) {
        checkSameLength(rate, basisStartPct);
        double[] out = new double[rate.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = work(rate[k], basisStartPct[k]);
        }
        return out;
    }

    /** Column of {@code ΔF_k = −F_k²/(2κ)}. */
    public static double[] freeEnergyChange(double[] rate, double kappaPerHour) {
        Checks.positive(kappaPerHour, "kappaPerHour");
        double[] out = new double[rate.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = freeEnergyChange(rate[k], kappaPerHour);
        }
        return out;
    }

    /** Column of {@code σ_k = W_k − ΔF_k} with one κ for all cycles. */
    public static double[] dissipation(double[] rate, double[] basisStartPct, double kappaPerHour) {
        Checks.positive(kappaPerHour, "kappaPerHour");
        checkSameLength(rate, basisStartPct);
        double[] out = new double[rate.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = dissipation(rate[k], basisStartPct[k], kappaPerHour);
        }
        return out;
    }

    /** Column of {@code σ_k = W_k − ΔF_k} with a κ per cycle (e.g. the causal κ known at each start). */
    public static double[] dissipation(double[] rate, double[] basisStartPct, double[] kappaPerHour) {
        checkSameLength(rate, basisStartPct);
        checkSameLength(rate, kappaPerHour);
        double[] out = new double[rate.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = dissipation(rate[k], basisStartPct[k], kappaPerHour[k]);
        }
        return out;
    }

    /** Column of {@code β σ_k}. */
    public static double[] entropyProduction(double[] dissipation, double beta) {
        double[] out = new double[dissipation.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = beta * dissipation[k];
        }
        return out;
    }

    /** Every quantity for cycles given as columns (same length), one κ and β. */
    public static Columns compute(double[] rate, double[] basisStartPct, double[] basisEndPct, double kappaPerHour,
            double beta) {
        Checks.positive(kappaPerHour, "kappaPerHour");
        checkSameLength(rate, basisStartPct);
        checkSameLength(rate, basisEndPct);
        int n = rate.length;
        double[] e0 = new double[n];
        double[] e1 = new double[n];
        double[] w = new double[n];
        double[] df = new double[n];
        double[] q = new double[n];
        double[] sigma = new double[n];
        double[] bs = new double[n];
        for (int k = 0; k < n; k++) {
            e0[k] = energy(basisStartPct[k], kappaPerHour);
            e1[k] = energy(basisEndPct[k], kappaPerHour);
            w[k] = work(rate[k], basisStartPct[k]);
            df[k] = freeEnergyChange(rate[k], kappaPerHour);
            q[k] = e1[k] - e0[k] - w[k];
            sigma[k] = w[k] - df[k];
            bs[k] = beta * sigma[k];
        }
        return new Columns(e0, e1, w, df, q, sigma, bs);
    }

    /** Every quantity for all cycles of {@code cycles} (NaN basis gives NaN quantities). */
    public static Columns compute(FundingCycles cycles, double kappaPerHour, double beta) {
        return compute(cycles.rates(), cycles.basisStarts(), cycles.basisEnds(), kappaPerHour, beta);
    }

    private static void checkSameLength(double[] a, double[] b) {
        Checks.check(a.length == b.length, "column lengths differ: " + a.length + " vs " + b.length);
    }
}
