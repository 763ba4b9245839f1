package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeClassifier;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.strategy.SignalPath;
import java.util.Arrays;
import java.util.List;

/**
 * Regime paths for other classifier settings from one signal run. The four signals of SPEC §4 do not depend on
 * the classifier (its configuration and thresholds act only after them), so a regime configuration (the SPEC
 * §5 ablations) or a tuned threshold is evaluated by feeding the run's recorded signal values, in decision
 * order, through a fresh {@link RegimeClassifier}: the result is exactly what a full signal run with those
 * settings would give, at a fraction of the cost.
 */
public final class RegimePaths {
    private RegimePaths() {
    }

    /**
     * The decision path of {@code run} re-classified with {@code spec} and {@code config}, over {@code cycles}
     * funding cycles (entry {@code run.cycleIndex(i)} from decision i; cycles without a decision undefined).
     *
     * @throws UnsupportedOperationException for {@link RegimeConfig#FULL_VETO}
     */
    public static SignalPath path(SignalRun run, int cycles, RegimeSpec spec, RegimeConfig config) {
        Checks.notNull(run, "run");
        RegimeClassifier classifier = new RegimeClassifier(spec, config);
        Regime[] reg = new Regime[cycles];
        double[] exposure = nan(cycles);
        double[] r = nan(cycles);
        double[] z = nan(cycles);
        double[] ent = nan(cycles);
        double[] je = nan(cycles);
        double[] entEq = nan(cycles);
        double[] jeDanger = nan(cycles);
        for (int i = 0; i < run.size(); i++) {
            int k = run.cycleIndex(i);
            Checks.check(k >= 0 && k < cycles, "decision " + i + " refers to cycle " + k + " of " + cycles);
            double ri = run.relaxationRatio(i);
            double zi = run.temperatureZscore(i);
            double ei = run.entropyRate(i);
            double ji = run.jeHealth(i);
            Regime g = classifier.next(ri, zi, ei, ji);
            reg[k] = g;
            exposure[k] = spec.exposure(g);
            r[k] = ri;
            z[k] = zi;
            ent[k] = ei;
            je[k] = ji;
            entEq[k] = classifier.entropyEquilibriumThreshold();
            jeDanger[k] = classifier.jeDangerThreshold();
        }
        return new SignalPath(reg, exposure, r, z, ent, je, entEq, jeDanger);
    }

    /**
     * A path stitched from several: entry {@code k} is entry {@code k} of {@code paths.get(choice[k])}. All
     * paths and {@code choice} have the same length.
     */
    public static SignalPath stitch(List<SignalPath> paths, int[] choice) {
        int n = choice.length;
        for (SignalPath p : paths) {
            Checks.check(p.size() == n, "paths and choice differ in length");
        }
        Regime[] reg = new Regime[n];
        double[] exposure = new double[n];
        double[] r = new double[n];
        double[] z = new double[n];
        double[] ent = new double[n];
        double[] je = new double[n];
        double[] entEq = new double[n];
        double[] jeDanger = new double[n];
        for (int k = 0; k < n; k++) {
            SignalPath p = paths.get(choice[k]);
            reg[k] = p.regime(k);
            exposure[k] = p.exposure(k);
            r[k] = p.relaxationRatio(k);
            z[k] = p.temperatureZscore(k);
            ent[k] = p.entropyRate(k);
            je[k] = p.jeHealth(k);
            entEq[k] = p.entropyEquilibriumThreshold(k);
            jeDanger[k] = p.jeDangerThreshold(k);
        }
        return new SignalPath(reg, exposure, r, z, ent, je, entEq, jeDanger);
    }

    /** {@code spec} with another NESS threshold on the relaxation ratio (everything else equal). */
    public static RegimeSpec withRelaxationDanger(RegimeSpec spec, double relaxationDanger) {
        return new RegimeSpec(relaxationDanger, spec.relaxationSafe(), spec.temperatureEquilibriumZ(),
                spec.entropyNessPercentile(), spec.entropyEquilibriumPercentile(), spec.jeDangerPercentile(),
                spec.lookbackDecisions(), spec.minHistory(), spec.entropyNessFallback(),
                spec.entropyEquilibriumFallback(), spec.jeDangerFallback(), spec.exposureEquilibrium(),
                spec.exposureWarm(), spec.exposureNess());
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
