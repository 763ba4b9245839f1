package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The real files of {@code ../shared/data/binance}, with the figures documented in its SOURCES.md.
 * Skipped when the data is absent (see {@link SharedData}).
 */
class RealDataTest {
    static final long H = 3_600_000L;

    static ParsedSource clean(Path file) {
        ParsedSource ps = BinanceReader.read(file);
        assertTrue(ps.rejected().isEmpty(), () -> file + ": " + ps.rejected().stream().limit(5).toList());
        return ps;
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static FundingSeries funding(String relative) {
        ParsedSource ps = clean(SharedData.file(relative));
        assertEquals(1, ps.funding().size(), ps::toString);
        return ps.funding().get(0);
    }

    @Test
    void btcPerp1h_has58623Bars_andWarnsAboutTwoLeadingPlaceholderCandles() {
        ParsedSource ps = clean(SharedData.file("klines/1h/futures/BTCUSDT.csv.gz"));
        BarSeries s = ps.bars().get(0);
        assertEquals(58_623, s.size());
        assertEquals(58_623, ps.rowsRead());
        assertEquals(Symbol.of("BTCUSDT"), s.symbol());
        assertEquals(Market.PERP, s.market());
        assertEquals(BarInterval.H1, s.interval());
        assertEquals(ms("2019-09-08T17:00:00Z"), s.openTimeMs(0));
        assertEquals(ms("2026-05-17T07:00:00Z"), s.openTimeMs(s.size() - 1));
        assertEquals(0, s.gaps());
        Rejection w = ps.warnings().get(0);
        assertEquals(2, w.line());
        assertTrue(w.reason().startsWith("2 leading placeholder candles"), w.reason());
        assertEquals(1, ps.warnings().size(), () -> ps.warnings().toString());
        assertEquals(64, ps.sha256().length());
    }

    @Test
    void solEmanuelgoldman_convertsLocalOffsetsToAGapFreeUtcSeries() {
        ParsedSource ps = clean(SharedData.file("klines/1h/futures/SOLUSDT.part-emanuelgoldman.csv.gz"));
        BarSeries s = ps.bars().get(0);
        assertEquals(31_973, s.size());
        assertEquals(ms("2020-10-23T08:00:00Z"), s.openTimeMs(0));
        assertEquals(ms("2024-06-16T12:00:00Z"), s.openTimeMs(s.size() - 1));
        assertEquals(0, s.gaps());
        assertEquals(0, s.missingBars());
        assertEquals(1.9376, s.close(0));
    }

    @Test
    void btcFunding_has7323EightHourSettlements_fromSeptember2019() {
        FundingSeries f = funding("funding/BTCUSDT.csv.gz");
        assertEquals(7_323, f.size());
        assertEquals(ms("2019-09-10T08:00:00Z"), f.timeMs(0));
        assertEquals(ms("2026-05-17T00:00:00Z"), f.timeMs(f.size() - 1));
        for (int i = 0; i < f.size(); i++) {
            assertEquals(8 * H, f.intervalMs(i), "interval at " + Instant.ofEpochMilli(f.timeMs(i)));
            if (i > 0) {
                assertEquals(8 * H, f.timeMs(i) - f.timeMs(i - 1), "complete: no missing settlement");
            }
        }
    }

    @Test
    void zushenMultiFile_holds36Symbols_includingUsdcPerps_andSomeOn4hIntervals() {
        ParsedSource ps = clean(SharedData.file("funding/multi/binance_funding_2025-08_2026-08.zushen168.csv.gz"));
        assertEquals(46_726, ps.rowsRead());
        assertEquals(46_726, ps.rowsAccepted());
        Map<String, FundingSeries> bySymbol = new TreeMap<>();
        ps.funding().forEach(f -> bySymbol.put(f.symbol().name(), f));
        assertEquals(36, bySymbol.size());
        assertTrue(bySymbol.containsKey("BTCUSDC") && bySymbol.containsKey("BTCUSDT"));
        List<String> fourHourly = new ArrayList<>();
        for (FundingSeries f : bySymbol.values()) {
            boolean has4h = false;
            for (long iv : f.intervals()) {
                has4h |= iv == 4 * H;
            }
            if (has4h) {
                fourHourly.add(f.symbol().name());
            }
        }
        assertEquals(List.of("ORDIUSDC", "ORDIUSDT", "TIAUSDC", "TIAUSDT", "TONUSDT", "WIFUSDC", "WIFUSDT"), fourHourly);
        // ORDIUSDT is on 4 h throughout except one settlement the source marks 8 h, after an 8 h spacing.
        FundingSeries ordi = bySymbol.get("ORDIUSDT");
        assertEquals(4 * H, ordi.intervalMs(0));
        int eight = ordi.lowerBound(ms("2026-06-24T08:00:00Z"));
        assertEquals(ms("2026-06-24T08:00:00Z"), ordi.timeMs(eight), "jitter .005 rounded to the minute");
        assertEquals(8 * H, ordi.intervalMs(eight));
        assertEquals(8 * H, ordi.timeMs(eight) - ordi.timeMs(eight - 1));
        assertEquals(1, java.util.Arrays.stream(ordi.intervals()).filter(iv -> iv == 8 * H).count());
        assertEquals(1_095, bySymbol.get("BTCUSDT").size());
    }

    @Test
    void crosscheckBtcFunding_fromElvisTvAndYuchengzhang_equalsRoshanOnEveryOverlappingSettlement() {
        FundingSeries roshan = funding("funding/BTCUSDT.csv.gz");
        FundingSeries elvis = funding("crosscheck/funding/BTCUSDT.elvistv.csv.gz");
        FundingSeries yucheng = funding("crosscheck/funding/BTC.yuchengzhang966.json.gz");
        assertEquals(Symbol.of("BTCUSDT"), yucheng.symbol());
        // SOURCES.md: 5,478 and 4,377 settlements compared, identical rates.
        assertEquals(5_478, assertSameRates(roshan, elvis));
        assertEquals(4_377, assertSameRates(roshan, yucheng));
    }

    /** Asserts equal rates wherever both series settle at the same (minute-rounded) time; returns the overlap. */
    static int assertSameRates(FundingSeries a, FundingSeries b) {
        int overlap = 0;
        for (int j = 0; j < b.size(); j++) {
            int i = java.util.Arrays.binarySearch(a.times(), b.timeMs(j));
            if (i >= 0) {
                overlap++;
                assertEquals(a.rate(i), b.rate(j), 0.0, "rate at " + Instant.ofEpochMilli(b.timeMs(j)));
            }
        }
        return overlap;
    }

    @Test
    void dataTree_listsTheSupportedFiles_andExplainsTheRest() throws IOException {
        Path root = SharedData.binance();
        DataTree.Listing l = DataTree.scan(root);
        List<String> files = l.files().stream().map(p -> root.relativize(p).toString()).toList();
        assertTrue(files.contains("crosscheck/funding/BTCUSDT.elvistv.csv.gz"));
        assertTrue(files.contains("crosscheck/funding/BTC.yuchengzhang966.json.gz"));
        assertTrue(files.contains("funding/multi/binance_funding_2025-08_2026-08.zushen168.csv.gz"));
        assertTrue(files.contains("micro/bookDepth/BTCUSDT.MrNtex.csv.gz"));
        assertTrue(files.contains("open_interest/4h/BTCUSDT.gravestone.csv.gz"));
        assertTrue(files.stream().noneMatch(f -> f.endsWith(".md")));
        List<String> skipped = l.skipped().stream().map(s -> root.relativize(s.path()).toString()).toList();
        assertTrue(skipped.contains("crosscheck/8h_spot_perp_funding_btc_eth_binance_bybit_okx.AHA-HH.csv.gz"));
        assertEquals(files.stream().sorted().toList(), files, "stable, sorted order");
    }

    @Test
    void whole1hKlineAndFundingTrees_readWithZeroRejectedRows() throws IOException {
        Path root = SharedData.binance();
        List<Path> files = new ArrayList<>(DataTree.files(root.resolve("klines/1h")));
        files.addAll(DataTree.files(root.resolve("funding")));
        files.addAll(DataTree.files(root.resolve("crosscheck/funding")));
        long rows = 0;
        long bytes = 0;
        long[] nanos = new long[2];
        long[] cpu = new long[2];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 2; pass++) {
            rows = 0;
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (Path f : files) {
                ParsedSource ps = BinanceReader.read(f);
                assertTrue(ps.rejected().isEmpty(), () -> f + ": " + ps.rejected().stream().limit(5).toList());
                assertEquals(ps.rowsRead(), ps.rowsAccepted());
                rows += ps.rowsRead();
                if (pass == 0) {
                    bytes += f.toFile().length();
                }
            }
            nanos[pass] = System.nanoTime() - t0;
            cpu[pass] = threads.getCurrentThreadCpuTime() - c0;
        }
        assertTrue(rows > 1_400_000, "rows " + rows);
        // Printed, not asserted: speed lives in bench (CONVENTIONS). The machine is shared, so the thread's
        // CPU time is printed beside wall time: it does not count time spent waiting for a core.
        System.out.printf("[binance read throughput] %d files, %.1f MB gzip, %,d rows, one thread: cold %.2f s wall "
                + "(%,.0f rows/s), %.2f s cpu (%,.0f rows/s); warm %.2f s wall (%,.0f rows/s), %.2f s cpu (%,.0f rows/s)%n",
                files.size(), bytes / 1e6, rows, nanos[0] / 1e9, rows / (nanos[0] / 1e9), cpu[0] / 1e9,
                rows / (cpu[0] / 1e9), nanos[1] / 1e9, rows / (nanos[1] / 1e9), cpu[1] / 1e9, rows / (cpu[1] / 1e9));
    }
}
