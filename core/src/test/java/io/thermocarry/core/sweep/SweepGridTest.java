package io.thermocarry.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.sweep.SweepParameter.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepGridTest {
    private static final SweepGrid GRID = SweepGrid.parse(List.of("feeBps=25,8,16", "basisWindow=480,720",
            "nessR=1.2:1.6:0.2", "baseFraction=0.5"));

    @Test
    void parse_sortsValues_expandsDecimalRanges_andKeepsDefaultsForTheRest() {
        assertArrayEquals(new double[] {8, 16, 25}, GRID.values(SweepParameter.FEE_BPS));
        assertArrayEquals(new double[] {1.2, 1.4, 1.6}, GRID.values(SweepParameter.NESS_R));
        assertArrayEquals(new double[] {1.05}, GRID.values(SweepParameter.EQUILIBRIUM_R));
        assertArrayEquals(new double[] {0.2}, GRID.values(SweepParameter.RESIZE_THRESHOLD));
        assertEquals(2 * 3 * 3, GRID.size());
        assertEquals(List.of(SweepParameter.BASIS_WINDOW, SweepParameter.NESS_R, SweepParameter.FEE_BPS),
                GRID.swept());
        assertArrayEquals(new double[] {1.2, 1.3, 1.4, 1.5, 1.6},
                SweepGrid.values(SweepParameter.NESS_R, "1.2:1.6:0.1"));
    }

    @Test
    void parse_acceptsCliKebabAndConstantNames() {
        SweepGrid g = SweepGrid.parse(List.of("ness-r=1.3", "BASE_FRACTION=0.4", "resizethreshold=0.1"));
        SweepPoint p = g.point(0);
        assertEquals(1.3, p.nessR());
        assertEquals(0.4, p.baseFraction());
        assertEquals(0.1, p.resizeThreshold());
    }

    @Test
    void parse_refusesDuplicatesBadValuesAndUnknownNames() {
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("nessR=1.2,1.2")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("basisWindow=720.5")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("baseFraction=0")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("feeBps=-1")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("kappa=1")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("nessR=1,x")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("nessR=2:1:0.1")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("nessR=1.2", "nessR=1.4")));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("nessR")));
    }

    @Test
    void points_enumerateTheProductOnce_feeFastest_signalSlowest() {
        Set<SweepPoint> seen = new HashSet<>();
        for (int p = 0; p < GRID.size(); p++) {
            assertTrue(seen.add(GRID.point(p)));
        }
        assertEquals(GRID.size(), seen.size());
        assertEquals(8, GRID.point(0).feeBps());
        assertEquals(16, GRID.point(1).feeBps());
        assertEquals(480, GRID.point(8).basisWindow());
        assertEquals(720, GRID.point(9).basisWindow());
        assertEquals(2, GRID.combos(Stage.SIGNAL));
        assertEquals(3, GRID.combos(Stage.REGIME));
        assertEquals(1, GRID.combos(Stage.STRATEGY));
        assertEquals(3, GRID.combos(Stage.FEE));
        for (int p = 0; p < GRID.size(); p++) {
            int s = GRID.comboOf(p, Stage.SIGNAL);
            int r = GRID.comboOf(p, Stage.REGIME);
            int t = GRID.comboOf(p, Stage.STRATEGY);
            int f = GRID.comboOf(p, Stage.FEE);
            assertEquals(p, GRID.pointOf(s, r, t, f));
        }
    }

    @Test
    void neighbours_areOneStepAlongOneAxis_byBruteForce() {
        for (int p = 0; p < GRID.size(); p++) {
            Set<Integer> expected = new HashSet<>();
            for (int q = 0; q < GRID.size(); q++) {
                int steps = 0;
                boolean one = true;
                for (SweepParameter a : SweepParameter.values()) {
                    int d = Math.abs(GRID.coordinate(p, a) - GRID.coordinate(q, a));
                    steps += d;
                    one &= d <= 1;
                }
                if (steps == 1 && one) {
                    expected.add(q);
                }
            }
            Set<Integer> got = new HashSet<>();
            for (int q : GRID.neighbours(p)) {
                got.add(q);
                assertTrue(GRID.axisBetween(p, q) != null);
            }
            assertEquals(expected, got, "point " + p);
        }
        // a corner of a 2 x 3 x 3 grid has one neighbour per swept axis, the centre of the 3 x 3 face four
        assertEquals(3, GRID.neighbours(0).length);
        assertEquals(1 + 2 + 2, GRID.neighbours(GRID.pointOf(0, 1, 0, 1)).length);
        assertNull(GRID.axisBetween(0, GRID.pointOf(1, 1, 0, 0)));
    }

    @Test
    void canonical_isTheSameForTheSameGridInAnyOrder() {
        SweepGrid other = SweepGrid.parse(List.of("baseFraction=0.5", "nessR=1.6,1.4,1.2", "basisWindow=720,480",
                "feeBps=8,16,25"));
        assertEquals(GRID.canonical(), other.canonical());
        assertEquals(GRID, other);
        assertTrue(GRID.canonical().startsWith("basisWindow=480,720;betaHistory=359;"), GRID.canonical());
    }

    @Test
    void defaults_isOnePoint_ofTheReferenceParameters() {
        SweepPoint d = SweepPoint.defaults();
        assertEquals(new SweepPoint(720, 359, 90, 180, 1.4, 1.05, 0.5, 0.2, 16), d);
        assertEquals(360, d.signalSpec(io.thermocarry.core.physics.KappaMethod.THROUGH_ORIGIN).warmupCycles());
        assertEquals(io.thermocarry.core.regime.RegimeSpec.defaults(), d.regimeSpec());
        assertEquals(io.thermocarry.core.strategy.PhysicsStrategy.defaults(), d.strategy());
    }
}
