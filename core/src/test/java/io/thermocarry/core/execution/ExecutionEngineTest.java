package io.thermocarry.core.execution;

import static io.thermocarry.core.execution.HandMarket.HOUR;
import static io.thermocarry.core.execution.HandMarket.MIN;
import static io.thermocarry.core.execution.HandMarket.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.SignalPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The execution engine's rules, fills and books, decision by decision and as identities. */
class ExecutionEngineTest {
    private static final double RICH = 0.05;

    private static ExecutionResult run(IntradayState state, FundingCycles c, SignalPath s, ExecutionSpec spec,
            BarSeries premium) {
        return ExecutionEngine.run(ExecutionRequest.of(new ExecutionWindow(c, s, 0), state, premium, spec));
    }

    private static FundingCycles cycles(int count, double basisStart0) {
        double[] rates = new double[count];
        Arrays.fill(rates, 1e-4);
        double[] basis = new double[count + 1];
        basis[0] = basisStart0;
        double[] marks = new double[count + 1];
        Arrays.fill(marks, 100.0);
        return HandMarket.cycles(rates, basis, marks, 8);
    }

    @Test
    void anOrder_fillsAtTheNextBarsOpenOfEachLeg_plusHalfTheTier_neverAtTheDecisionClose() {
        IntradayState st = HandMarket.state(close -> close >= T0 && close < T0 + 3 * HOUR ? RICH : 0.0, 16 * HOUR);
        ExecutionSpec spec = new ExecutionSpec(Child.every(BarInterval.M5), ExecutionRules.defaults(), FeeTier.BPS_16,
                ExecutionModel.EXCHANGE);
        ExecutionResult r = run(st, cycles(2, RICH), Intraday.open(2), spec, null);
        Fill entry = r.fills().get(0);
        assertEquals(Instant.ofEpochMilli(T0), entry.decisionTime());
        int next = st.firstOpenAtOrAfter(T0);
        assertEquals(st.perpOpen(next), entry.perpPrice(), 0.0);
        assertEquals(st.spotOpen(next), entry.spotPrice(), 0.0);
        assertNotEquals(st.perpClose(st.asOfClose(T0)), entry.perpPrice(), "not the close that produced the decision");
        assertEquals(0.5, entry.tradedNotional(), 0.0);
        assertEquals(0.5 * 16 / 2 / 1e4, entry.fee(), 1e-18, "half the round-trip tier on the notional traded");
        Fill exit = r.fills().get(1);
        assertEquals(Instant.ofEpochMilli(T0 + 3 * HOUR), exit.decisionTime(), "first 5 m close back at the median");
        assertEquals(ExitReason.BASIS_AT_MEDIAN, exit.reason());
        double fees = r.fills().stream().mapToDouble(Fill::fee).sum();
        assertEquals(fees, r.performance().feeDrag(), 1e-15);
        assertEquals(1, r.diagnostics().intraIntervalExits());
    }

    @Test
    void theSettlementChild_decidesOnlyByTheDeskRule_andIgnoresTheIntradayMedian() {
        IntradayState st = HandMarket.state(close -> close >= T0 && close < T0 + 3 * HOUR ? RICH : 0.0, 24 * HOUR);
        ExecutionSpec spec = ExecutionSpec.of(Child.SETTLEMENT, FeeTier.BPS_8);
        ExecutionResult r = run(st, cycles(3, RICH), Intraday.open(3), spec, null);
        Trade t = r.trades().get(0);
        assertEquals(Instant.ofEpochMilli(T0), t.entryTime());
        assertEquals(Instant.ofEpochMilli(T0 + 16 * HOUR), t.exitTime(), "held to the desk's maximum of 2 cycles");
        assertEquals(ExitReason.MAX_HOLD, t.exitReason());
        assertEquals(2, t.cyclesHeld());
        assertEquals(3, r.diagnostics().decisions());
        assertEquals(0, r.diagnostics().intraIntervalExits());
    }

