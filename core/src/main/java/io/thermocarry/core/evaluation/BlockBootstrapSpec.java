package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;

/**
 * How Sharpe ratios are resampled (SPEC §9): a circular block bootstrap of per-cycle returns, because cycle
 * returns are autocorrelated (basis dislocations last several cycles).
 *
 * @param resamples bootstrap resamples ({@code >= 1}; 5,000 by default)
 * @param blockLength cycles per block ({@code >= 1}; 12 = four days of 8 h cycles)
 * @param seed seed of the resampled block starts (each symbol × compat derives its own stream from it)
 * @param level coverage of the percentile confidence intervals, in (0, 1)
 */
public record BlockBootstrapSpec(int resamples, int blockLength, long seed, double level) {
    /** Validates the values. */
    public BlockBootstrapSpec {
        Checks.positive(resamples, "resamples");
        Checks.positive(blockLength, "blockLength");
        Checks.check(level > 0 && level < 1, "level must be in (0, 1), was " + level);
    }

    /** 5,000 resamples, blocks of 12 cycles, seed 42, 95 %. */
    public static BlockBootstrapSpec defaults() {
        return new BlockBootstrapSpec(5_000, 12, 42L, 0.95);
    }
}
