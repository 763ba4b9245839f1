package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.thermocarry.core.Compat;
import io.thermocarry.core.margin.BracketTable;
import io.thermocarry.core.margin.Liquidation;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The margin path inside the cycle engine on a hand-made market: three 8 h cycles of hourly bars, price 100
 * flat but for one rally bar, every figure computed by hand in the comments.
 */
class MarginEngineTest {
    /** Hourly bars over {@code cycles × 8} hours: perp and spot at 100, high 101 / low 99, unless overridden. */
    static MarginBars bars(int cycles, int rallyBar, double rallyHigh, double spotAfterRally) {
        int n = cycles * 8;
        long[] t = new long[n];
        long[] tc = new long[n];
        double[] po = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] so = new double[n];
        double[] sc = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Markets.T0 + i * Markets.H;
            tc[i] = t[i] + Markets.H;
            po[i] = 100;
            h[i] = i == rallyBar ? rallyHigh : 101;
            l[i] = 99;
            c[i] = 100;
            so[i] = i > rallyBar && rallyBar >= 0 ? spotAfterRally : 100;
            sc[i] = i >= rallyBar && rallyBar >= 0 ? spotAfterRally : 100;
        }
        return new MarginBars(t, tc, po, h, l, c, so, sc, 0);
    }

    static FundingCycles flat(int n) {
        return Markets.cycles(new double[n], new double[n + 1]);
    }

    static MarginSpec spec(double leverage, double share) {
        return new MarginSpec(leverage, share, Duration.ofHours(1), 0.5, 0.0125, 1_000_000, BracketTable.BTCUSDT);
    }

    @Test
    void rally_liquidatesTheShortPerp_atItsLiquidationPrice_andTheStrategyReEnters() {
        FundingCycles c = flat(3);
        ScheduleStrategy s = ScheduleStrategy.constant(Side.SHORT_BASIS, 1.0, 3);
        BacktestRequest req = BacktestRequest.of(c, SignalPath.none(3), s, FeeTier.BPS_16, Compat.CAUSAL);
        // cycle 1's third bar (index 10) trades up to 125; spot closes that bar and the next at 120
        MarginBacktest mb = BacktestEngine.run(req, new MarginInputs(spec(5, 0), bars(3, 10, 125, 120)));
        // cycle 0: wallet = N/L = 0.2, minus half the 0.0008 entry fee = 0.1996; price flat: no change.
        // cycle 1, bar 10: short 1e6/100 = 10 000 BTC-equivalents, wallet 199 600 USDT; at 125 the balance is
        // negative → liquidation. Price: (199 600 + 950 + 1 000 000)/(10 000 · 1.0065) (bracket 3: the
        // liquidation notional 1.19 M lies in [600 k, 3 M)).
        double lp = 1_200_550 / 10_065.0;
        assertEquals(1, mb.margin().liquidationCount());
        Liquidation liq = mb.margin().liquidations().get(0);
        assertEquals(lp, liq.liquidationPrice(), 1e-9);
        assertEquals(1, liq.cycle());
        assertEquals(0.1996, liq.walletBefore(), 1e-12);
        Ledger l = mb.result().ledger();
        // row 1: perp −(lp/100 − 1), spot +(120/100 − 1) at the next bar's close; fees: clearance 1.25 % of the
        // closed notional lp/100 and the 8 bps close of the pair
        double perp = -(lp / 100 - 1);
        double spot = 0.2;
        assertEquals(perp + spot, l.basis(1), 1e-12);
        assertEquals(0.0125 * lp / 100 + 0.0008, l.fee(1), 1e-12);
        assertEquals(0.0, l.funding(1));
        // the strategy re-enters at decision 2 (entry fee 0.0008) and is closed at the end (0.0008)
        assertEquals(2, mb.result().trades().size());
        assertEquals(ExitReason.LIQUIDATION, mb.result().trades().get(0).exitReason());
        assertEquals(liq.barOpen(), mb.result().trades().get(0).exitTime());
        assertEquals(ExitReason.END_OF_DATA, mb.result().trades().get(1).exitReason());
        double e0 = 1 - 0.0008;
        double e1 = e0 + perp + spot - (0.0125 * lp / 100 + 0.0008);
        double e2 = e1 - 0.0008 - 0.0008;
        assertArrayEquals(new double[] {e0, e1, e2}, l.equities(), 1e-12);
        // the worst coverage is at the breach: balance 0.1996 − 0.01·25 < 0
        assertEquals((0.1996 - 0.25) / ((1.25e6 * 0.0065 - 950) / 1e6), mb.margin().minCoverage(), 1e-9);
    }

    @Test
    void enoughFuturesShare_survivesTheSameRally_andThePathIsTheMarginFreeOne() {
        FundingCycles c = flat(3);
        ScheduleStrategy s = ScheduleStrategy.constant(Side.SHORT_BASIS, 1.0, 3);
        BacktestRequest req = BacktestRequest.of(c, SignalPath.none(3), s, FeeTier.BPS_16, Compat.CAUSAL);
        MarginBacktest mb = BacktestEngine.run(req, new MarginInputs(spec(5, 0.5), bars(3, 10, 125, 120)));
        BacktestResult free = BacktestEngine.run(req);
        assertEquals(0, mb.margin().liquidationCount());
        assertArrayEquals(free.ledger().equities(), mb.result().ledger().equities(), 0.0);
        // wallet 0.5 − 0.0004 at 125: balance 0.2496, maintenance (1.25 M · 0.0065 − 950)/1 M
        assertEquals(0.2496 / 0.007175, mb.margin().minCoverage(), 1e-9);
    }

    @Test
    void leverageZero_isTheMarginFreeEngine_exactly() {
        FundingCycles c = Markets.cycles(new double[] {1e-4, -2e-4, 3e-4}, new double[] {0.1, 0.05, 0.08, 0.02});
        ScheduleStrategy s = new ScheduleStrategy(new Side[] {Side.SHORT_BASIS, Side.LONG_BASIS, Side.SHORT_BASIS},
                new double[] {1, 0.5, 0.8});
        BacktestRequest req = BacktestRequest.of(c, SignalPath.none(3), s, FeeTier.BPS_16, Compat.CAUSAL);
        MarginBacktest mb = BacktestEngine.run(req, new MarginInputs(spec(0, 0), bars(3, 10, 1000, 500)));
        BacktestResult free = BacktestEngine.run(req);
        assertNull(mb.margin());
        assertArrayEquals(free.ledger().totals(), mb.result().ledger().totals(), 0.0);
        assertArrayEquals(free.ledger().equities(), mb.result().ledger().equities(), 0.0);
        assertEquals(free.trades(), mb.result().trades());
    }

    @Test
    void longPerp_isLiquidatedByACrash_onTheLow() {
        FundingCycles c = flat(2);
        ScheduleStrategy s = ScheduleStrategy.constant(Side.LONG_BASIS, 1.0, 2);
        BacktestRequest req = BacktestRequest.of(c, SignalPath.none(2), s, FeeTier.ZERO, Compat.CAUSAL);
        MarginBars b = bars(2, -1, 0, 0);
        // a crash in bar 3: low 70
        double[] low = new double[16];
        java.util.Arrays.fill(low, 99);
        low[3] = 70;
        MarginBars crash = new MarginBars(openTimes(16), closeTimes(16), col(16, 100), col(16, 101), low,
                col(16, 100), col(16, 100), col(16, 100), 0);
        MarginBacktest mb = BacktestEngine.run(req, new MarginInputs(spec(3, 0), crash));
        // wallet 1/3: 10 000 long at 100, 333 333.33 USDT: 333 333.33 + 10 000(P − 100) = 10 000·P·r − cum;
        // bracket 3 (P ~ 67.1, notional ~671 k): P = (1 000 000 − 333 333.33 − 950)/(10 000·(1 − 0.0065))
        double lp = (1_000_000 - 1_000_000 / 3.0 - 950) / (10_000 * 0.9935);
        assertEquals(0, mb.margin().liquidationCount(), "70 is above the liquidation price " + lp);
        low[3] = 60;
        MarginBars deeper = new MarginBars(openTimes(16), closeTimes(16), col(16, 100), col(16, 101), low,
                col(16, 100), col(16, 100), col(16, 100), 0);
        mb = BacktestEngine.run(req, new MarginInputs(spec(3, 0), deeper));
        assertEquals(1, mb.margin().liquidationCount());
        assertEquals(lp, mb.margin().liquidations().get(0).liquidationPrice(), 1e-9);
        assertEquals(b.size(), 16);
    }

    @Test
    void transferArrivesAfterItsDelay_andSavesASlowRally() {
        // short, leverage 5, share 0: wallet 0.2. Bars of four cycles: the close climbs 1 % per bar from bar 4
        // on (high = close); the leg is re-struck at constant notional each cycle, so it loses ~4 + 7.7 + 7.1 +
        // 6.7 % of notional by cycle: without transfers the wallet is gone in the last cycle; with them a top-up
        // back to 0.2 is ordered whenever the balance falls below 0.1 and arrives an hour later.
        int n = 32;
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            close[i] = i < 4 ? 100 : 100 * (1 + 0.01 * (i - 3));
        }
        double[] open = new double[n];
        for (int i = 0; i < n; i++) {
            open[i] = i == 0 ? 100 : close[i - 1];
        }
        MarginBars b = new MarginBars(openTimes(n), closeTimes(n), open, close.clone(), col(n, 1), close.clone(),
                open.clone(), close.clone(), 0);
        FundingCycles c = flat(4);
        BacktestRequest req = BacktestRequest.of(c, SignalPath.none(4), ScheduleStrategy.constant(Side.SHORT_BASIS,
                1.0, 4), FeeTier.ZERO, Compat.CAUSAL);
        MarginBacktest with = BacktestEngine.run(req, new MarginInputs(spec(5, 0), b));
        MarginBacktest without = BacktestEngine.run(req, new MarginInputs(spec(5, 0).withTransferAt(0), b));
        assertEquals(0, with.margin().liquidationCount());
        assertEquals(1, without.margin().liquidationCount());
        assertEquals(0, without.margin().transfers());
        MarginBacktest late = BacktestEngine.run(req, new MarginInputs(spec(5, 0).withTransferDelay(
                Duration.ofHours(12)), b));
        assertEquals(1, late.margin().liquidationCount(), "a transfer 12 h late arrives after the breach");
    }

    static long[] openTimes(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = Markets.T0 + i * Markets.H;
        }
        return t;
    }

    static long[] closeTimes(int n) {
        long[] t = openTimes(n);
        for (int i = 0; i < n; i++) {
            t[i] += Markets.H;
        }
        return t;
    }

    static double[] col(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
