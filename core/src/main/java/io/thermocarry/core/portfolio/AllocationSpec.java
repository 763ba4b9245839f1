package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;

/**
 * The allocation and its limits.
 *
 * <p><b>Weights.</b> {@code w_s ≥ 0} is the fraction of portfolio equity {@code E} given to symbol {@code s}'s
 * sleeve: the sleeve's strategy sizes itself on capital {@code E·w_s} exactly as it would on a book of its own
 * (the physics carry: notional {@code E·w_s·baseFraction·exposure_regime}). Raw scores
 * ({@link AllocationMethod}) are normalised to {@code Σ w = 1}, then capped at {@code symbolCap} by water-filling
 * (a capped weight's excess goes to the uncapped members in proportion to their scores, repeated until none
 * exceeds the cap; when all are capped the rest stays in cash), so {@code Σ w ≤ 1} and {@code w_s ≤ symbolCap}.
 *
 * <p><b>Gross caps</b>, enforced at every decision on the notional {@code N_s} of each delta-neutral pair (one
 * leg's notional, as the engine's): per symbol {@code N_s ≤ symbolCap·E}, in total {@code Σ_s N_s ≤ grossCap·E},
 * with {@code E} the equity at the decision. A target above them is cut: the symbol's to its cap, then the
 * deciding symbols' targets pro rata so the total fits beside what the others hold.
 *
 * @param method how weights are scored
 * @param symbolCap largest weight of one symbol and largest notional over equity of one symbol ({@code > 0}; at 1
 *     or more the weight cap never binds)
 * @param grossCap largest total notional over equity ({@code > 0})
 * @param carryRiskCap largest annualised carry-to-risk score a member counts with ({@code > 0};
 *     {@link AllocationMethod#CARRY_RISK} only)
 */
public record AllocationSpec(AllocationMethod method, double symbolCap, double grossCap, double carryRiskCap) {
    /** Validates. */
    public AllocationSpec {
        Checks.notNull(method, "method");
        Checks.positive(symbolCap, "symbolCap");
        Checks.positive(grossCap, "grossCap");
        Checks.positive(carryRiskCap, "carryRiskCap");
    }

    /** {@code method} with a 0.5 symbol cap, gross cap 1.0 and carry-to-risk cap 3.0. */
    public static AllocationSpec of(AllocationMethod method) {
        return new AllocationSpec(method, 0.5, 1.0, 3.0);
    }

    /** Same with other caps. */
    public AllocationSpec withCaps(double symbol, double gross) {
        return new AllocationSpec(method, symbol, gross, carryRiskCap);
    }
}
