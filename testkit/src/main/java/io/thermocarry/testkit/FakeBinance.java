package io.thermocarry.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Binance on 127.0.0.1 (random port) serving a {@link SyntheticMarket} in Binance's exact REST JSON and bulk
 * archive formats, with faults injected by the test. One server answers all three hosts: the futures REST paths
 * ({@code /fapi/...}, {@code /futures/data/...}), the spot REST path ({@code /api/v3/klines}) and the archive
 * ({@code /data/...}); anything before those path markers is ignored, so {@code baseUrl() + "/spot"} can stand for a
 * separate spot host while the request log still tells them apart.
 *
 * <p>Binance's rules as the tests rely on them: klines with {@code openTime} in {@code [startTime, endTime]}, at most
 * {@code limit} (futures ≤ 1500, spot ≤ 1000), ascending; without {@code startTime} the latest ones; the bar still open
 * at the server's "now" is served with provisional values; {@code fundingRate} by {@code fundingTime} with its
 * millisecond jitter, at most 1000; {@code openInterestHist} only for the last 30 days; errors as
 * {@code {"code":-1121,"msg":"Invalid symbol."}} with HTTP 400. Request weight is counted per server minute and per
 * host family, reported in {@code X-MBX-USED-WEIGHT-1M}, and a request over the limit gets HTTP 429 with
 * {@code Retry-After} and counts as a violation. Archive files exist for periods that ended before "now" (plus a
 * publishing delay) and hold data; a {@code .CHECKSUM} sits beside each zip; a missing file is a 404 with S3's XML
 * body.
 *
 * <p>"Now" comes from the test's clock, so a test that never really sleeps still sees minutes roll.
 */
public final class FakeBinance implements AutoCloseable {

    /** A fault the server can inject into one response. */
    public enum Fault {
        /** HTTP 500 with Binance's {@code -1000} body. */
        HTTP_500,
        /** HTTP 502 with a proxy's HTML body. */
        HTTP_502,
        /** HTTP 503 with Binance's {@code -1001} body. */
        HTTP_503,
        /** HTTP 504 gateway timeout, empty body. */
        HTTP_504,
        /** HTTP 429 with {@code Retry-After} and Binance's {@code -1003} body. */
        RATE_LIMITED_429,
        /** HTTP 418 (IP banned) with {@code Retry-After}. */
        BANNED_418,
        /** The connection is closed before any response byte. */
        CLOSE_BEFORE_RESPONSE,
        /** Headers promise the full length, half the body is sent, then the connection is closed. */
        CLOSE_MID_BODY,
        /** A complete HTTP 200 whose JSON body is cut in the middle. */
        TRUNCATED_JSON,
        /** No response until the server is closed (a response slower than any client timeout). */
        STALL,
        /** A list page with fewer rows than asked (half), though more exist. */
        SHORT_PAGE,
        /** A {@code .CHECKSUM} whose hash is not the zip's. */
        WRONG_CHECKSUM;

        /** True for faults that make sense for this request. */
        boolean appliesTo(Request r) {
            boolean checksum = r.path().endsWith(".CHECKSUM");
            boolean archive = isArchive(r.path());
            boolean list = !archive && (r.path().endsWith("lines") || r.path().endsWith("Klines")
                    || r.path().endsWith("fundingRate") || r.path().endsWith("openInterestHist"));
            return switch (this) {
                case WRONG_CHECKSUM -> checksum;
                case SHORT_PAGE -> list;
                case TRUNCATED_JSON -> !archive;
                default -> true;
            };
        }
    }

    /**
     * One request as the server saw it.
     *
     * @param index 1-based arrival number
     * @param path the raw path (with any prefix before the Binance path)
     * @param query decoded query parameters
     * @param atMs the server clock at arrival
     * @param status HTTP status sent (0 while undecided, -1 when the connection was closed without a status)
     * @param fault the injected fault, or null
     * @param rows data rows in a list response
     * @param usedWeight the host family's used weight after this request (0 for the archive)
     */
    public record Request(int index, String path, Map<String, String> query, long atMs, int status, Fault fault,
            int rows, int usedWeight) {

        /** A query parameter as a long, or null when absent. */
        public Long longParam(String name) {
            String v = query.get(name);
            return v == null ? null : Long.valueOf(v);
        }
    }

