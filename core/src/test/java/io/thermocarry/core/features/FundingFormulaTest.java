package io.thermocarry.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Binance's funding formula (SPEC §8) against hand computations: the time weights 1..n, the interest component
 * pro rata of the interval, the ±0.05 % clamp, and the symbol's cap; then the engine's prediction from premium
 * index klines over a 4 h interval equals the same hand numbers exactly.
 */
class FundingFormulaTest {
    static final Symbol SYM = Symbol.of("BLZUSDT");
    static final long H = 3_600_000L;
    static final long T0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    static final double NONE_UP = Double.POSITIVE_INFINITY;
    static final double NONE_DOWN = Double.NEGATIVE_INFINITY;

    @Test
    void smallPremium_givesTheInterestRate_8h() {
        // P̄ = (1·1 + 2·3 + 3·(−2) + 4·4) bp / 10 = 1.7 bp; I − P̄ = −0.7 bp inside ±5 bp → F = I = 1 bp
        double[] p = {0.0001, 0.0003, -0.0002, 0.0004};
        assertEquals(0.0001, FundingFormula.rate(p, 4, 8 * H, NONE_UP, NONE_DOWN), 1e-18);
    }

    @Test
    void largePremium_isClampedToPbarMinus5bp() {
        // P̄ = 12 bp: I − P̄ = −11 bp → clamp −5 bp → F = 12 − 5 = 7 bp
        double[] p = {0.0012, 0.0012, 0.0012};
        assertEquals(0.0007, FundingFormula.rate(p, 3, 8 * H, NONE_UP, NONE_DOWN), 1e-15);
        // P̄ = −9 bp: I − P̄ = 10 bp → clamp +5 bp → F = −4 bp
        double[] q = {-0.0009, -0.0009};
        assertEquals(-0.0004, FundingFormula.rate(q, 2, 8 * H, NONE_UP, NONE_DOWN), 1e-15);
    }

    @Test
    void laterPointsWeighMore() {
        // P̄ = (1·0 + 2·0 + 3·0.003) / 6 = 15 bp → F = 15 − 5 = 10 bp; an unweighted mean would give 5 bp
        double[] p = {0, 0, 0.003};
        assertEquals(0.0010, FundingFormula.rate(p, 3, 8 * H, NONE_UP, NONE_DOWN), 1e-15);
    }

    @Test
    void fourHourInterval_halvesTheInterest() {
        assertEquals(0.00005, FundingFormula.interest(4 * H), 0.0);
        assertEquals(0.0000125, FundingFormula.interest(H), 0.0);
        double[] p = {0.00002, 0.00002};
        // P̄ = 0.2 bp, I = 0.5 bp → F = I = 0.5 bp
        assertEquals(0.00005, FundingFormula.rate(p, 2, 4 * H, NONE_UP, NONE_DOWN), 1e-18);
    }

    @Test
    void cappedSymbol_isClampedToItsCapAndFloor() {
        double[] up = {0.005, 0.005};
        assertEquals(0.003, FundingFormula.rate(up, 2, 4 * H, 0.003, -0.003), 0.0);
        double[] down = {-0.005};
        assertEquals(-0.003, FundingFormula.rate(down, 1, 4 * H, 0.003, -0.003), 0.0);
        assertTrue(Double.isNaN(FundingFormula.rate(up, 0, 4 * H, 0.003, -0.003)));
    }

    /**
     * Premium index klines at 1 min over a 4 h interval [T0, T0 + 4 h) of a capped symbol: the engine's
     * prediction at the end of the interval equals the hand formula, and so does every partial prediction
     * inside it; right after the settlement the prediction is the previous interval's (persistence).
     */
    @Test
    void engine_onPremiumKlines_4hInterval_cappedSymbol_equalsTheHandComputation() {
        int n = 240;
        long[] t = new long[n + 60];
        double[] c = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = T0 + i * 60_000L;
            // a premium drifting from −2 bp to +40 bp: the late points pull P̄ over the 5 bp clamp
            c[i] = -0.0002 + 0.0042 * i / (n - 1.0);
        }
        BarSeries premium = new BarSeries(SYM, Market.PREMIUM, BarInterval.M1, t, c.clone(), max(c), min(c), c,
                new double[t.length]);
        FundingSeries funding = new FundingSeries(SYM, new long[] {T0 - 4 * H, T0, T0 + 4 * H},
                new double[] {0.0001, 0.0001, 0.00123}, new long[] {4 * H, 4 * H, 4 * H},
                new double[] {Double.NaN, Double.NaN, Double.NaN});
        FundingInfo capped = new FundingInfo(SYM, 0.003, -0.003, 4);
        MicroInputs in = new MicroInputs(SYM, MicroInputs.none(funding).perpTicker(), MicroInputs.none(funding).spotTicker(),
                MicroInputs.none(funding).depth(), MicroInputs.none(funding).openInterest(),
                MicroInputs.none(funding).liquidations(), MicroInputs.none(funding).coverage(),
                PremiumSeries.ofPremiumKlines(premium), funding, capped);
        long[] d = {T0 + 60 * 60_000L, T0 + 4 * H - 1, T0 + 4 * H, T0 + 4 * H + 30 * 60_000L};
        long[] iv = {4 * H, 4 * H, 4 * H, 4 * H};
        FeatureFrame f = FeatureEngine.compute(in, d, iv, FeatureSpec.defaults());

        // after 60 closed minutes: the first 60 points
        double[] first60 = java.util.Arrays.copyOf(c, 60);
        assertEquals(FundingFormula.rate(first60, 60, 4 * H, 0.003, -0.003), f.predictedFunding(0), 0.0);
        assertEquals(60, f.predictionPoints(0));
        // at 3:59:59.999 the last bar has not closed: 239 points
        assertEquals(239, f.predictionPoints(1));
        // at the settlement: the whole interval, the hand formula, clamped by the cap
        double w = 0;
        for (int k = 0; k < n; k++) {
            w += (k + 1) * c[k];
        }
        double pbar = w / (n * (n + 1) / 2.0);
        double hand = Math.min(pbar + Math.max(Math.min(0.00005 - pbar, 0.0005), -0.0005), 0.003);
        assertEquals(hand, f.predictedFunding(2), 0.0);
        assertEquals(240, f.predictionPoints(2));
        assertTrue(pbar > 0.0005 + 0.00005, "the clamp binds: P̄ = " + pbar);
        // the settled rate of the interval ending at T0 + 4 h is 0.00123; the prediction error is ex post
        assertEquals(0.00123, f.settledFunding(1), 0.0);
        assertEquals(f.predictedFunding(1) - 0.00123, f.predictionError(1), 0.0);
        // 30 min into the next interval: only that interval's 30 points
        assertEquals(30, f.predictionPoints(3));
        assertEquals(PremiumSource.PREMIUM_INDEX, f.premiumSource());
    }

    private static double[] max(double[] c) {
        double[] h = c.clone();
        for (int i = 0; i < h.length; i++) {
            h[i] = c[i] + 1e-6;
        }
        return h;
    }

    private static double[] min(double[] c) {
        double[] l = c.clone();
        for (int i = 0; i < l.length; i++) {
            l[i] = c[i] - 1e-6;
        }
        return l;
    }
}
