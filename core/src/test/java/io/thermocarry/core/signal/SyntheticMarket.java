package io.thermocarry.core.signal;

import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.BasisSource;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * A tiny synthetic market for tests (SPEC §3's exact OU discretisation, continuous path): hourly basis
 * {@code b_{i+1} = φ b_i − (F/κ)(1 − φ) + s ε}, {@code φ = e^{−κ}}, {@code s = σ √((1 − φ²)/(2κ))}, with F
 * the rate of the cycle in force and κ allowed to vary by cycle; funding {@code F ~ N(μ_F, s_F)} settled
 * every 8 h (optionally a stretch of 4 h intervals); optionally a few hourly observations missing.
 * Basis observations are stamped at availability (bar close).
 */
final class SyntheticMarket {
    static final long HOUR_MS = 3_600_000L;
    static final long T0 = 1_577_836_800_000L; // 2020-01-01T00:00Z

    final FundingSeries funding;
    final BasisSeries basis;

    private SyntheticMarket(FundingSeries funding, BasisSeries basis) {
        this.funding = funding;
        this.basis = basis;
    }

    /**
     * @param kappaOfCycle κ (1/hour) in force during each cycle
     * @param missingHourProbability chance that an hourly observation is absent
     * @param fourHourStretch whether cycles in the middle fifth settle every 4 h instead of 8 h
     */
    static SyntheticMarket generate(long seed, int cycles, IntToDoubleFunction kappaOfCycle, double sigma,
            double muF, double sF, double missingHourProbability, boolean fourHourStretch) {
        Random rnd = new Random(seed);
        long[] ft = new long[cycles + 1];
        double[] fr = new double[cycles + 1];
        long[] iv = new long[cycles + 1];
        long t = T0;
        for (int k = 0; k <= cycles; k++) {
            boolean four = fourHourStretch && k >= 2 * cycles / 5 && k < 3 * cycles / 5;
            long len = (four ? 4 : 8) * HOUR_MS;
            ft[k] = t;
            fr[k] = muF + sF * rnd.nextGaussian();
            iv[k] = len;
            t += len;
        }
        double[] mark = new double[cycles + 1];
        Arrays.fill(mark, Double.NaN);
        FundingSeries funding = new FundingSeries(Symbol.of("SYNTHUSDT"), ft, fr, iv, mark);
        int hours = (int) ((ft[cycles] - T0) / HOUR_MS);
        long[] bt = new long[hours];
        double[] bv = new double[hours];
        int n = 0;
        double b = 0;
        int k = 0;
        for (int h = 0; h < hours; h++) {
            long open = T0 + h * HOUR_MS;
            while (k + 1 < ft.length && ft[k + 1] <= open) {
                k++;
            }
            double kappa = kappaOfCycle.applyAsDouble(k);
            double phi = Math.exp(-kappa);
            double s = sigma * Math.sqrt((1 - phi * phi) / (2 * kappa));
            b = phi * b - (fr[k] / kappa) * (1 - phi) + s * rnd.nextGaussian();
            if (rnd.nextDouble() >= missingHourProbability) {
                bt[n] = open + HOUR_MS;
                bv[n] = b;
                n++;
            }
        }
        byte[] src = new byte[n];
        Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
        BasisSeries basis = new BasisSeries(Symbol.of("SYNTHUSDT"), Arrays.copyOf(bt, n), Arrays.copyOf(bv, n), src, 0,
                HOUR_MS);
        return new SyntheticMarket(funding, basis);
    }
}
