package io.thermocarry.core.execution;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared Binance data tree ({@code ../shared/data/binance}, see its SOURCES.md) for core tests: located by
 * the system property {@code thermocarry.sharedDir}, else {@code ../shared} or {@code ../../shared}; absent, the
 * calling test is skipped with a message, or fails when {@code thermocarry.requireSharedData=true}. Reads the
 * freqtrade CSV layout ({@code open_time_ms,date,open,high,low,close,volume}; funding rate in {@code open}),
 * merges a series' part files (overlaps must agree exactly) and caches each series for the JVM, so every file
 * is read once. Funding times are rounded to the nearest minute, as the product's ingest does.
 */
final class RealData {
    private static final long HOUR = 3_600_000L;
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private RealData() {
    }

    /** The data tree, or a skip / failure when it is absent. */
    static Path binance() {
        String prop = System.getProperty("thermocarry.sharedDir");
        Path[] candidates = {prop == null || prop.isBlank() ? null : Path.of(prop), Path.of("../shared"),
            Path.of("../../shared")};
        for (Path p : candidates) {
            if (p != null && Files.isDirectory(p.resolve("data/binance/klines/5m"))) {
                return p.resolve("data/binance").toAbsolutePath().normalize();
            }
        }
        String msg = "real Binance data not found (thermocarry.sharedDir=" + prop + ", ../shared, ../../shared)";
        if (Boolean.getBoolean("thermocarry.requireSharedData")) {
            Assertions.fail(msg + " but thermocarry.requireSharedData=true");
        }
        Assumptions.abort(msg + ": real-data test skipped");
        return null;
    }

    /** Bars of {@code symbol}: every file {@code klines/<interval>/<folder>/<SYMBOL>[.part-*].csv.gz}, merged. */
    static BarSeries bars(String symbol, Market market, BarInterval interval) {
        String folder = switch (market) {
            case PERP -> "futures";
            case SPOT -> "spot";
            case MARK -> "mark";
            default -> throw new IllegalArgumentException(market.toString());
        };
        String key = symbol + "/" + folder + "/" + interval.code();
        return (BarSeries) CACHE.computeIfAbsent(key, k -> loadBars(symbol, market, interval, folder));
    }

    private static BarSeries loadBars(String symbol, Market market, BarInterval interval, String folder) {
        Path dir = binance().resolve("klines").resolve(interval.code()).resolve(folder);
        long[] t = new long[0];
        double[][] c = new double[5][0];
        for (Path f : files(dir, symbol)) {
            Columns part = columns(f);
            // merge two sorted parts; a time present in both must carry identical values
            int n = t.length + part.size;
            long[] mt = new long[n];
            double[][] mc = new double[5][n];
            int i = 0;
            int j = 0;
            int m = 0;
            while (i < t.length || j < part.size) {
                long a = i < t.length ? t[i] : Long.MAX_VALUE;
                long b = j < part.size ? part.t[j] : Long.MAX_VALUE;
                if (a == b) {
                    for (int q = 0; q < 5; q++) {
                        if (c[q][i] != part.c[q][j]) {
                            throw new IllegalStateException(f + ": bar at " + a + " disagrees with another part");
                        }
                    }
                }
                boolean takeOld = a <= b;
                mt[m] = takeOld ? a : b;
                for (int q = 0; q < 5; q++) {
                    mc[q][m] = takeOld ? c[q][i] : part.c[q][j];
                }
                m++;
                if (a <= b) {
                    i++;
                }
                if (b <= a) {
                    j++;
                }
            }
            t = Arrays.copyOf(mt, m);
            for (int q = 0; q < 5; q++) {
                c[q] = Arrays.copyOf(mc[q], m);
            }
        }
        return new BarSeries(Symbol.of(symbol), market, interval, t, c[0], c[1], c[2], c[3], c[4]);
    }

    /** One file's rows in primitive columns (times strictly increasing). */
    private static final class Columns {
        long[] t = new long[1 << 16];
        double[][] c = new double[5][1 << 16];
        int size;

