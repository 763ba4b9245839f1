package io.thermocarry.bench;

import io.thermocarry.binance.stream.StreamEvent;
import io.thermocarry.binance.stream.StreamHealth;
import io.thermocarry.binance.stream.StreamListener;
import io.thermocarry.binance.stream.StreamSequencer;
import io.thermocarry.core.market.Market;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live stream client's delivery path: {@value #FRAMES} combined-stream frames (a BTCUSDT mix per 250 ms: a perp
 * and a spot book ticker, a perp kline update, every 4th a mark price and a spot kline update, every 240th a closed
 * kline) decoded, ordered and delivered by {@link StreamSequencer} — what the client's delivery thread runs per frame
 * — to a listener that consumes each event. One op = all frames; events/s = {@value #FRAMES} / time per op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StreamDecodeBenchmark {
    /** Frames per op. */
    public static final int FRAMES = 20_000;
    private String[] frames;
    private boolean[] spot;

    /** Builds the frames (Binance's exact payload shapes, increasing ids and times). */
    @Setup
    public void setUp() {
        frames = new String[FRAMES];
        spot = new boolean[FRAMES];
        long t = 1_748_822_400_000L;
        long u = 7_000_000_000L;
        int n = 0;
        for (int tick = 0; n < FRAMES; tick++) {
            long now = t + tick * 250L;
            long open = now / 60_000L * 60_000L;
            double p = 104_000 + (tick % 97) * 0.1;
            add(n++, false, "btcusdt@bookTicker", "{\"e\":\"bookTicker\",\"u\":" + (u += 7) + ",\"s\":\"BTCUSDT\","
                    + "\"b\":\"" + fmt(p) + "\",\"B\":\"3.512\",\"a\":\"" + fmt(p + 0.1) + "\",\"A\":\"0.207\",\"T\":"
                    + now + ",\"E\":" + (now + 2) + "}");
            if (n < FRAMES) {
                add(n++, true, "btcusdt@bookTicker", "{\"u\":" + (u += 3) + ",\"s\":\"BTCUSDT\",\"b\":\"" + fmt(p - 2)
                        + "\",\"B\":\"0.51200000\",\"a\":\"" + fmt(p - 1.99) + "\",\"A\":\"1.00000000\"}");
            }
            boolean closed = now + 250 - open >= 60_000L;
            if (n < FRAMES) {
                add(n++, false, "btcusdt@kline_1m", kline(now + 3, open, p, closed));
            }
            if (tick % 4 == 0 && n < FRAMES) {
                add(n++, false, "btcusdt@markPrice@1s", "{\"e\":\"markPriceUpdate\",\"E\":" + now
                        + ",\"s\":\"BTCUSDT\",\"p\":\"" + fmt(p + 0.37) + "\",\"P\":\"" + fmt(p + 0.4) + "\",\"i\":\""
                        + fmt(p - 1.5) + "\",\"r\":\"0.00010000\",\"T\":1748851200000}");
            }
            if ((tick % 4 == 0 || closed) && n < FRAMES) {
                add(n++, true, "btcusdt@kline_1m", kline(now + 5, open, p - 2, closed));
            }
        }
    }

    private void add(int i, boolean isSpot, String stream, String data) {
        frames[i] = "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
        spot[i] = isSpot;
    }

    private static String kline(long e, long open, double p, boolean closed) {
        return "{\"e\":\"kline\",\"E\":" + e + ",\"s\":\"BTCUSDT\",\"k\":{\"t\":" + open + ",\"T\":" + (open + 59_999)
                + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":5000,\"L\":5100,\"o\":\"" + fmt(p - 5) + "\",\"c\":\""
                + fmt(p) + "\",\"h\":\"" + fmt(p + 3) + "\",\"l\":\"" + fmt(p - 9) + "\",\"v\":\"12.345\",\"n\":100,"
                + "\"x\":" + closed + ",\"q\":\"1283456.78\",\"V\":\"6.1\",\"Q\":\"634000.1\",\"B\":\"0\"}}";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /** Decodes, orders and delivers every frame; returns a checksum of the events' times (kept by the caller). */
    @Benchmark
    public long decodeAndDeliver() {
        long[] sum = new long[1];
        StreamSequencer s = new StreamSequencer(new StreamListener() {
            @Override
            public void onEvent(StreamEvent event) {
                sum[0] += event.eventTimeMs();
            }

            @Override
            public void onHealth(StreamHealth health) {
                sum[0]++;
            }
        });
        for (int i = 0; i < frames.length; i++) {
            s.accept(spot[i] ? "spot" : "futures", spot[i] ? Market.SPOT : Market.PERP, 1, false, frames[i],
                    1_748_822_400_000L + i);
        }
        if (s.events() != frames.length) {
            throw new IllegalStateException("frames dropped: " + (frames.length - s.events()) + ", gaps " + s.gaps()
                    + ", duplicates " + s.duplicates() + ", out of order " + s.outOfOrder() + ", malformed "
                    + s.malformed());
        }
        return sum[0];
    }
}
