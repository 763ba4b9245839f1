package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.series.FundingCycles;
import java.util.Arrays;

/**
 * Buy-and-hold of the perpetual (SPEC §6): context only, <em>not</em> delta-neutral.
 *
 * <p>Causal mode: at the first decision whose start mark {@code P_start,k} is known, buys
 * {@code fraction × capital} of perp ({@link Side#LONG_PERP}) and holds it: each cycle's price PnL is
 * {@code N·(P_end/P_last − 1)} where {@code P_last} is the last mark the position was valued at and the value
 * {@code N} drifts with the price; a cycle whose end mark is unknown books no price PnL and is counted
 * ({@link Unevaluated#MARK_PRICE}) — the move is caught up at the next known mark. As a long perp it pays
 * funding {@code N·F} (receives when {@code F < 0}); fees {@code |ΔN|·tier/2} on entry and on the final close.
 *
 * <p>Reference mode reproduces the reference's {@code BuyAndHold}: equity at window row {@code k} is
 * {@code capital × p_k / p_first} with {@code p} the cycle-<em>start</em> marks, non-positive marks treated
 * as missing and filled by linear interpolation over the window by index (flat beyond the first/last known
 * mark: a look-ahead the reference makes); no funding, no fees. With no known mark it holds nothing.
 *
 * @param fraction value bought as a fraction of capital (1.0 = fully invested)
 */
public record BuyHoldStrategy(double fraction) implements StrategySpec {
    /** Validates: fraction positive. */
    public BuyHoldStrategy {
        Checks.positive(fraction, "fraction");
    }

    /** Fully invested. */
    public static BuyHoldStrategy defaults() {
        return new BuyHoldStrategy(1.0);
    }

    @Override
    public String name() {
        return "buy-hold";
    }

    @Override
    public CycleRule rule(RuleContext context) {
        boolean reference = context.compat() == Compat.REFERENCE;
        PerpMarks marks = reference ? referenceMarks(context.cycles(), context.firstCycle())
                : new PerpMarks(context.cycles().markStarts(), context.cycles().markEnds());
        double[] from = marks.from();
        return new CycleRule() {
            @Override
            public void decide(int k, PositionView position, Decision out) {
                if (position.side() != Side.FLAT || position.capital() <= 0) {
                    return;
                }
                if (!(from[k] > 0) || !Double.isFinite(from[k])) {
                    out.unevaluated(Unevaluated.MARK_PRICE);
                    return;
                }
                if (reference) {
                    out.feeBase(0.0);
                }
                out.hold(Side.LONG_PERP, fraction * position.capital());
            }

            @Override
            public PerpMarks perpMarks() {
                return marks;
            }
        };
    }

    /** The reference's interpolated cycle-start marks, as (previous start, this start) per window row. */
    private static PerpMarks referenceMarks(FundingCycles cycles, int first) {
        int n = cycles.size();
        double[] raw = cycles.markStarts();
        double[] p = new double[n];
        Arrays.fill(p, Double.NaN);
        int firstKnown = -1;
        int lastKnown = -1;
        for (int k = first; k < n; k++) {
            if (raw[k] > 0 && Double.isFinite(raw[k])) {
                p[k] = raw[k];
                if (firstKnown < 0) {
                    firstKnown = k;
                }
                lastKnown = k;
            }
        }
        double[] from = new double[n];
        double[] to = new double[n];
        Arrays.fill(from, Double.NaN);
        Arrays.fill(to, Double.NaN);
        if (firstKnown < 0) {
            return new PerpMarks(from, to);
        }
        int[] nextKnown = new int[n];
        int next = -1;
        for (int k = n - 1; k >= first; k--) {
            nextKnown[k] = next;
            if (!Double.isNaN(p[k])) {
                next = k;
            }
        }
        int prev = -1;
        for (int k = first; k < n; k++) {
            if (raw[k] > 0 && Double.isFinite(raw[k])) {
                prev = k;
            } else if (k < firstKnown) {
                p[k] = raw[firstKnown];
            } else if (k > lastKnown) {
                p[k] = raw[lastKnown];
            } else {
                // numpy.interp between the known neighbours (prev, next), in its operation order
                int nx = nextKnown[k];
                double slope = (raw[nx] - raw[prev]) / (nx - prev);
                p[k] = slope * (k - prev) + raw[prev];
            }
        }
        for (int k = first; k < n; k++) {
            from[k] = k == first ? p[k] : p[k - 1];
            to[k] = p[k];
        }
        return new PerpMarks(from, to);
    }
}
