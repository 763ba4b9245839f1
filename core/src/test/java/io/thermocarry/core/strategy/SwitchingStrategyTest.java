package io.thermocarry.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Markets;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwitchingStrategyTest {
    private static final int N = 200;

    private static FundingCycles market() {
        Random r = new Random(4);
        double[] rates = new double[N];
        double[] basis = new double[N + 1];
        for (int k = 0; k < N; k++) {
            rates[k] = 1e-4 + 2e-4 * r.nextGaussian();
            basis[k + 1] = 0.5 * basis[k] + 0.03 * r.nextGaussian();
        }
        return Markets.cycles(rates, basis);
    }

    private static SignalPath regimes() {
        Regime[] g = new Regime[N];
        for (int k = 0; k < N; k++) {
            g[k] = Regime.values()[(k / 17) % 3];
        }
        return SignalPath.ofRegimes(g);
    }

    private static BacktestResult run(StrategySpec s) {
        return BacktestEngine.run(BacktestRequest.of(market(), regimes(), s, FeeTier.BPS_16, Compat.CAUSAL));
    }

    @Test
    void oneSegment_isTheStrategyItself() {
        PhysicsStrategy p = PhysicsStrategy.defaults();
        assertEquals(run(p).performance(), run(new SwitchingStrategy(new int[] {0}, List.of(p))).performance());
    }

    @Test
    void afterTheSwitch_theNewParametersDecide_onTheBookTheOldOnesLeft() {
        PhysicsStrategy small = new PhysicsStrategy(0.25, 0.2, 1e-4);
        PhysicsStrategy large = new PhysicsStrategy(0.75, 0.2, 1e-4);
        BacktestResult sw = run(new SwitchingStrategy(new int[] {0, 100}, List.of(small, large)));
        BacktestResult a = run(small);
        for (int k = 0; k < 100; k++) {
            assertEquals(a.ledger().notional(k), sw.ledger().notional(k), 0.0, "before the switch: " + k);
        }
        // at decision 100 the large spec sees the small book: target 3× the current notional → re-sized
        double expected = sw.ledger().equity(99) * 0.75 * regimes().exposure(100);
        assertEquals(expected, sw.ledger().notional(100), 1e-15);
        assertEquals(1, sw.trades().size(), "a switch is not a trade: the always-on short basis is one span");
    }

    @Test
    void segmentsMustBeOneKindOfStrategy_inIncreasingOrder() {
        assertThrows(IllegalArgumentException.class, () -> new SwitchingStrategy(new int[] {0, 5},
                List.of(PhysicsStrategy.defaults(), NaiveStrategy.defaults())));
        assertThrows(IllegalArgumentException.class, () -> new SwitchingStrategy(new int[] {5, 5},
                List.of(PhysicsStrategy.defaults(), PhysicsStrategy.defaults())));
    }
}
