package io.thermocarry.live;

import io.thermocarry.binance.stream.BookTickerEvent;
import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.MarkPriceEvent;
import io.thermocarry.binance.stream.StreamEvent;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.execution.ExecutionEngine;
import io.thermocarry.core.execution.ExecutionRequest;
import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.execution.ExecutionRules;
import io.thermocarry.core.execution.ExecutionWindow;
import io.thermocarry.core.execution.MarginExecution;
import io.thermocarry.core.execution.Readmission;
import io.thermocarry.core.features.FeatureEngine;
import io.thermocarry.core.features.MicroInputs;
import io.thermocarry.core.features.VetoPath;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.series.Resampler;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: a market of 1 m perp and spot bars plus settled funding, split at the book's start into history
 * (written to the store as the ingest path would) and a replay (stream events in arrival order), and the batch
 * run the book must equal: the {@code execute} pipeline on the same bars, computed here from the series directly.
 */
final class Replay {
    final Symbol symbol;
    final BarSeries perp;
    final BarSeries spot;
    final FundingSeries funding;
    final long startMs;
    final long endMs;

    Replay(BarSeries perp, BarSeries spot, FundingSeries funding, long startMs, long endMs) {
        this.symbol = perp.symbol();
        this.perp = perp;
        this.spot = spot;
        this.funding = funding;
        this.startMs = startMs;
        this.endMs = endMs;
    }

    /** The desk rules with the relaxation gate opened and re-admission at any child bar (more fills to compare). */
    static ExecutionRules activeRules() {
        DeskStrategy d = DeskStrategy.defaults();
        DeskStrategy desk = new DeskStrategy(d.baseFraction(), 100.0, d.temperatureFloor(), d.medianWindow(),
                d.medianTolerancePct(), d.maxHoldCycles(), d.sides());
        return ExecutionRules.defaults().withDesk(desk).withReadmission(Readmission.ANY_CHILD_BAR);
    }

    LiveConfig config(String id, FillModel fill) {
        LiveConfig d = LiveConfig.defaults(id, List.of(symbol), startMs, FeeTier.BPS_16, fill);
        return new LiveConfig(id, d.symbols(), startMs, Child.parse("5m"), activeRules(), d.fee(), d.signalSpec(),
                d.regimeSpec(), d.regimeConfig(), d.featureSpec(), d.vetoSpec(), Duration.ofHours(24), fill);
    }

    /** History: hourly bars and settlements before the start, 1 m bars of the median window before it. */
    void writeHistory(Store store) {
        BarSeries perpBefore = perp.slice(Long.MIN_VALUE, startMs);
        BarSeries spotBefore = spot.slice(Long.MIN_VALUE, startMs);
        store.writeBars(Resampler.resample(perpBefore, BarInterval.H1).bars(), "history perp 1h");
        store.writeBars(Resampler.resample(spotBefore, BarInterval.H1).bars(), "history spot 1h");
        store.writeBars(perp.slice(startMs - 86_400_000L, startMs), "history perp 1m");
        store.writeBars(spot.slice(startMs - 86_400_000L, startMs), "history spot 1m");
        store.writeFunding(funding.slice(Long.MIN_VALUE, startMs + 1), "history funding");
    }

    /** One replay step: an event, or a settled funding publication. */
    record Step(long timeMs, StreamEvent event, FundingSeries settled) {
    }

    /**
     * The replay from the start to {@code endMs}: per minute a quote of each leg, the mark price (rate = the next
     * settlement's, as the exchange's estimate converges to it), the closed klines of both legs; each settlement
     * published {@code publishDelayMinutes} after it.
     */
    List<Step> steps(int publishDelayMinutes) {
        List<Step> out = new ArrayList<>();
        int i0 = perp.lowerBound(startMs);
        int j0 = spot.lowerBound(startMs);
        int f = funding.lowerBound(startMs + 1);
        long update = 1;
        List<long[]> pending = new ArrayList<>();
        for (int i = i0, j = j0; i < perp.size() && perp.closeTimeMs(i) <= endMs; i++) {
            long open = perp.openTimeMs(i);
            long close = open + 60_000L;
            while (j < spot.size() && spot.openTimeMs(j) < open) {
                j++;
            }
            while (f < funding.size() && funding.timeMs(f) < open) {
                f++;
            }
            long nextFunding = f < funding.size() ? funding.timeMs(f) : open + 3_600_000L;
            double rate = f < funding.size() ? funding.rate(f) : 0.0;
            double pc = perp.close(i);
            out.add(new Step(close - 500, new MarkPriceEvent(symbol, close - 500, pc, pc, rate, nextFunding), null));
            out.add(new Step(close - 400, new BookTickerEvent(symbol, Market.PERP, update++, close - 400, pc * 0.9999, 1,
                    pc * 1.0001, 1), null));
            if (j < spot.size() && spot.openTimeMs(j) == open) {
                double sc = spot.close(j);
                out.add(new Step(close - 300, new BookTickerEvent(symbol, Market.SPOT, update++, close - 300,
                        sc * 0.9999, 1, sc * 1.0001, 1), null));
            }
            out.add(new Step(close, kline(perp, i, close), null));
            if (j < spot.size() && spot.openTimeMs(j) == open) {
                out.add(new Step(close, kline(spot, j, close), null));
            }
            if (f < funding.size() && funding.timeMs(f) <= close && funding.timeMs(f) > open) {
                pending.add(new long[] {f, close + publishDelayMinutes * 60_000L});
            }
            for (var it = pending.iterator(); it.hasNext();) {
                long[] p = it.next();
                if (p[1] <= close) {
                    out.add(new Step(close, null, funding.slice(funding.timeMs((int) p[0]),
                            funding.timeMs((int) p[0]) + 1)));
                    it.remove();
                }
            }
        }
        return out;
    }

