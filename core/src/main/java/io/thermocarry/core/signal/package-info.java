/**
 * The four causal regime signals of SPEC §4, computed incrementally at each decision time (funding
 * settlement).
 *
 * <p>{@link io.thermocarry.core.signal.MarketView} is the causal view: it is fed events in time order and
 * refuses anything that would let a decision at {@code d} see data available after {@code d}.
 * {@link io.thermocarry.core.signal.SignalEngine} is the stateful, streaming object (the same one the live
 * paper book runs) that turns those events into one {@link io.thermocarry.core.signal.Decision} per
 * settlement; {@link io.thermocarry.core.signal.SignalRunner} is the batch driver over stored cycles and
 * basis, and also runs the reference code's flawed rules ({@link io.thermocarry.core.Compat#REFERENCE})
 * to measure them.
 */
package io.thermocarry.core.signal;
