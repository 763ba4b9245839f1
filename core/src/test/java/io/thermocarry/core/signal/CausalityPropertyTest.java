package io.thermocarry.core.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.BasisSource;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Causality by perturbation (SPEC §4): on a random synthetic market, pick a random decision time d and
 * change the future — basis values available after d, funding rates settled after d, hourly observations
 * deleted or added after d, settlements added or deleted after the end of the cycle that starts at d (the
 * schedule up to that end is published by d). Every signal, threshold, regime and exposure of every
 * decision at or before d must be bit-for-bit unchanged in causal mode. The same perturbations of the basis
 * do change decisions at or before d in reference mode, which proves that the property can see look-ahead.
 */
class CausalityPropertyTest {
    private static final int BASIS_VALUES = 1;
    private static final int FUNDING_RATES = 2;
    private static final int DELETE_HOURS = 4;
    private static final int ADD_HOURS = 8;
    private static final int SCHEDULE = 16;

    /** A small spec (fast tries) or the reference defaults, both κ forms and every configuration. */
    @Provide
    Arbitrary<SignalSpec> specs() {
        SignalSpec small = new SignalSpec(60, 19, 12, 25, SignalSpec.referenceWarmup(19, 12, 25),
                KappaMethod.THROUGH_ORIGIN, 8.0);
        return Arbitraries.of(small, small.withKappaMethod(KappaMethod.DEMEANED), SignalSpec.defaults(),
                SignalSpec.defaults().withKappaMethod(KappaMethod.DEMEANED));
    }

    @Provide
    Arbitrary<RegimeConfig> configs() {
        return Arbitraries.of(RegimeConfig.FULL, RegimeConfig.RELAXATION_ONLY, RegimeConfig.RELAXATION_ENTROPY);
    }

    private static RegimeSpec regimeSpecFor(SignalSpec spec) {
        RegimeSpec d = RegimeSpec.defaults();
        int lookback = spec.warmupCycles() < 100 ? 40 : 360;
        return new RegimeSpec(d.relaxationDanger(), d.relaxationSafe(), d.temperatureEquilibriumZ(),
                d.entropyNessPercentile(), d.entropyEquilibriumPercentile(), d.jeDangerPercentile(), lookback,
                d.minHistory(), d.entropyNessFallback(), d.entropyEquilibriumFallback(), d.jeDangerFallback(),
                d.exposureEquilibrium(), d.exposureWarm(), d.exposureNess());
    }

    @Property(tries = 150)
    void causalMode_decisionsAtOrBeforeD_unchangedByAnyFuturePerturbation(@ForAll @LongRange(min = 1) long seed,
            @ForAll("specs") SignalSpec spec, @ForAll("configs") RegimeConfig config,
            @ForAll @IntRange(min = 1, max = 31) int kinds) {
        Scenario s = Scenario.of(seed, spec, kinds);
        RegimeSpec rs = regimeSpecFor(spec);
        SignalRun before = causal(s.funding, s.basis, spec, rs, config);
        SignalRun after = causal(s.perturbedFunding, s.perturbedBasis, spec, rs, config);
        int upTo = before.lowerBound(s.d + 1);
        assertTrue(upTo > 0, "the chosen d has decisions at or before it");
        assertEquals(upTo, after.lowerBound(s.d + 1), "decisions at or before d");
        for (int i = 0; i < upTo; i++) {
            assertArrayEquals(bits(before, i), bits(after, i), "decision " + i + " at " + before.decision(i).time()
                    + " (d = " + java.time.Instant.ofEpochMilli(s.d) + ") changed");
            assertEquals(before.regime(i), after.regime(i));
        }
    }

