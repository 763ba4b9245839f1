/**
 * The alt-perp universe and the portfolio of carries (SPEC §12), with multiple-testing honesty.
 *
 * <ul>
 * <li><b>Universe.</b> {@link io.thermocarry.core.portfolio.SymbolMarket}: one candidate (spot + perp + funding)
 * with its causal cycles, regime path, data holes ({@link io.thermocarry.core.portfolio.CycleHole}) and
 * liquidity columns. {@link io.thermocarry.core.portfolio.Universe}: static candidacy and the causal selection
 * at a rebalance ({@link io.thermocarry.core.portfolio.UniverseSpec}: history, coverage, quote volume, optional
 * depth, rank), every exclusion with its reason and figures.</li>
 * <li><b>Allocation.</b> {@link io.thermocarry.core.portfolio.Allocator}: equal, inverse basis volatility or
 * capped carry-to-risk weights fitted on each member's training window, water-filled under the symbol cap.</li>
 * <li><b>Portfolio.</b> {@link io.thermocarry.core.portfolio.PortfolioPlan} (walk-forward in time: universe and
 * weights per fold) and {@link io.thermocarry.core.portfolio.PortfolioEngine} (one capital, one sleeve per symbol
 * run by its own strategy rule on its own regime, gross caps at every decision, PnL split per symbol and in
 * total; one symbol at weight 1 is exactly the single-symbol backtest). {@link
 * io.thermocarry.core.portfolio.Correlations}: correlation of symbol carries on a calendar grid.</li>
 * <li><b>Significance at scale.</b> {@link io.thermocarry.core.portfolio.UniverseEvaluation}: the evaluation's
 * walk-forward over every symbol in parallel, then Benjamini–Hochberg across symbols and Hansen's SPA (with
 * White's reality check) on the best (symbol, strategy, configuration): {@link
 * io.thermocarry.core.portfolio.MultipleTesting}.</li>
 * <li>{@link io.thermocarry.core.portfolio.PortfolioStudy} runs a whole {@link
 * io.thermocarry.core.portfolio.PortfolioRequest} into a {@link io.thermocarry.core.portfolio.PortfolioRun}.</li>
 * </ul>
 *
 * <p>Money is in units of the portfolio's starting capital; weights and caps are fractions of equity; time is
 * epoch milliseconds UTC; rates are fractions per funding interval; basis is in percent.
 */
package io.thermocarry.core.portfolio;
