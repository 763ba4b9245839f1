package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.execution.ChildReport;
import io.thermocarry.core.execution.ExecutionDiagnostics;
import io.thermocarry.core.execution.ExecutionEngine;
import io.thermocarry.core.execution.MarginExecution;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.execution.ExecutionModel;
import io.thermocarry.core.execution.ExecutionRequest;
import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.execution.ExecutionRules;
import io.thermocarry.core.execution.ExecutionSpec;
import io.thermocarry.core.execution.ExecutionWindow;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Unevaluated;
import io.thermocarry.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code execute}: the desk rules at execution children beside the settlement-only engine (SPEC §15). */
@Command(name = "execute", mixinStandardHelpOptions = true,
        description = "Multi-timeframe execution of the desk rules on one symbol (SPEC §15): the 1 m (or 5 m) state, "
                + "execution children (default 5m,15m) beside the settlement-only engine, every fee tier; churn, fee "
                + "drag, PnL split (units of starting capital) and Sharpe per child, and the difference against the "
                + "settlement-only run. Signals come from the hourly data as in 'signals'. --csv writes the table.")
final class ExecuteCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SignalOptions signal;

    /** --leverage > 0: the margin path of the perp leg on the state bars (exchange model). */
    @Mixin
    MarginOptions margin;

    @Option(names = "--child", defaultValue = "5m,15m", paramLabel = "5m,15m",
            description = "execution children besides the settlement-only engine (default ${DEFAULT-VALUE})")
    String children;

    @Option(names = "--fee-bps", defaultValue = "8,16,25", paramLabel = "8,16,25",
            description = "round-trip fee tiers in bps of notional (default ${DEFAULT-VALUE})")
    String feeBps;

    @Option(names = "--resolution", paramLabel = "1m|5m",
            description = "state bars: 1m or 5m (default: 1m where the store has 1 m perp and spot bars, else 5m)")
    String resolution;

    @Option(names = "--model", defaultValue = "exchange", paramLabel = "exchange|cycle-model",
            description = "fills at the next open with exchange accounting, or the cycle model's conventions "
                    + "(fills at the decision basis; only to compare with the cycle engine) (default ${DEFAULT-VALUE})")
    String model;

    @Mixin
    RuleOptions ruleOptions;

    @Override
    public Integer call() {
        Symbol symbol = common.requireOneSymbol();
        if (common.compatMode() != Compat.CAUSAL) {
            throw new UsageError("execute runs causal rules only (--compat causal)");
        }
        List<FeeTier> tiers = parse(() -> FeeTier.parseList(feeBps), "--fee-bps");
        List<Child> kids = new ArrayList<>();
        kids.add(Child.SETTLEMENT);
        for (String c : children.split(",")) {
            Child k = parse(() -> Child.parse(c), "--child");
            if (!kids.contains(k)) {
                kids.add(k);
            }
        }
        ExecutionRules rules = rules();
        ExecutionModel m = switch (model.trim().toLowerCase(Locale.ROOT)) {
            case "exchange" -> ExecutionModel.EXCHANGE;
            case "cycle-model", "cycle" -> ExecutionModel.CYCLE_MODEL;
            default -> throw new UsageError("--model '" + model + "': exchange or cycle-model");
        };
        Duration window = ruleOptions.medianWindow();
        Instant from = common.fromInstant();
        Instant to = common.toInstant();
        double leverage = margin.single();
        if (leverage > 0 && m != ExecutionModel.EXCHANGE) {
            throw new UsageError("--leverage: the margin path needs --model exchange (leg quantities and prices)");
        }
        Prepared p;
        BarInterval res;
        IntradayState state;
        BarSeries premium;
        MarginBars marginBars = null;
        try (Store store = Stores.open(common.db)) {
            p = Prepared.of(store, symbol, from, to, Compat.CAUSAL, signal);
            Instant barsFrom = from == null ? null : from.minus(window);
            res = resolution != null ? parse(() -> BarInterval.parse(resolution), "--resolution")
                    : hasPair(store, symbol, BarInterval.M1, barsFrom, to) ? BarInterval.M1 : BarInterval.M5;
            if (res.millis() > BarInterval.M15.millis()) {
                throw new UsageError("--resolution " + res.code() + ": the state needs 1m or 5m bars (15m at most)");
            }
            BarSeries perp = store.bars(symbol, Market.PERP, res, barsFrom, to);
            BarSeries spot = store.bars(symbol, Market.SPOT, res, barsFrom, to);
            if (perp.isEmpty() || spot.isEmpty()) {
                throw new JobFailed("no " + res.code() + " perp and spot bars for " + symbol
                        + MarketLoader.rangeText(from, to) + " in the store (found perp " + perp.size() + ", spot "
                        + spot.size() + "); ingest klines/" + res.code() + " files, e.g. 'thermocarry ingest "
                        + "../shared/data/binance/klines/" + res.code() + "'");
            }
            BarSeries mark = store.bars(symbol, Market.MARK, res, barsFrom, to);
            BarSeries index = store.bars(symbol, Market.INDEX, res, barsFrom, to);
            premium = store.bars(symbol, Market.PREMIUM, res, barsFrom, to);
            state = IntradayState.build(perp, spot, mark, index, window);
            if (leverage > 0) {
                marginBars = MarginBars.of(perp, spot, mark);
            }
        }
        ExecutionWindow w = ExecutionWindow.covered(p.cycles(), p.path(), state, p.firstCycle());
        if (w.evaluationCycles() == 0) {
            throw new JobFailed("the " + res.code() + " bars of " + symbol + " (" + Out.time(state.openMs(0)) + " to "
                    + Out.time(state.closeMs(state.size() - 1)) + ") cover no complete funding cycle"
                    + MarketLoader.rangeText(from, to));
        }
        ExecutionRequest base = ExecutionRequest.of(w, state, premium,
                new ExecutionSpec(Child.SETTLEMENT, rules, tiers.get(0), m));
        List<List<ExecutionResult>> runs = new ArrayList<>();
        List<Map<String, Object>> marginDocs = new ArrayList<>();
        List<List<String>> marginRows = new ArrayList<>();
        for (Child k : kids) {
            if (leverage > 0) {
                List<ExecutionResult> perChild = new ArrayList<>();
                List<MarginExecution> me = ExecutionEngine.runTiers(base.withChild(k), tiers,
                        new MarginInputs(margin.spec(symbol, leverage), marginBars));
                for (int t = 0; t < tiers.size(); t++) {
                    MarginExecution x = me.get(t);
                    perChild.add(x.result());
                    Map<String, Object> o = Out.obj();
                    o.put("child", k.code());
                    o.put("feeBps", tiers.get(t).roundTripBps());
                    o.put("minMarginRatio", Out.num(x.margin().minCoverage()));
                    o.put("liquidations", x.margin().liquidationCount());
                    o.putAll(MarginJson.outcome(x.margin()));
                    marginDocs.add(o);
                    marginRows.add(List.of(k.code(), Out.fmt(tiers.get(t).roundTripBps(), 0),
                            Out.fmt(x.margin().minCoverage(), 2), x.margin().minCoverageTime() == null ? "-"
                                    : x.margin().minCoverageTime().toString().substring(0, 16),
                            Integer.toString(x.margin().liquidationCount()),
                            Integer.toString(x.margin().transfers())));
                }
                runs.add(perChild);
            } else {
                runs.add(ExecutionEngine.runTiers(base.withChild(k), tiers));
            }
        }
        List<BacktestResult> cycleEngine = BacktestEngine.runTiers(ExecutionEngine.cycleEngineRequest(base), tiers);
        List<ChildReport> reports = new ArrayList<>();
        List<ExecutionResult> flat = new ArrayList<>();
        for (List<ExecutionResult> perChild : runs) {
            for (int t = 0; t < tiers.size(); t++) {
                reports.add(ChildReport.of(perChild.get(t), runs.get(0).get(t)));
                flat.add(perChild.get(t));
            }
        }
        if (common.csv != null) {
            Out.csv(common.csv, header(), rows(reports));
        }
        if (common.json) {
            Map<String, Object> doc = document(symbol, res, m, rules, w, state, reports, flat, cycleEngine, tiers);
            if (leverage > 0) {
                doc.put("margin", marginDocs);
            }
            Out.json(System.out, doc);
            return 0;
        }
        System.out.printf(Locale.ROOT, "%s execution (%s state, %s model, %s): %d cycles, %.1f days from %s%n", symbol,
                res.code(), m.name().toLowerCase(Locale.ROOT), describe(rules), w.evaluationCycles(), base.days(),
                Out.time(w.cycles().startMs(w.firstCycle())));
        if (state.missingBars() > 0) {
            System.out.printf(Locale.ROOT, "note: %d %s bars missing inside the state's span (decisions skip them)%n",
                    state.missingBars(), res.code());
        }
        System.out.print(Out.table(header(), rows(reports)));
        System.out.println("cycle engine (settlement-only, fills at the decision basis): "
                + cycleSummary(cycleEngine, tiers));
        if (leverage > 0) {
            System.out.println("margin path of the perp leg at " + Out.fmt(leverage, 0) + "x on the " + res.code()
                    + " state bars (the table above includes its liquidations): " + MarginJson.DEFINITION);
            System.out.print(Out.table(List.of("child", "fee bps", "min ratio", "worst bar", "liq", "transfers"),
                    marginRows));
        }
        return 0;
    }

    private ExecutionRules rules() {
        return ruleOptions.rules();
    }

    private static boolean hasPair(Store store, Symbol s, BarInterval iv, Instant from, Instant to) {
        return !store.bars(s, Market.PERP, iv, from, to).isEmpty() && !store.bars(s, Market.SPOT, iv, from, to).isEmpty();
    }

    private static <T> T parse(java.util.function.Supplier<T> f, String flag) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(flag + ": " + e.getMessage());
        }
    }

    private static String describe(ExecutionRules r) {
        return "desk r<" + Out.fmt(r.desk().relaxationSafe(), 2) + " " + r.desk().sides().name().toLowerCase(Locale.ROOT)
                + ", sizing " + r.sizing().name().toLowerCase(Locale.ROOT) + ", readmit "
                + r.readmission().name().toLowerCase(Locale.ROOT);
    }

    private static List<String> header() {
        return List.of("child", "fee bps", "trades/day", "turnover x", "fee drag %", "funding %", "basis %", "fees %",
                "total %", "Sharpe", "vs settle total %", "vs settle Sharpe");
    }

    private static List<List<String>> rows(List<ChildReport> reports) {
        List<List<String>> rows = new ArrayList<>();
        for (ChildReport c : reports) {
            rows.add(List.of(c.child(), Out.fmt(c.feeBps(), 0), Out.fmt(c.tradesPerDay(), 3), Out.fmt(c.turnover(), 2),
                    pct(c.feeDrag()), pct(c.pnl().funding()), pct(c.pnl().basis()), pct(c.pnl().fees()),
                    pct(c.pnl().total()), Out.fmt(c.sharpe(), 2), pct(c.versusSettlement().total()),
                    Out.fmt(c.versusSettlement().sharpe(), 2)));
        }
        return rows;
    }

    private static String pct(double v) {
        return Out.fmt(v * 100, 3);
    }

    private static String cycleSummary(List<BacktestResult> r, List<FeeTier> tiers) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < tiers.size(); t++) {
            var p = r.get(t).performance();
            sb.append(t == 0 ? "" : "; ").append(Out.fmt(tiers.get(t).roundTripBps(), 0)).append(" bps total ")
                    .append(pct(p.pnl().total())).append(" %, Sharpe ").append(Out.fmt(p.sharpe(), 2));
        }
        return sb.toString();
    }

    private static Map<String, Object> document(Symbol symbol, BarInterval res, ExecutionModel m, ExecutionRules rules,
            ExecutionWindow w, IntradayState state, List<ChildReport> reports, List<ExecutionResult> results,
            List<BacktestResult> cycleEngine, List<FeeTier> tiers) {
        Map<String, Object> doc = Out.obj();
        doc.put("symbol", symbol.name());
        doc.put("resolution", res.code());
        doc.put("model", m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        doc.put("from", Out.time(w.cycles().startMs(w.firstCycle())));
        doc.put("to", Out.time(w.cycles().endMs(w.cycles().size() - 1)));
        doc.put("cycles", w.evaluationCycles());
        doc.put("days", Out.num(results.get(0).days()));
        Map<String, Object> r = Out.obj();
        r.put("relaxationSafe", rules.desk().relaxationSafe());
        r.put("sides", rules.desk().sides().name());
        r.put("sizing", rules.sizing().name());
        r.put("readmission", rules.readmission().name());
        r.put("maxHoldCycles", rules.desk().maxHoldCycles());
        r.put("medianTolerancePct", rules.desk().medianTolerancePct());
        doc.put("rules", r);
        Map<String, Object> s = Out.obj();
        s.put("bars", state.size());
        s.put("first", Out.time(state.openMs(0)));
        s.put("last", Out.time(state.openMs(state.size() - 1)));
        s.put("missingBars", state.missingBars());
        s.put("unmatchedBars", state.unmatchedBars());
        s.put("medianWindowHours", state.medianWindowMs() / 3_600_000.0);
        doc.put("state", s);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            ChildReport c = reports.get(i);
            ExecutionResult x = results.get(i);
            Map<String, Object> o = Out.obj();
            o.put("child", c.child());
            o.put("feeBps", c.feeBps());
            o.put("tradesPerDay", Out.num(c.tradesPerDay()));
            o.put("turnover", Out.num(c.turnover()));
            o.put("feeDrag", Out.num(c.feeDrag()));
            o.put("pnl", Json.pnl(c.pnl()));
            o.put("sharpe", Out.num(c.sharpe()));
            o.put("trades", c.trades());
            o.put("totalReturn", Out.num(c.totalReturn()));
            o.put("maxDrawdown", Out.num(c.maxDrawdown()));
            Map<String, Object> d = Out.obj();
            d.put("funding", Out.num(c.versusSettlement().funding()));
            d.put("basis", Out.num(c.versusSettlement().basis()));
            d.put("fees", Out.num(c.versusSettlement().fees()));
            d.put("total", Out.num(c.versusSettlement().total()));
            d.put("sharpe", Out.num(c.versusSettlement().sharpe()));
            d.put("turnover", Out.num(c.versusSettlement().turnover()));
            d.put("tradesPerDay", Out.num(c.versusSettlement().tradesPerDay()));
            o.put("vsSettlement", d);
            ExecutionDiagnostics g = x.diagnostics();
            o.put("decisions", g.decisions());
            o.put("fills", g.fills());
            o.put("intraIntervalExits", g.intraIntervalExits());
            o.put("shrinks", g.shrinks());
            o.put("blockedAdmissions", g.blockedAdmissions());
            Map<String, Object> exits = Out.obj();
            for (ExitReason e : ExitReason.values()) {
                if (g.exits(e) > 0) {
                    exits.put(e.name(), g.exits(e));
                }
            }
            o.put("exits", exits);
            Map<String, Object> ne = Out.obj();
            ne.put("median", g.medianNotEvaluated());
            ne.put("predictedFunding", g.predictedFundingNotEvaluated());
            ne.put("fundingRate", g.fundingNotEvaluated());
            ne.put("markPriceProxied", g.markProxied());
            for (Unevaluated u : Unevaluated.values()) {
                ne.put(u.name(), g.unevaluated().getOrDefault(u, 0));
            }
            o.put("notEvaluated", ne);
            o.put("incompleteChildBars", g.incompleteChildBars());
            o.put("lateSettlementDecisions", g.lateSettlementDecisions());
            o.put("cancelledOrders", g.cancelledOrders());
            o.put("markedMaxDrawdown", Out.num(g.markedMaxDrawdown()));
            o.put("ruined", g.ruined());
            list.add(o);
        }
        doc.put("children", list);
        List<Object> ce = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            var p = cycleEngine.get(t).performance();
            Map<String, Object> o = Out.obj();
            o.put("feeBps", tiers.get(t).roundTripBps());
            o.put("pnl", Json.pnl(p.pnl()));
            o.put("sharpe", Out.num(p.sharpe()));
            o.put("trades", p.tradeCount());
            o.put("turnover", Out.num(p.turnover()));
            ce.add(o);
        }
        doc.put("cycleEngine", ce);
        return doc;
    }
}
