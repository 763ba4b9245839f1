package io.thermocarry.binance.download;

import static io.thermocarry.binance.download.Fixture.BTC;
import static io.thermocarry.binance.download.Fixture.ETH;
import static io.thermocarry.binance.download.Fixture.H1;
import static io.thermocarry.binance.download.Fixture.ms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.FakeBinance.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader end to end against the fake Binance, into a target that counts every row offered twice. The
 * reference is the server's data read whole (a file ingest's route); "now" is 2024-03-15T10:30Z, so the last finished
 * 1 h bar opens at 09:00.
 */
class DownloaderTest {
    private static final List<SeriesKind> ALL = List.of(SeriesKind.values());
    private static final long LAST_BAR_END = ms("2024-03-15T10:00:00Z");
    /** REST keeps 30 days of open interest; the client starts one period inside them. */
    private static final long REST_OI_FROM = ms("2024-02-14T10:35:00Z");
    private final Fixture fx = new Fixture();
    @TempDir
    Path cache;

    @AfterEach
    void close() {
        fx.close();
    }

    private DownloadReport run(SourceMode mode, List<Symbol> symbols, List<SeriesKind> series, Instant from,
            MemoryTarget target, BinanceHttp http, Path dir) {
        Downloader d = new Downloader(http, fx.rest(http), fx.archive(http, dir, true), target, DownloadListener.NONE);
        return d.run(new DownloadRequest(symbols, series, H1, from, null, mode));
    }

    private DownloadReport run(SourceMode mode, Instant from, MemoryTarget target) {
        return run(mode, List.of(BTC, ETH), ALL, from, target, fx.http(Fixture.policy()), cache);
    }

    /**
     * Every series of both symbols equals the server's, from {@code from} (or the listing) to now; open interest from
     * {@code oiFrom}.
     */
    private void assertEverything(MemoryTarget t, long from, long oiFrom, boolean marksFromRest) {
        for (Symbol s : List.of(BTC, ETH)) {
            for (SeriesKind k : ALL) {
                if (k == SeriesKind.OI) {
                    Fixture.assertSameOpenInterest(fx.referenceOpenInterest(s, oiFrom, ms("2024-03-15T10:30:00Z")),
                            t.openInterest(s).slice(oiFrom, Long.MAX_VALUE));
                } else if (k == SeriesKind.FUNDING) {
                    FundingSeries ref = fx.referenceFunding(s, from, Fixture.NOW.toEpochMilli());
                    FundingSeries got = t.funding(s).slice(from, Long.MAX_VALUE);
                    if (marksFromRest) {
                        Fixture.assertSameFunding(ref, got);
                    } else {
                        assertArrayEquals(ref.times(), got.times(), s + " funding times");
                        assertArrayEquals(ref.rates(), got.rates(), s + " funding rates");
                        assertArrayEquals(ref.intervals(), got.intervals(), s + " funding intervals");
                    }
                } else {
                    BarSeries got = t.bars(s, k.market(), H1).slice(from, Long.MAX_VALUE);
                    Fixture.assertSameBars(fx.referenceBars(s, k.market(), from, LAST_BAR_END), got);
                }
            }
        }
    }

    private static List<Gap> gaps(DownloadReport r, Symbol s, SeriesKind k) {
        return r.gaps().stream().filter(g -> g.symbol().equals(s) && g.series() == k).toList();
    }

    private List<FakeBinance.Request> requests(String part) {
        return fx.server.requests().stream().filter(r -> r.path().contains(part)).toList();
    }

