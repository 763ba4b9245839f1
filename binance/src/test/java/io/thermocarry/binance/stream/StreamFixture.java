package io.thermocarry.binance.stream;

import io.thermocarry.binance.download.BinanceHttp;
import io.thermocarry.binance.download.BinanceRestClient;
import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.testkit.FakeBinanceStreams;
import io.thermocarry.testkit.ReplayClock;
import io.thermocarry.testkit.StreamFaults;
import io.thermocarry.testkit.StreamRecording;
import io.thermocarry.testkit.SyntheticMarket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A synthetic 1 m market replayed by {@link FakeBinanceStreams} at {@link #SPEED}× and a client wired to it with the
 * replay clock, plus an "owner" listener that repairs gaps over the fake REST as they are reported, so that its
 * closed klines are what the live book would see.
 */
final class StreamFixture implements AutoCloseable {
    static final Symbol BTC = new Symbol("BTCUSDT");
    static final Instant FROM = Instant.parse("2024-03-01T07:40:00Z");
    static final double SPEED = 600;

    final StreamRecording recording;
    final FakeBinanceStreams server;
    final Owner owner;
    BinanceStreamClient client;

    StreamFixture(int minutes, StreamFaults faults) {
        this(minutes, faults, null);
    }

    /** With {@code clock} null: an accelerated clock at {@link #SPEED}. */
    StreamFixture(int minutes, StreamFaults faults, ReplayClock clock) {
        this.recording = recording(minutes, StreamRecording.Cadence.sparse());
        this.server = clock == null ? FakeBinanceStreams.start(recording, faults, SPEED)
                : FakeBinanceStreams.start(recording, faults, clock);
        BinanceHttp http = new BinanceHttp(NetPolicy.defaults().withBackoff(Duration.ofMillis(200),
                Duration.ofSeconds(2)), server.clock(), server.clock()::sleep, 3);
        BinanceRestClient rest = new BinanceRestClient(http, URI.create(server.restUrl()),
                URI.create(server.restUrl() + "/spot"));
        this.owner = new Owner(new StreamBackfill(rest));
    }

    static StreamRecording recording(int minutes, StreamRecording.Cadence cadence) {
        Instant to = FROM.plus(Duration.ofMinutes(minutes));
        SyntheticMarket m = SyntheticMarket.builder(11).interval(Duration.ofMinutes(1)).end(to)
                .symbol("BTCUSDT", FROM.minus(Duration.ofHours(2)), FROM.minus(Duration.ofHours(2))).build();
        return StreamRecording.fromBars("BTCUSDT", m.klines("BTCUSDT", "perp"), m.klines("BTCUSDT", "spot"),
                m.klines("BTCUSDT", "mark"), m.funding("BTCUSDT"), FROM, to, cadence);
    }

    /**
     * Test config: thresholds in replay time (stale 2 min = 200 ms real, reconnect 5 min = 500 ms: headroom for a loaded
     * machine), a short real tick.
     */
    static StreamConfig config() {
        return StreamConfig.defaults().withTick(Duration.ofMillis(5)).withStale(Duration.ofSeconds(120),
                Duration.ofSeconds(300)).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)).withJitterSeed(5)
                .withPingAfterIdle(Duration.ofSeconds(30));
    }

    /**
     * {@link #config()} without staleness (1 h): for tests that assert no reconnect at all, which a starved client
     * thread on a loaded machine must not turn into a false stale reconnect.
     */
    static StreamConfig quietConfig() {
        return config().withStale(Duration.ofHours(1), Duration.ofHours(2));
    }

    BinanceStreamClient start(StreamConfig config) {
        client = new BinanceStreamClient(config, List.of(BTC), URI.create(server.futuresWsUrl()),
                URI.create(server.spotWsUrl()), owner, server.clock(), server.clock()::sleep);
        client.start();
        return client;
    }

    /** Waits for the end of the replay plus a moment for the last frames. */
    void finish() throws InterruptedException {
        if (!server.awaitEnd(Duration.ofSeconds(25))) {
            throw new AssertionError("replay did not end");
        }
        long deadline = System.nanoTime() + 3_000_000_000L;
        long closed = expectedClosed("perp").size() + expectedClosed("spot").size();
        while (System.nanoTime() < deadline && owner.closedCount() < closed) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        client.close();
    }

    /** Open times of the bars the recording has for a leg. */
    List<Long> expectedClosed(String market) {
        List<Long> out = new ArrayList<>();
        for (SyntheticMarket.Kline k : recording.klines("BTCUSDT", market)) {
            out.add(k.openTime());
        }
        return out;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    /** Records everything; on a GAP backfills at once, on the delivery thread, so its closed klines are in order. */
    static final class Owner implements StreamListener {
        final StreamBackfill backfill;
        final List<StreamEvent> events = new CopyOnWriteArrayList<>();
        final List<StreamHealth> health = new CopyOnWriteArrayList<>();
        final Map<Market, List<KlineEvent>> closed = new LinkedHashMap<>();
        final List<KlineEvent> backfilled = new CopyOnWriteArrayList<>();
        final Map<Market, List<KlineEvent>> closedLive = new LinkedHashMap<>();

        Owner(StreamBackfill backfill) {
            this.backfill = backfill;
            closed.put(Market.PERP, new CopyOnWriteArrayList<>());
            closed.put(Market.SPOT, new CopyOnWriteArrayList<>());
            closedLive.put(Market.PERP, new CopyOnWriteArrayList<>());
            closedLive.put(Market.SPOT, new CopyOnWriteArrayList<>());
        }

        @Override
        public void onEvent(StreamEvent event) {
            events.add(event);
            if (event instanceof KlineEvent k && k.closed()) {
                closed.get(k.market()).add(k);
                closedLive.get(k.market()).add(k);
            }
        }

        @Override
        public void onHealth(StreamHealth h) {
            health.add(h);
            if (h.kind() == StreamHealth.Kind.GAP) {
                List<KlineEvent> fill = backfill.repair(h);
                backfilled.addAll(fill);
                closed.get(StreamBackfill.marketOf(h)).addAll(fill);
            }
        }

        int closedCount() {
            return closed.get(Market.PERP).size() + closed.get(Market.SPOT).size();
        }

        long count(StreamHealth.Kind kind) {
            return health.stream().filter(h -> h.kind() == kind).count();
        }

        List<Long> closedOpenTimes(Market m) {
            return closed.get(m).stream().map(KlineEvent::openTimeMs).toList();
        }
    }
}
