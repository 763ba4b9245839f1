package io.thermocarry.core.market;

/**
 * Which positions a forced order closed. Binance's {@code forceOrder} reports the liquidation order's side:
 * a {@code SELL} closes a liquidated long, a {@code BUY} a liquidated short.
 */
public enum LiquidationSide {
    /** Longs liquidated (the forced order sells). */
    LONG,
    /** Shorts liquidated (the forced order buys). */
    SHORT;

    /** The side whose forced order is {@code BUY} or {@code SELL}; null for anything else. */
    public static LiquidationSide ofOrderSide(String orderSide) {
        return switch (orderSide.trim()) {
            case "SELL", "sell" -> LONG;
            case "BUY", "buy" -> SHORT;
            default -> null;
        };
    }
}
