package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static io.thermocarry.store.Fixtures.ETH;
import static io.thermocarry.store.Fixtures.H;
import static io.thermocarry.store.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreIngestTest {

    @Test
    void ingestingTheSameFileTwice_leavesEveryTableUnchanged_andCountsAllRowsAlreadyPresent() {
        try (Store store = Store.inMemory()) {
            ParsedSource src = Fixtures.source("perp-2024-01.csv", List.of(Fixtures.walk(BTC, Market.PERP, 100, 1)),
                    List.of(Fixtures.funding(BTC, 12, 8)));
            IngestReport first = store.ingest(src);
            assertEquals(IngestOutcome.INGESTED, first.outcome());
            assertEquals(112, first.rowsAccepted());
            assertEquals(0, first.rowsAlreadyPresent());
            List<String> before = Fixtures.dump(store);

            IngestReport second = store.ingest(src);

            assertEquals(IngestOutcome.ALREADY_INGESTED, second.outcome());
            assertEquals(0, second.rowsAccepted());
            assertEquals(112, second.rowsAlreadyPresent());
            assertEquals(before, Fixtures.dump(store));
            assertEquals(1, store.info().files().size());
        }
    }

    @Test
    void sameValuesUnderAnotherFileName_areAllAlreadyPresent_andNothingButTheFileRecordChanges() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.SPOT, 50, 2);
            store.ingest(Fixtures.bars("a.csv", s));
            List<String> barsBefore = store.sqlForTests("SELECT * FROM bars ORDER BY ALL").stream()
                    .map(Object::toString).toList();

            IngestReport r = store.ingest(Fixtures.bars("copy-of-a.csv", s));

            assertEquals(IngestOutcome.INGESTED, r.outcome());
            assertEquals(0, r.rowsAccepted());
            assertEquals(50, r.rowsAlreadyPresent());
            assertEquals(0, r.conflicts());
            assertEquals(barsBefore, store.sqlForTests("SELECT * FROM bars ORDER BY ALL").stream()
                    .map(Object::toString).toList());
        }
    }

    @Test
    void overlappingPartFiles_withEqualValues_mergeWithZeroConflicts() {
        try (Store store = Store.inMemory()) {
            BarSeries whole = Fixtures.walk(BTC, Market.PERP, 150, 3);
            FundingSeries fWhole = Fixtures.funding(BTC, 30, 8);

            IngestReport a = store.ingest(Fixtures.source("part-a", List.of(whole.sliceIndex(0, 100)),
                    List.of(fWhole.slice(Long.MIN_VALUE, T0 + 20 * 8 * H))));
            IngestReport b = store.ingest(Fixtures.source("part-b", List.of(whole.sliceIndex(50, 150)),
                    List.of(fWhole.slice(T0 + 10 * 8 * H, Long.MAX_VALUE))));

            assertEquals(100 + 20, a.rowsAccepted());
            assertEquals(50 + 10, b.rowsAccepted());
            assertEquals(50 + 10, b.rowsAlreadyPresent());
            assertEquals(0, b.conflicts());
            BarSeries back = store.bars(BTC, Market.PERP, BarInterval.H1, null, null);
            assertArrayEquals(whole.openTimes(), back.openTimes());
            assertArrayEquals(whole.closes(), back.closes());
            assertArrayEquals(whole.volumes(), back.volumes());
            assertArrayEquals(fWhole.rates(), store.funding(BTC, null, null).rates());
            assertEquals(0, store.info().conflicts());
            assertEquals(0, Fixtures.duplicateKeys(store));
        }
    }

    @Test
    void disagreeingBar_isReportedAsConflict_andTheStoredValueIsKept() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.PERP, 10, 4);
            store.ingest(Fixtures.bars("first.csv", s));
            BarSeries changed = Fixtures.withClose(s.sliceIndex(5, 10), 2, 12345.5);

            IngestReport r = store.ingest(Fixtures.bars("second.csv", changed));

            assertEquals(0, r.rowsAccepted());
            assertEquals(4, r.rowsAlreadyPresent());
            assertEquals(1, r.conflicts());
            assertEquals(1, r.conflictExamples().size());
            String example = r.conflictExamples().get(0);
            assertTrue(example.contains("2024-01-01T07:00:00Z"), example);
            assertTrue(example.contains("close=12345.5"), example);
            assertTrue(example.contains("close=" + s.close(7)), example);
            assertEquals(s.close(7), store.bars(BTC, Market.PERP, BarInterval.H1, null, null).close(7));
            List<List<Object>> c = store.sqlForTests(
                    "SELECT table_name, symbol, market, interval, time_ms, source_file FROM conflicts");
            assertEquals(List.of(List.of("bars", "BTCUSDT", "perp", "1h", T0 + 7 * H, "second.csv")), c);
        }
    }

    @Test
    void conflictingRows_doNotStopTheNewRowsOfTheSameFile() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.PERP, 20, 5);
            store.ingest(Fixtures.bars("first.csv", s.sliceIndex(0, 10)));
            BarSeries incoming = Fixtures.withClose(s.sliceIndex(8, 20), 0, 1.0);

            IngestReport r = store.ingest(Fixtures.bars("second.csv", incoming));

            assertEquals(10, r.rowsAccepted());
            assertEquals(1, r.rowsAlreadyPresent());
            assertEquals(1, r.conflicts());
            assertEquals(20, store.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
            assertEquals(s.close(8), store.bars(BTC, Market.PERP, BarInterval.H1, null, null).close(8));
        }
    }

    @Test
    void disagreeingFundingRate_isAConflict_andTheStoredRateIsKept() {
        try (Store store = Store.inMemory()) {
            FundingSeries f = Fixtures.funding(BTC, 3, 8);
            store.ingest(Fixtures.funding("rest.json", f));
            FundingSeries other = new FundingSeries(BTC, f.times(), new double[] {f.rate(0), 0.5, f.rate(2)},
                    f.intervals(), f.markPrices());

            IngestReport r = store.ingest(Fixtures.funding("archive.csv", other));

            assertEquals(1, r.conflicts());
            assertEquals(2, r.rowsAlreadyPresent());
            assertTrue(r.conflictExamples().get(0).contains("rate=0.5"), r.conflictExamples().get(0));
            assertEquals(f.rate(1), store.funding(BTC, null, null).rate(1));
            assertEquals(1L, store.sqlForTests("SELECT count(*) FROM conflicts WHERE table_name = 'funding'"
                    + " AND market IS NULL").get(0).get(0));
        }
    }

    @Test
    void reingestingAConflictingFileUnderAnotherName_recordsItsConflictsOnlyOncePerSource() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(ETH, Market.SPOT, 5, 6);
            store.ingest(Fixtures.bars("a.csv", s));
            BarSeries changed = Fixtures.withClose(s, 1, 1.0);
            store.ingest(Fixtures.bars("b.csv", changed));
            // Same path, new bytes (re-downloaded): same conflict from the same source is not recorded twice.
            store.ingest(new ParsedSource("b.csv", Fixtures.sha("b.csv v2"), 5, List.of(changed), List.of(),
                    List.of(), List.of()));
            assertEquals(1L, store.sqlForTests("SELECT count(*) FROM conflicts").get(0).get(0));
        }
    }

    @Test
    void refuseFile_withOneRejection_leavesTheStoreExactlyAsItWas() {
        try (Store store = Store.inMemory()) {
            store.ingest(Fixtures.bars("earlier.csv", Fixtures.walk(BTC, Market.PERP, 20, 7)));
            List<String> before = Fixtures.dump(store);
            ParsedSource bad = Fixtures.source("bad.csv", List.of(Fixtures.walk(BTC, Market.PERP, 40, 8)),
                    List.of(Fixtures.funding(BTC, 4, 8)), List.of(new Rejection("bad.csv", 17, "close 'x' is not a number")));

            IngestReport r = store.ingest(bad, RejectPolicy.REFUSE_FILE);

            assertTrue(r.refused());
            assertEquals(0, r.rowsAccepted());
            assertEquals(1, r.rowsRejected());
            assertEquals("bad.csv:17: close 'x' is not a number", r.rejected().get(0).toString());
            assertEquals(before, Fixtures.dump(store));
            assertTrue(store.ingest(bad).refused(), "refusing is the default policy");
            assertEquals(before, Fixtures.dump(store));
        }
    }

    @Test
    void keepGoodRows_ingestsTheGoodRows_andRecordsTheRejections() {
        try (Store store = Store.inMemory()) {
            List<Rejection> rej = List.of(new Rejection("mixed.csv", 3, "high < low"),
                    new Rejection("mixed.csv", 9, "duplicate open_time"));
            ParsedSource src = Fixtures.source("mixed.csv", List.of(Fixtures.walk(BTC, Market.SPOT, 30, 9)),
                    List.of(), rej);

            IngestReport r = store.ingest(src, RejectPolicy.KEEP_GOOD_ROWS);

            assertFalse(r.refused());
            assertEquals(30, r.rowsAccepted());
            assertEquals(2, r.rowsRejected());
            assertEquals(30, store.bars(BTC, Market.SPOT, BarInterval.H1, null, null).size());
            assertEquals(List.of(List.of("mixed.csv", 3L, "high < low", src.sha256()),
                    List.of("mixed.csv", 9L, "duplicate open_time", src.sha256())),
                    store.sqlForTests("SELECT * FROM rejected_rows ORDER BY line"));
            assertEquals(2L, store.info().rejectedRowsByFile().get("mixed.csv"));
            List<String> before = Fixtures.dump(store);
            assertTrue(store.ingest(src, RejectPolicy.KEEP_GOOD_ROWS).alreadyIngested());
            assertEquals(before, Fixtures.dump(store));
        }
    }

    @Test
    void sameBytesReadAsAnotherMarket_areNotMistakenForTheFileAlreadyIngested() {
        try (Store store = Store.inMemory()) {
            BarSeries asSpot = Fixtures.walk(BTC, Market.SPOT, 10, 10);
            BarSeries asPerp = new BarSeries(BTC, Market.PERP, BarInterval.H1, asSpot.openTimes(), asSpot.opens(),
                    asSpot.highs(), asSpot.lows(), asSpot.closes(), asSpot.volumes());
            store.ingest(Fixtures.bars("BTCUSDT.csv", asSpot));

            IngestReport r = store.ingest(Fixtures.bars("BTCUSDT.csv", asPerp));

            assertEquals(IngestOutcome.INGESTED, r.outcome());
            assertEquals(10, r.rowsAccepted());
            assertEquals(10, store.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
            assertEquals(2, store.ingestedFiles(Fixtures.sha("BTCUSDT.csv")).size());
        }
    }

    @Test
    void failureMidway_rollsBackTheWholeFile_andTheStoreStaysUsable() {
        try (Store store = Store.inMemory()) {
            store.ingest(Fixtures.bars("earlier.csv", Fixtures.walk(ETH, Market.PERP, 5, 11)));
            List<String> before = Fixtures.dump(store);
            BarSeries good = Fixtures.walk(BTC, Market.PERP, 10, 12);
            double[] high = good.highs().clone();
            high[6] = good.low(6) - 1; // BarSeries does not check high >= low; the bars table does.
            BarSeries broken = new BarSeries(BTC, Market.PERP, BarInterval.H1, good.openTimes(), good.opens(), high,
                    good.lows(), good.closes(), good.volumes());
            // Funding comes first and is fine: it must be rolled back together with the bars.
            ParsedSource src = Fixtures.source("broken.csv", List.of(good.sliceIndex(0, 3), broken),
                    List.of(Fixtures.funding(BTC, 5, 8)));

            StoreException e = assertThrows(StoreException.class, () -> store.ingest(src));

            assertTrue(e.getMessage().contains("broken.csv"), e.getMessage());
            assertTrue(e.getMessage().contains("CHECK"), e.getMessage());
            assertEquals(before, Fixtures.dump(store));
            IngestReport ok = store.ingest(Fixtures.source("fixed.csv", List.of(good), List.of(Fixtures.funding(BTC, 5,
                    8))));
            assertEquals(15, ok.rowsAccepted());
        }
    }

    @Test
    void storedFundingWithoutMarkPrice_takesItFromALaterSource_withoutConflict_inEitherOrder() {
        FundingSeries withMark = Fixtures.funding(BTC, 6, 8);
        double[] nan = new double[6];
        java.util.Arrays.fill(nan, Double.NaN);
        FundingSeries noMark = new FundingSeries(BTC, withMark.times(), withMark.rates(), withMark.intervals(), nan);
        List<String> dumps = new java.util.ArrayList<>();
        for (boolean archiveFirst : new boolean[] {true, false}) {
            try (Store store = Store.inMemory()) {
                IngestReport first = store.ingest(Fixtures.funding("x", archiveFirst ? noMark : withMark));
                IngestReport second = store.ingest(Fixtures.funding("y", archiveFirst ? withMark : noMark));
                assertEquals(6, first.rowsAccepted());
                assertEquals(6, second.rowsAlreadyPresent());
                assertEquals(0, second.conflicts());
                assertEquals(archiveFirst ? 1 : 0, second.warnings().size(), second.warnings().toString());
                assertArrayEquals(withMark.markPrices(), store.funding(BTC, null, null).markPrices());
                dumps.add(Fixtures.dumpData(store).toString());
            }
        }
        assertEquals(dumps.get(0), dumps.get(1));
    }

    @Test
    void fundingTimesAFewMillisecondsApart_areWarnedAsPossibleDuplicates() {
        try (Store store = Store.inMemory()) {
            FundingSeries f = Fixtures.funding(BTC, 3, 8);
            store.ingest(Fixtures.funding("archive.csv", f));
            long[] jittered = f.times().clone();
            for (int i = 0; i < jittered.length; i++) {
                jittered[i] += 3;
            }
            FundingSeries rest = new FundingSeries(BTC, jittered, f.rates(), f.intervals(), f.markPrices());

            IngestReport r = store.ingest(Fixtures.funding("rest.json", rest));

            assertEquals(1, r.warnings().size());
            assertTrue(r.warnings().get(0).reason().contains("3 BTCUSDT funding events"), r.warnings().toString());
        }
    }

    @Test
    void readerWarnings_arePassedThroughTheReport() {
        try (Store store = Store.inMemory()) {
            Rejection w = new Rejection("f.csv", 4, "rate 0.5 looks like percent, kept");
            ParsedSource src = new ParsedSource("f.csv", Fixtures.sha("f.csv"), 2, List.of(),
                    List.of(Fixtures.funding(BTC, 2, 8)), List.of(), List.of(w));
            assertEquals(List.of(w), store.ingest(src).warnings());
        }
    }

    @Test
    void writeBarsAndFunding_twice_changeNothing_butDifferentValuesUnderTheSameName_areConflicts() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(new io.thermocarry.core.market.Symbol("SYNTHUSDT"), Market.PERP, 40, 13);
            FundingSeries f = Fixtures.funding(s.symbol(), 5, 8);
            assertEquals(40, store.writeBars(s, "simulate seed=13").rowsAccepted());
            assertEquals(5, store.writeFunding(f, "simulate seed=13").rowsAccepted());
            List<String> before = Fixtures.dump(store);

            assertTrue(store.writeBars(s, "simulate seed=13").alreadyIngested());
            assertTrue(store.writeFunding(f, "simulate seed=13").alreadyIngested());
            assertEquals(before, Fixtures.dump(store));

            IngestReport other = store.writeBars(Fixtures.withClose(s, 0, 1.0), "simulate seed=13");
            assertEquals(IngestOutcome.INGESTED, other.outcome());
            assertEquals(1, other.conflicts());
            assertEquals(39, other.rowsAlreadyPresent());
        }
    }

    @Test
    void emptySeries_areIngestedAsAFileWithNoRows() {
        try (Store store = Store.inMemory()) {
            IngestReport r = store.ingest(Fixtures.source("empty.csv",
                    List.of(BarSeries.empty(BTC, Market.SPOT, BarInterval.H1)), List.of(FundingSeries.empty(BTC))));
            assertEquals(0, r.rowsAccepted());
            assertEquals(1, store.info().files().size());
            assertTrue(store.info().series().isEmpty());
        }
    }

    @Test
    void fileStore_keepsItsData_acrossReopen_andKnowsWhatWasIngested(@TempDir Path dir) {
        Path db = dir.resolve("sub/thermocarry.duckdb");
        ParsedSource src = Fixtures.source("perp.csv", List.of(Fixtures.walk(BTC, Market.PERP, 24, 14)),
                List.of(Fixtures.funding(BTC, 3, 8)));
        List<String> before;
        try (Store store = Store.open(db)) {
            store.ingest(src);
            before = Fixtures.dump(store);
        }
        try (Store store = Store.open(db)) {
            assertEquals(before, Fixtures.dump(store));
            assertTrue(store.ingest(src).alreadyIngested());
            assertEquals(24, store.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
        }
    }

    @Test
    void aFileStore_canBeOpenOnlyOnceInAProcess_untilClosed(@TempDir Path dir) {
        Path db = dir.resolve("one.duckdb");
        try (Store store = Store.open(db)) {
            StoreException e = assertThrows(StoreException.class, () -> Store.open(dir.resolve("x/../one.duckdb")));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            store.ingest(Fixtures.bars("a", Fixtures.walk(BTC, Market.SPOT, 3, 1)));
        }
        try (Store again = Store.open(db)) {
            assertEquals(3, again.bars(BTC, Market.SPOT, BarInterval.H1, null, null).size());
        }
    }

    @Test
    void openingAStoreBelowAFile_failsNamingTheLocation(@TempDir Path dir)
            throws java.io.IOException {
        Path notADir = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(notADir.resolve("db.duckdb")));
        assertTrue(e.getMessage().contains(notADir.toString()), e.getMessage());
    }

    @Test
    void reportCounts_addUpToTheRowsTheReaderAccepted() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.PERP, 30, 15);
            store.ingest(Fixtures.bars("a", s.sliceIndex(0, 20)));
            ParsedSource b = Fixtures.bars("b", Fixtures.withClose(s.sliceIndex(10, 30), 3, 2.0));
            IngestReport r = store.ingest(b);
            assertEquals(b.rowsAccepted(), r.rowsAccepted() + r.rowsAlreadyPresent() + r.conflicts());
            assertNotEquals(0, r.conflicts());
        }
    }
}
