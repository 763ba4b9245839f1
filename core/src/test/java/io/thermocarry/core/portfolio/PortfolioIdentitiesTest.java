package io.thermocarry.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.ThresholdStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Allocation and accounting identities of the portfolio of carries, as properties on seeded synthetic markets. */
class PortfolioIdentitiesTest {
    private static final List<FeeTier> TIERS = List.of(FeeTier.ZERO, FeeTier.BPS_8, FeeTier.BPS_25);

    private static PortfolioSpec spec(StrategySpec sleeve, AllocationSpec allocation, int testDays) {
        return new PortfolioSpec(Duration.ofDays(20), Duration.ofDays(testDays), UniverseSpec.permissive(), allocation,
                sleeve, 1.0, Long.MIN_VALUE);
    }

    private static StrategySpec sleeve(int pick) {
        return switch (pick) {
            case 0 -> PhysicsStrategy.defaults();
            case 1 -> new NaiveStrategy(0.5, 5);
            case 2 -> new ThresholdStrategy(20, 0.5, 0.1, 6, 0.01);
            default -> new DeskStrategy(0.5, 1.05, -0.5, 6, 0.01, 2, Sides.BOTH);
        };
    }

    @Property(tries = 25)
    void oneSymbolPortfolio_equalsThatSymbolsBacktest_exactly(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int strategy, @ForAll @IntRange(min = 20, max = 90) int days) {
        Random rnd = new Random(seed);
        SymbolMarket m = PortfolioMarkets.market(PortfolioMarkets.recipe("ONEUSDT", seed, days)
                .withInterval(rnd.nextBoolean() ? 8 : 4));
        StrategySpec s = sleeve(strategy);
        AllocationMethod method = AllocationMethod.values()[rnd.nextInt(3)];
        AllocationSpec alloc = new AllocationSpec(method == AllocationMethod.CARRY_RISK ? AllocationMethod.EQUAL : method,
                1.0, 1.0 + rnd.nextDouble(), 3.0);
        // some history, so that every allocation method has training cycles to fit on (a lone member gets weight 1)
        PortfolioSpec ps = spec(s, alloc, 1 + rnd.nextInt(10))
                .withUniverse(UniverseSpec.permissive().withMinHistoryCycles(3 + rnd.nextInt(20)));
        PortfolioPlan plan = PortfolioPlan.build(List.of(m), ps);
        for (PortfolioFold f : plan.folds()) {
            assertEquals(1.0, f.weight(m.symbol()), 0.0, "a lone member's weight");
        }
        FeeTier tier = TIERS.get(rnd.nextInt(TIERS.size()));
        PortfolioResult p = PortfolioEngine.run(plan, tier);
        int first = m.cycles().lowerBound(plan.startMs());
        BacktestResult b = BacktestEngine.run(new BacktestRequest(m.cycles(), m.signals(), s, tier, Compat.CAUSAL, 1.0,
                first, FundingAccrual.RATE_AT_CYCLE_END));
        Ledger pl = p.ledger();
        Ledger bl = b.ledger();
        String what = s.name() + " " + tier + " " + method;
        assertEquals(bl.size() - first, pl.size(), what + " rows");
        for (int i = 0; i < pl.size(); i++) {
            int k = first + i;
            assertEquals(bl.startMs(k), pl.startMs(i), what);
            assertEquals(bl.endMs(k), pl.endMs(i), what);
            assertEquals(bl.notional(k), pl.notional(i), 0.0, what + " notional " + i);
            assertEquals(bl.traded(k), pl.traded(i), 0.0, what + " traded " + i);
            assertEquals(bl.funding(k), pl.funding(i), 0.0, what + " funding " + i);
            assertEquals(bl.basis(k), pl.basis(i), 0.0, what + " basis " + i);
            assertEquals(bl.fee(k), pl.fee(i), 0.0, what + " fee " + i);
            assertEquals(bl.total(k), pl.total(i), 0.0, what + " total " + i);
            assertEquals(bl.equity(k), pl.equity(i), 0.0, what + " equity " + i);
            assertEquals(bl.side(k), pl.side(i), what + " side " + i);
        }
        Performance pp = p.performance();
        Performance bp = b.performance();
        assertEquals(bp.totalReturn(), pp.totalReturn(), 0.0, what);
        assertEquals(bp.sharpe(), pp.sharpe(), 0.0, what);
        assertEquals(bp.maxDrawdown(), pp.maxDrawdown(), 0.0, what);
        assertEquals(bp.turnover(), pp.turnover(), 0.0, what);
        assertEquals(bp.tradeCount(), pp.tradeCount(), what);
        assertEquals(bp.pnl().fees(), pp.pnl().fees(), 0.0, what);
        assertEquals(b.trades(), p.trades(), what + " trades");
    }

