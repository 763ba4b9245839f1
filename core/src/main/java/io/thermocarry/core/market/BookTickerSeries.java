package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.Arrays;

/**
 * Best bid and offer updates of one symbol on one market (spot or perp) in column form: the
 * {@code bookTicker} archive ({@code update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,
 * transaction_time,event_time}), a live {@code <symbol>@bookTicker} stream or REST ticker snapshots.
 *
 * <p>Rows are sorted by event time (non-decreasing); a quote is <em>available</em> at its event time, the
 * moment the exchange published it (at or after its transaction time). Prices in quote currency (USDT),
 * quantities in base asset; {@code bid <= ask}, both {@code > 0}. {@code updateId} is Binance's book update
 * id (0 when the source has none). Arrays are owned by the series.
 */
public final class BookTickerSeries {
    private final Symbol symbol;
    private final Market market;
    private final long[] eventTimeMs;
    private final long[] transactionTimeMs;
    private final long[] updateId;
    private final double[] bid;
    private final double[] bidQty;
    private final double[] ask;
    private final double[] askQty;

    /** Column constructor; validates order, positive prices and an uncrossed book. */
    public BookTickerSeries(Symbol symbol, Market market, long[] eventTimeMs, long[] transactionTimeMs,
            long[] updateId, double[] bid, double[] bidQty, double[] ask, double[] askQty) {
        this.symbol = Checks.notNull(symbol, "symbol");
        this.market = Checks.notNull(market, "market");
        Checks.check(market == Market.SPOT || market == Market.PERP, "book tickers are spot or perp, not " + market);
        int n = eventTimeMs.length;
        Checks.check(transactionTimeMs.length == n && updateId.length == n && bid.length == n && bidQty.length == n
                && ask.length == n && askQty.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(bid[i] > 0 && ask[i] >= bid[i] && Double.isFinite(ask[i]),
                    "quote at index " + i + " must have 0 < bid <= ask, was " + bid[i] + " / " + ask[i]);
            Checks.check(i == 0 || eventTimeMs[i] >= eventTimeMs[i - 1], "event times decrease at index " + i + ": "
                    + (i == 0 ? "" : Instant.ofEpochMilli(eventTimeMs[i - 1]) + " then " + Instant.ofEpochMilli(eventTimeMs[i])));
        }
        this.eventTimeMs = eventTimeMs;
        this.transactionTimeMs = transactionTimeMs;
        this.updateId = updateId;
        this.bid = bid;
        this.bidQty = bidQty;
        this.ask = ask;
        this.askQty = askQty;
    }

    /** An empty series. */
    public static BookTickerSeries empty(Symbol symbol, Market market) {
        return new BookTickerSeries(symbol, market, new long[0], new long[0], new long[0], new double[0],
                new double[0], new double[0], new double[0]);
    }

    public Symbol symbol() {
        return symbol;
    }

    /** {@link Market#SPOT} or {@link Market#PERP}. */
    public Market market() {
        return market;
    }

    public int size() {
        return eventTimeMs.length;
    }

    public boolean isEmpty() {
        return eventTimeMs.length == 0;
    }

    /** Publication time of quote i, epoch ms (its availability). */
    public long eventTimeMs(int i) {
        return eventTimeMs[i];
    }

    /** Matching-engine time of quote i, epoch ms. */
    public long transactionTimeMs(int i) {
        return transactionTimeMs[i];
    }

    public long updateId(int i) {
        return updateId[i];
    }

    /** Best bid price, quote currency. */
    public double bid(int i) {
        return bid[i];
    }

    /** Best bid size, base asset. */
    public double bidQty(int i) {
        return bidQty[i];
    }

    /** Best ask price, quote currency. */
    public double ask(int i) {
        return ask[i];
    }

    /** Best ask size, base asset. */
    public double askQty(int i) {
        return askQty[i];
    }

    /** Quoted spread of quote i in bps of the mid: {@code (ask − bid) / ((ask + bid)/2) × 10⁴}. */
    public double spreadBps(int i) {
        return (ask[i] - bid[i]) / (0.5 * (ask[i] + bid[i])) * 1e4;
    }

    /** Raw column (do not mutate). */
    public long[] eventTimes() {
        return eventTimeMs;
    }

    /** Raw column (do not mutate). */
    public long[] transactionTimes() {
        return transactionTimeMs;
    }

    /** Raw column (do not mutate). */
    public long[] updateIds() {
        return updateId;
    }

    /** Raw column (do not mutate). */
    public double[] bids() {
        return bid;
    }

    /** Raw column (do not mutate). */
    public double[] bidQtys() {
        return bidQty;
    }

    /** Raw column (do not mutate). */
    public double[] asks() {
        return ask;
    }

    /** Raw column (do not mutate). */
    public double[] askQtys() {
        return askQty;
    }

    /** Quotes with event time in {@code [fromInclusiveMs, toExclusiveMs)}. */
    public BookTickerSeries slice(long fromInclusiveMs, long toExclusiveMs) {
        int a = lowerBound(fromInclusiveMs);
        int b = Math.max(a, lowerBound(toExclusiveMs));
        return new BookTickerSeries(symbol, market, Arrays.copyOfRange(eventTimeMs, a, b),
                Arrays.copyOfRange(transactionTimeMs, a, b), Arrays.copyOfRange(updateId, a, b),
                Arrays.copyOfRange(bid, a, b), Arrays.copyOfRange(bidQty, a, b), Arrays.copyOfRange(ask, a, b),
                Arrays.copyOfRange(askQty, a, b));
    }

    /** Index of the first quote with event time {@code >= ms}. */
    public int lowerBound(long ms) {
        int lo = 0;
        int hi = eventTimeMs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eventTimeMs[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "BookTickerSeries[" + symbol + " " + market.code() + " n=" + size() + "]";
    }
}
