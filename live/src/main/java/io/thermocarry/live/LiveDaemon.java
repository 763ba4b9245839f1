package io.thermocarry.live;

import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.StreamEvent;
import io.thermocarry.binance.stream.StreamHealth;
import io.thermocarry.binance.stream.StreamListener;
import io.thermocarry.core.Checks;
import io.thermocarry.core.market.FundingEvent;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@link LiveBook} on a stream feed: one loop thread takes the connections' events from a queue (so the
 * book sees one ordered sequence whatever thread delivered them), backfills missing 1 m klines over REST at start
 * and after a reported gap, and asks REST for the settled rate of every settlement the stream announced.
 */
public final class LiveDaemon implements AutoCloseable {
    /** The REST side the daemon needs (the binance module's {@code StreamBackfill} in production). */
    public interface Rest {
        /** Closed 1 m klines of one leg with open time in {@code [fromMs, toMs)}. */
        List<KlineEvent> klines(Symbol symbol, Market market, long fromMs, long toMs);

        /** The settled funding event at {@code settlementMs}, once published. */
        Optional<FundingEvent> settledFunding(Symbol symbol, long settlementMs);
    }

    /** A started stream connection (closed on stop). */
    public interface Feed extends AutoCloseable {
        @Override
        void close();
    }

    private static final Object STOP = new Object();
    private final LiveBook book;
    private final Rest rest;
    private final Function<StreamListener, Feed> feeds;
    private final Consumer<String> warn;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread loop;
    private volatile Feed feed;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private long lastFundingPollMs;
    private long lastEventWallMs = System.currentTimeMillis();

    /**
     * @param book the book (not yet started)
     * @param rest REST backfill and settled funding
     * @param feeds starts the stream connections delivering to a listener
     * @param warn receives one line per problem (gaps, backfill failures)
     */
    public LiveDaemon(LiveBook book, Rest rest, Function<StreamListener, Feed> feeds, Consumer<String> warn) {
        this.book = Checks.notNull(book, "book");
        this.rest = Checks.notNull(rest, "rest");
        this.feeds = Checks.notNull(feeds, "feeds");
        this.warn = Checks.notNull(warn, "warn");
        this.loop = new Thread(this::run, "thermocarry-live-loop");
    }

    /** Starts the book from the store, backfills to now, connects the streams and starts the loop. */
    public void start() {
        book.holeFiller(rest::klines);
        java.util.Map<String, Long> asked = new java.util.concurrent.ConcurrentHashMap<>();
        book.settledSource((s, t, now) -> {
            long wall = System.currentTimeMillis();
            Long last = asked.get(s + "/" + t);
            if (last != null && wall - last < 5_000) {
                return Optional.empty();
            }
            asked.put(s + "/" + t, wall);
            try {
                return rest.settledFunding(s, t);
            } catch (RuntimeException e) {
                warn.accept("settled funding of " + s + " at " + Instant.ofEpochMilli(t) + ": " + e.getMessage());
                return Optional.empty();
            }
        });
        book.start();
        long now = System.currentTimeMillis();
        for (Symbol s : book.config().symbols()) {
            backfill(s, now);
        }
        pollFunding(true);
        loop.start();
        feed = feeds.apply(new StreamListener() {
            @Override
            public void onEvent(StreamEvent event) {
                queue.add(new Timed(event, System.nanoTime()));
            }

            @Override
            public void onHealth(StreamHealth health) {
                queue.add(health);
            }
        });
    }

    /** The book. */
    public LiveBook book() {
        return book;
    }

    /** The loop's failure, if it stopped on one. */
    public Throwable failure() {
        return failure;
    }

    /** Waits until the loop ends (stop or failure). */
    public void await() throws InterruptedException {
        loop.join();
    }

    /** Stops the feed and the loop (events already queued are handled first). */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        Feed f = feed;
        if (f != null) {
            f.close();
        }
        queue.add(STOP);
        try {
            loop.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Timed(StreamEvent event, long arrivedNanos) {
    }

    private void run() {
        try {
            while (true) {
                Object o = queue.poll(1, TimeUnit.SECONDS);
                if (o == STOP) {
                    return;
                }
                if (o == null && System.currentTimeMillis() - lastEventWallMs > 5_000) {
                    // the streams are silent: bring the book up to what REST has finished
                    for (Symbol s : book.config().symbols()) {
                        backfill(s, System.currentTimeMillis());
                    }
                    lastEventWallMs = System.currentTimeMillis();
                }
                if (o != null) {
                    lastEventWallMs = System.currentTimeMillis();
                }
                if (o instanceof Timed t) {
                    book.onEvent(t.event());
                    book.latency().record(System.nanoTime() - t.arrivedNanos(), false);
                } else if (o instanceof StreamHealth h) {
                    book.onHealth(h);
                    if (h.kind() == StreamHealth.Kind.GAP) {
                        warn.accept("gap on " + h.stream() + " " + Instant.ofEpochMilli(h.fromMs()) + " to "
                                + Instant.ofEpochMilli(h.toMs()) + ": backfilling over REST");
                        for (Symbol s : book.config().symbols()) {
                            backfill(s, System.currentTimeMillis());
                        }
                    }
                }
                pollFunding(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            warn.accept("live loop stopped: " + e);
        }
    }

    /** Feeds the closed 1 m klines of both legs after the symbol's checkpoint, in close order. */
    private void backfill(Symbol s, long nowMs) {
        long cp = book.checkpoint(s);
        long from = cp == Long.MIN_VALUE ? Math.floorDiv(nowMs, 60_000L) * 60_000L - 60_000L : cp;
        long to = Math.floorDiv(nowMs, 60_000L) * 60_000L;
        if (to <= from) {
            return;
        }
        try {
            // REST serves the bar still open with provisional values, and its "now" is not ours: the newest bar of
            // each leg is left to the stream (or to the hole filling before the checkpoint moves over it)
            List<KlineEvent> all = new ArrayList<>(finished(rest.klines(s, Market.PERP, from, to)));
            all.addAll(finished(rest.klines(s, Market.SPOT, from, to)));
            all.sort(Comparator.comparingLong(KlineEvent::openTimeMs).thenComparing(k -> k.market().ordinal()));
            for (KlineEvent k : all) {
                book.onEvent(k);
            }
        } catch (RuntimeException e) {
            warn.accept("backfill of " + s + " from " + Instant.ofEpochMilli(from) + " failed: " + e.getMessage());
        }
    }

    private static List<KlineEvent> finished(List<KlineEvent> bars) {
        return bars.isEmpty() ? bars : bars.subList(0, bars.size() - 1);
    }

    /** Asks REST for the settled rate of every provisional settlement of the book (at most every 5 s). */
    private void pollFunding(boolean force) {
        long now = System.currentTimeMillis();
        if (!force && now - lastFundingPollMs < 5_000) {
            return;
        }
        lastFundingPollMs = now;
        for (Symbol s : book.config().symbols()) {
            for (long t : book.provisionalSettlements(s)) {
                try {
                    Optional<FundingEvent> e = rest.settledFunding(s, t);
                    e.ifPresent(ev -> book.onSettledFunding(FundingSeries.of(s, List.of(ev))));
                } catch (RuntimeException ex) {
                    warn.accept("settled funding of " + s + " at " + Instant.ofEpochMilli(t) + ": " + ex.getMessage());
                }
            }
        }
    }
}
