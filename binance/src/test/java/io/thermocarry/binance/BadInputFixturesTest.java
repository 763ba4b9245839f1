package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad-input fixture (named for its fault) is read without an exception; the fault is reported at
 * its exact file:line with a reason naming column and value, and the good rows are still returned.
 * The eight-row fixtures hold BTCUSDT perp 1 h bars from 2024-01-01T00:00Z.
 */
class BadInputFixturesTest {
    static final ReadOptions BTC_PERP_1H = new ReadOptions(Symbol.of("BTCUSDT"), Market.PERP, BarInterval.H1);
    static final long JAN1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    static ParsedSource read(String fixture) {
        return BinanceReader.read(ArchiveFixtures.text(fixture), BTC_PERP_1H);
    }

    /** Asserts exactly the given rejections, each as file:line plus a reason substring. */
    static void assertRejections(ParsedSource ps, Path file, Object... lineAndReason) {
        List<Rejection> r = ps.rejected();
        assertEquals(lineAndReason.length / 2, r.size(), () -> "rejections: " + r);
        for (int i = 0; i < lineAndReason.length; i += 2) {
            Rejection x = r.get(i / 2);
            assertEquals(file.toString(), x.file(), x::toString);
            assertEquals(((Number) lineAndReason[i]).longValue(), x.line(), x::toString);
            String part = (String) lineAndReason[i + 1];
            assertTrue(x.reason().contains(part), () -> "'" + x.reason() + "' should contain '" + part + "'");
        }
    }

    static BarSeries onlyBars(ParsedSource ps) {
        assertEquals(1, ps.bars().size(), () -> "bar series: " + ps.bars() + ", rejected " + ps.rejected());
        assertTrue(ps.funding().isEmpty());
        return ps.bars().get(0);
    }

    /** Asserts the file was refused as a whole: one line-0 rejection, no series, no rows. */
    static Rejection assertFileFault(ParsedSource ps, Path file, String reasonPart) {
        assertTrue(ps.bars().isEmpty() && ps.funding().isEmpty(), "a faulted file yields no series");
        assertEquals(0, ps.rowsRead());
        assertEquals(1, ps.rejected().size(), () -> "rejections: " + ps.rejected());
        Rejection r = ps.rejected().get(0);
        assertEquals(file.toString(), r.file());
        assertEquals(0, r.line());
        assertTrue(r.reason().contains(reasonPart), () -> "'" + r.reason() + "' should contain '" + reasonPart + "'");
        return r;
    }

    @Test
    void headerAndHeaderlessArchiveKlines_readToEqualSeries() {
        ParsedSource withHeader = read("klines-header.csv");
        ParsedSource without = read("klines-no-header.csv");
        BarSeries a = onlyBars(withHeader);
        BarSeries b = onlyBars(without);
        assertTrue(withHeader.rejected().isEmpty() && without.rejected().isEmpty());
        assertEquals(8, a.size());
        assertEquals(8, withHeader.rowsRead());
        assertArrayEquals(a.openTimes(), b.openTimes());
        assertArrayEquals(a.opens(), b.opens());
        assertArrayEquals(a.highs(), b.highs());
        assertArrayEquals(a.lows(), b.lows());
        assertArrayEquals(a.closes(), b.closes());
        assertArrayEquals(a.volumes(), b.volumes());
        assertEquals(JAN1, a.openTimeMs(0));
        assertEquals(42475.23, a.close(0));
        assertEquals(1271.68108, a.volume(0));
        assertEquals(Symbol.of("BTCUSDT"), a.symbol());
        assertEquals(Market.PERP, a.market());
        assertEquals(BarInterval.H1, a.interval());
    }

    @Test
    void microsecondArchiveKlines_areAcceptedAsMilliseconds() {
        ParsedSource us = read("klines-us.csv");
        BarSeries s = onlyBars(us);
        assertTrue(us.rejected().isEmpty(), () -> us.rejected().toString());
        assertArrayEquals(onlyBars(read("klines-header.csv")).openTimes(), s.openTimes());
    }

