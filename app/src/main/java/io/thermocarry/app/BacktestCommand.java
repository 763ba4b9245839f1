package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.strategy.StrategySpec;
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

    @Option(names = "--strategy", defaultValue = "physics", paramLabel = "physics|desk|naive|threshold|buy-hold",
            description = "strategy (default ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--fee-bps", paramLabel = "8,16,25",
            description = "round-trip fee tiers in bps of notional (default 8,16,25; reference mode: 10, its own rule)")
    String feeBps;

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
        Prepared p;
        try (Store store = Stores.open(common.db)) {
            p = Prepared.of(store, symbol, common.fromInstant(), common.toInstant(), compat, signal);
        }
        BacktestRequest req = new BacktestRequest(p.cycles(), p.path(), spec, tiers.get(0), compat, 1.0, p.firstCycle(),
                p.accrual());
        List<BacktestResult> results = BacktestEngine.runTiers(req, tiers);
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
                list.add(t);
            }
            doc.put("tiers", list);
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
        return 0;
    }

    private static String pct(double v) {
        return Out.fmt(v * 100, 2);
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
