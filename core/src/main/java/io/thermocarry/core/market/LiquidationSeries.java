package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;

/**
 * Liquidations of one USD-M perpetual in column form (SPEC §8). Each row is either one forced order
 * ({@code startMs == endMs} = its trade time: {@code liquidationSnapshot} archives, the {@code forceOrder}
 * stream and its recordings) or an aggregate over a period {@code [startMs, endMs)} (an aggregator's daily
 * total per side), available at {@code endMs}.
 *
 * <p>Rows are sorted by {@code endMs} (then {@code startMs}). {@code notionalUsd} is the liquidated notional in
 * USDT: filled quantity × average fill price (the order's bankruptcy price where the source has no average);
 * {@code quantity} (base asset), {@code price} (order price) and {@code averagePrice} are NaN for aggregates or
 * where the source lacks them. Which periods a source actually watched is not in these rows: see
 * {@link LiquidationCoverage}. Arrays are owned by the series.
 */
public final class LiquidationSeries {
    private static final LiquidationSide[] SIDES = LiquidationSide.values();

    private final Symbol symbol;
    private final long[] startMs;
    private final long[] endMs;
    private final byte[] side;
    private final double[] quantity;
    private final double[] price;
    private final double[] averagePrice;
    private final double[] notionalUsd;

    /** Column constructor; validates order, {@code start <= end} and finite non-negative notionals. */
    public LiquidationSeries(Symbol symbol, long[] startMs, long[] endMs, byte[] side, double[] quantity,
            double[] price, double[] averagePrice, double[] notionalUsd) {
        this.symbol = Checks.notNull(symbol, "symbol");
        int n = startMs.length;
        Checks.check(endMs.length == n && side.length == n && quantity.length == n && price.length == n
                && averagePrice.length == n && notionalUsd.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(startMs[i] <= endMs[i], "liquidation row " + i + " ends before it starts");
            Checks.check(side[i] >= 0 && side[i] < SIDES.length, "bad side code at index " + i);
            Checks.check(notionalUsd[i] >= 0 && Double.isFinite(notionalUsd[i]),
                    "notional must be finite and >= 0 at index " + i + ", was " + notionalUsd[i]);
            if (i > 0) {
                boolean ok = endMs[i] > endMs[i - 1] || (endMs[i] == endMs[i - 1] && startMs[i] >= startMs[i - 1]);
                Checks.check(ok, "liquidations not sorted by end time at index " + i + ": "
                        + Instant.ofEpochMilli(endMs[i]));
            }
        }
        this.startMs = startMs;
        this.endMs = endMs;
        this.side = side;
        this.quantity = quantity;
        this.price = price;
        this.averagePrice = averagePrice;
        this.notionalUsd = notionalUsd;
    }

    /** An empty series. */
    public static LiquidationSeries empty(Symbol symbol) {
        return new LiquidationSeries(symbol, new long[0], new long[0], new byte[0], new double[0], new double[0],
                new double[0], new double[0]);
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return startMs.length;
    }

    public boolean isEmpty() {
        return startMs.length == 0;
    }

    /** Start of row i (its trade time for a single order), epoch ms. */
    public long startMs(int i) {
        return startMs[i];
    }

    /** End of row i (its availability; the trade time for a single order), epoch ms. */
    public long endMs(int i) {
        return endMs[i];
    }

    /** Whose positions row i liquidated. */
    public LiquidationSide side(int i) {
        return SIDES[side[i]];
    }

    /** Filled quantity, base asset; NaN for aggregates. */
    public double quantity(int i) {
        return quantity[i];
    }

    /** Order (bankruptcy) price, USDT; NaN for aggregates. */
    public double price(int i) {
        return price[i];
    }

    /** Average fill price, USDT; NaN for aggregates and sources without it. */
    public double averagePrice(int i) {
        return averagePrice[i];
    }

    /** Liquidated notional, USDT. */
    public double notionalUsd(int i) {
        return notionalUsd[i];
    }

    /** Raw column (do not mutate). */
    public long[] starts() {
        return startMs;
    }

    /** Raw column (do not mutate). */
    public long[] ends() {
        return endMs;
    }

    /** Raw column of {@link LiquidationSide} ordinals (do not mutate). */
    public byte[] sideCodes() {
        return side;
    }

    /** Raw column (do not mutate). */
    public double[] quantities() {
        return quantity;
    }

    /** Raw column (do not mutate). */
    public double[] prices() {
        return price;
    }

    /** Raw column (do not mutate). */
    public double[] averagePrices() {
        return averagePrice;
    }

    /** Raw column (do not mutate). */
    public double[] notionalsUsd() {
        return notionalUsd;
    }

    @Override
    public String toString() {
        return "LiquidationSeries[" + symbol + " n=" + size() + "]";
    }
}
