package io.thermocarry.core.physics;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.stats.GaussianSampler;
import java.util.SplittableRandom;

/**
 * Simulates a synthetic OU market (SPEC §3) and emits it as real series: funding settlements and spot and
 * perp 1 h bars, so that every later stage can run on it unchanged.
 *
 * <p><b>Dynamics.</b> Hour i of cycle k (k = ⌊i/H⌋, H = hours per cycle) steps the basis (percent) by the
 * exact discretisation of {@code db/dt = −κ_k b − F_k + ξ}:
 * {@code b_{i+1} = φ b_i − (F_k/κ_k)(1 − φ) + s ε_i}, {@code φ = e^{−κ_k}}, {@code s = σ_noise·√((1 − φ²)/(2κ_k))}
 * (Δt = 1 h), κ_k the base κ or a {@link KappaSegment}'s. The drive of every hour of cycle k uses F_k, which is
 * known at the settlement t_k that opens the cycle. {@code b_0 ~ N(0, T/κ_0)}. Under
 * {@link CycleStart#REDRAW_EQUILIBRIUM}, {@code b_{kH}} (the value at t_k, the cycle's b_start) is replaced by a
 * fresh draw from {@code N(0, T/κ_k)} for k ≥ 1.
 *
 * <p><b>Why the re-draw is centred at 0, not at the driven equilibrium −F/κ.</b> The SPEC's work
 * {@code W = −F·b_start} and {@code ΔF = −F²/(2κ)} describe a sudden quench from the undriven potential
 * {@code ½κb²} to the driven one: JE needs b_start in equilibrium <em>before</em> the quench, i.e.
 * {@code N(0, T/κ)}. Then for every F, {@code E[e^{−βσ}] = e^{β F²/(2κ)}·e^{−βF²/(2κ)} = 1} exactly. A draw from
 * {@code N(−F/κ, T/κ)} would give {@code E[e^{−βσ}] = e^{−βF²/κ}} (≈ 0.83 on the strong preset). The
 * reference code also re-draws around 0.
 *
 * <p><b>Time convention.</b> Settlement k at {@code t_k = start + kH h}. Bar j (j = 0..KH) opens at
 * {@code start + (j − 1) h} and closes at {@code start + j h}, when b_j becomes available; so b_start of cycle
 * k (the last value available at t_k) is b_{kH} and b_end is b_{(k+1)H}, and the hours of cycle k are the bars
 * that open inside it.
 *
 * <p><b>Prices.</b> Spot: {@code S_{−1}} = start price, {@code S_j = S_{j−1}·exp(v z_j − v²/2)} (v the hourly
 * vol). Perp close {@code P_j = S_j·(1 + b_j/100)}; the recursion continues from
 * {@code (P_j − S_j)/S_j·100}, so the path equals {@code BasisSeries.of(perp, spot)} bit for bit (the
 * difference from the unrounded value is ~1e−13 %). Bar j opens at the previous close; high and low widen
 * {@code max/min(open, close)} by {@code exp(±v|z|/2)} (the same factors for both legs); volumes are lognormal
 * (> 0).
 *
 * <p><b>Reproducibility.</b> All arithmetic is IEEE double (strict since Java 17) with {@link StrictMath}, and
 * Gaussians come from {@link GaussianSampler} (Marsaglia polar over {@link SplittableRandom}): the same spec
 * gives the same series on every platform. Streams, each the next {@code split()} of
 * {@code new SplittableRandom(seed)} in this order: funding rates, basis noise, basis (re-)draws, spot returns,
 * bar decoration (high/low/volume). Changing the spot model therefore leaves the basis path and the funding
 * unchanged.
 */
public final class SyntheticOuMarket {
    private static final long HOUR_MS = 3_600_000L;

    private SyntheticOuMarket() {
    }

