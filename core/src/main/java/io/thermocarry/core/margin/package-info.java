/**
 * Margin and liquidation of the perp leg (SPEC §13): Binance's tiered maintenance margin as data
 * ({@link io.thermocarry.core.margin.BracketTable}, defaults for BTC/ETH/SOL and a generic alt table), the
 * closed forms ({@link io.thermocarry.core.margin.MarginMath}: maintenance, margin balance, margin ratio,
 * liquidation price of a short or long perp leg), the desk's wallet policy
 * ({@link io.thermocarry.core.margin.MarginSpec}: leverage, futures-wallet share, transfer trigger and delay,
 * clearance fee) and the bar-by-bar futures wallet ({@link io.thermocarry.core.margin.MarginAccount}) that the
 * cycle engine drives at the run's bar resolution ({@link io.thermocarry.core.margin.MarginBars}); an execution
 * run reports the leg still held where it ended ({@link io.thermocarry.core.margin.OpenPerpLeg}: the live book's
 * coverage and liquidation price now).
 *
 * <p><b>Which margin ratio.</b> Binance defines the margin ratio as {@code maintenance / margin balance} and
 * liquidates at {@code >= 100 %}. thermocarry reports its reciprocal, the <em>coverage</em>
 * {@code margin balance / maintenance} (liquidation at {@code <= 1}), so that the "minimum margin ratio" of a
 * path is its worst point; {@link io.thermocarry.core.margin.MarginMath#binanceMarginRatio} gives Binance's.
 *
 * <p>Money is in units of the backtest's capital; {@link io.thermocarry.core.margin.MarginSpec#capitalUsdt()}
 * converts notionals to USDT for the bracket look-up. JDK only; depends on {@code core.market} alone.
 */
package io.thermocarry.core.margin;
