package io.thermocarry.core.signal;

import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.BasisSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Test-side reader of the golden files in {@code ../shared/reference} (README there): the reference's
 * inputs ({@code SYMBOL.input-basis.csv.gz}: timestamp = bar OPEN time, perp_price, spot_price, basis_pct;
 * {@code SYMBOL.input-funding.csv.gz}: funding_time, funding_rate, mark_price with 0 = unknown) and its
 * per-cycle outputs ({@code SYMBOL.reference-cycles.csv.gz}). Each file is read once per JVM.
 */
final class GoldenFiles {
    private static final long HOUR_MS = 3_600_000L;
    private static final Map<String, Table> CACHE = new ConcurrentHashMap<>();

    private GoldenFiles() {
    }

    /** A CSV file as string columns by header name. */
    static final class Table {
        final String file;
        final Map<String, Integer> header = new HashMap<>();
        final List<String[]> rows = new ArrayList<>();

        Table(String file) {
            this.file = file;
        }

        int size() {
            return rows.size();
        }

        String[] strings(String col) {
            int c = index(col);
            String[] out = new String[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rows.get(i)[c];
            }
            return out;
        }

        /** Column as doubles, empty cells as NaN. */
        double[] doubles(String col) {
            int c = index(col);
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                String s = rows.get(i)[c];
                try {
                    out[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 2) + ": column " + col + " value '" + s
                            + "' is not a number", e);
                }
            }
            return out;
        }

        long[] instantsMs(String col) {
            String[] s = strings(col);
            long[] out = new long[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = Instant.parse(s[i]).toEpochMilli();
            }
            return out;
        }

        private int index(String col) {
            Integer c = header.get(col);
            if (c == null) {
                throw new IllegalArgumentException(file + ": no column '" + col + "' in " + header.keySet());
            }
            return c;
        }
    }

    static Table read(Path gz) {
        return CACHE.computeIfAbsent(gz.toString(), k -> load(gz));
    }

    private static Table load(Path gz) {
        Table t = new Table(gz.getFileName().toString());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line = r.readLine();
            if (line == null) {
                throw new IllegalArgumentException(t.file + ": empty");
            }
            String[] h = line.split(",", -1);
            for (int i = 0; i < h.length; i++) {
                t.header.put(h[i], i);
            }
            int ln = 1;
            while ((line = r.readLine()) != null) {
                ln++;
                String[] f = line.split(",", -1);
                if (f.length != h.length) {
                    throw new IllegalArgumentException(t.file + ":" + ln + ": " + f.length + " fields, header has "
                            + h.length);
                }
                t.rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(gz.toString(), e);
        }
        return t;
    }

    static Table cycles(String symbol) {
        return read(SharedData.referenceDir().resolve(symbol + ".reference-cycles.csv.gz"));
    }

    /** The reference's funding input; mark 0 (unknown) becomes NaN; interval = spacing to the next settlement. */
    static FundingSeries funding(String symbol) {
        Table t = read(SharedData.referenceDir().resolve(symbol + ".input-funding.csv.gz"));
        long[] time = t.instantsMs("funding_time");
        double[] rate = t.doubles("funding_rate");
        double[] mark = t.doubles("mark_price");
        int n = time.length;
        long[] iv = new long[n];
        for (int i = 0; i < n; i++) {
            iv[i] = i + 1 < n ? time[i + 1] - time[i] : (n > 1 ? iv[i - 1] : 8 * HOUR_MS);
            if (!(mark[i] > 0)) {
                mark[i] = Double.NaN;
            }
        }
        return new FundingSeries(Symbol.of(symbol), time, rate, iv, mark);
    }

    /** The reference's basis rows: open-time stamps. */
    static long[] basisOpenTimes(String symbol) {
        return read(SharedData.referenceDir().resolve(symbol + ".input-basis.csv.gz")).instantsMs("timestamp");
    }

    /** The reference's basis rows: basis_pct. */
    static double[] basisPct(String symbol) {
        return read(SharedData.referenceDir().resolve(symbol + ".input-basis.csv.gz")).doubles("basis_pct");
    }

    /**
     * The same rows as the product represents them: availability-stamped (open + 1 h), spot–perp. Used to
     * run the causal engine on real data.
     */
    static BasisSeries availabilityStamped(String symbol) {
        long[] open = basisOpenTimes(symbol);
        long[] t = new long[open.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = open[i] + HOUR_MS;
        }
        byte[] src = new byte[t.length];
        Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
        return new BasisSeries(Symbol.of(symbol), t, basisPct(symbol).clone(), src, 0, HOUR_MS);
    }

    /** |a − b| / max(|a|, |b|); 0 when equal (incl. both 0), +∞ when exactly one is NaN. */
    static double relErr(double a, double b) {
        if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
            return 0.0;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }
}