    @Property(tries = 20)
    void sumOfSleevePnl_equalsPortfolioPnl_andEveryRowAddsUp(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int symbols, @ForAll @IntRange(min = 0, max = 3) int strategy) {
        Random rnd = new Random(seed);
        List<SymbolMarket> markets = mixed(rnd, seed, symbols);
        AllocationSpec alloc = new AllocationSpec(AllocationMethod.values()[rnd.nextInt(3)], 0.2 + rnd.nextDouble(),
                0.2 + rnd.nextDouble(), 0.5 + rnd.nextDouble() * 3);
        PortfolioPlan plan = PortfolioPlan.build(markets, spec(sleeve(strategy), alloc, 1 + rnd.nextInt(10)));
        for (PortfolioResult p : PortfolioEngine.runTiers(plan, TIERS)) {
            Ledger l = p.ledger();
            double f = 0;
            double b = 0;
            double fe = 0;
            double t = 0;
            double prev = 1.0;
            for (int j = 0; j < l.size(); j++) {
                assertEquals(l.funding(j) + l.basis(j) - l.fee(j), l.total(j), 1e-15, "row " + j);
                assertEquals(Math.max(0, prev + l.total(j)), l.equity(j), 1e-12, "equity row " + j);
                prev = l.equity(j);
                f += l.funding(j);
                b += l.basis(j);
                fe += l.fee(j);
                t += l.total(j);
            }
            double sf = 0;
            double sb = 0;
            double sfe = 0;
            double st = 0;
            for (SleeveResult s : p.sleeves()) {
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(s.funding(i) + s.basis(i) - s.fee(i), s.total(i), 1e-15, s.symbol() + " row " + i);
                }
                sf += s.pnl().funding();
                sb += s.pnl().basis();
                sfe += s.pnl().fees();
                st += s.pnl().total();
                assertEquals(s.pnl().funding() + s.pnl().basis() - s.pnl().fees(), s.pnl().total(), 1e-12);
            }
            assertEquals(f, sf, 1e-12, "funding");
            assertEquals(b, sb, 1e-12, "basis");
            assertEquals(fe, sfe, 1e-12, "fees");
            assertEquals(t, st, 1e-12, "total");
            assertEquals(p.pnl().total(), t, 1e-12);
            if (!p.ruined()) {
                assertEquals(p.performance().totalReturn(), t, 1e-9, "total return = Σ PnL without ruin");
            }
        }
    }

    @Property(tries = 25)
    void capsAndWeights_areRespectedAtEveryRebalanceAndDecision(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int symbols, @ForAll @IntRange(min = 0, max = 3) int strategy) {
        Random rnd = new Random(seed);
        List<SymbolMarket> markets = PortfolioMarkets.aligned(seed, symbols, 60 + rnd.nextInt(60));
        double symbolCap = 0.05 + rnd.nextDouble() * 0.6;
        double grossCap = 0.05 + rnd.nextDouble() * 0.8;
        AllocationSpec alloc = new AllocationSpec(AllocationMethod.values()[rnd.nextInt(3)], symbolCap, grossCap,
                0.5 + rnd.nextDouble() * 3);
        StrategySpec s = strategy == 0 ? new PhysicsStrategy(0.5 + rnd.nextDouble() * 2, 0.2, 1e-4) : sleeve(strategy);
        PortfolioPlan plan = PortfolioPlan.build(markets, spec(s, alloc, 1 + rnd.nextInt(10)));
        assertFalse(plan.folds().isEmpty());
        for (PortfolioFold f : plan.folds()) {
            double sum = 0;
            for (AllocationFit fit : f.fits()) {
                assertTrue(fit.weight() >= 0 && fit.weight() <= symbolCap, "weight " + fit);
                sum += fit.weight();
            }
            assertTrue(sum <= 1 + 1e-12, "weights sum " + sum);
        }
        PortfolioResult p = PortfolioEngine.run(plan, TIERS.get(rnd.nextInt(TIERS.size())));
        PortfolioResult.DecisionChecks d = p.decisions();
        assertTrue(d.size() > 0);
        for (int i = 0; i < d.size(); i++) {
            double e = d.equity()[i];
            assertTrue(d.grossNotional()[i] <= grossCap * e * (1 + 1e-12) + 1e-15,
                    "gross " + d.grossNotional()[i] + " > " + grossCap + " × " + e);
            assertTrue(d.maxSymbolNotional()[i] <= symbolCap * e * (1 + 1e-12) + 1e-15,
                    "symbol " + d.maxSymbolNotional()[i] + " > " + symbolCap + " × " + e);
        }
    }

    @org.junit.jupiter.api.Test
    void mixedIntervals_rowsFollowTheFinerGrid_andEachSymbolDecidesAtItsOwnSettlements() {
        SymbolMarket eight = PortfolioMarkets.market(PortfolioMarkets.recipe("EIGHTUSDT", 3, 30));
        SymbolMarket four = PortfolioMarkets.market(PortfolioMarkets.recipe("FOURUSDT", 4, 30).withInterval(4));
        PortfolioSpec ps = spec(PhysicsStrategy.defaults(), new AllocationSpec(AllocationMethod.EQUAL, 0.5, 1.0, 3), 7)
                .withUniverse(UniverseSpec.permissive().withMinHistoryCycles(6));
        PortfolioResult p = PortfolioEngine.run(PortfolioPlan.build(List.of(eight, four), ps), FeeTier.BPS_16);
        Ledger l = p.ledger();
        for (int j = 0; j < l.size(); j++) {
            assertEquals(4 * PortfolioMarkets.H, l.endMs(j) - l.startMs(j), "4 h rows, row " + j);
        }
        SleeveResult s8 = p.sleeve(eight.symbol());
        SleeveResult s4 = p.sleeve(four.symbol());
        // the 4 h symbol has 6 cycles with basis 24 h in: the first rebalance; then 86 of the 89 cycles of 8 h and
        // 173 of the 179 cycles of 4 h are out of sample
        assertEquals(PortfolioMarkets.T0 + 24 * PortfolioMarkets.H, p.plan().startMs());
        assertEquals(89 - 3, s8.size());
        assertEquals(179 - 6, s4.size());
        for (int i = 0; i < s8.size(); i++) {
            assertEquals(0, (s8.startMs(i) - PortfolioMarkets.T0) % (8 * PortfolioMarkets.H), "8 h settlements only");
        }
        // a 8 h cycle's PnL lands in the portfolio row that ends with it: Σ over rows = Σ over both sleeves
        double rows = 0;
        for (int j = 0; j < l.size(); j++) {
            rows += l.funding(j) + l.basis(j);
        }
        assertEquals(s8.pnl().funding() + s8.pnl().basis() + s4.pnl().funding() + s4.pnl().basis(), rows, 1e-15);
        assertTrue(s8.cyclesHeld() > 0 && s4.cyclesHeld() > 0);
    }

    /** Symbols on 8 h and 4 h grids starting at different times. */
    static List<SymbolMarket> mixed(Random rnd, long seed, int count) {
        List<SymbolMarket> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            var r = PortfolioMarkets.recipe("MIX" + (char) ('A' + i) + "USDT", seed * 17 + i, 30 + rnd.nextInt(40))
                    .withInterval(rnd.nextInt(3) == 0 ? 4 : 8)
                    .withStart(PortfolioMarkets.T0 + rnd.nextInt(20) * 8 * PortfolioMarkets.H);
            out.add(PortfolioMarkets.market(r));
        }
        return out;
    }
}