    @Test
    void rest_fromScratch_storesExactlyTheServersData_reportsTheRealGaps_andFetchesNoRowTwice() {
        MemoryTarget t = new MemoryTarget();
        DownloadReport r = run(SourceMode.REST, null, t);

        assertEverything(t, 0, REST_OI_FROM, true);
        assertEquals(0, t.rowsOfferedTwice, "no duplicate at any page boundary");
        assertEquals(t.rows(), r.rowsAccepted());
        assertEquals(List.of(), r.problems());
        assertNull(r.aborted());
        assertEquals(ms("2024-03-15T09:00:00Z"), t.bars(BTC, Market.PERP, H1).openTimeMs(
                t.bars(BTC, Market.PERP, H1).size() - 1), "the bar still open at 10:30 is not stored");

        List<Gap> perp = gaps(r, BTC, SeriesKind.PERP);
        assertEquals(1, perp.size(), perp.toString());
        assertEquals(new Gap(BTC, SeriesKind.PERP, Fixture.OUTAGE_FROM, Fixture.OUTAGE_TO, 3, Gap.Kind.HOLE,
                perp.get(0).reason()), perp.get(0));
        List<Gap> ethFunding = gaps(r, ETH, SeriesKind.FUNDING);
        assertEquals(1, ethFunding.size(), ethFunding.toString());
        assertEquals(Fixture.ETH_MISSING_SETTLEMENT, ethFunding.get(0).from());
        assertEquals(1, ethFunding.get(0).missing());
        assertFalse(java.util.Arrays.stream(t.funding(ETH).times())
                .anyMatch(x -> x == Fixture.ETH_MISSING_SETTLEMENT.toEpochMilli()), "never a filled-in rate");
        assertEquals(List.of(), gaps(r, BTC, SeriesKind.FUNDING), "the 8 h → 4 h → 8 h switches are not gaps");
        assertEquals(Duration.ofHours(8), r.currentFundingIntervals().get(BTC));

        int before = fx.server.requests().size();
        DownloadReport again = run(SourceMode.REST, null, t);
        assertEquals(0, again.rowsAccepted());
        assertEquals(0, t.rowsOfferedTwice);
        List<FakeBinance.Request> second = fx.server.requests().subList(before, fx.server.requests().size());
        assertTrue(second.stream().allMatch(q -> q.rows() == 0), "asked again: only ranges with nothing stored (before"
                + " the listings, the outage, the missing settlement, since the last settlement): " + second);
    }

