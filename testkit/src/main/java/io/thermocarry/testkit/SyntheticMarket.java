package io.thermocarry.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic synthetic Binance market: klines of every market (perp, spot, mark, index, premium), funding
 * settlements and 5-minute open interest per symbol, as the decimal strings Binance publishes, so that the REST JSON
 * and the archive CSV of one row carry the same text and read to the same doubles.
 *
 * <p>What real data has and tests need is built in: listing times (spot listed before the perp), exchange outages
 * (bars missing from one market), funding intervals that switch (8 h to 4 h and back), a settlement that never
 * happened, and Binance's few-millisecond jitter on {@code fundingTime}. The same seed gives the same market.
 *
 * <p>{@link #ofRows} serves given rows instead (real data read from files), so the same server replays history.
 *
 * <p>A funding event's interval is the spacing to the previous settlement (the first event: the spacing to the next),
 * which is what the archive's {@code funding_interval_hours} column says here and what a reader infers from REST
 * spacing, so both routes agree.
 */
public final class SyntheticMarket {
    /** Market codes, as thermocarry names them. */
    public static final List<String> MARKETS = List.of("perp", "spot", "mark", "index", "premium");
    /** Open interest cadence (Binance's finest {@code openInterestHist} period and the metrics archive's step). */
    public static final long OI_STEP_MS = 5 * 60_000L;
    private static final long HOUR_MS = 3_600_000L;

    /**
     * One kline as Binance publishes it.
     *
     * @param openTime open time, epoch ms
     * @param closeTime open time + interval − 1 ms
     * @param open open price text
     * @param high high price text
     * @param low low price text
     * @param close close price text
     * @param volume base volume text ("0" for mark, index and premium)
     * @param quoteVolume quote volume text
     * @param trades number of trades
     * @param takerBuyVolume taker buy base volume text
     * @param takerBuyQuoteVolume taker buy quote volume text
     */
    public record Kline(long openTime, long closeTime, String open, String high, String low, String close,
            String volume, String quoteVolume, long trades, String takerBuyVolume, String takerBuyQuoteVolume) {

        /** The REST array element: {@code [openTime,"open",...,closeTime,"quoteVolume",trades,...,"0"]}. */
        public String json() {
            return "[" + openTime + ",\"" + open + "\",\"" + high + "\",\"" + low + "\",\"" + close + "\",\"" + volume
                    + "\"," + closeTime + ",\"" + quoteVolume + "\"," + trades + ",\"" + takerBuyVolume + "\",\""
                    + takerBuyQuoteVolume + "\",\"0\"]";
        }

        /** The archive CSV row (12 columns). */
        public String csv() {
            return openTime + "," + open + "," + high + "," + low + "," + close + "," + volume + "," + closeTime + ","
                    + quoteVolume + "," + trades + "," + takerBuyVolume + "," + takerBuyQuoteVolume + ",0";
        }

        /**
         * The bar as REST shows it while still open: the open price everywhere and a small volume, values that differ
         * from the final bar, so that a client storing an unfinished bar is caught.
         */
        public Kline unfinished() {
            return new Kline(openTime, closeTime, open, open, open, open, volume.equals("0") ? "0" : "0.001",
                    quoteVolume.equals("0") ? "0" : "1.0", 1, "0", "0");
        }
    }

    /**
     * One funding settlement.
     *
     * @param settleTime the settlement instant, epoch ms (whole hour)
     * @param fundingTime {@code settleTime} plus Binance's jitter of a few ms, as REST reports it
     * @param intervalHours interval the rate covers (spacing to the previous settlement)
     * @param rate the rate text, a fraction per interval ("0.00010000")
     * @param markPrice the mark price text at settlement
     */
    public record Funding(long settleTime, long fundingTime, int intervalHours, String rate, String markPrice) {

        /** The REST object. */
        public String json(String symbol) {
            return "{\"symbol\":\"" + symbol + "\",\"fundingTime\":" + fundingTime + ",\"fundingRate\":\"" + rate
                    + "\",\"markPrice\":\"" + markPrice + "\"}";
        }

        /** The archive CSV row {@code calc_time,funding_interval_hours,last_funding_rate}. */
        public String csv() {
            return settleTime + "," + intervalHours + "," + rate;
        }
    }

    /**
     * One open-interest observation.
     *
     * @param time epoch ms, on the 5-minute grid
     * @param sumOpenInterest open interest in base units (text)
     * @param sumOpenInterestValue open interest in USDT (text)
     */
    public record OpenInterest(long time, String sumOpenInterest, String sumOpenInterestValue) {

        /** The REST {@code openInterestHist} object. */
        public String json(String symbol) {
            return "{\"symbol\":\"" + symbol + "\",\"sumOpenInterest\":\"" + sumOpenInterest
                    + "\",\"sumOpenInterestValue\":\"" + sumOpenInterestValue + "\",\"timestamp\":" + time + "}";
        }
    }

    private record Range(long from, long to) {
    }

    private final long intervalMs;
    private final long endMs;
    private final Map<String, Map<String, List<Kline>>> klines = new TreeMap<>();
    private final Map<String, List<Funding>> funding = new TreeMap<>();
    private final Map<String, List<OpenInterest>> openInterest = new TreeMap<>();
    private final Map<String, long[]> listings = new TreeMap<>();

    private SyntheticMarket(Builder b) {
        this.intervalMs = b.intervalMs;
        this.endMs = b.endMs;
        for (Map.Entry<String, long[]> e : b.symbols.entrySet()) {
            String symbol = e.getKey();
            long perpListed = e.getValue()[0];
            long spotListed = e.getValue()[1];
            listings.put(symbol, e.getValue().clone());
            Random rnd = new Random(b.seed * 31 + symbol.hashCode());
            generate(symbol, perpListed, spotListed, rnd, b);
        }
    }

    private SyntheticMarket(long intervalMs, Map<String, Map<String, List<Kline>>> rows,
            Map<String, List<Funding>> fundingRows) {
        this.intervalMs = intervalMs;
        long end = Long.MIN_VALUE;
        for (Map.Entry<String, Map<String, List<Kline>>> e : rows.entrySet()) {
            Map<String, List<Kline>> frozen = new LinkedHashMap<>();
            long perp = Long.MAX_VALUE;
            long spot = Long.MAX_VALUE;
            for (Map.Entry<String, List<Kline>> m : e.getValue().entrySet()) {
                List<Kline> l = List.copyOf(m.getValue());
                frozen.put(m.getKey(), l);
                if (!l.isEmpty()) {
                    long first = l.get(0).openTime();
                    if (m.getKey().equals("spot")) {
                        spot = first;
                    } else {
                        perp = Math.min(perp, first);
                    }
                    end = Math.max(end, l.get(l.size() - 1).openTime() + intervalMs);
                }
            }
            klines.put(e.getKey(), frozen);
            listings.put(e.getKey(), new long[] {perp, spot});
        }
        for (Map.Entry<String, List<Funding>> e : fundingRows.entrySet()) {
            funding.put(e.getKey(), List.copyOf(e.getValue()));
            listings.putIfAbsent(e.getKey(), new long[] {e.getValue().isEmpty() ? Long.MAX_VALUE
                    : e.getValue().get(0).settleTime(), Long.MAX_VALUE});
        }
        this.endMs = end;
    }

    /**
     * A market serving given rows (e.g. real data read from files) instead of generated ones: klines per symbol and
     * market code, funding per symbol; no open interest. A market's listing is its first row.
     */
    public static SyntheticMarket ofRows(Duration interval, Map<String, Map<String, List<Kline>>> klines,
            Map<String, List<Funding>> funding) {
        return new SyntheticMarket(interval.toMillis(), klines, funding);
    }

    /** A builder with the given seed; interval 1 h. */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** The kline interval in ms. */
    public long intervalMs() {
        return intervalMs;
    }

    /** The kline interval as Binance's code ({@code 1m}, {@code 1h}, ...). */
    public String intervalCode() {
        long m = intervalMs / 60_000L;
        if (m < 60) {
            return m + "m";
        }
        if (m < 1440) {
            return (m / 60) + "h";
        }
        return (m / 1440) + "d";
    }

    /** Exclusive end of the generated data, epoch ms. */
    public long endMs() {
        return endMs;
    }

    /** The symbols, sorted. */
    public Set<String> symbols() {
        return Collections.unmodifiableSet(listings.keySet());
    }

    /** First bar open time of {@code market} of {@code symbol} (spot has its own listing). */
    public long listedMs(String symbol, String market) {
        long[] l = listings.get(symbol);
        if (l == null) {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return market.equals("spot") ? l[1] : l[0];
    }

    /** All klines of a series, in time order (empty for unknown ones). */
    public List<Kline> klines(String symbol, String market) {
        return klines.getOrDefault(symbol, Map.of()).getOrDefault(market, List.of());
    }

    /** All funding settlements of a symbol, in time order. */
    public List<Funding> funding(String symbol) {
        return funding.getOrDefault(symbol, List.of());
    }

    /** All 5-minute open-interest observations of a symbol, in time order. */
    public List<OpenInterest> openInterest(String symbol) {
        return openInterest.getOrDefault(symbol, List.of());
    }

    private void generate(String symbol, long perpListed, long spotListed, Random rnd, Builder b) {
        double base = symbol.startsWith("BTC") ? 40_000 : symbol.startsWith("ETH") ? 2_000 : 100;
        long first = Math.min(perpListed, spotListed);
        Map<String, List<Kline>> bySeries = new LinkedHashMap<>();
        for (String m : MARKETS) {
            bySeries.put(m, new ArrayList<>());
        }
        Map<String, Double> prevClose = new LinkedHashMap<>();
        double perp = base;
        TreeMap<Long, Double> perpCloseAt = new TreeMap<>();
        for (long t = first; t < endMs; t += intervalMs) {
            perp = perp * Math.exp(rnd.nextGaussian() * 0.004);
            double basis = 0.0003 + 0.0004 * rnd.nextGaussian();
            double spot = perp / (1 + basis);
            double mark = perp * (1 + 0.00005 * rnd.nextGaussian());
            double index = spot * (1 + 0.00003 * rnd.nextGaussian());
            double premium = (mark - index) / index;
            perpCloseAt.put(t, perp);
            double[] closes = {perp, spot, mark, index, premium};
            for (int k = 0; k < MARKETS.size(); k++) {
                String m = MARKETS.get(k);
                long listed = m.equals("spot") ? spotListed : perpListed;
                double u1 = rnd.nextDouble();
                double u2 = rnd.nextDouble();
                double vol = 10 + 90 * rnd.nextDouble();
                int trades = 100 + rnd.nextInt(900);
                if (t < listed || b.inGap(symbol, m, t)) {
                    prevClose.put(m, closes[k]);
                    continue;
                }
                double open = prevClose.getOrDefault(m, closes[k] * (1 + 0.0002 * rnd.nextGaussian()));
                prevClose.put(m, closes[k]);
                bySeries.get(m).add(kline(m, t, open, closes[k], u1, u2, vol, trades));
            }
        }
        Map<String, List<Kline>> frozen = new LinkedHashMap<>();
        bySeries.forEach((m, l) -> frozen.put(m, List.copyOf(l)));
        klines.put(symbol, frozen);

        // Funding: 8 h grid from the first 00/08/16 UTC at or after the perp listing; switches change the step.
        List<Funding> events = new ArrayList<>();
        long t = ceilTo(perpListed, 8 * HOUR_MS);
        long prev = -1;
        TreeMap<Long, Integer> steps = b.fundingSteps.getOrDefault(symbol, new TreeMap<>());
        while (t < endMs) {
            Map.Entry<Long, Integer> s = steps.floorEntry(t);
            int stepHours = s == null ? 8 : s.getValue();
            int hours = prev < 0 ? stepHours : (int) ((t - prev) / HOUR_MS);
            double rate = 0.0001 * hours / 8 + 0.00008 * rnd.nextGaussian();
            long jitter = rnd.nextInt(10);
            Map.Entry<Long, Double> p = perpCloseAt.floorEntry(t - intervalMs);
            double markPrice = p == null ? base : p.getValue();
            if (!b.missingSettlements.getOrDefault(symbol, List.of()).contains(t)) {
                events.add(new Funding(t, t + jitter, hours, fixed(rate, 8, RoundingMode.HALF_EVEN),
                        fixed(markPrice, 8, RoundingMode.HALF_EVEN)));
            }
            prev = t;
            t += stepHours * HOUR_MS;
        }
        funding.put(symbol, List.copyOf(events));

        List<OpenInterest> oi = new ArrayList<>();
        double contracts = base > 1000 ? 80_000 : 1_000_000;
        for (long o = ceilTo(perpListed, OI_STEP_MS); o < endMs; o += OI_STEP_MS) {
            contracts = contracts * (1 + 0.002 * rnd.nextGaussian());
            Map.Entry<Long, Double> p = perpCloseAt.floorEntry(o);
            double price = p == null ? base : p.getValue();
            oi.add(new OpenInterest(o, fixed(contracts, 8, RoundingMode.HALF_EVEN),
                    fixed(contracts * price, 8, RoundingMode.HALF_EVEN)));
        }
        openInterest.put(symbol, List.copyOf(oi));
    }

    private Kline kline(String market, long t, double open, double close, double u1, double u2, double vol,
            int trades) {
        int scale = market.equals("premium") ? 8 : market.equals("spot") ? 8 : Math.abs(close) >= 100 ? 2 : 4;
        String o = fixed(open, scale, RoundingMode.HALF_EVEN);
        String c = fixed(close, scale, RoundingMode.HALF_EVEN);
        double od = Double.parseDouble(o);
        double cd = Double.parseDouble(c);
        double hi = Math.max(od, cd);
        double lo = Math.min(od, cd);
        double span = market.equals("premium") ? 0.00002 : Math.abs(hi) * 0.002;
        String h = fixed(hi + span * u1 + Math.ulp(hi), scale, RoundingMode.CEILING);
        String l = fixed(lo - span * u2 - Math.ulp(lo), scale, RoundingMode.FLOOR);
        boolean traded = market.equals("perp") || market.equals("spot");
        String v = traded ? fixed(vol, market.equals("spot") ? 8 : 3, RoundingMode.HALF_EVEN) : "0";
        String qv = traded ? fixed(vol * cd, 8, RoundingMode.HALF_EVEN) : "0";
        String tb = traded ? fixed(vol / 2, 8, RoundingMode.HALF_EVEN) : "0";
        String tq = traded ? fixed(vol / 2 * cd, 8, RoundingMode.HALF_EVEN) : "0";
        return new Kline(t, t + intervalMs - 1, o, h, l, c, v, qv, traded ? trades : 60, tb, tq);
    }

    private static String fixed(double v, int scale, RoundingMode mode) {
        return new BigDecimal(v).setScale(scale, mode).toPlainString();
    }

    private static long ceilTo(long t, long step) {
        return Math.floorDiv(t + step - 1, step) * step;
    }

    /** Builds a {@link SyntheticMarket}. */
    public static final class Builder {
        private final long seed;
        private long intervalMs = HOUR_MS;
        private long endMs = Instant.parse("2024-04-01T00:00:00Z").toEpochMilli();
        private final Map<String, long[]> symbols = new TreeMap<>();
        private final Map<String, List<Range>> gaps = new TreeMap<>();
        private final Map<String, TreeMap<Long, Integer>> fundingSteps = new TreeMap<>();
        private final Map<String, List<Long>> missingSettlements = new TreeMap<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        /** The kline interval (default 1 h); open times sit on its grid. */
        public Builder interval(Duration interval) {
            this.intervalMs = interval.toMillis();
            return this;
        }

        /** Exclusive end of the data (default 2024-04-01). */
        public Builder end(Instant end) {
            this.endMs = end.toEpochMilli();
            return this;
        }

        /** A symbol whose perpetual (and mark, index, premium, funding, OI) starts at {@code perpListed}. */
        public Builder symbol(String symbol, Instant perpListed, Instant spotListed) {
            symbols.put(symbol, new long[] {perpListed.toEpochMilli(), spotListed.toEpochMilli()});
            return this;
        }

        /** An exchange outage: bars of {@code market} with open time in {@code [from, to)} do not exist. */
        public Builder gap(String symbol, String market, Instant from, Instant to) {
            gaps.computeIfAbsent(symbol + "/" + market, k -> new ArrayList<>())
                    .add(new Range(from.toEpochMilli(), to.toEpochMilli()));
            return this;
        }

        /** From the settlement at {@code from} on (on the current grid), settlements are {@code hours} apart. */
        public Builder fundingInterval(String symbol, Instant from, int hours) {
            fundingSteps.computeIfAbsent(symbol, k -> new TreeMap<>()).put(from.toEpochMilli(), hours);
            return this;
        }

        /** The settlement due at {@code time} never happened (absent from REST and archive alike). */
        public Builder missingSettlement(String symbol, Instant time) {
            missingSettlements.computeIfAbsent(symbol, k -> new ArrayList<>()).add(time.toEpochMilli());
            return this;
        }

        boolean inGap(String symbol, String market, long t) {
            for (Range r : gaps.getOrDefault(symbol + "/" + market, List.of())) {
                if (t >= r.from && t < r.to) {
                    return true;
                }
            }
            return false;
        }

        /** The market. */
        public SyntheticMarket build() {
            return new SyntheticMarket(this);
        }
    }
}
