package io.thermocarry.core.signal;

import io.thermocarry.core.physics.OuEstimator;
import io.thermocarry.core.physics.OuFit;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeClassifier;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.FundingCycles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The test oracle: every causal decision recomputed from scratch from the definitions (SPEC §4–§5), with
 * windows selected by time from the whole arrays — no running sums, no incremental state. Slow (O(window)
 * per signal per decision) and obviously right.
 */
final class NaiveSignals {
    private NaiveSignals() {
    }

    /** One recomputed decision, plus the magnitude scale of each mean (for rounding-aware comparison). */
    static final class Row {
        long time;
        int cycle;
        double r;
        double z;
        double entropy;
        double je;
        double beta;
        double kappa;
        double tau;
        int points;
        double entropyNess;
        double entropyEquilibrium;
        double jeDanger;
        Regime regime;
        double exposure;
        /** mean |β σ_j| over the entropy window: the size of the terms whose mean is the entropy rate. */
        double entropyScale;
        /**
         * mean of exp(x_j)·max(1, |x_j|), x_j = −β σ_j: the size of the JE terms times their sensitivity to a
         * relative change of β or κ (d e^x = x e^x dβ/β), since β itself is only equal to ~1e−13.
         */
        double jeScale;
        /** |mean β| / std β over the previous decisions: how much the z-score's difference cancels. */
        double zScale;
    }

    static List<Row> causal(FundingCycles c, BasisSeries basis, SignalSpec spec, RegimeSpec rs, RegimeConfig cfg) {
        List<Row> out = new ArrayList<>();
        double[] bv = basis.values();
        List<Double> betas = new ArrayList<>();
        List<Double> entropies = new ArrayList<>();
        List<Double> jes = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            long d = c.startMs(k);
            // completed cycles: ended at or before d
            List<Integer> done = new ArrayList<>();
            for (int j = 0; j < c.size(); j++) {
                if (c.endMs(j) <= d) {
                    done.add(j);
                }
            }
            if (done.size() < spec.warmupCycles()) {
                continue;
            }
            int hi = basis.asOf(d) + 1;
            int lo = Math.max(0, hi - spec.basisWindowHours());
            OuFit fit = OuEstimator.fit(bv, lo, hi, 1.0, spec.kappaMethod());
            double kr = OuEstimator.kappa(bv, lo, hi, 1.0, spec.kappaMethod());
            Row row = new Row();
            row.time = d;
            row.cycle = k;
            row.points = hi - lo;
            row.tau = c.intervalHours(k);
            row.r = row.points < 50 ? 2.0 : (1.0 / Math.max(kr, 1e-6)) / row.tau;
            row.beta = fit.beta();
            row.kappa = fit.kappaPerHour();
            // z-score against the previous decisions' β
            int nb = Math.min(betas.size(), spec.betaHistoryDecisions());
            row.z = 0.0;
            row.zScale = 1.0;
            if (nb >= 10) {
                double s = 0;
                for (int i = betas.size() - nb; i < betas.size(); i++) {
                    s += betas.get(i);
                }
                double mean = s / nb;
                double ss = 0;
                for (int i = betas.size() - nb; i < betas.size(); i++) {
                    double dd = betas.get(i) - mean;
                    ss += dd * dd;
                }
                double sd = Math.sqrt(ss / nb);
                if (sd >= 1e-10) {
                    row.z = (row.beta - mean) / sd;
                    row.zScale = Math.max(1.0, Math.abs(mean) / sd);
                }
            }
            betas.add(row.beta);
            // completed cycles with a basis at their start
            List<Integer> usable = new ArrayList<>();
            for (int j : done) {
                if (!Double.isNaN(c.basisStart(j))) {
                    usable.add(j);
                }
            }
            double kappa = fit.kappaPerHour();
            int ne = Math.min(usable.size(), spec.entropyWindowCycles());
            if (ne == 0) {
                row.entropy = Double.NaN;
            } else {
                double s = 0;
                double scale = 0;
                for (int i = usable.size() - ne; i < usable.size(); i++) {
                    int j = usable.get(i);
                    double w = -c.rate(j) * c.basisStart(j);
                    double df = -(c.rate(j) * c.rate(j)) / (2.0 * kappa);
                    double x = Math.max(-1e4, Math.min(1e4, row.beta * (w - df)));
                    s += x;
                    scale += Math.abs(x);
                }
                row.entropy = s / ne;
                row.entropyScale = scale / ne;
            }
            int nj = Math.min(usable.size(), spec.jeWindowCycles());
            if (nj == 0) {
                row.je = Double.NaN;
            } else {
                double s = 0;
                double scale = 0;
                for (int i = usable.size() - nj; i < usable.size(); i++) {
                    int j = usable.get(i);
                    double w = -c.rate(j) * c.basisStart(j);
                    double df = -(c.rate(j) * c.rate(j)) / (2.0 * kappa);
                    double x = Math.max(-500, Math.min(500, -row.beta * (w - df)));
                    double term = Math.exp(x);
                    s += term;
                    scale += term * Math.max(1.0, Math.abs(x));
                }
                row.je = Math.abs(s / nj - 1.0);
                row.jeScale = scale / nj;
            }
            // thresholds from the previous decisions' values (NaN left out)
            double[] eh = previous(entropies, rs.lookbackDecisions());
            double[] jh = previous(jes, rs.lookbackDecisions());
            if (eh.length > rs.minHistory()) {
                row.entropyNess = percentile(eh, rs.entropyNessPercentile());
                row.entropyEquilibrium = percentile(eh, rs.entropyEquilibriumPercentile());
            } else {
                row.entropyNess = rs.entropyNessFallback();
                row.entropyEquilibrium = rs.entropyEquilibriumFallback();
            }
            row.jeDanger = jh.length > rs.minHistory() ? percentile(jh, rs.jeDangerPercentile()) : rs.jeDangerFallback();
            row.regime = RegimeClassifier.classify(cfg, rs, row.r, row.z, row.entropy, row.je, row.entropyNess,
                    row.entropyEquilibrium, row.jeDanger);
            row.exposure = rs.exposure(row.regime);
            entropies.add(row.entropy);
            jes.add(row.je);
            out.add(row);
        }
        return out;
    }

    /** Non-NaN values among the last {@code window} entries, sorted. */
    static double[] previous(List<Double> values, int window) {
        int from = Math.max(0, values.size() - window);
        return values.subList(from, values.size()).stream().mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** numpy.percentile(a, p) with the default linear method, written from numpy's documentation. */
    static double percentile(double[] sortedValues, double p) {
        double[] a = Arrays.copyOf(sortedValues, sortedValues.length);
        Arrays.sort(a);
        int n = a.length;
        double virtual = (n - 1) * (p / 100.0);
        int below = (int) Math.floor(virtual);
        if (below >= n - 1) {
            return a[n - 1];
        }
        double g = virtual - below;
        double lo = a[below];
        double hi = a[below + 1];
        // numpy's lerp: from the nearer end, so that g = 1 gives hi exactly
        return g < 0.5 ? lo + (hi - lo) * g : hi - (hi - lo) * (1 - g);
    }
}
