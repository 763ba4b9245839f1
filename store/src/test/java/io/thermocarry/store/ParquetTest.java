package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static io.thermocarry.store.Fixtures.ETH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTest {

    /** A store with something in every table: bars with placeholders, funding, a rejection, a conflict. */
    private static void fill(Store store) {
        BarSeries perp = Fixtures.walk(BTC, Market.PERP, 50, 51);
        double[] o = perp.opens().clone();
        double[] h = perp.highs().clone();
        double[] l = perp.lows().clone();
        double[] c = perp.closes().clone();
        double[] v = perp.volumes().clone();
        o[0] = h[0] = l[0] = c[0] = 10000;
        v[0] = 0;
        store.ingest(Fixtures.source("perp.csv", List.of(new BarSeries(BTC, Market.PERP, BarInterval.H1,
                perp.openTimes(), o, h, l, c, v), Fixtures.walk(ETH, Market.SPOT, 20, 52)),
                List.of(Fixtures.funding(BTC, 9, 8)), List.of(new Rejection("perp.csv", 12, "volume '-1' < 0"))),
                RejectPolicy.KEEP_GOOD_ROWS);
        store.ingest(Fixtures.bars("other.csv", Fixtures.withClose(Fixtures.walk(ETH, Market.SPOT, 20, 52), 3, 7.0)));
    }

    @Test
    void exportThenImportIntoAFreshStore_givesEqualTables(@TempDir Path dir) {
        List<String> original;
        try (Store a = Store.inMemory()) {
            fill(a);
            original = Fixtures.dump(a);
            for (String t : List.of("bars", "funding", "ingested_files", "rejected_rows", "conflicts")) {
                a.exportParquet(t, dir.resolve(t + ".parquet"));
            }
        }
        try (Store b = Store.inMemory()) {
            for (String t : List.of("bars", "funding", "ingested_files", "rejected_rows", "conflicts")) {
                ImportReport r = b.importParquet(t, dir.resolve(t + ".parquet"));
                assertEquals(0, r.rowsAlreadyPresent());
                assertEquals(0, r.conflicts());
            }
            List<String> imported = Fixtures.dump(b);
            // schema_version differs only in its applied_at_ms; everything else must be identical.
            assertEquals(strip(original), strip(imported));
            assertEquals(49, b.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
        }
    }

    @Test
    void equalTables_exportToIdenticalFiles(@TempDir Path dir) throws IOException {
        try (Store a = Store.inMemory(); Store b = Store.inMemory()) {
            fill(a);
            fill(b);
            a.exportParquet("bars", dir.resolve("a.parquet"));
            b.exportParquet("bars", dir.resolve("b.parquet"));
            assertArrayEquals(Files.readAllBytes(dir.resolve("a.parquet")), Files.readAllBytes(dir.resolve("b.parquet")));
        }
    }

    @Test
    void importingTheSameFileTwice_changesNothing(@TempDir Path dir) {
        try (Store a = Store.inMemory(); Store b = Store.inMemory()) {
            fill(a);
            a.exportParquet("bars", dir.resolve("bars.parquet"));
            assertEquals(70, b.importParquet("bars", dir.resolve("bars.parquet")).rowsInserted());
            List<String> once = Fixtures.dump(b);

            ImportReport again = b.importParquet("bars", dir.resolve("bars.parquet"));

            assertEquals(new ImportReport("bars", 0, 70, 0), again);
            assertEquals(once, Fixtures.dump(b));
        }
    }

    @Test
    void importedRowsDisagreeingWithStoredOnes_areConflicts_andTheStoredRowsKept(@TempDir Path dir) {
        try (Store a = Store.inMemory(); Store b = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.SPOT, 10, 53);
            a.ingest(Fixtures.bars("a", s));
            b.ingest(Fixtures.bars("b", Fixtures.withClose(s.sliceIndex(0, 5), 1, 3.0)));
            a.exportParquet("bars", dir.resolve("bars.parquet"));

            ImportReport r = b.importParquet("bars", dir.resolve("bars.parquet"));

            assertEquals(new ImportReport("bars", 5, 4, 1), r);
            assertEquals(3.0, b.bars(BTC, Market.SPOT, BarInterval.H1, null, null).close(1));
        }
    }

    @Test
    void importIntoBars_recomputesPlaceholdersOfTheWholeSeries(@TempDir Path dir) {
        try (Store a = Store.inMemory(); Store b = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.PERP, 10, 54);
            // b holds a flat, empty bar at hour 5 only: alone it is a leading placeholder.
            BarSeries flat = new BarSeries(BTC, Market.PERP, BarInterval.H1, new long[] {s.openTimeMs(5)},
                    new double[] {9}, new double[] {9}, new double[] {9}, new double[] {9}, new double[] {0});
            b.ingest(Fixtures.bars("flat", flat));
            assertEquals(0, b.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
            a.ingest(Fixtures.bars("a", s.sliceIndex(0, 5)));
            a.exportParquet("bars", dir.resolve("bars.parquet"));

            b.importParquet("bars", dir.resolve("bars.parquet"));

            assertEquals(6, b.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
        }
    }

    @Test
    void unknownOrInjectedTableNames_areRejected(@TempDir Path dir) {
        try (Store store = Store.inMemory()) {
            fill(store);
            for (String bad : List.of("schema_version", "bars; DROP TABLE bars", "BARS", "nope", "")) {
                assertThrows(IllegalArgumentException.class, () -> store.exportParquet(bad, dir.resolve("x.parquet")),
                        bad);
                assertThrows(IllegalArgumentException.class, () -> store.importParquet(bad, dir.resolve("x.parquet")),
                        bad);
            }
            assertThrows(IllegalArgumentException.class, () -> store.exportParquet(null, dir.resolve("x.parquet")));
            assertEquals(List.of(List.of(70L)), store.sqlForTests("SELECT count(*) FROM bars"));
        }
    }

    @Test
    void pathsWithQuotes_areWrittenAndRead(@TempDir Path dir) {
        Path odd = dir.resolve("it's here").resolve("bars'; --.parquet");
        try (Store a = Store.inMemory(); Store b = Store.inMemory()) {
            fill(a);
            a.exportParquet("bars", odd);
            assertTrue(Files.exists(odd));
            assertEquals(70, b.importParquet("bars", odd).rowsInserted());
        }
    }

    @Test
    void aFileRepeatingAKey_orMissingAColumn_isRefused_andNothingImported(@TempDir Path dir) {
        try (Store a = Store.inMemory(); Store b = Store.inMemory()) {
            a.ingest(Fixtures.bars("a", Fixtures.walk(BTC, Market.SPOT, 4, 55)));
            Path dup = dir.resolve("dup.parquet");
            a.sqlForTests("COPY (SELECT * FROM bars UNION ALL SELECT * FROM bars) TO '" + dup + "' (FORMAT PARQUET)");
            Path narrow = dir.resolve("narrow.parquet");
            a.sqlForTests("COPY (SELECT symbol, market FROM bars) TO '" + narrow + "' (FORMAT PARQUET)");

            StoreException e = assertThrows(StoreException.class, () -> b.importParquet("bars", dup));
            assertTrue(e.getMessage().contains("repeat a key"), e.getMessage());
            assertThrows(StoreException.class, () -> b.importParquet("bars", narrow));
            assertThrows(StoreException.class, () -> b.importParquet("bars", dir.resolve("absent.parquet")));
            assertEquals(0, b.info().series().size());
            ParsedSource again = Fixtures.bars("b", Fixtures.walk(BTC, Market.SPOT, 4, 55));
            assertEquals(4, b.ingest(again).rowsAccepted());
        }
    }

    @Test
    void aFileViolatingATableCheck_rollsBackTheWholeImport_withTheDatabaseError(@TempDir Path dir) {
        try (Store a = Store.inMemory(); Store b = Store.inMemory()) {
            a.ingest(Fixtures.bars("a", Fixtures.walk(BTC, Market.SPOT, 6, 56)));
            Path bad = dir.resolve("bad.parquet");
            a.sqlForTests("COPY (SELECT * REPLACE (CASE WHEN open_time_ms = (SELECT max(open_time_ms) FROM bars)"
                    + " THEN low - 1 ELSE high END AS high) FROM bars) TO '" + bad + "' (FORMAT PARQUET)");
            List<String> before = Fixtures.dump(b);

            StoreException e = assertThrows(StoreException.class, () -> b.importParquet("bars", bad));

            assertTrue(e.getMessage().contains("CHECK"), e.getMessage());
            assertEquals(before, Fixtures.dump(b));
            assertEquals(List.of(), b.sqlForTests("SELECT * FROM duckdb_tables() WHERE table_name = 'import_stage'"));
        }
    }

    private static List<String> strip(List<String> dump) {
        int from = dump.indexOf("# schema_version");
        return List.copyOf(dump.subList(0, from));
    }
}
