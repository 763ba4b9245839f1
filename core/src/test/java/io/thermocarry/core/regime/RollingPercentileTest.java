package io.thermocarry.core.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingPercentileTest {

    /** Expected values printed by numpy 2.4.6: np.percentile(values, [10, 40, 90]). */
    @Test
    void percentile_equalsNumpyLinear_bitForBit() {
        double[] b = {0.1, 0.7, 0.2, 0.9, 0.3, 0.05, -0.4, 0.65, 0.11, 0.12, 0.33, 0.71, -0.02};
        RollingPercentile p = new RollingPercentile(100);
        for (double v : b) {
            p.add(v);
        }
        assertEquals(-0.005999999999999986, p.percentile(10));
        assertEquals(0.11800000000000001, p.percentile(40));
        assertEquals(0.708, p.percentile(90));
        double[] a = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
        RollingPercentile q = new RollingPercentile(11);
        for (double v : a) {
            q.add(v);
        }
        assertEquals(1.0, q.percentile(10));
        assertEquals(3.0, q.percentile(40));
        assertEquals(6.0, q.percentile(90));
        assertEquals(2.5, RollingPercentile.linear(new double[] {2.5}, 1, 10));
        assertEquals(1.9, RollingPercentile.linear(new double[] {1.0, 2.0}, 2, 90));
    }

    @Test
    void rollingWindow_matchesSortingTheLastValues_withDuplicatesAndNaN() {
        Random rnd = new Random(7);
        int window = 37;
        RollingPercentile p = new RollingPercentile(window);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double v = rnd.nextInt(10) == 0 ? Double.NaN : Math.round(rnd.nextGaussian() * 4) / 4.0;
            p.add(v);
            all.add(v);
            double[] last = all.subList(Math.max(0, all.size() - window), all.size()).stream()
                    .mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).sorted().toArray();
            assertEquals(last.length, p.size());
            for (double pct : new double[] {0, 10, 40, 50, 90, 100}) {
                double expected = last.length == 0 ? Double.NaN : RollingPercentile.linear(last, last.length, pct);
                assertEquals(expected, p.percentile(pct), "step " + i + " pct " + pct);
            }
        }
        assertTrue(Double.isNaN(new RollingPercentile(3).percentile(50)));
    }

    @Test
    void linear_interpolatesBetweenOrderStatistics() {
        double[] s = {0, 10, 20, 30, 40};
        assertEquals(0, RollingPercentile.linear(s, 5, 0));
        assertEquals(40, RollingPercentile.linear(s, 5, 100));
        assertEquals(4, RollingPercentile.linear(s, 5, 10), 1e-12);
        assertEquals(16, RollingPercentile.linear(s, 5, 40), 1e-12);
        assertEquals(36, RollingPercentile.linear(s, 5, 90), 1e-12);
        assertEquals(Arrays.toString(new double[] {0, 10, 20, 30, 40}), Arrays.toString(s));
    }
}