    @Test
    void readmission_nextSettlement_allowsOneRoundTripPerInterval_anyBar_churns() {
        // the basis flips between rich and its median every 20 minutes
        IntradayState st = HandMarket.state(close -> close >= T0 && ((close - T0) / (20 * MIN)) % 2 == 0 ? RICH : 0.0,
                24 * HOUR);
        FundingCycles c = cycles(3, RICH);
        ExecutionRules once = ExecutionRules.defaults();
        ExecutionSpec spec = new ExecutionSpec(Child.every(BarInterval.M5), once, FeeTier.BPS_8, ExecutionModel.EXCHANGE);
        ExecutionResult a = run(st, c, Intraday.open(3), spec, null);
        ExecutionResult b = run(st, c, Intraday.open(3), spec.withRules(once.withReadmission(Readmission.ANY_CHILD_BAR)),
                null);
        assertTrue(a.trades().size() <= 3, "at most one per interval: " + a.trades().size());
        assertTrue(b.trades().size() > 3 * a.trades().size(), "re-admitting at any bar churns: " + b.trades().size());
        assertTrue(b.performance().feeDrag() > a.performance().feeDrag());
        for (int i = 1; i < a.trades().size(); i++) {
            Trade prev = a.trades().get(i - 1);
            Trade next = a.trades().get(i);
            long exitDecided = a.fills().stream().filter(f -> f.fillTime().equals(prev.exitTime())).findFirst()
                    .orElseThrow().decisionTime().toEpochMilli();
            long nextSettlement = T0 + ((exitDecided - T0) / (8 * HOUR) + 1) * 8 * HOUR;
            assertTrue(next.entryTime().toEpochMilli() >= nextSettlement, "re-entry before the next settlement");
        }
    }

    @Test
    void predictedFunding_fromThePremiumIndex_exitsWhenItTurnsAgainstTheCarry_elseNotEvaluated() {
        IntradayState st = HandMarket.state(close -> close >= T0 ? RICH : 0.0, 24 * HOUR);
        FundingCycles c = cycles(2, RICH);
        ExecutionSpec spec = new ExecutionSpec(Child.every(BarInterval.M15), ExecutionRules.defaults(), FeeTier.BPS_8,
                ExecutionModel.EXCHANGE);
        ExecutionResult without = run(st, c, Intraday.open(2), spec, null);
        assertTrue(without.diagnostics().predictedFundingNotEvaluated() > 0);
        assertEquals(0, without.diagnostics().exits(ExitReason.PREDICTED_FUNDING_FLIP));
        // premium index deeply negative from two hours after t_0: predicted F < 0 against the short basis
        int n = 18 * 60;
        long[] t = new long[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * MIN;
            p[i] = t[i] >= T0 + 2 * HOUR ? -0.003 : 1e-4;
        }
        BarSeries premium = new BarSeries(st.symbol(), Market.PREMIUM, BarInterval.M1, t, p,
                p.clone(), p.clone(), p.clone(), new double[n]);
        ExecutionResult with = run(st, c, Intraday.open(2), spec, premium);
        Trade first = with.trades().get(0);
        assertEquals(ExitReason.PREDICTED_FUNDING_FLIP, first.exitReason());
        assertTrue(first.exitTime().toEpochMilli() > T0 + 2 * HOUR && first.exitTime().toEpochMilli() < T0 + 4 * HOUR,
                "exits once the weighted premium turns: " + first.exitTime());
    }

    @Test
    void predictedFunding_isBinancesFormula_weightedMean_clampedInterest_proRata() {
        PredictedFunding f = new PredictedFunding();
        f.reset(8);
        assertTrue(Double.isNaN(f.predicted()));
        f.add(0.0001);
        f.add(0.0004);
        // P̄ = (1·1e−4 + 2·4e−4)/3 = 3e−4; I − P̄ = −2e−4 within the clamp: F = I = 1e−4
        assertEquals(3e-4, f.premiumAverage(), 1e-18);
        assertEquals(1e-4, f.predicted(), 1e-18);
        f.reset(4);
        f.add(-0.002);
        // I = 0.5e−4; I − P̄ = 2.05e−3 clamped to 5e−4: F = −2e−3 + 5e−4
        assertEquals(-0.0015, f.predicted(), 1e-18);
    }

    @Test
    void followRegime_shrinksAHeldPosition_whenTheSettlementsExposureFalls() {
        IntradayState st = HandMarket.state(close -> close >= T0 ? RICH : 0.0, 24 * HOUR);
        FundingCycles c = cycles(3, RICH);
        SignalPath open = Intraday.open(3);
        Regime[] reg = {Regime.EQUILIBRIUM, Regime.WARM, Regime.WARM};
        double[] one = {0.9, 0.9, 0.9};
        SignalPath warm = new SignalPath(reg, new double[] {1.0, 0.6, 0.6}, one, new double[3], new double[] {1, 1, 1},
                new double[] {0.1, 0.1, 0.1}, new double[] {0.5, 0.5, 0.5}, new double[] {0.5, 0.5, 0.5});
        assertEquals(open.exposure(0), warm.exposure(0), 0.0);
        ExecutionRules rules = ExecutionRules.defaults()
                .withDesk(new DeskStrategy(0.5, 1.05, -0.5, 21, 0.01, 3, Sides.SHORT_ONLY)).withSizing(Sizing.FOLLOW_REGIME);
        ExecutionSpec spec = new ExecutionSpec(Child.SETTLEMENT, rules, FeeTier.BPS_8, ExecutionModel.CYCLE_MODEL);
        ExecutionResult r = run(st, c, warm, spec, null);
        assertEquals(1, r.diagnostics().shrinks());
        Ledger l = r.ledger();
        assertEquals(0.5, l.notional(0), 1e-15);
        double shrunk = l.equity(0) * 0.5 * 0.6;
        assertEquals(shrunk, l.notional(1), 1e-12, "shrunk to capital × 0.5 × WARM 0.6");
        assertEquals(0.5 - shrunk, l.traded(1), 1e-12);
        ExecutionResult fixed = run(st, c, warm, spec.withRules(rules.withSizing(Sizing.AT_ENTRY)), null);
        assertEquals(0, fixed.diagnostics().shrinks());
        assertEquals(0.5, fixed.ledger().notional(1), 1e-15);
    }

