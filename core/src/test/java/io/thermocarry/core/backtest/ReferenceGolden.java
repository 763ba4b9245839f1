package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.fail;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.BasisSource;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.SignalPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference code's per-cycle outputs ({@code ../shared/reference/SYMBOL.reference-cycles.csv.gz}, see its
 * README) as columns, with the funding cycles and signal path they imply.
 */
final class ReferenceGolden {
    final String symbol;
    final int n;
    final Map<String, double[]> num = new HashMap<>();
    final long[] startMs;
    final long[] endMs;
    final Regime[] regime;

    private ReferenceGolden(String symbol, List<String[]> rows, String[] header) {
        this.symbol = symbol;
        this.n = rows.size();
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        startMs = new long[n];
        endMs = new long[n];
        regime = new Regime[n];
        for (String name : header) {
            if (!Arrays.asList("symbol", "start_time", "end_time", "regime", "ent_is_equilibrium").contains(name)) {
                num.put(name, new double[n]);
            }
        }
        for (int k = 0; k < n; k++) {
            String[] r = rows.get(k);
            startMs[k] = Instant.parse(r[col.get("start_time")]).toEpochMilli();
            endMs[k] = Instant.parse(r[col.get("end_time")]).toEpochMilli();
            String reg = r[col.get("regime")];
            regime[k] = reg.isEmpty() ? null : Regime.valueOf(reg);
            for (Map.Entry<String, double[]> e : num.entrySet()) {
                String v = r[col.get(e.getKey())];
                e.getValue()[k] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
            }
        }
    }

    /** Loads one symbol's golden file, or skips (fails when {@code thermocarry.requireSharedData=true}). */
    static ReferenceGolden load(String symbol) {
        Path file = sharedDir().resolve("reference").resolve(symbol + ".reference-cycles.csv.gz");
        if (!Files.isReadable(file)) {
            missing("golden file " + file + " not found");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",", -1);
            List<String[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
            return new ReferenceGolden(symbol, rows, header);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code thermocarry.sharedDir}, else {@code ../shared}, else {@code ../../shared}; skips if none exists. */
    static Path sharedDir() {
        String prop = System.getProperty("thermocarry.sharedDir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null && !prop.isBlank()) {
            candidates.add(Paths.get(prop));
        }
        candidates.add(Paths.get("..", "shared"));
        candidates.add(Paths.get("..", "..", "shared"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("reference"))) {
                return p;
            }
        }
        missing("no shared data directory among " + candidates
                + " (set -Dthermocarry.sharedDir=/path/to/shared)");
        return null;
    }

    private static void missing(String why) {
        if (Boolean.getBoolean("thermocarry.requireSharedData")) {
            fail("shared reference data required (thermocarry.requireSharedData=true): " + why);
        }
        Assumptions.assumeTrue(false, "skipped: " + why);
    }

    double[] col(String name) {
        double[] c = num.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name);
        }
        return c;
    }

    /** First row where {@code name} is defined. */
    int firstDefined(String name) {
        double[] c = col(name);
        for (int k = 0; k < n; k++) {
            if (!Double.isNaN(c[k])) {
                return k;
            }
        }
        return n;
    }

    private FundingCycles cycles;
    private SignalPath signals;

    /** The funding cycles the reference consumed (mark prices of 0 = unknown → NaN); built once. */
    synchronized FundingCycles cycles() {
        if (cycles == null) {
            cycles = buildCycles();
        }
        return cycles;
    }

    /** {@link #buildSignals()}, built once. */
    synchronized SignalPath signals() {
        if (signals == null) {
            signals = buildSignals();
        }
        return signals;
    }

    private FundingCycles buildCycles() {
        double[] ms = col("mark_price_start").clone();
        double[] me = col("mark_price_end").clone();
        for (int k = 0; k < n; k++) {
            ms[k] = ms[k] > 0 ? ms[k] : Double.NaN;
            me[k] = me[k] > 0 ? me[k] : Double.NaN;
        }
        double[] hours = new double[n];
        int[] obs = new int[n];
        double[] nbr = col("n_basis_rows");
        for (int k = 0; k < n; k++) {
            hours[k] = (endMs[k] - startMs[k]) / 3_600_000.0;
            obs[k] = (int) nbr[k];
        }
        byte[] src = new byte[n];
        Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
        return new FundingCycles(Symbol.of(symbol), startMs.clone(), endMs.clone(), col("funding_rate").clone(),
                hours, col("basis_start").clone(), col("basis_end").clone(), col("basis_mean").clone(),
                col("basis_std").clone(), obs, ms, me, src, 0);
    }

    /**
     * The signal path from the file's own regime, multiplier and signal columns, with the classifier's
     * adaptive thresholds recomputed from the past (up to 360) decisions: 40th percentile of the entropy rate
     * and 90th of JE health, linear interpolation, fallbacks 0 and 1e10 with 10 or fewer values (SPEC §5).
     */
    SignalPath buildSignals() {
        double[] ent = col("entropy_rate");
        double[] je = col("je_health");
        double[] entP40 = new double[n];
        double[] jeP90 = new double[n];
        Arrays.fill(entP40, Double.NaN);
        Arrays.fill(jeP90, Double.NaN);
        int firstSignal = firstDefined("entropy_rate");
        for (int k = firstSignal; k < n; k++) {
            int from = Math.max(firstSignal, k - 360);
            int len = k - from;
            entP40[k] = len > 10 ? percentile(ent, from, len, 40) : 0.0;
            jeP90[k] = len > 10 ? percentile(je, from, len, 90) : 1e10;
        }
        return new SignalPath(regime.clone(), col("regime_multiplier").clone(), col("relaxation_ratio").clone(),
                col("temperature_zscore").clone(), ent.clone(), je.clone(), entP40, jeP90);
    }

    private static double percentile(double[] x, int from, int len, double q) {
        double[] s = Arrays.copyOfRange(x, from, from + len);
        Arrays.sort(s);
        double pos = q / 100.0 * (len - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, len - 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }
}
