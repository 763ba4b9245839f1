package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.regime.Regime;
import java.util.Arrays;

/**
 * The desk's gated carry (SPEC §6): enters only when carry, basis and all four regime signals agree, sizes
 * by regime, and leaves quickly.
 *
 * <p>Entry at decision {@code k} (flat), short basis when all hold:
 * <ul>
 *   <li>last funding {@code F_k > 0} and basis at the decision {@code b_start,k > 0} (percent);</li>
 *   <li>{@code r_k < relaxationSafe}, {@code temperatureZscore_k > temperatureFloor};</li>
 *   <li>{@code entropyRate_k >} its past 40th percentile and {@code jeHealth_k <=} its past 90th percentile
 *       (both thresholds from the {@link SignalPath});</li>
 *   <li>spread and depth gates (SPEC §8): no book data exists in the cycle model, so they pass as
 *       <em>not evaluated</em> and every such pass is counted ({@link Unevaluated#SPREAD_GATE},
 *       {@link Unevaluated#DEPTH_GATE}).</li>
 * </ul>
 * With {@link Sides#BOTH} the mirrored long basis enters on {@code F_k < 0} and {@code b_start,k < 0} with the
 * same signal gates. Size: {@code capital × baseFraction × exposure_k}, fixed for the life of the trade.
 *
 * <p>Exit at a later decision (first that applies): regime is NESS ({@link ExitReason#REGIME_NESS}); funding
 * against the side, {@code s·F_k < 0} ({@link ExitReason#FUNDING_SIGN_FLIP}); basis back near its rolling
 * median, {@code |b_start,k − median_k| < medianTolerancePct}, with {@code median_k} the median of the finite
 * cycle-start basis values {@code b_start,k−W .. b_start,k−1} ({@code W = medianWindow}, at least
 * {@code ⌈W/2⌉} finite values, else not evaluated) ({@link ExitReason#BASIS_AT_MEDIAN}); {@code maxHoldCycles}
 * held ({@link ExitReason#MAX_HOLD}). The decision that exits does not re-enter. Same rules in both compat
 * modes (the reference has no desk strategy).
 *
 * @param baseFraction base notional as a fraction of capital before the regime exposure
 * @param relaxationSafe entry needs {@code r <} this (SPEC §5: 1.05)
 * @param temperatureFloor entry needs temperature z-score {@code >} this (SPEC §5: −0.5)
 * @param medianWindow {@code W}, cycles in the rolling basis median
 * @param medianTolerancePct exit tolerance around the median, in basis percentage points (0.01 = 1 bp)
 * @param maxHoldCycles maximum cycles held (1–2 in the desk's rules)
 * @param sides short basis only, or both sides
 */
