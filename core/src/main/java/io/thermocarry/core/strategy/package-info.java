/**
 * Strategies as specifications (SPEC §6): immutable {@link io.thermocarry.core.strategy.StrategySpec} records
 * that describe what to hold, and the pure per-decision {@link io.thermocarry.core.strategy.CycleRule} each
 * one compiles to. The engine that runs them lives in {@code core.backtest}; the regime signals arrive as an
 * input {@link io.thermocarry.core.strategy.SignalPath}.
 *
 * <p>Sign conventions used throughout: <em>short basis</em> = long spot + short perp, collects funding when
 * {@code F > 0} and gains when the basis {@code b = (perp − spot)/spot × 100} narrows; <em>long basis</em>
 * is the mirror image. Notional is the (positive) size of each leg in currency units.
 */
package io.thermocarry.core.strategy;
