package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.StrategySpec;
import java.time.Duration;

/**
 * What a portfolio of carries is (SPEC §12): the walk-forward layout in time, the universe filter, the
 * allocation and caps, and the strategy each symbol's sleeve runs on its share of the capital.
 *
 * <p><b>Walk-forward.</b> Rebalances at {@code T_0, T_0 + test, T_0 + 2·test, …}; at each, the universe is
 * selected and the weights fitted from data available at {@code T_i} (the training window
 * {@code (T_i − train, T_i]} for the weights), and both hold for the test fold {@code [T_i, T_{i+1})}: each
 * symbol's decisions at its own settlements in that fold use them. {@code T_0} is the first time some
 * candidate meets the universe's history requirement (or {@code oosFrom} if later). The defaults,
 * 120 days of training and 30 days of test, are the evaluation's 360 and 90 cycles of 8 h.
 *
 * @param train training window of the weights ({@code > 0})
 * @param test test fold length and rebalance period ({@code > 0})
 * @param universe the causal universe filter
 * @param allocation weights and caps
 * @param sleeve the strategy of every sleeve (a delta-neutral carry: physics, naive, desk or threshold)
 * @param startingCapital capital at {@code T_0}, currency units ({@code > 0}; 1.0 makes money a fraction of it)
 * @param oosFromMs earliest first rebalance, epoch ms ({@link Long#MIN_VALUE}: none)
 */
public record PortfolioSpec(Duration train, Duration test, UniverseSpec universe, AllocationSpec allocation,
        StrategySpec sleeve, double startingCapital, long oosFromMs) {
    /** Validates. */
    public PortfolioSpec {
        Checks.positive(train, "train");
        Checks.positive(test, "test");
        Checks.notNull(universe, "universe");
        Checks.notNull(allocation, "allocation");
        Checks.notNull(sleeve, "sleeve");
        Checks.positive(startingCapital, "startingCapital");
    }

    /** 120 / 30 days, the default universe, {@code allocation}, the physics carry, capital 1.0, no start bound. */
    public static PortfolioSpec defaults(AllocationSpec allocation) {
        return new PortfolioSpec(Duration.ofDays(120), Duration.ofDays(30), UniverseSpec.defaults(), allocation,
                PhysicsStrategy.defaults(), 1.0, Long.MIN_VALUE);
    }

    /** Same spec with another sleeve strategy. */
    public PortfolioSpec withSleeve(StrategySpec s) {
        return new PortfolioSpec(train, test, universe, allocation, s, startingCapital, oosFromMs);
    }

    /** Same spec with another universe filter. */
    public PortfolioSpec withUniverse(UniverseSpec u) {
        return new PortfolioSpec(train, test, u, allocation, sleeve, startingCapital, oosFromMs);
    }

    /** Same spec with another allocation. */
    public PortfolioSpec withAllocation(AllocationSpec a) {
        return new PortfolioSpec(train, test, universe, a, sleeve, startingCapital, oosFromMs);
    }

    /** Same spec with an earliest first rebalance. */
    public PortfolioSpec withOosFrom(long fromMs) {
        return new PortfolioSpec(train, test, universe, allocation, sleeve, startingCapital, fromMs);
    }

    /** Same spec with another walk-forward layout. */
    public PortfolioSpec withWalkForward(Duration trainWindow, Duration testFold) {
        return new PortfolioSpec(trainWindow, testFold, universe, allocation, sleeve, startingCapital, oosFromMs);
    }
}
