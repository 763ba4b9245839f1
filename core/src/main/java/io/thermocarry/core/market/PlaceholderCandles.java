package io.thermocarry.core.market;

/**
 * Launch-era placeholder candles: Binance opens some perps with flat, (near-)zero-volume bars before real
 * trading starts (BTCUSDT perp 2019-09-08 17:00-18:00 at 10000; ETHUSDT perp 2019-11-27 07:00 at 146).
 * Rule: the leading run of a traded series (spot, perp) whose bars are flat (open = high = low = close)
 * with volume below {@link #MAX_VOLUME} base units. Such bars are kept in the store, flagged, and left out
 * of basis computations.
 */
public final class PlaceholderCandles {
    /** Largest base-asset volume a placeholder bar may show. */
    public static final double MAX_VOLUME = 1.0;

    private PlaceholderCandles() {
    }

    /** Number of leading placeholder bars in {@code s} (0 for mark/index/premium series). */
    public static int leadingCount(BarSeries s) {
        if (s.market() != Market.SPOT && s.market() != Market.PERP) {
            return 0;
        }
        int n = 0;
        while (n < s.size() && isFlatAndEmpty(s, n)) {
            n++;
        }
        return n;
    }

    private static boolean isFlatAndEmpty(BarSeries s, int i) {
        double o = s.open(i);
        return o == s.high(i) && o == s.low(i) && o == s.close(i) && s.volume(i) < MAX_VOLUME;
    }
}
