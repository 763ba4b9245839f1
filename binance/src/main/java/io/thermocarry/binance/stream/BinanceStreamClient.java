package io.thermocarry.binance.stream;

import io.thermocarry.binance.download.Sleeper;
import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance's public market streams for a set of symbols (SPEC §14) on the JDK's {@link WebSocket}: one combined-stream
 * connection per host, {@code <futuresBase>/stream?streams=<s>@markPrice@1s/<s>@bookTicker/<s>@kline_1m/...} and
 * {@code <spotBase>/stream?streams=<s>@bookTicker/<s>@kline_1m/...}, decoded by {@link StreamDecoder} and delivered to
 * one {@link StreamListener} on one thread ({@code thermocarry-stream-delivery}), in arrival order.
 *
 * <p>Guarantees to the listener, per stream (connection + stream name):
 * <ul>
 * <li>no repeat and no step back: book tickers by {@code updateId}, mark prices by event time, klines by open time
 * (a closed kline once; updates of the open bar by event time). A dropped event is counted and reported
 * ({@link StreamHealth.Kind#DUPLICATE} / {@link StreamHealth.Kind#OUT_OF_ORDER}).</li>
 * <li>closed klines: every closed 1 m bar is either delivered (in open-time order) or inside exactly one
 * {@link StreamHealth.Kind#GAP} {@code [fromMs, toMs)} (open times) reported before the first event past it; a
 * closed kline inside a range already reported is dropped, so the owner's REST backfill ({@link StreamBackfill})
 * never meets it twice. Gaps are found at the first kline of a new connection (after a disconnect or a stale
 * reconnect) and at any closed kline that skips bars.</li>
 * <li>malformed frames are counted and reported ({@link StreamHealth.Kind#MALFORMED}), never thrown.</li>
 * </ul>
 *
 * <p>Connection care, one supervisor thread per host: reconnect after a close or error with
 * {@link io.thermocarry.binance.download.NetPolicy#backoff} waits (unlimited attempts, the count reset once a
 * connection carried a frame); a stream silent for {@link StreamConfig#staleAfter()} is reported stale, for
 * {@link StreamConfig#reconnectAfter()} makes the host reconnect; a ping is sent after
 * {@link StreamConfig#pingAfterIdle()} without a frame (Binance's pings are answered by the JDK's automatic pong);
 * at {@link StreamConfig#renewAfter()} (default 23 h) a new connection is opened, and the old one is closed once the
 * new one carried an event on every stream (or after {@link StreamConfig#renewOverlap()}): the repeats of the overlap
 * are dropped silently ({@link StreamStats#overlapDropped()}), nothing is lost.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} (prompt: sockets aborted, threads interrupted, undelivered
 * frames discarded). Clock and sleeper are injected (tests run the clock fast and sleep accordingly).
 */
public final class BinanceStreamClient implements AutoCloseable {
    /** Binance's USDⓈ-M futures stream host. */
    public static final URI DEFAULT_FUTURES_WS = URI.create("wss://fstream.binance.com");
    /** Binance's spot stream host. */
    public static final URI DEFAULT_SPOT_WS = URI.create("wss://stream.binance.com:9443");
    /** Name of the futures connection in {@link StreamHealth#connection()}. */
    public static final String FUTURES = "futures";
    /** Name of the spot connection in {@link StreamHealth#connection()}. */
    public static final String SPOT = "spot";

    private final StreamConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final StreamListener listener;
    private final List<Link> links = new ArrayList<>();
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final HttpClient http;
    private final Thread delivery;
    private final AtomicInteger socketIds = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean started;

    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong renewals = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong pingsSent = new AtomicLong();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final AtomicInteger connected = new AtomicInteger();

    /** Per stream key ({@code connection + ":" + stream}): receive time of its last event, client clock. */
    private final Map<String, Long> lastEventMs = new ConcurrentHashMap<>();

    /** Decodes, orders and delivers (delivery thread only). */
    private final StreamSequencer sequencer;

    /**
     * @param config connection care
     * @param symbols the symbols, each with its perp (mark price, book ticker, 1 m klines) and spot (book ticker, 1 m
     *        klines) streams
     * @param futuresWsBase base of the futures stream host ({@link #DEFAULT_FUTURES_WS}, a mirror, or the replay server)
     * @param spotWsBase base of the spot stream host, or null for no spot connection
     * @param listener receives events and health on the delivery thread
     * @param clock the clock of staleness, age and event receive times
     * @param sleeper how to wait between reconnect attempts
     */
    public BinanceStreamClient(StreamConfig config, List<Symbol> symbols, URI futuresWsBase, URI spotWsBase,
            StreamListener listener, Clock clock, Sleeper sleeper) {
        this.config = Checks.notNull(config, "config");
        Checks.notNull(symbols, "symbols");
        Checks.check(!symbols.isEmpty(), "at least one symbol");
        this.listener = Checks.notNull(listener, "listener");
        this.clock = Checks.notNull(clock, "clock");
        this.sleeper = Checks.notNull(sleeper, "sleeper");
        this.sequencer = new StreamSequencer(listener);
        Random seeds = new Random(config.jitterSeed());
        if (futuresWsBase != null) {
            links.add(new Link(FUTURES, Market.PERP, futuresWsBase, futuresStreams(symbols), seeds.nextLong()));
        }
        if (spotWsBase != null) {
            links.add(new Link(SPOT, Market.SPOT, spotWsBase, spotStreams(symbols), seeds.nextLong()));
        }
        Checks.check(!links.isEmpty(), "at least one of futuresWsBase, spotWsBase");
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.delivery = new Thread(this::deliver, "thermocarry-stream-delivery");
        delivery.setDaemon(true);
    }

    /** The futures streams of {@code symbols}: {@code <s>@markPrice@1s}, {@code <s>@bookTicker}, {@code <s>@kline_1m}. */
    public static List<String> futuresStreams(List<Symbol> symbols) {
        List<String> out = new ArrayList<>();
        for (Symbol s : symbols) {
            String n = s.name().toLowerCase(Locale.ROOT);
            out.add(n + "@markPrice@1s");
            out.add(n + "@bookTicker");
            out.add(n + "@kline_1m");
        }
        return List.copyOf(out);
    }

    /** The spot streams of {@code symbols}: {@code <s>@bookTicker}, {@code <s>@kline_1m}. */
    public static List<String> spotStreams(List<Symbol> symbols) {
        List<String> out = new ArrayList<>();
        for (Symbol s : symbols) {
            String n = s.name().toLowerCase(Locale.ROOT);
            out.add(n + "@bookTicker");
            out.add(n + "@kline_1m");
        }
        return List.copyOf(out);
    }

    /** The combined-stream URL of {@code streams} on {@code base}: {@code <base>/stream?streams=a/b/c}. */
    public static URI combinedUrl(URI base, List<String> streams) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + "/stream?streams=" + String.join("/", streams));
    }

    /** Opens the connections (asynchronously: health reports {@link StreamHealth.Kind#CONNECTED}). Once only. */
    public synchronized void start() {
        Checks.check(!started, "a stream client starts once");
        started = true;
        running = true;
        delivery.start();
        for (Link l : links) {
            l.supervisor = new Thread(() -> l.supervise(), "thermocarry-stream-" + l.name);
            l.supervisor.setDaemon(true);
            l.supervisor.start();
        }
    }

    /** Whether started and not closed. */
    public boolean isRunning() {
        return running;
    }

    /** The counters so far (any thread). */
    public StreamStats stats() {
        StreamSequencer q = sequencer;
        return new StreamStats(q.events(), connects.get(), reconnects.get(), renewals.get(), stale.get(),
                q.duplicates(), q.outOfOrder(), q.gaps(), q.malformed(), q.overlapDropped(), pingsSent.get(),
                pongs.get(), pings.get(), q.listenerErrors(), connected.get());
    }

    /** The URLs connected to, one per host (futures first). */
    public List<URI> urls() {
        return links.stream().map(l -> l.url).toList();
    }

    /** Client-clock time of the last event of {@code stream} on {@code connection}, or -1. */
    public long lastEventMs(String connection, String stream) {
        return lastEventMs.getOrDefault(connection + ":" + stream, -1L);
    }

    /** Stops: aborts the sockets, stops the threads (waits for them up to 2 s), drops undelivered frames. */
    @Override
    public void close() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        for (Link l : links) {
            if (l.supervisor != null) {
                l.supervisor.interrupt();
            }
            l.abortAll();
        }
        queue.clear();
        queue.add(new Stop());
        for (Link l : links) {
            join(l.supervisor);
        }
        if (Thread.currentThread() != delivery) {
            join(delivery);
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------------ delivery

    private sealed interface Item permits Frame, Health, Stop {
    }

    private record Frame(Link link, Socket socket, String text, long receiveMs, boolean overlap) implements Item {
    }

    private record Health(StreamHealth health) implements Item {
    }

    private record Stop() implements Item {
    }

    private void report(StreamHealth.Kind kind, String connection, String stream, long fromMs, long toMs,
            String detail) {
        queue.add(new Health(new StreamHealth(kind, connection, stream, clock.millis(), fromMs, toMs, detail)));
    }

    private void deliver() {
        while (true) {
            Item it;
            try {
                it = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (it instanceof Stop) {
                return;
            }
            if (!running) {
                continue;
            }
            if (it instanceof Health h) {
                sequencer.health(h.health());
            } else if (it instanceof Frame f) {
                sequencer.accept(f.link.name, f.link.market, f.socket.id, f.overlap, f.text, f.receiveMs);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ connections

    private enum Exit {
        STOP, CLOSED, STALE, RENEW
    }

    /** One host's connection and its supervisor. */
    private final class Link {
        final String name;
        final Market market;
        final URI url;
        final List<String> streams;
        final Random jitter;
        final Set<Socket> open = ConcurrentHashMap.newKeySet();
        final Map<String, Boolean> staleReported = new HashMap<>();
        volatile boolean overlap;
        Thread supervisor;

        Link(String name, Market market, URI base, List<String> streams, long seed) {
            this.name = name;
            this.market = market;
            this.url = combinedUrl(base, streams);
            this.streams = streams;
            this.jitter = new Random(seed);
        }

        void abortAll() {
            for (Socket s : open) {
                s.abort();
            }
        }

        void supervise() {
            int failures = 0;
            boolean everConnected = false;
            Socket next = null;
            try {
                while (running) {
                    Socket s = next;
                    next = null;
                    if (s == null) {
                        try {
                            s = connect();
                        } catch (Exception e) {
                            if (!running) {
                                return;
                            }
                            failures++;
                            Duration wait = config.backoff().backoff(failures, jitter.nextDouble());
                            report(StreamHealth.Kind.RECONNECTING, name, null, 0, 0, "connect to " + url
                                    + " failed (" + describeError(e) + "); attempt " + (failures + 1) + " in "
                                    + wait.toMillis() + " ms");
                            sleeper.sleep(wait);
                            continue;
                        }
                        if (everConnected) {
                            reconnects.incrementAndGet();
                        }
                        everConnected = true;
                        report(StreamHealth.Kind.CONNECTED, name, null, 0, 0, url.toString());
                    }
                    Exit why = watch(s);
                    switch (why) {
                        case STOP -> {
                            s.abort();
                            return;
                        }
                        case CLOSED -> {
                            failures = s.frames.get() > 0 ? 1 : failures + 1;
                            Duration wait = config.backoff().backoff(failures, jitter.nextDouble());
                            report(StreamHealth.Kind.DISCONNECTED, name, null, 0, 0, s.closeReason());
                            s.abort();
                            report(StreamHealth.Kind.RECONNECTING, name, null, 0, 0, "reconnecting in "
                                    + wait.toMillis() + " ms");
                            sleeper.sleep(wait);
                        }
                        case STALE -> {
                            // a socket that never carried a frame counts as a failed attempt: back off
                            failures = s.frames.get() > 0 ? 0 : failures + 1;
                            s.abort();
                            report(StreamHealth.Kind.RECONNECTING, name, null, 0, 0, "a stream was silent for "
                                    + config.reconnectAfter().toMillis() + " ms: reconnecting");
                            if (failures > 0) {
                                sleeper.sleep(config.backoff().backoff(failures, jitter.nextDouble()));
                            }
                        }
                        case RENEW -> next = renew(s);
                    }
                }
            } catch (InterruptedException e) {
                // closing
            } finally {
                abortAll();
            }
        }

        /** Opens a second connection, lets both run until the new one carried every stream, closes the old one. */
        Socket renew(Socket old) throws InterruptedException {
            old.retiring = true;
            overlap = true;
            Socket fresh;
            try {
                fresh = connect();
            } catch (Exception e) {
                overlap = false;
                old.retiring = false;
                if (!running) {
                    return old;
                }
                old.renewFailedAtMs = clock.millis();
                report(StreamHealth.Kind.RECONNECTING, name, null, 0, 0, "renewal failed (" + describeError(e)
                        + "); keeping the old connection");
                return old;
            }
            long start = clock.millis();
            long tickMs = config.tick().toMillis();
            while (running && !fresh.closed.isDone() && !old.closed.isDone()
                    && !fresh.seen.containsAll(streams)
                    && clock.millis() - start < config.renewOverlap().toMillis()) {
                Thread.sleep(Math.max(1, tickMs / 4));
            }
            if (fresh.closed.isDone() && !old.closed.isDone()) {
                // the new socket died during the overlap: keep the old one, try again a little later
                overlap = false;
                old.retiring = false;
                old.renewFailedAtMs = clock.millis();
                report(StreamHealth.Kind.RECONNECTING, name, null, 0, 0, "renewal failed (" + fresh.closeReason()
                        + "); keeping the old connection");
                return old;
            }
            old.closeNormally();
            // the old socket's frames carry the overlap flag (retiring); the new one's are normal from here on
            overlap = false;
            renewals.incrementAndGet();
            report(StreamHealth.Kind.RENEWED, name, null, 0, 0, "connection renewed after "
                    + (clock.millis() - old.openedAtMs) + " ms");
            return fresh;
        }

        Exit watch(Socket s) throws InterruptedException {
            long tickMs = config.tick().toMillis();
            for (String st : streams) {
                lastEventMs.merge(name + ":" + st, s.openedAtMs, Math::max);
            }
            while (true) {
                if (!running) {
                    return Exit.STOP;
                }
                if (s.closed.isDone()) {
                    return Exit.CLOSED;
                }
                long now = clock.millis();
                boolean reconnect = false;
                for (String st : streams) {
                    long last = lastEventMs.getOrDefault(name + ":" + st, s.openedAtMs);
                    long silent = now - last;
                    boolean reported = staleReported.getOrDefault(st, false);
                    if (silent >= config.staleAfter().toMillis()) {
                        if (!reported) {
                            staleReported.put(st, true);
                            stale.incrementAndGet();
                            report(StreamHealth.Kind.STALE, name, st, 0, 0, "no event for " + silent + " ms");
                        }
                        if (silent >= config.reconnectAfter().toMillis()) {
                            reconnect = true;
                        }
                    } else if (reported) {
                        staleReported.put(st, false);
                    }
                }
                if (reconnect) {
                    return Exit.STALE;
                }
                long idle = now - Math.max(s.lastFrameMs, s.lastPingMs);
                if (idle >= config.pingAfterIdle().toMillis()) {
                    s.lastPingMs = now;
                    pingsSent.incrementAndGet();
                    try {
                        s.ws.sendPing(ByteBuffer.wrap(new byte[] {'t', 'c'}));
                    } catch (RuntimeException e) {
                        // a ping still outstanding or the socket closing: the next look decides
                    }
                }
                if (now - s.openedAtMs >= config.renewAfter().toMillis()
                        && now - s.renewFailedAtMs >= config.backoff().backoffMax().toMillis()) {
                    return Exit.RENEW;
                }
                try {
                    s.closed.get(tickMs, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                    // next look
                }
            }
        }

        Socket connect() throws Exception {
            Socket s = new Socket(this, socketIds.incrementAndGet());
            WebSocket ws;
            CompletableFuture<WebSocket> pending = http.newWebSocketBuilder().connectTimeout(config.connectTimeout())
                    .buildAsync(url, s);
            try {
                ws = pending.get(config.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            } catch (TimeoutException | InterruptedException e) {
                pending.thenAccept(WebSocket::abort);
                throw e;
            }
            s.ws = ws;
            s.openedAtMs = clock.millis();
            s.lastFrameMs = s.openedAtMs;
            open.add(s);
            connected.incrementAndGet();
            connects.incrementAndGet();
            if (!running) {
                s.abort();
            }
            return s;
        }
    }

    /** The stream name of a combined-stream frame ({@code {"stream":"<name>",...}}), or null. */
    static String streamOf(String frame) {
        String head = "{\"stream\":\"";
        if (!frame.startsWith(head)) {
            return null;
        }
        int end = frame.indexOf('"', head.length());
        return end < 0 ? null : frame.substring(head.length(), end);
    }

    private static String describeError(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** One WebSocket and its listener. */
    private final class Socket implements WebSocket.Listener {
        final Link link;
        final int id;
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final AtomicLong frames = new AtomicLong();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket ws;
        volatile long openedAtMs;
        volatile long lastFrameMs;
        volatile long lastPingMs = Long.MIN_VALUE / 2;
        volatile long renewFailedAtMs = Long.MIN_VALUE / 2;
        volatile String reason = "closed";
        /** Set when a renewal starts replacing this socket: its later frames count as overlap. */
        volatile boolean retiring;
        private final AtomicInteger released = new AtomicInteger();

        Socket(Link link, int id) {
            this.link = link;
            this.id = id;
        }

        String closeReason() {
            return reason;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = clock.millis();
            lastFrameMs = now;
            if (!last) {
                partial.append(data);
            } else {
                String text;
                if (partial.length() > 0) {
                    text = partial.append(data).toString();
                    partial.setLength(0);
                } else {
                    text = data.toString();
                }
                frames.incrementAndGet();
                String stream = streamOf(text);
                if (stream != null) {
                    // liveness by receive time, whatever the delivery thread (or the owner on it) is busy with
                    lastEventMs.merge(link.name + ":" + stream, now, Math::max);
                    seen.add(stream);
                }
                if (running && !closed.isDone()) {
                    queue.add(new Frame(link, this, text, now, link.overlap || retiring));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastFrameMs = clock.millis();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            // the JDK's WebSocket answers with a pong by itself
            lastFrameMs = clock.millis();
            pings.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastFrameMs = clock.millis();
            pongs.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String why) {
            reason = "closed by the server: " + statusCode + (why == null || why.isEmpty() ? "" : " " + why);
            finish();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            reason = "connection failed: " + describeError(error);
            finish();
        }

        private void finish() {
            if (released.compareAndSet(0, 1)) {
                connected.decrementAndGet();
                link.open.remove(this);
            }
            closed.complete(null);
        }

        void closeNormally() {
            WebSocket w = ws;
            if (w != null && !closed.isDone()) {
                reason = "closed by the client";
                w.sendClose(WebSocket.NORMAL_CLOSURE, "renewed").whenComplete((x, t) -> w.abort());
            }
            finish();
        }

        void abort() {
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
            finish();
        }
    }
}
