package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.LiquidationSide;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The microstructure layouts (SPEC §8), one fixture per format quirk in {@code fixtures/micro}: text times,
 * rows out of order, {@code -5} vs {@code -5.00} bands, ms vs µs, duplicates, a 13th field, {@code None} average
 * prices, local offsets, symbols without their suffix.
 */
class MicroFormatsTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");

    static ParsedSource read(String fixture) {
        return BinanceReader.read(ArchiveFixtures.text("micro/" + fixture));
    }

    static ParsedSource read(String fixture, ReadOptions o) {
        return BinanceReader.read(ArchiveFixtures.text("micro/" + fixture), o);
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static void assertClean(ParsedSource ps) {
        assertTrue(ps.rejected().isEmpty(), () -> "unexpected rejections " + ps.rejected());
    }

    static String only(List<Rejection> l) {
        assertEquals(1, l.size(), l::toString);
        return l.get(0).toString();
    }

    @Test
    void bookDepth2023_integerBands_textUtcTimes_bySnapshot() {
        ParsedSource ps = read("BTCUSDT-bookDepth-2023-10-16.csv");
        assertClean(ps);
        assertTrue(ps.warnings().isEmpty(), ps.warnings()::toString);
        BookDepthSeries d = ps.micro().bookDepth().get(0);
        assertEquals(BTC, d.symbol());
        assertEquals(8, d.size());
        assertEquals(8, ps.rowsRead());
        assertEquals(2, d.snapshots());
        assertEquals(ms("2023-10-16T00:00:13Z"), d.timeMs(0));
        assertArrayEquals(new double[] {-5, -2, -1, 1, 2, 5, -1, 1}, d.percentages());
        assertEquals(351243054.5632, d.notional(0));
        assertEquals(13230.005, d.depth(0));
    }

    @Test
    void bookDepth2026_decimalBands_outOfOrderRows_areSortedWithOneWarning() {
        ParsedSource ps = read("bookdepth-decimal-bands-out-of-order.csv", ReadOptions.none().withSymbol(BTC));
        assertClean(ps);
        BookDepthSeries d = ps.micro().bookDepth().get(0);
        assertEquals(8, d.size());
        assertEquals(ms("2026-01-31T00:00:09Z"), d.timeMs(0));
        assertArrayEquals(new double[] {-5, -1, -0.2, 0.2, 1, 5, -1, 1}, d.percentages());
        assertEquals(ms("2026-01-31T00:00:39Z"), d.timeMs(7));
        String w = only(ps.warnings());
        assertTrue(w.contains(":4: book depth rows out of time order (first here; "), w);
    }

    @Test
    void bookDepth_minus1_and_minus1point00_areOneBand_soDifferentValuesAreRejected() {
        ParsedSource ps = read("bookdepth-same-band-twice.csv", ReadOptions.none().withSymbol(BTC));
        String r = only(ps.rejected());
        assertTrue(r.endsWith(":3: duplicate snapshot 2026-01-31T00:00:09Z band -1.0 with different values (first at line 2)"),
                r);
        assertEquals(2, ps.micro().bookDepth().get(0).size());
        assertEquals(3, ps.rowsRead());
    }

    @Test
    void bookTicker_msTimes_perpFromTheArchive() {
        ParsedSource ps = read("bookticker-ms.csv", ReadOptions.none().withSymbol(BTC));
        assertClean(ps);
        BookTickerSeries t = ps.micro().bookTicker().get(0);
        assertEquals(Market.PERP, t.market());
        assertEquals(3, t.size());
        assertEquals(1696204800018L, t.eventTimeMs(0));
        assertEquals(1696204800012L, t.transactionTimeMs(0));
        assertEquals(3319366863672L, t.updateId(0));
        assertEquals(0.1 / 27981.35 * 1e4, t.spreadBps(0), 1e-9);
        assertEquals(0.3 / 27981.35 * 1e4, t.spreadBps(2), 1e-9);
    }

    @Test
    void bookTicker_microsecondTimes_areMilliseconds() {
        ParsedSource ps = read("bookticker-us.csv", new ReadOptions(BTC, Market.SPOT, null));
        assertClean(ps);
        BookTickerSeries t = ps.micro().bookTicker().get(0);
        assertEquals(Market.SPOT, t.market());
        assertEquals(1696204800018L, t.eventTimeMs(0));
        assertEquals(1696204800012L, t.transactionTimeMs(0));
        assertEquals(1696204800018L, t.eventTimeMs(1));
    }

    @Test
    void bookTicker_crossedBook_andAMicrosecondRowInAMillisecondFile_areRejected() {
        ParsedSource ps = read("bookticker-crossed-and-mixed-units.csv", ReadOptions.none().withSymbol(BTC));
        assertEquals(2, ps.rejected().size(), ps.rejected()::toString);
        assertTrue(ps.rejected().get(0).toString().endsWith(":3: crossed book: best_bid_price 27981.50000000 > "
                + "best_ask_price 27981.40000000"), ps.rejected().get(0).toString());
        assertTrue(ps.rejected().get(1).toString().contains(":4: transaction_time '1696204800014000': time unit µs differs"
                + " from the file's ms"), ps.rejected().get(1).toString());
        assertEquals(1, ps.micro().bookTicker().get(0).size());
    }

    @Test
    void metrics_textCreateTimes_baseAndUsd_aRowOutOfOrderIsRejectedByTheArchiveReader() {
        // the metrics archive is the downloader's reader (OpenInterestCsvReader): strict time order, as Binance writes
        ParsedSource ps = read("BTCUSDT-metrics-2023-10-16.csv");
        OpenInterestSeries oi = ps.openInterest().get(0);
        assertEquals(BTC, oi.symbol());
        assertArrayEquals(new long[] {ms("2023-10-16T00:05:00Z"), ms("2023-10-16T00:10:00Z")}, oi.times());
        assertArrayEquals(new double[] {81000, 81500}, oi.sumOpenInterests());
        assertArrayEquals(new double[] {2.268e9, 2.282e9}, oi.sumOpenInterestValues());
        assertTrue(only(ps.rejected()).contains(":3: open-interest time 2023-10-16T00:00:00Z is earlier than"),
                ps.rejected()::toString);
    }

    @Test
    void openInterest4hCsv_andRestOpenInterestHist() {
        ParsedSource csv = read("open-interest-4h.csv");
        assertClean(csv);
        OpenInterestSeries a = csv.openInterest().get(0);
        assertEquals(3, a.size());
        assertEquals(ms("2026-02-20T04:00:00Z"), a.timeMs(0));
        assertEquals(80485.615, a.sumOpenInterest(0));
        ParsedSource json = read("openInterestHist.json");
        assertClean(json);
        OpenInterestSeries b = json.openInterest().get(0);
        assertEquals(Symbol.of("SOLUSDT"), b.symbol());
        assertArrayEquals(new long[] {1771560000000L, 1771560300000L}, b.times());
        assertEquals(790204205.6605831, b.sumOpenInterestValue(1));
    }

    @Test
    void fundingInfo_capsFloorsIntervals() {
        ParsedSource ps = read("fundingInfo.json");
        assertClean(ps);
        assertEquals(List.of(new FundingInfo(Symbol.of("BLZUSDT"), 0.025, -0.025, 4),
                new FundingInfo(Symbol.of("SOLUSDT"), 0.003, -0.003, 8)), ps.micro().fundingInfo());
        assertEquals(2, ps.rowsRead());
    }

    @Test
    void restBookTicker_singleObject_isAPerpQuote_spotWithoutTimeIsRejected() {
        ParsedSource ps = read("bookTicker-rest.json");
        assertClean(ps);
        BookTickerSeries t = ps.micro().bookTicker().get(0);
        assertEquals(1, t.size());
        assertEquals(1696204800012L, t.eventTimeMs(0));
        assertEquals(27981.3, t.bid(0));
        ParsedSource spot = read("bookTicker-rest-spot-no-time.json");
        assertTrue(only(spot.rejected()).contains("time missing (a quote without a time cannot be placed on the clock)"),
                spot.rejected()::toString);
    }

    @Test
    void coinalyzeOpenInterest_dailyCloseAvailableAtTheDaysEnd_inUsd() {
        ParsedSource ps = read("BTCUSDT.coinalyze-oi.csv");
        assertClean(ps);
        OpenInterestSeries oi = ps.openInterest().get(0);
        assertArrayEquals(new long[] {ms("2022-01-03T00:00:00Z"), ms("2022-01-04T00:00:00Z")}, oi.times());
        assertEquals(3465520267.68, oi.sumOpenInterestValue(0));
        assertTrue(Double.isNaN(oi.sumOpenInterest(0)));
    }

    @Test
    void coinalyzeLiquidations_outOfOrderDays_areDailyAggregatesPerSide_withDailyCoverage() {
        ParsedSource ps = read("BTCUSDT.coinalyze-liquidations.csv");
        assertClean(ps);
        LiquidationSeries l = ps.micro().liquidations().get(0);
        assertEquals(6, l.size());
        assertEquals(ms("2022-01-02T00:00:00Z"), l.startMs(0));
        assertEquals(ms("2022-01-03T00:00:00Z"), l.endMs(0));
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            sum += l.notionalUsd(i);
        }
        assertEquals(3747554.64 + 5426703.84, sum, 1e-6);
        LiquidationCoverage c = ps.micro().liquidationCoverage().get(0);
        assertEquals(BTC, c.scope());
        assertEquals(1, c.size());
        assertEquals(ms("2022-01-02T00:00:00Z"), c.fromMs(0));
        assertEquals(ms("2022-01-05T00:00:00Z"), c.toMs(0));
        assertTrue(only(ps.warnings()).contains("liquidation rows out of time order"));
    }

    @Test
    void polledOpenInterest_istWithoutZone_isShiftedToUtc_withAWarning() {
        ParsedSource ps = read("BTCUSDT.polled-open-interest.csv");
        assertClean(ps);
        OpenInterestSeries oi = ps.openInterest().get(0);
        assertEquals(ms("2024-12-13T19:39:44Z"), oi.timeMs(0));
        assertEquals(92711.732, oi.sumOpenInterest(0));
        assertTrue(Double.isNaN(oi.sumOpenInterestValue(0)));
        assertTrue(only(ps.warnings()).contains("read as IST (UTC+05:30)"));
    }

    @Test
    void forceOrderLog_istOffsets_tradeTime_notionalFromAveragePrice() {
        ParsedSource ps = read("BTCUSDT.forceorder-log.csv");
        assertClean(ps);
        LiquidationSeries l = ps.micro().liquidations().get(0);
        assertEquals(2, l.size());
        assertEquals(ms("2024-12-04T16:46:25.584Z"), l.startMs(0));
        assertEquals(l.startMs(0), l.endMs(0));
        assertEquals(LiquidationSide.LONG, l.side(0));
        assertEquals(LiquidationSide.SHORT, l.side(1));
        assertEquals(0.013 * 94809.6, l.notionalUsd(0), 1e-9);
        LiquidationCoverage c = ps.micro().liquidationCoverage().get(0);
        assertEquals(BTC, c.scope());
        assertEquals(ms("2024-12-04T16:46:25.584Z"), c.fromMs(0));
        assertEquals(ms("2024-12-04T16:46:38.687Z") + 1, c.toMs(0));
    }

    @Test
    void forceOrderRecorder_suffixlessSymbols_duplicates_13thField_noneAverage_sessions() {
        ParsedSource ps = read("MULTI.forceorder-recorder.csv");
        assertClean(ps);
        MicroData m = ps.micro();
        assertEquals(List.of("BTCUSDC", "BTCUSDT", "ETHUSDT", "SOLUSDT"),
                m.liquidations().stream().map(s -> s.symbol().name()).toList());
        LiquidationSeries eth = m.liquidations().get(2);
        assertEquals(1, eth.size());
        assertEquals(1.5 * 2598.0, eth.notionalUsd(0), 1e-9);
        LiquidationSeries sol = m.liquidations().get(3);
        assertEquals(10 * 140.0, sol.notionalUsd(0), 1e-9);
        assertTrue(Double.isNaN(sol.averagePrice(0)));
        assertEquals(2, m.liquidations().get(1).size());
        assertEquals(6, ps.rowsRead());
        String warnings = ps.warnings().toString();
        assertTrue(warnings.contains(":3: 1 exact repeat of earlier liquidation rows (first here): dropped"), warnings);
        assertTrue(warnings.contains(":6: 1 row with a 13th unnamed field"), warnings);
        assertTrue(warnings.contains(":4: 1 row with average_price 'None'"), warnings);
        LiquidationCoverage c = m.liquidationCoverage().get(0);
        assertEquals(null, c.scope());
        // 1723895940201 -> 1723897903305 is a 32.7 min silence: two sessions
        assertEquals(2, c.size());
        assertEquals(1723895903305L, c.fromMs(0));
        assertEquals(1723895940202L, c.toMs(0));
    }

    @Test
    void forceOrderRecorder_symbolFilter_keepsOneSymbol_butCoverageSeesEveryRow() {
        ParsedSource ps = read("MULTI.forceorder-recorder.csv", ReadOptions.none().withSymbol(Symbol.of("ETHUSDT")));
        assertEquals(1, ps.micro().liquidations().size());
        assertEquals(2, ps.micro().liquidationCoverage().get(0).size());
        assertTrue(ps.warnings().toString().contains("skipped (first here): the read was limited to ETHUSDT"));
    }

    @Test
    void liquidationSnapshotArchive_coversItsDay() {
        ParsedSource ps = read("BTCUSDT-liquidationSnapshot-2023-10-16.csv");
        assertClean(ps);
        LiquidationSeries l = ps.micro().liquidations().get(0);
        assertEquals(2, l.size());
        assertEquals(0.5 * 27010.0, l.notionalUsd(0), 1e-9);
        LiquidationCoverage c = ps.micro().liquidationCoverage().get(0);
        assertEquals(ms("2023-10-16T00:00:00Z"), c.fromMs(0));
        assertEquals(ms("2023-10-17T00:00:00Z"), c.toMs(0));
    }

    @Test
    void premiumIndexKlines_archive_negativeValuesAreAccepted() {
        Path f = ArchiveFixtures.text("micro/premiumIndexKlines/BTCUSDT-1m-2024-01-01.csv");
        ParsedSource ps = BinanceReader.read(f);
        assertClean(ps);
        BarSeries b = ps.bars().get(0);
        assertEquals(Market.PREMIUM, b.market());
        assertEquals(-0.00004, b.close(1));
    }
}
