package io.thermocarry.core.features;

/**
 * The carry the funding sign-flip veto protects: short basis (long spot, short perp) earns positive funding,
 * long basis negative funding.
 */
public enum CarrySide {
    /** Long spot + short perp: a predicted rate below zero is a flip. */
    SHORT_BASIS(1),
    /** Short spot + long perp: a predicted rate above zero is a flip. */
    LONG_BASIS(-1);

    private final int sign;

    CarrySide(int sign) {
        this.sign = sign;
    }

    /** +1 when positive funding is earned, −1 when negative funding is. */
    public int sign() {
        return sign;
    }
}
