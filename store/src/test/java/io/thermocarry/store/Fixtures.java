package io.thermocarry.store;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Hand-made series and sources for store tests (no dependency on the binance readers). */
final class Fixtures {
    static final Symbol BTC = new Symbol("BTCUSDT");
    static final Symbol ETH = new Symbol("ETHUSDT");
    static final long H = 3_600_000L;
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private Fixtures() {
    }

    /** Hourly bars at T0 + i h with a deterministic random walk. */
    static BarSeries walk(Symbol s, Market m, int n, long seed) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * H;
        }
        return walkAt(s, m, t, seed);
    }

    /** Hourly bars at the given open times with a deterministic random walk. */
    static BarSeries walkAt(Symbol s, Market m, long[] t, long seed) {
        int n = t.length;
        Random r = new Random(seed);
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double p = 100 + r.nextInt(100);
        for (int i = 0; i < n; i++) {
            o[i] = p;
            c[i] = p * (1 + 0.01 * r.nextGaussian());
            h[i] = Math.max(o[i], c[i]) * (1 + 0.002 * r.nextDouble());
            l[i] = Math.min(o[i], c[i]) * (1 - 0.002 * r.nextDouble());
            v[i] = 5 + 100 * r.nextDouble();
            p = c[i];
        }
        return new BarSeries(s, m, BarInterval.H1, t, o, h, l, c, v);
    }

    /** Funding every {@code intervalH} hours from T0, rate i * 1e-5 - 3e-4, mark 100 + i. */
    static FundingSeries funding(Symbol s, int n, long intervalH) {
        long[] t = new long[n];
        double[] r = new double[n];
        long[] iv = new long[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * intervalH * H;
            r[i] = i * 1e-5 - 3e-4;
            iv[i] = intervalH * H;
            m[i] = 100 + i;
        }
        return new FundingSeries(s, t, r, iv, m);
    }

    static ParsedSource source(String name, List<BarSeries> bars, List<FundingSeries> funding) {
        return source(name, bars, funding, List.of());
    }

    /** A source whose sha256 is that of its name (a test's stand-in for the file's bytes). */
    static ParsedSource source(String name, List<BarSeries> bars, List<FundingSeries> funding,
            List<Rejection> rejected) {
        long rows = rejected.size();
        for (BarSeries b : bars) {
            rows += b.size();
        }
        for (FundingSeries f : funding) {
            rows += f.size();
        }
        return new ParsedSource(name, sha(name), rows, bars, funding, rejected, List.of());
    }

    static ParsedSource bars(String name, BarSeries... bars) {
        return source(name, List.of(bars), List.of());
    }

    static ParsedSource funding(String name, FundingSeries... funding) {
        return source(name, List.of(), List.of(funding));
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every table of the store, each row as text, rows sorted: equal dumps mean equal stores. */
    static List<String> dump(Store store) {
        List<String> out = new ArrayList<>();
        for (String t : store.tables()) {
            out.add("# " + t);
            for (List<Object> row : store.sqlForTests("SELECT * FROM " + t + " ORDER BY ALL")) {
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Bars and funding without provenance (source_file): what must not depend on the order of ingestion. */
    static List<String> dumpData(Store store) {
        List<String> out = new ArrayList<>();
        out.add("# bars");
        for (List<Object> row : store.sqlForTests("SELECT * EXCLUDE (source_file) FROM bars ORDER BY ALL")) {
            out.add(row.toString());
        }
        out.add("# funding");
        for (List<Object> row : store.sqlForTests("SELECT * EXCLUDE (source_file) FROM funding ORDER BY ALL")) {
            out.add(row.toString());
        }
        return out;
    }

    /** Rows sharing a key with another row, over every table with a logical key: must always be 0. */
    static long duplicateKeys(Store store) {
        long n = 0;
        for (Schema.TableDef t : Schema.tables().values()) {
            String key = String.join(", ", t.keyColumns());
            n += (Long) store.sqlForTests("SELECT count(*) FROM (SELECT " + key + " FROM " + t.name()
                    + " GROUP BY ALL HAVING count(*) > 1)").get(0).get(0);
        }
        return n;
    }

    /** Bar i of a series with its close replaced (high/low widened to stay valid). */
    static BarSeries withClose(BarSeries s, int i, double close) {
        double[] c = s.closes().clone();
        double[] h = s.highs().clone();
        double[] l = s.lows().clone();
        c[i] = close;
        h[i] = Math.max(h[i], close);
        l[i] = Math.min(l[i], close);
        return new BarSeries(s.symbol(), s.market(), s.interval(), s.openTimes(), s.opens(), h, l, c, s.volumes());
    }
}
