package io.thermocarry.core.signal;

import io.thermocarry.core.Checks;

/**
 * The most recent completed funding cycles as the entropy-rate and Jarzynski-health signals need them
 * (SPEC §3–§4): per cycle j the work {@code W_j = −F_j·b_start,j} (rate fraction × basis percent) and
 * {@code F_j²}, so that the dissipation {@code σ_j = W_j − ΔF_j}, {@code ΔF_j = −F_j²/(2κ)}, can be
 * evaluated for whatever κ the decision uses (the causal κ changes at every decision, so σ_j is not a
 * fixed number and cannot be kept sorted).
 *
 * <p>Cost per decision:
 * <ul>
 * <li>{@link #entropyRate}: O(1). Compensated running sums of W and F² over the last
 * {@code entropyWindow} cycles give {@code Σσ_j = ΣW_j + ΣF_j²/(2κ)}; the clip at ±1e4 is certified
 * inactive in O(1) from sliding maxima of |W_j| and F_j² ({@code β(max|W| + maxF²/(2κ)) ≤ 1e4} bounds
 * every {@code |β σ_j|}); only when the certificate fails (an extreme window, never on Binance data)
 * is the clipped mean summed exactly over the window.
 * <li>{@link #jeHealth}: O(window), {@code jeWindow} exponentials in a tight loop over primitive arrays.
 * {@code exp(−β σ_j)} with β and κ new at every decision neither factors nor telescopes, so no exact
 * incremental form exists; 180 exponentials cost about a microsecond.
 * </ul>
 */
public final class CompletedCycles {
    private final int entropyWindow;
    private final int jeWindow;
    private final int cap;
    private final double[] work;
    private final double[] rateSq;
    private long added;
    private final CompensatedSum sumWork = new CompensatedSum();
    private final CompensatedSum sumRateSq = new CompensatedSum();
    private final SlidingMax maxAbsWork;
    private final SlidingMax maxRateSq;

    /**
     * @param entropyWindow cycles in the entropy-rate mean (90)
     * @param jeWindow cycles in the Jarzynski-health mean (180)
     */
    public CompletedCycles(int entropyWindow, int jeWindow) {
        this.entropyWindow = Checks.positive(entropyWindow, "entropyWindow");
        this.jeWindow = Checks.positive(jeWindow, "jeWindow");
        this.cap = Math.max(entropyWindow, jeWindow);
        this.work = new double[cap];
        this.rateSq = new double[cap];
        this.maxAbsWork = new SlidingMax(entropyWindow);
        this.maxRateSq = new SlidingMax(entropyWindow);
    }

    /**
     * Appends a completed cycle.
     *
     * @param workValue {@code W = −F·b_start} (finite)
     * @param fundingRate F, fraction per interval (finite)
     */
    public void add(double workValue, double fundingRate) {
        Checks.finite(workValue, "work");
        Checks.finite(fundingRate, "fundingRate");
        double fsq = fundingRate * fundingRate;
        long s = added;
        if (s >= entropyWindow) {
            int leaving = (int) ((s - entropyWindow) % cap);
            sumWork.add(-work[leaving]);
            sumRateSq.add(-rateSq[leaving]);
        }
        int at = (int) (s % cap);
        work[at] = workValue;
        rateSq[at] = fsq;
        sumWork.add(workValue);
        sumRateSq.add(fsq);
        maxAbsWork.push(s, Math.abs(workValue));
        maxRateSq.push(s, fsq);
        added = s + 1;
    }

    /** Cycles appended so far. */
    public long added() {
        return added;
    }

    /** Cycles currently in the entropy window. */
    public int entropyCount() {
        return (int) Math.min(added, entropyWindow);
    }

    /** Cycles currently in the Jarzynski window. */
    public int jeCount() {
        return (int) Math.min(added, jeWindow);
    }

    /**
     * Entropy rate {@code mean_j clip(β·σ_j, ±1e4)} over the last {@code entropyWindow} cycles with
     * {@code σ_j = W_j + F_j²/(2κ)}; NaN when no cycle has completed. O(1) unless the clip binds.
     *
     * @param beta β of the decision ({@code > 0})
     * @param kappa κ used for ΔF (1/hour, {@code > 0})
     */
    public double entropyRate(double beta, double kappa) {
        int n = entropyCount();
        if (n == 0) {
            return Double.NaN;
        }
        double twoKappa = 2.0 * kappa;
        double bound = beta * (maxAbsWork.max() + maxRateSq.max() / twoKappa);
        if (bound <= SignalSpec.ENTROPY_CLIP) {
            return beta * (sumWork.value() + sumRateSq.value() / twoKappa) / n;
        }
        double s = 0;
        long from = added - n;
        for (long q = from; q < added; q++) {
            int i = (int) (q % cap);
            double df = -rateSq[i] / twoKappa;
            double x = beta * (work[i] - df);
            s += Math.max(-SignalSpec.ENTROPY_CLIP, Math.min(SignalSpec.ENTROPY_CLIP, x));
        }
        return s / n;
    }

    /**
     * Jarzynski health {@code |mean_j exp(clip(−β·σ_j, ±500)) − 1|} over the last {@code jeWindow} cycles;
     * NaN when no cycle has completed. O(window).
     *
     * @param beta β of the decision
     * @param kappa κ used for ΔF (1/hour)
     */
    public double jeHealth(double beta, double kappa) {
        int n = jeCount();
        if (n == 0) {
            return Double.NaN;
        }
        double twoKappa = 2.0 * kappa;
        double clip = SignalSpec.JE_EXPONENT_CLIP;
        int start = (int) ((added - n) % cap);
        int firstLen = Math.min(n, cap - start);
        double s = expSum(0.0, start, start + firstLen, beta, twoKappa, clip);
        if (firstLen < n) {
            s = expSum(s, 0, n - firstLen, beta, twoKappa, clip);
        }
        return Math.abs(s / n - 1.0);
    }

    /** {@code s0} plus the exponentials of ring slots {@code [from, to)}, added left to right (chronologically). */
    private double expSum(double s0, int from, int to, double beta, double twoKappa, double clip) {
        double[] w = work;
        double[] f = rateSq;
        double s = s0;
        for (int i = from; i < to; i++) {
            double df = -f[i] / twoKappa;
            double x = -beta * (w[i] - df);
            s += Math.exp(Math.max(-clip, Math.min(clip, x)));
        }
        return s;
    }
}
