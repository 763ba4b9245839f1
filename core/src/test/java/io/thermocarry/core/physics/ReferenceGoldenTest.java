package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.FundingCycles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole-range table on the reference's own inputs ({@code ../shared/reference}: its hourly basis column and
 * its cycles with b_start and F) against the headline figures of the reference run documented in
 * {@code shared/reference/README.md}: κ, τ_relax, r, JE raw and winsorized. This pins the SPEC §3 estimator,
 * the dissipation, the exponent clipping and numpy's winsorizing percentiles to the reference, number for
 * number. (The README's ⟨σ⟩ is a different quantity: the mean of the reference's separate entropy series with a
 * rolling, forward-looking β; the whole-range table uses one β.)
 */
class ReferenceGoldenTest {

    private static Path referenceDir() {
        String shared = System.getProperty("thermocarry.sharedDir", "../../shared");
        Path dir = Path.of(shared, "reference");
        boolean required = Boolean.getBoolean("thermocarry.requireSharedData");
        if (!Files.isDirectory(dir)) {
            if (required) {
                throw new AssertionError("shared reference data missing at " + dir.toAbsolutePath());
            }
            Assumptions.abort("no shared reference data at " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** Columns of a gzipped CSV with a header; empty fields as NaN, ISO instants as epoch ms. */
    static double[][] readColumns(Path file, String... names) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(r.readLine().split(",", -1));
            int[] at = new int[names.length];
            for (int c = 0; c < names.length; c++) {
                at[c] = header.indexOf(names[c]);
                assertTrue(at[c] >= 0, file + ": no column " + names[c]);
            }
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                double[] v = new double[names.length];
                for (int c = 0; c < names.length; c++) {
                    String s = f[at[c]];
                    v[c] = s.isEmpty() ? Double.NaN
                            : s.endsWith("Z") ? Instant.parse(s).toEpochMilli() : Double.parseDouble(s);
                }
                rows.add(v);
            }
            double[][] out = new double[names.length][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < names.length; c++) {
                    out[c][i] = rows.get(i)[c];
                }
            }
            return out;
        }
    }

    static FundingCycles referenceCycles(Path dir, String symbol) throws IOException {
        double[][] c = readColumns(dir.resolve(symbol + ".reference-cycles.csv.gz"), "start_time", "end_time",
                "funding_rate", "basis_start", "basis_end");
        int n = c[0].length;
        long[] start = new long[n];
        long[] end = new long[n];
        double[] hours = new double[n];
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        for (int i = 0; i < n; i++) {
            start[i] = (long) c[0][i];
            end[i] = (long) c[1][i];
            hours[i] = (end[i] - start[i]) / 3_600_000.0;
        }
        return new FundingCycles(new Symbol(symbol), start, end, c[2], hours, c[3], c[4], nan, nan, new int[n], nan,
                nan, new byte[n], 0);
    }

    @ParameterizedTest
    @CsvSource({
        // symbol, κ, τ_relax, r, JE raw, JE winsorized (README headline figures of the reference run)
        "BTCUSDT, 0.13036, 7.671, 0.9589, 1.02047, 1.01603",
        "ETHUSDT, 0.14027, 7.129, 0.8912, 1.03202, 1.01957",
        "SOLUSDT, 0.16432, 6.086, 0.7607, 112.545, 1.00828"
    })
    void wholeRangeTable_reproducesTheReferenceHeadlineFigures(String symbol, double kappa, double tau, double r,
            double jeRaw, double jeWin) throws IOException {
        Path dir = referenceDir();
        double[] basis = readColumns(dir.resolve(symbol + ".input-basis.csv.gz"), "basis_pct")[0];
        FundingCycles cycles = referenceCycles(dir, symbol);
        PhysicsSpec spec = PhysicsSpec.defaults().withResamples(500, 50, 20);
        PhysicsReport rep = PhysicsAnalyzer.analyze(basis, cycles, spec);
        assertEquals(kappa, rep.kappaPerHour(), 5e-6, "κ");
        assertEquals(tau, rep.tauRelaxHours(), 5e-4, "τ");
        assertEquals(8.0, rep.fundingIntervalHours(), 0);
        assertEquals(r, rep.relaxationRatio(), 5e-5, "r");
        assertEquals(jeRaw, rep.je().naive().value(), 5e-6 * jeRaw, "JE raw");
        assertEquals(jeWin, rep.jeWinsorized().naive().value(), 5e-6 * jeWin, "JE winsorized");
        assertEquals(cycles.size(), rep.cycles());
        assertEquals(0, rep.cyclesSkipped());
        assertEquals(EstimateState.OK, rep.je().naive().state());
        // the dissipation column of the reference equals −F·b_start + F²/(2κ) with the same κ
        double[] d = readColumns(dir.resolve(symbol + ".reference-cycles.csv.gz"), "dissipation")[0];
        double[] mine = CycleThermo.dissipation(cycles.rates(), cycles.basisStarts(), rep.kappaPerHour());
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i], mine[i], 1e-12 * Math.abs(d[i]) + 1e-18, "dissipation " + i);
        }
    }
}
