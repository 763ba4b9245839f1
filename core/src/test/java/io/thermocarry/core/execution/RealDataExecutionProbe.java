package io.thermocarry.core.execution;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.SignalPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Manual probe (not a test): the closing-note tables of the execution issue on the real data of
 * {@code ../shared/data/binance}. Cycles and causal signals from the exchange's 1 h bars and 8 h funding (whole
 * history, for the warm-up), the intraday state from the 1 m / 5 m spot+perp bars, per symbol, rule set, child and
 * tier: trades per day, turnover, fee drag, the funding / basis / fees split, Sharpe, and the difference against
 * the settlement-only child; then the SOL crash of 2025-10-10 through each child. Run with
 * {@code -Dthermocarry.sharedDir=...}.
 */
public final class RealDataExecutionProbe {
    private static final List<Child> CHILDREN = List.of(Child.SETTLEMENT, Child.every(BarInterval.M5),
            Child.every(BarInterval.M15));

    private RealDataExecutionProbe() {
    }

    private record Market3(String name, FundingCycles cycles, SignalPath signals, IntradayState state, long fromMs) {
    }

    private static Market3 load(String symbol, BarInterval res, String from, String to) {
        BarSeries perpH = RealData.bars(symbol, Market.PERP, BarInterval.H1);
        BarSeries spotH = RealData.bars(symbol, Market.SPOT, BarInterval.H1);
        BarSeries markH = RealData.bars(symbol, Market.MARK, BarInterval.H1);
        BasisSeries hourly = BasisSeries.of(perpH, spotH, null, null);
        long t1 = Instant.parse(to).toEpochMilli();
        FundingCycles c = CycleBuilder.build(RealData.funding(symbol).slice(Long.MIN_VALUE, t1 + 1), hourly, markH);
        SignalPath s = SignalPath.of(SignalRunner.run(c, hourly, SignalSpec.defaults(), RegimeSpec.defaults(),
                RegimeConfig.FULL, Compat.CAUSAL), c.size());
        long t0 = Instant.parse(from).toEpochMilli();
        BarSeries perp = RealData.bars(symbol, Market.PERP, res).slice(t0 - 86_400_000L, t1);
        BarSeries spot = RealData.bars(symbol, Market.SPOT, res).slice(t0 - 86_400_000L, t1);
        IntradayState st = IntradayState.build(perp, spot, null, null, Duration.ofHours(24));
        return new Market3(symbol + " " + res.code() + " " + from.substring(0, 10) + " → " + to.substring(0, 10), c, s, st,
                t0);
    }

