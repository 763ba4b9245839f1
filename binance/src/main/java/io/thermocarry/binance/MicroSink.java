package io.thermocarry.binance;

import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.LiquidationSide;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects microstructure rows of one read, per symbol (and market), and builds them into {@link MicroData}
 * with the ordering rule of {@link KeyedRows}: sorted by time with a warning, exact repeats dropped with a
 * warning, a key repeated with other values rejected.
 */
final class MicroSink {
    private static final double BAND_SCALE = 10_000;

    private final Problems problems;
    private final Map<Symbol, KeyedRows> depth = new TreeMap<>();
    private final Map<String, KeyedRows> ticker = new TreeMap<>();
    private final Map<Symbol, KeyedRows> openInterest = new TreeMap<>();
    private final Map<Symbol, KeyedRows> liquidations = new TreeMap<>();
    private final List<LiquidationCoverage> coverage = new ArrayList<>();
    private final Map<Symbol, FundingInfo> fundingInfo = new TreeMap<>();
    private final Map<Symbol, Long> fundingInfoLine = new TreeMap<>();

    MicroSink(Problems problems) {
        this.problems = problems;
    }

    /** A {@code bookDepth} row: band in signed percent of mid, cumulative base size and quote notional. */
    void depth(long line, Symbol s, long timeMs, double band, double size, double notional) {
        depth.computeIfAbsent(s, x -> new KeyedRows(3)).add(line, timeMs, Math.round(band * BAND_SCALE), band, size,
                notional);
    }

    /** A best bid/offer; prices in quote currency, quantities in base asset. */
    void ticker(long line, Symbol s, Market m, long eventMs, long transactionMs, long updateId, double bid,
            double bidQty, double ask, double askQty) {
        ticker.computeIfAbsent(s.name() + "/" + m.name(), x -> new KeyedRows(5)).add(line, eventMs, updateId, bid,
                bidQty, ask, askQty, transactionMs);
    }

    /** An open interest observation available at {@code timeMs}: base units and USDT, either may be NaN, not both. */
    void openInterest(long line, Symbol s, long timeMs, double base, double valueUsd) {
        openInterest.computeIfAbsent(s, x -> new KeyedRows(2)).add(line, timeMs, 0, base, valueUsd);
    }

    /** A forced order ({@code start == end}) or an aggregate over {@code [start, end)}. */
    void liquidation(long line, Symbol s, long startMs, long endMs, LiquidationSide side, double quantity,
            double price, double averagePrice, double notionalUsd) {
        long key = startMs * 31 + side.ordinal();
        key = key * 1_000_003L + Double.doubleToLongBits(quantity);
        key = key * 1_000_003L + Double.doubleToLongBits(price);
        liquidations.computeIfAbsent(s, x -> new KeyedRows(6)).add(line, endMs, key, startMs, side.ordinal(),
                quantity, price, averagePrice, notionalUsd);
    }

    /** Periods the liquidation source watched. */
    void coverage(LiquidationCoverage c) {
        if (c.size() > 0) {
            coverage.add(c);
        }
    }

    /** A {@code fundingInfo} entry; a symbol listed twice with other values is rejected. */
    void fundingInfo(long line, FundingInfo info) {
        FundingInfo prev = fundingInfo.get(info.symbol());
        if (prev == null) {
            fundingInfo.put(info.symbol(), info);
            fundingInfoLine.put(info.symbol(), line);
        } else if (!prev.equals(info)) {
            problems.reject(line, "fundingInfo for " + info.symbol() + " listed twice with different values (first at line "
                    + fundingInfoLine.get(info.symbol()) + ")");
        }
    }

    boolean isEmpty() {
        return depth.isEmpty() && ticker.isEmpty() && openInterest.isEmpty() && liquidations.isEmpty()
                && coverage.isEmpty() && fundingInfo.isEmpty();
    }

