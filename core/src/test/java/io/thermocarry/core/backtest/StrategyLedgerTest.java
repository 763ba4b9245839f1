package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.Compat;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.BuyHoldStrategy;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.Unevaluated;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Strategy rules through the engine on small hand-made markets. */
class StrategyLedgerTest {
    private static final double TOL = 1e-12;

    /**
     * A quiet market (F = 0, flat basis) over 43 cycles: causal naive pays 0.5·tier/2 to open, re-sizes by the
     * tiny |ΔN| its own entry fee caused, and pays to close; reference naive pays the full 10 bps round trip on
     * its whole notional at each 21-cycle rebalance.
     */
    @Test
    void naive_causalPaysOnlyOnTheChange_referencePaysTheWholeNotionalEveryTwentyOneCycles() {
        int n = 43;
        FundingCycles c = Markets.cycles(new double[n], new double[n + 1]);
        BacktestResult causal = BacktestEngine.run(BacktestRequest.of(c, SignalPath.none(n),
                NaiveStrategy.defaults(), FeeTier.BPS_16, Compat.CAUSAL));
        double open = 0.5 * 0.0008;
        double e0 = 1 - open;
        double n1 = 0.5 * e0;            // re-size at k = 21
        double fee21 = (0.5 - n1) * 0.0008;
        double e1 = e0 - fee21;
        double n2 = 0.5 * e1;            // re-size at k = 42
        double fee42 = (n1 - n2) * 0.0008;
        double close = n2 * 0.0008;
        assertEquals(open, causal.ledger().fee(0), TOL);
        assertEquals(fee21, causal.ledger().fee(21), TOL);
        assertEquals(fee42 + close, causal.ledger().fee(42), TOL);
        assertEquals(1 - open - fee21 - fee42 - close, causal.ledger().equity(n - 1), TOL);
        assertEquals(1, causal.trades().size(), "re-sizes stay inside one trade");

        BacktestResult ref = BacktestEngine.run(BacktestRequest.of(c, SignalPath.none(n), NaiveStrategy.defaults(),
                FeeTier.REFERENCE, Compat.REFERENCE));
        double rOpen = 0.5 * 0.001;
        double rFee21 = 0.5 * 0.001;                      // whole notional, at the end of cycle 21
        double rN1 = 0.5 * (1 - rOpen - rFee21);
        double rFee42 = rN1 * 0.001;                      // end of cycle 42 = last cycle, due at t_43
        assertEquals(rOpen, ref.ledger().fee(0), TOL);
        assertEquals(rFee21, ref.ledger().fee(21), TOL, "booked into the cycle that just closed");
        assertEquals(0.0, ref.ledger().fee(22), 0.0);
        assertEquals(rN1, ref.ledger().notional(22), TOL);
        assertEquals(rFee42, ref.ledger().fee(42), TOL, "the reference charges a re-size due at the very end");
        assertEquals(0.0, ref.diagnostics().finalCloseFee(), 0.0, "reference: nothing at exit");
    }

    /**
     * Causal buy-hold: buys 1.0 at mark 100, a missing end mark books nothing and is counted, the move is
     * caught up at the next known mark; a long perp pays funding N·F; 8 bps tier: 4 bps in and out.
     */
    @Test
    void buyHold_causal_pricePnlCatchesUpOverMissingMarks_andPaysFundingAsALongPerp() {
        double[] rates = {1e-4, 1e-4, -2e-4};
        double[] marks = {100, 110, Double.NaN, 99};
        FundingCycles c = Markets.cycles(rates, new double[4], marks, null);
        BacktestResult r = BacktestEngine.run(BacktestRequest.of(c, SignalPath.none(3), BuyHoldStrategy.defaults(),
                FeeTier.BPS_8, Compat.CAUSAL));
        Ledger l = r.ledger();
        // row 0: N = 1, fee 0.0004, funding −1·1e-4, price 1·(110/100 − 1) = 0.1
        // row 1: N = 1.1, funding −1.1e-4, end mark unknown → price 0 (counted)
        // row 2: N = 1.1, funding −1.1·(−2e-4) = +2.2e-4, price 1.1·(99/110 − 1) = −0.11; close 0.99·0.0004
        assertArrayEquals(new double[] {1, 1.1, 1.1}, l.notionals(), TOL);
        assertArrayEquals(new double[] {-1e-4, -1.1e-4, 2.2e-4}, l.fundings(), TOL);
        assertArrayEquals(new double[] {0.1, 0, -0.11}, l.prices(), TOL);
        assertArrayEquals(new double[] {0.0004, 0, 0.99 * 0.0004}, l.fees(), TOL);
        assertEquals(1, r.diagnostics().unevaluated(Unevaluated.MARK_PRICE));
        assertEquals(Side.LONG_PERP, l.side(1));
        double expected = 1 - 0.0004 - 1e-4 + 0.1 - 1.1e-4 + 2.2e-4 - 0.11 - 0.99 * 0.0004;
        assertEquals(expected, l.equity(2), TOL);
        assertEquals(-0.01, r.trades().get(0).pricePnl(), TOL);
    }

