package io.thermocarry.core.execution;

import static io.thermocarry.core.execution.HandMarket.HOUR;
import static io.thermocarry.core.execution.HandMarket.MIN;
import static io.thermocarry.core.execution.HandMarket.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Side;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §7, funding exactly as the exchange pays it, on hand-made 1 m markets with 4 h and 8 h settlements:
 * whoever is open at the settlement instant is paid the whole interval's rate, on quantity × mark then × F;
 * whoever closed one minute before is paid nothing.
 */
class FundingAccrualFixturesTest {
    private static final double F0 = 2e-4;
    private static final double F1 = 3e-4;
    private static final double MARK1 = 101.5;
    private static final double RICH = 0.05;

    private static ExecutionResult run(IntradayState state, double basisStart0, int hours, ExecutionModel model) {
        FundingCycles c = HandMarket.cycles(new double[] {F0, F1}, new double[] {basisStart0, 0.0, 0.0},
                new double[] {100.0, MARK1, 100.0}, hours);
        ExecutionWindow w = new ExecutionWindow(c, Intraday.open(2), 0);
        ExecutionSpec spec = new ExecutionSpec(Child.every(BarInterval.M1), ExecutionRules.defaults(), FeeTier.BPS_16,
                model);
        return ExecutionEngine.run(ExecutionRequest.of(w, state, null, spec));
    }

    @ParameterizedTest
    @CsvSource({"4,EXCHANGE", "8,EXCHANGE", "4,CYCLE_MODEL", "8,CYCLE_MODEL"})
    void positionClosedOneMinuteBeforeTheSettlement_paysNoFunding(int hours, ExecutionModel model) {
        long t1 = T0 + hours * HOUR;
        // rich from t_0 on; back to its (zero) median at the close one minute before t_1
        IntradayState state = HandMarket.state(close -> close >= T0 && close < t1 - MIN ? RICH : 0.0, 2 * hours * HOUR);
        ExecutionResult r = run(state, RICH, hours, model);
        List<Trade> trades = r.trades();
        assertEquals(1, trades.size(), "one trade: entered at t_0 by the desk rule, left on the intraday median");
        Trade t = trades.get(0);
        assertEquals(Instant.ofEpochMilli(T0), t.entryTime());
        assertEquals(Instant.ofEpochMilli(t1 - MIN), t.exitTime(), "filled at the open one minute before t_1");
        assertEquals(ExitReason.BASIS_AT_MEDIAN, t.exitReason());
        assertEquals(0, t.cyclesHeld(), "no settlement while open");
        assertEquals(0.0, t.fundingPnl(), 0.0);
        assertEquals(0.0, r.ledger().funding(0), 0.0, "nothing paid at t_1");
        assertEquals(0.0, r.performance().pnl().funding(), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"4,EXCHANGE", "8,EXCHANGE", "4,CYCLE_MODEL", "8,CYCLE_MODEL"})
    void positionClosedAtTheSettlementBar_isStillOpenAtTheInstant_andPaid(int hours, ExecutionModel model) {
        long t1 = T0 + hours * HOUR;
        IntradayState state = HandMarket.state(close -> close >= T0 && close < t1 ? RICH : 0.0, 2 * hours * HOUR);
        ExecutionResult r = run(state, RICH, hours, model);
        Trade t = r.trades().get(0);
        assertEquals(Instant.ofEpochMilli(t1), t.exitTime(), "decided at t_1's close, filled at the open after it");
        assertEquals(1, t.cyclesHeld());
        double expected = paid(model, fillPerp(state, T0), 0.5);
        assertEquals(expected, r.ledger().funding(0), 1e-18);
        assertEquals(expected, t.fundingPnl(), 1e-18);
    }

    @ParameterizedTest
    @CsvSource({"4,EXCHANGE", "8,EXCHANGE", "4,CYCLE_MODEL", "8,CYCLE_MODEL"})
    void positionOpenedOneMinuteBeforeTheSettlement_receivesTheWholeIntervalsFunding(int hours, ExecutionModel model) {
        long t1 = T0 + hours * HOUR;
        // flat at t_0 (b_start ≤ 0); rich from the close two minutes before t_1: admitted there, filled one minute before
        IntradayState state = HandMarket.state(close -> close >= t1 - MIN && close <= t1 + HOUR ? RICH : 0.0,
                2 * hours * HOUR);
        ExecutionResult r = run(state, 0.0, hours, model);
        Trade t = r.trades().get(0);
        assertEquals(Side.SHORT_BASIS, t.side());
        assertEquals(Instant.ofEpochMilli(t1 - MIN), t.entryTime(), "decided at the close t_1 − 1 m, filled at its next open");
        assertEquals(0.5, t.entryNotional(), 0.0, "capital 1 × base 0.5 × EQUILIBRIUM 1.0");
        double expected = paid(model, fillPerp(state, t1 - MIN), 0.5);
        assertEquals(expected, r.ledger().funding(0), 1e-18, "one minute open, the interval's whole F_1");
        // the same quantity held through the whole interval would be paid exactly this: q × mark(t_1) × F_1
        assertEquals(model == ExecutionModel.EXCHANGE ? 0.5 / fillPerp(state, t1 - MIN) * MARK1 * F1 : 0.5 * F1,
                expected, 0.0);
        assertEquals(1, t.cyclesHeld());
    }

    /** Perp open of the bar opening at {@code openMs}. */
    private static double fillPerp(IntradayState s, long openMs) {
        int i = s.firstOpenAtOrAfter(openMs);
        assertEquals(openMs, s.openMs(i));
        return s.perpOpen(i);
    }

    /** Funding of a short basis of notional {@code n} filled at perp price {@code p}, paid at t_1. */
    private static double paid(ExecutionModel model, double p, double n) {
        return model == ExecutionModel.EXCHANGE ? 1 * (n / p) * MARK1 * F1 : (1 * n) * F1;
    }
}
