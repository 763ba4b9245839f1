/**
 * Parameter sweeps of the physics carry (issue 11): a grid over signal windows, regime thresholds, sizing and
 * fee tier, run over symbols and walk-forward folds on a fixed thread pool, with results streamed to a sink in
 * batches, and the robustness of the best point among its grid neighbours.
 *
 * <p>{@link io.thermocarry.core.sweep.SweepGrid} says what is swept; {@link io.thermocarry.core.sweep.SweepEngine}
 * runs it, computing each signal run once per distinct set of windows and each regime path once per distinct
 * pair of thresholds; {@link io.thermocarry.core.sweep.Robustness} judges the neighbourhood of the chosen point.
 */
package io.thermocarry.core.sweep;
