package io.thermocarry.core.stats;

/**
 * Ordinary least squares {@code y = intercept + slope·x} (as scipy's {@code linregress}), computed from
 * centred sums: {@code slope = Sxy/Sxx}, {@code R² = Sxy²/(Sxx·Syy)}.
 *
 * @param slope fitted slope (NaN when fewer than 2 points or all x equal)
 * @param intercept fitted intercept
 * @param r2 coefficient of determination (NaN when y is constant)
 * @param n number of points
 */
public record LinearFit(double slope, double intercept, double r2, int n) {

    /** Fit over the first {@code n} points of {@code x} and {@code y}. */
    public static LinearFit of(double[] x, double[] y, int n) {
        if (n < 2) {
            return new LinearFit(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 0)) {
            return new LinearFit(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double slope = sxy / sxx;
        double r2 = syy > 0 ? Math.min(1.0, sxy * sxy / (sxx * syy)) : Double.NaN;
        return new LinearFit(slope, my - slope * mx, r2, n);
    }
}
