package io.thermocarry.core.stats;

/**
 * How a resampling computation uses the machine. Results never depend on it: work is cut into fixed
 * blocks, each with its own random stream split from the seed in block order, so sequential and parallel
 * runs give bit-identical output.
 */
public enum Execution {
    /** One thread. */
    SEQUENTIAL,
    /** Blocks spread over the common fork-join pool. */
    PARALLEL
}
