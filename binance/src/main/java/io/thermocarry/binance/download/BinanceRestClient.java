package io.thermocarry.binance.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.binance.BinanceReader;
import io.thermocarry.binance.FundingIntervals;
import io.thermocarry.binance.ReadOptions;
import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Binance's public REST market data, paginated by time, every page read by {@link BinanceReader} (the same reader as
 * files) and handed to a {@link PageSink} as it arrives, so a caller can store each page in its own transaction.
 *
 * <p>Endpoints: {@code /fapi/v1/klines} (perp, limit 1500), {@code /api/v3/klines} (spot host, limit 1000),
 * {@code /fapi/v1/markPriceKlines}, {@code /fapi/v1/indexPriceKlines} (parameter {@code pair}),
 * {@code /fapi/v1/premiumIndexKlines}, {@code /fapi/v1/fundingRate} (limit 1000),
 * {@code /futures/data/openInterestHist} (5-minute period, limit 500, last 30 days), {@code /fapi/v1/fundingInfo},
 * {@code /fapi/v1/exchangeInfo}.
 *
 * <p>Pagination leaves no gap and repeats nothing at page boundaries. Klines: the next page starts at the last open
 * time + one interval, and {@code endTime} is the range's exclusive end − 1 ms, so a bar still open is never asked for
 * when the range ends at the current bar. Funding: the next page starts one minute after the last settlement — the
 * reader rounds Binance's jittered {@code fundingTime} ({@code 08:00:00.006}) to the minute, and the raw time of
 * a settlement is within 30 s of its rounded one, so "+1 minute" is past the raw time of the last row and before the
 * next settlement (at least an hour later), where "+1 ms" on the rounded time would ask for the last row again.
 * Short pages do not end the loop (Binance may return fewer rows than asked); an empty page does. Every page must
 * move forward, so the loop is bounded by the number of bars (settlements) the range can hold.
 *
 * <p>REST {@code fundingRate} carries no interval; each page's intervals are resolved from the spacing
 * ({@link FundingIntervals}) after the settlement before it — the previous page's last, or the caller's anchor —
 * so paged funding gets exactly the intervals of the whole history read at once.
 */
public final class BinanceRestClient {
    /** Binance's USDⓈ-M futures REST host. */
    public static final URI DEFAULT_FUTURES_URL = URI.create("https://fapi.binance.com");
    /** Binance's spot REST host. */
    public static final URI DEFAULT_SPOT_URL = URI.create("https://api.binance.com");
    /** Rows per futures kline-type page (Binance's maximum). */
    public static final int FUTURES_KLINE_LIMIT = 1500;
    /** Rows per spot kline page (Binance's maximum). */
    public static final int SPOT_KLINE_LIMIT = 1000;
    /** Rows per {@code fundingRate} page (Binance's maximum). */
    public static final int FUNDING_LIMIT = 1000;
    /** Rows per {@code openInterestHist} page (Binance's maximum). */
    public static final int OPEN_INTEREST_LIMIT = 500;
    /** The open-interest period asked for: Binance's finest, the metrics archive's step. */
    public static final Duration OPEN_INTEREST_PERIOD = Duration.ofMinutes(5);
    /** How far back {@code openInterestHist} answers: Binance keeps the last 30 days. */
    public static final Duration OPEN_INTEREST_HISTORY = Duration.ofDays(30);
    private static final long MINUTE_MS = 60_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Receives each page as it arrives. */
    @FunctionalInterface
    public interface PageSink {
        /** Takes one page; an exception thrown here stops the pagination and propagates. */
        void accept(RestPage page);
    }

    /**
     * One page.
     *
     * @param url the request
     * @param parsed what the reader made of the body: one series (or none) and the rejected rows
     * @param firstMs first open time (settlement time) in the page
     * @param lastMs last open time (settlement time) in the page
     */
    public record RestPage(String url, ParsedSource parsed, long firstMs, long lastMs) {
    }

    /**
     * A USDⓈ-M contract as {@code exchangeInfo} lists it.
     *
     * @param symbol the symbol
     * @param status {@code TRADING}, {@code SETTLING}, {@code PENDING_TRADING}, ...
     * @param contractType {@code PERPETUAL}, {@code CURRENT_QUARTER}, ...
     * @param onboardDate when Binance listed it (its klines may start earlier)
     * @param deliveryDate delivery (far future for perpetuals)
     */
    public record Contract(Symbol symbol, String status, String contractType, Instant onboardDate,
            Instant deliveryDate) {
    }

    private final BinanceHttp http;
    private final String futures;
    private final String spot;
    private final RequestBudget fundingBudget = RequestBudget.funding();
    private final RequestBudget openInterestBudget = RequestBudget.openInterest();

