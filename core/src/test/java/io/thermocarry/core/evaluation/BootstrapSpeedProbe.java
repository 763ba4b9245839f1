package io.thermocarry.core.evaluation;

import java.util.Random;

/** Manual speed probe of the block bootstrap (not a test): 27 series of 6,600 cycles, 5,000 resamples. */
public final class BootstrapSpeedProbe {
    private BootstrapSpeedProbe() {
    }

    public static void main(String[] args) {
        int m = 6600;
        int q = Integer.parseInt(args.length > 0 ? args[0] : "27");
        double[][] x = new double[q][m];
        Random r = new Random(1);
        for (double[] s : x) {
            for (int i = 0; i < m; i++) {
                s[i] = 1e-4 + 3e-4 * r.nextGaussian();
            }
        }
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            BlockBootstrap b = BlockBootstrap.circular(m, 12, 5000, 42 + rep);
            long t1 = System.nanoTime();
            double[][] rep2 = b.sharpeReplicates(x, Math.sqrt(1095));
            long t2 = System.nanoTime();
            System.out.printf("starts %.1f ms, replicates %.1f ms (%f)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, rep2[0][0]);
        }
    }
}
