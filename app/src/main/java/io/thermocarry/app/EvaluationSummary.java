package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.evaluation.BucketRow;
import io.thermocarry.core.evaluation.BucketScheme;
import io.thermocarry.core.evaluation.DecompositionRow;
import io.thermocarry.core.evaluation.EvaluationRun;
import io.thermocarry.core.evaluation.FoldLayout;
import io.thermocarry.core.evaluation.SharpeComparison;
import io.thermocarry.core.evaluation.StrategyResult;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printed summary of {@code evaluate}. Its headline per book is the money (total and annual return, maximum
 * drawdown, the funding / basis / fees split) before the Sharpe ratio, which is shown with its bootstrap
 * interval.
 */
final class EvaluationSummary {
    private EvaluationSummary() {
    }

    static void print(PrintStream out, EvaluationRun run) {
        out.printf("evaluate run %s: walk-forward %d training / %d test cycles, %d block-bootstrap resamples of %d"
                + " cycles; money in %% of starting capital, out of sample only%n", run.runId(),
                run.request().spec().walkForward().trainCycles(), run.request().spec().walkForward().testCycles(),
                run.request().spec().bootstrap().resamples(), run.request().spec().bootstrap().blockLength());
        for (SymbolEvaluation s : run.symbols()) {
            for (FoldLayout l : s.layouts()) {
                books(out, s, l);
            }
            significance(out, s);
            buckets(out, s);
            decomposition(out, s);
        }
    }

    private static String pct(double v) {
        return Out.fmt(v * 100, 2);
    }

    private static String bp(double v) {
        return Out.fmt(v * 1e4, 2);
    }

    private static String compat(Compat c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    private static void books(PrintStream out, SymbolEvaluation s, FoldLayout l) {
        out.println();
        if (l.folds().isEmpty()) {
            out.printf("%s %s: no fold (%d cycles, first signal decision at cycle %d: too short for one training window"
                    + " and a test cycle)%n", s.symbol(), compat(l.compat()), l.cycles(), l.firstDecision());
            return;
        }
        out.printf("%s %s: %d out-of-sample cycles in %d folds, %s → %s%s%n", s.symbol(), compat(l.compat()),
                l.oosCycles(), l.folds().size(), Out.time(l.startMs()), Out.time(l.endMs()),
                s.settlementsAfterBasis() > 0 ? " (" + s.settlementsAfterBasis()
                        + " settlements after the last basis observation left out)" : "");
        List<List<String>> rows = new ArrayList<>();
        for (StrategyResult r : s.results()) {
            if (r.compat() != l.compat()) {
                continue;
            }
            Performance p = r.oos();
            rows.add(List.of(r.strategy(), r.config(), Out.fmt(r.tier().roundTripBps(), 0), pct(p.totalReturn()),
                    pct(p.annualReturn()), pct(p.maxDrawdown()), pct(p.pnl().funding()), pct(p.pnl().basis()),
                    pct(p.pnl().price()), pct(p.pnl().fees()), Out.fmt(p.sharpe(), 2) + " [" + Out.fmt(r.sharpeInterval().low(), 2)
                            + ", " + Out.fmt(r.sharpeInterval().high(), 2) + "]", pct(p.cvar5()),
                    Integer.toString(p.tradeCount()), Out.fmt(p.turnover(), 1)));
        }
        out.print(Out.table(List.of("strategy", "config", "bps", "total %", "annual %", "maxDD %", "funding %",
                "basis %", "price %", "fees %", "Sharpe [95% CI]", "CVaR5 %", "trades", "turnover x"), rows));
    }

    private static void significance(PrintStream out, SymbolEvaluation s) {
        if (s.significance().isEmpty()) {
            return;
        }
        out.printf("%s out-of-sample Sharpe differences (paired circular block bootstrap on the same resampled cycles;"
                + " * = the 95%% interval excludes 0):%n", s.symbol());
        for (SharpeComparison c : s.significance()) {
            out.printf(Locale.ROOT, "  %-9s %3.0f bps  %-30s − %-30s %+6.2f  [%+6.2f, %+6.2f]  p=%.4f%s%n",
                    compat(c.compat()), c.tier().roundTripBps(), c.strategy() + " (" + c.config() + ")",
                    c.versus() + " (" + c.versusConfig() + ")", c.sharpeDiff(), c.ciLow(), c.ciHigh(), c.pValue(),
                    c.excludesZero() ? "  *" : "");
        }
    }

    private static void buckets(PrintStream out, SymbolEvaluation s) {
        List<List<String>> rows = new ArrayList<>();
        for (BucketRow b : s.buckets()) {
            if (b.scheme() == BucketScheme.RELAXATION_FIXED_BY_ENTROPY_TERCILE) {
                continue;
            }
            rows.add(List.of(compat(b.compat()), b.scheme() == BucketScheme.RELAXATION_FIXED ? "fixed" : "quintile",
                    b.label(), Integer.toString(b.count()), bp(b.meanTotal()), bp(b.meanFunding()), bp(b.meanBasis()),
                    bp(b.medianTotal()), Out.fmt(b.hitRate(), 3), Out.fmt(b.convergenceShare(), 3),
                    bp(b.worstDecile()), bp(b.worstDecileMean())));
        }
        if (rows.isEmpty()) {
            return;
        }
        out.printf("%s next-cycle carry of a unit short basis by relaxation ratio (bp of notional):%n", s.symbol());
        out.print(Out.table(List.of("compat", "scheme", "bucket", "n", "mean", "funding", "basis", "median", "hit",
                "|b| shrank", "p10", "worst 10% mean"), rows));
        List<List<String>> grid = new ArrayList<>();
        for (BucketRow b : s.buckets()) {
            if (b.scheme() != BucketScheme.RELAXATION_FIXED_BY_ENTROPY_TERCILE || b.entropyBucket() != 0) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(compat(b.compat()), b.label().split(" ")[0]));
            for (BucketRow c : s.buckets()) {
                if (c.scheme() == b.scheme() && c.compat() == b.compat() && c.bucket() == b.bucket()) {
                    row.add(bp(c.meanTotal()) + " / " + Out.fmt(c.hitRate(), 2) + " (" + c.count() + ")");
                }
            }
            grid.add(row);
        }
        if (!grid.isEmpty()) {
            out.printf("%s the same by relaxation bucket × entropy-rate tercile: mean bp / hit rate (n)%n", s.symbol());
            out.print(Out.table(List.of("compat", "bucket", "entropy low", "entropy mid", "entropy high"), grid));
        }
    }

