package io.thermocarry.core.stats;

import io.thermocarry.core.Checks;
import java.util.Arrays;

/**
 * The Benjamini–Hochberg step-up procedure (1995): controls the false discovery rate at level {@code α} over
 * {@code m} independent (or positively dependent, PRDS) tests.
 *
 * <p>With the defined p-values sorted {@code p_(1) ≤ … ≤ p_(m)}: reject the hypotheses of {@code p_(1) … p_(k)}
 * where {@code k = max{i : p_(i) ≤ i·α/m}} (none when no such {@code i}); an intermediate {@code p_(i)} above its
 * line is still rejected when a later one is below its own (step-up). The adjusted p-value (q-value) of
 * {@code p_(i)} is {@code q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)}; hypothesis {@code i} is rejected at level
 * {@code α} exactly when {@code q_i ≤ α}.
 *
 * <p>NaN p-values (a test that could not be run, e.g. a symbol without out-of-sample cycles) are not tests:
 * they do not count in {@code m}, get a NaN q-value and are never rejected. Ties keep their input order
 * (the result does not depend on it).
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * The outcome of the procedure.
     *
     * @param pValues the raw p-values, in input order
     * @param qValues BH-adjusted p-values, in input order (NaN where the p-value was NaN)
     * @param rejected whether each hypothesis is rejected (a discovery) at {@code alpha}
     * @param alpha false discovery rate level
     * @param tests number of defined p-values {@code m}
     * @param discoveries number of rejections {@code k}
     * @param threshold the largest rejected p-value {@code p_(k)}, NaN when nothing is rejected
     */
    public record Result(double[] pValues, double[] qValues, boolean[] rejected, double alpha, int tests,
            int discoveries, double threshold) {
        /** Copies the arrays. */
        public Result {
            pValues = pValues.clone();
            qValues = qValues.clone();
            rejected = rejected.clone();
        }

        @Override
        public double[] pValues() {
            return pValues.clone();
        }

        @Override
        public double[] qValues() {
            return qValues.clone();
        }

        @Override
        public boolean[] rejected() {
            return rejected.clone();
        }

        /** q-value of hypothesis {@code i}. */
        public double qValue(int i) {
            return qValues[i];
        }

        /** Whether hypothesis {@code i} is rejected. */
        public boolean rejected(int i) {
            return rejected[i];
        }
    }

    /**
     * Runs the procedure.
     *
     * @param pValues p-values in {@code [0, 1]} or NaN
     * @param alpha false discovery rate level in {@code (0, 1)}
     */
    public static Result apply(double[] pValues, double alpha) {
        Checks.notNull(pValues, "pValues");
        Checks.check(alpha > 0 && alpha < 1, "alpha must be in (0, 1), was " + alpha);
        int n = pValues.length;
        Integer[] order = new Integer[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double p = pValues[i];
            Checks.check(Double.isNaN(p) || (p >= 0 && p <= 1), "p-value " + i + " outside [0, 1]: " + p);
            if (!Double.isNaN(p)) {
                order[m++] = i;
            }
        }
        Integer[] defined = Arrays.copyOf(order, m);
        Arrays.sort(defined, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] q = new double[n];
        Arrays.fill(q, Double.NaN);
        boolean[] rejected = new boolean[n];
        int k = 0;
        for (int r = 1; r <= m; r++) {
            if (pValues[defined[r - 1]] <= r * alpha / m) {
                k = r;
            }
        }
        double running = 1.0;
        for (int r = m; r >= 1; r--) {
            int i = defined[r - 1];
            running = Math.min(running, Math.min(1.0, m * pValues[i] / r));
            q[i] = running;
        }
        for (int r = 1; r <= k; r++) {
            rejected[defined[r - 1]] = true;
        }
        double threshold = k > 0 ? pValues[defined[k - 1]] : Double.NaN;
        return new Result(pValues, q, rejected, alpha, m, k, threshold);
    }
}
