/**
 * The adaptive three-state regime classifier of SPEC §5 (EQUILIBRIUM / WARM / NESS) and its exposure
 * multipliers: thresholds are percentiles of the previous decisions' own signal values
 * ({@link io.thermocarry.core.regime.RollingPercentile}), so that a decision never sees its own value
 * or a later one; ablations are named {@link io.thermocarry.core.regime.RegimeConfig}s.
 */
package io.thermocarry.core.regime;
