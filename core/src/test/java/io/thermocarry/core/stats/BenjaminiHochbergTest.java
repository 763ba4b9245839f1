package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Benjamini–Hochberg against hand-computed examples, and its defining equivalences as properties. */
class BenjaminiHochbergTest {

    /**
     * m = 5, α = 0.05. Sorted p: 0.005, 0.01, 0.03, 0.04, 0.20 against the lines iα/m = 0.01, 0.02, 0.03, 0.04,
     * 0.05: the first four are at or under their line, the fifth is not, so k = 4. q-values m·p/i = 0.025,
     * 0.025, 0.05, 0.05, 0.20, already monotone.
     */
    @Test
    void handExample_rejectsTheFourSmallest_withTheirQValues() {
        double[] p = {0.01, 0.04, 0.03, 0.005, 0.20};
        BenjaminiHochberg.Result r = BenjaminiHochberg.apply(p, 0.05);
        assertArrayEquals(new boolean[] {true, true, true, true, false}, r.rejected());
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.20}, r.qValues(), 1e-15);
        assertEquals(5, r.tests());
        assertEquals(4, r.discoveries());
        assertEquals(0.04, r.threshold(), 0.0);
    }

    /**
     * Step-up: m = 4, α = 0.05, lines 0.0125, 0.025, 0.0375, 0.05. Sorted p 0.001, 0.03, 0.031, 0.032: the second
     * is above its line (0.03 > 0.025) but the fourth is under its own (0.032 ≤ 0.05), so all four are rejected.
     * q-values: 4·p/i = 0.004, 0.06, 0.04133, 0.032 → running minimum from the top: 0.004, 0.032, 0.032, 0.032.
     */
    @Test
    void stepUp_rejectsAnIntermediateAboveItsLine_whenALaterOneIsBelow() {
        double[] p = {0.032, 0.001, 0.031, 0.03};
        BenjaminiHochberg.Result r = BenjaminiHochberg.apply(p, 0.05);
        assertArrayEquals(new boolean[] {true, true, true, true}, r.rejected());
        assertArrayEquals(new double[] {0.032, 0.004, 0.032, 0.032}, r.qValues(), 1e-15);
        // a step-down reading (stop at the first p above its line) would have kept only 0.001
        BenjaminiHochberg.Result strict = BenjaminiHochberg.apply(p, 0.03);
        assertArrayEquals(new boolean[] {false, true, false, false}, strict.rejected());
    }

    /** NaN p-values are not tests: m = 2 here, lines 0.025 and 0.05. */
    @Test
    void nanPValues_areNotCounted_andNeverRejected() {
        double[] p = {Double.NaN, 0.02, 0.045, Double.NaN};
        BenjaminiHochberg.Result r = BenjaminiHochberg.apply(p, 0.05);
        assertEquals(2, r.tests());
        assertArrayEquals(new boolean[] {false, true, true, false}, r.rejected());
        assertTrue(Double.isNaN(r.qValue(0)) && Double.isNaN(r.qValue(3)));
        assertEquals(0.04, r.qValue(1), 1e-15);
        assertEquals(0.045, r.qValue(2), 1e-15);
    }

    @Test
    void nothingSmall_rejectsNothing() {
        BenjaminiHochberg.Result r = BenjaminiHochberg.apply(new double[] {0.5, 0.9, 0.2}, 0.05);
        assertEquals(0, r.discoveries());
        assertTrue(Double.isNaN(r.threshold()));
        assertFalse(r.rejected(0) || r.rejected(1) || r.rejected(2));
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.apply(new double[] {1.2}, 0.05));
    }

    /** q_i ≤ α exactly when hypothesis i is rejected; q ≥ p; discoveries never fewer than Bonferroni's. */
    @Property(tries = 200)
    void qValueBelowAlpha_iffRejected_andBhDominatesBonferroni(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int m) {
        Random rnd = new Random(seed);
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            p[i] = rnd.nextInt(3) == 0 ? rnd.nextDouble() * 0.01 : rnd.nextDouble();
        }
        double alpha = new double[] {0.01, 0.05, 0.1, 0.2}[rnd.nextInt(4)];
        BenjaminiHochberg.Result r = BenjaminiHochberg.apply(p, alpha);
        int bonferroni = 0;
        for (int i = 0; i < m; i++) {
            assertEquals(r.qValue(i) <= alpha, r.rejected(i), "i=" + i + " p=" + p[i] + " q=" + r.qValue(i));
            assertTrue(r.qValue(i) >= p[i] * (1 - 1e-15) && r.qValue(i) <= 1.0, "q " + r.qValue(i) + " p " + p[i]);
            if (p[i] <= alpha / m) {
                bonferroni++;
                assertTrue(r.rejected(i));
            }
        }
        assertTrue(r.discoveries() >= bonferroni);
    }
}
