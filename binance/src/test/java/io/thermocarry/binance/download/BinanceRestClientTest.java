package io.thermocarry.binance.download;

import static io.thermocarry.binance.download.Fixture.BTC;
import static io.thermocarry.binance.download.Fixture.H1;
import static io.thermocarry.binance.download.Fixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.FakeBinance.Fault;
import io.thermocarry.testkit.SyntheticMarket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client against the fake Binance: pagination without gap or duplicate, and every fault the network and
 * Binance produce — each test names the fault, injects it, and checks the one behaviour that proves it is handled.
 */
class BinanceRestClientTest {
    private final Fixture fx = new Fixture();
    private static final long SPOT_FROM = ms("2023-12-01T00:00:00Z");
    private static final long END = ms("2024-03-15T10:00:00Z");

    @AfterEach
    void close() {
        fx.close();
    }

    /** The pages' bars, checked strictly increasing across pages (a duplicate at a boundary fails here). */
    private static BarSeries joined(List<BinanceRestClient.RestPage> pages, Symbol s, Market m) {
        List<Long> t = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        for (BinanceRestClient.RestPage p : pages) {
            BarSeries b = p.parsed().bars().get(0);
            for (int i = 0; i < b.size(); i++) {
                if (!t.isEmpty()) {
                    assertTrue(b.openTimeMs(i) > t.get(t.size() - 1), "bar repeated or out of order at " + p.url());
                }
                t.add(b.openTimeMs(i));
                v.add(new double[] {b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i)});
            }
        }
        int n = t.size();
        double[][] c = new double[5][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                c[k][i] = v.get(i)[k];
            }
        }
        return new BarSeries(s, m, H1, t.stream().mapToLong(Long::longValue).toArray(), c[0], c[1], c[2], c[3], c[4]);
    }

    private static FundingSeries joinedFunding(List<BinanceRestClient.RestPage> pages, Symbol s) {
        List<long[]> tv = new ArrayList<>();
        List<double[]> rv = new ArrayList<>();
        for (BinanceRestClient.RestPage p : pages) {
            FundingSeries f = p.parsed().funding().get(0);
            for (int i = 0; i < f.size(); i++) {
                if (!tv.isEmpty()) {
                    assertTrue(f.timeMs(i) > tv.get(tv.size() - 1)[0], "settlement repeated at " + p.url());
                }
                tv.add(new long[] {f.timeMs(i), f.intervalMs(i)});
                rv.add(new double[] {f.rate(i), f.markPrice(i)});
            }
        }
        int n = tv.size();
        long[] t = new long[n];
        long[] iv = new long[n];
        double[] r = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = tv.get(i)[0];
            iv[i] = tv.get(i)[1];
            r[i] = rv.get(i)[0];
            m[i] = rv.get(i)[1];
        }
        return new FundingSeries(s, t, r, iv, m);
    }

    private List<FakeBinance.Request> requests(String pathEnd) {
        return fx.server.requests().stream().filter(r -> r.path().endsWith(pathEnd)).toList();
    }

    @Test
    void klinePages_joinWithoutGapOrDuplicate_andEachStartsOneIntervalAfterThePreviousLastBar() {
        fx.server.pageCap(200);
        BinanceRestClient rest = fx.rest(fx.http(Fixture.policy()));
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        int n = rest.klines(Market.SPOT, BTC, H1, SPOT_FROM, END, pages::add);

        Fixture.assertSameBars(fx.referenceBars(BTC, Market.SPOT, SPOT_FROM, END), joined(pages, BTC, Market.SPOT));
        assertTrue(n >= 12, "2522 bars at 200 a page: " + n);
        List<FakeBinance.Request> req = requests("/api/v3/klines");
        assertEquals(n, req.size(), "one request per page, the empty-page probe avoided by the end condition");
        for (int i = 1; i < req.size(); i++) {
            assertEquals(pages.get(i - 1).lastMs() + H1.millis(), (long) req.get(i).longParam("startTime"));
        }
        for (FakeBinance.Request r : req) {
            assertEquals(END - 1, (long) r.longParam("endTime"));
            assertEquals("1000", r.query().get("limit"), "spot klines: Binance's maximum page");
        }
    }

    @Test
    void shortPages_inTheMiddleOfTheRange_doNotEndThePagination() {
        fx.server.inject(Fault.SHORT_PAGE, r -> r.path().endsWith("/fapi/v1/klines"), 3);
        BinanceRestClient rest = fx.rest(fx.http(Fixture.policy()));
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        long from = ms("2024-01-10T00:00:00Z");
        rest.klines(Market.PERP, BTC, H1, from, END, pages::add);
        assertEquals(3, fx.server.injectedFaults().get(Fault.SHORT_PAGE));
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.PERP, from, END), joined(pages, BTC, Market.PERP));
    }

    @Test
    void indexKlines_areAskedByPair_andMarkPremiumByTheirOwnPaths() {
        BinanceRestClient rest = fx.rest(fx.http(Fixture.policy()));
        long from = ms("2024-03-01T00:00:00Z");
        for (Market m : List.of(Market.MARK, Market.INDEX, Market.PREMIUM)) {
            List<BinanceRestClient.RestPage> pages = new ArrayList<>();
            rest.klines(m, BTC, H1, from, END, pages::add);
            Fixture.assertSameBars(fx.referenceBars(BTC, m, from, END), joined(pages, BTC, m));
        }
        assertEquals("BTCUSDT", requests("/fapi/v1/indexPriceKlines").get(0).query().get("pair"));
        assertEquals("BTCUSDT", requests("/fapi/v1/markPriceKlines").get(0).query().get("symbol"));
        assertEquals(1, requests("/fapi/v1/premiumIndexKlines").size());
    }

    @Test
    void fundingPages_joinWithoutDuplicate_despiteJitter_andGetTheWholeHistorysIntervals() {
        // Cut the first page right before the 8 h → 4 h switch: the first settlement of page 2 (2024-02-01 00:00) is
        // 8 h after its predecessor but 4 h before its successor; read alone it would get 4 h.
        List<SyntheticMarket.Funding> all = fx.market.funding("BTCUSDT");
        int switchAt = 0;
        while (all.get(switchAt).settleTime() != ms("2024-02-01T00:00:00Z")) {
            switchAt++;
        }
        fx.server.pageCap(switchAt);
        BinanceRestClient rest = fx.rest(fx.http(Fixture.policy()));
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        rest.fundingRate(BTC, 0, Fixture.NOW.toEpochMilli(), Long.MIN_VALUE, 0, pages::add);

        FundingSeries got = joinedFunding(pages, BTC);
        Fixture.assertSameFunding(fx.referenceFunding(BTC, 0, Fixture.NOW.toEpochMilli()), got);
        assertEquals(8 * 3_600_000L, got.intervalMs(switchAt), "first settlement of page 2, anchored on page 1");
        assertTrue(Arrays.stream(got.intervals()).anyMatch(v -> v == 4 * 3_600_000L));
        List<FakeBinance.Request> req = requests("/fapi/v1/fundingRate");
        for (int i = 1; i < req.size(); i++) {
            long prevLast = pages.get(i - 1).lastMs();
            assertEquals(prevLast + 60_000, (long) req.get(i).longParam("startTime"),
                    "next page one minute after the (rounded) last settlement, past its jittered fundingTime");
        }
        assertTrue(all.stream().anyMatch(f -> f.fundingTime() != f.settleTime()), "the data has jitter");
    }

    @Test
    void fundingFromTheMiddle_withTheStoredSettlementAsAnchor_getsTheWholeHistorysInterval() {
        long feb1 = ms("2024-02-01T00:00:00Z");
        BinanceRestClient rest = fx.rest(fx.http(Fixture.policy()));
        List<BinanceRestClient.RestPage> anchored = new ArrayList<>();
        rest.fundingRate(BTC, feb1, ms("2024-02-02T00:00:00Z"), feb1 - 8 * 3_600_000L, 8 * 3_600_000L,
                anchored::add);
        List<BinanceRestClient.RestPage> alone = new ArrayList<>();
        rest.fundingRate(BTC, feb1, ms("2024-02-02T00:00:00Z"), Long.MIN_VALUE, 0, alone::add);

        FundingSeries ref = fx.referenceFunding(BTC, feb1 - 30_000, ms("2024-02-02T00:00:00Z"));
        Fixture.assertSameFunding(ref, joinedFunding(anchored, BTC));
        assertNotEquals(ref.intervalMs(0), joinedFunding(alone, BTC).intervalMs(0),
                "without the anchor the first settlement takes the next spacing: the anchor is what makes it right");
    }

    @Test
    void http429_isRetriedAfterItsRetryAfter_viaTheInjectedSleeper() {
        fx.server.retryAfterSeconds(7).injectAt(2, Fault.RATE_LIMITED_429).pageCap(500);
        BinanceHttp http = fx.http(Fixture.policy());
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        long from = ms("2024-01-10T00:00:00Z");
        fx.rest(http).klines(Market.PERP, BTC, H1, from, END, pages::add);

        assertEquals(List.of(Duration.ofSeconds(7)), fx.clock.sleeps(), "slept exactly Retry-After, nothing else");
        assertEquals(1, http.stats().http429());
        assertEquals(1, http.stats().retries());
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.PERP, from, END), joined(pages, BTC, Market.PERP));
    }

    @Test
    void http418_stopsAtOnce_withTheBanLengthAndItsEnd() {
        fx.server.retryAfterSeconds(300).injectAt(2, Fault.BANNED_418).pageCap(200);
        BinanceRestClient rest = fx.rest(fx.http(Fixture.policy()));
        IpBannedException e = assertThrows(IpBannedException.class,
                () -> rest.klines(Market.PERP, BTC, H1, ms("2024-01-10T00:00:00Z"), END, p -> { }));
        assertEquals(Duration.ofSeconds(300), e.retryAfter());
        assertEquals(Fixture.NOW.plusSeconds(300), e.until());
        assertTrue(e.getMessage().contains("418") && e.getMessage().contains(e.url())
                && e.getMessage().contains(Fixture.NOW.plusSeconds(300).toString()), e.getMessage());
        assertTrue(e.stopsEverything());
        assertEquals(2, fx.server.requests().size(), "nothing sent after the ban");
        assertEquals(List.of(), fx.clock.sleeps(), "no retry of a ban");
    }

    @Test
    void serverErrors_500_502_503_504_areRetriedWithGrowingJitteredBackoff_andCounted() {
        fx.server.injectAt(1, Fault.HTTP_500).injectAt(2, Fault.HTTP_502).injectAt(3, Fault.HTTP_503)
                .injectAt(4, Fault.HTTP_504);
        BinanceHttp http = fx.http(Fixture.policy().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        long from = ms("2024-03-01T00:00:00Z");
        fx.rest(http).klines(Market.PERP, BTC, H1, from, END, pages::add);

        assertEquals(4, http.stats().retries());
        assertEquals(5, http.stats().requests());
        List<Duration> s = fx.clock.sleeps();
        assertEquals(4, s.size());
        for (int k = 0; k < 4; k++) {
            long full = 1000L << k;
            long ms = s.get(k).toMillis();
            assertTrue(ms >= full / 2 && ms <= full, "back-off " + (k + 1) + " = " + ms + " ms, expected in ["
                    + full / 2 + ", " + full + "]");
        }
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.PERP, from, END), joined(pages, BTC, Market.PERP));
    }

    @Test
    void truncatedBodies_andClosedConnections_areRetried() {
        // The JDK client itself resends a GET once when a connection closes before any response byte (it takes it
        // for an expired keep-alive connection): the first close is absorbed there, the second reaches our retry.
        fx.server.injectAt(1, Fault.CLOSE_BEFORE_RESPONSE).injectAt(2, Fault.CLOSE_BEFORE_RESPONSE)
                .injectAt(3, Fault.CLOSE_MID_BODY).injectAt(4, Fault.TRUNCATED_JSON);
        BinanceHttp http = fx.http(Fixture.policy());
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        long from = ms("2024-03-01T00:00:00Z");
        fx.rest(http).klines(Market.PERP, BTC, H1, from, END, pages::add);
        assertEquals(3, http.stats().retries());
        assertEquals(5, fx.server.requests().size());
        assertEquals(200, fx.server.requests().get(3).status(), "the truncated body came as a complete HTTP 200");
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.PERP, from, END), joined(pages, BTC, Market.PERP));
    }

    @Test
    void aResponseSlowerThanTheTimeout_isAbandonedAndRetried() {
        fx.server.injectAt(1, Fault.STALL);
        BinanceHttp http = fx.http(Fixture.policy().withTimeout(Duration.ofMillis(300)));
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        long from = ms("2024-03-14T00:00:00Z");
        fx.rest(http).klines(Market.PERP, BTC, H1, from, END, pages::add);
        assertEquals(1, http.stats().retries());
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.PERP, from, END), joined(pages, BTC, Market.PERP));
    }

    @Test
    void whenEveryAttemptFails_theClientGivesUpAfterMaxAttempts_namingTheUrlAndTheLastFailure() {
        fx.server.failHardAfter(0, Fault.HTTP_503);
        BinanceHttp http = fx.http(Fixture.policy().withMaxAttempts(3));
        NetworkGaveUpException e = assertThrows(NetworkGaveUpException.class, () -> fx.rest(http)
                .klines(Market.PERP, BTC, H1, ms("2024-03-01T00:00:00Z"), END, p -> { }));
        assertEquals(3, e.attempts());
        assertEquals(3, fx.server.requests().size(), "bounded: exactly maxAttempts requests");
        assertEquals(2, http.stats().retries());
        assertTrue(e.getMessage().contains(e.url()) && e.getMessage().contains("HTTP 503")
                && e.getMessage().contains("resume"), e.getMessage());
    }

    @Test
    void aBinanceErrorBody_becomesAClearErrorNamingTheSymbolAndUrl_withoutRetry() {
        BinanceHttp http = fx.http(Fixture.policy());
        BinanceApiException e = assertThrows(BinanceApiException.class, () -> fx.rest(http)
                .klines(Market.PERP, new Symbol("BTCUSDX"), H1, ms("2024-03-01T00:00:00Z"), END, p -> { }));
        assertEquals(-1121, e.code());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("BTCUSDX") && e.getMessage().contains("Invalid symbol.")
                && e.getMessage().contains(e.url()) && e.url().contains("symbol=BTCUSDX"), e.getMessage());
        assertEquals(1, fx.server.requests().size());
        assertEquals(0, http.stats().retries());
    }

    @Test
    void theWeightLimit_isNeverExceeded_theClientWaitsForTheMinuteToRoll() {
        // Client limit 30 per minute, futures klines of limit 1500 weigh 10: three requests a minute.
        fx.server.pageCap(100).weightLimit(30, 30);
        BinanceHttp http = fx.http(Fixture.policy().withMaxWeightPerMinute(30));
        List<BinanceRestClient.RestPage> pages = new ArrayList<>();
        long from = ms("2024-01-10T00:00:00Z");
        int n = fx.rest(http).klines(Market.PERP, BTC, H1, from, END, pages::add);

        assertTrue(n >= 3 * 3, "enough pages to cross several minutes: " + n);
        assertEquals(0, fx.server.weightViolations(), "the server never saw the limit exceeded");
        assertEquals(0, http.stats().http429());
        assertTrue(fx.server.maxUsedWeight("fapi") <= 30);
        assertEquals((n - 1) / 3, http.stats().rateLimitWaits(), "one wait per three requests");
        for (Duration d : fx.clock.sleeps()) {
            assertTrue(d.compareTo(Duration.ofSeconds(61)) <= 0, "waits at most to the next minute + margin: " + d);
        }
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.PERP, from, END), joined(pages, BTC, Market.PERP));
    }

    @Test
    void weightUsedByOtherTraffic_learnedFromTheHeader_makesTheClientWaitForTheNextMinute() {
        // Another process on the same IP uses 1195 of each minute: after one request the header says 1205 > 1200.
        fx.server.pageCap(100).baselineWeight(1195);
        BinanceHttp http = fx.http(Fixture.policy().withMaxWeightPerMinute(1200));
        int n = fx.rest(http).klines(Market.PERP, BTC, H1, ms("2024-03-01T00:00:00Z"), END, p -> { });

        assertTrue(n >= 3);
        assertEquals(n - 1, http.stats().rateLimitWaits(), "every request after the first waited for a new minute");
        Set<Long> minutes = new HashSet<>();
        for (FakeBinance.Request r : fx.server.requests()) {
            assertTrue(minutes.add(r.atMs() / 60_000), "two requests in one minute");
        }
        assertEquals(1205, http.stats().maxUsedWeight());
        assertEquals(0, fx.server.weightViolations());
    }

    @Test
    void exchangeInfoAndFundingInfo_areRead() {
        BinanceRestClient rest = fx.rest(fx.http(Fixture.policy()));
        var contracts = rest.exchangeInfo();
        assertEquals(Set.of(BTC, Fixture.ETH), contracts.keySet());
        assertEquals("PERPETUAL", contracts.get(BTC).contractType());
        assertEquals(ms("2024-01-10T00:00:00Z"), contracts.get(BTC).onboardDate().toEpochMilli());
        assertEquals(Duration.ofHours(8), rest.fundingIntervals().get(BTC));
        assertEquals(ms("2023-12-01T00:00:00Z"), rest.firstKlineTime(Market.SPOT, BTC, H1).getAsLong());
        assertEquals(ms("2024-01-10T00:00:00Z"), rest.firstFundingTime(BTC).getAsLong());
    }
}
