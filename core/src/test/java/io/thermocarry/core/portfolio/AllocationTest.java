package io.thermocarry.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.BasisSource;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.SignalPath;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Allocation weights against hand computations, and the carry correlation on constructed series. */
class AllocationTest {
    private static final long H = PortfolioMarkets.H;
    private static final long T0 = PortfolioMarkets.T0;

    /**
     * A market of {@code n} 8 h cycles from T0 with constant rate {@code rate} and a basis path alternating
     * {@code 0, step, 0, step, …} percent, so every basis change is {@code ±step}.
     */
    static SymbolMarket alternating(String name, int n, double rate, double step) {
        Symbol s = Symbol.of(name);
        long[] ft = new long[n + 1];
        double[] fr = new double[n + 1];
        long[] fi = new long[n + 1];
        double[] fm = new double[n + 1];
        Arrays.fill(fr, rate);
        Arrays.fill(fi, 8 * H);
        Arrays.fill(fm, Double.NaN);
        long[] start = new long[n];
        long[] end = new long[n];
        double[] hours = new double[n];
        double[] bs = new double[n];
        double[] be = new double[n];
        int[] obs = new int[n];
        for (int k = 0; k <= n; k++) {
            ft[k] = T0 + k * 8 * H;
        }
        for (int k = 0; k < n; k++) {
            start[k] = ft[k];
            end[k] = ft[k + 1];
            hours[k] = 8;
            bs[k] = k % 2 == 0 ? 0 : step;
            be[k] = k % 2 == 0 ? step : 0;
            obs[k] = 8;
        }
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        byte[] src = new byte[n];
        Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
        FundingCycles c = new FundingCycles(s, start, end, Arrays.copyOf(fr, n), hours, bs, be, nan, nan.clone(), obs,
                nan.clone(), nan.clone(), src, 0);
        BasisSeries basis = new BasisSeries(s, new long[] {T0}, new double[] {0}, new byte[1], 0, H);
        BarSeries none = BarSeries.empty(s, Market.SPOT, BarInterval.H1);
        BarSeries nonePerp = BarSeries.empty(s, Market.PERP, BarInterval.H1);
        return SymbolMarket.of(new FundingSeries(s, ft, fr, fi, fm), c, SignalPath.none(n), basis, nonePerp, none);
    }

    @Test
    void waterFill_capsAndRedistributes_inProportionToScores() {
        double[] w = new double[3];
        boolean[] capped = Allocator.waterFill(new double[] {3, 1, 1}, 0.4, w);
        // 0.6 / 0.2 / 0.2 → the first capped at 0.4, its 0.2 split 1:1 over the others
        assertArrayEquals(new double[] {0.4, 0.3, 0.3}, w, 1e-15);
        assertArrayEquals(new boolean[] {true, false, false}, capped);
        double[] w2 = new double[2];
        Allocator.waterFill(new double[] {1, 1}, 0.3, w2);
        assertArrayEquals(new double[] {0.3, 0.3}, w2, 0.0, "all capped: 0.4 stays in cash");
        double[] w3 = new double[3];
        Allocator.waterFill(new double[] {6, 3, 1}, 0.5, w3);
        // 0.6/0.3/0.1 → 0.5, then 0.1 split 3:1 → 0.375/0.125: none above the cap
        assertArrayEquals(new double[] {0.5, 0.375, 0.125}, w3, 1e-15);
        double[] w4 = new double[2];
        Allocator.waterFill(new double[] {0, 0}, 0.5, w4);
        assertArrayEquals(new double[] {0, 0}, w4, 0.0);
    }

