package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import io.thermocarry.core.evaluation.WalkForwardSpec;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.RegimeConfig;

/**
 * What a sweep is: the grid, the walk-forward layout every point is judged on, and the settings held fixed
 * across points. Causal rules only (a sweep of the reference's flawed rules would tune to its look-ahead).
 *
 * @param grid the parameter grid
 * @param walkForward the evaluation's fold layout (360 training then 90 test cycles, rolled by 90); nothing is
 *     fitted per point, so training is history the adaptive thresholds see, and it places the folds exactly as
 *     {@code evaluate} does
 * @param config regime configuration (SPEC §5 ablation) of every point
 * @param kappaMethod AR(1) form of κ in every signal run
 */
public record SweepSpec(SweepGrid grid, WalkForwardSpec walkForward, RegimeConfig config,
        KappaMethod kappaMethod) {
    /** Validates; the configuration must be computable now. */
    public SweepSpec {
        Checks.notNull(grid, "grid");
        Checks.notNull(walkForward, "walkForward");
        Checks.notNull(config, "config").requireAvailable();
        Checks.notNull(kappaMethod, "kappaMethod");
    }

    /** The grid with folds of 360 training and 90 test cycles, the full classifier, through-origin κ. */
    public static SweepSpec of(SweepGrid grid) {
        return new SweepSpec(grid, WalkForwardSpec.defaults(), RegimeConfig.FULL, KappaMethod.THROUGH_ORIGIN);
    }

    /** Canonical text of everything that defines the sweep's results (with the markets, its identity). */
    public String canonical() {
        return grid.canonical() + ";train=" + walkForward.trainCycles() + ";test=" + walkForward.testCycles()
                + ";config=" + config.cliName()
                + ";kappa=" + kappaMethod.name();
    }
}
