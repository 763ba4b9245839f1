package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.SharpeComparison;
import io.thermocarry.core.evaluation.Slices;
import io.thermocarry.core.evaluation.StrategyResult;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.stats.BenjaminiHochberg;
import io.thermocarry.core.stats.RealityCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The evaluation of issue 8 at the scale of a universe (SPEC §12): every symbol's walk-forward
 * ({@link SymbolEvaluator}: all strategies, regime configurations and fee tiers) on a pool of threads, then the
 * multiple-testing layer over the symbols' out-of-sample books ({@link MultipleTesting}).
 *
 * <p>Symbols are independent, so they run in parallel with results in input order, identical to a sequential
 * run (each symbol's bootstrap is seeded from the spec's seed and its own name). Memory is each symbol's data and
 * books, nothing shared grows with the number of symbols.
 */
public final class UniverseEvaluation {
    private UniverseEvaluation() {
    }

    /**
     * Evaluates every symbol.
     *
     * @param data per symbol, in the order of the result
     * @param threads worker threads ({@code >= 1}; the machine's cores for a full run)
     * @param listener progress (thread-safe), or null
     */
    public static List<SymbolEvaluation> evaluate(List<SymbolData> data, EvaluationSpec spec, int threads,
            SymbolEvaluator.Listener listener) {
        Checks.notNull(data, "data");
        Checks.notNull(spec, "spec");
        Checks.positive(threads, "threads");
        if (data.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, data.size()), r -> {
            Thread t = new Thread(r, "universe-evaluation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SymbolEvaluation>> futures = new ArrayList<>();
            for (SymbolData d : data) {
                futures.add(pool.submit(() -> SymbolEvaluator.evaluate(d, spec, listener)));
            }
            List<SymbolEvaluation> out = new ArrayList<>(data.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw new IllegalStateException("evaluating " + data.get(i).symbol() + ": " + c.getMessage(), c);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("universe evaluation interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The multiple-testing layer over causal out-of-sample books: per tier, BH at {@code fdrLevel} over the
     * symbols' one-sided p-values of physics (full) versus naive ({@link SymbolTest}), and the reality check
     * of {@link RealityCheckOutcome} on {@code bucketHours} buckets.
     */
    public static MultipleTesting multipleTesting(List<SymbolEvaluation> evaluations, EvaluationSpec spec,
            double fdrLevel, RealityCheck.Spec realityCheck, int bucketHours) {
        Checks.notNull(evaluations, "evaluations");
        Checks.positive(bucketHours, "bucketHours");
        List<SymbolTest> tests = new ArrayList<>();
        List<RealityCheckOutcome> checks = new ArrayList<>();
        String physics = spec.physics().name();
        String naive = spec.naive().name();
        String full = RegimeConfig.FULL.cliName();
        for (FeeTier tier : spec.tiers()) {
            List<SharpeComparison> rows = new ArrayList<>();
            List<SymbolEvaluation> withRow = new ArrayList<>();
            for (SymbolEvaluation e : evaluations) {
                for (SharpeComparison c : e.significance()) {
                    if (c.compat() == Compat.CAUSAL && c.tier().equals(tier) && c.strategy().equals(physics)
                            && c.config().equals(full) && c.versus().equals(naive)) {
                        rows.add(c);
                        withRow.add(e);
                    }
                }
            }
            double[] p = new double[rows.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = SymbolTest.oneSided(rows.get(i).pValue(), rows.get(i).sharpeDiff());
            }
            BenjaminiHochberg.Result bh = BenjaminiHochberg.apply(p, fdrLevel);
            for (int i = 0; i < p.length; i++) {
                SharpeComparison c = rows.get(i);
                tests.add(new SymbolTest(c.symbol(), tier, c.cycles(), c.sharpe(), c.sharpeVersus(), c.sharpeDiff(),
                        c.ciLow(), c.ciHigh(), c.pValue(), p[i], bh.qValue(i), bh.rejected(i)));
            }
            RealityCheckOutcome rc = realityCheck(evaluations, spec, tier, realityCheck, bucketHours);
            if (rc != null) {
                checks.add(rc);
            }
        }
        return new MultipleTesting(fdrLevel, tests, checks);
    }

    /** The reality check at one tier, or null when no symbol has an out-of-sample model book. */
    static RealityCheckOutcome realityCheck(List<SymbolEvaluation> evaluations, EvaluationSpec spec, FeeTier tier,
            RealityCheck.Spec rcSpec, int bucketHours) {
        long bucket = bucketHours * 3_600_000L;
        String naive = spec.naive().name();
        String buyHold = spec.buyHold().name();
        List<String> labels = new ArrayList<>();
        List<long[]> ends = new ArrayList<>();
        List<double[]> diffs = new ArrayList<>();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (SymbolEvaluation e : evaluations) {
            StrategyResult base = null;
            for (StrategyResult r : e.results()) {
                if (r.compat() == Compat.CAUSAL && r.tier().equals(tier) && r.strategy().equals(naive)) {
                    base = r;
                }
            }
            if (base == null) {
                continue;
            }
            double[] rb = Slices.returns(base.result());
            Ledger lb = base.result().ledger();
            int first = lb.firstCycle();
            if (rb.length < 2) {
                continue;
            }
            long[] t = new long[rb.length];
            for (int i = 0; i < rb.length; i++) {
                t[i] = lb.endMs(first + i);
            }
            lo = Math.min(lo, Math.floorDiv(t[0] - 1, bucket));
            hi = Math.max(hi, Math.floorDiv(t[t.length - 1] - 1, bucket));
            for (StrategyResult r : e.results()) {
                if (r.compat() != Compat.CAUSAL || !r.tier().equals(tier) || r.strategy().equals(naive)
                        || r.strategy().equals(buyHold)) {
                    continue;
                }
                double[] rm = Slices.returns(r.result());
                Checks.check(rm.length == rb.length && r.result().ledger().firstCycle() == first,
                        "books of " + e.symbol() + " differ in their out-of-sample window");
                double[] d = new double[rm.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = rm[i] - rb[i];
                }
                labels.add(e.symbol() + " " + r.strategy() + "/" + r.config());
                ends.add(t);
                diffs.add(d);
            }
        }
        if (labels.isEmpty()) {
            return null;
        }
        int periods = Math.toIntExact(hi - lo + 1);
        double[][] d = new double[labels.size()][periods];
        for (int m = 0; m < labels.size(); m++) {
            long[] t = ends.get(m);
            double[] x = diffs.get(m);
            for (int i = 0; i < t.length; i++) {
                d[m][(int) (Math.floorDiv(t[i] - 1, bucket) - lo)] += x[i];
            }
        }
        return new RealityCheckOutcome(tier, labels, bucketHours, lo * bucket, RealityCheck.test(d, rcSpec));
    }
}
