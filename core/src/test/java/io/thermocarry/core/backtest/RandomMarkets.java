package io.thermocarry.core.backtest;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.BasisSource;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.BuyHoldStrategy;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.ThresholdStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded random markets, signal paths and strategies for property tests. */
final class RandomMarkets {
    private RandomMarkets() {
    }

    /** A market of {@code n} cycles: mixed 8/4/1 h intervals, funding with runs of 1 bp, a basis random walk
     * with occasional NaN points, a mark price path with occasional gaps. */
    static FundingCycles market(Random rnd, int n) {
        long[] start = new long[n];
        long[] end = new long[n];
        double[] rate = new double[n];
        double[] hours = new double[n];
        double[] path = new double[n + 1];
        double[] marks = new double[n + 1];
        long t = Markets.T0;
        path[0] = rnd.nextGaussian() * 0.05;
        marks[0] = 100;
        for (int k = 0; k < n; k++) {
            double h = new double[] {8, 8, 8, 4, 1}[rnd.nextInt(5)];
            start[k] = t;
            t += (long) (h * Markets.H);
            end[k] = t;
            hours[k] = h;
            rate[k] = rnd.nextInt(4) == 0 ? 1e-4 : rnd.nextGaussian() * 3e-4 + 5e-5;
            path[k + 1] = 0.7 * path[k] + rnd.nextGaussian() * 0.05;
            marks[k + 1] = marks[k] * Math.exp(rnd.nextGaussian() * 0.02);
        }
        double[] bs = new double[n];
        double[] be = new double[n];
        double[] ms = new double[n];
        double[] me = new double[n];
        for (int k = 0; k < n; k++) {
            bs[k] = path[k];
            be[k] = path[k + 1];
            ms[k] = marks[k];
            me[k] = marks[k + 1];
        }
        for (int k = 0; k < n; k++) {
            if (rnd.nextInt(25) == 0) {
                bs[k] = Double.NaN;
                if (k > 0) {
                    be[k - 1] = Double.NaN;
                }
            }
            if (rnd.nextInt(25) == 0) {
                me[k] = Double.NaN;
                if (k + 1 < n) {
                    ms[k + 1] = Double.NaN;
                }
            }
        }
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        byte[] src = new byte[n];
        Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
        return new FundingCycles(Symbol.of("RANDUSDT"), start, end, rate, hours, bs, be, nan, nan.clone(),
                new int[n], ms, me, src, 0);
    }

    /** Regimes after a warm-up of {@code warmup} decisions, with random signals and thresholds. */
    static SignalPath signals(Random rnd, int n, int warmup) {
        Regime[] reg = new Regime[n];
        double[] exposure = new double[n];
        double[] r = new double[n];
        double[] z = new double[n];
        double[] ent = new double[n];
        double[] je = new double[n];
        double[] entT = new double[n];
        double[] jeT = new double[n];
        for (int k = 0; k < n; k++) {
            if (k < warmup) {
                exposure[k] = r[k] = z[k] = ent[k] = je[k] = entT[k] = jeT[k] = Double.NaN;
                continue;
            }
            reg[k] = Regime.values()[rnd.nextInt(3)];
            exposure[k] = reg[k].exposure();
            r[k] = 0.6 + rnd.nextDouble();
            z[k] = rnd.nextGaussian();
            ent[k] = rnd.nextGaussian();
            je[k] = rnd.nextDouble();
            entT[k] = rnd.nextGaussian() * 0.5 - 0.5;
            jeT[k] = 0.5 + rnd.nextDouble();
        }
        return new SignalPath(reg, exposure, r, z, ent, je, entT, jeT);
    }

    /** The mirrored signal path is the same path (signals do not change sign with the market in this model). */
    static ScheduleStrategy schedule(Random rnd, int n) {
        Side[] s = new Side[n];
        double[] f = new double[n];
        Side current = Side.FLAT;
        double frac = 0;
        for (int k = 0; k < n; k++) {
            if (rnd.nextInt(3) == 0) {
                current = new Side[] {Side.FLAT, Side.SHORT_BASIS, Side.LONG_BASIS, Side.LONG_PERP}[rnd.nextInt(4)];
                frac = 0.1 + rnd.nextDouble();
            }
            s[k] = current;
            f[k] = frac;
        }
        return new ScheduleStrategy(s, f);
    }

    /** Every strategy with parameters small enough to trade on short random markets. */
    static List<StrategySpec> strategies(Random rnd, int n) {
        return List.of(PhysicsStrategy.defaults(), new NaiveStrategy(0.5, 3),
                new ThresholdStrategy(5, 0.5, 0.1, 4, 0.01),
                new DeskStrategy(0.5, 1.05, -0.5, 4, 0.01, 2, Sides.BOTH), BuyHoldStrategy.defaults(),
                schedule(rnd, n));
    }

    /** F → −F and the basis path → −basis, everything else equal. */
    static FundingCycles mirror(FundingCycles c) {
        int n = c.size();
        double[] rate = new double[n];
        double[] bs = new double[n];
        double[] be = new double[n];
        for (int k = 0; k < n; k++) {
            rate[k] = -c.rate(k);
            bs[k] = -c.basisStart(k);
            be[k] = -c.basisEnd(k);
        }
        return new FundingCycles(c.symbol(), c.starts(), c.ends(), rate, c.intervalsHours(), bs, be,
                c.basisMeans(), c.basisStds(), c.basisObsCounts(), c.markStarts(), c.markEnds(), new byte[n], 0);
    }
}
