package io.thermocarry.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The incremental engine equals the naive windowed recomputation ({@link NaiveSignals}) on real data: the
 * reference's input rows, re-stamped at bar close as the product stamps them, in causal mode. Tolerance
 * 1e−12 relative to the size of what is being summed: for the z-score, entropy rate and JE health the
 * value is a difference or a mean of larger terms, and two correct summation orders legitimately differ
 * by about one rounding of those terms (1e−16 × term size), which is a large relative error when the result
 * itself is tiny; the JE terms {@code exp(x)} also carry β's own last-digit difference multiplied by
 * {@code |x|} (up to 500), so their scale includes that sensitivity. κ, β and r are compared plainly
 * relative: their ~1e−13 differences are the oracle's sequential 720-term sums, amplified by κ's
 * conditioning {@code 1/|ln φ|}. Regimes must agree exactly.
 */
class IncrementalOracleTest {
    private static final double TOL = 1e-12;

    @ParameterizedTest
    @CsvSource({"BTCUSDT,THROUGH_ORIGIN", "ETHUSDT,THROUGH_ORIGIN", "SOLUSDT,THROUGH_ORIGIN", "BTCUSDT,DEMEANED",
        "SOLUSDT,DEMEANED"})
    void incrementalEngine_equalsNaiveRecomputation_onRealData(String symbol, KappaMethod method) {
        FundingSeries funding = GoldenFiles.funding(symbol);
        BasisSeries basis = GoldenFiles.availabilityStamped(symbol);
        FundingCycles cycles = CycleBuilder.build(funding, basis, null);
        SignalSpec spec = SignalSpec.defaults().withKappaMethod(method);
        RegimeSpec rs = RegimeSpec.defaults();
        SignalRun run = SignalRunner.run(cycles, basis, spec, rs, RegimeConfig.FULL, Compat.CAUSAL);
        List<NaiveSignals.Row> oracle = NaiveSignals.causal(cycles, basis, spec, rs, RegimeConfig.FULL);
        assertEquals(oracle.size(), run.size(), "decisions");
        double[] plain = new double[10];
        double[] scaled = new double[3];
        int regimeMismatch = 0;
        for (int i = 0; i < run.size(); i++) {
            NaiveSignals.Row o = oracle.get(i);
            assertEquals(o.time, run.timeMs(i));
            assertEquals(o.cycle, run.cycleIndex(i));
            assertEquals(o.points, run.basisPoints(i));
            assertEquals(o.tau, run.tauFundingHours(i));
            double[] a = {run.relaxationRatio(i), run.beta(i), run.kappa(i), run.temperatureZscore(i),
                run.entropyRate(i), run.jeHealth(i), run.entropyNessThreshold(i), run.entropyEquilibriumThreshold(i),
                run.jeDangerThreshold(i), run.exposure(i)};
            double[] e = {o.r, o.beta, o.kappa, o.z, o.entropy, o.je, o.entropyNess, o.entropyEquilibrium, o.jeDanger,
                o.exposure};
            for (int s = 0; s < a.length; s++) {
                plain[s] = Math.max(plain[s], GoldenFiles.relErr(a[s], e[s]));
            }
            scaled[0] = Math.max(scaled[0], Math.abs(a[3] - e[3]) / Math.max(Math.abs(e[3]), o.zScale));
            scaled[1] = Math.max(scaled[1], Math.abs(a[4] - e[4]) / Math.max(Math.abs(e[4]), o.entropyScale));
            scaled[2] = Math.max(scaled[2], Math.abs(a[5] - e[5]) / Math.max(Math.abs(e[5]), o.jeScale));
            if (run.regime(i) != o.regime) {
                regimeMismatch++;
            }
        }
        System.out.printf(Locale.ROOT,
                "%s %s causal incremental vs naive (%d decisions), plain relative: r=%.1e beta=%.1e kappa=%.1e z=%.1e "
                        + "entropy=%.1e je=%.1e thrEntNess=%.1e thrEntEq=%.1e thrJe=%.1e exposure=%.1e; "
                        + "scale-relative: z=%.1e entropy=%.1e je=%.1e; regime mismatches %d%n",
                symbol, method, run.size(), plain[0], plain[1], plain[2], plain[3], plain[4], plain[5], plain[6],
                plain[7], plain[8], plain[9], scaled[0], scaled[1], scaled[2], regimeMismatch);
        assertTrue(plain[0] <= TOL && plain[1] <= TOL && plain[2] <= TOL, "r, β, κ");
        assertTrue(scaled[0] <= TOL, "z-score");
        assertTrue(scaled[1] <= TOL, "entropy rate");
        assertTrue(scaled[2] <= TOL, "JE health");
        assertEquals(0, regimeMismatch, "regimes");
        assertEquals(0.0, plain[9], "exposure");
    }
}
