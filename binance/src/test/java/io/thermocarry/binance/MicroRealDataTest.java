package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every real microstructure file of {@code ../shared/data/binance/micro} and {@code open_interest/} reads
 * without a rejection, with the counts and checks of {@code micro/SOURCES.md}. Skipped when the data is
 * absent (see {@link SharedData}).
 */
class MicroRealDataTest {
    static ParsedSource clean(String relative) {
        ParsedSource ps = BinanceReader.read(SharedData.file(relative));
        assertTrue(ps.rejected().isEmpty(), () -> relative + ": " + ps.rejected().stream().limit(5).toList());
        return ps;
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void bookDepth_twoDays_61404Rows_bandFormatChange_notionalOverDepthIsTheBtcPrice() {
        ParsedSource ps = clean("micro/bookDepth/BTCUSDT.MrNtex.csv.gz");
        BookDepthSeries d = ps.micro().bookDepth().get(0);
        assertEquals(61_404, d.size());
        assertEquals(2_880 + 2_717, d.snapshots());
        assertEquals(ms("2023-10-16T00:00:13Z"), d.timeMs(0));
        assertEquals(ms("2026-01-31T23:59:33Z"), d.timeMs(d.size() - 1));
        int day2 = d.lowerBound(ms("2026-01-01T00:00:00Z"));
        assertEquals(28_800, day2);
        int checked = 0;
        for (int i = 0; i < d.size(); i++) {
            if (Math.abs(d.percentage(i)) != 1.0) {
                continue;
            }
            // inside ±1 % of mid, notional / depth is a BTC price: 26.99k-30.34k on 2023-10-16 (the day of the
            // false ETF report), 75.53k-84.61k on 2026-01-31
            double level = d.notional(i) / d.depth(i);
            boolean first = i < day2;
            assertTrue(first ? level > 26_900 && level < 30_400 : level > 75_400 && level < 84_700, "row " + i + ": " + level);
            checked++;
        }
        assertEquals(2 * (2_880 + 2_717), checked);
        // 2026 adds the ±0.20 bands: 12 per snapshot against 10
        assertEquals(-0.2, d.percentage(day2 + 5), 0.0);
    }

    @Test
    void bookTicker_9999FuturesQuotes_over28Seconds_oneTickMinimumSpread() {
        ParsedSource ps = clean("micro/bookTicker/BTCUSDT.dazeeeed.csv.gz");
        BookTickerSeries t = ps.micro().bookTicker().get(0);
        assertEquals(9_999, t.size());
        assertEquals(io.thermocarry.core.market.Market.PERP, t.market());
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < t.size(); i++) {
            min = Math.min(min, t.ask(i) - t.bid(i));
            max = Math.max(max, t.ask(i) - t.bid(i));
        }
        assertEquals(0.1, min, 1e-9);
        assertEquals(5.1, max, 1e-9);
        assertTrue(t.eventTimeMs(t.size() - 1) - t.eventTimeMs(0) < 28_000);
    }

    @Test
    void coinalyzeOpenInterest_993Days_inUsd() {
        OpenInterestSeries oi = clean("micro/metrics/BTCUSDT.CryptoVizArt.csv.gz").openInterest().get(0);
        assertEquals(993, oi.size());
        assertEquals(ms("2022-01-03T00:00:00Z"), oi.timeMs(0));
        assertEquals(3.47e9, oi.sumOpenInterestValue(0), 0.01e9);
        assertEquals(5.47e9, oi.sumOpenInterestValue(oi.size() - 1), 0.01e9);
    }

    @Test
    void polledOpenInterest_294Snapshots_inBtc() {
        ParsedSource ps = clean("micro/metrics/BTCUSDT.anmolkhullar24.csv.gz");
        OpenInterestSeries oi = ps.openInterest().get(0);
        assertEquals(294, oi.size());
        for (int i = 0; i < oi.size(); i++) {
            assertTrue(oi.sumOpenInterest(i) > 88_000 && oi.sumOpenInterest(i) < 96_000, "row " + i);
        }
    }

