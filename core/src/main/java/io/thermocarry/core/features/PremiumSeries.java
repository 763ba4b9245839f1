package io.thermocarry.core.features;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import java.util.Arrays;

/**
 * Premium index points in column form: point {@code i} covers the bar {@code [openMs_i, closeMs_i)} and is
 * available at its close; its value is a fraction ({@code 0.0001} = 1 bp of the index), the bar's close. Open
 * times strictly increasing. Arrays are owned by the series.
 */
public final class PremiumSeries {
    private final PremiumSource source;
    private final long[] openMs;
    private final long[] closeMs;
    private final double[] value;

    /** Column constructor: strictly increasing open times, {@code open < close}, finite values. */
    public PremiumSeries(PremiumSource source, long[] openMs, long[] closeMs, double[] value) {
        this.source = Checks.notNull(source, "source");
        int n = openMs.length;
        Checks.check(closeMs.length == n && value.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(closeMs[i] > openMs[i], "premium point " + i + " closes before it opens");
            Checks.check(Double.isFinite(value[i]), "premium point " + i + " is not finite");
            Checks.check(i == 0 || openMs[i] > openMs[i - 1], "premium open times not increasing at " + i);
        }
        this.openMs = openMs;
        this.closeMs = closeMs;
        this.value = value;
    }

    /** No points. */
    public static PremiumSeries empty(PremiumSource source) {
        return new PremiumSeries(source, new long[0], new long[0], new double[0]);
    }

    /** Binance premium index klines: each bar's close, available at the bar's close. */
    public static PremiumSeries ofPremiumKlines(BarSeries premium) {
        Checks.check(premium.market() == Market.PREMIUM, "premium index klines expected, got " + premium.market());
        int n = premium.size();
        long[] close = new long[n];
        for (int i = 0; i < n; i++) {
            close[i] = premium.closeTimeMs(i);
        }
        return new PremiumSeries(PremiumSource.PREMIUM_INDEX, premium.openTimes().clone(), close,
                premium.closes().clone());
    }

    /**
     * The last-price proxy {@code (perp − spot) / spot} from closes of perp and spot bars of one interval with
     * the same open time (inner join); a proxy, see {@link PremiumSource#PERP_SPOT_PROXY}.
     */
    public static PremiumSeries proxy(BarSeries perp, BarSeries spot) {
        Checks.check(perp.market() == Market.PERP && spot.market() == Market.SPOT, "proxy needs perp and spot bars");
        Checks.check(perp.interval() == spot.interval(), "perp and spot bars of different intervals");
        long iv = perp.interval().millis();
        int n = Math.min(perp.size(), spot.size());
        long[] open = new long[n];
        long[] close = new long[n];
        double[] v = new double[n];
        int k = 0;
        int j = 0;
        for (int i = 0; i < perp.size(); i++) {
            long t = perp.openTimeMs(i);
            while (j < spot.size() && spot.openTimeMs(j) < t) {
                j++;
            }
            if (j < spot.size() && spot.openTimeMs(j) == t) {
                open[k] = t;
                close[k] = t + iv;
                v[k] = (perp.close(i) - spot.close(j)) / spot.close(j);
                k++;
            }
        }
        return new PremiumSeries(PremiumSource.PERP_SPOT_PROXY, Arrays.copyOf(open, k), Arrays.copyOf(close, k),
                Arrays.copyOf(v, k));
    }

    public PremiumSource source() {
        return source;
    }

    public int size() {
        return openMs.length;
    }

    public long openMs(int i) {
        return openMs[i];
    }

    /** Availability of point i, epoch ms. */
    public long closeMs(int i) {
        return closeMs[i];
    }

    /** Premium of point i, fraction. */
    public double value(int i) {
        return value[i];
    }
}
