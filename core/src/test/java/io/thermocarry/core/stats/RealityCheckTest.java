package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * White's reality check and Hansen's SPA on synthetic strategy sets where the truth is known: all null, all
 * identical, one truly better, and one better hidden among many bad ones.
 */
class RealityCheckTest {
    private static final RealityCheck.Spec SPEC = new RealityCheck.Spec(500, 5.0, 7L);

    /** {@code k} models × {@code n} periods of N(mean_k, 1) differentials with AR(1) coefficient {@code phi}. */
    private static double[][] models(long seed, int k, int n, double[] means, double phi) {
        GaussianSampler g = new GaussianSampler(new SplittableRandom(seed));
        double[][] d = new double[k][n];
        double scale = Math.sqrt(1 - phi * phi);
        for (int m = 0; m < k; m++) {
            double e = 0;
            for (int t = 0; t < n; t++) {
                e = phi * e + scale * g.next();
                d[m][t] = means[m] + e;
            }
        }
        return d;
    }

    /**
     * Ten null strategies (AR(1) differentials, φ = 0.3, as autocorrelated as cycle returns) over 2,500 periods,
     * the stationary bootstrap with the default mean block of 12: the headline SPA_c and White's check must not
     * reject in at least 90 % of 50 seeded runs. (With far fewer periods than blocks × models the studentized
     * test over-rejects; the real universe has about 7,000 aligned 8 h periods.)
     */
    @Test
    void allNull_pValueAtLeastFivePercent_inAtLeastNinetyPercentOfSeededRuns() {
        int runs = 50;
        int atLeast = 0;
        int whiteAtLeast = 0;
        for (int s = 0; s < runs; s++) {
            double[][] d = models(1000 + s, 10, 2500, new double[10], 0.3);
            RealityCheck.Result r = RealityCheck.test(d, new RealityCheck.Spec(300, 12.0, 99L + s));
            if (r.spaPValueConsistent() >= 0.05) {
                atLeast++;
            }
            if (r.whitePValue() >= 0.05) {
                whiteAtLeast++;
            }
            assertTrue(r.spaPValueLower() <= r.spaPValueConsistent() + 1e-12
                    && r.spaPValueConsistent() <= r.spaPValueUpper() + 1e-12, "SPA_l ≤ SPA_c ≤ SPA_u");
        }
        assertTrue(atLeast >= 0.9 * runs, "SPA_c p ≥ 0.05 in " + atLeast + " of " + runs + " null runs");
        assertTrue(whiteAtLeast >= 0.9 * runs, "White p ≥ 0.05 in " + whiteAtLeast + " of " + runs + " null runs");
    }

    @Test
    void allEqual_doesNotReject() {
        double[][] one = models(5, 1, 600, new double[] {0.0}, 0.2);
        double[][] d = new double[12][];
        for (int m = 0; m < d.length; m++) {
            d[m] = one[0].clone();
        }
        RealityCheck.Result r = RealityCheck.test(d, SPEC);
        assertTrue(r.spaPValueConsistent() >= 0.05, "identical null models: p = " + r.spaPValueConsistent());
        assertTrue(r.whitePValue() >= 0.05, "identical null models: White p = " + r.whitePValue());
    }

    @Test
    void oneTrulyBetter_isFound_andRejects() {
        double[] means = new double[15];
        means[9] = 0.25;
        double[][] d = models(11, 15, 600, means, 0.2);
        RealityCheck.Result r = RealityCheck.test(d, SPEC);
        assertEquals(9, r.bestByT());
        assertEquals(9, r.bestByMean());
        assertTrue(r.rejects(0.05), "SPA_c p = " + r.spaPValueConsistent());
        assertTrue(r.whitePValue() < 0.05, "White p = " + r.whitePValue());
    }

    /**
     * A modest edge among many clearly bad models: SPA's consistent recentring ignores the bad ones and rejects,
     * its upper (least favourable) bound is no smaller — the reason SPA_c is the headline.
     */
    @Test
    void spaConsistent_isNoLargerThanUpper_whenBadModelsAreSearched() {
        double[] means = new double[30];
        for (int m = 0; m < 30; m++) {
            means[m] = -0.3;
        }
        means[0] = 0.12;
        double[][] d = models(23, 30, 800, means, 0.0);
        RealityCheck.Result r = RealityCheck.test(d, SPEC);
        assertEquals(0, r.bestByT());
        assertTrue(r.spaPValueConsistent() <= r.spaPValueUpper());
        assertTrue(r.rejects(0.05), "SPA_c p = " + r.spaPValueConsistent());
    }

    @Test
    void everyModelWorse_givesPOfOne() {
        double[] means = {-0.5, -0.4, -0.6};
        RealityCheck.Result r = RealityCheck.test(models(3, 3, 300, means, 0.0), SPEC);
        assertEquals(0.0, r.spaStatistic(), 0.0);
        assertEquals(1.0, r.spaPValueConsistent(), 0.0);
    }

    @Test
    void sameSeed_sameResult() {
        double[][] d = models(8, 5, 200, new double[5], 0.5);
        RealityCheck.Result a = RealityCheck.test(d, SPEC);
        RealityCheck.Result b = RealityCheck.test(d, SPEC);
        assertEquals(a.spaPValueConsistent(), b.spaPValueConsistent(), 0.0);
        assertEquals(a.whitePValue(), b.whitePValue(), 0.0);
    }
}
