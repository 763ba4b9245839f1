package io.thermocarry.core.evaluation;

/** Whether an evaluation also computes the edge decomposition ({@link EdgeDecomposition}). */
public enum DecompositionMode {
    /** Compute it (both compat modes' inputs are prepared, whatever the evaluation's own modes). */
    RUN,
    /** Leave it out (the decomposition list stays empty). */
    SKIP
}
