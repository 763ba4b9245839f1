/** The overdamped Langevin / OU physics layer (SPEC §3): κ, T, β, per-cycle work and dissipation, fluctuation theorems, synthetic OU market. */
package io.thermocarry.core.physics;
