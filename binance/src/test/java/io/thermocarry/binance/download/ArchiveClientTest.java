package io.thermocarry.binance.download;

import static io.thermocarry.binance.download.Fixture.BTC;
import static io.thermocarry.binance.download.Fixture.H1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.binance.BinanceReader;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.testkit.FakeBinance.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive client against the fake archive: checksums, 404s and the cache. */
class ArchiveClientTest {
    private final Fixture fx = new Fixture();
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        fx.close();
    }

    private static final ArchiveFile FEB_PERP = ArchiveFile.monthlyKlines(Market.PERP, BTC, H1, YearMonth.of(2024, 2));

    @Test
    void aMonthlyFile_landsWithItsChecksumInTheArchiveLayout_andTheReaderVerifiesIt() {
        BinanceHttp http = fx.http(Fixture.policy());
        ArchiveClient.Result r = fx.archive(http, dir, true).fetch(FEB_PERP);
        ArchiveClient.Fetched f = assertInstanceOf(ArchiveClient.Fetched.class, r);
        assertTrue(f.verified());
        assertEquals(dir.resolve("data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-02.zip"), f.zip());
        assertTrue(Files.isRegularFile(dir.resolve(
                "data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-02.zip.CHECKSUM")));
        ParsedSource p = BinanceReader.read(f.zip());
        assertTrue(p.rejected().isEmpty(), p.rejected().toString());
        assertEquals(29 * 24 - 3, p.rowsAccepted(), "February 2024 minus the 3-hour outage");
        assertEquals(Market.PERP, p.bars().get(0).market(), "market inferred from the archive path");
    }

    @Test
    void theCache_servesAVerifiedFileWithoutAnyRequest_andRefetchesACorruptOne() throws Exception {
        BinanceHttp http = fx.http(Fixture.policy());
        ArchiveClient client = fx.archive(http, dir, true);
        ArchiveClient.Fetched first = (ArchiveClient.Fetched) client.fetch(FEB_PERP);
        int requests = fx.server.requests().size();
        ArchiveClient.Fetched again = (ArchiveClient.Fetched) client.fetch(FEB_PERP);
        assertTrue(again.fromCache());
        assertEquals(requests, fx.server.requests().size(), "no request for a cached, verified file");

        byte[] good = Files.readAllBytes(first.zip());
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x5a;
        Files.write(first.zip(), bad);
        ArchiveClient.Fetched repaired = (ArchiveClient.Fetched) client.fetch(FEB_PERP);
        assertFalse(repaired.fromCache());
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(repaired.zip())));
    }

    @Test
    void aMonthBeforeTheListing_is404_Missing_notAFailure() {
        ArchiveClient.Result r = fx.archive(fx.http(Fixture.policy()), dir, true)
                .fetch(ArchiveFile.monthlyKlines(Market.PERP, BTC, H1, YearMonth.of(2023, 12)));
        assertInstanceOf(ArchiveClient.Missing.class, r);
        assertEquals(1, fx.server.requests().size(), "no .CHECKSUM asked for a missing zip");
        assertFalse(Files.exists(dir.resolve("data")));
    }

    @Test
    void aChecksumMismatchOnce_isDownloadedAgain_andCounted() {
        fx.server.inject(Fault.WRONG_CHECKSUM, q -> q.path().endsWith(".CHECKSUM"), 1);
        BinanceHttp http = fx.http(Fixture.policy());
        ArchiveClient.Result r = fx.archive(http, dir, true).fetch(FEB_PERP);
        assertTrue(((ArchiveClient.Fetched) r).verified());
        assertEquals(1, http.stats().retries());
        assertEquals(4, fx.server.requests().size(), "zip, bad checksum, zip, checksum");
        assertEquals(1, fx.clock.sleeps().size(), "one back-off before the second download");
    }

    @Test
    void aPersistentChecksumMismatch_isRefused_andNothingIsWritten() {
        fx.server.inject(Fault.WRONG_CHECKSUM, q -> q.path().endsWith(".CHECKSUM"), 100);
        BinanceHttp http = fx.http(Fixture.policy().withMaxAttempts(3));
        ArchiveClient.Result r = fx.archive(http, dir, true).fetch(FEB_PERP);
        ArchiveClient.Refused refused = assertInstanceOf(ArchiveClient.Refused.class, r);
        assertTrue(refused.reason().contains("checksum mismatch") && refused.reason().contains("3 downloads"),
                refused.reason());
        assertEquals(6, fx.server.requests().size());
        assertFalse(Files.exists(fx.archive(http, dir, true).localPath(FEB_PERP)));
    }

    @Test
    void dailyFundingAndMetricsFiles_haveTheArchivePaths_andReleaseDeletesThemWhenNotCaching() {
        ArchiveClient client = fx.archive(fx.http(Fixture.policy()), dir, false);
        ArchiveFile day = ArchiveFile.dailyKlines(Market.SPOT, BTC, H1, LocalDate.of(2024, 3, 14));
        assertEquals("data/spot/daily/klines/BTCUSDT/1h/BTCUSDT-1h-2024-03-14.zip", day.path());
        ArchiveClient.Fetched d = (ArchiveClient.Fetched) client.fetch(day);
        assertEquals(24, BinanceReader.read(d.zip()).rowsAccepted());
        client.release(d);
        assertFalse(Files.exists(d.zip()));

        ArchiveFile funding = ArchiveFile.monthlyFunding(BTC, YearMonth.of(2024, 2));
        assertEquals("data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-02.zip", funding.path());
        ArchiveClient.Fetched f = (ArchiveClient.Fetched) client.fetch(funding);
        ParsedSource p = BinanceReader.read(f.zip());
        assertTrue(p.rejected().isEmpty(), p.rejected().toString());
        // 4 h settlements from 2024-02-01 04:00 through 2024-02-15 00:00 (14 days × 6), 8 h on the other days.
        assertEquals(14 * 6 + 1 + 14 * 3 + 2, p.rowsAccepted());
        assertEquals(14 * 6, java.util.Arrays.stream(p.funding().get(0).intervals())
                .filter(v -> v == 4 * 3_600_000L).count(), "intervals as the archive's funding_interval_hours says");

        ArchiveFile metrics = ArchiveFile.dailyMetrics(BTC, LocalDate.of(2024, 3, 14));
        assertEquals("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-03-14.zip", metrics.path());
        ParsedSource oi = BinanceReader.read(((ArchiveClient.Fetched) client.fetch(metrics)).zip());
        assertTrue(oi.rejected().isEmpty(), oi.rejected().toString());
        assertEquals(288, oi.openInterest().get(0).size(), "a day of 5-minute open interest");

        assertInstanceOf(ArchiveClient.Missing.class,
                client.fetch(ArchiveFile.dailyKlines(Market.SPOT, BTC, H1, LocalDate.of(2024, 3, 15))),
                "today's daily file is not published yet");
    }
}
