package io.thermocarry.live;

import io.thermocarry.binance.stream.BookTickerEvent;
import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.MarkPriceEvent;
import io.thermocarry.binance.stream.StreamEvent;
import io.thermocarry.binance.stream.StreamHealth;
import io.thermocarry.binance.stream.StreamListener;
import io.thermocarry.core.Checks;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.execution.Fill;
import io.thermocarry.core.margin.MarginOutcome;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.margin.OpenPerpLeg;
import io.thermocarry.core.market.Bar;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingEvent;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.Resampler;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.store.LiveStore;
import io.thermocarry.store.LiveStore.EventRow;
import io.thermocarry.store.LiveStore.FillRow;
import io.thermocarry.store.LiveStore.FundingRow;
import io.thermocarry.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The live paper book (SPEC §14): the event loop of one or more symbols, fed decoded stream events in arrival
 * order (by a stream client or, in tests, directly), writing everything to the store before acting on it.
 *
 * <p><b>Loop.</b> Closed 1 m klines of both legs advance a symbol's checkpoint {@code now} (the latest minute both
 * legs have closed). Each advance is one transaction: the new 1 m bars (through the store's ingest, so
 * {@code execute} reads the same bars), the 1 h bars of every hour completed (resampled from the stored 1 m bars),
 * the provisional settlement rates learned from {@code markPrice}, the quotes at child closes (for
 * {@link FillModel#BOOK}) and the checkpoint. Then {@link BookPipeline} runs the core pipeline over
 * {@code [book start, now]} and the new fills, funding payments, decisions and regime changes go to the store in a
 * second transaction (keys make a repeat a no-op) before they are logged and shown.
 *
 * <p><b>Restart.</b> {@link #start} reloads the book (its configuration must be the stored one), the checkpoints,
 * provisional rates and quotes, and recomputes each symbol at its last checkpoint: a crash between the two
 * transactions loses nothing, and a crash before the first repeats the minute. With {@link FillModel#BAR} the book
 * is a function of the stored market data, so a restarted book equals an uninterrupted one.
 *
 * <p>Not thread-safe by itself: the methods are synchronized (stream connections call from their own threads).
 */
public final class LiveBook implements StreamListener {
    static final String CHECKPOINT = "checkpoint";
    static final String DECISION = "decision";
    static final String REGIME = "regime";
    static final String PROVISIONAL_RATE = "provisional-rate";
    static final String QUOTE = "quote";
    static final String GAP = "gap";
    static final String HEALTH = "health";
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private final Store store;
    private final LiveStore live;
    private final LiveConfig config;
    private final Consumer<String> log;
    private final Map<Symbol, SymbolBook> books = new LinkedHashMap<>();
    private final Map<String, Long> lastEventMs = new TreeMap<>();
    private long events;
    private long reconnects;
    private long gaps;
    private long fills;
    private long payments;
    private boolean started;
    private final LatencyRecorder latency = new LatencyRecorder();
    private HoleFiller holes;
    private SettledSource settledSource;
    private long backfilled;
    private long loadNanos;
    private long pipelineNanos;
    private long commitNanos;

    /** Time spent so far (ms): checkpoint commits, store reads of the pipeline, the core pipeline. */
    public synchronized String timeSplit() {
        return String.format(Locale.ROOT, "commit %.0f ms, load %.0f ms, pipeline %.0f ms", commitNanos / 1e6,
                loadNanos / 1e6, pipelineNanos / 1e6);
    }

    /** A book on {@code store} running {@code config}; {@code log} receives one line per decision. */
    public LiveBook(Store store, LiveConfig config, Consumer<String> log) {
        this.store = Checks.notNull(store, "store");
        this.live = store.live();
        this.config = Checks.notNull(config, "config");
        this.log = Checks.notNull(log, "log");
        for (Symbol s : config.symbols()) {
            books.put(s, new SymbolBook(s));
        }
    }

    /** The configuration. */
    public LiveConfig config() {
        return config;
    }

    /** Opens or resumes the book from the store and brings every symbol to its last checkpoint. */
    public synchronized void start() {
        live.openBook(new LiveStore.BookRow(config.bookId(), config.describe(), config.fill().code(),
                config.startMs()));
        String id = config.bookId();
        for (EventRow e : live.events(id, null)) {
            Symbol sym = new Symbol(e.symbol().isEmpty() ? config.symbols().get(0).name() : e.symbol());
            SymbolBook b = books.get(sym);
            if (b == null) {
                continue;
            }
            switch (e.kind()) {
                case CHECKPOINT -> b.nowMs = Math.max(b.nowMs, e.timeMs());
                case PROVISIONAL_RATE -> b.provisional.put(e.timeMs(), Double.parseDouble(e.detail()));
                case QUOTE -> b.quotes.put(e.timeMs(), Quote.parse(e.detail()));
                case DECISION -> b.lastLoggedMs = Math.max(b.lastLoggedMs, e.timeMs());
                case REGIME -> b.lastRegimeCycleMs = Math.max(b.lastRegimeCycleMs, e.timeMs());
                default -> {
                }
            }
        }
        for (FillRow f : live.fills(id)) {
            SymbolBook b = books.get(new Symbol(f.symbol()));
            if (b != null && b.storedFills.put(f.decisionMs() + "/" + f.leg(), f) == null && f.leg().equals("perp")) {
                b.fillRows.add(f);
            }
        }
        for (FundingRow p : live.funding(id)) {
            SymbolBook b = books.get(new Symbol(p.symbol()));
            if (b != null) {
                b.payments.put(p.settlementMs(), p);
            }
        }
        started = true;
        for (SymbolBook b : books.values()) {
            if (b.nowMs == Long.MIN_VALUE) {
                // a fresh book: the 1 m bars the store already holds (history, a download) are its first checkpoint
                Instant from = Instant.ofEpochMilli(config.startMs()).minus(config.medianWindow());
                BarSeries p = store.bars(b.symbol, Market.PERP, BarInterval.M1, from, null);
                BarSeries q = store.bars(b.symbol, Market.SPOT, BarInterval.M1, from, null);
                if (!p.isEmpty() && !q.isEmpty()) {
                    b.nowMs = Math.min(p.closeTimeMs(p.size() - 1), q.closeTimeMs(q.size() - 1));
                }
            }
            if (b.nowMs > Long.MIN_VALUE) {
                b.perpClose = b.nowMs;
                b.spotClose = b.nowMs;
                recompute(b);
            }
        }
    }

    /** The checkpoint of a symbol: the last minute both legs have closed and the store holds (epoch ms). */
    public synchronized long checkpoint(Symbol s) {
        SymbolBook b = books.get(s);
        return b == null ? Long.MIN_VALUE : b.nowMs;
    }

    @Override
    public synchronized void onEvent(StreamEvent e) {
        long t0 = System.nanoTime();
        Checks.check(started, "start() the book before feeding events");
        events++;
        lastEventMs.put(e.stream() + (e.market() == Market.SPOT ? "/spot" : ""), e.eventTimeMs());
        SymbolBook b = books.get(e.symbol());
        if (b == null) {
            return;
        }
        boolean decided = false;
        if (e instanceof MarkPriceEvent m) {
            onMark(b, m);
        } else if (e instanceof BookTickerEvent q) {
            if (q.market() == Market.PERP) {
                b.perpBid = q.bid();
                b.perpAsk = q.ask();
            } else {
                b.spotBid = q.bid();
                b.spotAsk = q.ask();
            }
        } else if (e instanceof KlineEvent k) {
            decided = onKline(b, k);
        }
        latency.record(System.nanoTime() - t0, decided);
    }

    @Override
    public synchronized void onHealth(StreamHealth h) {
        if (h.kind() == StreamHealth.Kind.RECONNECTING) {
            reconnects++;
        }
        if (h.kind() == StreamHealth.Kind.GAP) {
            gaps++;
        }
        if (h.kind() == StreamHealth.Kind.GAP || h.kind() == StreamHealth.Kind.DISCONNECTED
                || h.kind() == StreamHealth.Kind.RECONNECTING || h.kind() == StreamHealth.Kind.RENEWED) {
            String kind = h.kind() == StreamHealth.Kind.GAP ? GAP : HEALTH;
            String sym = h.stream() == null ? "" : h.stream().split("@")[0].toUpperCase(Locale.ROOT);
            live.commit(config.bookId(), new LiveStore.Batch("live health", List.of(), List.of(),
                    List.of(new EventRow(kind + ":" + h.kind().name().toLowerCase(Locale.ROOT) + ":" + h.connection(),
                            sym, h.atMs(), h.fromMs() + ".." + h.toMs() + " "
                            + (h.detail() == null ? "" : h.detail()))), List.of(), List.of()));
        }
    }

    /**
     * Settled funding published by REST ({@code fundingRate}): stored through the ingest path (so {@code execute}
     * sees it), replacing the provisional rate; the symbol is recomputed at its checkpoint.
     */
    public synchronized void onSettledFunding(FundingSeries settled) {
        SymbolBook b = books.get(settled.symbol());
        if (b == null || settled.isEmpty()) {
            return;
        }
        storeSettled(b, settled);
        if (b.nowMs > Long.MIN_VALUE) {
            recompute(b);
        }
    }

    private void storeSettled(SymbolBook b, FundingSeries settled) {
        live.commit(config.bookId(), new LiveStore.Batch("live funding " + settled.symbol(), List.of(),
                List.of(settled), List.of(), List.of(), List.of()));
        long last = settled.timeMs(settled.size() - 1);
        b.inputs = null;
        b.provisional.headMap(last, true).clear();
    }

    /**
     * Settlements at or before {@code now} the store has no settled rate for: those the stream announced (at its
     * rate) and those the stored funding's interval says must have happened (after a restart or a disconnect the
     * stream's announcement may be lost; the last known rate stands in). Decisions from the first of them on are
     * withheld until it is settled: a missing settlement never silently merges two funding cycles.
     */
    private TreeMap<Long, Double> pendingSettlements(SymbolBook b, long now) {
        TreeMap<Long, Double> out = new TreeMap<>();
        FundingSeries f = b.inputs.funding();
        if (f.isEmpty()) {
            return out;
        }
        long lastStored = f.timeMs(f.size() - 1);
        b.provisional.forEach((t, r) -> {
            if (t > lastStored && t <= now) {
                out.put(t, r);
            }
        });
        long interval = f.intervalMs(f.size() - 1);
        double rate = b.mark != null ? b.mark.fundingRate() : f.rate(f.size() - 1);
        long last = out.isEmpty() ? lastStored : Math.max(lastStored, out.lastKey());
        // a stream-announced settlement is near (within a minute of) the expected one: Binance's jitter
        while (interval > 0 && last + interval <= now) {
            long expected = last + interval;
            Long near = out.ceilingKey(expected - 60_000L);
            if (near != null && near <= expected + 60_000L) {
                last = near;
                continue;
            }
            out.put(expected, rate);
            last = expected;
        }
        return out;
    }

    /** The settled rate of a settlement once published (REST {@code fundingRate}), asked while it is pending. */
    public interface SettledSource {
        /** The settled event at {@code settlementMs}, or empty while not published ({@code nowMs}: book time). */
        Optional<FundingEvent> settled(Symbol symbol, long settlementMs, long nowMs);
    }

    /** Sets where pending settlements are asked for (none: only {@link #onSettledFunding} settles them). */
    public synchronized void settledSource(SettledSource source) {
        this.settledSource = source;
    }

    // ------------------------------------------------------------------------------------------------ intake

    private void onMark(SymbolBook b, MarkPriceEvent m) {
        b.mark = m;
        if (b.nextFundingMs > 0 && m.eventTimeMs() >= b.nextFundingMs && m.nextFundingTimeMs() > b.nextFundingMs) {
            // the settlement at nextFundingMs happened: provisional at the last rate the stream showed before it
            b.newProvisional.put(b.nextFundingMs, b.rateBeforeSettlement);
        }
        b.nextFundingMs = m.nextFundingTimeMs();
        b.rateBeforeSettlement = m.fundingRate();
    }

    private boolean onKline(SymbolBook b, KlineEvent k) {
        if (!k.closed() || !k.interval().equals("1m")) {
            return false;
        }
        Bar bar = new Bar(Instant.ofEpochMilli(k.openTimeMs()), BarInterval.M1, k.open(), k.high(), k.low(), k.close(),
                k.volume());
        long close = k.openTimeMs() + MINUTE;
        if (close <= b.nowMs) {
            return false; // already stored (a replay after restart, or a backfill of a minute the stream gave)
        }
        if (k.market() == Market.PERP) {
            b.pendingPerp.put(k.openTimeMs(), bar);
            b.perpClose = Math.max(b.perpClose, close);
        } else {
            b.pendingSpot.put(k.openTimeMs(), bar);
            b.spotClose = Math.max(b.spotClose, close);
        }
        long target = Math.min(b.perpClose, b.spotClose);
        if (target <= b.nowMs || target == Long.MIN_VALUE) {
            return false;
        }
        if (b.nowMs != Long.MIN_VALUE) {
            fillHoles(b, Market.PERP, b.pendingPerp, target);
            fillHoles(b, Market.SPOT, b.pendingSpot, target);
        }
        advance(b, target);
        return true;
    }

    /**
     * Before the checkpoint moves over minutes a leg has no bar for (a disconnect, a restart), asks REST for them:
     * the checkpoint never skips a bar REST has, so a book that was down computes on the same bars as one that
     * was not.
     */
    private void fillHoles(SymbolBook b, Market m, TreeMap<Long, Bar> pending, long target) {
        long first = -1;
        long last = -1;
        for (long o = b.nowMs; o + MINUTE <= target; o += MINUTE) {
            if (!pending.containsKey(o)) {
                if (first < 0) {
                    first = o;
                }
                last = o;
            }
        }
        if (first < 0 || holes == null) {
            return;
        }
        // only minutes before a bar the stream closed: REST has them finished
        for (KlineEvent k : holes.fetch(b.symbol, m, first, last + MINUTE)) {
            if (k.closed() && k.openTimeMs() >= first && k.openTimeMs() <= last) {
                pending.putIfAbsent(k.openTimeMs(), new Bar(Instant.ofEpochMilli(k.openTimeMs()), BarInterval.M1,
                        k.open(), k.high(), k.low(), k.close(), k.volume()));
            }
        }
        backfilled += 1;
    }

    /** Fetches closed 1 m klines of one leg with open time in {@code [fromMs, toMs)} (REST). */
    public interface HoleFiller {
        /** The klines REST has; absent bars are simply missing. */
        List<KlineEvent> fetch(Symbol symbol, Market market, long fromMs, long toMs);
    }

    /** Sets the REST side that fills holes before a checkpoint moves over them (none: holes stay holes). */
    public synchronized void holeFiller(HoleFiller filler) {
        this.holes = filler;
    }

    /** One checkpoint: the market data up to {@code target} in one transaction, then the book. */
    private void advance(SymbolBook b, long target) {
        Symbol s = b.symbol;
        List<Bar> perp = take(b.pendingPerp, target);
        List<Bar> spot = take(b.pendingSpot, target);
        List<BarSeries> bars = new ArrayList<>();
        if (!perp.isEmpty()) {
            bars.add(BarSeries.of(s, Market.PERP, BarInterval.M1, perp));
        }
        if (!spot.isEmpty()) {
            bars.add(BarSeries.of(s, Market.SPOT, BarInterval.M1, spot));
        }
        long prev = b.nowMs == Long.MIN_VALUE ? target - MINUTE : b.nowMs;
        for (long h = Math.floorDiv(prev, HOUR) * HOUR; h + HOUR <= target; h += HOUR) {
            if (h + HOUR > prev) {
                bars.addAll(hourly(s, h, perp, spot));
            }
        }
        List<EventRow> rows = new ArrayList<>();
        for (Map.Entry<Long, Double> p : b.newProvisional.entrySet()) {
            rows.add(new EventRow(PROVISIONAL_RATE, s.name(), p.getKey(), Double.toString(p.getValue())));
        }
        long width = childWidth();
        for (long d = Math.floorDiv(prev, width) * width + width; d <= target; d += width) {
            if (Double.isFinite(b.perpBid) && Double.isFinite(b.spotBid)) {
                Quote q = new Quote(b.perpBid, b.perpAsk, b.spotBid, b.spotAsk);
                rows.add(new EventRow(QUOTE, s.name(), d, q.text()));
                b.quotes.put(d, q);
            }
        }
        rows.add(new EventRow(CHECKPOINT, s.name(), target, "perp " + perp.size() + ", spot " + spot.size()));
        b.provisional.putAll(b.newProvisional);
        b.newProvisional.clear();
        b.nowMs = target;
        recompute(b, new LiveStore.Batch("live " + s + " " + Instant.ofEpochMilli(target), bars, List.of(), rows,
                List.of(), List.of()));
    }

    /** The inputs with the batch's 1 m and 1 h bars of both legs appended (what the store holds once it commits). */
    private static BookPipeline.Inputs extend(BookPipeline.Inputs in, LiveStore.Batch data) {
        BarSeries perp = in.perp();
        BarSeries spot = in.spot();
        BarSeries perpH1 = in.perpH1();
        BarSeries spotH1 = in.spotH1();
        for (BarSeries x : data.bars()) {
            List<Bar> bars = new ArrayList<>(x.size());
            for (int i = 0; i < x.size(); i++) {
                bars.add(x.bar(i));
            }
            boolean hour = x.interval() == BarInterval.H1;
            if (x.market() == Market.PERP) {
                if (hour) {
                    perpH1 = append(perpH1, bars);
                } else {
                    perp = append(perp, bars);
                }
            } else if (x.market() == Market.SPOT) {
                if (hour) {
                    spotH1 = append(spotH1, bars);
                } else {
                    spot = append(spot, bars);
                }
            }
        }
        return new BookPipeline.Inputs(in.symbol(), in.funding(), perpH1, spotH1, in.markH1(), in.indexH1(), perp, spot,
                in.mark(), in.index(), in.premium());
    }

    private long childWidth() {
        return config.child() instanceof Child.Every e ? e.interval().millis() : HOUR;
    }

    /** The 1 h bars of hour {@code h} of both legs, resampled from the stored 1 m bars plus those being written. */
    private List<BarSeries> hourly(Symbol s, long h, List<Bar> perpNew, List<Bar> spotNew) {
        List<BarSeries> out = new ArrayList<>();
        for (Market m : List.of(Market.PERP, Market.SPOT)) {
            BarSeries stored = store.bars(s, m, BarInterval.M1, Instant.ofEpochMilli(h), Instant.ofEpochMilli(h + HOUR));
            TreeMap<Long, Bar> all = new TreeMap<>();
            for (int i = 0; i < stored.size(); i++) {
                all.put(stored.openTimeMs(i), stored.bar(i));
            }
            for (Bar x : m == Market.PERP ? perpNew : spotNew) {
                long o = x.openTime().toEpochMilli();
                if (o >= h && o < h + HOUR) {
                    all.putIfAbsent(o, x);
                }
            }
            if (!all.isEmpty()) {
                BarSeries fine = BarSeries.of(s, m, BarInterval.M1, new ArrayList<>(all.values()));
                out.add(Resampler.resample(fine, BarInterval.H1).bars());
            }
        }
        return out;
    }

    private static BarSeries append(BarSeries a, List<Bar> more) {
        if (more.isEmpty()) {
            return a;
        }
        List<Bar> all = new ArrayList<>(a.size() + more.size());
        for (int i = 0; i < a.size(); i++) {
            all.add(a.bar(i));
        }
        for (Bar x : more) {
            if (all.isEmpty() || x.openTime().toEpochMilli() > all.get(all.size() - 1).openTime().toEpochMilli()) {
                all.add(x);
            }
        }
        return BarSeries.of(a.symbol(), a.market(), a.interval(), all);
    }

    private static List<Bar> take(NavigableMap<Long, Bar> pending, long target) {
        List<Bar> out = new ArrayList<>();
        var head = pending.headMap(target - MINUTE, true);
        out.addAll(head.values());
        head.clear();
        return out;
    }

    // ------------------------------------------------------------------------------------------------ the book

    /** Runs the core pipeline at the symbol's checkpoint; stores what is new, then logs and shows it. */
    private void recompute(SymbolBook b) {
        recompute(b, null);
    }

    /**
     * Runs the core pipeline at the symbol's checkpoint on what the store holds plus {@code data} (the market data
     * of this checkpoint, or null), and writes {@code data} and everything new the book derived in one transaction
     * before logging and showing it: a crash leaves both or neither.
     */
    private void recompute(SymbolBook b, LiveStore.Batch data) {
        long now = b.nowMs;
        long t0 = System.nanoTime();
        if (b.inputs == null) {
            b.inputs = BookPipeline.load(store, b.symbol, config, now);
        }
        if (data != null) {
            b.inputs = extend(b.inputs, data);
        }
        TreeMap<Long, Double> pending = pendingSettlements(b, now);
        if (!pending.isEmpty() && settledSource != null) {
            List<FundingEvent> got = new ArrayList<>();
            for (long t : pending.keySet()) {
                settledSource.settled(b.symbol, t, now).ifPresent(got::add);
            }
            if (!got.isEmpty()) {
                storeSettled(b, FundingSeries.of(b.symbol, got));
                b.inputs = BookPipeline.load(store, b.symbol, config, now);
                if (data != null) {
                    b.inputs = extend(b.inputs, data);
                }
                pending = pendingSettlements(b, now);
            }
        }
        List<BookPipeline.Provisional> prov = new ArrayList<>();
        pending.forEach((t, r) -> prov.add(new BookPipeline.Provisional(t, r)));
        BookPipeline.Inputs in = b.inputs;
        long t1 = System.nanoTime();
        BookPipeline.BookRun run = BookPipeline.run(in, config, now, prov, b.signalCache);
        loadNanos += t1 - t0;
        pipelineNanos += System.nanoTime() - t1;
        b.run = run;
        List<FillRow> newFills = new ArrayList<>();
        for (Fill f : run.fills()) {
            if (b.storedFills.containsKey(decisionKey(f) + "/perp")) {
                continue;
            }
            newFills.addAll(legs(b, f));
        }
        List<FundingRow> newPays = new ArrayList<>();
        for (BookPipeline.Payment p : run.payments()) {
            FundingRow old = b.payments.get(p.settlementMs());
            String status = p.provisional() ? LiveStore.PROVISIONAL : LiveStore.SETTLED;
            if (old == null || old.status().equals(LiveStore.PROVISIONAL)
                    && (!status.equals(old.status()) || old.payment() != p.payment())) {
                newPays.add(new FundingRow(b.symbol.name(), p.settlementMs(), p.rate(), p.payment(), status));
            }
        }
        List<EventRow> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        decisions(b, run, rows, lines);
        if (newFills.isEmpty() && newPays.isEmpty() && rows.isEmpty() && data == null) {
            return;
        }
        long t2 = System.nanoTime();
        if (data == null) {
            live.commit(config.bookId(), new LiveStore.Batch("live book " + b.symbol, List.of(), List.of(), rows,
                    newFills, newPays));
        } else {
            List<EventRow> all = new ArrayList<>(data.events());
            all.addAll(rows);
            long marketRows = 0;
            for (BarSeries x : data.bars()) {
                marketRows += x.size();
            }
            LiveStore.Counts written;
            try {
                written = live.commit(config.bookId(), new LiveStore.Batch(data.source(), data.bars(), List.of(),
                        all, newFills, newPays));
            } catch (RuntimeException e) {
                b.inputs = null;
                throw e;
            }
            if (written.marketRows() != marketRows) {
                // the store kept other values for some of these bars (a conflict): read what it holds next time
                b.inputs = null;
            }
        }
        commitNanos += System.nanoTime() - t2;
        // stored: now act on it (count, show, log)
        for (FillRow f : newFills) {
            b.storedFills.put(f.decisionMs() + "/" + f.leg(), f);
            if (f.leg().equals("perp")) {
                b.fillRows.add(f);
                fills++;
            }
        }
        for (FundingRow p : newPays) {
            if (b.payments.put(p.settlementMs(), p) == null) {
                payments++;
            }
        }
        lines.forEach(log);
    }

    /**
     * The stored decision time of a fill (its key with the leg). A liquidation is booked at the close of the bar that
     * breached, where the child may also decide (and re-enter): it is keyed 1 ms before that close, inside the bar it
     * happened in, so both orders are kept, the liquidation first. Every other decision is at a bar close.
     */
    static long decisionKey(Fill f) {
        long d = f.decisionTime().toEpochMilli();
        return f.reason() == ExitReason.LIQUIDATION ? d - 1 : d;
    }

    /**
     * The two legs of an order: prices of the fill model, half the order's fee on each leg. A liquidation keeps the
     * engine's prices and fees (the exchange closes the perp at the liquidation price) under either fill model.
     */
    private List<FillRow> legs(SymbolBook b, Fill f) {
        long d = decisionKey(f);
        String from = f.from().name();
        String to = f.to().name();
        String reason = f.reason() == null ? "" : f.reason().name();
        double spotPrice = f.spotPrice();
        double perpPrice = f.perpPrice();
        double fee = f.fee();
        if (config.fill() == FillModel.BOOK && f.reason() != ExitReason.LIQUIDATION) {
            Quote q = b.quotes.get(d);
            if (q != null) {
                // buying a leg lifts the ask, selling hits the bid: short basis = long spot + short perp
                boolean buySpot = spotDelta(b, f) > 0;
                spotPrice = buySpot ? q.spotAsk() : q.spotBid();
                perpPrice = buySpot ? q.perpBid() : q.perpAsk();
            }
            fee = 2.0 * f.fee();
        }
        return List.of(
                new FillRow(b.symbol.name(), d, "perp", f.fillTime().toEpochMilli(), from, to, f.targetNotional(),
                        perpPrice, f.tradedNotional(), fee / 2.0, config.fill().code(), reason),
                new FillRow(b.symbol.name(), d, "spot", f.fillTime().toEpochMilli(), from, to, f.targetNotional(),
                        spotPrice, f.tradedNotional(), fee / 2.0, config.fill().code(), reason));
    }

    /** Sign of the spot quantity change of an order (+ buys spot); a short basis holds spot long. */
    private static double spotDelta(SymbolBook b, Fill f) {
        double before = f.from() == Side.SHORT_BASIS ? 1 : f.from() == Side.LONG_BASIS ? -1 : 0;
        double after = f.to() == Side.SHORT_BASIS ? 1 : f.to() == Side.LONG_BASIS ? -1 : 0;
        if (after != before) {
            return after - before;
        }
        double prev = b.fillRows.isEmpty() ? 0 : b.fillRows.get(b.fillRows.size() - 1).targetNotional();
        return after * Math.signum(f.targetNotional() - prev);
    }

    /** One decision line per child close since the last logged one; regime changes at cycle starts. */
    private void decisions(SymbolBook b, BookPipeline.BookRun run, List<EventRow> rows, List<String> lines) {
        if (run.result() == null || run.cycles() == null) {
            return;
        }
        var cycles = run.cycles();
        SignalPath sig = run.signals();
        int first = run.result().request().firstCycle();
        for (int k = Math.max(first, 0); k < cycles.size(); k++) {
            long start = cycles.startMs(k);
            if (start > b.lastRegimeCycleMs && start < run.nowMs() && k < sig.size()) {
                Regime r = sig.regime(k);
                Regime before = k > 0 ? sig.regime(k - 1) : null;
                if (r != before || start == cycles.startMs(first)) {
                    rows.add(new EventRow(REGIME, b.symbol.name(), start, (before == null ? "-" : before.name()) + "->"
                            + (r == null ? "-" : r.name())));
                }
                b.lastRegimeCycleMs = start;
            }
        }
        long width = childWidth();
        long from = Math.max(b.lastLoggedMs + 1, cycles.startMs(first));
        long last = Math.min(run.nowMs() - 1, run.provisionalFromMs() - 1);
        Map<Long, Fill> byDecision = new HashMap<>();
        for (Fill f : run.fills()) {
            byDecision.put(f.decisionTime().toEpochMilli(), f);
        }
        for (long d = Math.floorDiv(from + width - 1, width) * width; d <= last; d += width) {
            int k = cycles.lowerBound(d + 1) - 1;
            if (k < 0 || k >= sig.size()) {
                continue;
            }
            Fill f = byDecision.get(d);
            Regime r = sig.regime(k);
            String action = f == null ? "hold" : f.from() + "->" + f.to() + " notional " + fmt(f.targetNotional())
                    + " @ perp " + fmt(f.perpPrice()) + " spot " + fmt(f.spotPrice())
                    + (f.reason() == null ? "" : " (" + f.reason() + ")");
            String detail = "regime " + (r == null ? "-" : r.name()) + " exposure " + fmt(sig.exposure(k)) + " r "
                    + fmt(sig.relaxationRatio(k)) + " z " + fmt(sig.temperatureZscore(k)) + " entropy "
                    + fmt(sig.entropyRate(k)) + " je " + fmt(sig.jeHealth(k)) + ": " + action;
            rows.add(new EventRow(DECISION, b.symbol.name(), d, detail));
            lines.add(Instant.ofEpochMilli(d) + " " + b.symbol + " " + detail);
            b.lastLoggedMs = d;
        }
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "NaN";
    }

    // ------------------------------------------------------------------------------------------------ views

    /** Settlements of a symbol booked at the stream's rate, waiting for REST's settled rate. */
    public synchronized List<Long> provisionalSettlements(Symbol s) {
        SymbolBook b = books.get(s);
        return b == null || b.inputs == null ? List.of() : new ArrayList<>(pendingSettlements(b, b.nowMs).keySet());
    }

    /** Stream events received by this process. */
    public synchronized long events() {
        return events;
    }

    /** Fills stored by this process (orders, both legs counting once). */
    public synchronized long fills() {
        return fills;
    }

    /** Funding payments newly stored by this process. */
    public synchronized long fundingPayments() {
        return payments;
    }

    /** Reconnects reported by the stream connections. */
    public synchronized long reconnects() {
        return reconnects;
    }

    /** Event handling latency (whole loop incl. store writes). */
    public LatencyRecorder latency() {
        return latency;
    }

    /** The book of one symbol as of its checkpoint (null before the first). */
    public synchronized BookPipeline.BookRun run(Symbol s) {
        SymbolBook b = books.get(s);
        return b == null ? null : b.run;
    }

    /** The stored fills of the book (both legs), as the store holds them. */
    public List<FillRow> storedFills() {
        return live.fills(config.bookId());
    }

    /** The stop summary of CLI.md: {@code {"events":n,"fills":n,"fundingPayments":n,"reconnects":n,"pnl":{..}}}. */
    public synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events);
        m.put("fills", fills);
        m.put("fundingPayments", payments);
        m.put("reconnects", reconnects);
        m.put("pnl", pnl());
        return m;
    }

    /** PnL of the whole book, in units of one symbol's starting capital, split funding / basis / fees / total. */
    public synchronized Map<String, Object> pnl() {
        double[] t = new double[3];
        for (SymbolBook b : books.values()) {
            double[] x = b.pnlSplit();
            for (int i = 0; i < 3; i++) {
                t[i] += x[i];
            }
        }
        return pnlMap(t);
    }

    private static Map<String, Object> pnlMap(double[] x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("funding", x[0]);
        m.put("basis", x[1]);
        m.put("fees", x[2]);
        m.put("total", x[0] + x[1] - x[2]);
        return m;
    }

    /** The status document (the JSON endpoint and the page show the same). */
    public synchronized Map<String, Object> status(long wallMs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("book", config.bookId());
        doc.put("fill", config.fill().code());
        doc.put("child", config.child().code());
        doc.put("feeBps", config.fee().roundTripBps());
        doc.put("time", Instant.ofEpochMilli(wallMs).toString());
        List<Object> syms = new ArrayList<>();
        for (SymbolBook b : books.values()) {
            syms.add(b.status(wallMs));
        }
        doc.put("symbols", syms);
        Map<String, Object> health = new LinkedHashMap<>();
        Map<String, Object> ages = new LinkedHashMap<>();
        lastEventMs.forEach((k, v) -> ages.put(k, (wallMs - v) / 1000.0));
        health.put("lastEventAgeSeconds", ages);
        health.put("events", events);
        health.put("gaps", gaps);
        health.put("reconnects", reconnects);
        doc.put("health", health);
        doc.put("summary", summary());
        return doc;
    }

    /** Best quotes of both legs at a child close (for {@link FillModel#BOOK}). */
    record Quote(double perpBid, double perpAsk, double spotBid, double spotAsk) {
        String text() {
            return perpBid + "," + perpAsk + "," + spotBid + "," + spotAsk;
        }

        static Quote parse(String s) {
            String[] p = s.split(",");
            return new Quote(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Double.parseDouble(p[3]));
        }
    }

    /** One symbol's loop state. */
    private final class SymbolBook {
        final Symbol symbol;
        final TreeMap<Long, Bar> pendingPerp = new TreeMap<>();
        final TreeMap<Long, Bar> pendingSpot = new TreeMap<>();
        final TreeMap<Long, Double> provisional = new TreeMap<>();
        final TreeMap<Long, Double> newProvisional = new TreeMap<>();
        final TreeMap<Long, Quote> quotes = new TreeMap<>();
        final Map<String, FillRow> storedFills = new HashMap<>();
        final List<FillRow> fillRows = new ArrayList<>();
        final TreeMap<Long, FundingRow> payments = new TreeMap<>();
        long nowMs = Long.MIN_VALUE;
        long perpClose = Long.MIN_VALUE;
        long spotClose = Long.MIN_VALUE;
        long lastLoggedMs = Long.MIN_VALUE;
        long lastRegimeCycleMs = Long.MIN_VALUE;
        long nextFundingMs;
        double rateBeforeSettlement = Double.NaN;
        double perpBid = Double.NaN;
        double perpAsk = Double.NaN;
        double spotBid = Double.NaN;
        double spotAsk = Double.NaN;
        MarkPriceEvent mark;
        BookPipeline.BookRun run;
        /** What the store holds for the pipeline as of {@code nowMs}; null = read it again. */
        BookPipeline.Inputs inputs;
        final BookPipeline.SignalCache signalCache = new BookPipeline.SignalCache();

        SymbolBook(Symbol symbol) {
            this.symbol = symbol;
        }

        Map<String, Object> status(long wallMs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", symbol.name());
            m.put("checkpoint", nowMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(nowMs).toString());
            BookPipeline.BookRun r = run;
            int k = r == null ? -1 : r.currentCycle();
            SignalPath sig = r == null ? null : r.signals();
            if (sig != null && k >= 0 && k < sig.size()) {
                Regime g = sig.regime(k);
                m.put("regime", g == null ? null : g.name());
                m.put("exposure", sig.exposure(k));
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("relaxationRatio", sig.relaxationRatio(k));
                s.put("temperatureZscore", sig.temperatureZscore(k));
                s.put("entropyRate", sig.entropyRate(k));
                s.put("jeHealth", sig.jeHealth(k));
                m.put("signals", s);
                m.put("veto", sig.vetoesApplied() ? "applied" : "not evaluated (no microstructure data)");
            } else {
                m.put("regime", null);
                m.put("signals", null);
                m.put("veto", null);
            }
            m.put("legs", legs());
            m.put("pnl", pnlMap(pnlSplit()));
            double earned = 0;
            for (FundingRow f : payments.values()) {
                earned += f.payment();
            }
            m.put("fundingEarned", earned);
            m.put("fundingPayments", payments.size());
            m.put("pendingSettlements", inputs == null ? 0 : pendingSettlements(this, nowMs).size());
            margin(m);
            long next = mark != null ? mark.nextFundingTimeMs() : 0;
            m.put("nextSettlement", next > 0 ? Instant.ofEpochMilli(next).toString() : null);
            m.put("nextSettlementSeconds", next > 0 ? Math.max(0, next - wallMs) / 1000.0 : null);
            m.put("markPrice", mark == null ? null : mark.markPrice());
            m.put("fundingRate", mark == null ? null : mark.fundingRate());
            return m;
        }

        /**
         * The perp leg's margin (SPEC §13) from the run's {@link MarginOutcome}: {@code marginRatio} the coverage
         * {@code B/MM} of the leg held now at the latest mark price (the stream's, else the last 1 m mark bar's, else
         * the perp's close; liquidation at {@code <= 1}), {@code minMarginRatio} the lowest coverage of the path,
         * {@code liquidations}, the leg's {@code liquidationPrice} and futures {@code wallet} (units of the
         * symbol's capital). All null when the margin is off (leverage 0); the leg's values null while flat.
         */
        void margin(Map<String, Object> m) {
            MarginSpec spec = config.margin(symbol);
            BookPipeline.BookRun r = run;
            MarginOutcome o = r == null ? null : r.margin();
            OpenPerpLeg leg = o == null ? null : o.openLeg();
            double price = marginPrice();
            m.put("leverage", spec == null ? null : spec.leverage());
            m.put("marginRatio", leg == null || !Double.isFinite(price) ? null : o.coverageAt(price));
            m.put("marginPrice", leg == null ? null : price);
            m.put("minMarginRatio", o == null ? null : o.minCoverage());
            m.put("liquidations", o == null ? null : o.liquidationCount());
            m.put("liquidationPrice", leg == null ? null : o.openLiquidationPrice());
            m.put("wallet", leg == null ? null : leg.wallet());
        }

        /** The latest mark price: the stream's, else the last 1 m mark bar's close, else the perp's close. */
        double marginPrice() {
            if (mark != null) {
                return mark.markPrice();
            }
            BookPipeline.Inputs in = inputs;
            if (in != null && !in.mark().isEmpty()) {
                return in.mark().close(in.mark().size() - 1);
            }
            return in != null && !in.perp().isEmpty() ? in.perp().close(in.perp().size() - 1) : Double.NaN;
        }

        /**
         * Funding, basis and fees of this symbol's book (units of its starting capital). Bar fills: the engine's
         * ledger (the book equals it). Book fills: the stored fills at their quote prices, the pair marked to the
         * last closes (spot long / perp short for a short basis), fees as stored, funding as paid on the engine's
         * position (the same orders; the quantity differs from the bar fill's by the quote-vs-open price only).
         */
        double[] pnlSplit() {
            BookPipeline.BookRun r = run;
            if (r == null) {
                return new double[3];
            }
            if (config.fill() == FillModel.BAR) {
                return new double[] {r.funding(), r.basis(), r.fees()};
            }
            double funding = 0;
            for (FundingRow f : payments.values()) {
                funding += f.payment();
            }
            HeldPair h = replayFills();
            double basis = h.basis;
            BookPipeline.Inputs in = inputs;
            if (in != null && !in.perp().isEmpty() && !in.spot().isEmpty()) {
                double spotNow = in.spot().close(in.spot().size() - 1);
                double perpNow = in.perp().close(in.perp().size() - 1);
                basis += h.markPnl(spotNow, perpNow);
            }
            return new double[] {funding, basis, h.fees};
        }

        /** The pair held after replaying the stored fills in order (both legs of each decision), with its PnL. */
        HeldPair replayFills() {
            HeldPair h = new HeldPair();
            for (FillRow f : fillRows) {
                FillRow sp = storedFills.get(f.decisionMs() + "/spot");
                if (sp != null) {
                    h.trade(f, sp);
                }
            }
            return h;
        }

        /** Position per leg from the stored fills: side, quantity, entry price (the margin model's hook). */
        List<Object> legs() {
            HeldPair h = replayFills();
            String side = h.side;
            double sign = h.sign();
            double qSpot = h.qSpot;
            double qPerp = h.qPerp;
            double pSpot = h.entrySpot;
            double pPerp = h.entryPerp;
            double notional = h.notional;
            FillRow lastPerp = h.lastPerp;
            double lastPerpPx = mark != null ? mark.markPrice() : pPerp;
            List<Object> out = new ArrayList<>();
            Map<String, Object> sp = new LinkedHashMap<>();
            sp.put("leg", "spot");
            sp.put("side", side);
            sp.put("quantity", sign * qSpot);
            sp.put("entryPrice", pSpot);
            out.add(sp);
            Map<String, Object> pp = new LinkedHashMap<>();
            pp.put("leg", "perp");
            pp.put("side", side);
            pp.put("quantity", -sign * qPerp);
            pp.put("entryPrice", pPerp);
            pp.put("markPrice", lastPerpPx);
            pp.put("notional", notional);
            pp.put("lastFill", lastPerp == null ? null : Instant.ofEpochMilli(lastPerp.fillMs()).toString());
            out.add(pp);
            return out;
        }
    }

    /**
     * The basis pair built by replaying stored fills: quantities per leg (re-sized from the target notional at each
     * fill, re-struck at a side change), entry prices, the basis PnL of marking the held pair from fill to fill, and
     * the fees paid.
     */
    static final class HeldPair {
        String side = Side.FLAT.name();
        double notional;
        double qSpot;
        double qPerp;
        double entrySpot = Double.NaN;
        double entryPerp = Double.NaN;
        double lastSpot;
        double lastPerpPrice;
        double basis;
        double fees;
        FillRow lastPerp;

        /** +1 short basis (long spot, short perp), −1 long basis, 0 flat. */
        double sign() {
            return side.equals(Side.SHORT_BASIS.name()) ? 1 : side.equals(Side.LONG_BASIS.name()) ? -1 : 0;
        }

        /** PnL of the held pair from the last fill's prices to these. */
        double markPnl(double spot, double perp) {
            return sign() * (qSpot * (spot - lastSpot) - qPerp * (perp - lastPerpPrice));
        }

        /** Marks the held pair to this decision's fill prices, then trades to its target. */
        void trade(FillRow perp, FillRow spot) {
            fees += perp.fee() + spot.fee();
            basis += markPnl(spot.price(), perp.price());
            lastSpot = spot.price();
            lastPerpPrice = perp.price();
            if (!perp.sideTo().equals(side) || notional == 0) {
                qSpot = perp.targetNotional() > 0 ? perp.targetNotional() / spot.price() : 0;
                qPerp = perp.targetNotional() > 0 ? perp.targetNotional() / perp.price() : 0;
                entrySpot = spot.price();
                entryPerp = perp.price();
            } else if (notional > 0) {
                double l = perp.targetNotional() / notional;
                qSpot *= l;
                qPerp *= l;
            }
            side = perp.sideTo();
            notional = perp.targetNotional();
            lastPerp = perp;
        }
    }
}
