package io.thermocarry.core.backtest;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSource;
import io.thermocarry.core.series.FundingCycles;
import java.util.Arrays;

/** Test fixtures: funding cycles from plain arrays. */
public final class Markets {
    public static final Symbol SYMBOL = Symbol.of("TESTUSDT");
    public static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 3_600_000L;
    public static final long H = 3_600_000L;

    private Markets() {
    }

    /**
     * Contiguous cycles of {@code hours[k]} hours each from T0; basis path {@code basis[0..n]} (percent) gives
     * {@code b_start,k = basis[k]}, {@code b_end,k = basis[k+1]}; marks likewise (may be null → NaN).
     */
    public static FundingCycles cycles(double[] rates, double[] basis, double[] marks, double[] hours) {
        int n = rates.length;
        long[] start = new long[n];
        long[] end = new long[n];
        double[] iv = new double[n];
        double[] bs = new double[n];
        double[] be = new double[n];
        double[] ms = new double[n];
        double[] me = new double[n];
        long t = T0;
        for (int k = 0; k < n; k++) {
            double h = hours == null ? 8 : hours[k];
            start[k] = t;
            t += (long) (h * H);
            end[k] = t;
            iv[k] = h;
            bs[k] = basis[k];
            be[k] = basis[k + 1];
            ms[k] = marks == null ? Double.NaN : marks[k];
            me[k] = marks == null ? Double.NaN : marks[k + 1];
        }
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        byte[] src = new byte[n];
        Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
        return new FundingCycles(SYMBOL, start, end, rates.clone(), iv, bs, be, nan.clone(), nan.clone(), new int[n],
                ms, me, src, 0);
    }

    /** 8 h cycles without marks. */
    public static FundingCycles cycles(double[] rates, double[] basis) {
        return cycles(rates, basis, null, null);
    }
}
