package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.ThresholdStrategy;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.PhysicsStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Accounting identities of the engine on seeded random markets, for every strategy and both rule sets. */
class BacktestPropertiesTest {
    private static final List<FeeTier> TIERS = List.of(FeeTier.ZERO, FeeTier.BPS_8, FeeTier.BPS_16,
            FeeTier.BPS_25, FeeTier.REFERENCE);

    private static BacktestRequest request(FundingCycles c, SignalPath s, StrategySpec spec, FeeTier tier,
            Compat compat, double capital, int first) {
        return new BacktestRequest(c, s, spec, tier, compat, capital, first);
    }

    @Property(tries = 60)
    void totalEqualsFundingPlusBasisPlusPriceMinusFees_perCycleAndPerTrade(@ForAll long seed,
            @ForAll @IntRange(min = 3, max = 80) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        int first = rnd.nextInt(3);
        for (StrategySpec spec : RandomMarkets.strategies(rnd, n)) {
            for (Compat compat : Compat.values()) {
                FeeTier tier = TIERS.get(rnd.nextInt(TIERS.size()));
                BacktestResult r = BacktestEngine.run(request(c, s, spec, tier, compat, 1.0, first));
                Ledger l = r.ledger();
                String what = spec.name() + " " + compat + " " + tier;
                double prev = 1.0;
                for (int k = 0; k < n; k++) {
                    double expected = l.funding(k) + l.basis(k) + l.price(k) - l.fee(k);
                    assertEquals(expected, l.total(k), 1e-14, what + " row " + k);
                    assertTrue(l.fee(k) >= 0, what);
                    assertEquals(Math.max(0, prev + l.total(k)), l.equity(k), 1e-12, what + " equity row " + k);
                    prev = l.equity(k);
                }
                double tradeFees = 0;
                for (Trade t : r.trades()) {
                    double f = 0;
                    double b = 0;
                    double p = 0;
                    for (int k = t.entryCycle(); k < Math.min(t.exitCycle(), n); k++) {
                        f += l.funding(k);
                        b += l.basis(k);
                        p += l.price(k);
                    }
                    assertEquals(f, t.fundingPnl(), 1e-13, what + " trade funding");
                    assertEquals(b, t.basisPnl(), 1e-13, what + " trade basis");
                    assertEquals(p, t.pricePnl(), 1e-13, what + " trade price");
                    assertEquals(t.fundingPnl() + t.basisPnl() + t.pricePnl() - t.fees(), t.totalPnl(), 1e-15);
                    tradeFees += t.fees();
                }
                double ledgerFees = Arrays.stream(l.fees()).sum();
                assertEquals(ledgerFees, tradeFees, 1e-13, what + " fees: ledger vs trades");
                assertEquals(ledgerFees, r.performance().feeDrag(), 1e-13, what);
                if (!r.diagnostics().ruined()) {
                    assertEquals(l.equity(n - 1) - 1.0, r.performance().pnl().total(), 1e-12, what);
                }
            }
        }
    }

