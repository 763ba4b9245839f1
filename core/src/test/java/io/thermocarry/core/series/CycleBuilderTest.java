package io.thermocarry.core.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CycleBuilderTest {
    private static final Symbol S = Symbol.of("TESTUSDT");
    private static final long H = 3_600_000L;
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** Hourly bars with the given closes starting at T0 (open times T0, T0+1h, ...). */
    private static BarSeries bars(Market m, double[] closes, long... skipHours) {
        int n = closes.length;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * H;
        }
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        outer:
        for (int i = 0; i < n; i++) {
            for (long s : skipHours) {
                if (s == i) {
                    continue outer;
                }
            }
            keep.add(i);
        }
        int k = keep.size();
        long[] tt = new long[k];
        double[] c = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            tt[i] = t[keep.get(i)];
            c[i] = closes[keep.get(i)];
            v[i] = 1;
        }
        return new BarSeries(S, m, BarInterval.H1, tt, c, c, c, c, v);
    }

    private static FundingSeries funding(long[] hours, double[] rates) {
        long[] t = new long[hours.length];
        long[] iv = new long[hours.length];
        double[] mk = new double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            t[i] = T0 + hours[i] * H;
            iv[i] = 8 * H;
            mk[i] = Double.NaN;
        }
        return new FundingSeries(S, t, rates, iv, mk);
    }

    @Test
    void basis_isStampedAtBarClose_andComputedInPercentOfSpot() {
        BasisSeries b = BasisSeries.of(bars(Market.PERP, new double[] {101, 99}), bars(Market.SPOT, new double[] {100, 100}),
                null, null);
        assertEquals(2, b.size());
        assertEquals(T0 + H, b.timeMs(0), "available at the close of the first bar");
        assertEquals(1.0, b.basisPct(0), 1e-12);
        assertEquals(-1.0, b.basisPct(1), 1e-12);
        assertEquals(0, b.hoursWithoutPartner());
    }

    @Test
    void hoursWithoutPartner_countsLoneBarsInsideTheCommonSpan() {
        double[] p = {100, 100, 100, 100, 100};
        BasisSeries b = BasisSeries.of(bars(Market.PERP, p), bars(Market.SPOT, p, 1, 2), null, null);
        assertEquals(3, b.size());
        assertEquals(2, b.hoursWithoutPartner());
    }

    @Test
    void cycles_handComputed_asOfStartEndMeanStdAndActualInterval() {
        // perp/spot closes give basis (percent) 0,1,2,...,15 for hours 0..15 (available at hour i+1)
        int n = 16;
        double[] spot = new double[n];
        double[] perp = new double[n];
        for (int i = 0; i < n; i++) {
            spot[i] = 100;
            perp[i] = 100 + i;
        }
        BasisSeries basis = BasisSeries.of(bars(Market.PERP, perp), bars(Market.SPOT, spot), null, null);
        // settlements at hours 4, 8 (4h interval), 16 (8h interval)
        FundingSeries f = funding(new long[] {4, 8, 16}, new double[] {0.0001, -0.0002, 0.0003});
        FundingCycles c = CycleBuilder.build(f, basis, null);
        assertEquals(2, c.size(), "settlements - 1");
        // cycle 0: [4h, 8h): b_start = obs available at 4h = bar 3 close = 3; b_end = bar 7 = 7
        assertEquals(0.0001, c.rate(0));
        assertEquals(4.0, c.intervalHours(0));
        assertEquals(3.0, c.basisStart(0), 1e-12);
        assertEquals(7.0, c.basisEnd(0), 1e-12);
        // observations available in (4h, 8h]: bars 4,5,6,7 -> mean 5.5, population std sqrt(1.25)
        assertEquals(4, c.basisObs(0));
        assertEquals(5.5, c.basisMean(0), 1e-12);
        assertEquals(Math.sqrt(1.25), c.basisStd(0), 1e-12);
        // cycle 1: [8h, 16h): start 7, end 15, obs 8..15
        assertEquals(8.0, c.intervalHours(1));
        assertEquals(7.0, c.basisStart(1), 1e-12);
        assertEquals(15.0, c.basisEnd(1), 1e-12);
        assertEquals(8, c.basisObs(1));
        assertEquals(11.5, c.basisMean(1), 1e-12);
        assertEquals(BasisSource.SPOT_PERP, c.source(1));
        assertTrue(Double.isNaN(c.markStart(0)), "no mark data: unknown, not zero");
    }

    @Test
    void basisStart_isNaN_whenNothingWasAvailableYet() {
        double[] p = {100, 100, 100};
        BasisSeries basis = BasisSeries.of(bars(Market.PERP, p), bars(Market.SPOT, p), null, null);
        FundingCycles c = CycleBuilder.build(funding(new long[] {0, 8}, new double[] {1e-4, 1e-4}), basis, null);
        assertTrue(Double.isNaN(c.basisStart(0)));
        assertEquals(0.0, c.basisEnd(0), 1e-12);
    }

    @Test
    void proxyBasis_fillsHoursWithoutSpot_andCycleSaysWhichSourceWasUsed() {
        double[] perp = {100, 100, 100, 100};
        double[] spot = {100, 100, 100, 100};
        double[] mark = {101, 101, 101, 101};
        double[] index = {100, 100, 100, 100};
        BarSeries s = bars(Market.SPOT, spot, 2, 3);
        BasisSeries basis = BasisSeries.of(bars(Market.PERP, perp), s, bars(Market.MARK, mark), bars(Market.INDEX, index));
        assertEquals(4, basis.size());
        assertEquals(BasisSource.MARK_INDEX, basis.source(2));
        assertEquals(1.0, basis.basisPct(2), 1e-12);
        FundingCycles c = CycleBuilder.build(funding(new long[] {0, 2, 4}, new double[] {0, 0, 0}), basis, null);
        assertEquals(BasisSource.SPOT_PERP, c.source(0));
        assertEquals(BasisSource.MARK_INDEX, c.source(1));
    }

    @Test
    void markPrice_comesFromTheMarkBarThatClosedAtTheSettlement() {
        double[] p = new double[10];
        double[] mk = new double[10];
        for (int i = 0; i < 10; i++) {
            p[i] = 100;
            mk[i] = 200 + i;
        }
        BasisSeries basis = BasisSeries.of(bars(Market.PERP, p), bars(Market.SPOT, p), null, null);
        FundingCycles c = CycleBuilder.build(funding(new long[] {4, 8}, new double[] {0, 0}), basis,
                bars(Market.MARK, mk));
        assertEquals(203, c.markStart(0), 1e-12, "bar opened at 3h closes at the 4h settlement");
        assertEquals(207, c.markEnd(0), 1e-12);
    }

    @Test
    void basisSlice_isHalfOpen_andSafeAtTheExtremesOfTime() {
        double[] p = {100, 101, 102, 103};
        BasisSeries b = BasisSeries.of(bars(Market.PERP, p), bars(Market.SPOT, new double[] {100, 100, 100, 100}), null,
                null);
        assertEquals(4, b.slice(Long.MIN_VALUE, Long.MAX_VALUE).size());
        assertEquals(2, b.slice(T0 + 2 * H, T0 + 4 * H).size(), "times 2h and 3h; 4h excluded");
        assertEquals(0, b.slice(T0 + 9 * H, T0 + 10 * H).size());
    }
}
