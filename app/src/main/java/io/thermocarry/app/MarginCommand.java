package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.marginrisk.MarginReport;
import io.thermocarry.core.marginrisk.MarginStudy;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code margin}: the margin path and liquidation risk of a backtest's perp leg (SPEC §13). */
@Command(name = "margin", mixinStandardHelpOptions = true,
        description = "Margin path and liquidation risk of a backtest's perp leg (SPEC §13): minimum margin ratio "
                + "(margin balance / maintenance, liquidation at <= 1), liquidations, PnL lost to them, and the "
                + "futures-wallet share needed to survive the history (and its 95/99/99.9 %% block-bootstrap "
                + "quantiles). One symbol or several, one leverage or a list.")
final class MarginCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SignalOptions signal;

    @Mixin
    MarginOptions margin;

    @Option(names = "--strategy", defaultValue = "physics", paramLabel = "physics|desk|naive|threshold",
            description = "strategy (default ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--fee-bps", defaultValue = "16", paramLabel = "BPS",
            description = "round-trip fee tier in bps of notional (default ${DEFAULT-VALUE})")
    String feeBps;

    @Override
    public Integer call() {
        List<Symbol> symbols = common.symbolList();
        if (symbols.isEmpty()) {
            throw new UsageError("--symbol or --symbols is required");
        }
        if (common.compatMode() != Compat.CAUSAL) {
            throw new UsageError("margin is causal only: the reference code has no margin model");
        }
        StrategySpec spec = Strategies.parse(strategy);
        FeeTier tier;
        try {
            List<FeeTier> tiers = FeeTier.parseList(feeBps);
            if (tiers.size() != 1) {
                throw new UsageError("--fee-bps: one tier");
            }
            tier = tiers.get(0);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--fee-bps: " + e.getMessage());
        }
        List<Double> leverages = margin.leverages(3);
        if (leverages.contains(0.0)) {
            throw new UsageError("--leverage 0 is margin off: nothing to study");
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (Store store = Stores.open(common.db)) {
            for (Symbol symbol : symbols) {
                MarketLoader.Loaded market = MarketLoader.load(store, symbol, null, common.toInstant());
                Prepared p = Prepared.causal(store, market, common.fromInstant(), common.toInstant(), signal);
                BacktestRequest req = new BacktestRequest(p.cycles(), p.path(), spec, tier, Compat.CAUSAL, 1.0,
                        p.firstCycle(), p.accrual());
                MarginBars bars = margin.bars(store, market, common.fromInstant(), common.toInstant());
                for (double lev : leverages) {
                    MarginReport r = MarginStudy.run(req, new MarginInputs(margin.spec(symbol, lev), bars),
                            margin.study());
                    Map<String, Object> o = MarginJson.report(symbol.name(), r);
                    o.put("strategy", spec.name());
                    o.put("feeBps", tier.roundTripBps());
                    o.put("resolution", margin.interval().code());
                    o.put("from", p.firstCycle() < p.cycles().size() ? Out.time(p.cycles().startMs(p.firstCycle()))
                            : null);
                    runs.add(o);
                    rows.add(MarginJson.row(symbol.name(), r));
                }
            }
        }
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.putAll(runs.get(0));
            doc.put("runs", runs);
            Out.json(System.out, doc);
            return 0;
        }
        System.out.printf("margin path of the perp leg (%s, %s bps, %s bars, futures share %s, transfer delay %s): "
                + "%s%n", spec.name(), Out.fmt(tier.roundTripBps(), 0), margin.interval().code(),
                Out.fmt(margin.futuresShare, 2), margin.transferDelay, MarginJson.DEFINITION);
        System.out.print(Out.table(MarginJson.header(), rows));
        return 0;
    }
}
