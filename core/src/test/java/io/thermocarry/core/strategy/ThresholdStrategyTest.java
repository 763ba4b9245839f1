package io.thermocarry.core.strategy;

import io.thermocarry.core.stats.PairwiseSum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.Markets;
import io.thermocarry.core.series.FundingCycles;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Threshold baseline rules and the NumPy-order statistics it relies on. */
class ThresholdStrategyTest {
    private static Decision decide(ThresholdStrategy spec, double[] rates, Compat compat, int k, PositionView pos) {
        FundingCycles c = Markets.cycles(rates, new double[rates.length + 1]);
        CycleRule rule = spec.rule(new RuleContext(c, SignalPath.none(rates.length), compat, 0));
        Decision out = new Decision();
        out.reset(pos.side(), pos.notional());
        rule.decide(k, pos, out);
        return out;
    }

    /**
     * Bit-for-bit NumPy: {@code numpy.mean}/{@code numpy.std} of n copies of 1e−4 (NumPy 2.4 prints, for
     * n = 1, 7, 8, 9, 127, 128, 129, 360, 1000: means 1e-4, 1.0000000000000002e-4, 1e-4, 1e-4,
     * 9.999999999999999e-5, 1.0000000000000003e-4, 1.0000000000000002e-4, 1.0000000000000003e-4,
     * 1.0000000000000003e-4 and stds 0, 1.3552527156068805e-20, 0, 0, 1.3552527156068805e-20,
     * 2.710505431213761e-20, 1.3552527156068805e-20, 2.710505431213761e-20, 2.710505431213761e-20). A flat
     * window therefore decides |F| > |mean| + std exactly as the reference did, rounding included.
     */
    @Test
    void pairwiseMeanAndStd_ofIdenticalRates_matchNumpyBitForBit() {
        int[] n = {1, 7, 8, 9, 127, 128, 129, 360, 1000};
        double[] mean = {1e-4, 1.0000000000000002e-4, 1e-4, 1e-4, 9.999999999999999e-5, 1.0000000000000003e-4,
            1.0000000000000002e-4, 1.0000000000000003e-4, 1.0000000000000003e-4};
        double[] std = {0, 1.3552527156068805e-20, 0, 0, 1.3552527156068805e-20, 2.710505431213761e-20,
            1.3552527156068805e-20, 2.710505431213761e-20, 2.710505431213761e-20};
        for (int i = 0; i < n.length; i++) {
            double[] a = new double[n[i]];
            Arrays.fill(a, 1e-4);
            double m = PairwiseSum.mean(a, 0, n[i]);
            assertEquals(mean[i], m, 0.0, "mean n=" + n[i]);
            assertEquals(std[i], PairwiseSum.std(a, 0, n[i], m, new double[n[i]]), 0.0, "std n=" + n[i]);
        }
    }

    @Test
    void pairwiseSum_isWithinRoundingOfTheExactSum() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(1200);
            double[] a = new double[n];
            BigDecimal exact = BigDecimal.ZERO;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextGaussian() * 1e-3;
                exact = exact.add(new BigDecimal(a[i]));
                abs += Math.abs(a[i]);
            }
            double got = PairwiseSum.sum(a, 0, n);
            double err = Math.abs(new BigDecimal(got).subtract(exact, MathContext.DECIMAL128).doubleValue());
            assertTrue(err <= abs * 1e-14, "n=" + n + " err " + err);
        }
    }

    @Test
    void causal_entersOnSpike_sideBySign_andExitsWhenNormalisedOrAfterMaxHold() {
        ThresholdStrategy spec = new ThresholdStrategy(4, 1.0, 0.1, 3, 0.01);
        double[] rates = {1e-4, 2e-4, 1e-4, 2e-4, 9e-4, -9e-4, 0.5e-4, 5e-4};
        // window of k=4: mean 1.5e-4, std 0.5e-4 → band 2e-4; F_4 = 9e-4 > band → short basis 0.1 × capital
        Decision d = decide(spec, rates, Compat.CAUSAL, 4, FixedPosition.flat(2.0));
        assertEquals(Side.SHORT_BASIS, d.side());
        assertEquals(0.2, d.notional(), 1e-15);
        // k=5: window {2,1,2,9}e-4 mean 3.5e-4 std ≈ 3.2e-4 → |−9e-4| > 6.7e-4 → long basis
        assertEquals(Side.LONG_BASIS, decide(spec, rates, Compat.CAUSAL, 5, FixedPosition.flat(1.0)).side());
        // k=6 while holding: |0.5e-4| < |mean| → normalised
        PositionView held = FixedPosition.holding(Side.SHORT_BASIS, 0.1, 1.0, 4, 2);
        assertEquals(ExitReason.FUNDING_NORMALISED, decide(spec, rates, Compat.CAUSAL, 6, held).exitReason());
        // k=7: |5e-4| ≥ |mean| but 3 cycles held → max hold
        PositionView longHeld = FixedPosition.holding(Side.SHORT_BASIS, 0.1, 1.0, 4, 3);
        assertEquals(ExitReason.MAX_HOLD, decide(spec, rates, Compat.CAUSAL, 7, longHeld).exitReason());
        assertEquals(Side.SHORT_BASIS, decide(spec, rates, Compat.CAUSAL, 7,
                FixedPosition.holding(Side.SHORT_BASIS, 0.1, 1.0, 4, 2)).side());
        // capital floor: no entry at or below 1 % of starting capital
        assertEquals(Side.FLAT, decide(spec, rates, Compat.CAUSAL, 4, FixedPosition.flat(0.01)).side());
        // before a full window: nothing
        assertEquals(Side.FLAT, decide(spec, rates, Compat.CAUSAL, 3, FixedPosition.flat(1.0)).side());
    }

    @Test
    void reference_decidesOneCycleLate_onTheRateOfTheCycleJustClosed() {
        ThresholdStrategy spec = new ThresholdStrategy(4, 1.0, 0.1, 3, 0.01);
        double[] rates = {1e-4, 2e-4, 1e-4, 2e-4, 9e-4, 1e-4, 1e-4};
        assertEquals(Side.FLAT, decide(spec, rates, Compat.REFERENCE, 4, FixedPosition.flat(1.0)).side());
        assertEquals(Side.SHORT_BASIS, decide(spec, rates, Compat.REFERENCE, 5, FixedPosition.flat(1.0)).side());
        FundingCycles c = Markets.cycles(rates, new double[rates.length + 1]);
        assertEquals(FeeBooking.CLOSED_CYCLE, spec.rule(new RuleContext(c, SignalPath.none(7), Compat.REFERENCE,
                0)).feeBooking());
        assertEquals(FeeBooking.OPENED_CYCLE, spec.rule(new RuleContext(c, SignalPath.none(7), Compat.CAUSAL,
                0)).feeBooking());
    }
}
