package io.thermocarry.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback replay of Binance's market streams: two WebSocket servers on 127.0.0.1 (ephemeral ports), one per host
 * (futures, spot), serving {@code /stream?streams=a/b/c} (each payload wrapped as {@code {"stream":..,"data":..}})
 * and {@code /ws/<stream>[/<stream>...]} (raw payloads), replaying a {@link StreamRecording} on a
 * {@link ReplayClock} at a chosen speed-up, with the {@link StreamFaults} of the test; plus a {@link FakeBinance}
 * (REST) serving the recording's bars and funding with the same clock as "now", for backfills.
 *
 * <p>Live semantics: a connection receives the events sent while it is open and subscribed, nothing from before it
 * opened (what a client misses while disconnected is a gap to backfill over REST). The clock stands at the
 * recording's start until every host with events has a connection (or {@link #play()}), then runs.
 *
 * <pre>{@code
 * StreamRecording rec = StreamRecording.fromBars("BTCUSDT", perp1m, spot1m, mark1m, funding, from, to);
 * try (FakeBinanceStreams server = FakeBinanceStreams.start(rec,
 *         StreamFaults.seeded(7).duplicates(5).outOfOrder(5).disconnectAt(t, Target.BOTH), 600)) {
 *     server.futuresWsUrl(); server.spotWsUrl(); server.restUrl(); server.clock(); // client wiring
 *     server.awaitEnd(Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class FakeBinanceStreams implements AutoCloseable {
    /**
     * One connection as the server saw it.
     *
     * @param id 1-based, per server
     * @param host the host
     * @param resource the path and query asked for
     * @param openedAtMs recording clock at the handshake
     * @param closedAtMs recording clock at the close, or -1 while open
     * @param closedByServer whether the server closed it (a fault or the age limit)
     * @param framesSent text frames sent to it
     * @param pongs pongs it answered to the server's pings
     */
    public record ConnectionInfo(int id, StreamRecording.Host host, String resource, long openedAtMs, long closedAtMs,
            boolean closedByServer, int framesSent, int pongs) {
    }

    private static final String[] GARBAGE = {
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":4000,\"s\":\"BTCUSDT\",\"b\":\"6",
        "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\","
                + "\"p\":\"abc\",\"i\":\"1\",\"P\":\"1\",\"r\":\"0\",\"T\":2}}",
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\"}}",
        "not json at all",
    };

    private record Out(long timeMs, String stream, String payload, boolean garbage) {
    }

    private final StreamRecording recording;
    private final StreamFaults faults;
    private final ReplayClock clock;
    private final FakeBinance rest;
    private final Map<StreamRecording.Host, HostServer> servers = new EnumMap<>(StreamRecording.Host.class);
    private final AtomicInteger ids = new AtomicInteger();
    private final CountDownLatch ended;
    private volatile boolean closing;

    private FakeBinanceStreams(StreamRecording recording, StreamFaults faults, ReplayClock clock) {
        this.recording = recording;
        this.faults = faults;
        this.clock = clock;
        Map<StreamRecording.Host, List<Out>> seqs = schedule(recording.events(), faults);
        this.ended = new CountDownLatch(seqs.size());
        this.rest = FakeBinance.start(recording.market(), clock::millis);
        for (Map.Entry<StreamRecording.Host, List<Out>> e : seqs.entrySet()) {
            HostServer s = new HostServer(e.getKey(), e.getValue());
            servers.put(e.getKey(), s);
        }
        for (HostServer s : servers.values()) {
            s.begin();
        }
    }

    /**
     * Starts the servers.
     *
     * @param recording what to replay
     * @param faults what goes wrong ({@link StreamFaults#none()} for nothing)
     * @param speed recording milliseconds per real millisecond (e.g. 600: a minute of recording in 100 ms)
     */
    public static FakeBinanceStreams start(StreamRecording recording, StreamFaults faults, double speed) {
        return start(recording, faults, new ReplayClock(recording.fromMs(), speed));
    }

    /**
     * Starts the servers on a given clock, e.g. {@link ReplayClock#manual(long) ReplayClock.manual(rec.fromMs())}:
     * events are sent as the test advances it (the clock should stand at or before the recording's start).
     */
    public static FakeBinanceStreams start(StreamRecording recording, StreamFaults faults, ReplayClock clock) {
        return new FakeBinanceStreams(recording, faults == null ? StreamFaults.none() : faults, clock);
    }

    /** {@code ws://127.0.0.1:<port>}: the futures stream host. */
    public String futuresWsUrl() {
        return url(StreamRecording.Host.FUTURES);
    }

    /** {@code ws://127.0.0.1:<port>}: the spot stream host (a server with no events when the recording has no spot). */
    public String spotWsUrl() {
        return url(StreamRecording.Host.SPOT);
    }

    /** {@code http://127.0.0.1:<port>}: the fake REST (futures and spot paths, see {@link FakeBinance}). */
    public String restUrl() {
        return rest.baseUrl();
    }

    /** The fake REST, for its faults ({@code inject(Fault.RATE_LIMITED_429, ...)}) and request log. */
    public FakeBinance rest() {
        return rest;
    }

    /** The replay clock: give it (and {@code clock()::sleep}) to the client under test. */
    public ReplayClock clock() {
        return clock;
    }

    /** The recording replayed. */
    public StreamRecording recording() {
        return recording;
    }

    /** Starts the clock now (otherwise it starts once every host has a connection). */
    public void play() {
        clock.play();
    }

    /** Waits (really) until every event was sent; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every connection so far, both hosts, in opening order. */
    public List<ConnectionInfo> connections() {
        List<ConnectionInfo> out = new ArrayList<>();
        for (HostServer s : servers.values()) {
            for (Conn c : s.conns) {
                out.add(c.info());
            }
        }
        out.sort((a, b) -> Long.compare(a.openedAtMs(), b.openedAtMs()) != 0
                ? Long.compare(a.openedAtMs(), b.openedAtMs()) : Integer.compare(a.id(), b.id()));
        return out;
    }

    /** Pongs received from clients in answer to the server's pings. */
    public int pongs() {
        return connections().stream().mapToInt(ConnectionInfo::pongs).sum();
    }

    /** Pings received from clients. */
    public int pingsReceived() {
        int n = 0;
        for (HostServer s : servers.values()) {
            n += s.pingsReceived.get();
        }
        return n;
    }

    /** Stops everything. */
    @Override
    public void close() {
        closing = true;
        for (HostServer s : servers.values()) {
            s.pump.interrupt();
            try {
                s.stop(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rest.close();
    }

    private String url(StreamRecording.Host h) {
        return "ws://127.0.0.1:" + servers.get(h).getPort();
    }

    // ------------------------------------------------------------------------------------------------ schedule

    /** The send sequence of each host after duplicates, reordering and garbage (seeded). */
    static Map<StreamRecording.Host, List<Out>> schedule(List<StreamRecording.Event> events, StreamFaults faults) {
        int n = events.size();
        SplittableRandom rnd = new SplittableRandom(faults.seed * 7_919L + 11);
        int[] idx = new int[Math.max(0, n - 20)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i + 10;
        }
        for (int i = idx.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int k = 0;
        Set<Integer> dup = new LinkedHashSet<>();
        Set<Integer> late = new LinkedHashSet<>();
        Set<Integer> bad = new LinkedHashSet<>();
        for (int i = 0; i < faults.duplicates && k < idx.length; i++) {
            dup.add(idx[k++]);
        }
        for (int i = 0; i < faults.outOfOrder && k < idx.length; i++) {
            late.add(idx[k++]);
        }
        for (int i = 0; i < faults.malformed && k < idx.length; i++) {
            bad.add(idx[k++]);
        }
        // a held event goes right after the next event of its stream (closed kline: the next closed kline)
        Map<Integer, List<Integer>> after = new HashMap<>();
        for (int i : late) {
            StreamRecording.Event e = events.get(i);
            for (int j = i + 1; j < n; j++) {
                StreamRecording.Event o = events.get(j);
                if (o.host() == e.host() && o.stream().equals(e.stream()) && (!e.closedKline() || o.closedKline())
                        && !late.contains(j)) {
                    after.computeIfAbsent(j, x -> new ArrayList<>()).add(i);
                    break;
                }
            }
        }
        Set<Integer> moved = new java.util.HashSet<>();
        after.values().forEach(moved::addAll);
        Map<StreamRecording.Host, List<Out>> out = new EnumMap<>(StreamRecording.Host.class);
        for (StreamRecording.Host h : StreamRecording.Host.values()) {
            out.put(h, new ArrayList<>());
        }
        int g = 0;
        for (int i = 0; i < n; i++) {
            if (moved.contains(i)) {
                continue;
            }
            StreamRecording.Event e = events.get(i);
            List<Out> seq = out.get(e.host());
            seq.add(new Out(e.timeMs(), e.stream(), e.payload(), false));
            if (dup.contains(i)) {
                seq.add(new Out(e.timeMs(), e.stream(), e.payload(), false));
            }
            for (int h : after.getOrDefault(i, List.of())) {
                StreamRecording.Event he = events.get(h);
                seq.add(new Out(e.timeMs(), he.stream(), he.payload(), false));
            }
            if (bad.contains(i)) {
                seq.add(new Out(e.timeMs(), e.stream(), GARBAGE[g++ % GARBAGE.length], true));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ servers

    /** One client connection. */
    private static final class Conn {
        final int id;
        final StreamRecording.Host host;
        final WebSocket ws;
        final String resource;
        final Set<String> streams;
        final boolean combined;
        final long openedAtMs;
        volatile long closedAtMs = -1;
        volatile boolean closedByServer;
        volatile long stalledUntilMs = Long.MIN_VALUE;
        volatile long lastPingMs;
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger pongs = new AtomicInteger();

        Conn(int id, StreamRecording.Host host, WebSocket ws, String resource, Set<String> streams, boolean combined,
                long openedAtMs) {
            this.id = id;
            this.host = host;
            this.ws = ws;
            this.resource = resource;
            this.streams = streams;
            this.combined = combined;
            this.openedAtMs = openedAtMs;
            this.lastPingMs = openedAtMs;
        }

        ConnectionInfo info() {
            return new ConnectionInfo(id, host, resource, openedAtMs, closedAtMs, closedByServer, frames.get(),
                    pongs.get());
        }
    }

    private final class HostServer extends WebSocketServer {
        final StreamRecording.Host host;
        final List<Out> seq;
        final List<Conn> conns = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger pingsReceived = new AtomicInteger();
        final Thread pump;
        final boolean[] disconnectDone;
        final boolean[] stallDone;

        HostServer(StreamRecording.Host host, List<Out> seq) {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.host = host;
            this.seq = seq;
            setReuseAddr(true);
            setTcpNoDelay(true);
            setConnectionLostTimeout(0);
            this.disconnectDone = new boolean[faults.disconnects.size()];
            this.stallDone = new boolean[faults.stalls.size()];
            this.pump = new Thread(this::pump, "fake-binance-streams-" + host.name().toLowerCase());
            pump.setDaemon(true);
        }

        void begin() {
            start();
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the replay server did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pump.start();
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket ws, ClientHandshake handshake) {
            String res = handshake.getResourceDescriptor();
            Set<String> streams = new LinkedHashSet<>();
            boolean combined;
            int q = res.indexOf('?');
            String path = q < 0 ? res : res.substring(0, q);
            if (path.endsWith("/stream") && q >= 0) {
                combined = true;
                for (String kv : res.substring(q + 1).split("&")) {
                    if (kv.startsWith("streams=")) {
                        String v = URLDecoder.decode(kv.substring(8), StandardCharsets.UTF_8);
                        streams.addAll(Arrays.asList(v.split("/")));
                    }
                }
            } else if (path.contains("/ws/")) {
                combined = false;
                streams.addAll(Arrays.asList(path.substring(path.indexOf("/ws/") + 4).split("/")));
            } else {
                ws.close(1008, "unknown path " + res + ": use /stream?streams=... or /ws/<stream>");
                return;
            }
            Conn c = new Conn(ids.incrementAndGet(), host, ws, res, streams, combined, clock.millis());
            ws.setAttachment(c);
            conns.add(c);
            for (StreamFaults.Stall r : faults.refusals) {
                if (r.target().covers(host) && c.openedAtMs >= r.atMs() && c.openedAtMs < r.atMs() + r.durationMs()) {
                    closeByServer(c, 1013, "try again later (injected refusal)");
                    return;
                }
            }
            boolean all = true;
            for (HostServer s : servers.values()) {
                all &= s.seq.isEmpty() || s.conns.stream().anyMatch(x -> x.closedAtMs < 0);
            }
            if (all) {
                clock.play();
            }
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            Conn c = ws.getAttachment();
            if (c != null && c.closedAtMs < 0) {
                c.closedAtMs = clock.millis();
            }
        }

        @Override
        public void onMessage(WebSocket ws, String message) {
            // subscriptions by message are not part of the replay: ignored
        }

        @Override
        public void onError(WebSocket ws, Exception ex) {
            // a client going away mid-send: nothing to do
        }

        @Override
        public void onWebsocketPong(WebSocket ws, Framedata f) {
            Conn c = ws.getAttachment();
            if (c != null) {
                c.pongs.incrementAndGet();
            }
        }

        @Override
        public void onWebsocketPing(WebSocket ws, Framedata f) {
            pingsReceived.incrementAndGet();
            super.onWebsocketPing(ws, f);
        }

        void closeByServer(Conn c, int code, String why) {
            if (c.closedAtMs < 0) {
                c.closedByServer = true;
                c.closedAtMs = clock.millis();
                c.ws.close(code, why);
            }
        }

        void housekeeping(long now) {
            for (int i = 0; i < disconnectDone.length; i++) {
                StreamFaults.Disconnect d = faults.disconnects.get(i);
                if (!disconnectDone[i] && now >= d.atMs() && d.target().covers(host)) {
                    disconnectDone[i] = true;
                    for (Conn c : conns) {
                        closeByServer(c, 1001, "going away (injected disconnect)");
                    }
                }
            }
            for (int i = 0; i < stallDone.length; i++) {
                StreamFaults.Stall s = faults.stalls.get(i);
                if (!stallDone[i] && now >= s.atMs() && s.target().covers(host)) {
                    stallDone[i] = true;
                    for (Conn c : conns) {
                        if (c.closedAtMs < 0) {
                            c.stalledUntilMs = s.atMs() + s.durationMs();
                        }
                    }
                }
            }
            for (Conn c : conns) {
                if (c.closedAtMs < 0 && now - c.openedAtMs >= faults.maxAgeMs) {
                    closeByServer(c, 1001, "connection age limit");
                }
                if (faults.pingEveryMs > 0 && c.closedAtMs < 0 && now - c.lastPingMs >= faults.pingEveryMs) {
                    c.lastPingMs = now;
                    try {
                        c.ws.sendPing();
                    } catch (RuntimeException e) {
                        // closed meanwhile
                    }
                }
            }
        }

        void pump() {
            try {
                for (Out o : seq) {
                    clock.awaitMillis(o.timeMs());
                    if (closing) {
                        return;
                    }
                    long now = clock.millis();
                    housekeeping(now);
                    String wrapped = null;
                    for (Conn c : conns) {
                        if (c.closedAtMs >= 0 || now < c.stalledUntilMs || !c.ws.isOpen()) {
                            continue;
                        }
                        String text;
                        if (o.garbage()) {
                            text = o.payload();
                        } else if (!c.streams.contains(o.stream())) {
                            continue;
                        } else if (c.combined) {
                            if (wrapped == null) {
                                wrapped = "{\"stream\":\"" + o.stream() + "\",\"data\":" + o.payload() + "}";
                            }
                            text = wrapped;
                        } else {
                            text = o.payload();
                        }
                        try {
                            c.ws.send(text);
                            c.frames.incrementAndGet();
                        } catch (RuntimeException e) {
                            // closed meanwhile
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended.countDown();
            }
        }
    }
}
