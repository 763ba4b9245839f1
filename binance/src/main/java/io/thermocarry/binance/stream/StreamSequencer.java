package io.thermocarry.binance.stream;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link BinanceStreamClient}'s delivery thread does with each text frame: decode ({@link StreamDecoder}),
 * drop repeats and steps back per stream, find gaps of closed klines, and hand the rest to the {@link StreamListener}
 * — the rules are in the client's class comment. Single-threaded: one sequencer per delivery thread; its counters may
 * be read from any thread (single writer).
 *
 * <p>A stream is keyed by connection name and stream name. {@code socketId} tells connections apart: the first kline
 * of a stream on a new socket (after a reconnect) reports the closed bars missed since the last one as a
 * {@link StreamHealth.Kind#GAP}. Repeats and steps back are reported when they come on the socket that delivered the
 * newer event (the server sent them so); when they come on another socket of the connection — a renewal runs two side
 * by side, and one may lag the other — or while {@code overlap} is set, they are dropped silently (counted in
 * {@link #overlapDropped()}).
 */
public final class StreamSequencer {
    private static final int ACCEPT = 0;
    private static final int DUPLICATE = 1;
    private static final int OUT_OF_ORDER = 2;

    private final StreamListener listener;
    private final StreamDecoder decoder = new StreamDecoder();
    private final Map<String, Map<String, Order>> orders = new HashMap<>();
    private volatile long events;
    private volatile long duplicates;
    private volatile long outOfOrder;
    private volatile long gaps;
    private volatile long malformed;
    private volatile long overlapDropped;
    private volatile long listenerErrors;
    private volatile RuntimeException firstListenerError;

    /** @param listener receives the accepted events and the health reports, on the caller's thread */
    public StreamSequencer(StreamListener listener) {
        this.listener = Checks.notNull(listener, "listener");
    }

    /**
     * Decodes, orders and delivers one frame.
     *
     * @param connection the connection's name ({@code futures}, {@code spot})
     * @param host {@link Market#PERP} for the futures host, {@link Market#SPOT} for spot
     * @param socketId which socket of the connection the frame came on
     * @param overlap whether two sockets of the host are open (a renewal)
     * @param text the frame
     * @param receiveMs when it arrived (client clock)
     */
    public void accept(String connection, Market host, int socketId, boolean overlap, String text, long receiveMs) {
        StreamEvent e;
        try {
            e = decoder.decode(text, host, receiveMs);
        } catch (MalformedFrameException ex) {
            malformed++;
            health(new StreamHealth(StreamHealth.Kind.MALFORMED, connection, null, receiveMs, 0, 0,
                    ex.getMessage()));
            return;
        }
        String stream = e.stream();
        Order o = orders.computeIfAbsent(connection, c -> new HashMap<>()).computeIfAbsent(stream, k -> new Order());
        boolean newSocket = o.socketId != socketId;
        o.socketId = socketId;
        // a repeat from another socket than the one that delivered the newer event: two sockets overlapped
        boolean crossSocket = o.acceptedSocketId != -1 && o.acceptedSocketId != socketId;
        int verdict;
        if (e instanceof KlineEvent k) {
            verdict = klineVerdict(o, k, newSocket, overlap, connection, stream, receiveMs);
        } else {
            long seq = e instanceof BookTickerEvent b ? b.updateId() : e.eventTimeMs();
            verdict = seq > o.last ? ACCEPT : seq == o.last ? DUPLICATE : OUT_OF_ORDER;
            if (verdict == ACCEPT) {
                o.last = seq;
            }
        }
        if (verdict == ACCEPT) {
            o.acceptedSocketId = socketId;
            events++;
            try {
                listener.onEvent(e);
            } catch (RuntimeException ex) {
                listenerFailed(ex);
            }
        } else if (overlap || crossSocket) {
            overlapDropped++;
        } else if (verdict == DUPLICATE) {
            duplicates++;
            health(new StreamHealth(StreamHealth.Kind.DUPLICATE, connection, stream, receiveMs, 0, 0,
                    "dropped a repeat of " + describe(e)));
        } else {
            outOfOrder++;
            health(new StreamHealth(StreamHealth.Kind.OUT_OF_ORDER, connection, stream, receiveMs, 0, 0,
                    "dropped an event older than one delivered: " + describe(e)));
        }
    }

    /**
     * Hands a health report to the listener (an exception it throws is counted, see {@link #listenerErrors()}, and
     * delivery goes on: the event that caused a report is still delivered).
     */
    public void health(StreamHealth h) {
        try {
            listener.onHealth(h);
        } catch (RuntimeException ex) {
            listenerFailed(ex);
        }
    }

    private void listenerFailed(RuntimeException ex) {
        if (firstListenerError == null) {
            firstListenerError = ex;
        }
        listenerErrors++;
    }

    /** Exceptions the listener threw (each caught; delivery went on). */
    public long listenerErrors() {
        return listenerErrors;
    }

    /** The first exception the listener threw, or null. */
    public RuntimeException firstListenerError() {
        return firstListenerError;
    }

    /** Events delivered. */
    public long events() {
        return events;
    }

    /** Repeats dropped (outside renewal overlaps). */
    public long duplicates() {
        return duplicates;
    }

    /** Events older than one delivered, dropped. */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** Gaps reported. */
    public long gaps() {
        return gaps;
    }

    /** Malformed frames. */
    public long malformed() {
        return malformed;
    }

    /** Repeats dropped silently during renewal overlaps. */
    public long overlapDropped() {
        return overlapDropped;
    }

    private int klineVerdict(Order o, KlineEvent k, boolean newSocket, boolean overlap, String connection,
            String stream, long receiveMs) {
        long iv = intervalMs(k.interval());
        long t = k.openTimeMs();
        if (t <= o.lastClosed) {
            return t == o.lastClosed && k.closed() ? DUPLICATE : OUT_OF_ORDER;
        }
        if (t < o.gapCoveredTo) {
            return OUT_OF_ORDER;
        }
        if (!k.closed()) {
            if (t < o.lastOpen || (t == o.lastOpen && k.eventTimeMs() < o.lastOpenE)) {
                return OUT_OF_ORDER;
            }
            if (t == o.lastOpen && k.eventTimeMs() == o.lastOpenE) {
                return DUPLICATE;
            }
        }
        if (o.lastClosed != Long.MIN_VALUE && (k.closed() || (newSocket && !overlap))) {
            long from = Math.max(o.lastClosed + iv, o.gapCoveredTo);
            if (t > from) {
                gaps++;
                o.gapCoveredTo = t;
                health(new StreamHealth(StreamHealth.Kind.GAP, connection, stream, receiveMs, from, t,
                        ((t - from) / iv) + " closed " + k.interval() + " kline(s) of " + k.symbol() + " "
                                + k.market().code() + " missing"));
            }
        }
        if (k.closed()) {
            o.lastClosed = t;
        }
        if (t > o.lastOpen || (t == o.lastOpen && k.eventTimeMs() > o.lastOpenE)) {
            o.lastOpen = t;
            o.lastOpenE = k.eventTimeMs();
        }
        return ACCEPT;
    }

    private static long intervalMs(String code) {
        return "1m".equals(code) ? 60_000L : BarInterval.parse(code).millis();
    }

    private static String describe(StreamEvent e) {
        if (e instanceof KlineEvent k) {
            return k.stream() + " open " + k.openTimeMs() + (k.closed() ? " (closed)" : "") + " E " + k.eventTimeMs();
        }
        if (e instanceof BookTickerEvent b) {
            return b.stream() + " " + b.market().code() + " u " + b.updateId();
        }
        return e.stream() + " E " + e.eventTimeMs();
    }

    /** Ordering state of one stream. */
    private static final class Order {
        long last = Long.MIN_VALUE;
        long lastClosed = Long.MIN_VALUE;
        long lastOpen = Long.MIN_VALUE;
        long lastOpenE = Long.MIN_VALUE;
        long gapCoveredTo = Long.MIN_VALUE;
        int socketId = -1;
        int acceptedSocketId = -1;
    }
}
