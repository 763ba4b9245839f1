package io.thermocarry.core.stats;

import io.thermocarry.core.Checks;

/**
 * How to bootstrap: number of resamples, seed, confidence level of the percentile interval, execution.
 *
 * @param resamples resamples (≥ 0; 0 = point estimate only, undefined interval)
 * @param seed seed of the {@link java.util.SplittableRandom} streams
 * @param level coverage of the percentile interval, in (0, 1)
 * @param execution sequential or parallel (results identical)
 */
public record BootstrapSpec(int resamples, long seed, double level, Execution execution) {
    /** Default number of resamples (SPEC §3). */
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates the spec. */
    public BootstrapSpec {
        Checks.nonNegative(resamples, "resamples");
        Checks.check(level > 0 && level < 1, "level must be in (0, 1), was " + level);
        Checks.notNull(execution, "execution");
    }

    /** 10,000 resamples, seed 42, 95 %, parallel. */
    public static BootstrapSpec defaults() {
        return new BootstrapSpec(DEFAULT_RESAMPLES, DEFAULT_SEED, 0.95, Execution.PARALLEL);
    }

    /** Same spec with another number of resamples. */
    public BootstrapSpec withResamples(int n) {
        return new BootstrapSpec(n, seed, level, execution);
    }

    /** Same spec with another seed. */
    public BootstrapSpec withSeed(long s) {
        return new BootstrapSpec(resamples, s, level, execution);
    }

    /** Same spec with another execution. */
    public BootstrapSpec withExecution(Execution e) {
        return new BootstrapSpec(resamples, seed, level, e);
    }
}