    @Property(tries = 60)
    void referenceMode_seesTheFuture_basisPerturbationAfterDChangesDecisionsAtOrBeforeD(
            @ForAll @LongRange(min = 1) long seed, @ForAll("specs") SignalSpec spec,
            @ForAll @IntRange(min = 1, max = 31) int kinds) {
        // the basis values after d always change (only deleting or adding hours may leave every value the
        // reference reads as it was: seen with kinds = DELETE_HOURS | ADD_HOURS | ...)
        int basisKinds = kinds | BASIS_VALUES;
        Scenario s = Scenario.of(seed, spec, basisKinds);
        RegimeSpec rs = regimeSpecFor(spec);
        SignalRun before = reference(s.funding, s.basis, spec, rs);
        SignalRun after = reference(s.perturbedFunding, s.perturbedBasis, spec, rs);
        int upTo = before.lowerBound(s.d + 1);
        assertTrue(upTo > 0);
        boolean changed = false;
        for (int i = 0; i < Math.min(upTo, after.size()) && !changed; i++) {
            changed = !Arrays.equals(bits(before, i), bits(after, i));
        }
        assertTrue(changed, "reference mode must see the perturbation after d (look-ahead)");
        // and the very same scenario leaves causal mode untouched
        SignalRun cb = causal(s.funding, s.basis, spec, rs, RegimeConfig.FULL);
        SignalRun ca = causal(s.perturbedFunding, s.perturbedBasis, spec, rs, RegimeConfig.FULL);
        int n = cb.lowerBound(s.d + 1);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(bits(cb, i), bits(ca, i));
        }
    }

    private static SignalRun causal(FundingSeries f, BasisSeries b, SignalSpec spec, RegimeSpec rs,
            RegimeConfig config) {
        FundingCycles cycles = CycleBuilder.build(f, b, null);
        return SignalRunner.run(cycles, b, spec, rs, config, Compat.CAUSAL);
    }

    private static SignalRun reference(FundingSeries f, BasisSeries b, SignalSpec spec, RegimeSpec rs) {
        return SignalRunner.runReference(ReferenceCycleBuilder.fromProductData(f, b, spec.kappaMethod()), spec, rs,
                RegimeConfig.FULL);
    }

    /** Every output of decision i, as raw bits. */
    private static long[] bits(SignalRun r, int i) {
        return new long[] {r.timeMs(i), r.cycleIndex(i), Double.doubleToRawLongBits(r.relaxationRatio(i)),
            Double.doubleToRawLongBits(r.temperatureZscore(i)), Double.doubleToRawLongBits(r.entropyRate(i)),
            Double.doubleToRawLongBits(r.jeHealth(i)), Double.doubleToRawLongBits(r.beta(i)),
            Double.doubleToRawLongBits(r.kappa(i)), Double.doubleToRawLongBits(r.tauFundingHours(i)),
            r.basisPoints(i), Double.doubleToRawLongBits(r.entropyNessThreshold(i)),
            Double.doubleToRawLongBits(r.entropyEquilibriumThreshold(i)),
            Double.doubleToRawLongBits(r.jeDangerThreshold(i)), r.regime(i).ordinal(),
            Double.doubleToRawLongBits(r.exposure(i))};
    }

    /** A market, a decision time d and the same market with its future after d perturbed. */
    static final class Scenario {
        FundingSeries funding;
        BasisSeries basis;
        FundingSeries perturbedFunding;
        BasisSeries perturbedBasis;
        long d;

        static Scenario of(long seed, SignalSpec spec, int kinds) {
            Random rnd = new Random(seed);
            int cycles = spec.warmupCycles() + 30 + rnd.nextInt(60);
            double kappa = 0.03 + 0.3 * rnd.nextDouble();
            SyntheticMarket m = SyntheticMarket.generate(seed, cycles, k -> kappa, 0.05, 1e-4, 3e-4,
                    rnd.nextDouble() < 0.5 ? 0.0 : 0.02, rnd.nextBoolean());
            Scenario s = new Scenario();
            s.funding = m.funding;
            s.basis = m.basis;
            // d: a settlement with decisions at or before it and at least three settlements after it
            int k0 = spec.warmupCycles() + rnd.nextInt(cycles - spec.warmupCycles() - 3);
            s.d = m.funding.timeMs(k0);
            long scheduleFixedUntil = m.funding.timeMs(k0 + 1);
            s.perturbedBasis = perturbBasis(m.basis, s.d, kinds, rnd);
            s.perturbedFunding = perturbFunding(m.funding, s.d, scheduleFixedUntil, kinds, rnd);
            return s;
        }

        private static BasisSeries perturbBasis(BasisSeries b, long d, int kinds, Random rnd) {
            int n = b.size();
            long[] t = new long[2 * n];
            double[] v = new double[2 * n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                long ti = b.timeMs(i);
                double vi = b.basisPct(i);
                if (ti > d) {
                    if ((kinds & DELETE_HOURS) != 0 && rnd.nextDouble() < 0.3) {
                        continue;
                    }
                    if ((kinds & BASIS_VALUES) != 0) {
                        vi += 0.5 * rnd.nextGaussian();
                    }
                }
                t[m] = ti;
                v[m] = vi;
                m++;
                if ((kinds & ADD_HOURS) != 0 && ti > d && rnd.nextDouble() < 0.3) {
                    t[m] = ti + SyntheticMarket.HOUR_MS / 2;
                    v[m] = vi + 0.3 * rnd.nextGaussian();
                    m++;
                }
            }
            byte[] src = new byte[m];
            Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
            return new BasisSeries(b.symbol(), Arrays.copyOf(t, m), Arrays.copyOf(v, m), src, 0, b.intervalMs());
        }

        private static FundingSeries perturbFunding(FundingSeries f, long d, long scheduleFixedUntil, int kinds,
                Random rnd) {
            int n = f.size();
            long[] t = new long[2 * n];
            double[] r = new double[2 * n];
            long[] iv = new long[2 * n];
            double[] mk = new double[2 * n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                long ti = f.timeMs(i);
                double ri = f.rate(i);
                if (ti > scheduleFixedUntil && (kinds & SCHEDULE) != 0 && rnd.nextDouble() < 0.2) {
                    continue;
                }
                if (ti > d && (kinds & FUNDING_RATES) != 0) {
                    ri += 5e-4 * rnd.nextGaussian();
                }
                t[m] = ti;
                r[m] = ri;
                iv[m] = f.intervalMs(i);
                mk[m] = Double.NaN;
                m++;
                if (ti > scheduleFixedUntil && (kinds & SCHEDULE) != 0 && rnd.nextDouble() < 0.2 && i + 1 < n) {
                    t[m] = ti + SyntheticMarket.HOUR_MS * 2;
                    r[m] = 3e-4 * rnd.nextGaussian();
                    iv[m] = 2 * SyntheticMarket.HOUR_MS;
                    mk[m] = Double.NaN;
                    m++;
                }
            }
            return new FundingSeries(f.symbol(), Arrays.copyOf(t, m), Arrays.copyOf(r, m), Arrays.copyOf(iv, m),
                    Arrays.copyOf(mk, m));
        }
    }
}
