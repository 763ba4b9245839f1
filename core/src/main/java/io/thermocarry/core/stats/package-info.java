/**
 * Statistics on primitive columns: numpy-compatible percentiles and winsorizing, moments, the one-sample
 * t-test (Hipparchus t distribution), least squares, Gaussian KDE (exact grid recurrence and binned), seeded
 * reproducible bootstrap (block-split {@link java.util.SplittableRandom} streams, exact Lemire index draws,
 * sequential = parallel) and a platform-independent Gaussian sampler.
 */
package io.thermocarry.core.stats;
