package io.thermocarry.core.signal;

import io.thermocarry.core.Compat;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import io.thermocarry.core.physics.ReferenceCycleBuilder.ReferenceCycles;
import java.util.Arrays;
import java.util.Locale;

/**
 * Not a test: speed figures and real-data regime shares for the closing note (no timing assertions in
 * tests). Run after {@code mvn -pl core test-compile}:
 * {@code java -cp core/target/classes:core/target/test-classes io.thermocarry.core.signal.SignalBench}
 * (needs ../shared; set -Dthermocarry.sharedDir if run from elsewhere).
 */
public final class SignalBench {
    private SignalBench() {
    }

    public static void main(String[] args) {
        String[] symbols = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
        FundingSeries funding = GoldenFiles.funding("BTCUSDT");
        BasisSeries basis = GoldenFiles.availabilityStamped("BTCUSDT");
        FundingCycles cycles = CycleBuilder.build(funding, basis, null);
        long[] openTimes = GoldenFiles.basisOpenTimes("BTCUSDT");
        double[] rows = GoldenFiles.basisPct("BTCUSDT");
        ReferenceCycles ref = ReferenceCycleBuilder.build(funding, openTimes, rows);
        SignalSpec spec = SignalSpec.defaults();
        RegimeSpec rs = RegimeSpec.defaults();
        String causal = time(() -> SignalRunner.run(cycles, basis, spec, rs, RegimeConfig.FULL, Compat.CAUSAL));
        String reference = time(() -> SignalRunner.runReference(ref, spec, rs, RegimeConfig.FULL));
        String causalCycles = time(() -> CycleBuilder.build(funding, basis, null));
        String refCycles = time(() -> ReferenceCycleBuilder.build(funding, openTimes, rows));
        System.out.printf(Locale.ROOT,
                "BTCUSDT %d cycles, %d hourly observations, %d decisions (ms over 41 warm runs):%n"
                        + "  causal signals+regime %s%n  reference signals+regime %s%n"
                        + "  CycleBuilder %s%n  ReferenceCycleBuilder %s%n",
                cycles.size(), basis.size(), SignalRunner.run(cycles, basis, spec, rs, RegimeConfig.FULL,
                        Compat.CAUSAL).size(), causal, reference, causalCycles, refCycles);
        for (String s : symbols) {
            FundingSeries f = GoldenFiles.funding(s);
            BasisSeries b = GoldenFiles.availabilityStamped(s);
            SignalRun c = SignalRunner.run(CycleBuilder.build(f, b, null), b, spec, rs, RegimeConfig.FULL,
                    Compat.CAUSAL);
            SignalRun r = SignalRunner.runReference(ReferenceCycleBuilder.build(f, GoldenFiles.basisOpenTimes(s),
                    GoldenFiles.basisPct(s)), spec, rs, RegimeConfig.FULL);
            int changed = 0;
            int common = 0;
            int[][] why = new int[2][3];
            for (int i = 0; i < c.size(); i++) {
                int j = r.lowerBound(c.timeMs(i));
                if (j < r.size() && r.timeMs(j) == c.timeMs(i)) {
                    common++;
                    if (r.regime(j) != c.regime(i)) {
                        changed++;
                    }
                }
            }
            for (int m = 0; m < 2; m++) {
                SignalRun x = m == 0 ? c : r;
                for (int i = 0; i < x.size(); i++) {
                    if (x.regime(i) == Regime.NESS) {
                        why[m][0] += x.relaxationRatio(i) > rs.relaxationDanger() ? 1 : 0;
                        why[m][1] += x.entropyRate(i) < x.entropyNessThreshold(i) ? 1 : 0;
                        why[m][2] += x.jeHealth(i) > x.jeDangerThreshold(i) ? 1 : 0;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s causal    %s; NESS by r>1.4 / entropy / JE: %s%n", s, shares(c),
                    Arrays.toString(why[0]));
            System.out.printf(Locale.ROOT, "%s reference %s; NESS by r>1.4 / entropy / JE: %s%n", s, shares(r),
                    Arrays.toString(why[1]));
            System.out.printf(Locale.ROOT, "%s regime differs at %d of %d common decisions%n", s, changed, common);
        }
    }

    private static String shares(SignalRun run) {
        int[] c = run.regimeCounts();
        double n = run.size();
        return String.format(Locale.ROOT, "%d decisions: EQUILIBRIUM %.1f%%, WARM %.1f%%, NESS %.1f%%", run.size(),
                100 * c[0] / n, 100 * c[1] / n, 100 * c[2] / n);
    }

    /** "min / median" of 41 timed runs after 30 warm-up runs, in ms. */
    private static String time(Runnable r) {
        for (int i = 0; i < 30; i++) {
            r.run();
        }
        double[] t = new double[41];
        for (int i = 0; i < t.length; i++) {
            long a = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(t);
        return String.format(Locale.ROOT, "min %.2f / median %.2f", t[0], t[t.length / 2]);
    }
}
