package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeClassifier;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.strategy.SignalPath;
import java.util.Arrays;

/**
 * Regime paths for other relaxation-ratio thresholds from one signal run, in O(decisions).
 *
 * <p>Why this is exact: the four signals do not depend on the classifier, and neither do its adaptive
 * thresholds — the entropy and Jarzynski percentiles are taken over the previous decisions' signal
 * <em>values</em>, which join the history whatever regime was chosen. A {@link SignalRun} records the thresholds
 * used at every decision, so classifying its rows again with {@link RegimeClassifier#classify} under another
 * {@link RegimeSpec} that keeps the percentile settings (window, percentiles, fallbacks) gives what a full signal
 * run under that spec gives, bit for bit (a test compares the two).
 */
public final class SweepPaths {
    private SweepPaths() {
    }

    /**
     * The decision path of {@code run} over {@code cycles} funding cycles, re-classified under {@code spec} and
     * {@code config}: entry {@code run.cycleIndex(i)} from decision i, undefined (null, NaN) elsewhere.
     *
     * @throws IllegalArgumentException if {@code spec}'s percentile settings differ from the run's (the recorded
     *     thresholds would not be the spec's)
     */
    public static SignalPath reclassified(SignalRun run, int cycles, RegimeSpec spec, RegimeConfig config) {
        Checks.notNull(run, "run");
        Checks.notNull(spec, "spec");
        Checks.notNull(config, "config").requireAvailable();
        RegimeSpec r = run.regimeSpec();
        Checks.check(r.entropyNessPercentile() == spec.entropyNessPercentile()
                && r.entropyEquilibriumPercentile() == spec.entropyEquilibriumPercentile()
                && r.jeDangerPercentile() == spec.jeDangerPercentile()
                && r.lookbackDecisions() == spec.lookbackDecisions() && r.minHistory() == spec.minHistory()
                && r.entropyNessFallback() == spec.entropyNessFallback()
                && r.entropyEquilibriumFallback() == spec.entropyEquilibriumFallback()
                && r.jeDangerFallback() == spec.jeDangerFallback(),
                "re-classification keeps the run's percentile settings; run a new signal run to change them");
        Regime[] reg = new Regime[cycles];
        double[] exposure = nan(cycles);
        double[] rr = nan(cycles);
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
            double eq = run.entropyEquilibriumThreshold(i);
            double jd = run.jeDangerThreshold(i);
            Regime g = RegimeClassifier.classify(config, spec, ri, zi, ei, ji, run.entropyNessThreshold(i), eq, jd);
            reg[k] = g;
            exposure[k] = spec.exposure(g);
            rr[k] = ri;
            z[k] = zi;
            ent[k] = ei;
            je[k] = ji;
            entEq[k] = eq;
            jeDanger[k] = jd;
        }
        return new SignalPath(reg, exposure, rr, z, ent, je, entEq, jeDanger);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
