package io.thermocarry.core.stats;

import java.util.SplittableRandom;

/**
 * Standard normal deviates from a {@link SplittableRandom} by Marsaglia's polar method, using only
 * {@code nextDouble()}, IEEE arithmetic and {@link StrictMath} ({@code log}, {@code sqrt}): the sequence is
 * bit-identical on every JVM and platform for a given seed (unlike {@code Math.log}, whose intrinsics may
 * differ in the last ulp). Each accepted pair {@code (u, v)} in the unit disc gives two deviates
 * {@code u·m, v·m} with {@code m = √(−2 ln s / s)}, {@code s = u² + v²}; the second is returned by the next
 * call. Not thread-safe.
 */
public final class GaussianSampler {
    private final SplittableRandom rng;
    private double spare;
    private boolean hasSpare;

    /** A sampler drawing from {@code rng} (which it then owns). */
    public GaussianSampler(SplittableRandom rng) {
        this.rng = rng;
    }

    /** Next N(0, 1) deviate. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * rng.nextDouble() - 1.0;
            v = 2.0 * rng.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }

    /** Next N(mean, sd²) deviate. */
    public double next(double mean, double sd) {
        return mean + sd * next();
    }

    /** Next uniform double in {@code [0, 1)} from the same stream. */
    public double nextUniform() {
        return rng.nextDouble();
    }
}
