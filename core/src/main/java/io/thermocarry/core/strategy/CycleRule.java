package io.thermocarry.core.strategy;

/**
 * A strategy compiled for one market: a pure decision function of the decision index, what the engine carries
 * ({@link PositionView}) and inputs fixed at construction (funding cycles, signal path, precomputed causal
 * rolling statistics). Deterministic; allocates nothing per decision; safe to reuse across fee tiers.
 *
 * <p>Information rule: at decision {@code k} (settlement {@code t_k}, start of cycle {@code k}) a rule may read
 * cycle fields known at {@code t_k}: {@code F_j} for {@code j <= k}, {@code basisStart_j} for
 * {@code j <= k}, {@code basisEnd_j} and mark prices at {@code t_{j+1}} for {@code j < k}, and signal entries
 * {@code j <= k}. The engine may also call {@code decide(n, ...)} at the end of the data ({@code t_n}, reference
 * mode with {@link FeeBooking#CLOSED_CYCLE}); a rule must then read nothing of index {@code n}.
 */
public interface CycleRule {
    /** Writes the target for cycle {@code k} into {@code out} (already reset to "keep current"). */
    void decide(int k, PositionView position, Decision out);

    /** Ledger row that shows the fee of a trade at a decision. */
    default FeeBooking feeBooking() {
        return FeeBooking.OPENED_CYCLE;
    }

    /**
     * Perp mark path for {@link Side#LONG_PERP} positions, or {@code null} for rules that never hold one.
     * Row {@code k}'s price PnL runs from the last mark used to {@code to()[k]}; a position opened at decision
     * {@code k} starts at {@code from()[k]}.
     */
    default PerpMarks perpMarks() {
        return null;
    }
}
