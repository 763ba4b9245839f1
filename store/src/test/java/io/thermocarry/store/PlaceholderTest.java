package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static io.thermocarry.store.Fixtures.H;
import static io.thermocarry.store.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.PlaceholderCandles;
import org.junit.jupiter.api.Test;

class PlaceholderTest {

    /** Bars at T0 + i h: the first {@code flat} are flat at 10000 with the given volumes, then a walk. */
    private static BarSeries launch(Market m, int flat, double flatVolume, int n) {
        BarSeries walk = Fixtures.walk(BTC, m, n, 31);
        double[] o = walk.opens().clone();
        double[] h = walk.highs().clone();
        double[] l = walk.lows().clone();
        double[] c = walk.closes().clone();
        double[] v = walk.volumes().clone();
        for (int i = 0; i < flat; i++) {
            o[i] = h[i] = l[i] = c[i] = 10000;
            v[i] = flatVolume;
        }
        return new BarSeries(BTC, m, BarInterval.H1, walk.openTimes(), o, h, l, c, v);
    }

    @Test
    void leadingFlatZeroVolumeBars_areFlagged_andLeftOutOfBars() {
        try (Store store = Store.inMemory()) {
            BarSeries s = launch(Market.PERP, 2, 0.0, 10);
            store.ingest(Fixtures.bars("perp.csv", s));

            BarSeries traded = store.bars(BTC, Market.PERP, BarInterval.H1, null, null);
            assertEquals(8, traded.size());
            assertEquals(T0 + 2 * H, traded.openTimeMs(0));
            assertEquals(10, store.bars(BTC, Market.PERP, BarInterval.H1, null, null, Placeholders.INCLUDE).size());
            assertEquals(PlaceholderCandles.leadingCount(s), store.info().series().get(0).placeholders());
            assertEquals(2, store.info().series().get(0).placeholders());
        }
    }

    @Test
    void flatBarsWithVolumeAtTheLimit_orAfterTrading_areNotPlaceholders() {
        try (Store store = Store.inMemory()) {
            store.ingest(Fixtures.bars("a", launch(Market.SPOT, 3, PlaceholderCandles.MAX_VOLUME, 10)));
            assertEquals(10, store.bars(BTC, Market.SPOT, BarInterval.H1, null, null).size());

            BarSeries s = launch(Market.PERP, 1, 0.0, 10);
            double[] o = s.opens().clone();
            double[] h = s.highs().clone();
            double[] l = s.lows().clone();
            double[] c = s.closes().clone();
            double[] v = s.volumes().clone();
            o[5] = h[5] = l[5] = c[5] = 50; // a flat, empty bar in the middle stays a bar
            v[5] = 0;
            store.ingest(Fixtures.bars("b", new BarSeries(BTC, Market.PERP, BarInterval.H1, s.openTimes(), o, h, l, c,
                    v)));
            BarSeries back = store.bars(BTC, Market.PERP, BarInterval.H1, null, null);
            assertEquals(9, back.size());
            assertEquals(50.0, back.close(4));
        }
    }

    @Test
    void markSeries_areNeverFlagged() {
        try (Store store = Store.inMemory()) {
            store.ingest(Fixtures.bars("m", launch(Market.MARK, 4, 0.0, 10)));
            assertEquals(10, store.bars(BTC, Market.MARK, BarInterval.H1, null, null).size());
        }
    }

    @Test
    void flags_followTheWholeStoredSeries_whenPartsArriveOutOfOrder() {
        try (Store store = Store.inMemory()) {
            BarSeries s = launch(Market.PERP, 3, 0.2, 12);
            // The later part alone holds traded bars only: nothing to flag.
            store.ingest(Fixtures.bars("late", s.sliceIndex(6, 12)));
            assertEquals(0, store.info().series().get(0).placeholders());
            // The early part is all flat: flagged, since the series' first traded bar is later.
            store.ingest(Fixtures.bars("early", s.sliceIndex(0, 3)));
            assertEquals(3, store.info().series().get(0).placeholders());
            // A traded bar before the flat run: now no bar leads with a flat run.
            BarSeries before = Fixtures.walkAt(BTC, Market.PERP, new long[] {T0 - H}, 99);
            store.ingest(Fixtures.bars("before", before));
            assertEquals(0, store.info().series().get(0).placeholders());
            assertEquals(10, store.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
        }
    }

    @Test
    void aSeriesOfOnlyFlatEmptyBars_isAllPlaceholders_asPlaceholderCandlesSays() {
        try (Store store = Store.inMemory()) {
            BarSeries s = launch(Market.SPOT, 5, 0.0, 5);
            store.ingest(Fixtures.bars("flat", s));
            assertEquals(5, PlaceholderCandles.leadingCount(s));
            assertEquals(0, store.bars(BTC, Market.SPOT, BarInterval.H1, null, null).size());
            assertArrayEquals(s.openTimes(),
                    store.bars(BTC, Market.SPOT, BarInterval.H1, null, null, Placeholders.INCLUDE).openTimes());
        }
    }
}
