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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per supported layout, on small inline samples shaped like the real files (header, quirks),
 * read through {@link BinanceReader#read(String, byte[], ReadOptions)} with a path-like source name so
 * that path inference is exercised too.
 */
class FormatsTest {
    static final long H = 3_600_000L;

    static ParsedSource read(String source, String content) {
        return read(source, content, ReadOptions.none());
    }

    static ParsedSource read(String source, String content, ReadOptions options) {
        return BinanceReader.read(source, content.getBytes(StandardCharsets.UTF_8), options);
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static FundingSeries onlyFunding(ParsedSource ps) {
        assertEquals(1, ps.funding().size(), () -> "funding: " + ps.funding() + ", rejected " + ps.rejected());
        assertTrue(ps.bars().isEmpty());
        return ps.funding().get(0);
    }

    static BarSeries onlyBars(ParsedSource ps) {
        assertEquals(1, ps.bars().size(), () -> "bars: " + ps.bars() + ", rejected " + ps.rejected());
        assertTrue(ps.funding().isEmpty());
        return ps.bars().get(0);
    }

    static void assertClean(ParsedSource ps) {
        assertTrue(ps.rejected().isEmpty(), () -> "unexpected rejections " + ps.rejected());
    }

    static String only(List<Rejection> list) {
        assertEquals(1, list.size(), list::toString);
        return list.get(0).toString();
    }

    @Test
    void freqtradeFunding_takesTheRateFromOpen_andDerives8hIntervals() {
        ParsedSource ps = read("data/binance/funding/BTCUSDT.csv.gz", """
                open_time_ms,date,open,high,low,close,volume
                1568102400000,2019-09-10T08:00:00Z,0.0001,0,0,0,0
                1568131200000,2019-09-10T16:00:00Z,0.0001,0,0,0,0
                1568160000000,2019-09-11T00:00:00Z,-0.00013,0,0,0,0
                """);
        assertClean(ps);
        FundingSeries f = onlyFunding(ps);
        assertEquals(Symbol.of("BTCUSDT"), f.symbol());
        assertArrayEquals(new double[] {0.0001, 0.0001, -0.00013}, f.rates());
        assertArrayEquals(new long[] {8 * H, 8 * H, 8 * H}, f.intervals());
        assertTrue(Double.isNaN(f.markPrice(0)));
    }

    @Test
    void freqtradeFundingRow_withNonZeroPrices_isRejected() {
        ParsedSource ps = read("funding/BTCUSDT.csv", """
                open_time_ms,date,open,high,low,close,volume
                1568102400000,2019-09-10T08:00:00Z,0.0001,0,0,0,0
                1568131200000,2019-09-10T16:00:00Z,10344.77,10357.53,10337.43,10340.12,471.659
                """);
        assertTrue(only(ps.rejected()).endsWith("funding/BTCUSDT.csv:3: high '10357.53' is not 0: in a freqtrade "
                + "funding file only open carries the rate (is this a klines file under funding/?)"), ps.rejected().toString());
        assertEquals(1, onlyFunding(ps).size());
    }

    @Test
    void freqtradeCsvOutsideTheTree_isFundingWhenPricesAreZero_elseKlines() {
        String funding = """
                open_time_ms,date,open,high,low,close,volume
                1568102400000,2019-09-10T08:00:00Z,0.0001,0,0,0,0
                """;
        assertEquals(1, onlyFunding(read("BTCUSDT.csv", funding)).size());
        assertEquals(1, onlyFunding(read("BTCUSDT.csv", funding, ReadOptions.none().withMarket(Market.PERP))).size(),
                "a market option does not turn funding into klines");
        String klines = """
                open_time_ms,date,open,high,low,close,volume
                1567969200000,2019-09-08T19:00:00Z,10344.77,10357.53,10337.43,10340.12,471.659
                """;
        assertTrue(only(read("BTCUSDT.csv", klines).rejected()).contains("market unknown: pass --market"));
        BarSeries s = onlyBars(read("BTCUSDT.csv", klines,
                ReadOptions.none().withMarket(Market.PERP).withInterval(BarInterval.H1)));
        assertEquals(10340.12, s.close(0));
    }

    @Test
    void freqtradeKlines_inTheDataTree_takeSymbolMarketIntervalFromThePath() {
        ParsedSource ps = read("shared/data/binance/klines/5m/spot/ETHUSDT.part-harthor.csv.gz", """
                open_time_ms,date,open,high,low,close,volume
                1735603200000,2024-12-31T00:00:00Z,3358.52,3361.2,3355.01,3360.0,120.5
                1735603500000,2024-12-31T00:05:00Z,3360.0,3362.0,3359.1,3361.5,80.25
                """);
        assertClean(ps);
        BarSeries s = onlyBars(ps);
        assertEquals(Symbol.of("ETHUSDT"), s.symbol());
        assertEquals(Market.SPOT, s.market());
        assertEquals(BarInterval.M5, s.interval());
    }

    @Test
    void emanuelgoldman_parsesLocalTimesWithOffsetsToUtc_acrossTheDstChange() {
        ParsedSource ps = read("klines/1h/futures/SOLUSDT.part-emanuelgoldman.csv.gz", """
                open_time,open,high,low,close,volume,close_time,returns
                2020-10-25 00:00:00+03:00,1.9113,1.9125,1.88,1.8904,187280.0,2020-10-25 00:59:59.999000+03:00,-0.0109349657301313
                2020-10-25 01:00:00+03:00,1.8913,1.9098,1.8836,1.9079,210191.0,2020-10-25 01:59:59.999000+03:00,0.009257300042319
                2020-10-25 01:00:00+02:00,1.9079,1.9203,1.9055,1.9196,124471.0,2020-10-25 01:59:59.999000+02:00,0.0061323968761466
                2020-10-25 02:00:00+02:00,1.9179,1.9204,1.8953,1.9133,183143.0,2020-10-25 02:59:59.999000+02:00,-0.003281933736195
                """);
        assertClean(ps);
        BarSeries s = onlyBars(ps);
        assertArrayEquals(new long[] {ms("2020-10-24T21:00:00Z"), ms("2020-10-24T22:00:00Z"), ms("2020-10-24T23:00:00Z"),
            ms("2020-10-25T00:00:00Z")}, s.openTimes());
        assertEquals(0, s.gaps());
        assertEquals(Market.PERP, s.market());
    }

    @Test
    void emanuelgoldman_timeWithoutOffset_isRejectedAsAmbiguous() {
        ParsedSource ps = read("klines/1h/futures/SOLUSDT.part-emanuelgoldman.csv.gz", """
                open_time,open,high,low,close,volume,close_time,returns
                2020-10-25 00:00:00+03:00,1.9113,1.9125,1.88,1.8904,187280.0,2020-10-25 00:59:59.999000+03:00,-0.01
                2020-10-25 01:00:00,1.8913,1.9098,1.8836,1.9079,210191.0,2020-10-25 01:59:59.999000,0.009
                """);
        assertTrue(only(ps.rejected()).endsWith(":3: open_time '2020-10-25 01:00:00' has no UTC offset: local time is ambiguous"));
        assertEquals(1, onlyBars(ps).size());
    }

    @Test
    void tjf_readsMillisecondOpenTimes() {
        ParsedSource ps = read("klines/1h/futures/BNBUSDT.part-tjf.csv.gz", """
                timestamp,datetime,open,high,low,close,volume
                1583020800000,2020-03-01 00:00:00,19.25,19.609,19.21,19.322,79332.51
                1583024400000,2020-03-01 01:00:00,19.322,19.618,19.156,19.605,77153.82
                """);
        assertClean(ps);
        BarSeries s = onlyBars(ps);
        assertEquals(Symbol.of("BNBUSDT"), s.symbol());
        assertEquals(ms("2020-03-01T01:00:00Z"), s.openTimeMs(1));
        assertEquals(19.605, s.close(1));
    }

    @Test
    void zushen_splitsSymbols_keepsUsdc_takesIntervalsFromTheRows_andSkipsPredictedRates() {
        ParsedSource ps = read("funding/multi/binance_funding_2025-08_2026-08.zushen168.csv.gz", """
                venue_symbol,funding_time_ms,funding_time_utc,rate_raw,interval_hours,mark_price,contract_type,is_predicted,canonical_symbol
                ARBUSDC,1755763200000,2025-08-21T08:00:00.000Z,0.0001,8.0,0.5046,linear,false,ARB-USDC-PERP
                ARBUSDC,1755792000003,2025-08-21T16:00:00.003Z,0.0001,8.0,0.4883,linear,false,ARB-USDC-PERP
                ORDIUSDT,1755763200000,2025-08-21T08:00:00.000Z,3.104e-05,8.0,8.942,linear,false,ORDI-USDT-PERP
                ORDIUSDT,1755777600009,2025-08-21T12:00:00.009Z,2.731e-05,4.0,8.8417404,linear,false,ORDI-USDT-PERP
                ORDIUSDT,1755792000003,2025-08-21T16:00:00.003Z,-3.224e-05,4.0,8.709,linear,true,ORDI-USDT-PERP
                """);
        assertClean(ps);
        assertEquals(2, ps.funding().size());
        FundingSeries arb = ps.funding().get(0);
        FundingSeries ordi = ps.funding().get(1);
        assertEquals(Symbol.of("ARBUSDC"), arb.symbol());
        assertEquals(Symbol.of("ORDIUSDT"), ordi.symbol());
        assertArrayEquals(new long[] {ms("2025-08-21T08:00:00Z"), ms("2025-08-21T16:00:00Z")}, arb.times(),
                "ms jitter rounded to the minute");
        assertArrayEquals(new long[] {8 * H, 4 * H}, ordi.intervals());
        assertEquals(8.8417404, ordi.markPrice(1));
        assertEquals(2, ordi.size());
        assertTrue(only(ps.warnings()).endsWith(":6: is_predicted 'true': a predicted rate, not a settlement; skipped"));
        assertEquals(4, ps.rowsRead());
    }

    @Test
    void zushen_withARequestedSymbol_keepsOnlyIt_andReportsTheOthers() {
        ParsedSource ps = read("funding/multi/z.csv", """
                venue_symbol,funding_time_ms,funding_time_utc,rate_raw,interval_hours,mark_price,contract_type,is_predicted,canonical_symbol
                ARBUSDC,1755763200000,2025-08-21T08:00:00.000Z,0.0001,8.0,0.5046,linear,false,ARB-USDC-PERP
                ARBUSDC,1755792000003,2025-08-21T16:00:00.003Z,0.0001,8.0,0.4883,linear,false,ARB-USDC-PERP
                ORDIUSDT,1755763200000,2025-08-21T08:00:00.000Z,3.104e-05,8.0,8.942,linear,false,ORDI-USDT-PERP
                """, ReadOptions.none().withSymbol(Symbol.of("ORDIUSDT")));
        assertEquals(Symbol.of("ORDIUSDT"), onlyFunding(ps).symbol());
        assertTrue(only(ps.warnings()).endsWith(":2: 2 rows of ARBUSDC skipped (first here): the read was limited to ORDIUSDT"));
    }

    @Test
    void elvisTv_readsOffsetTimes_roundsJitter_andEmptyMarkIsNaN() {
        ParsedSource ps = read("crosscheck/funding/BTCUSDT.elvistv.csv.gz", """
                timestamp,funding_rate,mark_price
                2021-05-01 00:00:00.002000+00:00,0.00011209,
                2021-05-01 08:00:00.006000+00:00,0.00010000,
                2023-10-31 08:00:00+00:00,0.00010000,34149.46365245
                """);
        assertClean(ps);
        FundingSeries f = onlyFunding(ps);
        assertEquals(Symbol.of("BTCUSDT"), f.symbol());
        assertEquals(ms("2021-05-01T00:00:00Z"), f.timeMs(0));
        assertEquals(ms("2021-05-01T08:00:00Z"), f.timeMs(1));
        assertTrue(Double.isNaN(f.markPrice(0)));
        assertEquals(34149.46365245, f.markPrice(2));
        assertArrayEquals(new long[] {8 * H, 8 * H, 8 * H}, f.intervals(), "the gap keeps the previous interval");
    }

    @Test
    void archiveFunding_takesTheIntervalFromFundingIntervalHours() {
        ParsedSource ps = read("futures/um/monthly/fundingRate/ORDIUSDT/ORDIUSDT-fundingRate-2025-08.csv", """
                calc_time,funding_interval_hours,last_funding_rate
                1755763200000,8,0.00003104
                1755777600009,4,0.00002731
                1755792000003,4,-0.00003224
                """);
        assertClean(ps);
        FundingSeries f = onlyFunding(ps);
        assertEquals(Symbol.of("ORDIUSDT"), f.symbol());
        assertArrayEquals(new long[] {8 * H, 4 * H, 4 * H}, f.intervals());
    }

    @Test
    void fundingIntervals_followTheSpacing_theLastIntervalAcrossGaps_andTheNextSpacingForTheFirstRow() {
        // Settlements 00, 04, 08, 16, 20, then a 12 h gap to 08:00 next day, then 12:00.
        String rows = "2024-01-01T00:00:00Z 2024-01-01T04:00:00Z 2024-01-01T08:00:00Z 2024-01-01T16:00:00Z "
                + "2024-01-01T20:00:00Z 2024-01-02T08:00:00Z 2024-01-02T12:00:00Z";
        StringBuilder csv = new StringBuilder("open_time_ms,date,open,high,low,close,volume\n");
        for (String t : rows.split(" ")) {
            csv.append(ms(t)).append(',').append(t).append(",0.0001,0,0,0,0\n");
        }
        FundingSeries f = onlyFunding(read("funding/XUSDT.csv", csv.toString()));
        assertArrayEquals(new long[] {4 * H, 4 * H, 4 * H, 8 * H, 4 * H, 4 * H, 4 * H}, f.intervals());
        FundingSeries single = onlyFunding(read("funding/XUSDT.csv",
                "open_time_ms,date,open,high,low,close,volume\n1704067200000,x,0.0001,0,0,0,0\n"));
        assertArrayEquals(new long[] {8 * H}, single.intervals(), "8 h when nothing else applies");
    }

    @Test
    void fundingRowsOnTheSameMinute_areDuplicates() {
        ParsedSource ps = read("crosscheck/funding/BTCUSDT.x.csv", """
                timestamp,funding_rate,mark_price
                2021-05-01 00:00:00.002000+00:00,0.00011209,
                2021-05-01 00:00:29.000000+00:00,0.00011209,
                2021-05-01 08:00:00+00:00,0.0001,
                """);
        assertTrue(only(ps.rejected()).endsWith(
                ":3: duplicate funding time 2021-05-01T00:00:00Z (rounded to the minute; first at line 2)"));
        assertEquals(2, onlyFunding(ps).size());
    }

    @Test
    void restFundingJson_readsStringsAndEmptyMarkPrice_andDerivesIntervals() {
        ParsedSource ps = read("rest/fundingRate-BTCUSDT.json", "[{\"symbol\":\"BTCUSDT\",\"fundingTime\":1704067200002,"
                + "\"fundingRate\":\"0.00010000\",\"markPrice\":\"\"},{\"symbol\":\"BTCUSDT\",\"fundingTime\":1704096000000,"
                + "\"fundingRate\":\"0.00037409\",\"markPrice\":\"42283.50000000\"},{\"symbol\":\"BTCUSDT\","
                + "\"fundingTime\":1704110400001,\"fundingRate\":\"x\",\"markPrice\":\"\"},{\"symbol\":\"BTCUSDT\","
                + "\"fundingTime\":1704110400001,\"fundingRate\":\"-0.0002\",\"markPrice\":\"42000.1\"}]");
        assertEquals("rest/fundingRate-BTCUSDT.json:1: element [2]: fundingRate 'x' is not a number", only(ps.rejected()));
        FundingSeries f = onlyFunding(ps);
        assertArrayEquals(new long[] {ms("2024-01-01T00:00:00Z"), ms("2024-01-01T08:00:00Z"), ms("2024-01-01T12:00:00Z")},
                f.times());
        assertArrayEquals(new long[] {8 * H, 8 * H, 4 * H}, f.intervals());
        assertTrue(Double.isNaN(f.markPrice(0)));
        assertEquals(42283.5, f.markPrice(1));
        assertEquals(4, ps.rowsRead());
    }

    @Test
    void restKlinesJson_takesTheIntervalFromCloseTime() {
        String json = "[[1704067200000,\"42283.58\",\"42554.57\",\"42261.02\",\"42475.23\",\"1271.68108\",1704070799999,"
                + "\"53771228.68\",40000,\"635.84\",\"26885614.34\",\"0\"],"
                + "[1704070800000,\"42475.23\",\"42775.00\",\"42431.65\",\"42613.56\",\"1196.37856\",1704074399999,"
                + "\"50816454.50\",40017,\"598.18\",\"25408227.25\",\"0\"]]";
        BarSeries s = onlyBars(read("BTCUSDT-klines.json", json, ReadOptions.none().withMarket(Market.PERP)));
        assertEquals(BarInterval.H1, s.interval());
        assertEquals(Symbol.of("BTCUSDT"), s.symbol());
        assertEquals(42613.56, s.close(1));
        ParsedSource wrong = read("BTCUSDT-klines.json", json,
                ReadOptions.none().withMarket(Market.PERP).withInterval(BarInterval.M5));
        assertTrue(only(wrong.rejected()).contains("interval 5m (from --interval) disagrees with element [0]"));
        assertTrue(wrong.bars().isEmpty());
    }

    @Test
    void restKlinesJson_withAShortRow_rejectsIt() {
        String json = "[[1704067200000,\"42283.58\",\"42554.57\",\"42261.02\",\"42475.23\",\"1271.68108\"],"
                + "[1704070800000,\"42475.23\",\"42775.00\",\"42431.65\",\"42613.56\",\"1196.37856\",1704074399999,"
                + "\"50816454.50\",40017,\"598.18\",\"25408227.25\",\"0\"]]";
        ParsedSource ps = read("BTCUSDT.json", json, BadInputFixturesTest.BTC_PERP_1H);
        assertEquals("BTCUSDT.json:1: element [0]: expected 12 fields, found 6", only(ps.rejected()));
        assertEquals(1, onlyBars(ps).size());
    }

    @Test
    void yuchengzhangJson_namesTheSymbolByCoin_andRoundsJitter() {
        ParsedSource ps = read("crosscheck/funding/BTC.yuchengzhang966.json", """
                [
                  {
                    "coin": "BTC",
                    "funding_rate": "0.00010000",
                    "time": 1640995200006
                  },
                  {
                    "coin": "BTC",
                    "funding_rate": "-0.00002500",
                    "time": 1641024000009
                  }
                ]
                """);
        assertClean(ps);
        FundingSeries f = onlyFunding(ps);
        assertEquals(Symbol.of("BTCUSDT"), f.symbol());
        assertArrayEquals(new long[] {ms("2022-01-01T00:00:00Z"), ms("2022-01-01T08:00:00Z")}, f.times());
        assertArrayEquals(new double[] {0.0001, -0.000025}, f.rates());
    }

    @Test
    void binanceErrorPayload_faultsTheFileWithBinancesMessage() {
        ParsedSource ps = read("https://fapi.binance.com/fapi/v1/fundingRate?symbol=NOPE",
                "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        assertTrue(only(ps.rejected()).endsWith("Binance error payload: code -1121: Invalid symbol."));
        assertEquals(0, ps.rejected().get(0).line());
    }

    @Test
    void truncatedJson_faultsTheFile() {
        ParsedSource ps = read("rest/fundingRate.json", "[{\"symbol\":\"BTCUSDT\",\"fundingTime\":1704067200002,");
        assertTrue(only(ps.rejected()).contains("malformed or truncated JSON"), ps.rejected().toString());
        assertTrue(ps.funding().isEmpty());
    }

    @Test
    void gzippedJson_isRead() throws Exception {
        byte[] gz = ArchiveFixtures.gzip(("[{\"coin\":\"ETH\",\"funding_rate\":\"0.0001\",\"time\":1640995200006}]")
                .getBytes(StandardCharsets.UTF_8));
        ParsedSource ps = BinanceReader.read("crosscheck/funding/ETH.yuchengzhang966.json.gz", gz, ReadOptions.none());
        assertEquals(Symbol.of("ETHUSDT"), onlyFunding(ps).symbol());
        assertEquals(ArchiveFixtures.sha256(gz), ps.sha256());
    }

    @Test
    void archiveKlineName_withAMonthInterval_isNotReadAsMinutes() {
        ParsedSource ps = read("spot/monthly/klines/BTCUSDT/1M/BTCUSDT-1M-2024-01.csv", """
                1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68108,1706745599999,1,1,1,1,0
                """);
        assertTrue(only(ps.rejected()).contains("interval '1M' is not supported"), ps.rejected().toString());
    }

    @Test
    void coinMarginedArchive_isRefused() {
        ParsedSource ps = read("futures/cm/monthly/klines/BTCUSD/1h/BTCUSD-1h-2024-01.csv", """
                1704067200000,42283.5,42554.5,42261.0,42475.2,1271,1704070799999,1,1,1,1,0
                """);
        assertTrue(only(ps.rejected()).contains("COIN-M futures (futures/cm) are not supported"));
    }

    @Test
    void intervalFromThePath_disagreeingWithCloseTime_faultsTheFile() {
        ParsedSource ps = read("futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.csv", """
                1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68108,1704067499999,1,1,1,1,0
                """);
        assertTrue(only(ps.rejected()).contains("interval 1h (from the path) disagrees with line 1: close_time − open_time"
                + " + 1 ms = PT5M"), ps.rejected().toString());
    }

    @Test
    void headerOnlyFile_yieldsNoSeries_andAWarning() {
        ParsedSource ps = read("futures/um/daily/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01-01.csv",
                "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                        + "taker_buy_quote_volume,ignore\n");
        assertClean(ps);
        assertTrue(ps.bars().isEmpty());
        assertTrue(only(ps.warnings()).contains(":1: no data rows (Binance archive klines header only)"));
    }

    @Test
    void byteOrderMarkQuotesAndCrlf_areHandled() {
        String csv = "\uFEFF\"calc_time\",\"funding_interval_hours\",\"last_funding_rate\"\r\n"
                + "\"1704067200000\",\"8\",\"0.0001\"\r\n\r\n1704096000000,8,0.0002\r\n";
        ParsedSource ps = read("BTCUSDT-fundingRate-2024-01.csv", csv);
        assertClean(ps);
        assertArrayEquals(new double[] {0.0001, 0.0002}, onlyFunding(ps).rates());
    }

    @Test
    void symbolUnknown_faultsTheFile() {
        ParsedSource ps = read("rates.csv", """
                calc_time,funding_interval_hours,last_funding_rate
                1704067200000,8,0.0001
                """);
        assertTrue(only(ps.rejected()).contains("symbol unknown: pass --symbol"));
        assertEquals(1, onlyFunding(read("rates.csv", """
                calc_time,funding_interval_hours,last_funding_rate
                1704067200000,8,0.0001
                """, ReadOptions.none().withSymbol(Symbol.of("BTCUSDT")))).size());
    }

    @Test
    void fundingFileUnderFunding_staysFunding_whenAMarketIsGivenForAFolderIngest() {
        ParsedSource ps = read("funding/BTCUSDT.csv", """
                open_time_ms,date,open,high,low,close,volume
                1568102400000,2019-09-10T08:00:00Z,0.0001,0,0,0,0
                """, ReadOptions.none().withMarket(Market.SPOT).withInterval(BarInterval.H1));
        assertClean(ps);
        assertEquals(1, onlyFunding(ps).size());
    }

    @Test
    void negativeVolume_isRejected() {
        ParsedSource ps = read("klines/1h/spot/BTCUSDT.csv", """
                open_time_ms,date,open,high,low,close,volume
                1514764800000,2018-01-01T00:00:00Z,13715.65,13818.55,13630.0,13800.0,-1.5
                1514768400000,2018-01-01T01:00:00Z,13800.0,13820.0,13700.0,13750.0,2.5
                """);
        assertEquals("klines/1h/spot/BTCUSDT.csv:2: volume '-1.5' is negative", only(ps.rejected()));
        assertEquals(1, onlyBars(ps).size());
    }

    @Test
    void nonNumericFundingRate_isRejected_andTheOtherRowsKept() {
        ParsedSource ps = read("BTCUSDT-fundingRate-2024-01.csv", """
                calc_time,funding_interval_hours,last_funding_rate
                1704067200000,8,0.0001
                1704096000000,8,abc
                1704124800000,8,0.0002
                """);
        assertEquals("BTCUSDT-fundingRate-2024-01.csv:3: last_funding_rate 'abc' is not a number", only(ps.rejected()));
        assertArrayEquals(new double[] {0.0001, 0.0002}, onlyFunding(ps).rates());
        assertEquals(3, ps.rowsRead());
    }

    @Test
    void barsOffTheIntervalGrid_areRejected_soAWrongIntervalOverrideShows() {
        ParsedSource ps = read("klines/5m/spot/BTCUSDT.csv", """
                open_time_ms,date,open,high,low,close,volume
                1735603200000,2024-12-31T00:00:00Z,93000.0,93100.0,92900.0,93050.0,12.5
                1735603500000,2024-12-31T00:05:00Z,93050.0,93060.0,93000.0,93010.0,8.25
                """, ReadOptions.none().withInterval(BarInterval.H1));
        assertEquals("klines/5m/spot/BTCUSDT.csv:3: open_time_ms 2024-12-31T00:05:00Z is not on the 1h grid (wrong interval?)",
                only(ps.rejected()));
        assertEquals(BarInterval.H1, onlyBars(ps).interval());
    }
}
