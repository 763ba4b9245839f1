package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;

/**
 * The physics carry (SPEC §6, the reference's "V2"): an always-on short basis sized by the regime.
 *
 * <p>At decision {@code k}: target notional {@code T = capital × baseFraction × exposure_k} (exposure from the
 * {@link SignalPath}, e.g. 1.0 / 0.6 / 0.25 for EQUILIBRIUM / WARM / NESS). When the current notional {@code N}
 * is below {@code minNotionalFraction × startingCapital} (flat, in practice) the position is set to {@code T};
 * otherwise it is re-sized to {@code T} only when {@code |T − N| / N > resizeThreshold}. Before the signal
 * warm-up (exposure NaN) it holds nothing, as the reference, which starts trading at its first signal; an
 * exposure that becomes undefined later closes the position ({@link ExitReason#NO_SIGNAL}) and is counted.
 *
 * <p>Reference mode charges the reference's fee on the whole target when opening from below the minimum
 * notional (its "current notional &lt; 1.0" branch at a 10,000 capital is {@code minNotionalFraction = 1e-4})
 * and on {@code |ΔN|} at each re-size; nothing at the end. Trades are spans of constant side, so the
 * always-on physics carry is one trade from its first signal to the end (the reference instead cuts a "trade"
 * at every re-size); re-sizes are visible in the ledger's traded notional.
 *
 * <p>Under {@code full+veto} the exposure it reads is already cut by the veto overlay ({@link SignalPath#withVetoes});
 * a decision where an active veto had no data is counted ({@link Unevaluated#VETO}).
 *
 * @param baseFraction base notional as a fraction of current capital (reference 0.5)
 * @param resizeThreshold relative move of the target beyond which the position is re-sized (reference 0.20)
 * @param minNotionalFraction notional below this fraction of starting capital counts as flat (reference 1e-4)
 */
public record PhysicsStrategy(double baseFraction, double resizeThreshold, double minNotionalFraction)
        implements StrategySpec {
    /** Validates: fractions positive, threshold non-negative. */
    public PhysicsStrategy {
        Checks.positive(baseFraction, "baseFraction");
        Checks.nonNegative(resizeThreshold, "resizeThreshold");
        Checks.nonNegative(minNotionalFraction, "minNotionalFraction");
    }

    /** The reference parameters: 0.5 of capital, 20 % re-size band, 1e-4 minimum notional. */
    public static PhysicsStrategy defaults() {
        return new PhysicsStrategy(0.5, 0.20, 1e-4);
    }

    @Override
    public String name() {
        return "physics";
    }

    @Override
    public CycleRule rule(RuleContext context) {
        SignalPath signals = context.signals();
        boolean reference = context.compat() == Compat.REFERENCE;
        return (k, position, out) -> {
            double exposure = signals.exposure(k);
            if (Double.isNaN(exposure)) {
                out.unevaluated(Unevaluated.SIGNAL);
                if (position.side() != Side.FLAT) {
                    out.close(ExitReason.NO_SIGNAL);
                }
                return;
            }
            if (signals.vetoesApplied() && signals.vetoNotEvaluatedMask(k) != 0) {
                out.unevaluated(Unevaluated.VETO);
            }
            double target = Math.max(position.capital() * baseFraction * exposure, 0.0);
            double current = position.notional();
            if (current < minNotionalFraction * position.startingCapital()) {
                setTarget(out, target);
                if (reference) {
                    out.feeBase(target);
                }
            } else if (Math.abs(target - current) / current > resizeThreshold) {
                setTarget(out, target);
            }
        };
    }

    private static void setTarget(Decision out, double target) {
        if (target > 0) {
            out.hold(Side.SHORT_BASIS, target);
        } else {
            out.close(ExitReason.TARGET_ZERO);
        }
    }
}
