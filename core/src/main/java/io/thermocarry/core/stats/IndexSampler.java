package io.thermocarry.core.stats;

import java.util.SplittableRandom;

/**
 * Uniform integers in {@code [0, n)} drawn from a {@link SplittableRandom}, exactly unbiased and fast:
 * Lemire's multiply-and-shift with rejection ("nearly divisionless", 2019) on 32-bit halves of
 * {@code nextLong()}, two draws per 64-bit word. Deterministic for a given stream (SplittableRandom's
 * SplitMix64 algorithm is specified by the JDK), so resamples are reproducible across runs and platforms.
 * Not thread-safe: one sampler per thread.
 */
public final class IndexSampler {
    private static final long MASK32 = 0xFFFF_FFFFL;
    private final SplittableRandom rng;
    private long spare;
    private boolean hasSpare;

    /** A sampler drawing from {@code rng} (which it then owns). */
    public IndexSampler(SplittableRandom rng) {
        this.rng = rng;
    }

    private long next32() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        long w = rng.nextLong();
        spare = w >>> 32;
        hasSpare = true;
        return w & MASK32;
    }

    /** One uniform integer in {@code [0, n)}, {@code 1 ≤ n < 2^31}. */
    public int nextIndex(int n) {
        long m = next32() * n;
        long l = m & MASK32;
        if (l < n) {
            long t = ((1L << 32) - n) % n;
            while (l < t) {
                m = next32() * n;
                l = m & MASK32;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * Fills {@code out[offset, offset + count)} with {@code base + U[0, n)}. Each {@code nextLong()} gives two
     * 32-bit candidates (low half, then high half), each accepted unless it falls in Lemire's rejection zone
     * (probability below n/2^32); accepted candidates fill the slots in order and an unused last half is
     * dropped. Draws fresh words: a spare half left by {@link #nextIndex(int)} stays for the next such call.
     */
    public void fill(int[] out, int offset, int count, int base, int n) {
        long t = ((1L << 32) - n) % n;
        int i = offset;
        int end = offset + count;
        while (i < end) {
            long w = rng.nextLong();
            long m = (w & MASK32) * n;
            if ((m & MASK32) >= t) {
                out[i++] = base + (int) (m >>> 32);
            }
            if (i < end) {
                m = (w >>> 32) * n;
                if ((m & MASK32) >= t) {
                    out[i++] = base + (int) (m >>> 32);
                }
            }
        }
    }
}
