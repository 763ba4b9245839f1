package io.thermocarry.binance;

/**
 * The raw text and column name of a logical field of the row being validated. Collectors call it only
 * when a row fails, so the accepted path never builds a String.
 */
interface RowText {
    /** Column name as the source spells it, e.g. {@code close} or {@code last_funding_rate}. */
    String name(int field);

    /** The field's text exactly as read. */
    String text(int field);
}
