/**
 * The overdamped Langevin / OU physics layer (SPEC §3): the windowed estimator of κ, T, β
 * ({@link io.thermocarry.core.physics.OuEstimator}) and its O(1) rolling form
 * ({@link io.thermocarry.core.physics.RollingOu}); the protocol-aware driven fit
 * ({@link io.thermocarry.core.physics.DrivenOuEstimator}); per-cycle work, free energy, heat, dissipation and
 * entropy production ({@link io.thermocarry.core.physics.CycleThermo}); the fluctuation theorems
 * ({@link io.thermocarry.core.physics.Jarzynski}, {@link io.thermocarry.core.physics.DetailedFluctuation},
 * {@link io.thermocarry.core.physics.SecondLaw}); the whole-range table
 * ({@link io.thermocarry.core.physics.PhysicsAnalyzer}); and the synthetic OU market with analytic truth
 * ({@link io.thermocarry.core.physics.SyntheticOuMarket}). Basis in percent, F a fraction per interval used
 * numerically as the force in %/h, κ in 1/h.
 */
package io.thermocarry.core.physics;