    /**
     * Builds what was collected; open-interest series are appended to {@code openInterest} (the source carries them
     * apart from the other microstructure series).
     */
    MicroData build(List<OpenInterestSeries> openInterestOut) {
        List<BookDepthSeries> d = new ArrayList<>();
        for (Map.Entry<Symbol, KeyedRows> e : depth.entrySet()) {
            KeyedRows r = e.getValue();
            int[] idx = r.order(problems, "book depth rows",
                    (rows, i) -> "snapshot " + Instant.ofEpochMilli(rows.time(i)) + " band " + rows.value(i, 0));
            int n = idx.length;
            long[] t = new long[n];
            double[] band = new double[n];
            double[] size = new double[n];
            double[] notional = new double[n];
            for (int k = 0; k < n; k++) {
                int i = idx[k];
                t[k] = r.time(i);
                band[k] = r.value(i, 0);
                size[k] = r.value(i, 1);
                notional[k] = r.value(i, 2);
            }
            if (n > 0) {
                d.add(new BookDepthSeries(e.getKey(), t, band, size, notional));
            }
        }
        List<BookTickerSeries> tk = new ArrayList<>();
        for (Map.Entry<String, KeyedRows> e : ticker.entrySet()) {
            String[] parts = e.getKey().split("/");
            KeyedRows r = e.getValue();
            int[] idx = r.order(problems, "book ticker updates",
                    (rows, i) -> "update " + rows.secondary(i) + " at " + Instant.ofEpochMilli(rows.time(i)));
            int n = idx.length;
            long[] ev = new long[n];
            long[] tx = new long[n];
            long[] id = new long[n];
            double[] bid = new double[n];
            double[] bq = new double[n];
            double[] ask = new double[n];
            double[] aq = new double[n];
            for (int k = 0; k < n; k++) {
                int i = idx[k];
                ev[k] = r.time(i);
                id[k] = r.secondary(i);
                bid[k] = r.value(i, 0);
                bq[k] = r.value(i, 1);
                ask[k] = r.value(i, 2);
                aq[k] = r.value(i, 3);
                tx[k] = (long) r.value(i, 4);
            }
            if (n > 0) {
                tk.add(new BookTickerSeries(new Symbol(parts[0]), Market.valueOf(parts[1]), ev, tx, id, bid, bq, ask, aq));
            }
        }
        List<OpenInterestSeries> oi = openInterestOut;
        for (Map.Entry<Symbol, KeyedRows> e : openInterest.entrySet()) {
            KeyedRows r = e.getValue();
            int[] idx = r.order(problems, "open interest rows", KeyedRows.KeyText.time());
            int n = idx.length;
            long[] t = new long[n];
            double[] base = new double[n];
            double[] value = new double[n];
            for (int k = 0; k < n; k++) {
                int i = idx[k];
                t[k] = r.time(i);
                base[k] = r.value(i, 0);
                value[k] = r.value(i, 1);
            }
            if (n > 0) {
                oi.add(new OpenInterestSeries(e.getKey(), t, base, value));
            }
        }
        List<LiquidationSeries> liq = new ArrayList<>();
        for (Map.Entry<Symbol, KeyedRows> e : liquidations.entrySet()) {
            KeyedRows r = e.getValue();
            int[] idx = r.order(problems, "liquidation rows", KeyedRows.KeyText.time());
            int n = idx.length;
            long[] start = new long[n];
            long[] end = new long[n];
            byte[] side = new byte[n];
            double[] q = new double[n];
            double[] p = new double[n];
            double[] ap = new double[n];
            double[] notional = new double[n];
            for (int k = 0; k < n; k++) {
                int i = idx[k];
                end[k] = r.time(i);
                start[k] = (long) r.value(i, 0);
                side[k] = (byte) r.value(i, 1);
                q[k] = r.value(i, 2);
                p[k] = r.value(i, 3);
                ap[k] = r.value(i, 4);
                notional[k] = r.value(i, 5);
            }
            if (n > 0) {
                liq.add(sortByEnd(new Object[] {e.getKey(), start, end, side, q, p, ap, notional}));
            }
        }
        return new MicroData(d, tk, liq, coverage, new ArrayList<>(fundingInfo.values()));
    }

    /** Rows are keyed by end time already; within one end time, order by start for the series' rule. */
    private static LiquidationSeries sortByEnd(Object[] c) {
        long[] start = (long[]) c[1];
        long[] end = (long[]) c[2];
        int n = start.length;
        boolean ok = true;
        for (int i = 1; i < n && ok; i++) {
            ok = end[i] > end[i - 1] || start[i] >= start[i - 1];
        }
        byte[] side = (byte[]) c[3];
        double[] q = (double[]) c[4];
        double[] p = (double[]) c[5];
        double[] ap = (double[]) c[6];
        double[] notional = (double[]) c[7];
        if (!ok) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> end[a] != end[b] ? Long.compare(end[a], end[b])
                    : Long.compare(start[a], start[b]));
            long[] s2 = new long[n];
            long[] e2 = new long[n];
            byte[] sd2 = new byte[n];
            double[] q2 = new double[n];
            double[] p2 = new double[n];
            double[] ap2 = new double[n];
            double[] n2 = new double[n];
            for (int k = 0; k < n; k++) {
                int i = order[k];
                s2[k] = start[i];
                e2[k] = end[i];
                sd2[k] = side[i];
                q2[k] = q[i];
                p2[k] = p[i];
                ap2[k] = ap[i];
                n2[k] = notional[i];
            }
            return new LiquidationSeries((Symbol) c[0], s2, e2, sd2, q2, p2, ap2, n2);
        }
        return new LiquidationSeries((Symbol) c[0], start, end, side, q, p, ap, notional);
    }
}
