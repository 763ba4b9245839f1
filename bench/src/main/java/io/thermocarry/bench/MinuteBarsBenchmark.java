package io.thermocarry.bench;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Basis and funding cycles from 1-minute bars: a synthetic year of {@value #YEAR} bars per leg (property
 * {@code thermocarry.bench.minuteBars}), 8 h settlements. The target is 20 M bars/s, i.e. a year of both legs
 * in about 53 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MinuteBarsBenchmark {
    /** Minutes in a 365-day year. */
    public static final int YEAR = 525_600;

    private BarSeries perp;
    private BarSeries spot;
    private FundingSeries funding;

    /** Builds the year: spot a geometric random walk, perp = spot × (1 + b/100) with b an OU path in percent. */
    @Setup
    public void setUp() {
        int n = Integer.getInteger("thermocarry.bench.minuteBars", YEAR);
        Symbol s = Symbol.of("SYNTHUSDT");
        long t0 = 1_577_836_800_000L;
        long[] t = new long[n];
        double[] sc = new double[n];
        double[] pc = new double[n];
        SplittableRandom rnd = new SplittableRandom(7);
        double price = 50_000;
        double b = 0;
        double phi = Math.exp(-0.05 / 60);
        for (int i = 0; i < n; i++) {
            t[i] = t0 + 60_000L * i;
            price *= Math.exp(0.0008 * gauss(rnd));
            b = phi * b + 0.08 * gauss(rnd);
            sc[i] = price;
            pc[i] = price * (1 + b / 100);
        }
        double[] vol = new double[n];
        Arrays.fill(vol, 1.0);
        spot = new BarSeries(s, Market.SPOT, BarInterval.M1, t, sc, sc, sc, sc, vol);
        perp = new BarSeries(s, Market.PERP, BarInterval.M1, t.clone(), pc, pc, pc, pc, vol.clone());
        int k = n / 480 + 1;
        long[] ft = new long[k];
        double[] fr = new double[k];
        long[] fi = new long[k];
        double[] fm = new double[k];
        for (int i = 0; i < k; i++) {
            ft[i] = t0 + 8 * 3_600_000L * i;
            fr[i] = 1e-4 + 3e-4 * gauss(rnd);
            fi[i] = 8 * 3_600_000L;
            fm[i] = Double.NaN;
        }
        funding = new FundingSeries(s, ft, fr, fi, fm);
    }

    private static double gauss(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Basis of every minute and the cycles over it; bars per second = 2 × bars / time. */
    @Benchmark
    public FundingCycles basisAndCycles() {
        BasisSeries basis = BasisSeries.of(perp, spot, null, null);
        return CycleBuilder.build(funding, basis, null);
    }
}
