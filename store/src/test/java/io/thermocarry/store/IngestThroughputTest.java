package io.thermocarry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints bulk ingest and read throughput for 1.5 M synthetic hourly bars into a file store (target: at least
 * 1 M rows/s ingest). Asserts only what was stored; timing is reported, never asserted (speed lives in bench).
 */
class IngestThroughputTest {
    private static final int N = 1_500_000;

    @Test
    void ingestOf1_5MillionHourlyBars_storesThemAll_andPrintsRowsPerSecond(@TempDir Path dir) {
        Symbol sym = new Symbol("SYNTHUSDT");
        long[] t = new long[N];
        double[] o = new double[N];
        double[] h = new double[N];
        double[] l = new double[N];
        double[] c = new double[N];
        double[] v = new double[N];
        double p = 100;
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < N; i++) {
            t[i] = 1_500_000_000_000L / Fixtures.H * Fixtures.H + i * Fixtures.H;
            o[i] = p;
            p *= 1 + 0.001 * (r.nextDouble() - 0.5);
            c[i] = p;
            h[i] = Math.max(o[i], c[i]) + 0.01;
            l[i] = Math.min(o[i], c[i]) - 0.01;
            v[i] = 1 + r.nextDouble() * 100;
        }
        BarSeries series = new BarSeries(sym, Market.PERP, BarInterval.H1, t, o, h, l, c, v);
        try (Store store = Store.open(dir.resolve("bench.duckdb"))) {
            long t0 = System.nanoTime();
            IngestReport rep = store.ingest(Fixtures.bars("synthetic-1.5M", series));
            long t1 = System.nanoTime();
            BarSeries back = store.bars(sym, Market.PERP, BarInterval.H1, null, null);
            long t2 = System.nanoTime();
            IngestReport again = store.ingest(Fixtures.bars("synthetic-1.5M-copy", series));
            long t3 = System.nanoTime();

            assertEquals(N, rep.rowsAccepted());
            assertEquals(N, back.size());
            assertEquals(c[N - 1], back.close(N - 1));
            assertEquals(N, again.rowsAlreadyPresent());
            System.out.printf("store throughput: ingest %,d bars in %.2f s = %,.0f rows/s; read %,.0f rows/s;"
                    + " re-ingest (all present) %,.0f rows/s%n", N, (t1 - t0) / 1e9, N / ((t1 - t0) / 1e9),
                    N / ((t2 - t1) / 1e9), N / ((t3 - t2) / 1e9));
        }
    }
}
