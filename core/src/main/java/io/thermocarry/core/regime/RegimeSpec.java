package io.thermocarry.core.regime;

import io.thermocarry.core.Checks;

/**
 * What the regime classifier is (SPEC §5): fixed thresholds on the relaxation ratio and temperature
 * z-score, adaptive percentile thresholds on the entropy rate and Jarzynski health computed over the
 * previous {@code lookbackDecisions} decisions (numpy's default linear interpolation), their fallbacks
 * while that history holds {@code minHistory} values or fewer, and the exposure multiplier per regime.
 *
 * @param relaxationDanger NESS when {@code r} exceeds it (1.4)
 * @param relaxationSafe EQUILIBRIUM needs {@code r} below it (1.05)
 * @param temperatureEquilibriumZ EQUILIBRIUM needs the temperature z-score above it (−0.5)
 * @param entropyNessPercentile NESS when the entropy rate is below this percentile of its history (10)
 * @param entropyEquilibriumPercentile EQUILIBRIUM needs the entropy rate above this percentile (40)
 * @param jeDangerPercentile NESS when the Jarzynski health is above this percentile (90)
 * @param lookbackDecisions previous decisions in the percentile history (360; the current one never)
 * @param minHistory with this many history values or fewer, the fallbacks apply (10)
 * @param entropyNessFallback entropy NESS threshold without history (−1e10)
 * @param entropyEquilibriumFallback entropy EQUILIBRIUM threshold without history (0)
 * @param jeDangerFallback Jarzynski danger threshold without history (1e10)
 * @param exposureEquilibrium multiplier of the base position in EQUILIBRIUM (1.0)
 * @param exposureWarm multiplier in WARM (0.6)
 * @param exposureNess multiplier in NESS (0.25)
 */
public record RegimeSpec(double relaxationDanger, double relaxationSafe, double temperatureEquilibriumZ,
        double entropyNessPercentile, double entropyEquilibriumPercentile, double jeDangerPercentile,
        int lookbackDecisions, int minHistory, double entropyNessFallback, double entropyEquilibriumFallback,
        double jeDangerFallback, double exposureEquilibrium, double exposureWarm, double exposureNess) {

    /** Validates ranges. */
    public RegimeSpec {
        Checks.finite(relaxationDanger, "relaxationDanger");
        Checks.finite(relaxationSafe, "relaxationSafe");
        Checks.finite(temperatureEquilibriumZ, "temperatureEquilibriumZ");
        Checks.inRange(entropyNessPercentile, 0, 100, "entropyNessPercentile");
        Checks.inRange(entropyEquilibriumPercentile, 0, 100, "entropyEquilibriumPercentile");
        Checks.inRange(jeDangerPercentile, 0, 100, "jeDangerPercentile");
        Checks.positive(lookbackDecisions, "lookbackDecisions");
        Checks.nonNegative(minHistory, "minHistory");
        Checks.finite(entropyNessFallback, "entropyNessFallback");
        Checks.finite(entropyEquilibriumFallback, "entropyEquilibriumFallback");
        Checks.finite(jeDangerFallback, "jeDangerFallback");
        Checks.nonNegative(exposureEquilibrium, "exposureEquilibrium");
        Checks.nonNegative(exposureWarm, "exposureWarm");
        Checks.nonNegative(exposureNess, "exposureNess");
    }

    /** The reference's values: 1.4 / 1.05 / −0.5, percentiles 10 / 40 / 90 over 360, fallbacks, 1.0 / 0.6 / 0.25. */
    public static RegimeSpec defaults() {
        return new RegimeSpec(1.4, 1.05, -0.5, 10, 40, 90, 360, 10, -1e10, 0.0, 1e10,
                Regime.EQUILIBRIUM.exposure(), Regime.WARM.exposure(), Regime.NESS.exposure());
    }

    /** Exposure multiplier of {@code regime} under this spec. */
    public double exposure(Regime regime) {
        return switch (regime) {
            case EQUILIBRIUM -> exposureEquilibrium;
            case WARM -> exposureWarm;
            case NESS -> exposureNess;
        };
    }
}