    /** Prints the tables as Markdown. */
    public static void main(String[] args) {
        List<Market3> markets = List.of(
                load("BTCUSDT", BarInterval.M1, "2025-05-20T00:00:00Z", "2025-06-24T00:00:00Z"),
                load("BTCUSDT", BarInterval.M5, "2024-03-02T00:00:00Z", "2026-02-19T16:00:00Z"),
                load("SOLUSDT", BarInterval.M5, "2023-11-02T00:00:00Z", "2026-02-19T16:00:00Z"));
        DeskStrategy d = DeskStrategy.defaults();
        List<ExecutionRules> rules = List.of(ExecutionRules.defaults(),
                ExecutionRules.defaults().withDesk(new DeskStrategy(d.baseFraction(), 1e9, d.temperatureFloor(),
                        d.medianWindow(), d.medianTolerancePct(), d.maxHoldCycles(), Sides.SHORT_ONLY)),
                ExecutionRules.defaults().withDesk(new DeskStrategy(d.baseFraction(), 1e9, d.temperatureFloor(),
                        d.medianWindow(), d.medianTolerancePct(), d.maxHoldCycles(), Sides.BOTH)));
        List<String> ruleNames = List.of("desk (r<1.05, short)", "desk, r gate open, short", "desk, r gate open, both");
        for (Market3 m : markets) {
            ExecutionWindow w = ExecutionWindow.covered(m.cycles(), m.signals(), m.state(),
                    m.cycles().lowerBound(m.fromMs()));
            System.out.printf(Locale.ROOT, "%n### %s: %d cycles, %.1f days, %d state bars (%d missing)%n%n", m.name(),
                    w.evaluationCycles(), (w.cycles().endMs(w.cycles().size() - 1) - w.cycles().startMs(w.firstCycle()))
                            / 86_400_000.0, m.state().size(), m.state().missingBars());
            System.out.println("| rules | child | bps | trades/day | turnover × | fee drag % | funding % | basis % | fees % "
                    + "| total % | Sharpe | Δ total % vs settle | Δ Sharpe |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (int ri = 0; ri < rules.size(); ri++) {
                ExecutionRequest base = ExecutionRequest.of(w, m.state(), null,
                        new ExecutionSpec(Child.SETTLEMENT, rules.get(ri), FeeTier.BPS_8, ExecutionModel.EXCHANGE));
                List<ExecutionResult> settle = ExecutionEngine.runTiers(base, FeeTier.STANDARD);
                for (Child child : CHILDREN) {
                    List<ExecutionResult> rs = child == Child.SETTLEMENT ? settle
                            : ExecutionEngine.runTiers(base.withChild(child), FeeTier.STANDARD);
                    for (int t = 0; t < 3; t++) {
                        ChildReport c = ChildReport.of(rs.get(t), settle.get(t));
                        System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.3f | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f "
                                + "| %.2f | %.3f | %.2f |%n", ruleNames.get(ri), c.child(), c.feeBps(), c.tradesPerDay(),
                                c.turnover(), 100 * c.feeDrag(), 100 * c.pnl().funding(), 100 * c.pnl().basis(),
                                100 * c.pnl().fees(), 100 * c.pnl().total(), c.sharpe(),
                                100 * c.versusSettlement().total(), c.versusSettlement().sharpe());
                    }
                }
                List<BacktestResult> cycle = BacktestEngine.runTiers(ExecutionEngine.cycleEngineRequest(base),
                        FeeTier.STANDARD);
                for (int t = 0; t < 3; t++) {
                    Performance p = cycle.get(t).performance();
                    System.out.printf(Locale.ROOT, "| %s | cycle engine | %.0f | %.3f | %.2f | %.3f | %.3f | %.3f | %.3f "
                            + "| %.3f | %.2f | | |%n", ruleNames.get(ri), FeeTier.STANDARD.get(t).roundTripBps(),
                            p.tradeCount() / base.days(), p.turnover(), 100 * p.feeDrag(), 100 * p.pnl().funding(),
                            100 * p.pnl().basis(), 100 * p.pnl().fees(), 100 * p.pnl().total(), p.sharpe());
                }
            }
        }
        crash(markets.get(2), rules);
    }

    /** How the SOL crash of 2025-10-10 (basis −17.5 % at the 21:20 close) passed through each child. */
    private static void crash(Market3 m, List<ExecutionRules> rules) {
        long a = Instant.parse("2025-10-10T20:40:00Z").toEpochMilli();
        long b = Instant.parse("2025-10-10T22:05:00Z").toEpochMilli();
        IntradayState s = m.state();
        System.out.println("\n### SOL 2025-10-10: the state around the crash (5 m closes)\n");
        System.out.println("| close | perp | spot | basis % | 24 h median % | IQR % | next open basis % |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = s.asOfClose(a); i <= s.asOfClose(b); i++) {
            double next = i + 1 < s.size() ? (s.perpOpen(i + 1) / s.spotOpen(i + 1) - 1) * 100 : Double.NaN;
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %.4f | %.4f | %.3f |%n",
                    Instant.ofEpochMilli(s.closeMs(i)), s.perpClose(i), s.spotClose(i), s.basisPct(i), s.medianPct(i),
                    s.dispersionPct(i), next);
        }
        ExecutionWindow w = ExecutionWindow.covered(m.cycles(), m.signals(), s, m.cycles().lowerBound(m.fromMs()));
        long day0 = Instant.parse("2025-10-09T00:00:00Z").toEpochMilli();
        long day1 = Instant.parse("2025-10-12T00:00:00Z").toEpochMilli();
        int row = w.cycles().lowerBound(Instant.parse("2025-10-10T16:00:00Z").toEpochMilli());
        System.out.printf("%nfunding settled 2025-10-10T16:00 %.6f, 2025-10-11T00:00 %.6f; regime at 16:00 %s, "
                + "exposure %.2f, r %.2f%n", w.cycles().rate(row), w.cycles().rate(row + 1), w.signals().regime(row),
                w.signals().exposure(row), w.signals().relaxationRatio(row));
        for (int ri = 0; ri < rules.size(); ri++) {
            for (Child child : CHILDREN) {
                ExecutionResult r = ExecutionEngine.run(ExecutionRequest.of(w, s, null,
                        new ExecutionSpec(child, rules.get(ri), FeeTier.BPS_16, ExecutionModel.EXCHANGE)));
                Ledger l = r.ledger();
                System.out.printf(Locale.ROOT, "rules %d, %-10s cycle 2025-10-10 16:00-24:00: side %s, notional %.3f, "
                        + "funding %.5f, basis %.5f, fees %.5f%n", ri, child.code(), l.side(row), l.notional(row),
                        l.funding(row), l.basis(row), l.fee(row));
                printTrades(r, day0, day1);
            }
        }
        // counterfactual: gates forced open (EQUILIBRIUM, exposure 1) from 2025-10-10 08:00, both sides
        int end = w.cycles().lowerBound(Instant.parse("2025-10-11T08:00:00Z").toEpochMilli());
        int from = w.cycles().lowerBound(Instant.parse("2025-10-10T08:00:00Z").toEpochMilli());
        ExecutionWindow cf = new ExecutionWindow(ExecutionWindow.head(w.cycles(), end), Intraday.open(end), from);
        DeskStrategy d = DeskStrategy.defaults();
        ExecutionRules both = ExecutionRules.defaults().withDesk(new DeskStrategy(d.baseFraction(), 1e9,
                d.temperatureFloor(), d.medianWindow(), d.medianTolerancePct(), d.maxHoldCycles(), Sides.BOTH));
        System.out.println("\ncounterfactual: every gate open from 2025-10-10 08:00 (EQUILIBRIUM, exposure 1), both sides,"
                + " 16 bps, window 2025-10-10 08:00 → 2025-10-11 08:00");
        for (Child child : CHILDREN) {
            ExecutionResult r = ExecutionEngine.run(ExecutionRequest.of(cf, s, null,
                    new ExecutionSpec(child, both, FeeTier.BPS_16, ExecutionModel.EXCHANGE)));
            System.out.printf(Locale.ROOT, "  %s: equity marked at the child's closes fell at most %.3f %% from its peak%n",
                    child.code(), 100 * r.diagnostics().markedMaxDrawdown());
            printTrades(r, day0, Instant.parse("2025-10-11T08:00:00Z").toEpochMilli());
            for (Fill f : r.fills()) {
                if (f.fillTime().toEpochMilli() >= Instant.parse("2025-10-10T20:00:00Z").toEpochMilli()
                        && f.fillTime().toEpochMilli() < Instant.parse("2025-10-11T08:00:00Z").toEpochMilli()) {
                    System.out.printf(Locale.ROOT, "    fill decided %s filled %s %s→%s basis %.3f %% traded %.3f %s%n",
                            f.decisionTime(), f.fillTime(), f.from(), f.to(), f.basisPct(), f.tradedNotional(), f.reason());
                }
            }
        }
    }

    private static void printTrades(ExecutionResult r, long from, long to) {
        for (Trade t : r.trades()) {
            if (t.exitTime().toEpochMilli() >= from && t.entryTime().toEpochMilli() < to) {
                System.out.printf(Locale.ROOT, "    trade %s → %s %s N %.3f funding %.5f basis %.5f fees %.5f %s%n",
                        t.entryTime(), t.exitTime(), t.side(), t.entryNotional(), t.fundingPnl(), t.basisPnl(), t.fees(),
                        t.exitReason());
            }
        }
    }
}
