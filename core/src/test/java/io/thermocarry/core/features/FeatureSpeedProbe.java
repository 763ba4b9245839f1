package io.thermocarry.core.features;

import io.thermocarry.core.market.MicroData;
import java.util.Arrays;

/**
 * Manual speed probe (not a test; speed belongs in {@code bench}): warm time of {@link FeatureEngine#compute} for
 * six years of one symbol at 5-min resolution (5-min tickers of both legs, depth bands, OI, premium points and
 * liquidation events from the synthetic stress market), decisions every 5 min and at the settlements.
 * Run: {@code java -cp core/target/classes:core/target/test-classes io.thermocarry.core.features.FeatureSpeedProbe}.
 */
public final class FeatureSpeedProbe {
    private FeatureSpeedProbe() {
    }

    /** Prints the median wall time over repeated runs after warm-up. */
    public static void main(String[] args) {
        int cycles = 6 * 1096;
        StressSpec d = StressSpec.defaults(cycles, 1);
        StressSpec spec = new StressSpec(d.base(), d.crisisPerCycle(), d.squeezeShare(), d.jumpMinPct(), d.jumpMaxPct(),
                d.halfLifeHours(), d.precursorShare(), d.falseAlarmPerCycle(), d.featureStressShare(), 5,
                d.firstCrisisCycle(), d.fundingCapRate(), d.seed());
        StressMarket m = SyntheticStress.simulate(spec);
        MicroData md = m.micro();
        MicroInputs in = new MicroInputs(m.funding().symbol(), md.bookTicker().get(0), md.bookTicker().get(1),
                md.bookDepth().get(0), m.openInterest(), md.liquidations().get(0), md.liquidationCoverage().get(0),
                PremiumSeries.ofPremiumKlines(m.premium()), m.funding(), m.fundingInfo());
        long t0 = m.funding().timeMs(0);
        int n = cycles * 96;
        long[] grid = new long[n];
        long[] iv = new long[n];
        for (int i = 0; i < n; i++) {
            grid[i] = t0 + i * 300_000L;
            iv[i] = 8 * 3_600_000L;
        }
        long[] settle = Arrays.copyOf(m.funding().times(), cycles);
        long[] siv = new long[cycles];
        Arrays.fill(siv, 8 * 3_600_000L);
        System.out.printf("inputs: %,d quotes per leg, %,d depth rows, %,d OI, %,d premium points, %,d liquidations%n",
                in.perpTicker().size(), in.depth().size(), in.openInterest().size(), n, in.liquidations().size());
        MicroInputs none = MicroInputs.none(m.funding());
        MicroInputs[] parts = {
            new MicroInputs(in.symbol(), in.perpTicker(), none.spotTicker(), none.depth(), none.openInterest(),
                    none.liquidations(), none.coverage(), none.premium(), in.funding(), null),
            new MicroInputs(in.symbol(), none.perpTicker(), none.spotTicker(), in.depth(), none.openInterest(),
                    none.liquidations(), none.coverage(), none.premium(), in.funding(), null),
            new MicroInputs(in.symbol(), none.perpTicker(), none.spotTicker(), none.depth(), in.openInterest(),
                    none.liquidations(), none.coverage(), none.premium(), in.funding(), null),
            new MicroInputs(in.symbol(), none.perpTicker(), none.spotTicker(), none.depth(), none.openInterest(),
                    none.liquidations(), none.coverage(), in.premium(), in.funding(), in.fundingInfo()),
            new MicroInputs(in.symbol(), none.perpTicker(), none.spotTicker(), none.depth(), none.openInterest(),
                    in.liquidations(), in.coverage(), none.premium(), in.funding(), null)};
        String[] names = {"spread perp", "depth", "oi", "predicted funding", "liquidations"};
        for (int p = 0; p < parts.length; p++) {
            for (String what : new String[] {"every 5 min", "at settlements"}) {
                long[] dd = what.startsWith("every") ? grid : settle;
                long[] ii = what.startsWith("every") ? iv : siv;
                for (int w = 0; w < 3; w++) {
                    FeatureEngine.compute(parts[p], dd, ii, FeatureSpec.defaults());
                }
                long s = System.nanoTime();
                FeatureEngine.compute(parts[p], dd, ii, FeatureSpec.defaults());
                System.out.printf("  %s %s: %.1f ms%n", names[p], what, (System.nanoTime() - s) / 1e6);
            }
        }
        for (String what : new String[] {"every 5 min", "at settlements"}) {
            long[] dd = what.startsWith("every") ? grid : settle;
            long[] ii = what.startsWith("every") ? iv : siv;
            for (int w = 0; w < 5; w++) {
                FeatureEngine.compute(in, dd, ii, FeatureSpec.defaults());
            }
            long[] t = new long[7];
            for (int r = 0; r < t.length; r++) {
                long s = System.nanoTime();
                FeatureFrame f = FeatureEngine.compute(in, dd, ii, FeatureSpec.defaults());
                t[r] = System.nanoTime() - s;
                if (f.size() != dd.length) {
                    throw new AssertionError();
                }
            }
            Arrays.sort(t);
            System.out.printf("%s: %,d decisions, median %.1f ms%n", what, dd.length, t[t.length / 2] / 1e6);
        }
    }
}
