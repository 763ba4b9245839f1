/**
 * Liquidation risk of a carry book (SPEC §13, issue 15), on top of the engine: {@link
 * io.thermocarry.core.marginrisk.MarginStudy} runs a backtest with and without its margin path (PnL lost to
 * liquidations) and finds the futures-wallet share needed to survive the history — exactly on the history, and
 * at 95 / 99 / 99.9 % over a seeded circular block bootstrap of its cycles ({@link
 * io.thermocarry.core.evaluation.BlockBootstrap}) — with {@link io.thermocarry.core.marginrisk.BufferSimulator}
 * replaying the margin-free book's positions through {@link io.thermocarry.core.margin.MarginAccount}.
 */
package io.thermocarry.core.marginrisk;