    @Property(tries = 40)
    void flatStrategy_earnsExactlyZero(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath zeroExposure = new SignalPath(regimesOf(RandomMarkets.signals(rnd, n, 0), n), new double[n],
                new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        List<StrategySpec> flat = List.of(ScheduleStrategy.constant(Side.FLAT, 0.5, n),
                ScheduleStrategy.constant(Side.SHORT_BASIS, 0.0, n), PhysicsStrategy.defaults());
        for (StrategySpec spec : flat) {
            for (Compat compat : Compat.values()) {
                BacktestResult r = BacktestEngine.run(request(c, zeroExposure, spec, FeeTier.BPS_25, compat, 1.0,
                        0));
                Ledger l = r.ledger();
                for (int k = 0; k < n; k++) {
                    assertEquals(0.0, l.notional(k), 0.0);
                    assertEquals(0.0, l.funding(k), 0.0);
                    assertEquals(0.0, l.basis(k), 0.0);
                    assertEquals(0.0, l.price(k), 0.0);
                    assertEquals(0.0, l.fee(k), 0.0);
                    assertEquals(0.0, l.total(k), 0.0);
                    assertEquals(1.0, l.equity(k), 0.0);
                }
                assertTrue(r.trades().isEmpty());
                assertEquals(0.0, r.performance().totalReturn(), 0.0);
            }
        }
    }

    private static io.thermocarry.core.regime.Regime[] regimesOf(SignalPath s, int n) {
        io.thermocarry.core.regime.Regime[] out = new io.thermocarry.core.regime.Regime[n];
        for (int k = 0; k < n; k++) {
            out[k] = s.regime(k);
        }
        return out;
    }

    @Property(tries = 40)
    void doublingCapital_doublesEveryPnl(@ForAll long seed, @ForAll @IntRange(min = 3, max = 80) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        for (StrategySpec spec : RandomMarkets.strategies(rnd, n)) {
            for (Compat compat : Compat.values()) {
                FeeTier tier = TIERS.get(rnd.nextInt(TIERS.size()));
                BacktestResult one = BacktestEngine.run(request(c, s, spec, tier, compat, 1.0, 1));
                BacktestResult two = BacktestEngine.run(request(c, s, spec, tier, compat, 2.0, 1));
                String what = spec.name() + " " + compat;
                assertScaled(one.ledger().notionals(), two.ledger().notionals(), what + " notional");
                assertScaled(one.ledger().fundings(), two.ledger().fundings(), what + " funding");
                assertScaled(one.ledger().bases(), two.ledger().bases(), what + " basis");
                assertScaled(one.ledger().prices(), two.ledger().prices(), what + " price");
                assertScaled(one.ledger().fees(), two.ledger().fees(), what + " fee");
                assertScaled(one.ledger().equities(), two.ledger().equities(), what + " equity");
                assertEquals(one.trades().size(), two.trades().size(), what);
                for (int i = 0; i < one.trades().size(); i++) {
                    Trade a = one.trades().get(i);
                    Trade b = two.trades().get(i);
                    assertEquals(2 * a.totalPnl(), b.totalPnl(), 0.0, what + " trade");
                    assertEquals(2 * a.fees(), b.fees(), 0.0, what + " trade fees");
                    assertEquals(a.exitReason(), b.exitReason());
                }
                assertEquals(one.performance().sharpe(), two.performance().sharpe(), 0.0, what);
                assertEquals(one.performance().pnl().total(), two.performance().pnl().total(), 0.0, what);
            }
        }
    }

    private static void assertScaled(double[] one, double[] two, String what) {
        for (int k = 0; k < one.length; k++) {
            assertEquals(2 * one[k], two[k], 0.0, what + " row " + k);
        }
    }

    @Property(tries = 40)
    void zeroFees_meanZeroFeePnl(@ForAll long seed, @ForAll @IntRange(min = 3, max = 80) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        for (StrategySpec spec : RandomMarkets.strategies(rnd, n)) {
            for (Compat compat : Compat.values()) {
                BacktestResult r = BacktestEngine.run(request(c, s, spec, FeeTier.ZERO, compat, 1.0, 0));
                for (double fee : r.ledger().fees()) {
                    assertEquals(0.0, fee, 0.0);
                }
                for (Trade t : r.trades()) {
                    assertEquals(0.0, t.fees(), 0.0);
                }
                assertEquals(0.0, r.performance().pnl().fees(), 0.0);
                assertEquals(0.0, r.diagnostics().finalCloseFee(), 0.0);
            }
        }
    }

    @Property(tries = 60)
    void mirroredMarket_givesMirroredSide_andIdenticalPnl(@ForAll long seed,
            @ForAll @IntRange(min = 3, max = 80) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        FundingCycles m = RandomMarkets.mirror(c);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        double fraction = 0.2 + rnd.nextDouble();
        List<StrategySpec[]> pairs = List.of(
                new StrategySpec[] {new ThresholdStrategy(5, 0.5, 0.1, 4, 0.01),
                    new ThresholdStrategy(5, 0.5, 0.1, 4, 0.01)},
                new StrategySpec[] {new DeskStrategy(0.5, 1.05, -0.5, 4, 0.01, 2, Sides.BOTH),
                    new DeskStrategy(0.5, 1.05, -0.5, 4, 0.01, 2, Sides.BOTH)},
                new StrategySpec[] {ScheduleStrategy.constant(Side.SHORT_BASIS, fraction, n),
                    ScheduleStrategy.constant(Side.LONG_BASIS, fraction, n)});
        int trading = 0;
        for (StrategySpec[] pair : pairs) {
            for (Compat compat : Compat.values()) {
                FeeTier tier = TIERS.get(rnd.nextInt(TIERS.size()));
                BacktestResult a = BacktestEngine.run(request(c, s, pair[0], tier, compat, 1.0, 0));
                BacktestResult b = BacktestEngine.run(request(m, s, pair[1], tier, compat, 1.0, 0));
                String what = pair[0].name() + " " + compat;
                for (int k = 0; k < n; k++) {
                    assertEquals(a.ledger().side(k).mirror(), b.ledger().side(k), what + " side row " + k);
                    assertEquals(a.ledger().notional(k), b.ledger().notional(k), 0.0, what + " notional");
                    assertEquals(a.ledger().funding(k), b.ledger().funding(k), 0.0, what + " funding row " + k);
                    assertEquals(a.ledger().basis(k), b.ledger().basis(k), 0.0, what + " basis row " + k);
                    assertEquals(a.ledger().fee(k), b.ledger().fee(k), 0.0, what + " fee row " + k);
                    assertEquals(a.ledger().equity(k), b.ledger().equity(k), 0.0, what + " equity row " + k);
                }
                trading += a.trades().size();
            }
        }
        assertTrue(trading > 0, "the schedule always trades");
    }

    /**
     * Causality (SPEC §4): perturbing every input that becomes known after t_j (funding rates F_{j+1..}, the
     * basis from t_{j+1} on, marks after t_j) leaves every causal decision up to and including j unchanged.
     */
    @Property(tries = 40)
    void changingTheFuture_leavesPastDecisionsUnchanged(@ForAll long seed,
            @ForAll @IntRange(min = 3, max = 80) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        int j = rnd.nextInt(n);
        double[] rate = c.rates().clone();
        double[] bs = c.basisStarts().clone();
        double[] be = c.basisEnds().clone();
        double[] ms = c.markStarts().clone();
        double[] me = c.markEnds().clone();
        for (int k = j; k < n; k++) {
            if (k > j) {
                rate[k] = rnd.nextGaussian() * 1e-3;
                bs[k] = rnd.nextGaussian();
                ms[k] = 50 + rnd.nextDouble() * 100;
            }
            be[k] = rnd.nextGaussian();
            me[k] = 50 + rnd.nextDouble() * 100;
        }
        FundingCycles future = new FundingCycles(c.symbol(), c.starts(), c.ends(), rate, c.intervalsHours(), bs, be,
                c.basisMeans(), c.basisStds(), c.basisObsCounts(), ms, me, new byte[n], 0);
        for (StrategySpec spec : RandomMarkets.strategies(rnd, n)) {
            BacktestResult a = BacktestEngine.run(request(c, s, spec, FeeTier.BPS_16, Compat.CAUSAL, 1.0, 0));
            BacktestResult b = BacktestEngine.run(request(future, s, spec, FeeTier.BPS_16, Compat.CAUSAL, 1.0, 0));
            for (int k = 0; k <= j; k++) {
                assertEquals(a.ledger().side(k), b.ledger().side(k), spec.name() + " side at " + k);
                if (a.ledger().side(k) != Side.LONG_PERP) {
                    assertEquals(a.ledger().notional(k), b.ledger().notional(k), 0.0, spec.name() + " at " + k);
                }
            }
        }
    }
}
