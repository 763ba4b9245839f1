package io.thermocarry.core.portfolio;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.SignalPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic symbols for portfolio tests: hourly spot and perp bars whose basis follows an AR(1) (percent),
 * quote volume per bar, funding settlements every {@code intervalHours} with a declared interval, cycles from
 * {@link CycleBuilder}, and a random regime path after a warm-up (exposures 1.0 / 0.6 / 0.25).
 */
final class PortfolioMarkets {
    static final long H = 3_600_000L;
    /** 2021-01-01T00:00Z. */
    static final long T0 = 1_609_459_200_000L;

    private PortfolioMarkets() {
    }

    /** What to generate. */
    record Recipe(String symbol, long seed, long startMs, int hours, int intervalHours, double basisPhi,
            double basisSdPct, double meanRate, double rateSd, double hourlyQuoteVolume, int warmup) {
        Recipe withStart(long ms) {
            return new Recipe(symbol, seed, ms, hours, intervalHours, basisPhi, basisSdPct, meanRate, rateSd,
                    hourlyQuoteVolume, warmup);
        }

        Recipe withInterval(int h) {
            return new Recipe(symbol, seed, startMs, hours, h, basisPhi, basisSdPct, meanRate, rateSd,
                    hourlyQuoteVolume, warmup);
        }

        Recipe withVolume(double v) {
            return new Recipe(symbol, seed, startMs, hours, intervalHours, basisPhi, basisSdPct, meanRate, rateSd, v,
                    warmup);
        }
    }

    static Recipe recipe(String symbol, long seed, int days) {
        return new Recipe(symbol, seed, T0, days * 24, 8, 0.9, 0.02, 1e-4, 2e-4, 2e6, 30);
    }

    /** The raw series of a recipe. */
    record Raw(Symbol symbol, BarSeries perp, BarSeries spot, FundingSeries funding, SignalPathMaker path) {
    }

    /** Regime path generator: entry k depends only on (seed, k), so a path is stable under data perturbations. */
    record SignalPathMaker(long seed, int warmup) {
        SignalPath make(int n) {
            Regime[] reg = new Regime[n];
            for (int k = warmup; k < n; k++) {
                long h = (seed * 0x9E3779B97F4A7C15L) ^ (k * 0xBF58476D1CE4E5B9L);
                h ^= h >>> 31;
                reg[k] = Regime.values()[(int) Math.floorMod(h, 3L)];
            }
            return SignalPath.ofRegimes(reg);
        }
    }

    static Raw raw(Recipe r) {
        Random rnd = new Random(r.seed());
        int n = r.hours();
        long[] t = new long[n];
        double[] sc = new double[n];
        double[] pc = new double[n];
        double[] sv = new double[n];
        double[] pv = new double[n];
        double price = 100;
        double b = 0;
        for (int i = 0; i < n; i++) {
            t[i] = r.startMs() + i * H;
            price *= Math.exp(rnd.nextGaussian() * 0.005);
            b = r.basisPhi() * b + rnd.nextGaussian() * r.basisSdPct();
            sc[i] = price;
            pc[i] = price * (1 + b / 100);
            sv[i] = r.hourlyQuoteVolume() * (0.5 + rnd.nextDouble()) / price;
            pv[i] = 3 * r.hourlyQuoteVolume() * (0.5 + rnd.nextDouble()) / price;
        }
        Symbol s = Symbol.of(r.symbol());
        BarSeries spot = new BarSeries(s, Market.SPOT, BarInterval.H1, t, sc.clone(), sc.clone(), sc.clone(), sc, sv);
        BarSeries perp = new BarSeries(s, Market.PERP, BarInterval.H1, t.clone(), pc.clone(), pc.clone(), pc.clone(),
                pc, pv);
        int m = n / r.intervalHours();
        long[] ft = new long[m];
        double[] fr = new double[m];
        long[] fi = new long[m];
        double[] fm = new double[m];
        for (int k = 0; k < m; k++) {
            ft[k] = r.startMs() + (long) k * r.intervalHours() * H;
            fr[k] = r.meanRate() + rnd.nextGaussian() * r.rateSd();
            fi[k] = r.intervalHours() * H;
            fm[k] = Double.NaN;
        }
        FundingSeries funding = new FundingSeries(s, ft, fr, fi, fm);
        return new Raw(s, perp, spot, funding, new SignalPathMaker(r.seed(), r.warmup()));
    }

    /** A symbol market from raw series (cycles from the settlements the basis covers). */
    static SymbolMarket market(Raw raw) {
        BasisSeries basis = BasisSeries.of(raw.perp(), raw.spot(), null, null);
        FundingSeries covered = raw.funding().slice(Long.MIN_VALUE, basis.timeMs(basis.size() - 1) + 1);
        FundingCycles cycles = CycleBuilder.build(covered, basis, null);
        return SymbolMarket.of(covered, cycles, raw.path().make(cycles.size()), basis, raw.perp(), raw.spot());
    }

    static SymbolMarket market(Recipe r) {
        return market(raw(r));
    }

    /** {@code count} symbols on the same 8 h grid with different seeds. */
    static List<SymbolMarket> aligned(long seed, int count, int days) {
        List<SymbolMarket> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(market(recipe("SYM" + (char) ('A' + i) + "USDT", seed * 31 + i, days)));
        }
        return out;
    }

    /** Bars with open time in {@code [fromMs, toMs)} removed (a data hole in one leg). */
    static BarSeries withoutBars(BarSeries b, long fromMs, long toMs) {
        int n = b.size();
        boolean[] keep = new boolean[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = b.openTimeMs(i) < fromMs || b.openTimeMs(i) >= toMs;
            if (keep[i]) {
                c++;
            }
        }
        long[] t = new long[c];
        double[] o = new double[c];
        double[] v = new double[c];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                t[j] = b.openTimeMs(i);
                o[j] = b.close(i);
                v[j] = b.volume(i);
                j++;
            }
        }
        return new BarSeries(b.symbol(), b.market(), b.interval(), t, o.clone(), o.clone(), o.clone(), o, v);
    }

    /** Settlements with time in {@code [fromMs, toMs)} removed (a missing funding span). */
    static FundingSeries withoutSettlements(FundingSeries f, long fromMs, long toMs) {
        int n = f.size();
        long[] t = new long[n];
        double[] r = new double[n];
        long[] iv = new long[n];
        double[] m = new double[n];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (f.timeMs(i) < fromMs || f.timeMs(i) >= toMs) {
                t[j] = f.timeMs(i);
                r[j] = f.rate(i);
                iv[j] = f.intervalMs(i);
                m[j] = f.markPrice(i);
                j++;
            }
        }
        return new FundingSeries(f.symbol(), Arrays.copyOf(t, j), Arrays.copyOf(r, j), Arrays.copyOf(iv, j),
                Arrays.copyOf(m, j));
    }
}
