package io.thermocarry.app;

import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.evaluation.BucketRow;
import io.thermocarry.core.evaluation.DecompositionRow;
import io.thermocarry.core.evaluation.EvaluationRun;
import io.thermocarry.core.evaluation.FoldFit;
import io.thermocarry.core.evaluation.FoldLayout;
import io.thermocarry.core.evaluation.SharpeComparison;
import io.thermocarry.core.evaluation.StrategyResult;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.TunedChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code evaluate --json} document (CLI.md field names, extended). */
final class EvaluationJson {
    private EvaluationJson() {
    }

    static Map<String, Object> document(EvaluationRun run) {
        Map<String, Object> doc = Out.obj();
        doc.put("runId", run.runId());
        List<Object> syms = new ArrayList<>();
        int folds = 0;
        List<Object> layouts = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        List<Object> buckets = new ArrayList<>();
        List<Object> significance = new ArrayList<>();
        List<Object> decomposition = new ArrayList<>();
        List<Object> fits = new ArrayList<>();
        for (SymbolEvaluation s : run.symbols()) {
            syms.add(s.symbol().name());
            for (FoldLayout l : s.layouts()) {
                folds += l.folds().size();
                layouts.add(layout(s, l));
            }
            for (StrategyResult r : s.results()) {
                results.add(result(r));
            }
            for (BucketRow b : s.buckets()) {
                buckets.add(bucket(b));
            }
            for (SharpeComparison c : s.significance()) {
                significance.add(comparison(c));
            }
            for (DecompositionRow d : s.decomposition()) {
                decomposition.add(decomposition(d));
            }
            for (FoldFit f : s.fits()) {
                fits.add(fit(s, f));
            }
        }
        doc.put("symbols", syms);
        doc.put("folds", folds);
        Map<String, Object> wf = Out.obj();
        wf.put("trainCycles", run.request().spec().walkForward().trainCycles());
        wf.put("testCycles", run.request().spec().walkForward().testCycles());
        doc.put("walkForward", wf);
        Map<String, Object> boot = Out.obj();
        boot.put("resamples", run.request().spec().bootstrap().resamples());
        boot.put("blockLength", run.request().spec().bootstrap().blockLength());
        boot.put("seed", run.request().spec().bootstrap().seed());
        boot.put("level", run.request().spec().bootstrap().level());
        doc.put("bootstrap", boot);
        doc.put("tune", run.request().spec().tune() == null ? null : run.request().spec().tune().canonical());
        doc.put("layouts", layouts);
        doc.put("results", results);
        doc.put("buckets", buckets);
        doc.put("significance", significance);
        doc.put("decomposition", decomposition);
        doc.put("fits", fits);
        return doc;
    }

