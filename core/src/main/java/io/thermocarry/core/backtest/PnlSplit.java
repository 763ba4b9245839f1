package io.thermocarry.core.backtest;

/**
 * A PnL decomposition. Units are stated where it is used (currency, or fraction of starting capital).
 *
 * @param funding funding PnL (signed)
 * @param basis basis mark-to-market PnL (signed)
 * @param price perp price PnL (perp-only positions)
 * @param fees fees paid ({@code >= 0}, subtracted in the total)
 * @param total {@code funding + basis + price − fees}
 */
public record PnlSplit(double funding, double basis, double price, double fees, double total) {
}
