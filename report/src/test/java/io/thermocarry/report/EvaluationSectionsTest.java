package io.thermocarry.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSectionsTest {
    @Test
    void bucketChart_showsMeansInBps_inBucketOrder_withCounts() {
        Block.Chart c = EvaluationSections.bucketChart("X", "fixed", Fixture.BUCKETS);
        assertEquals(List.of("< 0.5\nn = 120", "0.5–0.8\nn = 80", "> 2\nn = 40"), c.x().categories());
        assertArrayEquals(new double[] {4, 1.5, -5}, c.series().get(2).values(), 1e-9);
        assertArrayEquals(new double[] {3, 2, -1}, c.series().get(0).values(), 1e-9);
    }

    @Test
    void heatMap_placesEachCellAtItsBucketAndTercile_emptyCellsNaN() {
        Block.HeatMap h = EvaluationSections.bucketHeatMap("X", Fixture.BUCKETS);
        assertEquals(List.of("< 1", "≥ 1"), h.rowLabels());
        assertEquals(List.of("low", "middle", "high"), h.colLabels());
        assertEquals(2e-4, h.values()[0][0]);
        assertTrue(Double.isNaN(h.values()[0][1]));
        assertEquals(3e-4, h.values()[0][2]);
        assertEquals(-2e-4, h.values()[1][1]);
        assertEquals(20, h.counts()[1][1]);
        assertEquals(0, h.counts()[1][0]);
    }

    @Test
    void significance_saysBetterOnlyWhenTheIntervalExcludesZero() {
        Block.Table t = EvaluationSections.significance(Fixture.SIGNIFICANCE);
        assertEquals("better", t.rows().get(0).get(11).display());
        assertEquals("no difference shown", t.rows().get(1).get(11).display());
        assertEquals(-1, new EvaluationStats.Significance("S", "causal", 8, "physics", "full", "naive", "-", 0, 1, -1,
                -2, -0.1, 0.95, 0.01, 10, 12, 100).verdict());
    }

    @Test
    void decomposition_ordersStepsAsTheyWereTaken() {
        Block.Table t = new Fixture().model.tables().stream().filter(x -> x.id().equals("synthusdt-edge")).findFirst()
                .orElseThrow();
        assertEquals("1. reference as published", t.rows().get(0).get(0).display());
        assertEquals("2. look-ahead window removed", t.rows().get(1).get(0).display());
        // naive only at step 1, physics only at step 2: each in its own column, the other side empty
        assertEquals("–", t.rows().get(0).get(2).display());
        assertEquals(new Fixture().results.get(3).performance().sharpe(), ((Cell.Num) t.rows().get(0).get(3)).value());
        assertEquals("–", t.rows().get(1).get(3).display());
    }
}
