package io.thermocarry.core.margin;

import io.thermocarry.core.Checks;

/**
 * The perp leg still held when a run's margin path ended (the live book's running position; SPEC §13, §14): the
 * futures wallet's state as {@link MarginAccount} holds it. Money in units of capital, {@code qty} in capital
 * units per price ({@code qty · P} is the notional in units of capital).
 *
 * @param leg direction of the perp
 * @param notional the carry's notional the leg was struck for
 * @param qty contracts held, capital units per price
 * @param entryPrice price the leg was struck at (its last opening or re-size)
 * @param wallet futures wallet {@code W} (arrived transfers included, a transfer in flight not)
 */
public record OpenPerpLeg(PerpLeg leg, double notional, double qty, double entryPrice, double wallet) {
    /** Validates. */
    public OpenPerpLeg {
        Checks.notNull(leg, "leg");
        Checks.finite(notional, "notional");
        Checks.finite(qty, "qty");
        Checks.finite(entryPrice, "entryPrice");
        Checks.finite(wallet, "wallet");
    }

    /** The leg held by {@code account} now. */
    public static OpenPerpLeg of(MarginAccount account) {
        return new OpenPerpLeg(account.leg(), account.notional(), account.qty(), account.entry(), account.wallet());
    }

    /**
     * thermocarry's coverage {@code B/MM} at price {@code P} ({@link MarginMath#coverage}; liquidation at
     * {@code <= 1}), the brackets looked up at the USDT notional {@code qty · P · capitalUsdt}.
     */
    public double coverage(MarginSpec spec, double price) {
        double usdt = spec.capitalUsdt();
        return MarginMath.coverage(spec.table(), leg, qty * usdt, entryPrice, wallet * usdt, price);
    }

    /** Liquidation price of the leg with its wallet now ({@link MarginMath#liquidationPrice}). */
    public double liquidationPrice(MarginSpec spec) {
        double usdt = spec.capitalUsdt();
        return MarginMath.liquidationPrice(spec.table(), leg, qty * usdt, entryPrice, wallet * usdt);
    }
}
