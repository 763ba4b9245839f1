package io.thermocarry.core.features;

import io.thermocarry.core.Checks;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the veto layer is (SPEC §8): a threshold per feature and what a veto does. At a decision, a feature
 * <em>fires</em> when evaluated and past its threshold; any fired feature among {@code active} vetoes the
 * decision, and {@code action} cuts the regime's exposure. A feature not evaluated never fires and is counted.
 *
 * @param spreadPercentile perp or spot spread fires at a percentile {@code >=} this (99)
 * @param depthPercentile ±1 % depth fires at a percentile {@code <=} this (1): thin book
 * @param oiAbsZscore OI change fires at {@code |z| >=} this (3): a crowding surge or a flush
 * @param flipDeadbandRate the predicted rate fires when {@code carrySign × F̂ < −deadband} (fraction per interval;
 *     0 = any sign against the carry)
 * @param liquidationPercentile liquidation notional fires at a percentile {@code >=} this (99)
 * @param carry the carry the flip veto protects (the physics and desk strategies hold short basis)
 * @param action what a veto does to the exposure
 * @param active the features whose vetoes apply (others are still computed and reported)
 */
public record VetoSpec(double spreadPercentile, double depthPercentile, double oiAbsZscore, double flipDeadbandRate,
        double liquidationPercentile, CarrySide carry, VetoAction action, Set<Feature> active) {
    /** Validates ranges; copies {@code active}. */
    public VetoSpec {
        Checks.inRange(spreadPercentile, 0, 100, "spreadPercentile");
        Checks.inRange(depthPercentile, 0, 100, "depthPercentile");
        Checks.positive(oiAbsZscore, "oiAbsZscore");
        Checks.nonNegative(flipDeadbandRate, "flipDeadbandRate");
        Checks.inRange(liquidationPercentile, 0, 100, "liquidationPercentile");
        Checks.notNull(carry, "carry");
        Checks.notNull(action, "action");
        Checks.notNull(active, "active");
        active = active.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(active));
    }

    /** 99th / 1st percentile, |z| 3, any flip, 99th percentile; short basis; NESS floor; every feature. */
    public static VetoSpec defaults() {
        return new VetoSpec(99, 1, 3, 0, 99, CarrySide.SHORT_BASIS, VetoAction.FORCE_NESS_FLOOR,
                EnumSet.allOf(Feature.class));
    }

    /** A copy with another action. */
    public VetoSpec withAction(VetoAction a) {
        return new VetoSpec(spreadPercentile, depthPercentile, oiAbsZscore, flipDeadbandRate, liquidationPercentile,
                carry, a, active);
    }

    /** A copy with other active features. */
    public VetoSpec withActive(Set<Feature> features) {
        return new VetoSpec(spreadPercentile, depthPercentile, oiAbsZscore, flipDeadbandRate, liquidationPercentile,
                carry, action, features);
    }

    /** Whether {@code f}'s veto applies. */
    public boolean isActive(Feature f) {
        return active.contains(f);
    }
}
