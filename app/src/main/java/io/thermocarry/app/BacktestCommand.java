package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.RiskComparison;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.marginrisk.MarginReport;
import io.thermocarry.core.marginrisk.MarginStudy;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.Unevaluated;
import io.thermocarry.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backtest}: one strategy on one symbol at every fee tier (SPEC §6–§7). */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "One strategy on one symbol at every fee tier: the two-leg carry ledger with PnL split into "
                + "funding, basis and fees (in units of starting capital). --csv writes the per-cycle ledger.")
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SignalOptions signal;

    @Mixin
    MarginOptions margin;

    @Option(names = "--strategy", defaultValue = "physics", paramLabel = "physics|desk|naive|threshold|buy-hold",
            description = "strategy (default ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--fee-bps", paramLabel = "8,16,25",
            description = "round-trip fee tiers in bps of notional (default 8,16,25; reference mode: 10, its own rule)")
    String feeBps;

    @Option(names = "--veto-resamples", defaultValue = "2000", paramLabel = "N",
            description = "full+veto: block-bootstrap resamples of the with/without-veto differences (default ${DEFAULT-VALUE})")
    int vetoResamples;

    @Option(names = "--veto-block", defaultValue = "10", paramLabel = "CYCLES",
            description = "full+veto: cycles per bootstrap block (default ${DEFAULT-VALUE})")
    int vetoBlock;

    @Override
    public Integer call() {
        Symbol symbol = common.requireOneSymbol();
        StrategySpec spec = Strategies.parse(strategy);
        Compat compat = common.compatMode();
        List<FeeTier> tiers;
        try {
            tiers = feeBps != null ? FeeTier.parseList(feeBps)
                    : compat == Compat.REFERENCE ? List.of(FeeTier.REFERENCE) : FeeTier.STANDARD;
        } catch (IllegalArgumentException e) {
            throw new UsageError("--fee-bps: " + e.getMessage());
        }
        double leverage = margin.single();
        if (leverage > 0 && compat != Compat.CAUSAL) {
            throw new UsageError("--leverage: the margin path is causal only");
        }
        Prepared p;
        MarginBars bars = null;
        try (Store store = Stores.open(common.db)) {
            if (leverage > 0) {
                MarketLoader.Loaded market = MarketLoader.load(store, symbol, null, common.toInstant());
                p = Prepared.causal(store, market, common.fromInstant(), common.toInstant(), signal);
                bars = margin.bars(store, market, common.fromInstant(), common.toInstant());
            } else {
                p = Prepared.of(store, symbol, common.fromInstant(), common.toInstant(), compat, signal);
            }
        }
        BacktestRequest req = new BacktestRequest(p.cycles(), p.path(), spec, tiers.get(0), compat, 1.0, p.firstCycle(),
                p.accrual());
        List<BacktestResult> results;
        List<MarginReport> marginReports = null;
        if (leverage > 0) {
            // the margin path changes the book (a liquidation closes the trade): its results are the tiers'
            marginReports = new ArrayList<>();
            results = new ArrayList<>();
            MarginInputs inputs = new MarginInputs(margin.spec(symbol, leverage), bars);
            for (FeeTier tier : tiers) {
                MarginReport m = MarginStudy.run(req.withFee(tier), inputs, margin.study());
                marginReports.add(m);
                results.add(m.run().result());
            }
        } else {
            results = BacktestEngine.runTiers(req, tiers);
        }
        // full+veto: the same backtest without the overlay is the baseline of the desk's question (SPEC §8)
        List<BacktestResult> baseline = null;
        if (p.path().vetoesApplied()) {
            if (vetoResamples < 0 || vetoBlock < 1) {
                throw new UsageError("--veto-resamples must be >= 0 and --veto-block >= 1");
            }
            baseline = BacktestEngine.runTiers(new BacktestRequest(p.cycles(), p.withoutVetoes().path(), spec,
                    tiers.get(0), compat, 1.0, p.firstCycle(), p.accrual()), tiers);
        }
        if (common.csv != null) {
            writeLedger(results);
        }
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("symbol", symbol.name());
            doc.put("strategy", spec.name());
            doc.put("compat", compat.name().toLowerCase(Locale.ROOT));
            doc.put("config", signal.regimeConfig().cliName());
            doc.put("fundingAccrual", p.accrual().name());
            List<Object> list = new ArrayList<>();
            for (BacktestResult r : results) {
                Map<String, Object> t = Out.obj();
                t.put("feeBps", r.request().fee().roundTripBps());
                t.putAll(Json.metrics(r.performance()));
                t.put("ruined", r.diagnostics().ruined());
                t.put("basisNotEvaluated", r.diagnostics().basisNotEvaluated());
                t.put("fundingNotEvaluated", r.diagnostics().fundingNotEvaluated());
                Map<String, Object> ue = Out.obj();
                for (Unevaluated u : Unevaluated.values()) {
                    ue.put(u.name(), r.diagnostics().unevaluated(u));
                }
                t.put("unevaluated", ue);
                if (marginReports != null) {
                    t.put("margin", MarginJson.report(symbol.name(), marginReports.get(list.size())));
                }
                if (baseline != null) {
                    int i = list.size();
                    RiskComparison c = RiskComparison.of(baseline.get(i).ledger(), r.ledger(), 1.0, vetoBlock,
                            vetoResamples, 20_260_101L);
                    t.put("withoutVetoes", Json.metrics(baseline.get(i).performance()));
                    t.put("vetoEffect", vetoEffect(c));
                }
                list.add(t);
            }
            doc.put("tiers", list);
            if (baseline != null) {
                doc.put("vetoes", SignalsCommand.vetoSummary(p.path(), p.run(), p.run().lowerBound(
                        p.cycles().startMs(Math.min(p.firstCycle(), p.cycles().size() - 1)))));
            }
            Out.json(System.out, doc);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (BacktestResult r : results) {
            Performance m = r.performance();
            rows.add(List.of(Out.fmt(r.request().fee().roundTripBps(), 0), pct(m.totalReturn()), pct(m.annualReturn()),
                    Out.fmt(m.sharpe(), 2), Out.fmt(m.sortino(), 2), pct(m.maxDrawdown()), pct(m.pnl().funding()),
                    pct(m.pnl().basis()), pct(m.pnl().fees()), Integer.toString(m.tradeCount()),
                    Out.fmt(m.turnover(), 1)));
        }
        System.out.printf("%s %s (%s, %s): %d cycles from %s, PnL in %% of starting capital%n", symbol, spec.name(),
                compat.name().toLowerCase(Locale.ROOT), p.accrual(), results.get(0).performance().cycles(),
                Out.time(p.cycles().startMs(p.firstCycle())));
        System.out.print(Out.table(List.of("fee bps", "total %", "annual %", "Sharpe", "Sortino", "maxDD %",
                "funding %", "basis %", "fees %", "trades", "turnover x"), rows));
        if (marginReports != null) {
            List<List<String>> mr = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("fee bps"));
            header.addAll(MarginJson.header());
            for (int i = 0; i < results.size(); i++) {
                List<String> row = new ArrayList<>(List.of(Out.fmt(results.get(i).request().fee().roundTripBps(), 0)));
                row.addAll(MarginJson.row(symbol.name(), marginReports.get(i)));
                mr.add(row);
            }
            System.out.println("margin path of the perp leg (" + margin.interval().code() + " bars; the table above "
                    + "includes its liquidations): " + MarginJson.DEFINITION);
            System.out.print(Out.table(header, mr));
        }
        if (baseline != null) {
            List<List<String>> v = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                RiskComparison c = RiskComparison.of(baseline.get(i).ledger(), results.get(i).ledger(), 1.0, vetoBlock,
                        vetoResamples, 20_260_101L);
                v.add(List.of(Out.fmt(results.get(i).request().fee().roundTripBps(), 0),
                        pct(c.base().maxDrawdown()) + " -> " + pct(c.variant().maxDrawdown()),
                        ci(c.maxDrawdown()), pct(c.base().worstCycle()) + " -> " + pct(c.variant().worstCycle()),
                        ci(c.worstCycle()), Out.fmt(100 * c.base().cvar5(), 4) + " -> " + Out.fmt(100 * c.variant().cvar5(), 4),
                        ci(c.cvar5())));
            }
            System.out.println("full -> full+veto (path risk; 95 % CI of the difference, paired block bootstrap):");
            System.out.print(Out.table(List.of("fee bps", "maxDD %", "diff CI", "worst cycle %", "diff CI", "CVaR5 %",
                    "diff CI"), v));
        }
        return 0;
    }

    private static String pct(double v) {
        return Out.fmt(v * 100, 2);
    }

    private static String ci(RiskComparison.Difference d) {
        return "[" + Out.fmt(100 * d.ci().low(), 3) + ", " + Out.fmt(100 * d.ci().high(), 3) + "]";
    }

    /** The with/without-veto table of one tier: measures of both paths, the difference, its CI and p-value. */
    static Map<String, Object> vetoEffect(RiskComparison c) {
        Map<String, Object> m = Out.obj();
        m.put("cycles", c.cycles());
        m.put("maxDrawdown", effect(c.base().maxDrawdown(), c.variant().maxDrawdown(), c.maxDrawdown()));
        m.put("worstCycle", effect(c.base().worstCycle(), c.variant().worstCycle(), c.worstCycle()));
        m.put("cvar5", effect(c.base().cvar5(), c.variant().cvar5(), c.cvar5()));
        m.put("totalReturn", effect(c.base().totalReturn(), c.variant().totalReturn(), c.totalReturn()));
        return m;
    }

    private static Map<String, Object> effect(double full, double veto, RiskComparison.Difference d) {
        Map<String, Object> m = Out.obj();
        m.put("full", Out.num(full));
        m.put("fullVeto", Out.num(veto));
        m.put("diff", Out.num(d.value()));
        m.put("ciLow", Out.num(d.ci().low()));
        m.put("ciHigh", Out.num(d.ci().high()));
        m.put("pValue", Out.num(d.pValue()));
        return m;
    }

    private void writeLedger(List<BacktestResult> results) {
        List<String> header = List.of("feeBps", "start", "end", "side", "notional", "traded", "funding", "basis", "price",
                "fee", "total", "equity", "regime");
        List<List<String>> rows = new ArrayList<>();
        for (BacktestResult r : results) {
            Ledger l = r.ledger();
            String bps = Out.csvNum(r.request().fee().roundTripBps());
            for (int k = l.firstCycle(); k < l.size(); k++) {
                rows.add(List.of(bps, Out.time(l.startMs(k)), Out.time(l.endMs(k)), l.side(k).name(),
                        Out.csvNum(l.notional(k)), Out.csvNum(l.traded(k)), Out.csvNum(l.funding(k)),
                        Out.csvNum(l.basis(k)), Out.csvNum(l.price(k)), Out.csvNum(l.fee(k)), Out.csvNum(l.total(k)),
                        Out.csvNum(l.equity(k)), l.regime(k) == null ? "" : l.regime(k).name()));
            }
        }
        Out.csv(common.csv, header, rows);
    }
}