    @Test
    void malformedRow_isRejectedWithItsColumnCount_andOtherRowsKept() {
        ParsedSource ps = read("klines-malformed-row.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-malformed-row.csv"), 4, "expected 12 columns, found 11");
        assertEquals(7, onlyBars(ps).size());
        assertEquals(8, ps.rowsRead());
    }

    @Test
    void nonNumericField_isRejectedNamingColumnAndValue() {
        ParsedSource ps = read("klines-non-numeric.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-non-numeric.csv"), 6, "close 'abc' is not a number");
        assertEquals(7, onlyBars(ps).size());
        assertEquals(ArchiveFixtures.text("klines-non-numeric.csv") + ":6: close 'abc' is not a number",
                ps.rejected().get(0).toString());
    }

    @Test
    void nonPositivePrices_areRejected() {
        ParsedSource ps = read("klines-nonpositive-price.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-nonpositive-price.csv"),
                4, "low '0' is not a positive price", 7, "open '-42399.00' is not a positive price");
        assertEquals(6, onlyBars(ps).size());
    }

    @Test
    void nonPositivePrices_areKeptForThePremiumIndex() {
        ParsedSource ps = BinanceReader.read(ArchiveFixtures.text("klines-nonpositive-price.csv"),
                BTC_PERP_1H.withMarket(Market.PREMIUM));
        // Only the OHLC ordering still applies: the low of 0 sits below open and close, fine; the
        // negative open is below the low of 42300.12, so that row is rejected for ordering instead.
        assertRejections(ps, ArchiveFixtures.text("klines-nonpositive-price.csv"), 7, "low '42300.12' > open '-42399.00'");
        assertEquals(7, onlyBars(ps).size());
    }

    @Test
    void nonFiniteValues_areRejected() {
        ParsedSource ps = read("klines-non-finite.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-non-finite.csv"),
                3, "close 'NaN' is not finite", 8, "high 'Infinity' is not finite");
        assertEquals(6, onlyBars(ps).size());
    }

    @Test
    void inconsistentHighLow_isRejected() {
        ParsedSource ps = read("klines-high-below-low.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-high-below-low.csv"),
                5, "high '42200.00' < low '42230.08'", 7, "high '42420.00' < close '42450.00'");
        assertEquals(6, onlyBars(ps).size());
    }

    @Test
    void duplicateOpenTime_rejectsTheSecondOccurrence_namingTheFirstLine() {
        ParsedSource ps = read("klines-duplicate-open-time.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-duplicate-open-time.csv"),
                7, "duplicate open time 2024-01-01T03:00:00Z (first at line 5)");
        BarSeries s = onlyBars(ps);
        assertEquals(8, s.size());
        assertEquals(9, ps.rowsRead());
    }

    @Test
    void outOfOrderRow_isRejected() {
        ParsedSource ps = read("klines-out-of-order.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-out-of-order.csv"),
                7, "open time 2024-01-01T04:00:00Z is earlier than 2024-01-01T05:00:00Z at line 6: out of order");
        BarSeries s = onlyBars(ps);
        assertEquals(7, s.size());
        assertTrue(Arrays.binarySearch(s.openTimes(), JAN1 + 4 * 3_600_000L) < 0, "the 04:00 row is not kept");
    }

    @Test
    void microsecondRowInAMillisecondFile_isRejectedAsInconsistent() {
        ParsedSource ps = read("klines-mixed-us-ms.csv");
        assertRejections(ps, ArchiveFixtures.text("klines-mixed-us-ms.csv"),
                5, "time unit µs differs from the file's ms");
        assertEquals(7, onlyBars(ps).size());
    }

    @Test
    void truncatedGzip_faultsTheWholeFile() throws Exception {
        Path f = ArchiveFixtures.truncatedGzip(tmp);
        ParsedSource ps = BinanceReader.read(f, BTC_PERP_1H);
        assertFileFault(ps, f, "gzip data is truncated or corrupt");
        assertEquals(ArchiveFixtures.sha256(Files.readAllBytes(f)), ps.sha256(), "sha256 covers the raw bytes read");
    }

    @Test
    void zipTruncatedInsideItsEntry_faultsTheWholeFile() throws Exception {
        Path f = ArchiveFixtures.truncatedZipMidEntry(tmp);
        assertFileFault(BinanceReader.read(f, BTC_PERP_1H), f, "zip data is truncated or corrupt");
    }

    @Test
    void zipMissingItsCentralDirectory_faultsTheWholeFile() throws Exception {
        Path f = ArchiveFixtures.truncatedZipDirectory(tmp);
        assertFileFault(BinanceReader.read(f, BTC_PERP_1H), f, "truncated zip: no end-of-central-directory record");
    }

    @Test
    void checksumMismatch_faultsTheWholeFile() throws Exception {
        Path f = ArchiveFixtures.checksumMismatch(tmp);
        assertFileFault(BinanceReader.read(f, BTC_PERP_1H), f, "checksum mismatch: checksum-mismatch.zip.CHECKSUM says");
    }

    @Test
    void zipSlipEntry_isRefused() throws Exception {
        Path f = ArchiveFixtures.zipSlip(tmp);
        assertFileFault(BinanceReader.read(f, BTC_PERP_1H), f,
                "zip entry '../../evil.csv' escapes the target folder (zip-slip)");
    }

    @Test
    void absoluteZipEntry_isRefused() throws Exception {
        Path f = ArchiveFixtures.write(tmp.resolve("absolute.zip"),
                ArchiveFixtures.zip("/etc/evil.csv", ArchiveFixtures.bytes("klines-header.csv")));
        assertFileFault(BinanceReader.read(f, BTC_PERP_1H), f, "zip entry '/etc/evil.csv' escapes the target folder");
    }

    @Test
    void emptyFile_faultsTheWholeFile() {
        Path f = ArchiveFixtures.text("empty.csv");
        ParsedSource ps = read("empty.csv");
        assertFileFault(ps, f, "empty file");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ps.sha256());
    }

    @Test
    void unknownLayout_faultsTheWholeFile_namingWhatWasExpected() {
        Path f = ArchiveFixtures.text("unknown-layout.csv");
        Rejection r = assertFileFault(read("unknown-layout.csv"), f,
                "unknown layout: line 1 'timestamp,symbol,long_short_ratio,long_account' is none of");
        assertTrue(r.reason().contains("calc_time,funding_interval_hours,last_funding_rate"), r.reason());
        assertTrue(r.reason().contains("open_time_ms,date,open,high,low,close,volume"), r.reason());
    }

    @Test
    void percentLookingFundingRate_isWarnedAndKept() {
        Path f = ArchiveFixtures.text("funding-percent-looking.csv");
        ParsedSource ps = read("funding-percent-looking.csv");
        assertTrue(ps.rejected().isEmpty(), () -> ps.rejected().toString());
        assertEquals(1, ps.funding().size());
        FundingSeries s = ps.funding().get(0);
        assertEquals(4, s.size());
        assertEquals(0.75, s.rate(2));
        assertEquals(1, ps.warnings().size(), () -> ps.warnings().toString());
        Rejection w = ps.warnings().get(0);
        assertEquals(f.toString(), w.file());
        assertEquals(4, w.line());
        assertTrue(w.reason().contains("percent-looking funding rate: last_funding_rate '0.75000000'"), w.reason());
    }

    @Test
    void goodArchiveZip_inItsBinanceFolder_infersSymbolMarketInterval_andVerifiesChecksum() throws Exception {
        Path f = ArchiveFixtures.goodArchive(tmp);
        ParsedSource ps = BinanceReader.read(f);
        assertTrue(ps.rejected().isEmpty(), () -> ps.rejected().toString());
        BarSeries s = onlyBars(ps);
        assertEquals(Symbol.of("BTCUSDT"), s.symbol());
        assertEquals(Market.PERP, s.market());
        assertEquals(BarInterval.H1, s.interval());
        assertEquals(8, s.size());
        assertEquals(ArchiveFixtures.sha256(Files.readAllBytes(f)), ps.sha256());
    }

    @Test
    void rowRejectionInsideAZip_namesTheEntry() throws Exception {
        Path f = ArchiveFixtures.write(tmp.resolve("spot/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip"),
                ArchiveFixtures.zip("BTCUSDT-1h-2024-01.csv", ArchiveFixtures.bytes("klines-non-numeric.csv")));
        ParsedSource ps = BinanceReader.read(f);
        assertEquals(List.of(f + "!BTCUSDT-1h-2024-01.csv:6: close 'abc' is not a number"),
                ps.rejected().stream().map(Rejection::toString).toList());
        assertEquals(Market.SPOT, onlyBars(ps).market());
    }

    @Test
    void archiveNameWithoutMarketFolder_faultsUntilMarketIsGiven() throws Exception {
        Path f = ArchiveFixtures.write(tmp.resolve("BTCUSDT-1h-2024-01.zip"),
                ArchiveFixtures.zip("BTCUSDT-1h-2024-01.csv", ArchiveFixtures.bytes("klines-header.csv")));
        assertFileFault(BinanceReader.read(f), f, "market unknown: pass --market");
        ParsedSource given = BinanceReader.read(f, ReadOptions.none().withMarket(Market.MARK));
        assertEquals(Market.MARK, onlyBars(given).market());
        assertEquals(Symbol.of("BTCUSDT"), onlyBars(given).symbol());
    }

    @Test
    void zipWithTwoFiles_isRefused() throws Exception {
        byte[] csv = ArchiveFixtures.bytes("klines-header.csv");
        Path f = ArchiveFixtures.write(tmp.resolve("two.zip"), ArchiveFixtures.zip("a.csv", csv, "b.csv", csv));
        assertFileFault(BinanceReader.read(f, BTC_PERP_1H), f, "zip holds more than one file ('a.csv', 'b.csv')");
    }

    @Test
    void checksumForAnotherFile_isRefused() throws Exception {
        byte[] z = ArchiveFixtures.zip("BTCUSDT-1h-2024-01.csv", ArchiveFixtures.bytes("klines-header.csv"));
        Path f = ArchiveFixtures.write(tmp.resolve("BTCUSDT-1h-2024-01.zip"), z);
        Files.writeString(tmp.resolve("BTCUSDT-1h-2024-01.zip.CHECKSUM"),
                ArchiveFixtures.sha256(z) + "  BTCUSDT-1h-2024-02.zip\n");
        assertFileFault(BinanceReader.read(f, BTC_PERP_1H), f,
                "BTCUSDT-1h-2024-01.zip.CHECKSUM is for 'BTCUSDT-1h-2024-02.zip'");
    }

    @Test
    void missingFile_isAFileFault_notAnException() {
        Path f = tmp.resolve("nope.csv");
        ParsedSource ps = BinanceReader.read(f, BTC_PERP_1H);
        assertFileFault(ps, f, "cannot read file: NoSuchFileException");
        assertEquals("", ps.sha256());
    }

    /** 20,000 hourly archive rows with varied prices: a zip far larger than the 64 KiB tail kept for its directory. */
    static byte[] largeArchiveCsv() {
        StringBuilder sb = new StringBuilder();
        java.util.Random rnd = new java.util.Random(7);
        double p = 40_000;
        for (int i = 0; i < 20_000; i++) {
            long t = JAN1 + i * 3_600_000L;
            double o = p;
            double c = p * (1 + rnd.nextGaussian() * 0.005);
            double h = Math.max(o, c) * (1 + rnd.nextDouble() * 0.002);
            double l = Math.min(o, c) * (1 - rnd.nextDouble() * 0.002);
            sb.append(t).append(',').append(o).append(',').append(h).append(',').append(l).append(',').append(c)
                    .append(',').append(rnd.nextDouble() * 1000).append(',').append(t + 3_599_999).append(",1,1,1,1,0\n");
            p = c;
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void largeArchiveZip_isReadWhole_andItsCutOffDirectoryIsNoticed() throws Exception {
        byte[] z = ArchiveFixtures.zip("BTCUSDT-1h-2024-01.csv", largeArchiveCsv());
        assertTrue(z.length > 200_000, "larger than the kept tail: " + z.length);
        Path good = ArchiveFixtures.write(tmp.resolve("spot/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip"), z);
        ArchiveFixtures.checksum(good, ArchiveFixtures.sha256(z));
        ParsedSource ps = BinanceReader.read(good);
        assertTrue(ps.rejected().isEmpty(), () -> ps.rejected().toString());
        assertEquals(20_000, onlyBars(ps).size());
        Path cut = ArchiveFixtures.write(tmp.resolve("cut/spot/BTCUSDT-1h-2024-01.zip"), Arrays.copyOf(z, z.length - 40));
        assertFileFault(BinanceReader.read(cut), cut, "truncated zip");
    }
}
