/**
 * Multi-timeframe execution (SPEC §7 funding accrual, §15): the carry of {@code core.strategy}'s desk rules run
 * at an execution child (every 5 m or 15 m bar close, or only at the funding settlements) on intraday bars,
 * with the hourly regime signals of {@code core.signal} reused as they stand at each settlement.
 *
 * <p>One stateless {@link io.thermocarry.core.execution.ExecutionEngine} runs one
 * {@link io.thermocarry.core.execution.ExecutionRequest} ({@link io.thermocarry.core.execution.ExecutionSpec}:
 * child, rules, fee tier, accounting model) into an {@link io.thermocarry.core.execution.ExecutionResult}: the
 * same per-cycle {@link io.thermocarry.core.backtest.Ledger}, {@link io.thermocarry.core.backtest.Trade}s and
 * {@link io.thermocarry.core.backtest.Performance} as the settlement-only cycle engine, plus execution
 * diagnostics. A decision taken at a child bar's close fills at the next bar's open of each leg plus half the
 * fee tier; funding is paid on what is open at the settlement instant. With the child equal to the funding
 * interval and the cycle model's accounting the engine reproduces
 * {@link io.thermocarry.core.backtest.BacktestEngine} ({@link io.thermocarry.core.execution.ExecutionEngine#cycleEngineRequest}).
 *
 * <p>Depends on backtest, strategy, signal values, series and market; nothing below depends on it.
 */
package io.thermocarry.core.execution;