    @Property(tries = 30)
    void books_add_up_perRowPerTradeAndPerFill(@ForAll long seed) {
        Random rnd = new Random(seed);
        SyntheticIntradayMarket m = Intraday.market(seed, 9 + rnd.nextInt(10), 8, BarInterval.M1, rnd.nextInt(3));
        FundingCycles c = m.cycles();
        SignalPath s = rnd.nextBoolean() ? Intraday.open(c.size()) : Intraday.signals(rnd, c.size());
        IntradayState st = m.state(Duration.ofHours(1 + rnd.nextInt(6)));
        Child child = List.of(Child.every(BarInterval.M5), Child.every(BarInterval.M15), Child.SETTLEMENT)
                .get(rnd.nextInt(3));
        ExecutionRules rules = ExecutionRules.defaults()
                .withReadmission(rnd.nextBoolean() ? Readmission.ANY_CHILD_BAR : Readmission.NEXT_SETTLEMENT)
                .withSizing(rnd.nextBoolean() ? Sizing.FOLLOW_REGIME : Sizing.AT_ENTRY)
                .withDesk(new DeskStrategy(0.5, 1.05, -0.5, 3, 0.005, 2, rnd.nextBoolean() ? Sides.BOTH : Sides.SHORT_ONLY));
        ExecutionModel model = rnd.nextBoolean() ? ExecutionModel.EXCHANGE : ExecutionModel.CYCLE_MODEL;
        ExecutionSpec spec = new ExecutionSpec(child, rules, FeeTier.ofBps(rnd.nextInt(30)), model);
        ExecutionResult r = ExecutionEngine.run(ExecutionRequest.of(ExecutionWindow.covered(c, s, st, 0), st, null, spec));
        Ledger l = r.ledger();
        double prev = 1.0;
        for (int k = 0; k < l.size(); k++) {
            assertEquals(l.funding(k) + l.basis(k) - l.fee(k), l.total(k), 1e-15, "row " + k);
            assertEquals(Math.max(0, prev + l.total(k)), l.equity(k), 1e-13, "equity row " + k);
            prev = l.equity(k);
        }
        double f = 0;
        double b = 0;
        double fees = 0;
        for (Trade t : r.trades()) {
            f += t.fundingPnl();
            b += t.basisPnl();
            fees += t.fees();
            assertTrue(t.exitTime().compareTo(t.entryTime()) > 0, "a trade lasts");
        }
        assertEquals(r.performance().pnl().funding(), f, 1e-13);
        assertEquals(r.performance().pnl().basis(), b, 1e-13);
        assertEquals(r.performance().feeDrag(), fees, 1e-13);
        assertEquals(fees, r.fills().stream().mapToDouble(Fill::fee).sum(), 1e-13);
        assertEquals(r.performance().turnover(), r.fills().stream().mapToDouble(Fill::tradedNotional).sum(), 1e-13);
        assertEquals(spec.fee().perChangeFraction() * r.performance().turnover(), r.performance().feeDrag(), 1e-13);
        assertEquals(2 * r.trades().size(), r.fills().size() - r.diagnostics().shrinks() + flips(r),
                "an entry and an exit per trade (a side flip is one fill for both)");
        for (Fill x : r.fills()) {
            assertTrue(x.fillTime().compareTo(x.decisionTime()) >= 0, "no fill before its decision");
        }
        if (child == Child.SETTLEMENT) {
            assertEquals(0, r.diagnostics().intraIntervalExits());
        }
    }

    private static int flips(ExecutionResult r) {
        int n = 0;
        for (Fill x : r.fills()) {
            if (x.from() != Side.FLAT && x.to() != Side.FLAT && x.from() != x.to()) {
                n++;
            }
        }
        return n;
    }
}