    private record Rule(Predicate<Request> when, Fault fault, int[] left) {
    }

    private static final Pattern ARCHIVE_KLINES = Pattern.compile("(spot|futures/um)/(monthly|daily)/"
            + "(klines|markPriceKlines|indexPriceKlines|premiumIndexKlines)/([A-Z0-9]+)/([0-9]+[mhdw])/"
            + "([A-Z0-9]+)-([0-9]+[mhdw])-([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\\.zip(\\.CHECKSUM)?");
    private static final Pattern ARCHIVE_FUNDING = Pattern.compile(
            "futures/um/monthly/fundingRate/([A-Z0-9]+)/([A-Z0-9]+)-fundingRate-([0-9]{4}-[0-9]{2})\\.zip(\\.CHECKSUM)?");
    private static final Pattern ARCHIVE_METRICS = Pattern.compile(
            "futures/um/daily/metrics/([A-Z0-9]+)/([A-Z0-9]+)-metrics-([0-9]{4}-[0-9]{2}-[0-9]{2})\\.zip(\\.CHECKSUM)?");
    private static final long DAY_MS = 86_400_000L;

    static {
        // The JDK server writes headers and body separately; with Nagle on, each response waits for the client's
        // delayed ACK (~40 ms). Read once, when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final SyntheticMarket market;
    private final LongSupplier nowMs;
    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Request> log = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Integer> weightLimit = new HashMap<>(Map.of("fapi", 2400, "api", 6000));
    private final Map<String, long[]> weight = new HashMap<>();
    private final Map<String, Integer> maxWeight = new HashMap<>();
    private final List<String> removedArchivePaths = new ArrayList<>();
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    /** Open / funding times per series, for binary searches (the market is immutable). */
    private final Map<String, long[]> times = new java.util.concurrent.ConcurrentHashMap<>();
    /** Archive zips already built, by path without {@code .CHECKSUM} (the market is immutable). */
    private final Map<String, byte[]> zips = new java.util.concurrent.ConcurrentHashMap<>();
    private int violations;
    private int baselineWeight;
    private int pageCap = Integer.MAX_VALUE;
    private int retryAfterSeconds = -1;
    private long publishDelayMs = 0;
    private long seededSeed;
    private double seededProbability;
    private int seededMaxConsecutive;
    private Fault[] seededFaults = new Fault[0];
    private int consecutive;
    private int hardFailAfter = Integer.MAX_VALUE;
    private Fault hardFault;

    private FakeBinance(SyntheticMarket market, LongSupplier nowMs) throws IOException {
        this.market = market;
        this.nowMs = nowMs;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-binance");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a server on 127.0.0.1 at a free port.
     *
     * @param market what it serves
     * @param nowMs the server's "now" (epoch ms): which bars are finished, which archive files exist, weight minutes
     */
    public static FakeBinance start(SyntheticMarket market, LongSupplier nowMs) {
        try {
            return new FakeBinance(market, nowMs);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Binance on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: base of the futures REST, the spot REST and the archive alike. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request weight allowed per minute for the futures ({@code fapi}) and spot ({@code api}) families. */
    public synchronized FakeBinance weightLimit(int futuresPerMinute, int spotPerMinute) {
        weightLimit.put("fapi", futuresPerMinute);
        weightLimit.put("api", spotPerMinute);
        return this;
    }

    /**
     * Weight already used at the start of every minute by other traffic from the same IP: the client can only learn
     * it from {@code X-MBX-USED-WEIGHT-1M}.
     */
    public synchronized FakeBinance baselineWeight(int weightPerMinute) {
        this.baselineWeight = weightPerMinute;
        return this;
    }

    /** Every list page holds at most this many rows, whatever the client asked (Binance may return fewer). */
    public synchronized FakeBinance pageCap(int rows) {
        this.pageCap = rows;
        return this;
    }

    /** {@code Retry-After} sent with injected 429 and 418 (default: seconds to the next minute, resp. 120). */
    public synchronized FakeBinance retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Archive files appear this long after their period ended (default 0). */
    public synchronized FakeBinance archivePublishDelay(Duration delay) {
        this.publishDelayMs = delay.toMillis();
        return this;
    }

    /** Archive paths containing {@code pathPart} are missing (404) though their data exists. */
    public synchronized FakeBinance removeArchiveFiles(String pathPart) {
        removedArchivePaths.add(pathPart);
        return this;
    }

    /** Injects {@code fault} into the next {@code times} requests matching {@code when}. */
    public synchronized FakeBinance inject(Fault fault, Predicate<Request> when, int times) {
        rules.add(new Rule(when, fault, new int[] {times}));
        return this;
    }

    /** Injects {@code fault} into the request arriving {@code index}-th (1-based). */
    public synchronized FakeBinance injectAt(int index, Fault fault) {
        return inject(fault, r -> r.index() == index, 1);
    }

    /** Every request after the first {@code n} fails with {@code fault} (a server going down for good). */
    public synchronized FakeBinance failHardAfter(int n, Fault fault) {
        this.hardFailAfter = n;
        this.hardFault = fault;
        return this;
    }

    /** Undoes {@link #failHardAfter}: the server is back. */
    public synchronized FakeBinance recover() {
        this.hardFailAfter = Integer.MAX_VALUE;
        this.hardFault = null;
        return this;
    }

    /**
     * A seeded fault schedule: each request gets, with {@code probability}, one of {@code faults} that applies to it,
     * never more than {@code maxConsecutive} faulty requests in a row (so a client with more attempts always gets
     * through). Whether request i is faulty depends on the seed and i only.
     */
    public synchronized FakeBinance injectSeeded(long seed, double probability, int maxConsecutive, Fault... faults) {
        this.seededSeed = seed;
        this.seededProbability = probability;
        this.seededMaxConsecutive = maxConsecutive;
        this.seededFaults = faults.clone();
        return this;
    }

    /** Removes every injected fault rule and the seeded schedule. */
    public synchronized FakeBinance clearFaults() {
        rules.clear();
        seededFaults = new Fault[0];
        return recover();
    }

    /** The requests received so far, in arrival order. */
    public synchronized List<Request> requests() {
        return List.copyOf(log);
    }

    /** How many times each fault was injected. */
    public synchronized Map<Fault, Integer> injectedFaults() {
        return Map.copyOf(injected);
    }

    /** Requests that went over the weight limit (answered 429 by the server's own accounting). */
    public synchronized int weightViolations() {
        return violations;
    }

    /** The highest used weight of a minute seen for the family {@code fapi} or {@code api}. */
    public synchronized int maxUsedWeight(String family) {
        return maxWeight.getOrDefault(family, 0);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ handling

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        int slot;
        Fault fault;
        int used;
        boolean overLimit;
        String family = family(path);
        synchronized (this) {
            long now = nowMs.getAsLong();
            Request probe = new Request(log.size() + 1, path, query, now, 0, null, 0, 0);
            fault = pickFault(probe);
            used = 0;
            overLimit = false;
            if (family != null) {
                long minute = Math.floorDiv(now, 60_000L);
                long[] w = weight.computeIfAbsent(family, k -> new long[] {minute, baselineWeight});
                if (w[0] != minute) {
                    w[0] = minute;
                    w[1] = baselineWeight;
                }
                w[1] += weightOf(path, query);
                used = (int) w[1];
                maxWeight.merge(family, used, Math::max);
                if (used > weightLimit.get(family)) {
                    overLimit = true;
                    violations++;
                }
            }
            if (fault != null) {
                injected.merge(fault, 1, Integer::sum);
            }
            log.add(new Request(probe.index(), path, query, now, 0, fault, 0, used));
            slot = log.size() - 1;
        }
        try {
            if (family != null) {
                ex.getResponseHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(used));
            }
            if (overLimit) {
                long now = nowMs.getAsLong();
                long toNextMinute = (60_000L - Math.floorMod(now, 60_000L) + 999) / 1000;
                ex.getResponseHeaders().set("Retry-After", Long.toString(toNextMinute));
                json(ex, slot, 429, "{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP(127.0.0.1) is "
                        + weightLimit.get(family) + " requests per minute.\"}", null, 0);
                return;
            }
            if (fault != null && preempt(ex, slot, fault)) {
                return;
            }
            route(ex, slot, path, query, fault);
        } catch (IOException | RuntimeException e) {
            // The client went away or a fault cut the stream: nothing more to say to it.
            setStatus(slot, -1, 0);
        } finally {
            ex.close();
        }
    }

    private Fault pickFault(Request probe) {
        if (probe.index() > hardFailAfter && hardFault != null) {
            return hardFault;
        }
        for (Rule r : rules) {
            if (r.left[0] > 0 && r.when.test(probe)) {
                r.left[0]--;
                return r.fault;
            }
        }
        if (seededFaults.length > 0) {
            SplittableRandom rnd = new SplittableRandom(seededSeed * 0x9E3779B97F4A7C15L + probe.index());
            if (consecutive < seededMaxConsecutive && rnd.nextDouble() < seededProbability) {
                List<Fault> ok = new ArrayList<>();
                for (Fault f : seededFaults) {
                    if (f.appliesTo(probe)) {
                        ok.add(f);
                    }
                }
                if (!ok.isEmpty()) {
                    consecutive++;
                    return ok.get(rnd.nextInt(ok.size()));
                }
            }
            consecutive = 0;
        }
        return null;
    }

    /** Answers a fault that replaces the response; false for faults that alter a normal response. */
    private boolean preempt(HttpExchange ex, int slot, Fault fault) throws IOException {
        switch (fault) {
            case HTTP_500 -> json(ex, slot, 500, "{\"code\":-1000,\"msg\":\"An unknown error occured while processing the request.\"}", null, 0);
            case HTTP_502 -> send(ex, slot, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8), null, 0);
            case HTTP_503 -> json(ex, slot, 503, "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}", null, 0);
            case HTTP_504 -> send(ex, slot, 504, "text/plain", new byte[0], null, 0);
            case RATE_LIMITED_429 -> {
                long now = nowMs.getAsLong();
                long secs = retryAfterSeconds >= 0 ? retryAfterSeconds
                        : (60_000L - Math.floorMod(now, 60_000L) + 999) / 1000;
                ex.getResponseHeaders().set("Retry-After", Long.toString(secs));
                json(ex, slot, 429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}", null, 0);
            }
            case BANNED_418 -> {
                ex.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds >= 0 ? retryAfterSeconds : 120));
                json(ex, slot, 418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP(127.0.0.1) banned until "
                        + (nowMs.getAsLong() + 120_000L) + ". Please use the websocket for live updates to avoid bans.\"}",
                        null, 0);
            }
            case CLOSE_BEFORE_RESPONSE -> setStatus(slot, -1, 0);
            case STALL -> {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                setStatus(slot, -1, 0);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void route(HttpExchange ex, int slot, String path, Map<String, String> q, Fault fault) throws IOException {
        if (isArchive(path)) {
            int data = path.indexOf("/data/");
            archive(ex, slot, path.substring(data + "/data/".length()), fault);
            return;
        }
        if (path.endsWith("/fapi/v1/klines")) {
            klines(ex, slot, "perp", q, fault);
        } else if (path.endsWith("/api/v3/klines")) {
            klines(ex, slot, "spot", q, fault);
        } else if (path.endsWith("/fapi/v1/markPriceKlines")) {
            klines(ex, slot, "mark", q, fault);
        } else if (path.endsWith("/fapi/v1/indexPriceKlines")) {
            klines(ex, slot, "index", q, fault);
        } else if (path.endsWith("/fapi/v1/premiumIndexKlines")) {
            klines(ex, slot, "premium", q, fault);
        } else if (path.endsWith("/fapi/v1/fundingRate")) {
            fundingRate(ex, slot, q, fault);
        } else if (path.endsWith("/futures/data/openInterestHist")) {
            openInterest(ex, slot, q, fault);
        } else if (path.endsWith("/fapi/v1/exchangeInfo")) {
            exchangeInfo(ex, slot, fault);
        } else if (path.endsWith("/fapi/v1/fundingInfo")) {
            fundingInfo(ex, slot, fault);
        } else {
            send(ex, slot, 404, "text/html", "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8),
                    null, 0);
        }
    }

    private void klines(HttpExchange ex, int slot, String m, Map<String, String> q, Fault fault) throws IOException {
        String symbol = q.get(m.equals("index") ? "pair" : "symbol");
        long now = nowMs.getAsLong();
        if (symbol == null || !market.symbols().contains(symbol) || market.listedMs(symbol, m) > now) {
            json(ex, slot, 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", null, 0);
            return;
        }
        if (!market.intervalCode().equals(q.get("interval"))) {
            json(ex, slot, 400, "{\"code\":-1120,\"msg\":\"Invalid interval.\"}", null, 0);
            return;
        }
        int max = m.equals("spot") ? 1000 : 1500;
        Integer limit = limit(q, 500, max);
        if (limit == null) {
            json(ex, slot, 400, "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}", null, 0);
            return;
        }
        List<SyntheticMarket.Kline> all = market.klines(symbol, m);
        long[] open = times.computeIfAbsent("k/" + symbol + "/" + m,
                k -> all.stream().mapToLong(SyntheticMarket.Kline::openTime).toArray());
        int[] range = window(open, lowerBound(open, now + 1), q, limit, fault);
        if (range == null) {
            json(ex, slot, 400, "{\"code\":-1128,\"msg\":\"Combination of optional parameters invalid.\"}", null, 0);
            return;
        }
        List<SyntheticMarket.Kline> page = new ArrayList<>(range[1] - range[0]);
        for (SyntheticMarket.Kline k : all.subList(range[0], range[1])) {
            page.add(k.closeTime() >= now ? k.unfinished() : k);
        }
        send(ex, slot, 200, "application/json", BinanceFormats.klinesJson(page), fault, page.size());
    }

    private void fundingRate(HttpExchange ex, int slot, Map<String, String> q, Fault fault) throws IOException {
        String symbol = q.get("symbol");
        long now = nowMs.getAsLong();
        if (symbol == null || !market.symbols().contains(symbol) || market.listedMs(symbol, "perp") > now) {
            json(ex, slot, 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", null, 0);
            return;
        }
        Integer limit = limit(q, 100, 1000);
        if (limit == null) {
            json(ex, slot, 400, "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}", null, 0);
            return;
        }
        List<SyntheticMarket.Funding> all = market.funding(symbol);
        long[] ft = times.computeIfAbsent("f/" + symbol,
                k -> all.stream().mapToLong(SyntheticMarket.Funding::fundingTime).toArray());
        int[] range = window(ft, lowerBound(ft, now + 1), q, limit, fault);
        if (range == null) {
            json(ex, slot, 400, "{\"code\":-1128,\"msg\":\"Combination of optional parameters invalid.\"}", null, 0);
            return;
        }
        List<SyntheticMarket.Funding> page = all.subList(range[0], range[1]);
        send(ex, slot, 200, "application/json", BinanceFormats.fundingJson(symbol, page), fault, page.size());
    }

    private void openInterest(HttpExchange ex, int slot, Map<String, String> q, Fault fault) throws IOException {
        String symbol = q.get("symbol");
        long now = nowMs.getAsLong();
        if (symbol == null || !market.symbols().contains(symbol) || market.listedMs(symbol, "perp") > now) {
            json(ex, slot, 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", null, 0);
            return;
        }
        long period = periodMs(q.get("period"));
        if (period <= 0) {
            json(ex, slot, 400, "{\"code\":-1102,\"msg\":\"Mandatory parameter 'period' was not sent, was empty/null,"
                    + " or malformed.\"}", null, 0);
            return;
        }
        Integer limit = limit(q, 30, 500);
        if (limit == null) {
            json(ex, slot, 400, "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}", null, 0);
            return;
        }
        List<SyntheticMarket.OpenInterest> visible = new ArrayList<>();
        for (SyntheticMarket.OpenInterest o : market.openInterest(symbol)) {
            if (o.time() > now) {
                break;
            }
            if (o.time() >= now - 30 * DAY_MS && o.time() % period == 0) {
                visible.add(o);
            }
        }
        long[] ot = new long[visible.size()];
        for (int i = 0; i < ot.length; i++) {
            ot[i] = visible.get(i).time();
        }
        int[] range = window(ot, ot.length, q, limit, fault);
        if (range == null) {
            json(ex, slot, 400, "{\"code\":-1128,\"msg\":\"Combination of optional parameters invalid.\"}", null, 0);
            return;
        }
        List<SyntheticMarket.OpenInterest> page = visible.subList(range[0], range[1]);
        send(ex, slot, 200, "application/json", BinanceFormats.openInterestJson(symbol, page), fault, page.size());
    }

    private void exchangeInfo(HttpExchange ex, int slot, Fault fault) throws IOException {
        long now = nowMs.getAsLong();
        StringBuilder sb = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(now)
                .append(",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                        + "\"intervalNum\":1,\"limit\":")
                .append(weightLimit.get("fapi")).append("}],\"symbols\":[");
        boolean first = true;
        for (String s : market.symbols()) {
            if (market.listedMs(s, "perp") > now) {
                continue;
            }
            sb.append(first ? "" : ",").append("{\"symbol\":\"").append(s).append("\",\"pair\":\"").append(s)
                    .append("\",\"contractType\":\"PERPETUAL\",\"deliveryDate\":4133404800000,\"onboardDate\":")
                    .append(market.listedMs(s, "perp")).append(",\"status\":\"TRADING\",\"quoteAsset\":\"USDT\"}");
            first = false;
        }
        sb.append("]}");
        send(ex, slot, 200, "application/json", sb.toString().getBytes(StandardCharsets.UTF_8), fault, 0);
    }

    private void fundingInfo(HttpExchange ex, int slot, Fault fault) throws IOException {
        long now = nowMs.getAsLong();
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (String s : market.symbols()) {
            SyntheticMarket.Funding last = null;
            for (SyntheticMarket.Funding f : market.funding(s)) {
                if (f.fundingTime() > now) {
                    break;
                }
                last = f;
            }
            if (last == null) {
                continue;
            }
            sb.append(first ? "" : ",").append("{\"symbol\":\"").append(s)
                    .append("\",\"adjustedFundingRateCap\":\"0.02000000\",\"adjustedFundingRateFloor\":\"-0.02000000\","
                            + "\"fundingIntervalHours\":")
                    .append(last.intervalHours()).append(",\"disclaimer\":false}");
            first = false;
        }
        sb.append(']');
        send(ex, slot, 200, "application/json", sb.toString().getBytes(StandardCharsets.UTF_8), fault, 0);
    }

    private void archive(HttpExchange ex, int slot, String rel, Fault fault) throws IOException {
        long now = nowMs.getAsLong();
        for (String removed : removedArchivePaths) {
            if (rel.contains(removed)) {
                notFound(ex, slot, rel);
                return;
            }
        }
        boolean checksum = rel.endsWith(".CHECKSUM");
        String zipPath = checksum ? rel.substring(0, rel.length() - ".CHECKSUM".length()) : rel;
        String name = zipPath.substring(zipPath.lastIndexOf('/') + 1);
        byte[] zip = archiveZip(zipPath, now);
        if (zip == null) {
            notFound(ex, slot, rel);
            return;
        }
        if (checksum) {
            byte[] body = fault == Fault.WRONG_CHECKSUM
                    ? BinanceFormats.checksum(Arrays.copyOf(zip, zip.length + 1), name)
                    : BinanceFormats.checksum(zip, name);
            send(ex, slot, 200, "text/plain", body, fault == Fault.WRONG_CHECKSUM ? null : fault, 0);
        } else {
            send(ex, slot, 200, "application/zip", zip, fault, 0);
        }
    }

    /** The zip at an archive path, or null when the archive has no such file (yet). Built once per path. */
    private byte[] archiveZip(String zipPath, long now) {
        Matcher k = ARCHIVE_KLINES.matcher(zipPath);
        Matcher f = ARCHIVE_FUNDING.matcher(zipPath);
        Matcher o = ARCHIVE_METRICS.matcher(zipPath);
        String period;
        if (k.matches()) {
            period = k.group(8);
            boolean daily = k.group(2).equals("daily");
            if (k.group(9) != null || !k.group(4).equals(k.group(6)) || !k.group(5).equals(k.group(7))
                    || !k.group(5).equals(market.intervalCode()) || daily != (period.length() == 10)
                    || !market.symbols().contains(k.group(4))) {
                return null;
            }
        } else if (f.matches() && f.group(4) == null && f.group(1).equals(f.group(2))
                && market.symbols().contains(f.group(1))) {
            period = f.group(3);
        } else if (o.matches() && o.group(4) == null && o.group(1).equals(o.group(2))
                && market.symbols().contains(o.group(1))) {
            period = o.group(3);
        } else {
            return null;
        }
        long[] span = span(period);
        if (span[1] + publishDelayMs > now) {
            return null;
        }
        return zips.computeIfAbsent(zipPath, p -> {
            String entry = p.substring(p.lastIndexOf('/') + 1, p.length() - ".zip".length()) + ".csv";
            byte[] csv;
            if (k.matches()) {
                String m = switch (k.group(3)) {
                    case "markPriceKlines" -> "mark";
                    case "indexPriceKlines" -> "index";
                    case "premiumIndexKlines" -> "premium";
                    default -> k.group(1).equals("spot") ? "spot" : "perp";
                };
                String symbol = k.group(4);
                List<SyntheticMarket.Kline> all = market.klines(symbol, m);
                long[] open = times.computeIfAbsent("k/" + symbol + "/" + m,
                        x -> all.stream().mapToLong(SyntheticMarket.Kline::openTime).toArray());
                List<SyntheticMarket.Kline> rows = all.subList(lowerBound(open, span[0]), lowerBound(open, span[1]));
                csv = rows.isEmpty() ? null : BinanceFormats.klinesCsv(rows);
            } else if (f.matches()) {
                List<SyntheticMarket.Funding> rows = new ArrayList<>();
                for (SyntheticMarket.Funding x : market.funding(f.group(1))) {
                    if (x.settleTime() >= span[0] && x.settleTime() < span[1]) {
                        rows.add(x);
                    }
                }
                csv = rows.isEmpty() ? null : BinanceFormats.fundingCsv(rows);
            } else {
                List<SyntheticMarket.OpenInterest> rows = new ArrayList<>();
                for (SyntheticMarket.OpenInterest x : market.openInterest(o.group(1))) {
                    if (x.time() >= span[0] && x.time() < span[1]) {
                        rows.add(x);
                    }
                }
                csv = rows.isEmpty() ? null : BinanceFormats.metricsCsv(o.group(1), rows);
            }
            return csv == null ? null : BinanceFormats.zip(entry, csv);
        });
    }

    private void notFound(HttpExchange ex, int slot, String rel) throws IOException {
        send(ex, slot, 404, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><Key>data/" + rel + "</Key></Error>")
                .getBytes(StandardCharsets.UTF_8), null, 0);
    }

    /**
     * Binance's time window over the first {@code n} (those visible now) of ascending {@code times}: from
     * {@code startTime} (else the latest {@code limit}
     * before {@code endTime}), to {@code endTime} inclusive, at most {@code limit}; null for startTime > endTime.
     */
    private int[] window(long[] times, int n, Map<String, String> q, int limit, Fault fault) {
        Long start = q.containsKey("startTime") ? Long.valueOf(q.get("startTime")) : null;
        Long end = q.containsKey("endTime") ? Long.valueOf(q.get("endTime")) : null;
        if (start != null && end != null && start > end) {
            return null;
        }
        int lo = start == null ? 0 : Math.min(n, lowerBound(times, start));
        int hi = end == null ? n : Math.min(n, lowerBound(times, end + 1));
        int cap;
        synchronized (this) {
            cap = Math.min(limit, pageCap);
        }
        if (fault == Fault.SHORT_PAGE) {
            cap = Math.max(1, Math.min(cap, hi - lo) / 2);
        }
        if (hi - lo > cap) {
            if (start == null) {
                lo = hi - cap;
            } else {
                hi = lo + cap;
            }
        }
        return new int[] {lo, Math.max(lo, hi)};
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Integer limit(Map<String, String> q, int dflt, int max) {
        String s = q.get("limit");
        if (s == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(s);
            return v >= 1 && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long periodMs(String p) {
        if (p == null) {
            return -1;
        }
        return switch (p) {
            case "5m" -> 300_000L;
            case "15m" -> 900_000L;
            case "30m" -> 1_800_000L;
            case "1h" -> 3_600_000L;
            case "2h" -> 7_200_000L;
            case "4h" -> 14_400_000L;
            case "6h" -> 21_600_000L;
            case "12h" -> 43_200_000L;
            case "1d" -> DAY_MS;
            default -> -1;
        };
    }

    /** [start, end) epoch ms of {@code yyyy-MM} or {@code yyyy-MM-dd}. */
    private static long[] span(String period) {
        if (period.length() == 7) {
            YearMonth m = YearMonth.parse(period);
            return new long[] {m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                    m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()};
        }
        LocalDate d = LocalDate.parse(period);
        long s = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return new long[] {s, s + DAY_MS};
    }

    /** Archive paths: {@code .../data/...}, but not the futures REST path {@code /futures/data/...}. */
    static boolean isArchive(String path) {
        return path.contains("/data/") && !path.contains("/futures/data/");
    }

    private static String family(String path) {
        if (isArchive(path)) {
            return null;
        }
        if (path.contains("/fapi/") || path.contains("/futures/data/")) {
            return "fapi";
        }
        if (path.contains("/api/")) {
            return "api";
        }
        return null;
    }

    /** Binance's weights: futures kline-type requests by limit, spot klines 2, the rest 1 (open interest 0). */
    private static int weightOf(String path, Map<String, String> q) {
        if (path.endsWith("/api/v3/klines") && !path.contains("/fapi/")) {
            return 2;
        }
        if (path.endsWith("lines") || path.endsWith("Klines")) {
            int limit = 500;
            try {
                limit = Integer.parseInt(q.getOrDefault("limit", "500"));
            } catch (NumberFormatException e) {
                // weight of the default limit
            }
            return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
        }
        if (path.endsWith("openInterestHist") || path.endsWith("fundingInfo")) {
            return 0;
        }
        return 1;
    }

    private void json(HttpExchange ex, int slot, int status, String body, Fault fault, int rows) throws IOException {
        send(ex, slot, status, "application/json", body.getBytes(StandardCharsets.UTF_8), fault, rows);
    }

    private void send(HttpExchange ex, int slot, int status, String type, byte[] body, Fault fault, int rows)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (status == 200 && fault == Fault.TRUNCATED_JSON) {
            byte[] cut = Arrays.copyOf(body, Math.max(1, body.length / 2));
            setStatus(slot, status, rows);
            ex.sendResponseHeaders(200, cut.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(cut);
            }
            return;
        }
        if (status == 200 && fault == Fault.CLOSE_MID_BODY) {
            setStatus(slot, -1, rows);
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            // Closing a fixed-length stream early makes the server drop the connection: the client sees EOF.
            throw new IOException("closed mid-body by fault injection");
        }
        setStatus(slot, status, rows);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized void setStatus(int slot, int status, int rows) {
        Request r = log.get(slot);
        log.set(slot, new Request(r.index(), r.path(), r.query(), r.atMs(), status, r.fault(), rows, r.usedWeight()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }
}
