/**
 * The carry backtest engine (SPEC §7) and what it returns: one stateless
 * {@link io.thermocarry.core.backtest.BacktestEngine} runs one
 * {@link io.thermocarry.core.backtest.BacktestRequest} into a
 * {@link io.thermocarry.core.backtest.BacktestResult} (per-cycle ledger split into funding, basis and fees,
 * trades, equity curve, summary metrics, diagnostics).
 *
 * <p>PnL per cycle {@code k} for notional {@code N} held through it (short basis, {@code s = +1}; long basis
 * {@code s = −1}): funding {@code s·N·F_k} (signed), basis {@code −s·N·(b_end − b_start)/100} (basis in
 * percent), fees {@code |ΔN|·tier/2} on every change of notional and on the final close (causal mode). Money
 * is in currency units of the request's starting capital (1.0 by default, so PnL reads as a fraction of it).
 */
package io.thermocarry.core.backtest;
