package io.thermocarry.core.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The incremental time-windowed quantiles against a naive oracle (sort the window at every step). */
class RollingQuantilesTest {

    @Property(tries = 60)
    void medianAndIqr_equalTheNaiveWindow_everyStep(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int window,
            @ForAll @IntRange(min = 1, max = 1500) int n) {
        Random rnd = new Random(seed);
        long[] t = new long[n];
        double[] x = new double[n];
        long at = 0;
        for (int i = 0; i < n; i++) {
            at += rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(3 * window) : 1;
            t[i] = at;
            // ties on purpose: values on a coarse grid half of the time
            x[i] = rnd.nextBoolean() ? Math.round(rnd.nextGaussian() * 4) / 4.0 : rnd.nextGaussian();
        }
        RollingQuantiles q = new RollingQuantiles(window, rnd.nextInt(8));
        int lo = 0;
        for (int i = 0; i < n; i++) {
            q.add(t[i], x[i]);
            while (t[lo] <= t[i] - window) {
                lo++;
            }
            double[] w = Arrays.copyOfRange(x, lo, i + 1);
            Arrays.sort(w);
            assertEquals(w.length, q.size(), "size at " + i);
            assertEquals(RollingQuantiles.linear(w, w.length, 0.5), q.median(), 0.0, "median at " + i);
            assertEquals(RollingQuantiles.linear(w, w.length, 0.75) - RollingQuantiles.linear(w, w.length, 0.25),
                    q.interquartileRange(), 0.0, "IQR at " + i);
            assertEquals(w[0], q.quantile(0), 0.0);
            assertEquals(w[w.length - 1], q.quantile(1), 0.0);
        }
    }

    @Test
    void linear_isNumpysDefault() {
        double[] s = {1, 2, 3, 4};
        assertEquals(2.5, RollingQuantiles.linear(s, 4, 0.5), 0.0);
        assertEquals(1.75, RollingQuantiles.linear(s, 4, 0.25), 0.0);
        assertEquals(3.25, RollingQuantiles.linear(s, 4, 0.75), 0.0);
        assertEquals(3.0, RollingQuantiles.linear(new double[] {3}, 1, 0.3), 0.0);
    }

    @Test
    void emptyWindow_isNaN_andBadInputIsRefused() {
        RollingQuantiles q = new RollingQuantiles(10, 4);
        assertTrue(Double.isNaN(q.median()));
        q.add(5, 1.0);
        q.add(100, 2.0);
        assertEquals(1, q.size(), "the first observation left the (90, 100] window");
        assertThrows(IllegalArgumentException.class, () -> q.add(100, 3.0));
        assertThrows(IllegalArgumentException.class, () -> q.add(101, Double.NaN));
    }
}