    @Test
    void openInterest4h_168RowsEach() {
        for (String s : new String[] {"BTCUSDT", "ETHUSDT", "SOLUSDT"}) {
            OpenInterestSeries oi = clean("open_interest/4h/" + s + ".gravestone.csv.gz").openInterest().get(0);
            assertEquals(Symbol.of(s), oi.symbol());
            assertEquals(168, oi.size());
            assertEquals(ms("2026-02-20T04:00:00Z"), oi.timeMs(0));
            assertEquals(ms("2026-03-20T00:00:00Z"), oi.timeMs(167));
        }
    }

    @Test
    void coinalyzeLiquidations_993DaysPerSide_sortedFromUnorderedRows() {
        ParsedSource ps = clean("micro/liquidations/BTCUSDT.CryptoVizArt.csv.gz");
        LiquidationSeries l = ps.micro().liquidations().get(0);
        assertEquals(2 * 993, l.size());
        assertTrue(ps.warnings().toString().contains("out of time order"), ps.warnings()::toString);
        double longs20220613 = 0;
        for (int i = 0; i < l.size(); i++) {
            if (l.startMs(i) == ms("2022-06-13T00:00:00Z") && l.side(i) == io.thermocarry.core.market.LiquidationSide.LONG) {
                longs20220613 = l.notionalUsd(i);
            }
        }
        assertEquals(20.9e6, longs20220613, 0.05e6);
        LiquidationCoverage c = ps.micro().liquidationCoverage().get(0);
        assertEquals(1, c.size());
        assertEquals(993L * 86_400_000L, c.coveredMs());
    }

    @Test
    void forceOrderLog_1844BtcRows_withIstOffsets() {
        ParsedSource ps = clean("micro/liquidations/BTCUSDT.anmolkhullar24.csv.gz");
        LiquidationSeries l = ps.micro().liquidations().get(0);
        assertEquals(1_844, l.size() + (int) (ps.rowsRead() - ps.rowsAccepted()));
        assertEquals(ms("2024-12-04T16:46:25.584Z"), l.startMs(0));
    }

    @Test
    void recorderFiles_dropDuplicates_tolerateThe13thField_andNoneAverages() {
        MicroData paulius = clean("micro/liquidations/MULTI.PauliusMinialga.csv.gz").micro();
        // 1,668 lines repeat another byte for byte; 5 more repeat a forced order with only the recorder's own
        // usd_size scaled by 1e-6 (a recorder bug): usd_size is not read, so they are the same order
        assertEquals(3_510 - 1_668 - 5, rows(paulius));
        // BTC: 61 lines, 33 distinct, 2 of them usd_size-only repeats
        assertEquals(31, rows(paulius, "BTCUSDT"));
        ParsedSource riftfern = clean("micro/liquidations/MULTI.riftfern.csv.gz");
        MicroData rift = riftfern.micro();
        // 5 rows of the non-ASCII perpetual 币安人生USDT are skipped with a warning
        assertEquals(2_045 - 5, rows(rift));
        assertEquals(2_045, riftfern.rowsRead());
        assertTrue(riftfern.warnings().toString().contains("5 rows of symbol '币安人生' (first here): not an ASCII symbol"),
                riftfern.warnings()::toString);
        assertTrue(riftfern.warnings().toString().contains("46 rows with a 13th unnamed field"),
                riftfern.warnings()::toString);
        assertEquals(25, rows(rift, "SOLUSDT"));
        MicroData neo = clean("micro/liquidations/MULTI.NeoParth.csv.gz").micro();
        // one row is the quarterly ETH_250627, not a perpetual: skipped with a warning
        assertEquals(699, rows(neo));
        assertEquals(42, rows(neo, "ETHUSDT"));
        MicroData bands = clean("micro/liquidations/MULTI.BandsThoBaby.csv.gz").micro();
        assertEquals(456, rows(bands));
        assertEquals(3, rows(bands, "SOLUSDT"));
        assertEquals(null, bands.liquidationCoverage().get(0).scope());
    }

    private static long rows(MicroData m) {
        return m.liquidations().stream().mapToLong(LiquidationSeries::size).sum();
    }

    private static long rows(MicroData m, String symbol) {
        return m.liquidations().stream().filter(s -> s.symbol().name().equals(symbol)).mapToLong(LiquidationSeries::size)
                .sum();
    }
}
