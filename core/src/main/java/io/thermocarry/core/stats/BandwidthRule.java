package io.thermocarry.core.stats;

/** Bandwidth {@code h} (standard deviation of the Gaussian kernel) of a one-dimensional KDE from n samples. */
public enum BandwidthRule {
    /**
     * scipy's {@code gaussian_kde(bw_method='silverman')}, the reference code's choice: the kernel covariance
     * is the data covariance times {@code factor²} with {@code factor = (n·(d + 2)/4)^(−1/(d + 4))}; in one
     * dimension {@code h = s·(3n/4)^(−1/5) ≈ 1.06·s·n^(−1/5)}, s the sample standard deviation (n − 1).
     */
    SCIPY_SILVERMAN,
    /**
     * Silverman's robust rule of thumb (R's {@code bw.nrd0}): {@code h = 0.9·min(s, IQR/1.34)·n^(−1/5)}; when
     * the IQR is 0, {@code s} alone.
     */
    SILVERMAN_ROBUST
}
