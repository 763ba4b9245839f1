package io.thermocarry.core.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.SignalPath;
import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The settlement-only child is the cycle engine: on intraday bars whose hourly resample made the cycles, the
 * settlement-only child under the cycle model's accounting reproduces {@link BacktestEngine} (desk rules,
 * causal, rate settled at the cycle end) row by row and trade by trade, to 1e-12.
 */
class SettlementEquivalenceTest {

    @Property(tries = 25)
    void settlementOnlyChild_equalsTheCycleEngine_onResampledBars(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int variant) {
        Random rnd = new Random(seed);
        int hours = rnd.nextBoolean() ? 8 : 4;
        BarInterval res = rnd.nextBoolean() ? BarInterval.M1 : BarInterval.M5;
        SyntheticIntradayMarket m = Intraday.market(seed, 30 + rnd.nextInt(40), hours, res, rnd.nextInt(3));
        FundingCycles c = m.cycles();
        SignalPath s = variant == 0 ? Intraday.open(c.size()) : Intraday.signals(rnd, c.size());
        DeskStrategy desk = new DeskStrategy(0.3 + rnd.nextDouble() * 0.7, 1.05, -0.5, 2 + rnd.nextInt(6),
                rnd.nextDouble() * 0.03, 1 + rnd.nextInt(3), rnd.nextBoolean() ? Sides.BOTH : Sides.SHORT_ONLY);
        IntradayState state = m.state(Duration.ofHours(2));
        int first = rnd.nextInt(5);
        ExecutionWindow w = ExecutionWindow.covered(c, s, state, first);
        FeeTier tier = FeeTier.ofBps(new double[] {0, 8, 16, 25}[rnd.nextInt(4)]);
        ExecutionRules rules = ExecutionRules.defaults().withDesk(desk);
        ExecutionSpec spec = new ExecutionSpec(Child.SETTLEMENT, rules, tier, ExecutionModel.CYCLE_MODEL);
        ExecutionRequest req = ExecutionRequest.of(w, state, null, spec);
        if (variant == 3) {
            req = req.withStartingCapital(1_000.0);
        }
        BacktestResult cycle = BacktestEngine.run(ExecutionEngine.cycleEngineRequest(req));
        ExecutionResult exec = ExecutionEngine.run(req);
        Intraday.assertSame(cycle, exec, 1e-12 * req.startingCapital(), "seed " + seed);
        if (variant == 0) {
            assertTrue(exec.trades().size() > 0, "the open path trades");
        }
    }
}
