package io.thermocarry.core.physics;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.stats.GaussianSampler;
import java.util.SplittableRandom;

/**
 * Simulates the OU market of {@link SyntheticOuMarket} at an intraday resolution (1 m by default), with known
 * truth, and emits it as real series: funding settlements, perp and spot trade bars, mark and index bars.
 *
 * <p><b>Dynamics.</b> Bar {@code j + 1} of cycle {@code k} steps the mid basis (percent) by the exact
 * discretisation of {@code db/dt = −κ_k b − F_k + ξ} over {@code Δt} hours (one bar):
 * {@code b_{j+1} = φ b_j − (F_k/κ_k)(1 − φ) + s ε_j}, {@code φ = e^{−κ_k Δt}},
 * {@code s = σ_noise·√((1 − φ²)/(2κ_k))}; so sampled every hour the path has exactly the law of the hourly
 * generator. {@code b_0 ~ N(0, T/κ_0)}; under {@link CycleStart#REDRAW_EQUILIBRIUM} the value at each settlement
 * {@code t_k, k ≥ 1} is re-drawn from {@code N(0, T/κ_k)}. Funding {@code F_k ~ N(μ_F, s_F²)} is settled every
 * {@code hoursPerCycle} hours (8 h by default) and drives every bar of its cycle.
 *
 * <p><b>Prices.</b> Spot mid {@code S_j = S_{j−1}·exp(v z_j − v²/2)}, {@code v = σ_spot,hourly·√Δt} (a
 * geometric random walk); perp mid {@code P_j = S_j (1 + b_j/100)}, the recursion continuing from
 * {@code (P_j − S_j)/S_j·100} so that the mark–index basis of the emitted bars equals the path bit for bit. Mark
 * bars carry the perp mid and index bars the spot mid (open = previous mid, close = mid, volume 0). Trade bars
 * print at the bid or the ask: close {@code = mid_j (1 + u h)}, open {@code = mid_{j−1} (1 + u' h)},
 * {@code h = spreadBps/2/10⁴}, {@code u, u' = ±1} drawn independently per leg and print; high and low widen
 * {@code max/min(open, close)} by {@code exp(±v|z|/2)}; volumes are lognormal. With a zero spread every open
 * equals the previous close.
 *
 * <p><b>Reproducibility.</b> IEEE doubles with {@link StrictMath}; streams, each the next {@code split()} of
 * {@code new SplittableRandom(seed)}: funding rates, basis noise, basis (re-)draws, spot returns, bar decoration,
 * print sides.
 */
public final class SyntheticIntradayOuMarket {
    private SyntheticIntradayOuMarket() {
    }

