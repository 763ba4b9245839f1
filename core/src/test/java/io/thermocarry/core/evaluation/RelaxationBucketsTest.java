package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket test against a plain recomputation from the cycles and the decisions. */
class RelaxationBucketsTest {

    @Test
    void edges_areLeftClosed_andTwoFallsInTheLastBucket() {
        double[] e = RelaxationBuckets.fixedEdges();
        assertEquals(0, RelaxationBuckets.bucketOf(0.49, e));
        assertEquals(1, RelaxationBuckets.bucketOf(0.5, e));
        assertEquals(3, RelaxationBuckets.bucketOf(1.05, e));
        assertEquals(4, RelaxationBuckets.bucketOf(1.4, e));
        assertEquals(5, RelaxationBuckets.bucketOf(2.0, e), "r = 2, the signal's too-few-points value");
    }

    @Test
    void fixedBuckets_equalAPlainRecomputation_underBothAccrualConventions() {
        SymbolData data = SyntheticMarkets.data(SyntheticMarkets.switching(2.0, 0.05, 0.08, 200, 1_500, 2));
        CompatInputs in = CompatInputs.of(data, Compat.CAUSAL, SignalSpec.defaults(), RegimeSpec.defaults());
        for (FundingAccrual accrual : FundingAccrual.values()) {
            List<BucketRow> rows = RelaxationBuckets.compute(in.cycles(), in.run(), accrual, 0);
            assertEquals(6 + 5 + 18, rows.size());
            FundingCycles c = in.cycles();
            SignalRun run = in.run();
            double[] edges = RelaxationBuckets.fixedEdges();
            int total = 0;
            for (int b = 0; b <= edges.length; b++) {
                List<double[]> xs = new ArrayList<>();
                for (int i = 0; i < run.size(); i++) {
                    int k = run.cycleIndex(i);
                    double r = run.relaxationRatio(i);
                    double lo = b == 0 ? Double.NEGATIVE_INFINITY : edges[b - 1];
                    double hi = b == edges.length ? Double.POSITIVE_INFINITY : edges[b];
                    if (!(r >= lo && r < hi)) {
                        continue;
                    }
                    double f = accrual == FundingAccrual.RATE_AT_CYCLE_START ? c.rate(k)
                            : k + 1 < c.size() ? c.rate(k + 1) : Double.NaN;
                    if (Double.isNaN(f)) {
                        continue;
                    }
                    double bs = c.basisStart(k);
                    double be = c.basisEnd(k);
                    xs.add(new double[] {f, -(be - bs) / 100, Math.abs(be) < Math.abs(bs) ? 1 : 0});
                }
                BucketRow row = rows.get(b);
                assertEquals(BucketScheme.RELAXATION_FIXED, row.scheme());
                assertEquals(xs.size(), row.count(), "bucket " + b);
                total += xs.size();
                if (xs.isEmpty()) {
                    assertTrue(Double.isNaN(row.meanTotal()));
                    continue;
                }
                double[] tot = xs.stream().mapToDouble(x -> x[0] + x[1]).sorted().toArray();
                double mean = xs.stream().mapToDouble(x -> x[0] + x[1]).average().orElseThrow();
                double fund = xs.stream().mapToDouble(x -> x[0]).average().orElseThrow();
                double hit = xs.stream().filter(x -> x[0] + x[1] > 0).count() / (double) xs.size();
                double conv = xs.stream().mapToDouble(x -> x[2]).average().orElseThrow();
                int w = (int) Math.ceil(0.1 * tot.length);
                double worst = 0;
                for (int i = 0; i < w; i++) {
                    worst += tot[i] / w;
                }
                double med = tot.length % 2 == 1 ? tot[tot.length / 2]
                        : (tot[tot.length / 2 - 1] + tot[tot.length / 2]) / 2;
                assertEquals(mean, row.meanTotal(), 1e-15);
                assertEquals(fund, row.meanFunding(), 1e-15);
                assertEquals(med, row.medianTotal(), 1e-15);
                assertEquals(hit, row.hitRate(), 0.0);
                assertEquals(conv, row.convergenceShare(), 1e-15);
                assertEquals(worst, row.worstDecileMean(), 1e-15);
                assertTrue(row.worstDecile() >= tot[0] && row.worstDecile() <= tot[tot.length - 1]);
            }
            int quintiles = rows.stream().filter(r -> r.scheme() == BucketScheme.RELAXATION_QUINTILE)
                    .mapToInt(BucketRow::count).sum();
            assertEquals(total, quintiles, "every decision in exactly one quintile");
            int cells = rows.stream().filter(r -> r.scheme() == BucketScheme.RELAXATION_FIXED_BY_ENTROPY_TERCILE)
                    .mapToInt(BucketRow::count).sum();
            assertTrue(cells <= total && cells > total * 0.9, "cells hold the decisions with an entropy rate");
        }
    }
}