    /**
     * @param http the shared GET (limits, retries, statistics)
     * @param futuresBase base URL of the futures REST API (a mirror's, in tests {@code http://127.0.0.1:port})
     * @param spotBase base URL of the spot REST API
     */
    public BinanceRestClient(BinanceHttp http, URI futuresBase, URI spotBase) {
        this.http = Checks.notNull(http, "http");
        this.futures = strip(Checks.notNull(futuresBase, "futuresBase"));
        this.spot = strip(Checks.notNull(spotBase, "spotBase"));
    }

    /**
     * Fetches the klines of one series with open time in {@code [startMs, endMs)}, page by page.
     *
     * @return the number of pages handed to {@code sink}
     * @throws BinanceNetException when a request fails for good ({@link BinanceNetException#stopsEverything()} tells
     *         whether other series may still be tried)
     */
    public int klines(Market market, Symbol symbol, BarInterval interval, long startMs, long endMs, PageSink sink) {
        Checks.notNull(market, "market");
        Checks.notNull(symbol, "symbol");
        Checks.notNull(interval, "interval");
        Checks.notNull(sink, "sink");
        long iv = interval.millis();
        long start = Math.floorDiv(startMs + iv - 1, iv) * iv;
        long maxPages = start >= endMs ? 0 : (endMs - start) / iv + 2;
        int limit = market == Market.SPOT ? SPOT_KLINE_LIMIT : FUTURES_KLINE_LIMIT;
        ReadOptions options = new ReadOptions(symbol, market, interval);
        String subject = symbol + " " + market.code() + " " + interval.code() + " klines";
        int pages = 0;
        while (start < endMs) {
            if (pages >= maxPages) {
                throw noProgress(klinesUrl(market, symbol, interval, start, endMs, limit), subject);
            }
            String url = klinesUrl(market, symbol, interval, start, endMs, limit);
            BinanceHttp.Response r = http.get(URI.create(url), hostOf(market), klineWeight(market, limit), null,
                    BinanceHttp.Expect.JSON, subject);
            ParsedSource p = BinanceReader.read(url, r.body(), options);
            unreadable(p, url, subject);
            if (p.rowsRead() == 0) {
                break;
            }
            if (p.bars().isEmpty()) {
                throw everyRowRejected(p, url, subject);
            }
            BarSeries s = p.bars().get(0);
            long first = s.openTimeMs(0);
            long last = s.openTimeMs(s.size() - 1);
            if (last < start) {
                throw noProgress(url, subject);
            }
            if (first < start || last >= endMs) {
                // A server that ignores startTime/endTime: keep the asked window only (never a bar still open).
                BarSeries in = s.slice(start, endMs);
                p = new ParsedSource(url, windowedSha(p.sha256(), start, endMs), p.rowsRead(),
                        in.isEmpty() ? List.of() : List.of(in), List.of(), p.rejected(), p.warnings());
                if (in.isEmpty()) {
                    break;
                }
                first = in.openTimeMs(0);
                last = in.openTimeMs(in.size() - 1);
            }
            sink.accept(new RestPage(url, p, first, last));
            pages++;
            start = last + iv;
        }
        return pages;
    }

    /**
     * Fetches the funding settlements of {@code symbol} with {@code fundingTime} in {@code [startMs, endMs)}, page by
     * page, intervals resolved as in the whole history (see the class comment).
     *
     * @param prevTimeMs the settlement just before {@code startMs} (from the store), or {@code Long.MIN_VALUE}
     * @param prevIntervalMs its interval (ignored without one)
     * @return the number of pages handed to {@code sink}
     */
    public int fundingRate(Symbol symbol, long startMs, long endMs, long prevTimeMs, long prevIntervalMs,
            PageSink sink) {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(sink, "sink");
        long start = startMs;
        long maxPages = start >= endMs ? 0 : (endMs - start) / MINUTE_MS + 2;
        ReadOptions options = ReadOptions.none().withSymbol(symbol);
        String subject = symbol + " funding rates";
        long anchorT = prevTimeMs;
        long anchorIv = prevIntervalMs;
        int pages = 0;
        while (start < endMs) {
            String url = futures + "/fapi/v1/fundingRate?symbol=" + symbol + "&startTime=" + start + "&endTime="
                    + (endMs - 1) + "&limit=" + FUNDING_LIMIT;
            if (pages >= maxPages) {
                throw noProgress(url, subject);
            }
            BinanceHttp.Response r = http.get(URI.create(url), BinanceHttp.Host.FUTURES, 1, fundingBudget,
                    BinanceHttp.Expect.JSON, subject);
            ParsedSource p = BinanceReader.read(url, r.body(), options);
            unreadable(p, url, subject);
            if (p.rowsRead() == 0) {
                break;
            }
            if (p.funding().isEmpty()) {
                throw everyRowRejected(p, url, subject);
            }
            FundingSeries f = FundingIntervals.resolveAfter(p.funding().get(0), anchorT, anchorIv);
            p = new ParsedSource(p.source(), p.sha256(), p.rowsRead(), List.of(), List.of(f), p.rejected(),
                    p.warnings());
            long last = f.timeMs(f.size() - 1);
            if (last + MINUTE_MS <= start) {
                throw noProgress(url, subject);
            }
            sink.accept(new RestPage(url, p, f.timeMs(0), last));
            pages++;
            anchorT = last;
            anchorIv = f.intervalMs(f.size() - 1);
            start = last + MINUTE_MS;
        }
        return pages;
    }

