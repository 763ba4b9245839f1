package io.thermocarry.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The two counting methods of {@link WindowRank} against each other and against a naive count. */
class WindowRankTest {

    @Property(tries = 200)
    void scanAndTree_giveTheSamePercentilesMeansAndSizes_bitForBit(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 400) int n, @ForAll @IntRange(min = 1, max = 50) int windowSteps) {
        Random r = new Random(seed);
        long[] t = new long[n];
        double[] v = new double[n];
        long now = 1_000_000L;
        for (int i = 0; i < n; i++) {
            now += r.nextInt(3) * 60_000L;
            t[i] = now;
            int kind = r.nextInt(20);
            v[i] = kind == 0 ? Double.NaN : kind == 1 ? Double.NEGATIVE_INFINITY : kind == 2
                    ? Double.POSITIVE_INFINITY : kind < 8 ? r.nextInt(4) * 0.5 : r.nextGaussian();
        }
        long w = windowSteps * 60_000L;
        WindowRank scan = new WindowRank(t, v, w, true);
        WindowRank tree = new WindowRank(t, v, w, false);
        long d = 1_000_000L;
        for (int q = 0; q < 300; q++) {
            d += r.nextInt(4) * 30_000L;
            scan.moveTo(d);
            tree.moveTo(d);
            assertEquals(tree.size(), scan.size());
            assertEquals(naiveSize(t, v, d, w), scan.size());
            double x = r.nextInt(5) == 0 ? r.nextInt(4) * 0.5 : r.nextGaussian();
            assertEquals(Double.doubleToLongBits(tree.percentile(x)), Double.doubleToLongBits(scan.percentile(x)));
            assertEquals(naivePercentile(t, v, d, w, x), scan.percentile(x), 0.0);
            assertEquals(Double.doubleToLongBits(tree.mean()), Double.doubleToLongBits(scan.mean()));
            assertEquals(Double.doubleToLongBits(tree.std()), Double.doubleToLongBits(scan.std()));
        }
    }

    @Test
    void methodChoice_scansForAFewQueries_andUsesTheTreeForAQueryPerPoint() {
        int n = 631_296;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 300_000L;
        }
        long thirtyDays = 30L * 86_400_000L;
        assertTrue(WindowRank.prefersScan(t, thirtyDays, 6_576), "a decision per settlement: scan");
        assertFalse(WindowRank.prefersScan(t, thirtyDays, n), "a decision per point: Fenwick tree");
        assertTrue(WindowRank.prefersScan(new long[1], thirtyDays, n), "one point: nothing to sort");
    }

    private static int naiveSize(long[] t, double[] v, long d, long w) {
        int c = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] < d && t[i] >= d - w && Double.isFinite(v[i])) {
                c++;
            }
        }
        return c;
    }

    private static double naivePercentile(long[] t, double[] v, long d, long w, double x) {
        int less = 0;
        int equal = 0;
        int c = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] < d && t[i] >= d - w && Double.isFinite(v[i])) {
                c++;
                less += v[i] < x ? 1 : 0;
                equal += v[i] == x ? 1 : 0;
            }
        }
        return c == 0 ? Double.NaN : 100.0 * (less + 0.5 * equal) / c;
    }
}