public record DeskStrategy(double baseFraction, double relaxationSafe, double temperatureFloor, int medianWindow,
        double medianTolerancePct, int maxHoldCycles, Sides sides) implements StrategySpec {
    /** Validates ranges. */
    public DeskStrategy {
        Checks.positive(baseFraction, "baseFraction");
        Checks.finite(relaxationSafe, "relaxationSafe");
        Checks.finite(temperatureFloor, "temperatureFloor");
        Checks.positive(medianWindow, "medianWindow");
        Checks.nonNegative(medianTolerancePct, "medianTolerancePct");
        Checks.positive(maxHoldCycles, "maxHoldCycles");
        Checks.notNull(sides, "sides");
    }

    /**
     * The desk's first version: 0.5 of capital, r &lt; 1.05, z &gt; −0.5, a 21-cycle (7-day at 8 h) median
     * with a 1 bp tolerance, at most 2 cycles, short basis only.
     */
    public static DeskStrategy defaults() {
        return new DeskStrategy(0.5, 1.05, -0.5, 21, 0.01, 2, Sides.SHORT_ONLY);
    }

    @Override
    public String name() {
        return "desk";
    }

    @Override
    public CycleRule rule(RuleContext context) {
        double[] rates = context.cycles().rates();
        double[] basis = context.cycles().basisStarts();
        double[] median = rollingMedian(basis, medianWindow, (medianWindow + 1) / 2);
        SignalPath sig = context.signals();
        int ness = Regime.NESS.ordinal();
        return (k, position, out) -> {
            double f = rates[k];
            double b = basis[k];
            int regime = sig.regimeCode(k);
            Side held = position.side();
            if (held.isBasisPair()) {
                int s = held.carrySign();
                if (regime < 0) {
                    out.unevaluated(Unevaluated.SIGNAL);
                }
                boolean basisKnown = !Double.isNaN(b) && !Double.isNaN(median[k]);
                if (!basisKnown) {
                    out.unevaluated(Unevaluated.BASIS);
                }
                if (regime == ness) {
                    out.close(ExitReason.REGIME_NESS);
                } else if (s * f < 0) {
                    out.close(ExitReason.FUNDING_SIGN_FLIP);
                } else if (basisKnown && Math.abs(b - median[k]) < medianTolerancePct) {
                    out.close(ExitReason.BASIS_AT_MEDIAN);
                } else if (position.cyclesHeld() >= maxHoldCycles) {
                    out.close(ExitReason.MAX_HOLD);
                }
                return;
            }
            Side side = entrySide(f, b, sig, k, out);
            if (side != Side.FLAT) {
                double target = position.capital() * baseFraction * sig.exposure(k);
                if (target > 0) {
                    out.hold(side, target);
                }
            }
        };
    }

    /**
     * The desk's entry test (the rule's own, shared with the intraday execution layer so that both read the
     * hourly signals of decision {@code k} the same way): short basis when {@code fundingRate > 0} and
     * {@code basisPct > 0} (long basis mirrored with {@link Sides#BOTH}), and the four signal gates of decision
     * {@code k} pass; the spread and depth gates pass as not evaluated. Flags what it could not evaluate on
     * {@code out}.
     *
     * @param fundingRate the last settled funding rate (fraction per interval)
     * @param basisPct the basis at the decision (percent)
     * @param signals the decision path
     * @param k the decision whose signals apply (the last settlement at or before the decision time)
     * @param out where not-evaluated inputs are flagged
     * @return the side to enter, or {@link Side#FLAT}
     */
    public Side entrySide(double fundingRate, double basisPct, SignalPath signals, int k, Decision out) {
        Side side;
        if (fundingRate > 0 && basisPct > 0) {
            side = Side.SHORT_BASIS;
        } else if (sides == Sides.BOTH && fundingRate < 0 && basisPct < 0) {
            side = Side.LONG_BASIS;
        } else {
            if (Double.isNaN(basisPct)) {
                out.unevaluated(Unevaluated.BASIS);
            }
            return Side.FLAT;
        }
        int regime = signals.regimeCode(k);
        double exposure = signals.exposure(k);
        double r = signals.relaxationRatio(k);
        double z = signals.temperatureZscore(k);
        double ent = signals.entropyRate(k);
        double je = signals.jeHealth(k);
        double entThreshold = signals.entropyEquilibriumThreshold(k);
        double jeThreshold = signals.jeDangerThreshold(k);
        if (regime < 0 || Double.isNaN(exposure) || Double.isNaN(r) || Double.isNaN(z) || Double.isNaN(ent)
                || Double.isNaN(je) || Double.isNaN(entThreshold) || Double.isNaN(jeThreshold)) {
            out.unevaluated(Unevaluated.SIGNAL);
            return Side.FLAT;
        }
        if (r < relaxationSafe && z > temperatureFloor && ent > entThreshold && je <= jeThreshold) {
            out.unevaluated(Unevaluated.SPREAD_GATE);
            out.unevaluated(Unevaluated.DEPTH_GATE);
            return side;
        }
        return Side.FLAT;
    }

    /**
     * Causal rolling median: entry {@code k} is the median of the finite values among {@code x[k−w .. k−1]}
     * (mean of the two middle values for an even count), NaN when fewer than {@code minCount} are finite.
     * O(n·w) with a sorted window.
     */
    static double[] rollingMedian(double[] x, int w, int minCount) {
        int n = x.length;
        double[] out = new double[n];
        double[] sorted = new double[w];
        int size = 0;
        for (int k = 0; k < n; k++) {
            out[k] = size >= minCount && size > 0
                    ? (size % 2 == 1 ? sorted[size / 2] : 0.5 * (sorted[size / 2 - 1] + sorted[size / 2]))
                    : Double.NaN;
            // slide: x[k] enters, x[k − w] leaves (for the window of decision k + 1)
            int leaving = k - w;
            if (leaving >= 0 && !Double.isNaN(x[leaving])) {
                int at = Arrays.binarySearch(sorted, 0, size, x[leaving]);
                System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
                size--;
            }
            if (!Double.isNaN(x[k])) {
                int at = Arrays.binarySearch(sorted, 0, size, x[k]);
                int pos = at >= 0 ? at : -at - 1;
                System.arraycopy(sorted, pos, sorted, pos + 1, size - pos);
                sorted[pos] = x[k];
                size++;
            }
        }
        return out;
    }
}