    /**
     * Fetches the 5-minute open interest of {@code symbol} with time in {@code [startMs, endMs)}, page by page (next
     * page one period after the last snapshot). Binance answers for the last 30 days only: the caller clips.
     *
     * @return the number of pages handed to {@code sink}
     */
    public int openInterest(Symbol symbol, long startMs, long endMs, PageSink sink) {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(sink, "sink");
        long period = OPEN_INTEREST_PERIOD.toMillis();
        long start = Math.floorDiv(startMs + period - 1, period) * period;
        long maxPages = start >= endMs ? 0 : (endMs - start) / period + 2;
        ReadOptions options = ReadOptions.none().withSymbol(symbol);
        String subject = symbol + " open interest";
        int pages = 0;
        while (start < endMs) {
            String url = futures + "/futures/data/openInterestHist?symbol=" + symbol + "&period=5m&startTime=" + start
                    + "&endTime=" + (endMs - 1) + "&limit=" + OPEN_INTEREST_LIMIT;
            if (pages >= maxPages) {
                throw noProgress(url, subject);
            }
            BinanceHttp.Response r = http.get(URI.create(url), BinanceHttp.Host.FUTURES, 0, openInterestBudget,
                    BinanceHttp.Expect.JSON, subject);
            ParsedSource p = BinanceReader.read(url, r.body(), options);
            unreadable(p, url, subject);
            if (p.rowsRead() == 0) {
                break;
            }
            if (p.openInterest().isEmpty()) {
                throw everyRowRejected(p, url, subject);
            }
            var oi = p.openInterest().get(0);
            long first = oi.timeMs(0);
            long last = oi.timeMs(oi.size() - 1);
            if (last < start) {
                throw noProgress(url, subject);
            }
            sink.accept(new RestPage(url, p, first, last));
            pages++;
            start = last + period;
        }
        return pages;
    }

    /** Open time of the first kline Binance has for the series (one request, limit 1), or empty when none. */
    public OptionalLong firstKlineTime(Market market, Symbol symbol, BarInterval interval) {
        String url = klinesUrl(market, symbol, interval, 0, Long.MIN_VALUE, 1);
        String subject = symbol + " " + market.code() + " " + interval.code() + " klines";
        BinanceHttp.Response r = http.get(URI.create(url), hostOf(market), klineWeight(market, 1), null,
                BinanceHttp.Expect.JSON, subject);
        ParsedSource p = BinanceReader.read(url, r.body(), new ReadOptions(symbol, market, interval));
        unreadable(p, url, subject);
        return p.bars().isEmpty() ? OptionalLong.empty() : OptionalLong.of(p.bars().get(0).openTimeMs(0));
    }

    /** Time of the first funding settlement Binance has for {@code symbol} (one request), or empty when none. */
    public OptionalLong firstFundingTime(Symbol symbol) {
        String url = futures + "/fapi/v1/fundingRate?symbol=" + symbol + "&startTime=0&limit=1";
        String subject = symbol + " funding rates";
        BinanceHttp.Response r = http.get(URI.create(url), BinanceHttp.Host.FUTURES, 1, fundingBudget,
                BinanceHttp.Expect.JSON, subject);
        ParsedSource p = BinanceReader.read(url, r.body(), ReadOptions.none().withSymbol(symbol));
        unreadable(p, url, subject);
        return p.funding().isEmpty() ? OptionalLong.empty() : OptionalLong.of(p.funding().get(0).timeMs(0));
    }

