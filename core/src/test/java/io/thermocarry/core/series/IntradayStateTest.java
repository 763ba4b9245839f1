package io.thermocarry.core.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The intraday state: the pair grid, both bases, the causal rolling median and dispersion. */
class IntradayStateTest {
    private static final Symbol S = Symbol.of("TESTUSDT");
    private static final long MIN = 60_000L;
    private static final long T = 1_700_000_000_000L - 1_700_000_000_000L % 3_600_000L;

    private static BarSeries bars(Market m, long[] t, double[] close) {
        double[] o = close.clone();
        return new BarSeries(S, m, BarInterval.M1, t, o, close.clone(), close.clone(), close, new double[t.length]);
    }

    @Test
    void pairGrid_innerJoin_basisFromCloses_markIndexWhereBothExist() {
        long[] tp = {T, T + MIN, T + 2 * MIN, T + 4 * MIN};
        long[] ts = {T, T + 2 * MIN, T + 3 * MIN, T + 4 * MIN};
        BarSeries perp = bars(Market.PERP, tp, new double[] {101, 102, 103, 104});
        BarSeries spot = bars(Market.SPOT, ts, new double[] {100, 100, 100, 100});
        BarSeries mark = bars(Market.MARK, new long[] {T + 2 * MIN}, new double[] {50.5});
        BarSeries index = bars(Market.INDEX, new long[] {T + 2 * MIN}, new double[] {50});
        IntradayState s = IntradayState.build(perp, spot, mark, index, Duration.ofMinutes(2));
        assertEquals(3, s.size());
        assertEquals(2, s.unmatchedBars());
        assertEquals(2, s.missingBars());
        assertEquals(T + 3 * MIN, s.closeMs(1));
        assertEquals(1.0, s.basisPct(0), 1e-12);
        assertEquals(3.0, s.basisPct(1), 1e-12);
        assertEquals(1.0, s.markIndexPct(1), 1e-12);
        assertTrue(Double.isNaN(s.markIndexPct(0)));
        assertEquals(50.5, s.markClose(1), 0.0);
        // window of 2 minutes: (t − 2 m, t]; at T+5m only the bar closing at T+5m; at T+3m the bars closing T+1m? no: (T+1m, T+3m]
        assertEquals(1, s.windowCount(0));
        assertEquals(1, s.windowCount(1), "the bar closing at T+1m left the (T+1m, T+3m] window");
        assertEquals(3.0, s.medianPct(1), 1e-12);
        assertEquals(1, s.asOfClose(T + 3 * MIN + 30_000));
        assertEquals(2, s.firstOpenAtOrAfter(T + 3 * MIN));
    }

    @Property(tries = 30)
    void stateAtABar_ignoresEveryLaterBar(@ForAll long seed, @ForAll @IntRange(min = 20, max = 400) int n,
            @ForAll @IntRange(min = 1, max = 30) int windowMinutes) {
        Random rnd = new Random(seed);
        long[] t = new long[n];
        double[] p = new double[n];
        double[] sp = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T + i * MIN;
            sp[i] = 100 + rnd.nextGaussian();
            p[i] = sp[i] * (1 + rnd.nextGaussian() * 1e-3);
        }
        int cut = rnd.nextInt(n);
        IntradayState a = IntradayState.build(bars(Market.PERP, t, p), bars(Market.SPOT, t, sp), null, null,
                Duration.ofMinutes(windowMinutes));
        double[] p2 = p.clone();
        for (int i = cut + 1; i < n; i++) {
            p2[i] *= 1.01;
        }
        IntradayState b = IntradayState.build(bars(Market.PERP, t, p2), bars(Market.SPOT, t, sp), null, null,
                Duration.ofMinutes(windowMinutes));
        for (int i = 0; i <= cut; i++) {
            assertEquals(a.basisPct(i), b.basisPct(i), 0.0);
            assertEquals(a.medianPct(i), b.medianPct(i), 0.0, "median at " + i);
            assertEquals(a.dispersionPct(i), b.dispersionPct(i), 0.0);
        }
        // and the median is the window's: the oracle at the cut
        int lo = Math.max(0, cut - windowMinutes + 1);
        double[] w = Arrays.copyOfRange(a.basisValues(), lo, cut + 1);
        Arrays.sort(w);
        if (w.length >= (windowMinutes + 1) / 2) {
            assertEquals(RollingQuantiles.linear(w, w.length, 0.5), a.medianPct(cut), 0.0);
        } else {
            assertTrue(Double.isNaN(a.medianPct(cut)), "warm-up: fewer than half the window");
        }
    }
}
