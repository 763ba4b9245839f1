package io.thermocarry.core.stats;

/** Mean and variance of {@code double} columns, two-pass (centred) for accuracy. */
public final class Moments {
    private Moments() {
    }

    /** Arithmetic mean of {@code x}; NaN when empty. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Population variance {@code Σ(x − x̄)²/n} (numpy's {@code np.var}); NaN when empty. */
    public static double populationVariance(double[] x) {
        return centredSumOfSquares(x) / x.length;
    }

    /** Sample variance {@code Σ(x − x̄)²/(n − 1)}; NaN when fewer than 2 values. */
    public static double sampleVariance(double[] x) {
        return x.length < 2 ? Double.NaN : centredSumOfSquares(x) / (x.length - 1);
    }

    private static double centredSumOfSquares(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            double d = v - m;
            ss += d * d;
        }
        return ss;
    }
}
