package io.thermocarry.core.marginrisk;

/**
 * The futures-wallet share of capital needed for zero liquidations (SPEC §13). {@code +∞} where even the whole
 * capital in the futures wallet is not enough; {@code 0} where the initial margin {@code N/L} alone survives.
 *
 * @param history on the history itself
 * @param p95 95 % quantile over the bootstrap resamples of the history (NaN without resamples)
 * @param p99 99 % quantile
 * @param p999 99.9 % quantile
 * @param resamples resamples drawn
 * @param notSurvivable resamples that no share in [0, 1] survives
 * @param blockCycles cycles per bootstrap block
 */
public record BufferNeeded(double history, double p95, double p99, double p999, int resamples, int notSurvivable,
        int blockCycles) {
}
