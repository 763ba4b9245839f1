package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.thermocarry.core.Compat;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.Unevaluated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five-cycle ledgers computed by hand (the arithmetic is written out in the comments) against the engine,
 * to 1e−12. Starting capital 1.0 so every figure is a fraction of it.
 */
class HandLedgerTest {
    private static final double TOL = 1e-12;

    private static void assertColumn(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, TOL, what);
    }

    /**
     * Causal, 16 bps round trip (8 bps = 0.0008 per unit changed). F = [1, −2, 3, 1, −1] bp; basis path
     * [0.10, 0.05, 0.08, 0.02, −0.04, 0.00] %. Schedule: short 0.5, short 0.5, short 0.8 (re-size), long 0.3
     * (flip), long 0.3, closed at the end.
     */
    @Test
    void schedule_bothSides_resizeAndFlip_matchesHandLedger() {
        FundingCycles c = Markets.cycles(new double[] {1e-4, -2e-4, 3e-4, 1e-4, -1e-4},
                new double[] {0.10, 0.05, 0.08, 0.02, -0.04, 0.00});
        ScheduleStrategy s = new ScheduleStrategy(
                new Side[] {Side.SHORT_BASIS, Side.SHORT_BASIS, Side.SHORT_BASIS, Side.LONG_BASIS, Side.LONG_BASIS},
                new double[] {0.5, 0.5, 0.8, 0.3, 0.3});
        BacktestResult r = BacktestEngine.run(BacktestRequest.of(c, SignalPath.none(5), s, FeeTier.BPS_16,
                Compat.CAUSAL));
        Ledger l = r.ledger();
        // row 0: fee 0.5·0.0008; funding 0.5·1e-4; basis −0.5·(0.05−0.10)/100
        // row 1: funding 0.5·(−2e-4) (short pays on negative funding); basis −0.5·(0.08−0.05)/100
        // row 2: re-size +0.3: fee 0.3·0.0008; funding 0.8·3e-4; basis −0.8·(0.02−0.08)/100
        // row 3: flip, |ΔN| = 0.8 + 0.3: fee 1.1·0.0008; funding −0.3·1e-4; basis +0.3·(−0.04−0.02)/100
        // row 4: funding −0.3·(−1e-4) (long receives on negative funding); basis +0.3·(0.00+0.04)/100;
        //        final close 0.3·0.0008
        assertColumn(new double[] {0.5, 0.5, 0.8, 0.3, 0.3}, l.notionals(), "notional");
        assertColumn(new double[] {0.00005, -0.0001, 0.00024, -0.00003, 0.00003}, l.fundings(), "funding");
        assertColumn(new double[] {0.00025, -0.00015, 0.00048, -0.00018, 0.00012}, l.bases(), "basis");
        assertColumn(new double[] {0.0004, 0, 0.00024, 0.00088, 0.00024}, l.fees(), "fee");
        assertColumn(new double[] {-0.0001, -0.00025, 0.00048, -0.00109, -0.00009}, l.totals(), "total");
        assertColumn(new double[] {0.9999, 0.99965, 1.00013, 0.99904, 0.99895}, l.equities(), "equity");
        assertColumn(new double[] {0.5, 0, 0.3, 1.1, 0.3}, l.tradedNotionals(), "traded");
        assertEquals(Side.LONG_BASIS, l.side(3));

        List<Trade> t = r.trades();
        assertEquals(2, t.size());
        Trade shortLeg = t.get(0);
        assertEquals(Side.SHORT_BASIS, shortLeg.side());
        assertEquals(0, shortLeg.entryCycle());
        assertEquals(3, shortLeg.exitCycle());
        assertEquals(ExitReason.SIDE_FLIP, shortLeg.exitReason());
        assertEquals(3, shortLeg.cyclesHeld());
        assertEquals(0.5, shortLeg.entryNotional(), TOL);
        assertEquals((0.5 + 0.5 + 0.8) / 3, shortLeg.averageNotional(), TOL);
        assertEquals(0.00005 - 0.0001 + 0.00024, shortLeg.fundingPnl(), TOL);
        assertEquals(0.00025 - 0.00015 + 0.00048, shortLeg.basisPnl(), TOL);
        // entry 0.5, re-size 0.3, and the closing 0.8 of the flip, at 0.0008
        assertEquals(0.0004 + 0.00024 + 0.00064, shortLeg.fees(), TOL);
        assertEquals(-0.00051, shortLeg.totalPnl(), TOL);
        assertEquals(Instant.ofEpochMilli(Markets.T0), shortLeg.entryTime());
        assertEquals(Instant.ofEpochMilli(Markets.T0 + 3 * 8 * Markets.H), shortLeg.exitTime());
        Trade longLeg = t.get(1);
        assertEquals(Side.LONG_BASIS, longLeg.side());
        assertEquals(ExitReason.END_OF_DATA, longLeg.exitReason());
        assertEquals(2, longLeg.cyclesHeld());
        assertEquals(0.0, longLeg.fundingPnl(), TOL);
        assertEquals(-0.00006, longLeg.basisPnl(), TOL);
        assertEquals(0.00048, longLeg.fees(), TOL);
        assertEquals(Instant.ofEpochMilli(Markets.T0 + 5 * 8 * Markets.H), longLeg.exitTime());

        Performance p = r.performance();
        assertEquals(0.99895 - 1, p.totalReturn(), TOL);
        assertEquals(2.2, p.turnover(), TOL);
        assertEquals(0.0004 + 0.00024 + 0.00088 + 0.00024, p.feeDrag(), TOL);
        assertEquals(0.00005 - 0.0001 + 0.00024 - 0.00003 + 0.00003, p.pnl().funding(), TOL);
        assertEquals(0.00025 - 0.00015 + 0.00048 - 0.00018 + 0.00012, p.pnl().basis(), TOL);
        assertEquals(2, p.tradeCount());
        assertEquals(0.0, p.winRate(), TOL);
        assertEquals(0.00024, r.diagnostics().finalCloseFee(), TOL);
    }

    /**
     * Physics, causal, 8 bps (0.0004 per unit changed). Regimes: none, EQUILIBRIUM, WARM, WARM, EQUILIBRIUM.
     * F = [2, 1, 1, −3, 2] bp; basis path [0, 0.02, 0.01, 0.03, 0.03, 0.01] %.
     */
    @Test
    void physics_resizesOnlyBeyondTwentyPercent_matchesHandLedger() {
        FundingCycles c = Markets.cycles(new double[] {2e-4, 1e-4, 1e-4, -3e-4, 2e-4},
                new double[] {0, 0.02, 0.01, 0.03, 0.03, 0.01});
        SignalPath sig = SignalPath.ofRegimes(
                new Regime[] {null, Regime.EQUILIBRIUM, Regime.WARM, Regime.WARM, Regime.EQUILIBRIUM});
        BacktestResult r = BacktestEngine.run(BacktestRequest.of(c, sig, PhysicsStrategy.defaults(),
                FeeTier.BPS_8, Compat.CAUSAL));
        Ledger l = r.ledger();
        // row 0: no signal → flat.
        // row 1: T = 1·0.5·1.0 = 0.5; fee 0.5·0.0004 = 0.0002; funding 0.5·1e-4; basis −0.5·(0.01−0.02)/100
        //        → total −0.0001, E = 0.9999
        // row 2: T = 0.9999·0.5·0.6 = 0.29997, |T−0.5|/0.5 = 0.40006 > 0.2 → re-size; fee 0.20003·0.0004;
        //        funding 0.29997·1e-4; basis −0.29997·(0.03−0.01)/100 → E = 0.999789991
        // row 3: T = 0.999789991·0.3 = 0.2999369973, within 20 % of 0.29997 → hold; funding 0.29997·(−3e-4)
        //        (short basis pays); basis 0 → E = 0.9997
        // row 4: T = 0.9997·0.5 = 0.49985, |T−0.29997|/0.29997 = 0.666 > 0.2 → re-size; fee 0.19988·0.0004;
        //        funding 0.49985·2e-4; basis −0.49985·(0.01−0.03)/100; final close 0.49985·0.0004
        assertColumn(new double[] {0, 0.5, 0.29997, 0.29997, 0.49985}, l.notionals(), "notional");
        assertColumn(new double[] {0, 0.00005, 0.000029997, -0.000089991, 0.00009997}, l.fundings(), "funding");
        assertColumn(new double[] {0, 0.00005, -0.000059994, 0, 0.00009997}, l.bases(), "basis");
        assertColumn(new double[] {0, 0.0002, 0.000080012, 0, 0.000079952 + 0.00019994}, l.fees(), "fee");
        assertColumn(new double[] {1, 0.9999, 0.999789991, 0.9997, 0.999620048}, l.equities(), "equity");
        assertEquals(1, r.trades().size());
        Trade t = r.trades().get(0);
        assertEquals(Regime.EQUILIBRIUM, t.regimeAtEntry());
        assertEquals(4, t.cyclesHeld());
        assertEquals(ExitReason.END_OF_DATA, t.exitReason());
        assertEquals(0.0002 + 0.000080012 + 0.000079952 + 0.00019994, t.fees(), TOL);
        assertEquals(1, r.diagnostics().unevaluated(Unevaluated.SIGNAL), "the warm-up decision is counted");
        assertNull(l.regime(0));
        // PnL by regime: row 1 and 4 EQUILIBRIUM, rows 2–3 WARM, row 0 none
        RegimePnl eq = r.performance().byRegime().get(Regime.EQUILIBRIUM.ordinal());
        assertEquals(2, eq.cycles());
        assertEquals(0.00005 + 0.00009997, eq.pnl().funding(), TOL);
        RegimePnl warm = r.performance().byRegime().get(Regime.WARM.ordinal());
        assertEquals(2, warm.cycles());
        assertEquals(-0.000059994, warm.pnl().basis(), TOL);
    }

    /**
     * Ruin: short basis at 5× starting capital, 16 bps; F = 1 bp; basis path [0, 0.5, 30, 30, 30, 30] %.
     * Row 1 loses 5·29.5 % = 1.475 and more than the 0.9715 left: equity floors at 0, ruin at row 1; the
     * position is liquidated at the next decision (fee charged, absorbed by the floor), then nothing.
     */
    @Test
    void ruin_floorsCapitalAtZero_reportsTimeAndShortfall_andStopsTrading() {
        FundingCycles c = Markets.cycles(new double[] {1e-4, 1e-4, 1e-4, 1e-4, 1e-4},
                new double[] {0, 0.5, 30, 30, 30, 30});
        ScheduleStrategy s = ScheduleStrategy.constant(Side.SHORT_BASIS, 5.0, 5);
        BacktestResult r = BacktestEngine.run(BacktestRequest.of(c, SignalPath.none(5), s, FeeTier.BPS_16,
                Compat.CAUSAL));
        Ledger l = r.ledger();
        // row 0: fee 5·0.0008 = 0.004; funding 5·1e-4; basis −5·0.5/100 → E = 1 − 0.0285 = 0.9715
        // row 1: funding 0.0005; basis −5·29.5/100 = −1.475 → raw 0.9715 − 1.4745 = −0.503 → 0
        // row 2: liquidation fee 5·0.0008 = 0.004 absorbed; rows 2–4 flat
        assertColumn(new double[] {5, 5, 0, 0, 0}, l.notionals(), "notional");
        assertColumn(new double[] {-0.025, -1.475, 0, 0, 0}, l.bases(), "basis");
        assertColumn(new double[] {0.004, 0, 0.004, 0, 0}, l.fees(), "fee");
        assertColumn(new double[] {0.9715, 0, 0, 0, 0}, l.equities(), "equity");
        Diagnostics d = r.diagnostics();
        assertEquals(1, d.ruinCycle());
        assertEquals(Instant.ofEpochMilli(Markets.T0 + 2 * 8 * Markets.H), d.ruinTime());
        assertEquals(0.503 + 0.004, d.ruinShortfall(), TOL);
        assertEquals(1, r.trades().size());
        assertEquals(ExitReason.RUIN, r.trades().get(0).exitReason());
        assertEquals(2, r.trades().get(0).exitCycle());
        assertEquals(-1.0, r.performance().totalReturn(), TOL);
        assertEquals(-1.0, r.performance().annualReturn(), TOL);
        assertEquals(1.0, r.performance().maxDrawdown(), TOL);
        assertEquals(-1.0, r.performance().worstCycle(), TOL);
    }

    /** Reference mode on the same market clips basis PnL at 5 % and funding at 1 % of notional. */
    @Test
    void referenceMode_clipsFundingAndBasisPerCycle() {
        FundingCycles c = Markets.cycles(new double[] {0.02, -0.02, 1e-4}, new double[] {0, 0.5, 30, 31});
        ScheduleStrategy s = ScheduleStrategy.constant(Side.SHORT_BASIS, 1.0, 3);
        BacktestResult r = BacktestEngine.run(BacktestRequest.of(c, SignalPath.none(3), s, FeeTier.ZERO,
                Compat.REFERENCE));
        // funding 0.02 → +0.01, −0.02 → −0.01, 1e-4 unchanged; basis −0.005 unchanged, −0.295 → −0.05, −0.01
        assertColumn(new double[] {0.01, -0.01, 0.0001}, r.ledger().fundings(), "funding");
        assertColumn(new double[] {-0.005, -0.05, -0.01}, r.ledger().bases(), "basis");
        assertEquals(2, r.diagnostics().clippedFundingCycles());
        assertEquals(1, r.diagnostics().clippedBasisCycles());
        BacktestResult causal = BacktestEngine.run(new BacktestRequest(c, SignalPath.none(3), s, FeeTier.ZERO,
                Compat.CAUSAL, 1.0, 0));
        assertEquals(-0.295, causal.ledger().basis(1), TOL, "causal mode never clips");
        assertEquals(0.02, causal.ledger().funding(0), TOL, "causal mode never clips");
        assertEquals(0, causal.diagnostics().clippedBasisCycles());
    }

    /**
     * Exchange-exact accrual: a position held through cycle k is paid the rate settled at its end, F_{k+1};
     * the last cycle's closing rate is not in the data (funding 0, counted).
     */
    @Test
    void rateAtCycleEnd_paysTheNextSettlement_andCountsTheLastCycle() {
        FundingCycles c = Markets.cycles(new double[] {1e-4, 2e-4, -3e-4}, new double[4]);
        ScheduleStrategy s = ScheduleStrategy.constant(Side.SHORT_BASIS, 1.0, 3);
        BacktestRequest start = new BacktestRequest(c, SignalPath.none(3), s, FeeTier.ZERO, Compat.CAUSAL, 1.0, 0);
        assertColumn(new double[] {1e-4, 2e-4, -3e-4}, BacktestEngine.run(start).ledger().fundings(), "at start");
        BacktestResult end = BacktestEngine.run(start.withFundingAccrual(FundingAccrual.RATE_AT_CYCLE_END));
        assertColumn(new double[] {2e-4, -3e-4, 0}, end.ledger().fundings(), "at end");
        assertEquals(1, end.diagnostics().fundingNotEvaluated());
    }
}
