package io.thermocarry.core.physics;

/** Which estimator gives κ, T and β of a whole basis range. */
public enum FitMethod {
    /**
     * The SPEC §3 window estimator ({@link OuEstimator#fit}): AR(1) of the hourly basis on its lag (through the
     * origin or demeaned, see {@link KappaMethod}), {@code T = κ·Var(b)}. The reference's choice and the
     * default.
     */
    WINDOW_AR1,
    /**
     * {@link DrivenOuEstimator}: least squares of the exact discretisation with the funding force, skipping
     * pairs that are no transition (gaps; settlements when the basis is re-drawn there, see
     * {@link CycleStart}); {@code T = κ·Var_eq} from the innovation variance. Consistent under strong driving.
     */
    DRIVEN_EXACT
}
