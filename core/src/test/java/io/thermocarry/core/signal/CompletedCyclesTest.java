package io.thermocarry.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CompletedCyclesTest {

    private static double naiveEntropy(double[] w, double[] f, int end, int window, double beta, double kappa) {
        int n = Math.min(end, window);
        double s = 0;
        for (int j = end - n; j < end; j++) {
            double df = -(f[j] * f[j]) / (2 * kappa);
            s += Math.max(-1e4, Math.min(1e4, beta * (w[j] - df)));
        }
        return s / n;
    }

    private static double naiveJe(double[] w, double[] f, int end, int window, double beta, double kappa) {
        int n = Math.min(end, window);
        double s = 0;
        for (int j = end - n; j < end; j++) {
            double df = -(f[j] * f[j]) / (2 * kappa);
            s += Math.exp(Math.max(-500, Math.min(500, -beta * (w[j] - df))));
        }
        return Math.abs(s / n - 1);
    }

    /**
     * Heavy-tailed work with occasional huge values, so that the ±1e4 clip binds in some windows (exact
     * fallback path) and not in others (O(1) path), and the exponent clip at ±500 binds too.
     */
    @Test
    void entropyAndJe_equalNaiveWindows_whetherOrNotTheClipsBind() {
        Random rnd = new Random(5);
        int total = 3000;
        double[] w = new double[total];
        double[] f = new double[total];
        CompletedCycles c = new CompletedCycles(90, 180);
        assertTrue(Double.isNaN(c.entropyRate(1, 1)));
        assertTrue(Double.isNaN(c.jeHealth(1, 1)));
        int clipped = 0;
        double worst = 0;
        for (int i = 0; i < total; i++) {
            f[i] = 1e-4 + 3e-4 * rnd.nextGaussian();
            double b = 0.05 * rnd.nextGaussian() * (rnd.nextInt(200) == 0 ? 1e5 : 1);
            w[i] = -f[i] * b;
            c.add(w[i], f[i]);
            double beta = 2000 * Math.exp(rnd.nextGaussian());
            double kappa = 0.1 * Math.exp(0.5 * rnd.nextGaussian());
            double e = naiveEntropy(w, f, i + 1, 90, beta, kappa);
            double scale = 0;
            boolean clips = false;
            for (int j = Math.max(0, i + 1 - 90); j <= i; j++) {
                double x = beta * (w[j] + f[j] * f[j] / (2 * kappa));
                scale += Math.abs(Math.max(-1e4, Math.min(1e4, x)));
                clips |= Math.abs(x) > 1e4;
            }
            if (clips) {
                clipped++;
            }
            worst = Math.max(worst, Math.abs(c.entropyRate(beta, kappa) - e) / Math.max(Math.abs(e), scale / 90));
            assertEquals(naiveJe(w, f, i + 1, 180, beta, kappa), c.jeHealth(beta, kappa));
        }
        System.out.printf("entropy rate vs naive: %d of %d windows clipped, max scale-relative difference %.2e%n",
                clipped, total, worst);
        assertTrue(clipped > 100 && clipped < total - 100, "both paths exercised: " + clipped);
        assertTrue(worst <= 1e-12, "entropy rate " + worst);
        assertEquals(total, c.added());
        assertEquals(90, c.entropyCount());
        assertEquals(180, c.jeCount());
    }
}
