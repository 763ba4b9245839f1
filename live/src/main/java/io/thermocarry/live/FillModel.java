package io.thermocarry.live;

import java.util.Locale;

/** How the paper broker fills an order (SPEC §14). */
public enum FillModel {
    /**
     * The next child bar's open of each leg plus half the fee tier: the multi-timeframe engine's own rule, so the
     * live book equals the backtest ({@code execute}) over the same bars, and the book is a function of stored data.
     */
    BAR,
    /**
     * The opposite best price of each leg at the decision event (perp and spot {@code bookTicker}) plus the fee
     * tier; the quotes are not recoverable after a restart, so each fill is stored before it is acted on and the
     * book is rebuilt from the stored fills.
     */
    BOOK;

    /** {@code bar} or {@code book}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code bar} or {@code book}. */
    public static FillModel parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "bar" -> BAR;
            case "book" -> BOOK;
            default -> throw new IllegalArgumentException("fill model '" + s + "': bar or book");
        };
    }
}