    /** Simulates {@code spec}. */
    public static SyntheticIntradayMarket simulate(SyntheticIntradaySpec spec) {
        SyntheticSpec ou = spec.ou();
        SplittableRandom root = new SplittableRandom(ou.seed());
        GaussianSampler fundingRng = new GaussianSampler(root.split());
        GaussianSampler noiseRng = new GaussianSampler(root.split());
        GaussianSampler drawRng = new GaussianSampler(root.split());
        GaussianSampler spotRng = new GaussianSampler(root.split());
        GaussianSampler decorRng = new GaussianSampler(root.split());
        SplittableRandom sideRng = root.split();

        int cycles = ou.cycles();
        int m = spec.barsPerCycle();
        int bars = cycles * m + 1;
        double dt = spec.dtHours();
        double temp = ou.temperature();
        long step = spec.resolution().millis();
        long startMs = ou.start().toEpochMilli();

        double[] rates = new double[cycles + 1];
        for (int c = 0; c <= cycles; c++) {
            rates[c] = fundingRng.next(ou.muF(), ou.sF());
        }

        double vol = ou.spotHourlyVol() * StrictMath.sqrt(dt);
        double[] spotMid = new double[bars];
        double prev = ou.spotStartPrice();
        double firstSpotOpen = prev;
        for (int j = 0; j < bars; j++) {
            prev = prev * StrictMath.exp(vol * spotRng.next() - 0.5 * vol * vol);
            spotMid[j] = prev;
        }

        double[] basis = new double[bars];
        double[] perpMid = new double[bars];
        double b = encode(drawRng.next(0.0, StrictMath.sqrt(temp / ou.kappaAt(0))), spotMid[0], perpMid, 0);
        basis[0] = b;
        for (int c = 0; c < cycles; c++) {
            double kappa = ou.kappaAt(c);
            double phi = StrictMath.exp(-kappa * dt);
            double s = ou.sigmaNoise() * StrictMath.sqrt((1.0 - phi * phi) / (2.0 * kappa));
            double drive = -(rates[c] / kappa) * (1.0 - phi);
            int j0 = c * m;
            if (c > 0 && ou.cycleStart() == CycleStart.REDRAW_EQUILIBRIUM) {
                b = encode(drawRng.next(0.0, StrictMath.sqrt(temp / kappa)), spotMid[j0], perpMid, j0);
                basis[j0] = b;
            }
            for (int h = 0; h < m; h++) {
                int j = j0 + h;
                b = encode(phi * b + drive + s * noiseRng.next(), spotMid[j + 1], perpMid, j + 1);
                basis[j + 1] = b;
            }
        }

        double half = spec.spreadBps() / 2.0 / 10_000.0;
        long[] open = new long[bars];
        long[] close = new long[bars];
        double[][] sp = new double[5][bars];
        double[][] pp = new double[5][bars];
        double[][] mk = new double[5][bars];
        double[][] ix = new double[5][bars];
        double prevSpot = firstSpotOpen;
        double prevPerp = firstSpotOpen * (1.0 + basis[0] / 100.0);
        for (int j = 0; j < bars; j++) {
            open[j] = startMs + (j - 1) * step;
            close[j] = startMs + j * step;
            double up = StrictMath.exp(0.5 * vol * Math.abs(decorRng.next()));
            double down = StrictMath.exp(-0.5 * vol * Math.abs(decorRng.next()));
            double v = StrictMath.exp(decorRng.next(StrictMath.log(20.0), 0.5));
            trade(sp, j, prevSpot * side(sideRng, half), spotMid[j] * side(sideRng, half), up, down, v);
            trade(pp, j, prevPerp * side(sideRng, half), perpMid[j] * side(sideRng, half), up, down,
                    2.0 * v * StrictMath.exp(0.25 * decorRng.next()));
            trade(ix, j, prevSpot, spotMid[j], 1.0, 1.0, 0.0);
            trade(mk, j, prevPerp, perpMid[j], 1.0, 1.0, 0.0);
            prevSpot = spotMid[j];
            prevPerp = perpMid[j];
        }
        BarInterval iv = spec.resolution();
        BarSeries spot = new BarSeries(ou.symbol(), Market.SPOT, iv, open, sp[0], sp[1], sp[2], sp[3], sp[4]);
        BarSeries perp = new BarSeries(ou.symbol(), Market.PERP, iv, open.clone(), pp[0], pp[1], pp[2], pp[3], pp[4]);
        BarSeries index = new BarSeries(ou.symbol(), Market.INDEX, iv, open.clone(), ix[0], ix[1], ix[2], ix[3], ix[4]);
        BarSeries mark = new BarSeries(ou.symbol(), Market.MARK, iv, open.clone(), mk[0], mk[1], mk[2], mk[3], mk[4]);

        long[] fTimes = new long[cycles + 1];
        long[] fInterval = new long[cycles + 1];
        double[] fMark = new double[cycles + 1];
        long cycleMs = (long) m * step;
        for (int c = 0; c <= cycles; c++) {
            fTimes[c] = startMs + c * cycleMs;
            fInterval[c] = cycleMs;
            fMark[c] = perpMid[c * m];
        }
        FundingSeries funding = new FundingSeries(ou.symbol(), fTimes, rates, fInterval, fMark);
        return new SyntheticIntradayMarket(spec, funding, perp, spot, mark, index, close, basis,
                SyntheticTruth.of(ou));
    }

    /** {@code 1 ± h}, the side drawn at random ({@code 1} when there is no spread, consuming no draw). */
    private static double side(SplittableRandom rng, double half) {
        if (half == 0) {
            return 1.0;
        }
        return rng.nextBoolean() ? 1.0 + half : 1.0 - half;
    }

    /** Writes bar j's open, high, low, close and volume into {@code cols}. */
    private static void trade(double[][] cols, int j, double open, double close, double up, double down,
            double volume) {
        cols[0][j] = open;
        cols[1][j] = Math.max(open, close) * up;
        cols[2][j] = Math.min(open, close) * down;
        cols[3][j] = close;
        cols[4][j] = volume;
    }

    /**
     * Sets {@code perpMid[j] = S·(1 + b/100)} and returns the basis that mid encodes, {@code (P − S)/S·100},
     * computed as {@link io.thermocarry.core.series.BasisSeries} does.
     */
    private static double encode(double b, double spot, double[] perpMid, int j) {
        double p = spot * (1.0 + b / 100.0);
        perpMid[j] = p;
        return (p - spot) / spot * 100.0;
    }
}
