package io.thermocarry.binance.download;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link DownloadTarget} in memory with the store's rules (keyed rows, identical re-delivery is "already present",
 * a source with rejected rows is refused whole) that also counts every row offered twice: a downloader that fetches
 * anything the target already holds shows up in {@link #rowsOfferedTwice}, where the real store would hide it.
 */
final class MemoryTarget implements DownloadTarget {
    private final Map<String, TreeMap<Long, double[]>> bars = new TreeMap<>();
    private final Map<String, TreeMap<Long, double[]>> funding = new TreeMap<>();
    private final Map<String, TreeMap<Long, double[]>> openInterest = new TreeMap<>();
    final List<String> sources = new ArrayList<>();
    private final java.util.Set<String> stored = new java.util.HashSet<>();
    long rowsOfferedTwice;
    long conflicts;
    int refused;

    private static String key(Symbol s, Market m, BarInterval iv) {
        return s + "|" + m.code() + "|" + iv.code();
    }

    @Override
    public synchronized long[] barOpenTimes(Symbol symbol, Market market, BarInterval interval, long fromMs,
            long toMs) {
        TreeMap<Long, double[]> m = bars.getOrDefault(key(symbol, market, interval), new TreeMap<>());
        return m.subMap(fromMs, toMs).keySet().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public synchronized FundingSeries funding(Symbol symbol, long fromMs, long toMs) {
        TreeMap<Long, double[]> m = funding.getOrDefault(symbol.name(), new TreeMap<>());
        Map<Long, double[]> sub = m.subMap(fromMs, toMs);
        int n = sub.size();
        long[] t = new long[n];
        double[] r = new double[n];
        long[] iv = new long[n];
        double[] mark = new double[n];
        int i = 0;
        for (Map.Entry<Long, double[]> e : sub.entrySet()) {
            t[i] = e.getKey();
            r[i] = e.getValue()[0];
            iv[i] = (long) e.getValue()[1];
            mark[i] = e.getValue()[2];
            i++;
        }
        return new FundingSeries(symbol, t, r, iv, mark);
    }

    @Override
    public synchronized long[] openInterestTimes(Symbol symbol, long fromMs, long toMs) {
        TreeMap<Long, double[]> m = openInterest.getOrDefault(symbol.name(), new TreeMap<>());
        return m.subMap(fromMs, toMs).keySet().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public synchronized boolean ingested(String source) {
        return stored.contains(source);
    }

    @Override
    public synchronized Stored ingest(ParsedSource src) {
        sources.add(src.source());
        if (src.hasRejections()) {
            refused++;
            return new Stored(0, 0, 0, true, src.rejected(), src.warnings(), List.of());
        }
        long accepted = 0;
        long present = 0;
        long conflict = 0;
        for (BarSeries b : src.bars()) {
            TreeMap<Long, double[]> m = bars.computeIfAbsent(key(b.symbol(), b.market(), b.interval()),
                    k -> new TreeMap<>());
            for (int i = 0; i < b.size(); i++) {
                double[] v = {b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i)};
                double[] old = m.putIfAbsent(b.openTimeMs(i), v);
                if (old == null) {
                    accepted++;
                } else if (Arrays.equals(old, v)) {
                    present++;
                    rowsOfferedTwice++;
                } else {
                    conflict++;
                    rowsOfferedTwice++;
                }
            }
        }
        for (FundingSeries f : src.funding()) {
            TreeMap<Long, double[]> m = funding.computeIfAbsent(f.symbol().name(), k -> new TreeMap<>());
            for (int i = 0; i < f.size(); i++) {
                double[] v = {f.rate(i), f.intervalMs(i), f.markPrice(i)};
                double[] old = m.putIfAbsent(f.timeMs(i), v);
                if (old == null) {
                    accepted++;
                } else if (Arrays.equals(old, v)) {
                    present++;
                    rowsOfferedTwice++;
                } else {
                    conflict++;
                    rowsOfferedTwice++;
                }
            }
        }
        for (OpenInterestSeries o : src.openInterest()) {
            TreeMap<Long, double[]> m = openInterest.computeIfAbsent(o.symbol().name(), k -> new TreeMap<>());
            for (int i = 0; i < o.size(); i++) {
                double[] v = {o.sumOpenInterest(i), o.sumOpenInterestValue(i)};
                double[] old = m.putIfAbsent(o.timeMs(i), v);
                if (old == null) {
                    accepted++;
                } else {
                    rowsOfferedTwice++;
                    if (Arrays.equals(old, v)) {
                        present++;
                    } else {
                        conflict++;
                    }
                }
            }
        }
        conflicts += conflict;
        stored.add(src.source());
        return new Stored(accepted, present, conflict, false, List.of(), src.warnings(), List.of());
    }

    /** Every stored bar of a series. */
    synchronized BarSeries bars(Symbol s, Market m, BarInterval iv) {
        TreeMap<Long, double[]> map = bars.getOrDefault(key(s, m, iv), new TreeMap<>());
        int n = map.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        int i = 0;
        for (Map.Entry<Long, double[]> e : map.entrySet()) {
            t[i] = e.getKey();
            o[i] = e.getValue()[0];
            h[i] = e.getValue()[1];
            l[i] = e.getValue()[2];
            c[i] = e.getValue()[3];
            v[i] = e.getValue()[4];
            i++;
        }
        return new BarSeries(s, m, iv, t, o, h, l, c, v);
    }

    /** Every stored settlement of a symbol. */
    FundingSeries funding(Symbol s) {
        return funding(s, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Every stored open-interest snapshot of a symbol. */
    synchronized OpenInterestSeries openInterest(Symbol s) {
        TreeMap<Long, double[]> map = openInterest.getOrDefault(s.name(), new TreeMap<>());
        int n = map.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] v = new double[n];
        int i = 0;
        for (Map.Entry<Long, double[]> e : map.entrySet()) {
            t[i] = e.getKey();
            o[i] = e.getValue()[0];
            v[i] = e.getValue()[1];
            i++;
        }
        return new OpenInterestSeries(s, t, o, v);
    }

    /** Rows stored in all. */
    synchronized long rows() {
        long n = 0;
        for (TreeMap<Long, double[]> m : bars.values()) {
            n += m.size();
        }
        for (TreeMap<Long, double[]> m : funding.values()) {
            n += m.size();
        }
        for (TreeMap<Long, double[]> m : openInterest.values()) {
            n += m.size();
        }
        return n;
    }
}
