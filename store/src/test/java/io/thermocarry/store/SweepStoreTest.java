package io.thermocarry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.sweep.SweepPoint;
import io.thermocarry.core.sweep.SweepRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepStoreTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    private static SweepRow row(int point, Symbol s, double sharpe) {
        SweepPoint p = new SweepPoint(720, 359, 90, 180, 1.2 + 0.1 * point, 1.05, 0.5, 0.2, 16);
        return new SweepRow(point, s, p, 12, 1080, 1_600_000_000_000L, 1_700_000_000_000L, sharpe, 1.5, 0.1, 0.02,
                0.01, -0.001, 0.12, -0.01, 0.01, 0.1, 1, 2.5, -0.3, 1.1, 0.75, Double.NaN, 0.2);
    }

    private static List<SweepRow> rows(int points, double sharpe) {
        List<SweepRow> out = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            out.add(row(p, BTC, sharpe + p));
            out.add(row(p, ETH, sharpe - p));
        }
        return out;
    }

    @Test
    void rowsRoundTrip_withNaNasNull() {
        try (Store store = Store.inMemory()) {
            SweepStore s = store.sweeps();
            long token = s.begin("abc", "grid", List.of(BTC, ETH), 3);
            List<SweepRow> written = rows(3, 1.0);
            s.append("abc", token, written.subList(0, 4));
            s.append("abc", token, written.subList(4, 6));
            assertEquals(List.of(), s.rows("abc"), "nothing readable before the run completes");
            assertEquals(6, s.finish("abc", token, 1.25, 2));
            List<SweepRow> back = s.rows("abc");
            assertEquals(written.stream().sorted((a, b) -> a.point() != b.point() ? a.point() - b.point()
                    : a.symbol().compareTo(b.symbol())).toList(), back);
            assertEquals(List.of(written.get(2), written.get(3)), s.rowsOfPoint("abc", 1));
            assertEquals(1L, store.sqlForTests("SELECT count(*) FROM sweep WHERE equilibrium_share IS NULL AND point = 0"
                    + " AND symbol = 'BTCUSDT'").get(0).get(0));
            assertEquals(List.of(List.of("complete", 6L, 2L)),
                    store.sqlForTests("SELECT status, rows_written, best_point FROM sweep_runs"));
        }
    }

    @Test
    void rerunning_replacesTheRows_neverDuplicates_andOtherSweepsAreUntouched() {
        try (Store store = Store.inMemory()) {
            SweepStore s = store.sweeps();
            long other = s.begin("other", "g2", List.of(BTC), 1);
            s.append("other", other, List.of(row(0, BTC, 9)));
            s.finish("other", other, 0.1, 0);
            for (int run = 0; run < 3; run++) {
                long token = s.begin("abc", "grid", List.of(BTC, ETH), 4);
                s.append("abc", token, rows(4, run));
                assertEquals(8, s.finish("abc", token, 1.0, 0));
            }
            assertEquals(8, s.rows("abc").size());
            assertEquals(2.0, s.rows("abc").get(0).sharpe(), "the last run's values");
            assertEquals(1, s.rows("other").size());
            assertEquals(0, Fixtures.duplicateKeys(store));
            assertEquals(9L, store.sqlForTests("SELECT count(*) FROM sweep").get(0).get(0));
        }
    }

    @Test
    void aRunThatDied_leavesTheLastCompleteRunReadable_andTheNextRunCleansUp(@TempDir Path dir) {
        Path db = dir.resolve("s.duckdb");
        try (Store store = Store.open(db)) {
            SweepStore s = store.sweeps();
            long t1 = s.begin("abc", "grid", List.of(BTC, ETH), 2);
            s.append("abc", t1, rows(2, 1.0));
            s.finish("abc", t1, 1.0, 0);
            long t2 = s.begin("abc", "grid", List.of(BTC, ETH), 2);
            assertTrue(t2 > t1);
            s.append("abc", t2, rows(1, 5.0));
        }
        try (Store store = Store.open(db)) {
            SweepStore s = store.sweeps();
            assertEquals(4, s.rows("abc").size());
            assertEquals(1.0, s.rows("abc").get(0).sharpe());
            assertEquals(List.of(List.of("running")), store.sqlForTests("SELECT status FROM sweep_runs"));
            long t3 = s.begin("abc", "grid", List.of(BTC, ETH), 2);
            s.append("abc", t3, rows(2, 7.0));
            assertEquals(4, s.finish("abc", t3, 1.0, 1));
            assertEquals(7.0, s.rows("abc").get(0).sharpe());
            assertEquals(4L, store.sqlForTests("SELECT count(*) FROM sweep").get(0).get(0));
        }
    }

    @Test
    void finishingARunNeverBegun_isRefused() {
        try (Store store = Store.inMemory()) {
            assertThrows(StoreException.class, () -> store.sweeps().finish("nope", 1, 1.0, 0));
        }
    }
}