    @Test
    void buyHold_waitsForAKnownMark() {
        double[] marks = {Double.NaN, Double.NaN, 50, 55};
        FundingCycles c = Markets.cycles(new double[3], new double[4], marks, null);
        BacktestResult r = BacktestEngine.run(BacktestRequest.of(c, SignalPath.none(3), BuyHoldStrategy.defaults(),
                FeeTier.ZERO, Compat.CAUSAL));
        assertArrayEquals(new double[] {0, 0, 1}, r.ledger().notionals(), 0.0);
        assertEquals(0.1, r.ledger().price(2), TOL);
        assertEquals(2, r.diagnostics().unevaluated(Unevaluated.MARK_PRICE));
    }

    /** Physics: an exposure that disappears mid-path closes the position and is counted. */
    @Test
    void physics_closesOnMissingSignal_andReferencePaysOnTheWholeTargetWhenOpening() {
        int n = 4;
        FundingCycles c = Markets.cycles(new double[n], new double[n + 1]);
        SignalPath s = SignalPath.ofRegimes(new Regime[] {Regime.WARM, null, Regime.NESS, Regime.NESS});
        BacktestResult r = BacktestEngine.run(BacktestRequest.of(c, s, PhysicsStrategy.defaults(), FeeTier.BPS_16,
                Compat.CAUSAL));
        assertArrayEquals(new double[] {0.3, 0, 0.5 * 0.25 * r.ledger().equity(1), 0.5 * 0.25
                * r.ledger().equity(1)}, r.ledger().notionals(), TOL);
        assertEquals(ExitReason.NO_SIGNAL, r.trades().get(0).exitReason());
        assertEquals(1, r.diagnostics().unevaluated(Unevaluated.SIGNAL));
        assertEquals(Regime.NESS, r.trades().get(1).regimeAtEntry());

        BacktestResult ref = BacktestEngine.run(BacktestRequest.of(c, s, PhysicsStrategy.defaults(),
                FeeTier.REFERENCE, Compat.REFERENCE));
        assertEquals(0.3 * 0.001, ref.ledger().fee(0), TOL);
        assertEquals(0.0, ref.diagnostics().finalCloseFee(), 0.0);
    }

    /** The evaluation window: earlier cycles are history only and stay out of the metrics. */
    @Test
    void rowsBeforeTheWindow_areFlat_andExcludedFromMetrics() {
        int n = 6;
        double[] rates = {1e-3, 1e-3, 1e-3, 1e-4, 1e-4, 1e-4};
        FundingCycles c = Markets.cycles(rates, new double[n + 1]);
        BacktestResult r = BacktestEngine.run(new BacktestRequest(c, SignalPath.none(n), NaiveStrategy.defaults(),
                FeeTier.ZERO, Compat.CAUSAL, 1.0, 3));
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 0.5, 0.5}, r.ledger().notionals(), 0.0,
                "no position in the history rows; the naive carry opens at the window start");
        assertArrayEquals(new double[] {1, 1, 1, 1 + 0.5e-4, 1 + 1e-4, 1 + 1.5e-4}, r.ledger().equities(), TOL);
        assertEquals(3, r.performance().cycles());
        assertEquals(0.5 * 1e-4 * 3, r.performance().pnl().funding(), TOL, "the 10 bp rates before the window count for nothing");
        assertEquals(4, r.equityCurve().size());
        assertEquals(1.0, r.equityCurve().equity()[0], 0.0);
        assertEquals(Markets.T0 + 3 * 8 * Markets.H, r.equityCurve().timeMs()[0]);
    }
}
