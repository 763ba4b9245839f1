package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Side;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Summary metrics from closed forms on a hand-made ledger. */
class PerformanceTest {
    private static final double TOL = 1e-12;

    /** A ledger with the given equity path, {@code hours}-long cycles, totals consistent with the path. */
    private static Ledger ledger(double[] equity, double hours, double[] traded) {
        int n = equity.length;
        long[] s = new long[n];
        long[] e = new long[n];
        double[] total = new double[n];
        double prev = 1.0;
        for (int k = 0; k < n; k++) {
            s[k] = Markets.T0 + (long) (k * hours * Markets.H);
            e[k] = s[k] + (long) (hours * Markets.H);
            total[k] = equity[k] - prev;
            prev = equity[k];
        }
        double[] fee = new double[n];
        Arrays.fill(fee, 0.001);
        double[] funding = new double[n];
        for (int k = 0; k < n; k++) {
            funding[k] = total[k] + fee[k];
        }
        byte[] regime = new byte[n];
        Arrays.fill(regime, (byte) Regime.WARM.ordinal());
        regime[0] = -1;
        return new Ledger(s, e, new byte[n], new double[n], traded, funding, new double[n], new double[n], fee,
                total, equity.clone(), regime, 0);
    }

    private static Trade trade(double total) {
        Instant t = Instant.ofEpochMilli(Markets.T0);
        return new Trade(t, t, 0, 1, Side.SHORT_BASIS, 1, 1, total, 0, 0, 0, 2, null, ExitReason.MAX_HOLD);
    }

    @Test
    void metrics_followTheirClosedForms_annualisedByElapsedTime() {
        double[] eq = {1.01, 0.99, 1.02, 1.00};
        double[] traded = {0.5, 0, 0.2, 0.5};
        Ledger l = ledger(eq, 4.0, traded);
        Performance p = Performance.of(l, List.of(trade(0.02), trade(-0.01), trade(0.0)), 1.0);
        double[] r = {0.01, 0.99 / 1.01 - 1, 1.02 / 0.99 - 1, 1.00 / 1.02 - 1};
        double mean = (r[0] + r[1] + r[2] + r[3]) / 4;
        double ss = 0;
        double dn = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
            dn += x < 0 ? x * x : 0;
        }
        double sd = Math.sqrt(ss / 3);
        double years = 16.0 / (365.25 * 24);          // four 4 h cycles
        double perYear = 4 / years;                   // 2191.5 cycles a year, not 1095
        assertEquals(4, p.cycles());
        assertEquals(years, p.years(), TOL);
        assertEquals(perYear, p.cyclesPerYear(), 1e-9);
        assertEquals(mean / sd, p.sharpePerCycle(), TOL);
        assertEquals(mean / sd * Math.sqrt(perYear), p.sharpe(), 1e-9);
        assertEquals(mean / Math.sqrt(dn / 4) * Math.sqrt(perYear), p.sortino(), 1e-9);
        assertEquals(0.0, p.totalReturn(), TOL);
        assertEquals(0.0, p.annualReturn(), TOL);
        assertEquals((1.01 - 0.99) / 1.01, p.maxDrawdown(), TOL);
        assertEquals(r[1], p.worstCycle(), TOL);
        assertEquals(r[1], p.cvar5(), TOL, "⌈5 % of 4⌉ = 1 worst cycle");
        assertEquals(1.0 / 3, p.winRate(), TOL);
        assertEquals(0.02 / 0.01, p.profitFactor(), TOL);
        assertEquals(3, p.tradeCount());
        assertEquals(2.0, p.averageHoldCycles(), TOL);
        assertEquals(1.2, p.turnover(), TOL);
        assertEquals(0.004, p.feeDrag(), TOL);
        assertEquals(0.0, p.pnl().total(), TOL);
        assertEquals(0.004, p.pnl().funding(), TOL);
        assertEquals(0.0, p.referenceSharpe(), 0.0, "the reference returns 0 below 10 equity points");
        RegimePnl none = p.byRegime().get(3);
        assertEquals(null, none.regime());
        assertEquals(1, none.cycles());
        assertEquals(0.01, none.pnl().total(), TOL);
        assertEquals(3, p.byRegime().get(Regime.WARM.ordinal()).cycles());
    }

    @Test
    void referenceSharpe_dropsTheFirstCycle_usesPopulationStd_andRootOf1095() {
        double[] eq = {1.0, 1.001, 1.0005, 1.002, 1.0025, 1.001, 1.003, 1.004, 1.0035, 1.005, 1.006};
        double[] r = new double[eq.length - 1];
        double mean = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] = eq[i + 1] / eq[i] - 1;
            mean += r[i] / r.length;
        }
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean) / r.length;
        }
        assertEquals(mean / Math.sqrt(var) * Math.sqrt(1095), Performance.referenceSharpe(eq, 0, eq.length), 1e-9);
    }

    @Test
    void cvar_equalsMeanOfTheWorstFivePercent_bySortOracle() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + rnd.nextInt(500);
            double[] r = new double[m];
            for (int i = 0; i < m; i++) {
                r[i] = rnd.nextInt(5) == 0 ? 0.0 : Math.round(rnd.nextGaussian() * 100) / 1e4;
            }
            double[] sorted = r.clone();
            Arrays.sort(sorted);
            int count = (int) Math.ceil(0.05 * m);
            double expected = 0;
            for (int i = 0; i < count; i++) {
                expected += sorted[i];
            }
            expected /= count;
            double[] before = r.clone();
            assertEquals(expected, Performance.cvar(r, 0.05), 1e-15, "m=" + m);
            assertTrue(Arrays.equals(before, r), "input untouched");
        }
    }
}
