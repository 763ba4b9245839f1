package io.thermocarry.binance.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.Market;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery rules, frame by frame, without a network. */
class StreamSequencerTest {
    private static final long T0 = 1_709_280_000_000L;
    private static final long M = 60_000L;

    private final List<StreamEvent> events = new ArrayList<>();
    private final List<StreamHealth> health = new ArrayList<>();
    private final StreamSequencer seq = new StreamSequencer(new StreamListener() {
        @Override
        public void onEvent(StreamEvent event) {
            events.add(event);
        }

        @Override
        public void onHealth(StreamHealth h) {
            health.add(h);
        }
    });

    private static String kline(long open, long e, boolean closed) {
        return "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + e + ",\"s\":\"BTCUSDT\",\"k\":{\"t\":"
                + open + ",\"T\":" + (open + M - 1) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"o\":\"1.0\",\"c\":\"1.5\","
                + "\"h\":\"2.0\",\"l\":\"0.5\",\"v\":\"3\",\"n\":1,\"x\":" + closed + ",\"q\":\"3\"}}}";
    }

    private static String book(long u) {
        return "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":" + u + ",\"s\":\"BTCUSDT\",\"b\":\"1.0\","
                + "\"B\":\"2\",\"a\":\"1.1\",\"A\":\"3\"}}";
    }

    private static String mark(long e) {
        return "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + e
                + ",\"s\":\"BTCUSDT\",\"p\":\"1.0\",\"P\":\"1.0\",\"i\":\"1.0\",\"r\":\"0.0001\",\"T\":" + (T0 + 8 * 60 * M)
                + "}}";
    }

    private void perp(int socket, String frame) {
        seq.accept("futures", Market.PERP, socket, false, frame, T0);
    }

    private long count(StreamHealth.Kind k) {
        return health.stream().filter(h -> h.kind() == k).count();
    }

    @Test
    void bookTicker_repeatIsADuplicate_olderIsOutOfOrder() {
        perp(1, book(10));
        perp(1, book(10));
        perp(1, book(9));
        perp(1, book(11));
        assertEquals(2, events.size());
        assertEquals(1, seq.duplicates());
        assertEquals(1, seq.outOfOrder());
        assertEquals(List.of(StreamHealth.Kind.DUPLICATE, StreamHealth.Kind.OUT_OF_ORDER),
                health.stream().map(StreamHealth::kind).toList());
    }

    @Test
    void markPrice_byEventTime() {
        perp(1, mark(T0 + 1000));
        perp(1, mark(T0 + 1000));
        perp(1, mark(T0));
        perp(1, mark(T0 + 2000));
        assertEquals(2, events.size());
        assertEquals(1, seq.duplicates());
        assertEquals(1, seq.outOfOrder());
    }

    @Test
    void spotAndFuturesBookTickers_areSeparateStreams() {
        perp(1, book(10));
        seq.accept("spot", Market.SPOT, 2, false, book(5), T0);
        assertEquals(2, events.size());
        assertEquals(0, seq.outOfOrder());
    }

    @Test
    void closedKline_onceOnly_andASkippedBarIsAGap() {
        perp(1, kline(T0, T0 + 10, false));
        perp(1, kline(T0, T0 + M + 5, true));
        perp(1, kline(T0, T0 + M + 5, true)); // repeat
        perp(1, kline(T0 + M, T0 + M + 10, false));
        perp(1, kline(T0 + 3 * M, T0 + 4 * M + 5, true)); // bars T0+M and T0+2M never closed on the stream
        assertEquals(1, seq.duplicates());
        List<StreamHealth> gaps = health.stream().filter(h -> h.kind() == StreamHealth.Kind.GAP).toList();
        assertEquals(1, gaps.size());
        assertEquals(T0 + M, gaps.get(0).fromMs());
        assertEquals(T0 + 3 * M, gaps.get(0).toMs());
        // a late close of a bar inside the reported gap is dropped: the backfill brings it
        perp(1, kline(T0 + 2 * M, T0 + 3 * M + 5, true));
        assertEquals(1, seq.outOfOrder());
        assertEquals(4, events.size());
    }

    @Test
    void firstKlineOnANewSocket_reportsTheBarsMissedMeanwhile() {
        perp(1, kline(T0, T0 + M + 5, true));
        perp(1, kline(T0 + M, T0 + M + 10, false));
        // reconnect: socket 2 starts inside bar T0 + 4M
        perp(2, kline(T0 + 4 * M, T0 + 4 * M + 100, false));
        StreamHealth gap = health.stream().filter(h -> h.kind() == StreamHealth.Kind.GAP).findFirst().orElseThrow();
        assertEquals(T0 + M, gap.fromMs());
        assertEquals(T0 + 4 * M, gap.toMs());
        assertEquals("futures", gap.connection());
        assertEquals("btcusdt@kline_1m", gap.stream());
        // its close later is no second gap
        perp(2, kline(T0 + 4 * M, T0 + 5 * M + 3, true));
        assertEquals(1, count(StreamHealth.Kind.GAP));
        assertEquals(4, events.size());
    }

    @Test
    void overlapRepeats_areSilent() {
        seq.accept("futures", Market.PERP, 1, true, book(10), T0);
        seq.accept("futures", Market.PERP, 2, true, book(10), T0);
        seq.accept("futures", Market.PERP, 2, true, kline(T0, T0 + 5, false), T0);
        seq.accept("futures", Market.PERP, 1, true, kline(T0, T0 + 5, false), T0);
        assertEquals(2, events.size());
        assertEquals(2, seq.overlapDropped());
        assertTrue(health.isEmpty());
    }

    @Test
    void repeatsFromALaggingSecondSocket_areSilent_butWithinOneSocketReported() {
        perp(1, book(10));
        perp(1, book(11));
        perp(2, book(10)); // socket 2 lags socket 1 (a renewal's overlap ending)
        perp(2, book(11));
        assertTrue(health.isEmpty());
        assertEquals(2, seq.overlapDropped());
        perp(2, book(12));
        perp(2, book(12)); // the same socket repeats: the server did
        assertEquals(1, seq.duplicates());
        assertEquals(3, events.size());
    }

    @Test
    void malformedFrame_isCountedAndReported_andTheNextFrameDelivered() {
        perp(1, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":4000,\"s\":\"BTCUSDT\",\"b\":\"6");
        perp(1, book(1));
        assertEquals(1, seq.malformed());
        assertEquals(StreamHealth.Kind.MALFORMED, health.get(0).kind());
        assertEquals(1, events.size());
    }

    @Test
    void aThrowingListener_isCounted_andDeliveryGoesOn() {
        List<StreamEvent> got = new ArrayList<>();
        StreamSequencer s = new StreamSequencer(new StreamListener() {
            @Override
            public void onEvent(StreamEvent event) {
                got.add(event);
                throw new IllegalStateException("owner bug");
            }

            @Override
            public void onHealth(StreamHealth h) {
                throw new IllegalStateException("backfill failed");
            }
        });
        s.accept("futures", Market.PERP, 1, false, kline(T0, T0 + M + 1, true), T0);
        s.accept("futures", Market.PERP, 1, false, kline(T0 + 2 * M, T0 + 3 * M + 1, true), T0);
        assertEquals(2, got.size(), "the kline after a gap whose report threw is still delivered");
        assertEquals(3, s.listenerErrors());
        assertNotNull(s.firstListenerError());
    }
}
