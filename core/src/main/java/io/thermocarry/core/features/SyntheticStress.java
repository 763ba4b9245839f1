package io.thermocarry.core.features;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.LiquidationSide;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.stats.GaussianSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates a carry market with liquidity crises whose microstructure precursors are known (SPEC §8: the desk's
 * question "does the veto cut path risk?" needs a market where the right answer is known).
 *
 * <p><b>Underneath</b>: the OU market of {@link SyntheticOuMarket} ({@link StressSpec#base()}), hourly basis
 * {@code b_j} in percent, spot {@code S_j}.
 *
 * <p><b>Crises</b>: at a crisis cycle {@code c} the basis is dislocated by {@code shock(t)}: nothing until
 * {@code t_c + 1 h} (so the settlement decision at {@code t_c} comes before the move), a linear ramp to
 * {@code ±J} over 2 h, held to the end of the cycle (the whole jump lands in cycle c's basis PnL), then a decay
 * with the spec's half-life. A <em>squeeze</em> ({@code +J}) hurts a short basis
 * carry by mark-to-market; a <em>crash</em> ({@code −J}) drags the premium and then the settled funding below zero,
 * so a short basis pays funding, and hurts it again as the basis recovers. Perp closes become
 * {@code S_j (1 + (b_j + shock)/100)}.
 *
 * <p><b>Precursors</b>: with probability {@code precursorShare} a crisis is preceded by a stress episode
 * starting 1–5 h before {@code t_c} and lasting until 6 h after it; false-alarm episodes (6 h) occur without a
 * crisis. In an episode each feature is stressed with probability {@code featureStressShare}: perp spread ×4–8,
 * spot spread ×3–6, ±1 % depth ×0.15–0.35, OI drifting ±0.6 %/h (up before squeezes and false alarms, down
 * before crashes), liquidation arrivals ×15 and sizes ×3, and before a crash the premium index 8–15 bp lower.
 *
 * <p><b>Series</b> at {@code stepMinutes} on {@code [t_0, t_K)}: premium index klines
 * ({@code 3 bp + basis/100 + N(0, 0.3 bp)} + precursor offset), book tickers of both legs (spread lognormal around 0.4 /
 * 0.3 bp), book depth bands ±1/2/5 % (±1 % ≈ 2·10⁸ USDT, ±2 % = 1.8×, ±5 % = 3.5×), open interest, liquidations
 * (Poisson, 2 an hour, median 3·10⁴ USDT), liquidation coverage of the whole span. Funding: each settled rate is
 * {@link FundingFormula} over the premium points of the interval it closes (no cap), so the market is consistent
 * with Binance's own rule (and clamped by the symbol's cap, {@link StressSpec#fundingCapRate()}); the OU drive
 * keeps the base's draws (their effect on the basis is below 10⁻³ bp).
 * Deterministic for a seed.
 */
public final class SyntheticStress {
    private static final long HOUR = 3_600_000L;
    /**
     * Mean premium of the index over the basis, fraction (3 bp): longs pay, so that settled funding is positive
     * about 90 % of the time in calm markets, as BTCUSDT's.
     */
    static final double PREMIUM_BIAS = 3e-4;

    private SyntheticStress() {
    }

    /** An episode of stress: [start, end), which features, and the sign of the OI drift and premium offset. */
    private record Episode(long start, long end, int mask, int oiSign, double premiumOffset) {
    }

    /** Simulates {@code spec}. */
    public static StressMarket simulate(StressSpec spec) {
        SyntheticMarket m = SyntheticOuMarket.simulate(spec.base());
        Symbol sym = spec.base().symbol();
        int k = spec.base().cycles();
        long t0 = spec.base().start().toEpochMilli();
        long tEnd = t0 + k * 8 * HOUR;
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom crisisRng = root.split();
        SplittableRandom microRng = root.split();
        GaussianSampler g = new GaussianSampler(root.split());

        List<StressMarket.Crisis> crises = new ArrayList<>();
        List<Episode> episodes = new ArrayList<>();
        List<Long> falseAlarms = new ArrayList<>();
        int last = -100;
        for (int c = 12; c < k - 4; c++) {
            boolean crisisAllowed = c >= spec.firstCrisisCycle();
            long tc = t0 + c * 8 * HOUR;
            double u = crisisRng.nextDouble();
            if (crisisAllowed && c - last >= 6 && u < spec.crisisPerCycle()) {
                last = c;
                boolean squeeze = crisisRng.nextDouble() < spec.squeezeShare();
                double jump = spec.jumpMinPct() + (spec.jumpMaxPct() - spec.jumpMinPct()) * crisisRng.nextDouble();
                long pre = -1;
                if (crisisRng.nextDouble() < spec.precursorShare()) {
                    pre = tc - (long) ((1 + 4 * crisisRng.nextDouble()) * HOUR);
                    episodes.add(new Episode(pre, tc + 6 * HOUR, mask(crisisRng, spec, !squeeze), squeeze ? 1 : -1,
                            squeeze ? 0 : -(8 + 7 * crisisRng.nextDouble()) * 1e-4));
                }
                crises.add(new StressMarket.Crisis(c, squeeze, jump, pre));
            } else if (c - last >= 3 && crisisRng.nextDouble() < spec.falseAlarmPerCycle()) {
                long s = tc - (long) ((1 + 4 * crisisRng.nextDouble()) * HOUR);
                episodes.add(new Episode(s, s + 6 * HOUR, mask(crisisRng, spec, false), 1, 0));
                falseAlarms.add(s);
            }
        }
        double halfLife = spec.halfLifeHours() * HOUR;

        // hourly perp bars from the shocked basis
        BarSeries spot = m.spot();
        int bars = spot.size();
        double[] pOpen = new double[bars];
        double[] pHigh = new double[bars];
        double[] pLow = new double[bars];
        double[] pClose = new double[bars];
        double[] pVol = new double[bars];
        for (int j = 0; j < bars; j++) {
            double b = m.basisPct()[j] + shock(crises, t0, m.basisTimesMs()[j], halfLife);
            pClose[j] = spot.close(j) * (1 + b / 100);
            pOpen[j] = j == 0 ? spot.open(0) * (1 + m.basisPct()[0] / 100) : pClose[j - 1];
            double up = Math.exp(0.003 * Math.abs(g.next()));
            pHigh[j] = Math.max(pOpen[j], pClose[j]) * up;
            pLow[j] = Math.min(pOpen[j], pClose[j]) / up;
            pVol[j] = m.perp().volume(j);
        }
        BarSeries perp = new BarSeries(sym, Market.PERP, BarInterval.H1, spot.openTimes().clone(), pOpen, pHigh, pLow,
                pClose, pVol);

        long step = spec.stepMinutes() * 60_000L;
        int n = (int) ((tEnd - t0) / step);
        // premium points: bar i opens at t0 + i·step, closes (is available) at t0 + (i+1)·step
        long[] pOpenT = new long[n];
        double[] prem = new double[n];
        for (int i = 0; i < n; i++) {
            pOpenT[i] = t0 + i * step;
            long tc = pOpenT[i] + step;
            double offset = 0;
            for (Episode e : episodes) {
                if (tc >= e.start && tc < e.end && (e.mask & Feature.FUNDING_FLIP.bit()) != 0) {
                    offset += e.premiumOffset;
                }
            }
            prem[i] = PREMIUM_BIAS + basisAt(m, crises, t0, tc, halfLife) / 100 + offset + g.next(0, 0.3e-4);
        }
        BarInterval stepIv = BarInterval.parse(spec.stepMinutes() + "m");
        double[] pHi = prem.clone();
        double[] pLo = prem.clone();
        for (int i = 0; i < n; i++) {
            pHi[i] = prem[i] + 1e-6;
            pLo[i] = prem[i] - 1e-6;
        }
        BarSeries premium = new BarSeries(sym, Market.PREMIUM, stepIv, pOpenT, prem.clone(), pHi, pLo, prem,
                new double[n]);

        // funding: Binance's formula over each interval's points
        int perInterval = (int) (8 * HOUR / step);
        long[] ft = new long[k + 1];
        double[] rate = new double[k + 1];
        long[] fiv = new long[k + 1];
        double[] mark = new double[k + 1];
        for (int c = 0; c <= k; c++) {
            ft[c] = t0 + c * 8 * HOUR;
            fiv[c] = 8 * HOUR;
            mark[c] = pClose[Math.min(c * 8, bars - 1)];
            rate[c] = c == 0 ? spec.base().muF()
                    : FundingFormula.rate(Arrays.copyOfRange(prem, (c - 1) * perInterval, c * perInterval), perInterval,
                            8 * HOUR, spec.fundingCapRate(), -spec.fundingCapRate());
        }
        FundingSeries funding = new FundingSeries(sym, ft, rate, fiv, mark);

        // microstructure at each step
        long[] qt = new long[n];
        double[] pb = new double[n];
        double[] pa = new double[n];
        double[] sb = new double[n];
        double[] sa = new double[n];
        double[] qty = new double[n];
        Arrays.fill(qty, 1.0);
        double[] bands = {-5, -2, -1, 1, 2, 5};
        double[] bandScale = {3.5, 1.8, 1.0, 1.0, 1.8, 3.5};
        long[] dt = new long[n * bands.length];
        double[] dp = new double[dt.length];
        double[] dd = new double[dt.length];
        double[] dn = new double[dt.length];
        long[] ot = new long[n];
        double[] ob = new double[n];
        double[] ov = new double[n];
        List<double[]> liq = new ArrayList<>();
        double oi = 100_000;
        for (int i = 0; i < n; i++) {
            long t = t0 + (i + 1) * step;
            int stressed = 0;
            int oiSign = 0;
            for (Episode e : episodes) {
                if (t >= e.start && t < e.end) {
                    stressed |= e.mask;
                    if ((e.mask & Feature.OI_CHANGE.bit()) != 0) {
                        oiSign = e.oiSign;
                    }
                }
            }
            int hour = (int) Math.min((t - t0) / HOUR, bars - 1);
            double s = spot.close(hour);
            double mid = s * (1 + basisAt(m, crises, t0, t, halfLife) / 100);
            double perpSpread = 0.4 * Math.exp(0.3 * g.next())
                    * ((stressed & Feature.SPREAD_PERP.bit()) != 0 ? 4 + 4 * microRng.nextDouble() : 1);
            double spotSpread = 0.3 * Math.exp(0.3 * g.next())
                    * ((stressed & Feature.SPREAD_SPOT.bit()) != 0 ? 3 + 3 * microRng.nextDouble() : 1);
            qt[i] = t;
            pb[i] = mid * (1 - perpSpread / 2e4);
            pa[i] = mid * (1 + perpSpread / 2e4);
            sb[i] = s * (1 - spotSpread / 2e4);
            sa[i] = s * (1 + spotSpread / 2e4);
            double one = 2e8 * Math.exp(0.2 * g.next())
                    * ((stressed & Feature.DEPTH.bit()) != 0 ? 0.15 + 0.2 * microRng.nextDouble() : 1);
            for (int b = 0; b < bands.length; b++) {
                int r = i * bands.length + b;
                dt[r] = t;
                dp[r] = bands[b];
                dn[r] = one / 2 * bandScale[b] * Math.exp(0.05 * g.next());
                dd[r] = dn[r] / mid;
            }
            double drift = oiSign * 0.006 * spec.stepMinutes() / 60.0;
            oi *= 1 + drift + 0.0005 * g.next();
            ot[i] = t;
            ob[i] = oi;
            ov[i] = oi * mid;
            boolean burst = (stressed & Feature.LIQUIDATIONS.bit()) != 0;
            double lambda = 2.0 * spec.stepMinutes() / 60.0 * (burst ? 15 : 1);
            int count = poisson(microRng, lambda);
            for (int e = 0; e < count; e++) {
                long when = t - step + 1 + (long) (microRng.nextDouble() * (step - 1));
                double usd = 3e4 * Math.exp(1.2 * g.next()) * (burst ? 3 : 1);
                LiquidationSide side = microRng.nextBoolean() ? LiquidationSide.LONG : LiquidationSide.SHORT;
                liq.add(new double[] {when, side.ordinal(), usd / mid, mid, usd});
            }
        }
        liq.sort((a, b) -> Double.compare(a[0], b[0]));
        int nl = liq.size();
        long[] lt = new long[nl];
        byte[] ls = new byte[nl];
        double[] lq = new double[nl];
        double[] lp = new double[nl];
        double[] lu = new double[nl];
        for (int i = 0; i < nl; i++) {
            double[] r = liq.get(i);
            lt[i] = (long) r[0];
            ls[i] = (byte) r[1];
            lq[i] = r[2];
            lp[i] = r[3];
            lu[i] = r[4];
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        FundingInfo info = new FundingInfo(sym, spec.fundingCapRate(), -spec.fundingCapRate(), 8);
        MicroData micro = new MicroData(List.of(new BookDepthSeries(sym, dt, dp, dd, dn)),
                List.of(new BookTickerSeries(sym, Market.PERP, qt, qt.clone(), ids, pb, qty, pa, qty.clone()),
                        new BookTickerSeries(sym, Market.SPOT, qt.clone(), qt.clone(), ids.clone(), sb, qty.clone(), sa,
                                qty.clone())),
                List.of(new LiquidationSeries(sym, lt, lt.clone(), ls, lq, lp, lp.clone(), lu)),
                List.of(new LiquidationCoverage(sym, new long[] {t0}, new long[] {tEnd + 1})), List.of(info));
        return new StressMarket(spec, funding, info, perp, spot, premium, new OpenInterestSeries(sym, ot, ob, ov), micro,
                crises, falseAlarms);
    }

    private static int mask(SplittableRandom r, StressSpec spec, boolean crash) {
        int m = 0;
        for (Feature f : new Feature[] {Feature.SPREAD_PERP, Feature.SPREAD_SPOT, Feature.DEPTH, Feature.OI_CHANGE,
            Feature.LIQUIDATIONS}) {
            if (r.nextDouble() < spec.featureStressShare()) {
                m |= f.bit();
            }
        }
        if (crash && r.nextDouble() < spec.featureStressShare()) {
            m |= Feature.FUNDING_FLIP.bit();
        }
        return m;
    }

    /** The crises' dislocation at time t, percent. */
    private static double shock(List<StressMarket.Crisis> crises, long t0, long t, double halfLifeMs) {
        double s = 0;
        for (StressMarket.Crisis c : crises) {
            long begin = t0 + c.cycle() * 8 * HOUR + HOUR;
            if (t <= begin) {
                continue;
            }
            double tau = t - begin;
            double sign = c.squeeze() ? 1 : -1;
            // ramp over 2 h, hold to the end of the crisis cycle (t_c + 8 h), then decay
            double hold = 7.0 * HOUR;
            s += tau < 2 * HOUR ? sign * c.jumpPct() * tau / (2.0 * HOUR)
                    : tau < hold ? sign * c.jumpPct()
                    : sign * c.jumpPct() * Math.pow(0.5, (tau - hold) / halfLifeMs);
        }
        return s;
    }

    /** Basis at time t: linear between the hourly closes, plus the crises' shock; percent. */
    private static double basisAt(SyntheticMarket m, List<StressMarket.Crisis> crises, long t0, long t,
            double halfLifeMs) {
        long[] bt = m.basisTimesMs();
        double[] b = m.basisPct();
        int j = (int) Math.min(Math.max((t - bt[0]) / HOUR, 0), b.length - 2);
        double w = Math.min(Math.max((t - bt[j]) / (double) HOUR, 0), 1);
        return b[j] + w * (b[j + 1] - b[j]) + shock(crises, t0, t, halfLifeMs);
    }

    private static int poisson(SplittableRandom r, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
