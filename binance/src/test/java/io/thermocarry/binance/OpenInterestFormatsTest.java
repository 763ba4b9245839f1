package io.thermocarry.binance;

import static io.thermocarry.binance.FormatsTest.assertClean;
import static io.thermocarry.binance.FormatsTest.ms;
import static io.thermocarry.binance.FormatsTest.only;
import static io.thermocarry.binance.FormatsTest.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import org.junit.jupiter.api.Test;

/** Open interest in the two shapes Binance publishes it: the daily metrics archive CSV and openInterestHist JSON. */
class OpenInterestFormatsTest {
    private static final String HEADER = "create_time,symbol,sum_open_interest,sum_open_interest_value,"
            + "count_toptrader_long_short_ratio,sum_toptrader_long_short_ratio,count_long_short_ratio,"
            + "sum_taker_long_short_vol_ratio\n";

    private static OpenInterestSeries onlyOi(ParsedSource ps) {
        assertEquals(1, ps.openInterest().size(), () -> "open interest: " + ps.openInterest() + ", rejected "
                + ps.rejected());
        assertTrue(ps.bars().isEmpty() && ps.funding().isEmpty());
        return ps.openInterest().get(0);
    }

    @Test
    void metricsArchive_readsOpenInterestAsUtc_andIgnoresTheRatios() {
        ParsedSource ps = read("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-01-15.csv", HEADER
                + "2024-01-15 00:00:00,BTCUSDT,80485.615,5419496040.188065,1.5,1.6,1.7,0.9\n"
                + "2024-01-15 00:05:00,BTCUSDT,80491.2,5420000000,1.5,1.6,1.7,0.9\n");
        assertClean(ps);
        OpenInterestSeries oi = onlyOi(ps);
        assertEquals(new Symbol("BTCUSDT"), oi.symbol());
        assertArrayEquals(new long[] {ms("2024-01-15T00:00:00Z"), ms("2024-01-15T00:05:00Z")}, oi.times());
        assertArrayEquals(new double[] {80485.615, 80491.2}, oi.sumOpenInterests());
        assertArrayEquals(new double[] {5419496040.188065, 5.42e9}, oi.sumOpenInterestValues());
        assertEquals(2, ps.rowsAccepted());
    }

    @Test
    void metricsArchive_rejectsNegativeAndDuplicateRows_namingLineAndColumn() {
        ParsedSource ps = read("BTCUSDT-metrics-2024-01-15.csv", HEADER
                + "2024-01-15 00:00:00,BTCUSDT,1,2,0,0,0,0\n"
                + "2024-01-15 00:05:00,BTCUSDT,-1,2,0,0,0,0\n"
                + "2024-01-15 00:00:00,BTCUSDT,1,2,0,0,0,0\n"
                + "2024-01-15 00:10:00,ETHUSDT,1,2,0,0,0,0\n");
        assertEquals(2, ps.rejected().size(), ps.rejected().toString());
        assertEquals("BTCUSDT-metrics-2024-01-15.csv:3: sum_open_interest '-1' is not a finite amount >= 0",
                ps.rejected().get(0).toString());
        assertTrue(ps.rejected().get(1).toString().contains(":4: duplicate open-interest time 2024-01-15T00:00:00Z"
                + " (first at line 2)"), ps.rejected().get(1).toString());
        assertTrue(only(ps.warnings()).contains("1 row of 'ETHUSDT' skipped"), ps.warnings().toString());
        assertEquals(1, onlyOi(ps).size());
    }

    @Test
    void openInterestHistJson_isRead_andOtherSymbolsAreFilteredWithAWarning() {
        ParsedSource ps = read("openInterestHist.json", "[{\"symbol\":\"BTCUSDT\",\"sumOpenInterest\":\"20403.637\","
                + "\"sumOpenInterestValue\":\"150570784.07809979\",\"timestamp\":1583127900000},"
                + "{\"symbol\":\"BTCUSDT\",\"sumOpenInterest\":\"20401.36\",\"sumOpenInterestValue\":\"\","
                + "\"timestamp\":1583128200000},"
                + "{\"symbol\":\"ETHUSDT\",\"sumOpenInterest\":\"1\",\"sumOpenInterestValue\":\"2\","
                + "\"timestamp\":1583128200000}]", ReadOptions.none().withSymbol(new Symbol("BTCUSDT")));
        assertClean(ps);
        OpenInterestSeries oi = onlyOi(ps);
        assertArrayEquals(new long[] {1583127900000L, 1583128200000L}, oi.times());
        assertEquals(20403.637, oi.sumOpenInterest(0));
        assertTrue(Double.isNaN(oi.sumOpenInterestValue(1)), "an empty value is unknown, not zero");
        assertTrue(only(ps.warnings()).contains("1 row of ETHUSDT skipped"), ps.warnings().toString());
    }

    @Test
    void openInterestHistJson_withANonNumber_isARowRejection() {
        ParsedSource ps = read("oi.json", "[{\"symbol\":\"BTCUSDT\",\"sumOpenInterest\":\"abc\","
                + "\"sumOpenInterestValue\":\"1\",\"timestamp\":1583127900000}]");
        assertEquals("oi.json:1: element [0]: sumOpenInterest 'abc' is not a number", only(ps.rejected()));
    }
}
