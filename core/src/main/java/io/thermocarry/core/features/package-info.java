/**
 * Desk microstructure features and the vetoes built on them (SPEC §8): quoted spread of both legs, book depth
 * within ±1/2/5 % of mid, open-interest change over the last funding interval, predicted funding from the
 * premium index by Binance's formula with its sign-flip flag, liquidation notional per interval; each causal at
 * its decision time and ranked against its own past (a rolling percentile, window a parameter). A feature
 * without data at a decision is <em>not evaluated</em>: counted and reported, never a silent pass.
 *
 * <p>What a veto <em>is</em> ({@link io.thermocarry.core.features.VetoSpec}) stays apart from how features are
 * computed ({@link io.thermocarry.core.features.FeatureEngine}) and judged
 * ({@link io.thermocarry.core.features.VetoPath#evaluate}). The regime package knows nothing of this one: the veto
 * layer is applied on top of the regime when the strategies' {@code SignalPath} is built.
 * JDK only; inputs are the column series of {@code core.market}.
 */
package io.thermocarry.core.features;