    private KlineEvent kline(BarSeries s, int i, long close) {
        return new KlineEvent(symbol, s.market(), "1m", s.openTimeMs(i), close - 1, s.open(i), s.high(i), s.low(i),
                s.close(i), s.volume(i), true, close);
    }

    /** REST's closed 1 m klines of a leg with open time in {@code [fromMs, toMs)} (the hole filler). */
    List<KlineEvent> klines(io.thermocarry.core.market.Symbol s, Market m, long fromMs, long toMs) {
        BarSeries src = m == Market.PERP ? perp : spot;
        List<KlineEvent> out = new ArrayList<>();
        for (int i = src.lowerBound(fromMs); i < src.size() && src.openTimeMs(i) < toMs; i++) {
            out.add(kline(src, i, src.openTimeMs(i) + 60_000L));
        }
        return out;
    }

    /** REST's settled funding: published {@code 3} minutes after the settlement. */
    java.util.Optional<io.thermocarry.core.market.FundingEvent> settled(io.thermocarry.core.market.Symbol s, long t,
            long nowMs) {
        int i = funding.lowerBound(t);
        if (i < funding.size() && funding.timeMs(i) == t && t + 180_000L <= nowMs) {
            return java.util.Optional.of(funding.event(i));
        }
        return java.util.Optional.empty();
    }

    static void play(LiveBook book, List<Step> steps, int from, int to) {
        for (int i = from; i < to; i++) {
            Step s = steps.get(i);
            if (s.event() != null) {
                book.onEvent(s.event());
            } else {
                book.onSettledFunding(s.settled());
            }
        }
    }

    /**
     * The batch run: {@code execute --from start --to end --child 5m} on these bars (no mark or index bars, no
     * microstructure data), built from the series without the store or the live code.
     */
    ExecutionResult batch(LiveConfig c) {
        return batchMargin(c).result();
    }

    /**
     * The batch run with the margin path: {@code execute --leverage} on these bars, the margin bars built as
     * {@code execute} builds them from its 1 m state bars ({@link MarginBars#of}); at leverage 0 (the config's
     * margin off) the margin-free run.
     */
    MarginExecution batchMargin(LiveConfig c) {
        FundingSeries fund = funding.slice(Long.MIN_VALUE, endMs + 1);
        BarSeries perpH1 = Resampler.resample(perp.slice(Long.MIN_VALUE, endMs), BarInterval.H1).bars();
        BarSeries spotH1 = Resampler.resample(spot.slice(Long.MIN_VALUE, endMs), BarInterval.H1).bars();
        BarSeries noMark = BarSeries.empty(symbol, Market.MARK, BarInterval.H1);
        BarSeries noIndex = BarSeries.empty(symbol, Market.INDEX, BarInterval.H1);
        BasisSeries basis = BasisSeries.of(perpH1, spotH1, noMark, noIndex);
        FundingCycles cycles = CycleBuilder.build(fund, basis, null);
        SignalRun run = SignalRunner.run(cycles, basis, c.signalSpec(), c.regimeSpec(), c.regimeConfig(),
                Compat.CAUSAL);
        VetoPath vetoes = VetoPath.evaluate(FeatureEngine.atCycles(MicroInputs.none(fund), cycles, c.featureSpec()),
                c.vetoSpec());
        SignalPath path = SignalPath.of(run, cycles.size()).withGates(vetoes);
        long from = startMs - c.medianWindow().toMillis();
        IntradayState state = IntradayState.build(perp.slice(from, endMs), spot.slice(from, endMs),
                BarSeries.empty(symbol, Market.MARK, BarInterval.M1), BarSeries.empty(symbol, Market.INDEX,
                        BarInterval.M1), c.medianWindow());
        ExecutionWindow w = ExecutionWindow.covered(cycles, path, state, cycles.lowerBound(startMs));
        ExecutionRequest req = ExecutionRequest.of(w, state, BarSeries.empty(symbol, Market.PREMIUM, BarInterval.M1),
                c.spec());
        MarginSpec spec = c.margin(symbol);
        if (spec == null) {
            return new MarginExecution(ExecutionEngine.run(req), null);
        }
        MarginBars bars = MarginBars.of(perp.slice(from, endMs), spot.slice(from, endMs),
                BarSeries.empty(symbol, Market.MARK, BarInterval.M1));
        return ExecutionEngine.run(req, new MarginInputs(spec, bars));
    }

    static String at(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
