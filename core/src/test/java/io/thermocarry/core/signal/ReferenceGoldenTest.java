package io.thermocarry.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import io.thermocarry.core.physics.ReferenceCycleBuilder.ReferenceCycles;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference mode reproduces the golden outputs of the reference code (../shared/reference, commit
 * 7fce4058) from its own inputs: every cycle field and every signal to 1e−9 relative, every regime and
 * multiplier exactly, for BTC, ETH and SOL. Expected figures (counts of cycles and of cycles with signals)
 * come from the golden README: 6,843 / 6,483, 6,843 / 6,483, 3,615 / 3,255.
 */
class ReferenceGoldenTest {
    private static final double TOL = 1e-9;

    private static ReferenceCycles reference(String symbol) {
        return ReferenceCycleBuilder.build(GoldenFiles.funding(symbol), GoldenFiles.basisOpenTimes(symbol),
                GoldenFiles.basisPct(symbol));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", "ETHUSDT", "SOLUSDT"})
    void referenceCycleBuilder_matchesGoldenCycleColumns(String symbol) {
        GoldenFiles.Table g = GoldenFiles.cycles(symbol);
        ReferenceCycles ref = reference(symbol);
        FundingCycles c = ref.cycles();
        assertEquals(g.size(), c.size(), "cycle count");
        assertEquals(0, ref.droppedSettlements());
        long[] start = g.instantsMs("start_time");
        long[] end = g.instantsMs("end_time");
        double[] nRows = g.doubles("n_basis_rows");
        for (int k = 0; k < c.size(); k++) {
            assertEquals(start[k], c.startMs(k), "start " + k);
            assertEquals(end[k], c.endMs(k), "end " + k);
            assertEquals((int) nRows[k], c.basisObs(k), "n_basis_rows " + k);
        }
        StringBuilder report = new StringBuilder(symbol + " cycle fields, max relative error:");
        check(report, g, "funding_rate", c.rates());
        check(report, g, "basis_start", c.basisStarts());
        check(report, g, "basis_end", c.basisEnds());
        check(report, g, "basis_mean", c.basisMeans());
        check(report, g, "basis_std", c.basisStds());
        check(report, g, "work", ref.work());
        check(report, g, "energy_start", ref.energyStart());
        check(report, g, "energy_end", ref.energyEnd());
        check(report, g, "heat", ref.heat());
        check(report, g, "delta_free_energy", ref.deltaFreeEnergy());
        check(report, g, "dissipation", ref.dissipation());
        check(report, g, "mark_price_start", c.markStarts());
        check(report, g, "mark_price_end", c.markEnds());
        System.out.println(report);
    }

    private static void check(StringBuilder report, GoldenFiles.Table g, String col, double[] actual) {
        double[] expected = g.doubles(col);
        double max = 0;
        int worst = -1;
        for (int k = 0; k < expected.length; k++) {
            double e = GoldenFiles.relErr(actual[k], expected[k]);
            if (e > max) {
                max = e;
                worst = k;
            }
        }
        report.append(String.format(Locale.ROOT, " %s=%.2e", col, max));
        final int w = worst;
        final double m = max;
        assertTrue(max <= TOL, () -> g.file + " " + col + ": relative error " + m + " at cycle " + w + " (expected "
                + expected[w] + ", got " + actual[w] + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", "ETHUSDT", "SOLUSDT"})
    void referenceMode_matchesEveryGoldenSignalAndRegime(String symbol) {
        GoldenFiles.Table g = GoldenFiles.cycles(symbol);
        SignalRun run = SignalRunner.runReference(reference(symbol), SignalSpec.defaults(), RegimeSpec.defaults(),
                RegimeConfig.FULL);
        String[] regime = g.strings("regime");
        double[] multiplier = g.doubles("regime_multiplier");
        int withSignals = 0;
        for (String r : regime) {
            if (!r.isEmpty()) {
                withSignals++;
            }
        }
        assertEquals(withSignals, run.size(), "decisions");
        assertEquals(g.size() - 360, run.size(), "warm-up of 360 cycles");
        String[] cols = {"relaxation_ratio", "temperature_zscore", "entropy_rate", "je_health", "raw_beta",
                "raw_kappa"};
        double[][] actual = {run.relaxationRatios(), run.temperatureZscores(), run.entropyRates(), run.jeHealths(),
                run.betas(), run.kappas()};
        StringBuilder report = new StringBuilder(symbol + " reference signals, max relative error:");
        for (int s = 0; s < cols.length; s++) {
            double[] expected = g.doubles(cols[s]);
            double max = 0;
            int worst = -1;
            for (int i = 0; i < run.size(); i++) {
                int k = run.cycleIndex(i);
                double e = GoldenFiles.relErr(actual[s][i], expected[k]);
                if (e > max) {
                    max = e;
                    worst = k;
                }
            }
            report.append(String.format(Locale.ROOT, " %s=%.2e", cols[s], max));
            final int w = worst;
            final double m = max;
            final int col = s;
            assertTrue(max <= TOL, () -> symbol + " " + cols[col] + ": relative error " + m + " at cycle " + w);
        }
        int mismatches = 0;
        int[] counts = new int[3];
        for (int i = 0; i < run.size(); i++) {
            int k = run.cycleIndex(i);
            Regime r = run.regime(i);
            counts[r.ordinal()]++;
            if (!r.name().equals(regime[k]) || run.exposure(i) != multiplier[k]) {
                mismatches++;
            }
        }
        report.append(String.format(Locale.ROOT, "; regime mismatches %d of %d (EQ %d, WARM %d, NESS %d)", mismatches,
                run.size(), counts[0], counts[1], counts[2]));
        System.out.println(report);
        assertEquals(0, mismatches, "regime mismatches");
    }
}