    /** Simulates {@code spec}. */
    public static SyntheticMarket simulate(SyntheticSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        GaussianSampler fundingRng = new GaussianSampler(root.split());
        GaussianSampler noiseRng = new GaussianSampler(root.split());
        GaussianSampler drawRng = new GaussianSampler(root.split());
        GaussianSampler spotRng = new GaussianSampler(root.split());
        GaussianSampler decorRng = new GaussianSampler(root.split());

        int k = spec.cycles();
        int hpc = spec.hoursPerCycle();
        int bars = k * hpc + 1;
        double temp = spec.temperature();
        long startMs = spec.start().toEpochMilli();

        double[] rates = new double[k + 1];
        for (int c = 0; c <= k; c++) {
            rates[c] = fundingRng.next(spec.muF(), spec.sF());
        }

        // spot closes S_{-1..KH}
        double vol = spec.spotHourlyVol();
        double[] spotClose = new double[bars];
        double prevSpot = spec.spotStartPrice();
        double[] spotOpen = new double[bars];
        for (int j = 0; j < bars; j++) {
            spotOpen[j] = prevSpot;
            double s = prevSpot * StrictMath.exp(vol * spotRng.next() - 0.5 * vol * vol);
            spotClose[j] = s;
            prevSpot = s;
        }

        double[] basis = new double[bars];
        double[] perpClose = new double[bars];
        double b = encode(drawRng.next(0.0, StrictMath.sqrt(temp / spec.kappaAt(0))), spotClose[0], perpClose, 0);
        basis[0] = b;
        for (int c = 0; c < k; c++) {
            double kappa = spec.kappaAt(c);
            double phi = StrictMath.exp(-kappa);
            double s = spec.sigmaNoise() * StrictMath.sqrt((1.0 - phi * phi) / (2.0 * kappa));
            double drive = -(rates[c] / kappa) * (1.0 - phi);
            int i0 = c * hpc;
            if (c > 0 && spec.cycleStart() == CycleStart.REDRAW_EQUILIBRIUM) {
                b = encode(drawRng.next(0.0, StrictMath.sqrt(temp / kappa)), spotClose[i0], perpClose, i0);
                basis[i0] = b;
            }
            for (int h = 0; h < hpc; h++) {
                int i = i0 + h;
                double next = phi * b + drive + s * noiseRng.next();
                b = encode(next, spotClose[i + 1], perpClose, i + 1);
                basis[i + 1] = b;
            }
        }

        long[] open = new long[bars];
        long[] times = new long[bars];
        double[] sHigh = new double[bars];
        double[] sLow = new double[bars];
        double[] sVol = new double[bars];
        double[] pOpen = new double[bars];
        double[] pHigh = new double[bars];
        double[] pLow = new double[bars];
        double[] pVol = new double[bars];
        double prevPerp = spotOpen[0] * (1.0 + basis[0] / 100.0);
        for (int j = 0; j < bars; j++) {
            open[j] = startMs + (j - 1) * HOUR_MS;
            times[j] = startMs + j * HOUR_MS;
            double up = StrictMath.exp(0.5 * vol * Math.abs(decorRng.next()));
            double down = StrictMath.exp(-0.5 * vol * Math.abs(decorRng.next()));
            sHigh[j] = Math.max(spotOpen[j], spotClose[j]) * up;
            sLow[j] = Math.min(spotOpen[j], spotClose[j]) * down;
            pOpen[j] = prevPerp;
            pHigh[j] = Math.max(pOpen[j], perpClose[j]) * up;
            pLow[j] = Math.min(pOpen[j], perpClose[j]) * down;
            double v = StrictMath.exp(decorRng.next(StrictMath.log(1_000.0), 0.5));
            sVol[j] = v;
            pVol[j] = 2.0 * v * StrictMath.exp(0.25 * decorRng.next());
            prevPerp = perpClose[j];
        }
        BarSeries spot = new BarSeries(spec.symbol(), Market.SPOT, BarInterval.H1, open, spotOpen, sHigh, sLow,
                spotClose, sVol);
        BarSeries perp = new BarSeries(spec.symbol(), Market.PERP, BarInterval.H1, open.clone(), pOpen, pHigh, pLow,
                perpClose, pVol);

        long[] fTimes = new long[k + 1];
        long[] fInterval = new long[k + 1];
        double[] fMark = new double[k + 1];
        for (int c = 0; c <= k; c++) {
            fTimes[c] = startMs + (long) c * hpc * HOUR_MS;
            fInterval[c] = hpc * HOUR_MS;
            fMark[c] = perpClose[c * hpc];
        }
        FundingSeries funding = new FundingSeries(spec.symbol(), fTimes, rates, fInterval, fMark);
        return new SyntheticMarket(spec, funding, perp, spot, times, basis, SyntheticTruth.of(spec));
    }

    /**
     * Sets {@code perpClose[j] = S·(1 + b/100)} and returns the basis that close encodes,
     * {@code (P − S)/S·100}, computed exactly as {@link io.thermocarry.core.series.BasisSeries#of} does.
     */
    private static double encode(double b, double spot, double[] perpClose, int j) {
        double p = spot * (1.0 + b / 100.0);
        perpClose[j] = p;
        return (p - spot) / spot * 100.0;
    }
}
