package io.thermocarry.core.strategy;

/** What a strategy holds through a funding cycle. */
public enum Side {
    /** No position. */
    FLAT(0),
    /**
     * Long spot + short perp, delta-neutral. Per cycle: funding {@code = +N·F}, basis
     * {@code = −N·(b_end − b_start)/100}: earns positive funding and a narrowing basis.
     */
    SHORT_BASIS(1),
    /** Short spot + long perp, delta-neutral: both signs of {@link #SHORT_BASIS} flipped. */
    LONG_BASIS(-1),
    /**
     * Long perp alone (buy-hold context, not delta-neutral): price PnL {@code = N·(P_end/P_start − 1)} with
     * {@code N} the position's value at the cycle start, funding {@code = −N·F} (a long perp pays when
     * {@code F > 0}).
     */
    LONG_PERP(0);

    private final int carrySign;

    Side(int carrySign) {
        this.carrySign = carrySign;
    }

    /**
     * Sign {@code s} of the delta-neutral carry: funding PnL {@code = s·N·F}, basis PnL
     * {@code = −s·N·Δb/100}; {@code +1} short basis, {@code −1} long basis, {@code 0} otherwise.
     */
    public int carrySign() {
        return carrySign;
    }

    /** True for the two spot/perp pairs. */
    public boolean isBasisPair() {
        return carrySign != 0;
    }

    /** The mirrored delta-neutral side (short ↔ long basis); others map to themselves. */
    public Side mirror() {
        return switch (this) {
            case SHORT_BASIS -> LONG_BASIS;
            case LONG_BASIS -> SHORT_BASIS;
            default -> this;
        };
    }
}