    private static String compat(io.thermocarry.core.Compat c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> layout(SymbolEvaluation s, FoldLayout l) {
        Map<String, Object> m = Out.obj();
        m.put("symbol", s.symbol().name());
        m.put("compat", compat(l.compat()));
        m.put("cycles", l.cycles());
        m.put("firstDecision", l.firstDecision());
        m.put("folds", l.folds().size());
        m.put("oosCycles", l.oosCycles());
        m.put("oosStart", l.folds().isEmpty() ? null : Out.time(l.startMs()));
        m.put("oosEnd", l.folds().isEmpty() ? null : Out.time(l.endMs()));
        m.put("settlementsAfterBasis", s.settlementsAfterBasis());
        return m;
    }

    private static Map<String, Object> result(StrategyResult r) {
        Map<String, Object> m = Out.obj();
        m.put("symbol", r.symbol().name());
        m.put("strategy", r.strategy());
        m.put("config", r.config());
        m.put("feeBps", r.tier().roundTripBps());
        m.put("compat", compat(r.compat()));
        Map<String, Object> oos = Json.metrics(r.oos());
        oos.put("sharpeCiLow", Out.num(r.sharpeInterval().low()));
        oos.put("sharpeCiHigh", Out.num(r.sharpeInterval().high()));
        oos.put("ruined", r.result().diagnostics().ruined());
        oos.put("basisNotEvaluated", r.result().diagnostics().basisNotEvaluated());
        oos.put("fundingNotEvaluated", r.result().diagnostics().fundingNotEvaluated());
        m.put("oos", oos);
        m.put("folds", r.folds().size());
        return m;
    }

    private static Map<String, Object> bucket(BucketRow b) {
        Map<String, Object> m = Out.obj();
        m.put("symbol", b.symbol().name());
        m.put("compat", compat(b.compat()));
        m.put("scheme", b.scheme().name().toLowerCase(Locale.ROOT));
        m.put("bucket", b.bucket());
        m.put("entropyBucket", b.entropyBucket());
        m.put("label", b.label());
        m.put("relaxationLow", Out.num(b.relaxationLow()));
        m.put("relaxationHigh", Out.num(b.relaxationHigh()));
        m.put("entropyLow", Out.num(b.entropyLow()));
        m.put("entropyHigh", Out.num(b.entropyHigh()));
        m.put("count", b.count());
        m.put("meanTotal", Out.num(b.meanTotal()));
        m.put("meanFunding", Out.num(b.meanFunding()));
        m.put("meanBasis", Out.num(b.meanBasis()));
        m.put("medianTotal", Out.num(b.medianTotal()));
        m.put("medianFunding", Out.num(b.medianFunding()));
        m.put("medianBasis", Out.num(b.medianBasis()));
        m.put("hitRate", Out.num(b.hitRate()));
        m.put("convergenceShare", Out.num(b.convergenceShare()));
        m.put("worstDecile", Out.num(b.worstDecile()));
        m.put("worstDecileMean", Out.num(b.worstDecileMean()));
        return m;
    }

    private static Map<String, Object> comparison(SharpeComparison c) {
        Map<String, Object> m = Out.obj();
        m.put("symbol", c.symbol().name());
        m.put("versus", c.versus());
        m.put("sharpeDiff", Out.num(c.sharpeDiff()));
        m.put("ciLow", Out.num(c.ciLow()));
        m.put("ciHigh", Out.num(c.ciHigh()));
        m.put("pValue", Out.num(c.pValue()));
        m.put("strategy", c.strategy());
        m.put("config", c.config());
        m.put("versusConfig", c.versusConfig());
        m.put("feeBps", c.tier().roundTripBps());
        m.put("compat", compat(c.compat()));
        m.put("sharpe", Out.num(c.sharpe()));
        m.put("sharpeVersus", Out.num(c.sharpeVersus()));
        m.put("level", c.level());
        m.put("resamples", c.resamples());
        m.put("blockLength", c.blockLength());
        m.put("cycles", c.cycles());
        return m;
    }

    private static Map<String, Object> decomposition(DecompositionRow d) {
        Performance p = d.performance();
        Map<String, Object> m = Out.obj();
        m.put("symbol", d.symbol().name());
        m.put("step", d.step().ordinal() + 1);
        m.put("stepName", d.step().name());
        m.put("stepLabel", d.step().label());
        m.put("strategy", d.strategy());
        m.put("feeBps", d.tier().roundTripBps());
        m.put("engineRules", compat(d.engineRules()));
        m.put("cycles", p.cycles());
        m.put("sharpe", Out.num(p.sharpe()));
        m.put("referenceSharpe", Out.num(p.referenceSharpe()));
        m.put("totalReturn", Out.num(p.totalReturn()));
        m.put("annualReturn", Out.num(p.annualReturn()));
        m.put("maxDrawdown", Out.num(p.maxDrawdown()));
        m.put("pnl", Json.pnl(p.pnl()));
        return m;
    }

    private static Map<String, Object> fit(SymbolEvaluation s, FoldFit f) {
        Map<String, Object> m = Out.obj();
        m.put("symbol", s.symbol().name());
        m.put("compat", compat(f.compat()));
        m.put("fold", f.fold().index());
        m.put("trainStart", Out.time(f.trainStartMs()));
        m.put("testStart", Out.time(f.decisionTimeMs()));
        m.put("testEnd", Out.time(f.testEndMs()));
        m.put("entropyNessThreshold", Out.num(f.entropyNessThreshold()));
        m.put("entropyEquilibriumThreshold", Out.num(f.entropyEquilibriumThreshold()));
        m.put("jeDangerThreshold", Out.num(f.jeDangerThreshold()));
        List<Object> tuned = new ArrayList<>();
        for (TunedChoice c : f.tuned()) {
            Map<String, Object> t = Out.obj();
            t.put("feeBps", c.tier().roundTripBps());
            t.put("relaxationDanger", c.relaxationDanger());
            t.put("baseFraction", c.baseFraction());
            t.put("trainingReturn", Out.num(c.trainingReturn()));
            t.put("trainingMaxDrawdown", Out.num(c.trainingMaxDrawdown()));
            t.put("trainingSharpe", Out.num(c.trainingSharpe()));
            t.put("withinBudget", c.withinBudget());
            tuned.add(t);
        }
        m.put("tuned", tuned);
        return m;
    }
}
