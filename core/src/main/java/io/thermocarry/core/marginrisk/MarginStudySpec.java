package io.thermocarry.core.marginrisk;

import io.thermocarry.core.Checks;

/**
 * How the buffer is bootstrapped.
 *
 * @param blockCycles cycles per bootstrap block (default 21: a week of 8 h cycles, long enough to keep a rally)
 * @param resamples bootstrap resamples (0: the history's buffer only)
 * @param seed seed of the block starts
 */
public record MarginStudySpec(int blockCycles, int resamples, long seed) {
    /** Default block length. */
    public static final int DEFAULT_BLOCK = 21;
    /** Default resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 20_260_115L;

    /** Validates. */
    public MarginStudySpec {
        Checks.positive(blockCycles, "blockCycles");
        Checks.nonNegative(resamples, "resamples");
    }

    /** The defaults. */
    public static MarginStudySpec defaults() {
        return new MarginStudySpec(DEFAULT_BLOCK, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }
}
