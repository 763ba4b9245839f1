package io.thermocarry.app;

import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.portfolio.AllocationFit;
import io.thermocarry.core.portfolio.AllocationRun;
import io.thermocarry.core.portfolio.BookComparison;
import io.thermocarry.core.portfolio.Correlations;
import io.thermocarry.core.portfolio.CycleHole;
import io.thermocarry.core.portfolio.Exclusion;
import io.thermocarry.core.portfolio.MultipleTesting;
import io.thermocarry.core.portfolio.PortfolioFold;
import io.thermocarry.core.portfolio.PortfolioResult;
import io.thermocarry.core.portfolio.PortfolioRun;
import io.thermocarry.core.portfolio.RealityCheckOutcome;
import io.thermocarry.core.portfolio.SleeveResult;
import io.thermocarry.core.portfolio.SymbolMarket;
import io.thermocarry.core.portfolio.SymbolTest;
import io.thermocarry.core.portfolio.UniverseMember;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.stats.RealityCheck;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code portfolio} outputs: the JSON document (CLI.md fields, extended), the text summary and the CSV. */
final class PortfolioOutput {
    /** What the multiple-testing document says it ran. */
    static final String BH_METHOD = "Benjamini-Hochberg step-up across symbols per fee tier, on one-sided p-values "
            + "of physics (full) minus fair naive (causal) out-of-sample Sharpe from the evaluation's paired circular "
            + "block bootstrap";
    static final String RC_METHOD = "Hansen's SPA (consistent p-value, studentized by the stationary bootstrap's "
            + "closed-form variance) over every (symbol, strategy, configuration) versus naive on the same symbol, "
            + "with White's reality check; stationary bootstrap on 8 h calendar buckets";

    private PortfolioOutput() {
    }

    static Map<String, Object> document(PortfolioRun run, String evaluationRunId, RegimeConfig config) {
        Map<String, Object> doc = Out.obj();
        doc.put("runId", run.runId());
        doc.put("symbols", run.candidates().stream().map(Object::toString).toList());
        AllocationRun head = run.headline();
        doc.put("allocation", head.allocation().method().cliName());
        doc.put("universe", run.request().automatic() ? "auto" : "list");
        doc.put("sleeve", run.request().spec().sleeve().name());
        doc.put("config", config.cliName());
        Map<String, Object> caps = Out.obj();
        caps.put("symbolCap", head.allocation().symbolCap());
        caps.put("grossCap", head.allocation().grossCap());
        caps.put("carryRiskCap", head.allocation().carryRiskCap());
        doc.put("caps", caps);
        Map<String, Object> wf = Out.obj();
        wf.put("trainDays", run.request().spec().train().toDays());
        wf.put("testDays", run.request().spec().test().toDays());
        wf.put("folds", head.plan().folds().size());
        wf.put("oosStart", head.plan().folds().isEmpty() ? null : Out.time(head.plan().startMs()));
        wf.put("oosEnd", head.plan().folds().isEmpty() ? null : Out.time(head.plan().endMs()));
        doc.put("walkForward", wf);
        doc.put("tiers", tiers(head));
        List<Object> allocations = new ArrayList<>();
        for (AllocationRun a : run.allocations()) {
            Map<String, Object> m = Out.obj();
            m.put("allocation", a.allocation().method().cliName());
            m.put("tiers", tiers(a));
            m.put("sleeveCorrelation", matrix(a.sleeveCorrelation()));
            allocations.add(m);
        }
        doc.put("allocations", allocations);
        doc.put("excluded", exclusions(run.staticExclusions()));
        doc.put("rebalances", folds(head));
        List<Object> holes = new ArrayList<>();
        for (SymbolMarket m : run.markets()) {
            for (CycleHole h : m.holes()) {
                Map<String, Object> x = Out.obj();
                x.put("symbol", m.symbol().name());
                x.put("kind", h.kind().name());
                x.put("start", Out.time(h.startMs()));
                x.put("end", Out.time(h.endMs()));
                x.put("cycles", h.cycles());
                holes.add(x);
            }
        }
        doc.put("holes", holes);
        doc.put("carryCorrelation", matrix(run.carryCorrelation()));
        doc.put("multipleTesting", multipleTesting(run.multipleTesting(), evaluationRunId));
        return doc;
    }

