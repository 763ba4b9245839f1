package io.thermocarry.testkit;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * A recording of Binance's public market streams for one or more symbols, <b>built from bars</b> (not a capture):
 * the exact payloads Binance sends, synthesized deterministically (seeded) from 1 m (or 5 m) klines and the funding
 * history, for {@link FakeBinanceStreams} to replay.
 *
 * <p>What is built, per symbol, for the bars with open time in {@code [from, to)}:
 * <ul>
 * <li>{@code <s>@kline_1m} on the futures host (perp bars) and on the spot host (spot bars): an update every
 * {@link Cadence#klineUpdate()} while the bar is open ({@code x:false}; the bar so far along a path open → first
 * extreme at 1/3 → second extreme at 2/3 → close, the low first on an up bar; volume pro rata), then the final event
 * {@code x:true} with the bar's exact texts, {@code E} = close time + 1..20 ms.</li>
 * <li>{@code <s>@markPrice@1s} every {@link Cadence#mark()}: {@code p} from the mark bar's path (the perp bar's when no
 * mark bar covers the instant), {@code i} (index) from the spot bar's path (else the mark), {@code P} = {@code p},
 * {@code r} the rate of the next settlement in the funding history (the rate Binance will settle; the live stream
 * shows its running estimate), {@code T} that settlement's time (8 h after the last known one past the history).</li>
 * <li>{@code <s>@bookTicker} for perp (futures payload with {@code e,u,E,T}) and spot (no event time) every
 * {@link Cadence#book()}, offset half a period from the mark events: bid and ask at {@link Cadence#halfSpreadBps()}
 * around the leg's path price, rounded outwards to the bar's price decimals (at least one tick apart); quantities
 * seeded; {@code u} increasing by a seeded 1..40 per event.</li>
 * </ul>
 * Events are in time order (stable for equal times). The bars and settlements used are kept ({@link #klines},
 * {@link #funding}) so that tests compare what a client received to what the recording was built from, and
 * {@link #market()} serves them over the fake REST.
 */
public final class StreamRecording {
    /** Which Binance host an event is sent on. */
    public enum Host {
        /** USDⓈ-M futures streams (perp klines and book ticker, mark price). */
        FUTURES,
        /** Spot streams. */
        SPOT
    }

    /**
     * One payload as Binance sends it (raw, without the combined-stream wrapper).
     *
     * @param timeMs when it is sent (its {@code E}; for spot book tickers the synthesized send time)
     * @param host the host
     * @param stream the stream name, e.g. {@code btcusdt@kline_1m}
     * @param payload the JSON payload
     * @param closedKline true for a kline event with {@code x:true}
     */
    public record Event(long timeMs, Host host, String stream, String payload, boolean closedKline) {
    }

    /**
     * How often each stream publishes, the synthesized spread and the seed.
     *
     * @param mark mark price period (Binance: 1 s)
     * @param book book ticker period (Binance: every book change; synthesized at a fixed period)
     * @param klineUpdate period of the open bar's updates (Binance: 250 ms futures, 1-2 s spot)
     * @param halfSpreadBps half the bid–ask spread around the path price, in bps of the price
     * @param seed seed of quantities, update ids and the close-event delays
     */
    public record Cadence(Duration mark, Duration book, Duration klineUpdate, double halfSpreadBps, long seed) {
        /** Validates: positive periods, non-negative spread. */
        public Cadence {
            if (mark.toMillis() <= 0 || book.toMillis() <= 0 || klineUpdate.toMillis() <= 0) {
                throw new IllegalArgumentException("periods must be at least 1 ms");
            }
            if (!(halfSpreadBps >= 0)) {
                throw new IllegalArgumentException("halfSpreadBps must be >= 0");
            }
        }

        /** Binance-like: mark 1 s, book 1 s, kline updates 2 s, half spread 0.5 bp, seed 1. */
        public static Cadence binance() {
            return new Cadence(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 1);
        }

        /** Sparse, for fast tests: mark 5 s, book 5 s, kline updates 15 s, half spread 0.5 bp, seed 1. */
        public static Cadence sparse() {
            return new Cadence(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15), 0.5, 1);
        }

        /** A copy with the seed set. */
        public Cadence withSeed(long s) {
            return new Cadence(mark, book, klineUpdate, halfSpreadBps, s);
        }
    }

    private final long fromMs;
    private final long toMs;
    private final List<Event> events;
    private final Map<String, Map<String, List<SyntheticMarket.Kline>>> klines;
    private final Map<String, List<SyntheticMarket.Funding>> funding;
    private final long intervalMs;

    private StreamRecording(long fromMs, long toMs, long intervalMs, List<Event> events,
            Map<String, Map<String, List<SyntheticMarket.Kline>>> klines, Map<String, List<SyntheticMarket.Funding>> funding) {
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.intervalMs = intervalMs;
        this.events = List.copyOf(events);
        this.klines = klines;
        this.funding = funding;
    }

    /** {@link #fromBars(String, List, List, List, List, Instant, Instant, Cadence)} with {@link Cadence#binance()}. */
    public static StreamRecording fromBars(String symbol, List<SyntheticMarket.Kline> perp1m,
            List<SyntheticMarket.Kline> spot1m, List<SyntheticMarket.Kline> mark1m, List<SyntheticMarket.Funding> funding,
            Instant from, Instant to) {
        return fromBars(symbol, perp1m, spot1m, mark1m, funding, from, to, Cadence.binance());
    }

    /**
     * Builds the streams of one symbol from its bars.
     *
     * @param symbol e.g. {@code BTCUSDT}
     * @param perp1m perp klines (1 m, or any one interval), open-time order; bars outside {@code [from, to)} ignored
     * @param spot1m spot klines of the same interval (may be empty: no spot streams)
     * @param mark1m mark-price klines (may be empty: the mark follows the perp)
     * @param funding settlements, time order (may be empty: rate 0, next funding on the 8 h grid)
     * @param from first bar open time, inclusive
     * @param to last bar open time, exclusive
     * @param cadence publishing periods, spread, seed
     */
    public static StreamRecording fromBars(String symbol, List<SyntheticMarket.Kline> perp1m,
            List<SyntheticMarket.Kline> spot1m, List<SyntheticMarket.Kline> mark1m, List<SyntheticMarket.Funding> funding,
            Instant from, Instant to, Cadence cadence) {
        if (!symbol.matches("[A-Z0-9]{2,30}")) {
            throw new IllegalArgumentException("symbol must be upper case, e.g. BTCUSDT: " + symbol);
        }
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        if (t <= f) {
            throw new IllegalArgumentException("empty window [" + from + ", " + to + ")");
        }
        List<SyntheticMarket.Kline> perp = window(perp1m, f, t);
        List<SyntheticMarket.Kline> spot = window(spot1m, f, t);
        List<SyntheticMarket.Kline> mark = window(mark1m, f, t);
        if (perp.isEmpty()) {
            throw new IllegalArgumentException("no perp bar of " + symbol + " in [" + from + ", " + to + ")");
        }
        long iv = perp.get(0).closeTime() - perp.get(0).openTime() + 1;
        Builder b = new Builder(symbol, iv, cadence, f, t, perp, spot, mark, funding == null ? List.of() : funding);
        List<Event> ev = b.build();
        Map<String, List<SyntheticMarket.Kline>> m = new LinkedHashMap<>();
        m.put("perp", perp);
        m.put("spot", spot);
        m.put("mark", mark);
        Map<String, Map<String, List<SyntheticMarket.Kline>>> k = new TreeMap<>();
        k.put(symbol, m);
        Map<String, List<SyntheticMarket.Funding>> fu = new TreeMap<>();
        fu.put(symbol, funding == null ? List.of() : List.copyOf(funding));
        return new StreamRecording(f, t, iv, ev, k, fu);
    }

    /**
     * {@link #fromBars(String, List, List, List, List, Instant, Instant, Cadence)} from {@code core} series (e.g. read
     * from the store), with {@link Cadence#binance()}: the symbol is the perp series'; bar texts are the doubles'
     * shortest decimal forms; settlements get {@code fundingTime} = time + 3 ms.
     *
     * @param perp1m perp bars (1 m or 5 m)
     * @param spot1m spot bars of the same interval, or null
     * @param mark1m mark-price bars, or null (the mark follows the perp)
     * @param funding settlements, or null
     */
    public static StreamRecording fromBars(BarSeries perp1m, BarSeries spot1m, BarSeries mark1m, FundingSeries funding,
            Instant from, Instant to) {
        return fromBars(perp1m, spot1m, mark1m, funding, from, to, Cadence.binance());
    }

    /** As {@link #fromBars(BarSeries, BarSeries, BarSeries, FundingSeries, Instant, Instant)} with a cadence. */
    public static StreamRecording fromBars(BarSeries perp1m, BarSeries spot1m, BarSeries mark1m, FundingSeries funding,
            Instant from, Instant to, Cadence cadence) {
        if (perp1m == null) {
            throw new IllegalArgumentException("perp bars are required");
        }
        return fromBars(perp1m.symbol().name(), rows(perp1m), rows(spot1m), rows(mark1m), rows(funding), from, to,
                cadence);
    }

    private static List<SyntheticMarket.Kline> rows(BarSeries s) {
        List<SyntheticMarket.Kline> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        long iv = s.interval().millis();
        for (int i = 0; i < s.size(); i++) {
            long open = s.openTimeMs(i);
            double v = s.volume(i);
            out.add(new SyntheticMarket.Kline(open, open + iv - 1, text(s.open(i)), text(s.high(i)), text(s.low(i)),
                    text(s.close(i)), Double.isFinite(v) ? text(v) : "0", "0", 0, "0", "0"));
        }
        return out;
    }

    private static List<SyntheticMarket.Funding> rows(FundingSeries f) {
        List<SyntheticMarket.Funding> out = new ArrayList<>();
        if (f == null) {
            return out;
        }
        for (int i = 0; i < f.size(); i++) {
            long t = f.timeMs(i);
            double m = f.markPrice(i);
            out.add(new SyntheticMarket.Funding(t, t + 3, (int) Math.max(1, f.intervalMs(i) / 3_600_000L),
                    text(f.rate(i)), Double.isFinite(m) ? text(m) : "0"));
        }
        return out;
    }

    private static String text(double v) {
        return v == 0 ? "0" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Several symbols' recordings as one (same interval), events merged in time order. */
    public static StreamRecording merge(StreamRecording... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("nothing to merge");
        }
        List<Event> all = new ArrayList<>();
        Map<String, Map<String, List<SyntheticMarket.Kline>>> k = new TreeMap<>();
        Map<String, List<SyntheticMarket.Funding>> fu = new TreeMap<>();
        long f = Long.MAX_VALUE;
        long t = Long.MIN_VALUE;
        for (StreamRecording p : parts) {
            if (p.intervalMs != parts[0].intervalMs) {
                throw new IllegalArgumentException("recordings of different intervals");
            }
            all.addAll(p.events);
            k.putAll(p.klines);
            fu.putAll(p.funding);
            f = Math.min(f, p.fromMs);
            t = Math.max(t, p.toMs);
        }
        all.sort((a, b) -> Long.compare(a.timeMs(), b.timeMs()));
        return new StreamRecording(f, t, parts[0].intervalMs, all, k, fu);
    }

    /** First bar open time, epoch ms. */
    public long fromMs() {
        return fromMs;
    }

    /** Exclusive end of the bars' open times, epoch ms. */
    public long toMs() {
        return toMs;
    }

    /** The bar interval in ms (60 000 for 1 m). */
    public long intervalMs() {
        return intervalMs;
    }

    /** Time of the last event (the last bar's close event). */
    public long endMs() {
        return events.isEmpty() ? fromMs : events.get(events.size() - 1).timeMs();
    }

    /** Every event in time order. */
    public List<Event> events() {
        return events;
    }

    /** The symbols. */
    public List<String> symbols() {
        return List.copyOf(klines.keySet());
    }

    /** The bars the recording was built from: {@code market} is {@code perp}, {@code spot} or {@code mark}. */
    public List<SyntheticMarket.Kline> klines(String symbol, String market) {
        return klines.getOrDefault(symbol, Map.of()).getOrDefault(market, List.of());
    }

    /** The settlements given for {@code symbol}. */
    public List<SyntheticMarket.Funding> funding(String symbol) {
        return funding.getOrDefault(symbol, List.of());
    }

    /** The bars and settlements as a market the fake REST ({@link FakeBinance}) serves. */
    public SyntheticMarket market() {
        Map<String, Map<String, List<SyntheticMarket.Kline>>> k = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<SyntheticMarket.Kline>>> e : klines.entrySet()) {
            Map<String, List<SyntheticMarket.Kline>> m = new LinkedHashMap<>();
            e.getValue().forEach((mk, rows) -> {
                if (!rows.isEmpty()) {
                    m.put(mk, rows);
                }
            });
            k.put(e.getKey(), m);
        }
        return SyntheticMarket.ofRows(Duration.ofMillis(intervalMs), k, funding);
    }

    /** What this is: "stream recording built from bars ...". */
    public String label() {
        return "stream recording built from " + (intervalMs / 60_000L) + " m bars of " + symbols() + " ["
                + Instant.ofEpochMilli(fromMs) + ", " + Instant.ofEpochMilli(toMs) + "), " + events.size()
                + " events (synthesized payloads, not a capture)";
    }

    // ------------------------------------------------------------------------------------------------ files

    /**
     * Reads klines from a (gzipped) CSV of the shared data tree: freqtrade's {@code open_time_ms,date,open,high,low,
     * close,volume} or Binance's 12-column kline rows (with or without header). Quote volume, trades and taker
     * volumes are "0" / 0 where the file has none.
     *
     * @param interval the bars' interval (close time = open + interval − 1 ms)
     */
    public static List<SyntheticMarket.Kline> readKlines(Path file, Duration interval) {
        long iv = interval.toMillis();
        List<SyntheticMarket.Kline> out = new ArrayList<>();
        for (String[] c : rows(file)) {
            if (c.length >= 12) {
                out.add(new SyntheticMarket.Kline(Long.parseLong(c[0]), Long.parseLong(c[6]), c[1], c[2], c[3], c[4],
                        c[5], c[7], Long.parseLong(c[8]), c[9], c[10]));
            } else if (c.length >= 7) {
                long open = Long.parseLong(c[0]);
                out.add(new SyntheticMarket.Kline(open, open + iv - 1, c[2], c[3], c[4], c[5], c[6], "0", 0, "0",
                        "0"));
            } else {
                throw new IllegalArgumentException(file + ": not a kline row: " + String.join(",", c));
            }
        }
        return out;
    }

    /**
     * Reads settlements from a (gzipped) freqtrade funding CSV of the shared tree ({@code open_time_ms,date,open=rate,
     * ...}, time floored to the hour): interval from the spacing (8 h for the first), {@code fundingTime} = settlement
     * + 3 ms (Binance's jitter), mark price "0" (unknown).
     */
    public static List<SyntheticMarket.Funding> readFunding(Path file) {
        List<SyntheticMarket.Funding> out = new ArrayList<>();
        long prev = Long.MIN_VALUE;
        for (String[] c : rows(file)) {
            long t = Long.parseLong(c[0]);
            int hours = prev == Long.MIN_VALUE ? 8 : (int) Math.max(1, (t - prev) / 3_600_000L);
            out.add(new SyntheticMarket.Funding(t, t + 3, hours, new BigDecimal(c[2]).toPlainString(), "0"));
            prev = t;
        }
        return out;
    }

    private static List<String[]> rows(Path file) {
        List<String[]> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
                    continue;
                }
                out.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ building

    private static List<SyntheticMarket.Kline> window(List<SyntheticMarket.Kline> rows, long f, long t) {
        if (rows == null) {
            return List.of();
        }
        List<SyntheticMarket.Kline> out = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (SyntheticMarket.Kline k : rows) {
            if (k.openTime() >= f && k.openTime() < t) {
                if (k.openTime() <= last) {
                    throw new IllegalArgumentException("bars not in strictly increasing open-time order at "
                            + k.openTime());
                }
                out.add(k);
                last = k.openTime();
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Price path of one series of bars, by time. */
    private static final class PathSeries {
        final List<SyntheticMarket.Kline> bars;
        final long iv;
        final int scale;

        PathSeries(List<SyntheticMarket.Kline> bars, long iv) {
            this.bars = bars;
            this.iv = iv;
            int s = 0;
            for (int i = 0; i < Math.min(bars.size(), 50); i++) {
                SyntheticMarket.Kline k = bars.get(i);
                s = Math.max(s, Math.max(Math.max(scale(k.open()), scale(k.high())), Math.max(scale(k.low()),
                        scale(k.close()))));
            }
            this.scale = Math.max(s, 1);
        }

        boolean isEmpty() {
            return bars.isEmpty();
        }

        /** The bar covering {@code t}, or null. */
        SyntheticMarket.Kline at(long t) {
            int lo = 0;
            int hi = bars.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                SyntheticMarket.Kline k = bars.get(mid);
                if (k.openTime() > t) {
                    hi = mid - 1;
                } else if (k.openTime() + iv <= t) {
                    lo = mid + 1;
                } else {
                    return k;
                }
            }
            return null;
        }

        /** The path price at fraction {@code x} in [0, 1] of bar {@code k}. */
        static double price(SyntheticMarket.Kline k, double x) {
            double o = Double.parseDouble(k.open());
            double h = Double.parseDouble(k.high());
            double l = Double.parseDouble(k.low());
            double c = Double.parseDouble(k.close());
            double first = c >= o ? l : h;
            double second = c >= o ? h : l;
            if (x <= 1.0 / 3) {
                return o + (first - o) * (x * 3);
            }
            if (x <= 2.0 / 3) {
                return first + (second - first) * ((x - 1.0 / 3) * 3);
            }
            return second + (c - second) * ((x - 2.0 / 3) * 3);
        }

        /** Running high / low of the path over [0, x]. */
        static double[] range(SyntheticMarket.Kline k, double x) {
            double hi = Double.parseDouble(k.open());
            double lo = hi;
            for (double y : new double[] {Math.min(x, 1.0 / 3), Math.min(x, 2.0 / 3), x}) {
                double p = price(k, y);
                hi = Math.max(hi, p);
                lo = Math.min(lo, p);
            }
            return new double[] {hi, lo};
        }

        String fmt(double v) {
            return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
        }

        String fmt(double v, RoundingMode mode) {
            return BigDecimal.valueOf(v).setScale(scale, mode).toPlainString();
        }

        private static int scale(String s) {
            int dot = s.indexOf('.');
            if (dot < 0) {
                return 0;
            }
            int end = s.length();
            while (end > dot + 1 && s.charAt(end - 1) == '0') {
                end--;
            }
            return end - dot - 1;
        }
    }

    private static final class Builder {
        final String symbol;
        final String lower;
        final long iv;
        final Cadence cadence;
        final long f;
        final long t;
        final PathSeries perp;
        final PathSeries spot;
        final PathSeries mark;
        final List<SyntheticMarket.Funding> funding;
        final SplittableRandom rnd;
        final List<Event> out = new ArrayList<>();
        final String interval;

        Builder(String symbol, long iv, Cadence cadence, long f, long t, List<SyntheticMarket.Kline> perp,
                List<SyntheticMarket.Kline> spot, List<SyntheticMarket.Kline> mark, List<SyntheticMarket.Funding> fu) {
            this.symbol = symbol;
            this.lower = symbol.toLowerCase(Locale.ROOT);
            this.iv = iv;
            this.cadence = cadence;
            this.f = f;
            this.t = t;
            this.perp = new PathSeries(perp, iv);
            this.spot = new PathSeries(spot, iv);
            this.mark = new PathSeries(mark, iv);
            this.funding = fu;
            this.rnd = new SplittableRandom(cadence.seed() * 1_000_003L + symbol.hashCode());
            long m = iv / 60_000L;
            this.interval = m < 60 ? m + "m" : (m / 60) + "h";
        }

        List<Event> build() {
            klines(perp, Host.FUTURES);
            klines(spot, Host.SPOT);
            marks();
            books(perp, Host.FUTURES);
            books(spot, Host.SPOT);
            out.sort((a, b) -> Long.compare(a.timeMs(), b.timeMs()));
            return out;
        }

        void klines(PathSeries s, Host host) {
            String stream = lower + "@kline_" + interval;
            long step = cadence.klineUpdate().toMillis();
            long tradeId = 1_000_000L + rnd.nextLong(1_000_000L);
            for (SyntheticMarket.Kline k : s.bars) {
                double vol = Double.parseDouble(k.volume());
                double qv = Double.parseDouble(k.quoteVolume());
                long firstTrade = tradeId;
                for (long at = 0; at < iv; at += step) {
                    double x = (double) at / iv;
                    long e = k.openTime() + at + 1 + rnd.nextInt(Math.max(1, (int) Math.min(step / 4, 200)));
                    if (e >= k.openTime() + iv) {
                        continue;
                    }
                    double[] hl = PathSeries.range(k, x);
                    long n = Math.round(k.trades() * x);
                    String json = klineJson(e, k, s.fmt(PathSeries.price(k, x)), s.fmt(hl[0]), s.fmt(hl[1]),
                            plain(vol * x), n, plain(qv * x), firstTrade, firstTrade + Math.max(0, n - 1), false);
                    out.add(new Event(e, host, stream, json, false));
                }
                long e = k.closeTime() + 1 + 1 + rnd.nextInt(20);
                tradeId = firstTrade + Math.max(1, k.trades());
                String json = klineJson(e, k, k.close(), k.high(), k.low(), k.volume(), k.trades(), k.quoteVolume(),
                        firstTrade, tradeId - 1, true);
                out.add(new Event(e, host, stream, json, true));
            }
        }

        String klineJson(long e, SyntheticMarket.Kline k, String c, String h, String l, String v, long n, String q,
                long first, long last, boolean closed) {
            return "{\"e\":\"kline\",\"E\":" + e + ",\"s\":\"" + symbol + "\",\"k\":{\"t\":" + k.openTime() + ",\"T\":"
                    + k.closeTime() + ",\"s\":\"" + symbol + "\",\"i\":\"" + interval + "\",\"f\":" + first + ",\"L\":"
                    + last + ",\"o\":\"" + k.open() + "\",\"c\":\"" + c + "\",\"h\":\"" + h + "\",\"l\":\"" + l
                    + "\",\"v\":\"" + v + "\",\"n\":" + n + ",\"x\":" + closed + ",\"q\":\"" + q + "\",\"V\":\""
                    + (closed ? k.takerBuyVolume() : "0") + "\",\"Q\":\"" + (closed ? k.takerBuyQuoteVolume() : "0")
                    + "\",\"B\":\"0\"}}";
        }

        void marks() {
            long step = cadence.mark().toMillis();
            int fi = 0;
            for (long at = f; at < t; at += step) {
                SyntheticMarket.Kline pk = perp.at(at);
                SyntheticMarket.Kline mk = mark.at(at);
                if (pk == null && mk == null) {
                    continue;
                }
                PathSeries ms = mk != null ? mark : perp;
                SyntheticMarket.Kline mb = mk != null ? mk : pk;
                double p = PathSeries.price(mb, (double) (at - mb.openTime()) / iv);
                SyntheticMarket.Kline sk = spot.at(at);
                double idx = sk != null ? PathSeries.price(sk, (double) (at - sk.openTime()) / iv) : p;
                while (fi < funding.size() && funding.get(fi).settleTime() <= at) {
                    fi++;
                }
                String rate;
                long next;
                if (fi < funding.size()) {
                    rate = funding.get(fi).rate();
                    next = funding.get(fi).settleTime();
                } else {
                    long last = funding.isEmpty() ? Math.floorDiv(at, 28_800_000L) * 28_800_000L
                            : funding.get(funding.size() - 1).settleTime();
                    rate = funding.isEmpty() ? "0.00000000" : funding.get(funding.size() - 1).rate();
                    next = last + 28_800_000L * Math.max(1, (at - last) / 28_800_000L + 1);
                }
                String ps = ms.fmt(p);
                String json = "{\"e\":\"markPriceUpdate\",\"E\":" + at + ",\"s\":\"" + symbol + "\",\"p\":\"" + ps
                        + "\",\"P\":\"" + ps + "\",\"i\":\"" + (sk != null ? spot.fmt(idx) : ps) + "\",\"r\":\""
                        + rate + "\",\"T\":" + next + "}";
                out.add(new Event(at, Host.FUTURES, lower + "@markPrice@1s", json, false));
            }
        }

        void books(PathSeries s, Host host) {
            if (s.isEmpty()) {
                return;
            }
            long step = cadence.book().toMillis();
            long u = 1_000_000_000L + rnd.nextLong(1_000_000_000L);
            double h = cadence.halfSpreadBps() / 10_000.0;
            double tick = Math.pow(10, -s.scale);
            for (long at = f + step / 2; at < t; at += step) {
                SyntheticMarket.Kline k = s.at(at);
                if (k == null) {
                    continue;
                }
                double mid = PathSeries.price(k, (double) (at - k.openTime()) / iv);
                BigDecimal bid = new BigDecimal(s.fmt(mid * (1 - h), RoundingMode.FLOOR));
                BigDecimal ask = new BigDecimal(s.fmt(mid * (1 + h), RoundingMode.CEILING));
                if (ask.compareTo(bid) <= 0) {
                    ask = bid.add(BigDecimal.valueOf(tick).setScale(s.scale, RoundingMode.HALF_UP));
                }
                u += 1 + rnd.nextInt(40);
                String bq = plain(Math.round(rnd.nextDouble(0.001, 20) * 1000) / 1000.0);
                String aq = plain(Math.round(rnd.nextDouble(0.001, 20) * 1000) / 1000.0);
                String json;
                if (host == Host.FUTURES) {
                    json = "{\"e\":\"bookTicker\",\"u\":" + u + ",\"s\":\"" + symbol + "\",\"b\":\""
                            + bid.toPlainString() + "\",\"B\":\"" + bq + "\",\"a\":\"" + ask.toPlainString()
                            + "\",\"A\":\"" + aq + "\",\"T\":" + (at - 1) + ",\"E\":" + at + "}";
                } else {
                    json = "{\"u\":" + u + ",\"s\":\"" + symbol + "\",\"b\":\"" + bid.toPlainString() + "\",\"B\":\""
                            + bq + "\",\"a\":\"" + ask.toPlainString() + "\",\"A\":\"" + aq + "\"}";
                }
                out.add(new Event(at, host, lower + "@bookTicker", json, false));
            }
        }

        static String plain(double v) {
            if (v == 0) {
                return "0";
            }
            return BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
    }
}
