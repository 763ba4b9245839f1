package io.thermocarry.live;

import io.thermocarry.core.Compat;
import io.thermocarry.core.execution.ExecutionEngine;
import io.thermocarry.core.execution.ExecutionRequest;
import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.execution.ExecutionWindow;
import io.thermocarry.core.execution.Fill;
import io.thermocarry.core.execution.MarginExecution;
import io.thermocarry.core.features.FeatureEngine;
import io.thermocarry.core.features.FeatureFrame;
import io.thermocarry.core.features.MicroInputs;
import io.thermocarry.core.features.VetoPath;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginOutcome;
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
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The book of one symbol as of an instant, computed by the core pipeline {@code execute} runs (SPEC §14, §15):
 * hourly bars and funding → {@link BasisSeries} → {@link CycleBuilder} → {@link SignalRunner} → {@link SignalPath}
 * with the desk's gates ({@link VetoPath}, here on no microstructure data: every feature not evaluated) →
 * {@link IntradayState} of the 1 m bars → {@link ExecutionWindow} → {@link ExecutionEngine} (with the margin path
 * of the perp leg on the 1 m bars when the book has a leverage, as {@code execute --leverage}). Nothing of the
 * decision logic lives here.
 *
 * <p><b>The running interval.</b> The engine's window ends at a settlement: it decides at child closes strictly
 * before the window end and closes what is open at the end. To decide inside the running funding interval, the
 * funding series is cut at {@code now} by an end marker (an event at {@code now} whose rate is never used: a rate
 * belongs to the cycle it starts, and no cycle starts at the marker). Every decision and fill before {@code now} is
 * then the one the full run over later data makes, because each depends only on data available at its time
 * (SPEC §4's causality, proven for the signals and the engine by their tests, and for this cut by
 * {@code LiveBookEquivalenceTest}); the engine's final close at the marker is dropped.
 *
 * <p>Settlements the stream has announced but REST has not published yet enter as provisional events (the
 * stream's rate); decisions at or after the first provisional settlement are withheld until it is settled, so
 * every fill the book keeps depends only on stored, settled data.
 */
public final class BookPipeline {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private BookPipeline() {
    }

    /** What the pipeline reads for one symbol: all settled funding and hourly bars, the 1 m bars of the window. */
    public record Inputs(Symbol symbol, FundingSeries funding, BarSeries perpH1, BarSeries spotH1, BarSeries markH1,
            BarSeries indexH1, BarSeries perp, BarSeries spot, BarSeries mark, BarSeries index, BarSeries premium) {
    }

    /** A provisional settlement: time and the stream's last rate before it. */
    public record Provisional(long timeMs, double rate) {
    }

    /**
     * One symbol's book at {@code nowMs}.
     *
     * @param result the engine's run over {@code [book start, now]} (null before the book's first cycle)
     * @param fills the fills decided before {@code now} and before the first provisional settlement, final
     *     close excluded
     * @param payments funding paid at each settlement of the window up to {@code now} (provisional flagged)
     * @param provisionalFromMs the first provisional settlement in use ({@code Long.MAX_VALUE} if none)
     * @param margin the margin path of the perp leg over the run ({@code execute --leverage}'s, with the leg held
     *     at {@code now} as {@link MarginOutcome#openLeg()}); null when the margin is off or nothing ran
     */
    public record BookRun(Symbol symbol, long nowMs, ExecutionResult result, FundingCycles cycles, SignalPath signals,
            List<Fill> fills, List<Payment> payments, long provisionalFromMs, double funding, double basis,
            double fees, MarginOutcome margin) {
        /** PnL total in units of the symbol's starting capital. */
        public double total() {
            return funding + basis - fees;
        }

        /** Index of the cycle running at {@code now} (-1 if none). */
        public int currentCycle() {
            return cycles == null ? -1 : cycles.size() - 1;
        }
    }

    /** A funding payment at a settlement. */
    public record Payment(long settlementMs, double rate, double payment, boolean provisional) {
    }

    /** Reads the inputs as of {@code nowMs} (bars closed at or before it, settlements at or before it). */
    public static Inputs load(Store store, Symbol s, LiveConfig c, long nowMs) {
        Instant fundTo = Instant.ofEpochMilli(nowMs + 1);
        Instant hourTo = Instant.ofEpochMilli(nowMs - HOUR + 1);
        Instant minTo = Instant.ofEpochMilli(nowMs - MINUTE + 1);
        Instant minFrom = Instant.ofEpochMilli(c.startMs()).minus(c.medianWindow());
        return new Inputs(s, store.funding(s, null, fundTo),
                store.bars(s, Market.PERP, BarInterval.H1, null, hourTo),
                store.bars(s, Market.SPOT, BarInterval.H1, null, hourTo),
                store.bars(s, Market.MARK, BarInterval.H1, null, hourTo),
                store.bars(s, Market.INDEX, BarInterval.H1, null, hourTo),
                store.bars(s, Market.PERP, BarInterval.M1, minFrom, minTo),
                store.bars(s, Market.SPOT, BarInterval.M1, minFrom, minTo),
                store.bars(s, Market.MARK, BarInterval.M1, minFrom, minTo),
                store.bars(s, Market.INDEX, BarInterval.M1, minFrom, minTo),
                store.bars(s, Market.PREMIUM, BarInterval.M1, minFrom, minTo));
    }

    /**
     * The signal path of the last run and what it was computed from. Decision {@code k}'s signals depend only on
     * data before settlement {@code t_k} (SPEC §4's causality) and the cycle's interval: while no settlement, hourly
     * bar or funding event is added, the path is the same at every minute, so it is reused; anything new in the
     * key recomputes it.
     */
    public static final class SignalCache {
        private String key;
        private SignalPath path;
        private long hits;
        private long misses;

        /** Runs reusing the path / recomputing it. */
        public String stats() {
            return hits + " reused, " + misses + " computed";
        }
    }

    /** Runs the pipeline as of {@code nowMs} with the given provisional settlements (after the stored ones). */
    public static BookRun run(Inputs in, LiveConfig c, long nowMs, List<Provisional> provisional) {
        return run(in, c, nowMs, provisional, new SignalCache());
    }

    /** {@link #run(Inputs, LiveConfig, long, List)} reusing the signal path of {@code cache} when still valid. */
    public static BookRun run(Inputs in, LiveConfig c, long nowMs, List<Provisional> provisional, SignalCache cache) {
        Symbol s = in.symbol();
        FundingSeries stored = in.funding();
        long lastStored = stored.isEmpty() ? Long.MIN_VALUE : stored.timeMs(stored.size() - 1);
        int n = stored.size();
        long[] t = Arrays.copyOf(stored.times(), n + provisional.size() + 1);
        double[] r = Arrays.copyOf(stored.rates(), t.length);
        long[] iv = Arrays.copyOf(stored.intervals(), t.length);
        double[] m = Arrays.copyOf(stored.markPrices(), t.length);
        long provisionalFrom = Long.MAX_VALUE;
        for (Provisional p : provisional) {
            if (p.timeMs() > (n == 0 ? Long.MIN_VALUE : t[n - 1]) && p.timeMs() <= nowMs && n > 0) {
                t[n] = p.timeMs();
                r[n] = p.rate();
                iv[n] = p.timeMs() - t[n - 1];
                m[n] = Double.NaN;
                provisionalFrom = Math.min(provisionalFrom, p.timeMs());
                n++;
            }
        }
        boolean marker = false;
        long expectedInterval = n > 0 ? iv[n - 1] : 0;
        if (n > 0 && t[n - 1] < nowMs) {
            marker = true;
            // the end marker: its rate starts no cycle and is never read
            t[n] = nowMs;
            r[n] = 0.0;
            iv[n] = nowMs - t[n - 1];
            m[n] = Double.NaN;
            n++;
        }
        if (n < 2 || in.perp().isEmpty() || in.spot().isEmpty() || in.perpH1().isEmpty() || in.spotH1().isEmpty()) {
            return empty(s, nowMs);
        }
        FundingSeries funding = new FundingSeries(s, Arrays.copyOf(t, n), Arrays.copyOf(r, n), Arrays.copyOf(iv, n),
                Arrays.copyOf(m, n));
        BasisSeries basis = BasisSeries.of(in.perpH1(), in.spotH1(), in.markH1(), in.indexH1());
        FundingCycles cycles = CycleBuilder.build(funding, basis, in.markH1().isEmpty() ? null : in.markH1());
        if (marker && cycles.size() > 0 && cycles.endMs(cycles.size() - 1) == nowMs) {
            cycles = withLastInterval(cycles, expectedInterval);
        }
        String key = n + "/" + Arrays.hashCode(Arrays.copyOf(t, marker ? n - 1 : n)) + "/" + Arrays.hashCode(
                Arrays.copyOf(r, marker ? n - 1 : n)) + "/" + marker + "/" + cycles.size() + "/"
                + cycles.startMs(Math.max(0, cycles.size() - 1)) + "/" + size(in.perpH1()) + "/" + size(in.spotH1())
                + "/" + size(in.markH1()) + "/" + size(in.indexH1());
        SignalPath path;
        if (key.equals(cache.key) && cache.path.size() == cycles.size()) {
            path = cache.path;
            cache.hits++;
        } else {
            // as Prepared.causal (execute): signals on all history, the desk's gates from the features
            SignalRun run = SignalRunner.run(cycles, basis, c.signalSpec(), c.regimeSpec(), c.regimeConfig(),
                    Compat.CAUSAL);
            FeatureFrame frame = FeatureEngine.atCycles(MicroInputs.none(funding), cycles, c.featureSpec());
            VetoPath vetoes = VetoPath.evaluate(frame, c.vetoSpec());
            path = SignalPath.of(run, cycles.size()).withGates(vetoes);
            cache.key = key;
            cache.path = path;
            cache.misses++;
        }
        int first = cycles.lowerBound(c.startMs());
        IntradayState state = IntradayState.build(in.perp(), in.spot(), in.mark(), in.index(), c.medianWindow());
        ExecutionWindow w = ExecutionWindow.covered(cycles, path, state, first);
        if (w.evaluationCycles() == 0) {
            return new BookRun(s, nowMs, null, w.cycles(), w.signals(), List.of(), List.of(), provisionalFrom, 0, 0, 0,
                    null);
        }
        ExecutionRequest req = ExecutionRequest.of(w, state, in.premium(), c.spec());
        ExecutionResult res;
        MarginOutcome margin = null;
        MarginSpec ms = c.margin(s);
        if (ms != null) {
            // as execute --leverage: the margin path on the 1 m state bars, mark bars where present
            MarginExecution me = ExecutionEngine.run(req, new MarginInputs(ms, MarginBars.of(in.perp(), in.spot(),
                    in.mark())));
            res = me.result();
            margin = me.margin();
        } else {
            res = ExecutionEngine.run(req);
        }
        List<Fill> fills = new ArrayList<>();
        double finalFee = 0;
        for (Fill f : res.fills()) {
            long d = f.decisionTime().toEpochMilli();
            if (d >= nowMs) {
                // the window end's close is dropped; a liquidation in the bar closing at now is withheld until the
                // next bar (its spot leg exits at that bar's close) but stays in the ledger's PnL
                if (f.reason() != ExitReason.LIQUIDATION) {
                    finalFee += f.fee();
                }
            } else if (d < provisionalFrom) {
                fills.add(f);
            }
        }
        FundingCycles wc = w.cycles();
        var ledger = res.ledger();
        List<Payment> pays = new ArrayList<>();
        double funds = 0;
        double bas = 0;
        double fees = 0;
        for (int k = w.firstCycle(); k < wc.size(); k++) {
            funds += ledger.funding(k);
            bas += ledger.basis(k);
            fees += ledger.fee(k);
            long end = wc.endMs(k);
            double pay = ledger.funding(k);
            // row k's funding is paid at its end, the start of cycle k + 1, with that cycle's rate
            if (pay != 0.0 && k + 1 < wc.size()) {
                pays.add(new Payment(end, wc.rate(k + 1), pay, end > lastStored));
            }
        }
        return new BookRun(s, nowMs, res, wc, w.signals(), List.copyOf(fills), List.copyOf(pays), provisionalFrom,
                funds, bas, fees - finalFee, margin);
    }

    /**
     * The running cycle's length is the funding interval (what Binance announces with the next funding time; the
     * signals read it, e.g. r = τ_relax / τ_funding), not the time elapsed to the end marker: the interval of the
     * last settlement stands for it (a change of interval shows at the next settlement).
     */
    private static FundingCycles withLastInterval(FundingCycles c, long intervalMs) {
        int n = c.size();
        double[] hours = c.intervalsHours().clone();
        hours[n - 1] = intervalMs / 3_600_000.0;
        byte[] src = new byte[n];
        for (int k = 0; k < n; k++) {
            src[k] = (byte) c.source(k).ordinal();
        }
        return new FundingCycles(c.symbol(), c.starts(), c.ends(), c.rates(), hours, c.basisStarts(), c.basisEnds(),
                c.basisMeans(), c.basisStds(), c.basisObsCounts(), c.markStarts(), c.markEnds(), src,
                c.hoursWithoutPartner());
    }

    private static String size(BarSeries b) {
        return b.size() + ":" + (b.isEmpty() ? 0 : b.openTimeMs(b.size() - 1));
    }

    private static BookRun empty(Symbol s, long nowMs) {
        return new BookRun(s, nowMs, null, null, null, List.of(), List.of(), Long.MAX_VALUE, 0, 0, 0, null);
    }
}