    private static List<Object> tiers(AllocationRun a) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.results().size(); i++) {
            PortfolioResult r = a.results().get(i);
            Map<String, Object> t = Out.obj();
            t.put("feeBps", r.tier().roundTripBps());
            t.put("oos", oos(r));
            t.put("perSymbol", perSymbol(r));
            if (!a.baseline().isEmpty()) {
                PortfolioResult b = a.baseline().get(i);
                Map<String, Object> base = Out.obj();
                base.put("strategy", "naive");
                base.put("oos", oos(b));
                base.put("perSymbol", perSymbol(b));
                t.put("baseline", base);
                BookComparison c = a.comparisons().get(i);
                Map<String, Object> v = Out.obj();
                v.put("versus", "naive");
                v.put("sharpe", Out.num(c.sharpe()));
                v.put("sharpeBaseline", Out.num(c.sharpeBaseline()));
                v.put("sharpeDiff", Out.num(c.sharpeDiff()));
                v.put("ciLow", Out.num(c.ciLow()));
                v.put("ciHigh", Out.num(c.ciHigh()));
                v.put("pValue", Out.num(c.pValue()));
                v.put("rows", c.rows());
                t.put("versusBaseline", v);
            }
            out.add(t);
        }
        return out;
    }

    private static Map<String, Object> oos(PortfolioResult r) {
        Map<String, Object> m = Json.metrics(r.performance());
        m.put("ruined", r.ruined());
        m.put("rows", r.ledger().size());
        return m;
    }

    private static List<Object> perSymbol(PortfolioResult r) {
        List<Object> out = new ArrayList<>();
        for (SleeveResult s : r.sleeves()) {
            Map<String, Object> m = Out.obj();
            m.put("symbol", s.symbol().name());
            m.put("weight", Out.num(s.meanWeight()));
            m.put("pnl", Json.pnl(s.pnl()));
            m.put("cycles", s.size());
            m.put("cyclesHeld", s.cyclesHeld());
            m.put("trades", s.trades().size());
            SleeveResult.Diagnostics d = s.diagnostics();
            m.put("holeCycles", d.holeCycles());
            m.put("excludedCycles", d.excludedCycles());
            m.put("symbolCapCuts", d.symbolCapCuts());
            m.put("grossCapCuts", d.grossCapCuts());
            m.put("fundingNotEvaluated", d.fundingNotEvaluated());
            m.put("basisNotEvaluated", d.basisNotEvaluated());
            out.add(m);
        }
        return out;
    }

    private static List<Object> exclusions(List<Exclusion> xs) {
        List<Object> out = new ArrayList<>();
        for (Exclusion x : xs) {
            Map<String, Object> m = Out.obj();
            m.put("symbol", x.symbol().name());
            m.put("reason", x.reason().name());
            m.put("detail", x.detail());
            out.add(m);
        }
        return out;
    }

    private static List<Object> folds(AllocationRun a) {
        List<Object> out = new ArrayList<>();
        for (PortfolioFold f : a.plan().folds()) {
            Map<String, Object> m = Out.obj();
            m.put("fold", f.index());
            m.put("start", Out.time(f.startMs()));
            m.put("end", Out.time(f.endMs()));
            List<Object> members = new ArrayList<>();
            for (int i = 0; i < f.selection().members().size(); i++) {
                UniverseMember u = f.selection().members().get(i);
                AllocationFit fit = f.fits().get(i);
                Map<String, Object> x = Out.obj();
                x.put("symbol", u.symbol().name());
                x.put("weight", Out.num(fit.weight()));
                x.put("capped", fit.capped());
                x.put("basisVolatility", Out.num(fit.basisVolatility()));
                x.put("carry", Out.num(fit.carry()));
                x.put("carryToRisk", Out.num(fit.carryToRisk()));
                x.put("historyCycles", u.historyCycles());
                x.put("fundingCoverage", Out.num(u.fundingCoverage()));
                x.put("basisCoverage", Out.num(u.basisCoverage()));
                x.put("quoteVolume", Out.num(u.pairQuoteVolume()));
                members.add(x);
            }
            m.put("members", members);
            m.put("excluded", exclusions(f.selection().exclusions()));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> matrix(Correlations.Matrix c) {
        Map<String, Object> m = Out.obj();
        m.put("what", c.what());
        m.put("symbols", c.symbols().stream().map(Object::toString).toList());
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < c.symbols().size(); i++) {
            double[] row = new double[c.symbols().size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = c.get(i, j);
            }
            rows.add(row);
        }
        m.put("matrix", rows);
        m.put("meanOffDiagonal", Out.num(c.meanOffDiagonal()));
        return m;
    }

    private static Map<String, Object> multipleTesting(MultipleTesting t, String evaluationRunId) {
        Map<String, Object> m = Out.obj();
        if (t == null) {
            m.put("skipped", true);
            return m;
        }
        m.put("evaluationRunId", evaluationRunId);
        m.put("fdrLevel", t.fdrLevel());
        m.put("method", BH_METHOD);
        List<Object> per = new ArrayList<>();
        for (SymbolTest s : t.symbolTests()) {
            Map<String, Object> x = Out.obj();
            x.put("symbol", s.symbol().name());
            x.put("feeBps", s.tier().roundTripBps());
            x.put("cycles", s.cycles());
            x.put("sharpePhysics", Out.num(s.sharpePhysics()));
            x.put("sharpeNaive", Out.num(s.sharpeNaive()));
            x.put("sharpeDiff", Out.num(s.sharpeDiff()));
            x.put("ciLow", Out.num(s.ciLow()));
            x.put("ciHigh", Out.num(s.ciHigh()));
            x.put("pTwoSided", Out.num(s.pTwoSided()));
            x.put("pValue", Out.num(s.pOneSided()));
            x.put("qValue", Out.num(s.qValue()));
            x.put("discovery", s.discovery());
            per.add(x);
        }
        m.put("perSymbol", per);
        List<Object> rcs = new ArrayList<>();
        for (RealityCheckOutcome o : t.realityChecks()) {
            RealityCheck.Result r = o.result();
            Map<String, Object> x = Out.obj();
            x.put("feeBps", o.tier().roundTripBps());
            x.put("method", RC_METHOD);
            x.put("models", r.models());
            x.put("periods", r.periods());
            x.put("bucketHours", o.bucketHours());
            x.put("best", o.best());
            x.put("bestExcessPerYear", Out.num(o.bestExcessPerYear()));
            x.put("bestT", r.bestByT() < 0 ? null : Out.num(r.tStatistics()[r.bestByT()]));
            x.put("spaPValue", r.spaPValueConsistent());
            x.put("spaPValueLower", r.spaPValueLower());
            x.put("spaPValueUpper", r.spaPValueUpper());
            x.put("whitePValue", r.whitePValue());
            x.put("resamples", r.spec().resamples());
            x.put("meanBlockLength", r.spec().meanBlockLength());
            rcs.add(x);
        }
        m.put("realityCheck", rcs);
        return m;
    }

    static void print(PrintStream out, PortfolioRun run, String evaluationRunId) {
        AllocationRun head = run.headline();
        out.printf("portfolio run %s: %d candidates %s, sleeve %s, %d folds from %s%n", run.runId(),
                run.candidates().size(), run.candidates(), run.request().spec().sleeve().name(),
                head.plan().folds().size(), head.plan().folds().isEmpty() ? "-" : Out.time(head.plan().startMs()));
        for (Exclusion x : run.staticExclusions()) {
            out.printf("  not a candidate: %s %s (%s)%n", x.symbol(), x.reason(), x.detail());
        }
        List<List<String>> rows = new ArrayList<>();
        for (AllocationRun a : run.allocations()) {
            for (int i = 0; i < a.results().size(); i++) {
                Performance p = a.results().get(i).performance();
                BookComparison c = a.comparisons().isEmpty() ? null : a.comparisons().get(i);
                rows.add(List.of(a.allocation().method().cliName(), Out.fmt(a.results().get(i).tier().roundTripBps(), 0),
                        pct(p.totalReturn()), pct(p.annualReturn()), Out.fmt(p.sharpe(), 2), pct(p.maxDrawdown()),
                        pct(p.cvar5()), pct(p.pnl().funding()), pct(p.pnl().basis()), pct(p.pnl().fees()),
                        Out.fmt(p.turnover(), 1), c == null ? "-" : Out.fmt(c.sharpeBaseline(), 2),
                        c == null ? "-" : Out.fmt(c.sharpeDiff(), 2) + " [" + Out.fmt(c.ciLow(), 2) + ", "
                                + Out.fmt(c.ciHigh(), 2) + "] p=" + Out.fmt(c.pValue(), 3)));
            }
        }
        out.println();
        out.println("out-of-sample portfolio (PnL in % of starting capital; naive = the same plan with naive sleeves)");
        out.print(Out.table(List.of("allocation", "fee bps", "total %", "annual %", "Sharpe", "maxDD %", "CVaR5 %",
                "funding %", "basis %", "fees %", "turnover x", "naive Sharpe", "diff [95% CI] p"), rows));
        PortfolioResult mid = head.results().get(head.results().size() / 2);
        List<List<String>> sym = new ArrayList<>();
        for (SleeveResult s : mid.sleeves()) {
            sym.add(List.of(s.symbol().name(), Out.fmt(s.meanWeight(), 3), Integer.toString(s.cyclesHeld()),
                    Integer.toString(s.trades().size()), pct(s.pnl().funding()), pct(s.pnl().basis()),
                    pct(s.pnl().fees()), pct(s.pnl().total()), Integer.toString(s.diagnostics().holeCycles()),
                    Integer.toString(s.diagnostics().excludedCycles())));
        }
        out.println();
        out.printf("per symbol (%s, %s bps)%n", head.allocation().method().cliName(), Out.fmt(mid.tier().roundTripBps(), 0));
        out.print(Out.table(List.of("symbol", "mean weight", "cycles held", "trades", "funding %", "basis %", "fees %",
                "total %", "hole cycles", "excluded cycles"), sym));
        MultipleTesting t = run.multipleTesting();
        if (t != null) {
            List<List<String>> mt = new ArrayList<>();
            for (SymbolTest s : t.symbolTests()) {
                mt.add(List.of(s.symbol().name(), Out.fmt(s.tier().roundTripBps(), 0), Integer.toString(s.cycles()),
                        Out.fmt(s.sharpePhysics(), 2), Out.fmt(s.sharpeNaive(), 2), Out.fmt(s.sharpeDiff(), 2),
                        Out.fmt(s.pOneSided(), 4), Out.fmt(s.qValue(), 4), s.discovery() ? "yes" : "no"));
            }
            out.println();
            out.printf("physics (full) beats fair naive? one-sided p, BH q at FDR %s (evaluation run %s)%n",
                    Out.fmt(t.fdrLevel(), 2), evaluationRunId);
            out.print(Out.table(List.of("symbol", "fee bps", "cycles", "Sharpe physics", "Sharpe naive", "diff", "p",
                    "q", "discovery"), mt));
            for (RealityCheckOutcome o : t.realityChecks()) {
                RealityCheck.Result r = o.result();
                out.printf("reality check %s bps: best %s (excess %s %%/yr, t %s) of %d models over %d periods: "
                        + "SPA p %s (lower %s, upper %s), White p %s%n", Out.fmt(o.tier().roundTripBps(), 0), o.best(),
                        Out.fmt(o.bestExcessPerYear() * 100, 2),
                        r.bestByT() < 0 ? "-" : Out.fmt(r.tStatistics()[r.bestByT()], 2), r.models(), r.periods(),
                        Out.fmt(r.spaPValueConsistent(), 4), Out.fmt(r.spaPValueLower(), 4),
                        Out.fmt(r.spaPValueUpper(), 4), Out.fmt(r.whitePValue(), 4));
            }
        }
        out.printf("%nmean correlation of unit carries %s; of sleeve PnL %s%n",
                Out.fmt(run.carryCorrelation().meanOffDiagonal(), 3), Out.fmt(head.sleeveCorrelation().meanOffDiagonal(), 3));
    }

    private static String pct(double v) {
        return Out.fmt(v * 100, 2);
    }

    /** The per-symbol table: every allocation, strategy (sleeve and naive baseline) and tier. */
    static void csv(Path file, PortfolioRun run) {
        List<String> header = List.of("allocation", "strategy", "feeBps", "symbol", "meanWeight", "cycles", "cyclesHeld",
                "trades", "funding", "basis", "fees", "total", "holeCycles", "excludedCycles");
        List<List<String>> rows = new ArrayList<>();
        for (AllocationRun a : run.allocations()) {
            String alloc = a.allocation().method().cliName();
            List<PortfolioResult> books = new ArrayList<>(a.results());
            books.addAll(a.baseline());
            for (int i = 0; i < books.size(); i++) {
                PortfolioResult r = books.get(i);
                String strategy = i < a.results().size() ? run.request().spec().sleeve().name() : "naive";
                for (SleeveResult s : r.sleeves()) {
                    rows.add(List.of(alloc, strategy, Out.csvNum(r.tier().roundTripBps()), s.symbol().name(),
                            Out.csvNum(s.meanWeight()), Integer.toString(s.size()), Integer.toString(s.cyclesHeld()),
                            Integer.toString(s.trades().size()), Out.csvNum(s.pnl().funding()),
                            Out.csvNum(s.pnl().basis()), Out.csvNum(s.pnl().fees()), Out.csvNum(s.pnl().total()),
                            Integer.toString(s.diagnostics().holeCycles()),
                            Integer.toString(s.diagnostics().excludedCycles())));
                }
            }
        }
        Out.csv(file, header, rows);
    }
}