    /** The USDⓈ-M contracts {@code /fapi/v1/exchangeInfo} lists, by symbol (names Binance spells otherwise skipped). */
    public Map<Symbol, Contract> exchangeInfo() {
        String url = futures + "/fapi/v1/exchangeInfo";
        BinanceHttp.Response r = http.get(URI.create(url), BinanceHttp.Host.FUTURES, 1, null, BinanceHttp.Expect.JSON,
                "exchange info");
        JsonNode root = tree(r, "exchange info");
        JsonNode symbols = root.get("symbols");
        if (symbols == null || !symbols.isArray()) {
            throw new BinanceApiException(url, 200, null, null,
                    "exchange info from " + url + " has no 'symbols' array: is this Binance's /fapi/v1/exchangeInfo?");
        }
        Map<Symbol, Contract> out = new LinkedHashMap<>();
        for (JsonNode s : symbols) {
            String name = s.path("symbol").asText("");
            if (!name.matches("[A-Z0-9]{2,30}")) {
                continue;
            }
            Symbol sym = new Symbol(name);
            out.put(sym, new Contract(sym, s.path("status").asText(""), s.path("contractType").asText(""),
                    Instant.ofEpochMilli(s.path("onboardDate").asLong(0)),
                    Instant.ofEpochMilli(s.path("deliveryDate").asLong(0))));
        }
        return out;
    }

    /**
     * The current funding interval of the symbols {@code /fapi/v1/fundingInfo} lists (those whose interval or caps
     * were adjusted; the others settle every 8 h).
     */
    public Map<Symbol, Duration> fundingIntervals() {
        String url = futures + "/fapi/v1/fundingInfo";
        BinanceHttp.Response r = http.get(URI.create(url), BinanceHttp.Host.FUTURES, 0, fundingBudget,
                BinanceHttp.Expect.JSON, "funding info");
        JsonNode root = tree(r, "funding info");
        if (!root.isArray()) {
            throw new BinanceApiException(url, 200, null, null,
                    "funding info from " + url + " is not an array: is this Binance's /fapi/v1/fundingInfo?");
        }
        Map<Symbol, Duration> out = new LinkedHashMap<>();
        for (JsonNode s : root) {
            String name = s.path("symbol").asText("");
            int hours = s.path("fundingIntervalHours").asInt(0);
            if (name.matches("[A-Z0-9]{2,30}") && hours > 0) {
                out.put(new Symbol(name), Duration.ofHours(hours));
            }
        }
        return out;
    }

    private static JsonNode tree(BinanceHttp.Response r, String what) {
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new BinanceApiException(r.url(), 200, null, null, what + " from " + r.url() + " is not JSON: "
                    + e.getMessage());
        }
    }

    /** {@code endMs == Long.MIN_VALUE}: no endTime (a probe). */
    private String klinesUrl(Market market, Symbol symbol, BarInterval interval, long start, long endMs, int limit) {
        String base = market == Market.SPOT ? spot : futures;
        String path = switch (market) {
            case SPOT -> "/api/v3/klines";
            case PERP -> "/fapi/v1/klines";
            case MARK -> "/fapi/v1/markPriceKlines";
            case INDEX -> "/fapi/v1/indexPriceKlines";
            case PREMIUM -> "/fapi/v1/premiumIndexKlines";
        };
        String param = market == Market.INDEX ? "pair" : "symbol";
        return base + path + "?" + param + "=" + symbol + "&interval=" + interval.code() + "&startTime=" + start
                + (endMs == Long.MIN_VALUE ? "" : "&endTime=" + (endMs - 1)) + "&limit=" + limit;
    }

    private static BinanceHttp.Host hostOf(Market m) {
        return m == Market.SPOT ? BinanceHttp.Host.SPOT : BinanceHttp.Host.FUTURES;
    }

    /** Binance's weights: spot klines 2; futures kline-type by limit: [1,100) 1, [100,500) 2, [500,1000] 5, more 10. */
    static int klineWeight(Market m, int limit) {
        if (m == Market.SPOT) {
            return 2;
        }
        return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
    }

    /** A whole-payload fault (not a JSON document Binance sends for this request): nothing to retry. */
    private static void unreadable(ParsedSource p, String url, String subject) {
        if (p.rowsRead() == 0 && p.hasRejections()) {
            Rejection first = p.rejected().get(0);
            throw new BinanceApiException(url, 200, null, null, subject + ": unreadable response from " + url + ": "
                    + first.reason());
        }
    }

    private static BinanceApiException everyRowRejected(ParsedSource p, String url, String subject) {
        Rejection first = p.rejected().isEmpty() ? null : p.rejected().get(0);
        return new BinanceApiException(url, 200, null, null, subject + ": every row of " + url + " was rejected"
                + (first == null ? "" : " (first: " + first + ")") + "; the page cannot be stored or paged past");
    }

    private static BinanceApiException noProgress(String url, String subject) {
        return new BinanceApiException(url, 200, null, null, subject + ": the server's pages do not move forward at "
                + url + " (rows before startTime?); stopped rather than loop");
    }

    /** A page cut to the asked window is other data than the raw bytes: its identity includes the window. */
    private static String windowedSha(String sha, long start, long end) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((sha + "|" + start + "|" + end).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(URI base) {
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
