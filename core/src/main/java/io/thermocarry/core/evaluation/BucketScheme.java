package io.thermocarry.core.evaluation;

/** How the relaxation-bucket test (SPEC §9) groups decisions. */
public enum BucketScheme {
    /** Relaxation ratio by the fixed edges 0.5 / 0.8 / 1.05 / 1.4 / 2 (six buckets, left-closed). */
    RELAXATION_FIXED,
    /** Relaxation ratio by the sample's quintiles (five buckets). */
    RELAXATION_QUINTILE,
    /** The fixed relaxation buckets crossed with the sample's entropy-rate terciles (6 × 3 cells). */
    RELAXATION_FIXED_BY_ENTROPY_TERCILE
}
