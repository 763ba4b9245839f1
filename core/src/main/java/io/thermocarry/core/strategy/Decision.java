package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;

/**
 * The engine-owned output slot a {@link CycleRule} writes its decision into (one instance per backtest,
 * reset before each decision, so that deciding allocates nothing). Starts as "keep what is held".
 */
public final class Decision {
    private Side side = Side.FLAT;
    private double notional;
    private ExitReason exitReason;
    private double feeBase = Double.NaN;
    private int unevaluatedMask;

    /** Resets to "keep {@code side} at {@code notional}", no exit reason, default fee base, nothing flagged. */
    public void reset(Side currentSide, double currentNotional) {
        side = currentSide;
        notional = currentNotional;
        exitReason = null;
        feeBase = Double.NaN;
        unevaluatedMask = 0;
    }

    /** Target: hold {@code target} at {@code targetNotional} (currency units, {@code >= 0}) through cycle k. */
    public void hold(Side target, double targetNotional) {
        Checks.notNull(target, "side");
        if (!(targetNotional >= 0) || !Double.isFinite(targetNotional)) {
            throw new IllegalArgumentException("target notional must be finite and >= 0, was " + targetNotional);
        }
        side = target;
        notional = target == Side.FLAT ? 0.0 : targetNotional;
    }

    /** Target: flat, closing any position for {@code reason}. */
    public void close(ExitReason reason) {
        side = Side.FLAT;
        notional = 0.0;
        exitReason = Checks.notNull(reason, "exit reason");
    }

    /** Sets why the previous trade ends if this decision changes side (defaults apply otherwise). */
    public void exitReason(ExitReason reason) {
        exitReason = reason;
    }

    /**
     * Reference mode only: the notional the reference's fee rule charges on at this decision, overriding the
     * default {@code |ΔN|} (the reference naive baseline pays its round trip on the whole notional at each
     * rebalance; {@code 0} for no fee). Ignored in causal mode, where the fee is always on {@code |ΔN|}.
     */
    public void feeBase(double notionalCharged) {
        Checks.nonNegative(notionalCharged, "fee base");
        feeBase = notionalCharged;
    }

    /** Flags an input or gate as not evaluated at this decision (counted by the engine). */
    public void unevaluated(Unevaluated what) {
        unevaluatedMask |= what.bit();
    }

    /** Target side. */
    public Side side() {
        return side;
    }

    /** Target notional (0 when flat). */
    public double notional() {
        return notional;
    }

    /** Exit reason set by the rule, or {@code null}. */
    public ExitReason exitReason() {
        return exitReason;
    }

    /** Reference fee base set by the rule, or NaN for the default {@code |ΔN|}. */
    public double feeBase() {
        return feeBase;
    }

    /** Bit set of {@link Unevaluated#bit()} flags raised at this decision. */
    public int unevaluatedMask() {
        return unevaluatedMask;
    }
}