    private static void decomposition(PrintStream out, SymbolEvaluation s) {
        if (s.decomposition().isEmpty()) {
            return;
        }
        out.printf("%s where the published edge comes from (physics vs naive, %% of capital):%n", s.symbol());
        List<List<String>> rows = new ArrayList<>();
        List<DecompositionRow> d = s.decomposition();
        for (int i = 0; i < d.size(); i++) {
            DecompositionRow a = d.get(i);
            if (!a.strategy().equals("physics")) {
                continue;
            }
            DecompositionRow b = null;
            for (DecompositionRow x : d) {
                if (x.step() == a.step() && !x.strategy().equals("physics") && x.tier().equals(a.tier())) {
                    b = x;
                }
            }
            Performance p = a.performance();
            Performance q = b == null ? null : b.performance();
            rows.add(List.of((a.step().ordinal() + 1) + " " + a.step().label(), Out.fmt(a.tier().roundTripBps(), 0),
                    Out.fmt(p.sharpe(), 2), q == null ? "-" : Out.fmt(q.sharpe(), 2), pct(p.totalReturn()),
                    q == null ? "-" : pct(q.totalReturn()), pct(p.pnl().funding()) + "/" + pct(p.pnl().basis()) + "/"
                            + pct(p.pnl().fees()),
                    q == null ? "-" : pct(q.pnl().funding()) + "/" + pct(q.pnl().basis()) + "/" + pct(q.pnl().fees()),
                    Out.fmt(p.referenceSharpe(), 2), q == null ? "-" : Out.fmt(q.referenceSharpe(), 2)));
        }
        out.print(Out.table(List.of("step", "bps", "Sharpe phys", "Sharpe naive", "total % phys", "total % naive",
                "phys f/b/fees %", "naive f/b/fees %", "ref-Sharpe phys", "ref-Sharpe naive"), rows));
    }
}
