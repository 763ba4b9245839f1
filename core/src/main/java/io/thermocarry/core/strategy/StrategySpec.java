package io.thermocarry.core.strategy;

/**
 * What a strategy <em>is</em> (SPEC §6): an immutable, validated record of its parameters. How it is
 * <em>run</em> is the engine's business; a spec only compiles to a pure per-decision {@link CycleRule} for
 * one market.
 */
public sealed interface StrategySpec
        permits PhysicsStrategy, DeskStrategy, NaiveStrategy, ThresholdStrategy, BuyHoldStrategy,
        ScheduleStrategy, SwitchingStrategy {

    /** Short CLI name ({@code physics}, {@code desk}, {@code naive}, {@code threshold}, {@code buy-hold}, ...). */
    String name();

    /** Compiles this spec for one market (allocates its precomputed causal inputs once). */
    CycleRule rule(RuleContext context);
}