    @Test
    void archive_monthlyForFinishedMonths_dailyForFinishedDays_404BeforeListingAndMissingFileAreGaps() {
        fx.server.removeArchiveFiles("futures/um/daily/klines/ETHUSDT/1h/ETHUSDT-1h-2024-03-05.zip");
        MemoryTarget t = new MemoryTarget();
        DownloadReport r = run(SourceMode.ARCHIVE, List.of(BTC, ETH),
                List.of(SeriesKind.FUNDING, SeriesKind.PERP, SeriesKind.SPOT), Instant.parse("2023-12-01T00:00:00Z"),
                t, fx.http(Fixture.policy()), cache);

        assertTrue(fx.server.requests().stream().allMatch(q -> q.path().startsWith("/data/")), "archive only");
        assertEquals(1, requests("spot/daily/klines/BTCUSDT/1h/BTCUSDT-1h-2024-03-14.zip").stream()
                .filter(q -> !q.path().endsWith("CHECKSUM")).count());
        assertTrue(requests("BTCUSDT-1h-2024-03-15").isEmpty(), "today's file is not asked for");
        long marchDays = ms("2024-03-15T00:00:00Z");
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.SPOT, ms("2023-12-01T00:00:00Z"), marchDays),
                t.bars(BTC, Market.SPOT, H1));

        List<Gap> btcPerp = gaps(r, BTC, SeriesKind.PERP);
        Gap before = btcPerp.get(0);
        assertEquals(Gap.Kind.BEFORE_FIRST, before.kind());
        assertEquals(Instant.parse("2023-12-01T00:00:00Z"), before.from());
        assertEquals(Instant.parse("2024-01-10T00:00:00Z"), before.to());
        assertTrue(before.reason().contains("BTCUSDT-1h-2023-12.zip (404)"), before.reason());
        Gap after = btcPerp.get(btcPerp.size() - 1);
        assertEquals(Gap.Kind.AFTER_LAST, after.kind());
        assertEquals(10, after.missing(), "00:00 to 09:00 of today are not in the archive");

        Gap hole = gaps(r, ETH, SeriesKind.PERP).stream().filter(g -> g.kind() == Gap.Kind.HOLE).findFirst()
                .orElseThrow();
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), hole.from());
        assertEquals(24, hole.missing());
        assertTrue(hole.reason().contains("ETHUSDT-1h-2024-03-05.zip (404)"), hole.reason());
        assertEquals(List.of(), r.problems(), "a 404 is a gap, not a failure");
        assertTrue(r.archiveFilesMissing() >= 2);

        FundingSeries btcFunding = t.funding(BTC);
        assertEquals(ms("2024-02-29T16:00:00Z"), btcFunding.timeMs(btcFunding.size() - 1),
                "funding is published monthly: March is not in the archive yet");
    }

    @Test
    void auto_takesTheArchive_thenRestForTodayAndForWhatTheArchiveLacks() {
        fx.server.removeArchiveFiles("futures/um/monthly/klines/ETHUSDT/1h/ETHUSDT-1h-2024-01.zip");
        MemoryTarget t = new MemoryTarget();
        DownloadReport r = run(SourceMode.AUTO, null, t);

        assertEverything(t, 0, 0, false);
        assertEquals(0, t.rowsOfferedTwice);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(Fixture.OUTAGE_FROM), r.gaps().stream().filter(g -> g.series() != SeriesKind.FUNDING)
                .map(Gap::from).toList(), "only the exchange outage is left");
        assertTrue(r.archiveFiles() > 0 && r.pages() > 0);
        List<FakeBinance.Request> ethJan = requests("/fapi/v1/klines").stream()
                .filter(q -> q.query().get("symbol").equals("ETHUSDT") && !q.query().get("limit").equals("1")).toList();
        assertEquals(ms("2024-01-01T00:00:00Z"), (long) ethJan.get(0).longParam("startTime"),
                "REST asked for the month the archive lacks");
        assertEquals(ms("2024-02-01T00:00:00Z") - 1, (long) ethJan.get(0).longParam("endTime"));

        DownloadReport cached = run(SourceMode.AUTO, null, new MemoryTarget());
        assertEquals(r.archiveFiles(), cached.archiveFilesFromCache(), "a fresh target reuses every cached file");
    }

    @Test
    void archive_theLastFinishedMonthNotYetPublished_fallsBackToItsDailyFiles() {
        // Files appear 15 days after their period: February's monthly file not yet, its days up to the 28th are.
        fx.server.archivePublishDelay(Duration.ofDays(15));
        MemoryTarget t = new MemoryTarget();
        DownloadReport r = run(SourceMode.ARCHIVE, List.of(BTC), List.of(SeriesKind.SPOT),
                Instant.parse("2024-02-01T00:00:00Z"), t, fx.http(Fixture.policy()), cache);
        assertEquals(1, requests("monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-02.zip").size(), "404, no checksum");
        List<FakeBinance.Request> daily = requests("/daily/").stream().filter(q -> !q.path().endsWith("CHECKSUM"))
                .toList();
        assertEquals(29 + 14, daily.size(), "every day of February, then the finished days of March");
        assertEquals(1 + 14, daily.stream().filter(q -> q.status() == 404).count(),
                "February 29 and March are not published yet either");
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.SPOT, ms("2024-02-01T00:00:00Z"),
                ms("2024-02-29T00:00:00Z")), t.bars(BTC, Market.SPOT, H1));
        Gap after = gaps(r, BTC, SeriesKind.SPOT).get(0);
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), after.from());
        assertEquals(Gap.Kind.AFTER_LAST, after.kind());
    }

    @Test
    void aDownloadKilledAtRandomPoints_resumes_andEndsEqualToACleanRun_withNothingFetchedTwice() {
        java.util.Map<SourceMode, MemoryTarget> clean = new java.util.EnumMap<>(SourceMode.class);
        java.util.Map<SourceMode, Integer> total = new java.util.EnumMap<>(SourceMode.class);
        for (SourceMode mode : List.of(SourceMode.AUTO, SourceMode.REST)) {
            int before = fx.server.requests().size();
            MemoryTarget c = new MemoryTarget();
            run(mode, List.of(BTC, ETH), ALL, null, c, fx.http(Fixture.policy()), cache.resolve("clean-" + mode));
            clean.put(mode, c);
            total.put(mode, fx.server.requests().size() - before);
        }
        Random rnd = new Random(2024);
        for (int k = 0; k < 4; k++) {
            SourceMode mode = k % 2 == 0 ? SourceMode.AUTO : SourceMode.REST;
            int cut = 3 + rnd.nextInt(total.get(mode) - 6);
            int start = fx.server.requests().size();
            fx.server.failHardAfter(start + cut, k % 2 == 0 ? Fault.HTTP_503 : Fault.CLOSE_MID_BODY);
            MemoryTarget t = new MemoryTarget();
            Path dir = cache.resolve("run" + k);
            BinanceHttp http = fx.http(Fixture.policy().withMaxAttempts(3));
            DownloadAbortedException e = assertThrows(DownloadAbortedException.class,
                    () -> run(mode, List.of(BTC, ETH), ALL, null, t, http, dir));
            assertInstanceOf(NetworkGaveUpException.class, e.failure());
            assertTrue(e.getMessage().contains("resume"), e.getMessage());
            assertEquals(t.rows(), e.report().rowsAccepted(), "the partial report counts what was stored");
            fx.server.recover();
            run(mode, List.of(BTC, ETH), ALL, null, t, fx.http(Fixture.policy()), dir);
            assertEquals(0, t.rowsOfferedTwice, "cut after request " + cut + ": the rerun fetched only what was missing");
            for (Symbol s : List.of(BTC, ETH)) {
                for (SeriesKind kind : ALL) {
                    if (kind == SeriesKind.OI) {
                        // REST's 30-day open-interest window slides with the clock, which the failed run's back-off
                        // moved on: compare from an hour inside it.
                        long from = mode == SourceMode.REST ? REST_OI_FROM + 3_600_000L : 0;
                        Fixture.assertSameOpenInterest(clean.get(mode).openInterest(s).slice(from, Long.MAX_VALUE),
                                t.openInterest(s).slice(from, Long.MAX_VALUE));
                    } else if (kind == SeriesKind.FUNDING) {
                        FundingSeries a = clean.get(mode).funding(s);
                        FundingSeries b = t.funding(s);
                        assertArrayEquals(a.times(), b.times());
                        assertArrayEquals(a.rates(), b.rates());
                        assertArrayEquals(a.intervals(), b.intervals());
                    } else {
                        Fixture.assertSameBars(clean.get(mode).bars(s, kind.market(), H1),
                                t.bars(s, kind.market(), H1));
                    }
                }
            }
        }
    }

    @Test
    void aSeededStormOfTransientFaults_changesNothingInTheResult_andNeverExceedsTheWeightLimit() {
        fx.server.pageCap(300).injectSeeded(11, 0.35, 2, Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503,
                Fault.HTTP_504, Fault.RATE_LIMITED_429, Fault.CLOSE_MID_BODY, Fault.TRUNCATED_JSON, Fault.SHORT_PAGE,
                Fault.WRONG_CHECKSUM).weightLimit(60, 60);
        MemoryTarget t = new MemoryTarget();
        BinanceHttp http = fx.http(Fixture.policy().withMaxWeightPerMinute(60));
        DownloadReport r = run(SourceMode.AUTO, List.of(BTC, ETH), ALL, null, t, http, cache);

        assertEverything(t, 0, 0, false);
        assertEquals(0, t.rowsOfferedTwice);
        assertEquals(List.of(), r.problems());
        int injected = fx.server.injectedFaults().values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(injected > 20, "the storm happened: " + fx.server.injectedFaults());
        assertTrue(r.net().retries() > 10, "retries counted: " + r.net());
        assertEquals(0, fx.server.weightViolations(), "request weight never over the limit");
        assertEquals((long) r.net().http429(), (long) fx.server.injectedFaults().getOrDefault(Fault.RATE_LIMITED_429, 0),
                "every 429 was an injected one, none earned");
    }

    @Test
    void anInvalidSymbol_isAProblemForItsSeries_andTheOtherSymbolsAreDownloaded() {
        MemoryTarget t = new MemoryTarget();
        Symbol bad = new Symbol("BTCUSDX");
        DownloadReport r = run(SourceMode.REST, List.of(bad, BTC), List.of(SeriesKind.PERP, SeriesKind.SPOT),
                Instant.parse("2024-03-01T00:00:00Z"), t, fx.http(Fixture.policy()), cache);
        assertEquals(2, r.problems().size(), r.problems().toString());
        Problem perp = r.problems().get(0);
        assertEquals(SeriesKind.PERP, perp.series());
        assertTrue(perp.message().contains("BTCUSDX is not a USDⓈ-M futures contract"), perp.message());
        Problem spot = r.problems().get(1);
        assertTrue(spot.message().contains("BTCUSDX") && spot.message().contains("-1121")
                && spot.message().contains(spot.url()), spot.message());
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.SPOT, ms("2024-03-01T00:00:00Z"), LAST_BAR_END),
                t.bars(BTC, Market.SPOT, H1));
        assertTrue(r.gaps().stream().noneMatch(g -> g.symbol().equals(bad)));
    }

    @Test
    void aFilePersistentlyFailingItsChecksum_isRefusedAndReported_theRestIsStored() {
        fx.server.inject(Fault.WRONG_CHECKSUM, q -> q.path().endsWith("spot/monthly/klines/ETHUSDT/1h/"
                + "ETHUSDT-1h-2024-01.zip.CHECKSUM"), 100);
        MemoryTarget t = new MemoryTarget();
        DownloadReport r = run(SourceMode.ARCHIVE, List.of(ETH), List.of(SeriesKind.SPOT),
                Instant.parse("2024-01-01T00:00:00Z"), t, fx.http(Fixture.policy().withMaxAttempts(2)), cache);
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().contains("checksum mismatch"), r.problems().get(0).message());
        Gap g = gaps(r, ETH, SeriesKind.SPOT).get(0);
        assertEquals(Gap.Kind.BEFORE_FIRST, g.kind());
        assertTrue(g.reason().contains("refused: checksum mismatch"), g.reason());
        assertEquals(ms("2024-02-01T00:00:00Z"), t.bars(ETH, Market.SPOT, H1).openTimeMs(0));
    }

    @Test
    void openInterest_olderThanRestsThirtyDays_isAGapSayingSo_inRestMode_andComesFromTheArchiveInAuto() {
        MemoryTarget rest = new MemoryTarget();
        DownloadReport r = run(SourceMode.REST, List.of(ETH), List.of(SeriesKind.OI),
                Instant.parse("2024-02-01T00:00:00Z"), rest, fx.http(Fixture.policy()), cache);
        Gap g = gaps(r, ETH, SeriesKind.OI).get(0);
        assertEquals(Gap.Kind.BEFORE_FIRST, g.kind());
        assertEquals(Instant.parse("2024-02-01T00:00:00Z"), g.from());
        assertEquals(Instant.ofEpochMilli(REST_OI_FROM), g.to());
        assertTrue(g.reason().contains("last 30 days"), g.reason());
        assertTrue(requests("openInterestHist").stream().allMatch(q -> q.longParam("startTime") >= REST_OI_FROM));

        MemoryTarget auto = new MemoryTarget();
        DownloadReport a = run(SourceMode.AUTO, List.of(ETH), List.of(SeriesKind.OI),
                Instant.parse("2024-02-01T00:00:00Z"), auto, fx.http(Fixture.policy()), cache);
        assertEquals(List.of(), gaps(a, ETH, SeriesKind.OI));
        Fixture.assertSameOpenInterest(fx.referenceOpenInterest(ETH, ms("2024-02-01T00:00:00Z"),
                ms("2024-03-15T10:30:00Z")), auto.openInterest(ETH));
        assertEquals(1, requests("/daily/metrics/ETHUSDT/ETHUSDT-metrics-2024-03-14.zip").stream()
                .filter(q -> !q.path().endsWith("CHECKSUM")).count(), "one metrics file per finished day");
        assertEquals(0, auto.rowsOfferedTwice);
    }

    @Test
    void anInterruptWhileWaiting_stopsTheDownload_andARerunCompletesIt() {
        fx.server.injectAt(3, Fault.HTTP_503);
        MemoryTarget t = new MemoryTarget();
        BinanceHttp interrupting = new BinanceHttp(Fixture.policy(), fx.clock, d -> {
            throw new InterruptedException("stop");
        }, 1);
        DownloadAbortedException e = assertThrows(DownloadAbortedException.class,
                () -> run(SourceMode.REST, List.of(BTC), List.of(SeriesKind.PERP), null, t, interrupting, cache));
        assertInstanceOf(NetInterruptedException.class, e.failure());
        assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller");
        run(SourceMode.REST, List.of(BTC), List.of(SeriesKind.PERP), null, t, fx.http(Fixture.policy()), cache);
        Fixture.assertSameBars(fx.referenceBars(BTC, Market.PERP, 0, LAST_BAR_END), t.bars(BTC, Market.PERP, H1));
        assertEquals(0, t.rowsOfferedTwice);
    }
}
