package io.thermocarry.core.margin;

/** Direction of the perp leg of a carry: short basis holds a short perp, long basis a long perp. */
public enum PerpLeg {
    /** Short perp (short basis: long spot + short perp); hurt by a rise, its worst point in a bar is the high. */
    SHORT(-1),
    /** Long perp (long basis: short spot + long perp); hurt by a fall, its worst point in a bar is the low. */
    LONG(1);

    private final int sign;

    PerpLeg(int sign) {
        this.sign = sign;
    }

    /** Position sign: unrealized PnL {@code = sign · q · (P − P_entry)}. */
    public int sign() {
        return sign;
    }

    /** The perp leg of a carry of sign {@code carrySign} (+1 short basis → short perp, −1 → long perp). */
    public static PerpLeg ofCarrySign(int carrySign) {
        return carrySign > 0 ? SHORT : LONG;
    }
}
