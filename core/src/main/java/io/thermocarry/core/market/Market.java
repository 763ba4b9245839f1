package io.thermocarry.core.market;

import java.util.Locale;

/** Which price series of a symbol a bar belongs to. */
public enum Market {
    /** Spot order book ({@code /api/v3/klines}). */
    SPOT,
    /** USDT-M perpetual last price ({@code /fapi/v1/klines}). */
    PERP,
    /** Perpetual mark price ({@code /fapi/v1/markPriceKlines}); volume is always 0. */
    MARK,
    /** Index price ({@code /fapi/v1/indexPriceKlines}); volume is always 0. */
    INDEX,
    /** Premium index ({@code /fapi/v1/premiumIndexKlines}): a fraction, may be negative or zero. */
    PREMIUM;

    /** Lower-case name as used on the command line and in the store. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether prices of this market must be strictly positive (all but the premium index). */
    public boolean positivePrices() {
        return this != PREMIUM;
    }

    /** Parses {@code spot|perp|futures|mark|index|premium}. */
    public static Market parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "spot" -> SPOT;
            case "perp", "futures", "future", "um" -> PERP;
            case "mark" -> MARK;
            case "index" -> INDEX;
            case "premium" -> PREMIUM;
            default -> throw new IllegalArgumentException("unknown market '" + s + "' (spot, perp, mark, index, premium)");
        };
    }
}