        void add(long time, double[] v) {
            if (size == t.length) {
                t = Arrays.copyOf(t, size * 2);
                for (int q = 0; q < 5; q++) {
                    c[q] = Arrays.copyOf(c[q], size * 2);
                }
            }
            if (size > 0 && time <= t[size - 1]) {
                throw new IllegalStateException("times not increasing at " + time);
            }
            t[size] = time;
            for (int q = 0; q < 5; q++) {
                c[q][size] = v[q];
            }
            size++;
        }
    }

    private static Columns columns(Path f) {
        Columns out = new Columns();
        double[] v = new double[5];
        int[] comma = new int[8];
        try (BufferedReader in = reader(f)) {
            for (String line; (line = in.readLine()) != null;) {
                int k = 0;
                for (int i = 0; i < line.length() && k < comma.length; i++) {
                    if (line.charAt(i) == ',') {
                        comma[k++] = i;
                    }
                }
                if (k < 6) {
                    throw new IllegalStateException(f + ": short row " + line);
                }
                for (int q = 0; q < 5; q++) {
                    v[q] = decimal(line, comma[q + 1] + 1, q + 2 < k ? comma[q + 2] : line.length());
                }
                out.add(Long.parseLong(line, 0, comma[0], 10), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * A plain decimal ({@code 123.45}) parsed exactly as {@link Double#parseDouble} does: with at most 15
     * significant digits the integer mantissa and the power of ten are exact doubles, so their correctly rounded
     * quotient is the correctly rounded value; anything else goes to {@link Double#parseDouble}.
     */
    private static double decimal(String s, int from, int to) {
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '.' && scale < 0) {
                scale = 0;
            } else if (ch >= '0' && ch <= '9' && digits < 15) {
                mantissa = mantissa * 10 + (ch - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else {
                return Double.parseDouble(s.substring(from, to));
            }
        }
        if (digits == 0) {
            return Double.parseDouble(s.substring(from, to));
        }
        return scale <= 0 ? (double) mantissa : mantissa / POW10[scale];
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15};

    private static BufferedReader reader(Path f) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f),
                1 << 16), StandardCharsets.UTF_8), 1 << 16);
        String header = in.readLine();
        if (header == null || !header.startsWith("open_time_ms,")) {
            in.close();
            throw new IllegalStateException(f + ": unexpected header " + header);
        }
        return in;
    }

    /** Funding settlements of {@code symbol} from every {@code funding/<SYMBOL>[.part-*].csv.gz}, 8 h intervals. */
    static FundingSeries funding(String symbol) {
        return (FundingSeries) CACHE.computeIfAbsent("funding/" + symbol, k -> {
            TreeMap<Long, Double> rows = new TreeMap<>();
            for (Path f : files(binance().resolve("funding"), symbol)) {
                read(f, cols -> {
                    // Binance's fundingTime carries a few ms of jitter (some rows keep it): rounded to the nearest
                    // minute, as the product's ingest does (binance FundingCollector)
                    long t = Math.floorDiv(Long.parseLong(cols[0]) + 30_000L, 60_000L) * 60_000L;
                    double r = Double.parseDouble(cols[2]);
                    Double old = rows.put(t, r);
                    if (old != null && old != r) {
                        throw new IllegalStateException(f + ": funding at " + t + " disagrees with another part");
                    }
                });
            }
            int n = rows.size();
            long[] t = new long[n];
            double[] r = new double[n];
            long[] iv = new long[n];
            double[] m = new double[n];
            int i = 0;
            for (Map.Entry<Long, Double> e : rows.entrySet()) {
                t[i] = e.getKey();
                r[i] = e.getValue();
                iv[i] = i > 0 ? t[i] - t[i - 1] : 8 * HOUR;
                m[i] = Double.NaN;
                i++;
            }
            return new FundingSeries(Symbol.of(symbol), t, r, iv, m);
        });
    }

    private static Path[] files(Path dir, String symbol) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                return name.equals(symbol + ".csv.gz") || (name.startsWith(symbol + ".part-") && name.endsWith(".csv.gz")
                        && !name.contains("emanuelgoldman"));
            }).sorted().toArray(Path[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Path f, java.util.function.Consumer<String[]> row) {
        try (BufferedReader in = reader(f)) {
            for (String line; (line = in.readLine()) != null;) {
                row.accept(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": " + e.getMessage(), e);
        }
    }
}
