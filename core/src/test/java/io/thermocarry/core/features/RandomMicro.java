package io.thermocarry.core.features;

import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random microstructure markets for property tests: irregular quote, snapshot, OI and liquidation times
 * with gaps (so every "not evaluated" path occurs), 8 h funding with a 4 h stretch, premium points at 5 min.
 * {@link #perturbAfter} returns the same market with every value strictly after a cut time redrawn.
 */
final class RandomMicro {
    static final Symbol SYM = Symbol.of("TESTUSDT");
    static final long MIN = 60_000L;
    static final long H = 60 * MIN;
    static final long T0 = 1_700_000_000_000L / H * H;

    final long days;
    final long seed;
    final long cut;
    final long perturbSeed;

    private RandomMicro(long days, long seed, long cut, long perturbSeed) {
        this.days = days;
        this.seed = seed;
        this.cut = cut;
        this.perturbSeed = perturbSeed;
    }

    static RandomMicro of(long days, long seed) {
        return new RandomMicro(days, seed, Long.MAX_VALUE, 0);
    }

    /** The same market, with every value timed strictly after {@code cutMs} redrawn from another stream. */
    RandomMicro perturbAfter(long cutMs, long otherSeed) {
        return new RandomMicro(days, seed, cutMs, otherSeed);
    }

    long end() {
        return T0 + days * 24 * H;
    }

    /** A value stream whose draws after the cut come from the other seed. */
    private final class Draw {
        private final SplittableRandom a;
        private final SplittableRandom b;

        Draw(long salt) {
            a = new SplittableRandom(seed * 31 + salt);
            b = new SplittableRandom(perturbSeed * 31 + salt + 7);
        }

        double next(long t) {
            double x = a.nextDouble();
            double y = b.nextDouble();
            return t > cut ? y : x;
        }
    }

    FundingSeries funding() {
        List<Long> t = new ArrayList<>();
        long x = T0 - 8 * H;
        while (x <= end() + 8 * H) {
            t.add(x);
            boolean fourHour = x >= T0 + 5 * 24 * H && x < T0 + 7 * 24 * H;
            x += fourHour ? 4 * H : 8 * H;
        }
        Draw r = new Draw(1);
        long[] ts = t.stream().mapToLong(Long::longValue).toArray();
        double[] rate = new double[ts.length];
        long[] iv = new long[ts.length];
        for (int i = 0; i < ts.length; i++) {
            rate[i] = (r.next(ts[i]) - 0.4) * 4e-4;
            iv[i] = i == 0 ? 8 * H : ts[i] - ts[i - 1];
        }
        double[] mark = new double[ts.length];
        Arrays.fill(mark, Double.NaN);
        return new FundingSeries(SYM, ts, rate, iv, mark);
    }

    BookTickerSeries ticker(Market m) {
        Draw r = new Draw(m == Market.PERP ? 2 : 3);
        List<double[]> rows = new ArrayList<>();
        long t = T0 + 17;
        while (t < end()) {
            boolean gap = ((t - T0) / (24 * H)) % 5 == 3 && m == Market.SPOT;
            if (!gap) {
                double mid = 100 + 10 * r.next(t);
                double spread = 0.01 * (1 + Math.floor(4 * r.next(t) * r.next(t)));
                rows.add(new double[] {t, mid - spread / 2, mid + spread / 2});
            }
            t += (long) (1 + 20 * r.next(t)) * MIN;
        }
        int n = rows.size();
        long[] ev = new long[n];
        long[] id = new long[n];
        double[] bid = new double[n];
        double[] ask = new double[n];
        double[] q = new double[n];
        Arrays.fill(q, 1);
        for (int i = 0; i < n; i++) {
            ev[i] = (long) rows.get(i)[0];
            id[i] = i;
            bid[i] = rows.get(i)[1];
            ask[i] = rows.get(i)[2];
        }
        return new BookTickerSeries(SYM, m, ev, ev.clone(), id, bid, q, ask, q.clone());
    }

    BookDepthSeries depth() {
        Draw r = new Draw(4);
        double[] bands = {-5, -2, -1, -0.2, 0.2, 1, 2, 5};
        List<double[]> rows = new ArrayList<>();
        long t = T0 + 9_000;
        while (t < end()) {
            boolean gap = ((t - T0) / (24 * H)) % 4 == 2;
            if (!gap) {
                double scale = 1e6 * (0.5 + r.next(t));
                for (double b : bands) {
                    rows.add(new double[] {t, b, Math.abs(b) * scale / 100, Math.abs(b) * scale});
                }
            }
            t += (long) (1 + 10 * r.next(t)) * MIN;
        }
        int n = rows.size();
        long[] ts = new long[n];
        double[] p = new double[n];
        double[] d = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = (long) rows.get(i)[0];
            p[i] = rows.get(i)[1];
            d[i] = rows.get(i)[2];
            v[i] = rows.get(i)[3];
        }
        return new BookDepthSeries(SYM, ts, p, d, v);
    }

    OpenInterestSeries openInterest() {
        Draw r = new Draw(5);
        List<double[]> rows = new ArrayList<>();
        long t = T0;
        double oi = 1000;
        while (t < end()) {
            boolean gap = ((t - T0) / (24 * H)) % 6 == 4;
            oi *= 1 + 0.02 * (r.next(t) - 0.5);
            if (!gap) {
                boolean usdOnly = ((t - T0) / (24 * H)) % 9 == 8;
                rows.add(new double[] {t, usdOnly ? Double.NaN : oi, oi * 100});
            }
            t += 5 * MIN;
        }
        int n = rows.size();
        long[] ts = new long[n];
        double[] b = new double[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = (long) rows.get(i)[0];
            b[i] = rows.get(i)[1];
            u[i] = rows.get(i)[2];
        }
        return new OpenInterestSeries(SYM, ts, b, u);
    }

    LiquidationSeries liquidations() {
        Draw r = new Draw(6);
        List<double[]> rows = new ArrayList<>();
        long t = T0 + 3_000;
        while (t < end()) {
            rows.add(new double[] {t, t, r.next(t) < 0.5 ? 0 : 1, 1e4 * r.next(t) * r.next(t)});
            t += (long) (1 + 90 * r.next(t)) * MIN;
        }
        // a daily aggregate on day 2 (it straddles windows that cross its edges)
        long a = T0 + 2 * 24 * H;
        rows.add(new double[] {a, a + 24 * H, 0, 5e5});
        rows.sort((x, y) -> x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(x[0], y[0]));
        int n = rows.size();
        long[] s = new long[n];
        long[] e = new long[n];
        byte[] side = new byte[n];
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = (long) rows.get(i)[0];
            e[i] = (long) rows.get(i)[1];
            side[i] = (byte) rows.get(i)[2];
            v[i] = rows.get(i)[3];
        }
        return new LiquidationSeries(SYM, s, e, side, nan, nan.clone(), nan.clone(), v);
    }

    LiquidationCoverage coverage() {
        // watched except days 8..9 (a recorder outage); coverage is known at recording time
        if (end() <= T0 + 10 * 24 * H) {
            return new LiquidationCoverage(SYM, new long[] {T0}, new long[] {Math.min(end(), T0 + 8 * 24 * H)});
        }
        return new LiquidationCoverage(SYM, new long[] {T0, T0 + 10 * 24 * H}, new long[] {T0 + 8 * 24 * H, end()});
    }

    PremiumSeries premium() {
        Draw r = new Draw(7);
        int n = (int) ((end() - T0) / (5 * MIN));
        long[] open = new long[n];
        long[] close = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            open[i] = T0 + i * 5 * MIN;
            close[i] = open[i] + 5 * MIN;
            v[i] = (r.next(close[i]) - 0.45) * 1e-3;
        }
        return new PremiumSeries(PremiumSource.PREMIUM_INDEX, open, close, v);
    }

    MicroInputs inputs() {
        return new MicroInputs(SYM, ticker(Market.PERP), ticker(Market.SPOT), depth(), openInterest(), liquidations(),
                coverage(), premium(), funding(), null);
    }

    /** Decisions every {@code stepMs} from T0 with the funding interval in force. */
    long[][] grid(long stepMs) {
        FundingSeries f = funding();
        int n = (int) ((end() - T0) / stepMs);
        long[] d = new long[n];
        long[] iv = new long[n];
        for (int i = 0; i < n; i++) {
            d[i] = T0 + i * stepMs;
            iv[i] = FeatureEngine.intervalAt(f, d[i]);
        }
        return new long[][] {d, iv};
    }
}