    /**
     * Basis changes ±0.02 % and ±0.04 % every 8 h: σ in the ratio 1 : 2, so inverse volatility gives 2/3 and 1/3.
     * σ itself: each x = Δb/100/√8 = ±2e-4/√8 alternating over 90 training cycles (sample std with ddof 1 =
     * 2e-4/√8 · √(90/89)), annualised by √8766.
     */
    @Test
    void inverseVol_weightsByTheInverseOfBasisChangeVolatility() {
        SymbolMarket a = alternating("AAAUSDT", 300, 1e-4, 0.02);
        SymbolMarket b = alternating("BBBUSDT", 300, 1e-4, 0.04);
        long at = T0 + 200 * 8 * H;
        List<AllocationFit> f = Allocator.fit(List.of(a, b), at, 30L * 24 * H,
                new AllocationSpec(AllocationMethod.INVERSE_VOL, 1, 1, 3));
        assertEquals(90, f.get(0).trainingCycles());
        assertEquals(2.0 / 3, f.get(0).weight(), 1e-12);
        assertEquals(1.0 / 3, f.get(1).weight(), 1e-12);
        double expected = 2e-4 / Math.sqrt(8) * Math.sqrt(90.0 / 89) * Math.sqrt(8766);
        assertEquals(expected, f.get(0).basisVolatility(), 1e-15);
        // carry: 1e-4 per 8 h = 1.25e-5 per hour, × 8766 a year
        assertEquals(1e-4 / 8 * 8766, f.get(0).carry(), 1e-15);
    }

    @Test
    void carryRisk_weightsByCappedCarryToRisk_andGivesNothingToNegativeCarry() {
        SymbolMarket a = alternating("AAAUSDT", 300, 2e-4, 0.02);
        SymbolMarket b = alternating("BBBUSDT", 300, 1e-4, 0.02);
        SymbolMarket c = alternating("CCCUSDT", 300, -1e-4, 0.02);
        long at = T0 + 200 * 8 * H;
        long train = 30L * 24 * H;
        List<AllocationFit> f = Allocator.fit(List.of(a, b, c), at, train,
                new AllocationSpec(AllocationMethod.CARRY_RISK, 1, 1, 1e6));
        assertEquals(2.0 / 3, f.get(0).weight(), 1e-12);
        assertEquals(1.0 / 3, f.get(1).weight(), 1e-12);
        assertEquals(0.0, f.get(2).weight(), 0.0);
        assertTrue(f.get(0).carryToRisk() > 1, "carry-to-risk " + f.get(0).carryToRisk());
        // a cap below both ratios makes them equal
        List<AllocationFit> capped = Allocator.fit(List.of(a, b, c), at, train,
                new AllocationSpec(AllocationMethod.CARRY_RISK, 1, 1, 0.5));
        assertEquals(0.5, capped.get(0).weight(), 1e-12);
        assertEquals(0.5, capped.get(1).weight(), 1e-12);
        // a symbol cap of 0.4: both capped, 0.2 in cash
        List<AllocationFit> symbolCapped = Allocator.fit(List.of(a, b, c), at, train,
                new AllocationSpec(AllocationMethod.CARRY_RISK, 0.4, 1, 0.5));
        assertEquals(0.4, symbolCapped.get(0).weight(), 0.0);
        assertTrue(symbolCapped.get(0).capped() && symbolCapped.get(1).capped() && !symbolCapped.get(2).capped());
    }

    @Test
    void fit_readsOnlyTheTrainingWindow() {
        SymbolMarket a = alternating("AAAUSDT", 300, 1e-4, 0.02);
        long at = T0 + 200 * 8 * H;
        List<AllocationFit> f = Allocator.fit(List.of(a), at, 10L * 24 * H,
                new AllocationSpec(AllocationMethod.EQUAL, 1, 1, 3));
        assertEquals(30, f.get(0).trainingCycles());
        assertEquals(1.0, f.get(0).weight(), 0.0);
        assertFalse(f.get(0).capped());
    }

    @Test
    void unitCarryCorrelation_onConstructedSeries() {
        SymbolMarket a = alternating("AAAUSDT", 300, 1e-4, 0.02);
        SymbolMarket b = alternating("BBBUSDT", 300, 3e-4, 0.04);
        SymbolMarket c = alternating("CCCUSDT", 301, 1e-4, 0.02);
        Correlations.Matrix m = Correlations.unitCarry(List.of(a, b, c), T0, T0 + 300 * 8 * H, 8 * H);
        // a and b move together (basis changes of the same sign each cycle): correlation 1
        assertEquals(1.0, m.get(0, 1), 1e-12);
        assertEquals(1.0, m.get(0, 0), 1e-12);
        assertEquals(299, m.overlap()[0][1], "the last cycle has no settlement at its end in the data");
        assertEquals(1.0, m.meanOffDiagonal(), 1e-12);
    }
}
