package io.thermocarry.binance.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.core.market.Market;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.FakeBinanceStreams;
import io.thermocarry.testkit.ManualClock;
import io.thermocarry.testkit.ReplayClock;
import io.thermocarry.testkit.StreamFaults;
import io.thermocarry.testkit.StreamFaults.Target;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stream client against the loopback replay of Binance's streams (127.0.0.1 only). */
@Timeout(60)
class BinanceStreamClientTest {

    private static Instant at(int minute) {
        return StreamFixture.FROM.plus(Duration.ofMinutes(minute));
    }

    @Test
    void cleanReplay_deliversEveryEventOnce_inOrder_andAnswersServerPings() throws Exception {
        try (StreamFixture f = new StreamFixture(12, StreamFaults.none().pingEvery(Duration.ofSeconds(20)))) {
            BinanceStreamClient c = f.start(StreamFixture.quietConfig());
            f.finish();
            assertEquals(f.expectedClosed("perp"), f.owner.closedOpenTimes(Market.PERP));
            assertEquals(f.expectedClosed("spot"), f.owner.closedOpenTimes(Market.SPOT));
            assertEquals(f.recording.events().size(), f.owner.events.size(), "every event of the recording");
            StreamStats s = c.stats();
            assertEquals(0, s.duplicates() + s.outOfOrder() + s.gaps() + s.malformed() + s.reconnects());
            assertEquals(f.recording.events().size(), s.events());
            assertTrue(f.server.pongs() > 0, "the JDK WebSocket answers the server's pings with pongs");
            assertTrue(s.pingsReceived() > 0);
            assertEquals(2, f.owner.count(StreamHealth.Kind.CONNECTED));
            assertTrue(f.server.connections().get(0).resource().startsWith("/stream?streams="));
        }
    }

    @Test
    void faults_everyClosedKlineExactlyOnce_inOrder_withGapsBackfilledThroughA429() throws Exception {
        StreamFaults faults = StreamFaults.seeded(42).duplicates(25).outOfOrder(25).malformed(6)
                .disconnectAt(at(4), Target.BOTH).disconnectAt(at(9).plusSeconds(20), Target.SPOT)
                .maxConnectionAge(Duration.ofMinutes(12));
        try (StreamFixture f = new StreamFixture(20, faults)) {
            f.server.rest().retryAfterSeconds(2).inject(FakeBinance.Fault.RATE_LIMITED_429,
                    r -> r.path().endsWith("klines"), 1);
            BinanceStreamClient c = f.start(StreamFixture.config());
            f.finish();
            assertEquals(f.expectedClosed("perp"), f.owner.closedOpenTimes(Market.PERP));
            assertEquals(f.expectedClosed("spot"), f.owner.closedOpenTimes(Market.SPOT));
            StreamStats s = c.stats();
            assertTrue(s.gaps() >= 2, "gaps after the disconnects: " + s);
            assertTrue(s.duplicates() >= 20, "duplicates dropped: " + s);
            assertTrue(s.outOfOrder() >= 15, "out-of-order dropped: " + s);
            assertTrue(s.malformed() >= 3 && s.malformed() <= 6, "garbage frames counted (some fall in a disconnect): " + s);
            assertTrue(s.reconnects() >= 3, "reconnects after 2 disconnects and the age limit: " + s);
            assertTrue(f.server.rest().injectedFaults().getOrDefault(FakeBinance.Fault.RATE_LIMITED_429, 0) == 1);
            assertTrue(!f.owner.backfilled.isEmpty());
            // backfilled bars are the recording's bars
            for (KlineEvent k : f.owner.backfilled) {
                var bar = f.recording.klines("BTCUSDT", k.market() == Market.SPOT ? "spot" : "perp").stream()
                        .filter(b -> b.openTime() == k.openTimeMs()).findFirst().orElseThrow();
                assertEquals(Double.parseDouble(bar.close()), k.close());
            }
            // no event goes back in time per stream
            assertMonotone(f.owner.events);
        }
    }

    @Test
    void gap_isReportedWithTheExactMissingRange() throws Exception {
        // the futures connection is closed at 05:30 into the replay; events of 05:30 .. reconnect are lost
        StreamFaults faults = StreamFaults.none().disconnectAt(at(5).plusSeconds(30), Target.FUTURES);
        try (StreamFixture f = new StreamFixture(10, faults)) {
            StreamConfig cfg = StreamFixture.quietConfig().withBackoff(Duration.ofSeconds(130),
                    Duration.ofSeconds(130));
            f.start(cfg);
            f.finish();
            List<StreamHealth> gaps = f.owner.health.stream().filter(h -> h.kind() == StreamHealth.Kind.GAP).toList();
            assertEquals(1, gaps.size(), gaps.toString());
            StreamHealth g = gaps.get(0);
            assertEquals("futures", g.connection());
            assertEquals("btcusdt@kline_1m", g.stream());
            // bar 05 closed at 06:00 while disconnected (reconnect after 65..130 s): first missing bar is 05
            assertEquals(at(5).toEpochMilli(), g.fromMs());
            List<Long> live = f.owner.closedLive.get(Market.PERP).stream().map(KlineEvent::openTimeMs).toList();
            long firstAfter = live.stream().filter(t -> t > at(5).toEpochMilli()).findFirst().orElseThrow();
            assertTrue(g.toMs() <= firstAfter && g.toMs() > g.fromMs(), g + " vs " + firstAfter);
            assertEquals(f.expectedClosed("perp"), f.owner.closedOpenTimes(Market.PERP));
        }
    }

    @Test
    void stall_isReportedStale_andTriggersAReconnect_andAnIdlePing() throws Exception {
        StreamFaults faults = StreamFaults.none().stallAt(at(3), Duration.ofMinutes(4), Target.FUTURES);
        try (StreamFixture f = new StreamFixture(10, faults)) {
            BinanceStreamClient c = f.start(StreamFixture.config().withStale(Duration.ofSeconds(60),
                    Duration.ofSeconds(150)));
            f.finish();
            StreamStats s = c.stats();
            assertTrue(f.owner.health.stream().anyMatch(h -> h.kind() == StreamHealth.Kind.STALE
                    && "futures".equals(h.connection())), f.owner.health.toString());
            assertTrue(s.reconnects() >= 1, s.toString());
            long futuresConns = f.server.connections().stream()
                    .filter(x -> x.host() == io.thermocarry.testkit.StreamRecording.Host.FUTURES).count();
            assertTrue(futuresConns >= 2);
            assertTrue(s.pingsSent() >= 1 && f.server.pingsReceived() >= 1, "a ping when idle: " + s);
            assertTrue(s.pongsReceived() >= 1, "the server answers pings: " + s);
            // stale after staleAfter (60 s) of silence on the stream, not before
            StreamHealth stale = f.owner.health.stream().filter(h -> h.kind() == StreamHealth.Kind.STALE).findFirst()
                    .orElseThrow();
            assertTrue(stale.atMs() >= at(3).toEpochMilli(), stale.toString());
            assertTrue(Long.parseLong(stale.detail().replaceAll("\\D", "")) >= 60_000, stale.toString());
            assertEquals(f.expectedClosed("perp"), f.owner.closedOpenTimes(Market.PERP));
            assertEquals(f.expectedClosed("spot"), f.owner.closedOpenTimes(Market.SPOT));
        }
    }

    @Test
    void renewal_beforeTheForcedClose_losesAndRepeatsNothing() throws Exception {
        // the server's age limit stands for Binance's 24 h; the client renews well before it
        StreamFaults faults = StreamFaults.none().maxConnectionAge(Duration.ofMinutes(12));
        try (StreamFixture f = new StreamFixture(18, faults)) {
            StreamConfig cfg = StreamFixture.quietConfig().withRenewal(Duration.ofMinutes(4), Duration.ofSeconds(30));
            BinanceStreamClient c = f.start(cfg);
            f.finish();
            StreamStats s = c.stats();
            assertTrue(s.renewals() >= 4, "both hosts renewed at least twice: " + s);
            assertEquals(0, s.gaps() + s.duplicates() + s.outOfOrder() + s.reconnects(), s.toString());
            assertTrue(f.server.connections().stream().noneMatch(x -> x.closedByServer()),
                    "no connection reached the age limit");
            assertEquals(f.expectedClosed("perp"), f.owner.closedOpenTimes(Market.PERP));
            assertEquals(f.expectedClosed("spot"), f.owner.closedOpenTimes(Market.SPOT));
            assertEquals(f.recording.events().size(), f.owner.events.size(), "no event lost or repeated: " + s);
        }
    }

    @Test
    void renewalRefused_keepsTheOldConnection_andRenewsLater() throws Exception {
        // renewal due 5 min after connecting (a loaded machine may connect up to a minute or two late); new
        // connections refused from 4:30 to 7:30; the age limit at 13 min
        StreamFaults faults = StreamFaults.none().maxConnectionAge(Duration.ofMinutes(13))
                .refuseAt(at(4).plusSeconds(30), Duration.ofMinutes(3), Target.BOTH);
        try (StreamFixture f = new StreamFixture(12, faults)) {
            BinanceStreamClient c = f.start(StreamFixture.quietConfig().withRenewal(Duration.ofMinutes(5),
                    Duration.ofSeconds(30)));
            f.finish();
            StreamStats s = c.stats();
            assertTrue(s.renewals() >= 2, s.toString());
            assertTrue(f.owner.health.stream().anyMatch(h -> h.kind() == StreamHealth.Kind.RECONNECTING
                    && h.detail().startsWith("renewal failed")), f.owner.health.toString());
            assertEquals(0, s.gaps() + s.reconnects() + s.duplicates() + s.outOfOrder(), s.toString());
            assertTrue(f.server.connections().stream().anyMatch(x -> x.closedByServer()), "refusals happened");
            assertEquals(f.recording.events().size(), f.owner.events.size());
        }
    }

    @Test
    void forcedClose_withoutRenewal_isAReconnectAndABackfill() throws Exception {
        StreamFaults faults = StreamFaults.none().maxConnectionAge(Duration.ofMinutes(5));
        try (StreamFixture f = new StreamFixture(14, faults)) {
            BinanceStreamClient c = f.start(StreamFixture.quietConfig().withBackoff(Duration.ofSeconds(70),
                    Duration.ofSeconds(70)));
            f.finish();
            assertTrue(c.stats().reconnects() >= 2, c.stats().toString());
            assertTrue(c.stats().gaps() >= 2, c.stats().toString());
            assertEquals(f.expectedClosed("perp"), f.owner.closedOpenTimes(Market.PERP));
            assertEquals(f.expectedClosed("spot"), f.owner.closedOpenTimes(Market.SPOT));
        }
    }

    @Test
    void backoff_followsThePolicy_unlimitedAttempts() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
        List<Duration> sleeps = new ArrayList<>();
        CountDownLatch ten = new CountDownLatch(10);
        StreamConfig cfg = StreamFixture.config().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .withJitterSeed(9);
        List<StreamHealth> health = new java.util.concurrent.CopyOnWriteArrayList<>();
        BinanceStreamClient c = new BinanceStreamClient(cfg, List.of(StreamFixture.BTC),
                URI.create("ws://127.0.0.1:" + port), null, new StreamListener() {
                    @Override
                    public void onEvent(StreamEvent event) {
                    }

                    @Override
                    public void onHealth(StreamHealth h) {
                        health.add(h);
                    }
                }, clock, d -> {
                    synchronized (sleeps) {
                        sleeps.add(d);
                    }
                    clock.sleep(d);
                    ten.countDown();
                    if (ten.getCount() == 0) {
                        Thread.sleep(60_000);
                    }
                });
        c.start();
        assertTrue(ten.await(20, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        c.close();
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "close() is prompt");
        List<Duration> got;
        synchronized (sleeps) {
            got = List.copyOf(sleeps.subList(0, 10));
        }
        // the same rule and jitter as the REST client: NetPolicy.backoff(k, u) with the link's seeded jitter
        Random seeds = new Random(9);
        Random jitter = new Random(seeds.nextLong());
        NetPolicy p = cfg.backoff();
        for (int k = 1; k <= 10; k++) {
            Duration d = got.get(k - 1);
            assertEquals(p.backoff(k, jitter.nextDouble()), d, "attempt " + k);
            long cap = Math.min(30_000, 1000L << (k - 1));
            assertTrue(d.toMillis() >= cap / 2 && d.toMillis() <= cap, k + ": " + d);
        }
        assertTrue(health.stream().anyMatch(h -> h.kind() == StreamHealth.Kind.RECONNECTING));
    }

    @Test
    void manualClock_replaySendsWhatIsDueAsTheTestMovesTheClock() throws Exception {
        ReplayClock clock = ReplayClock.manual(StreamFixture.FROM.toEpochMilli());
        try (StreamFixture f = new StreamFixture(6, StreamFaults.none(), clock)) {
            BinanceStreamClient c = f.start(StreamFixture.quietConfig());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (f.server.connections().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            // nothing is sent before the clock moves past an event
            Thread.sleep(50);
            long firstAt = f.recording.events().get(0).timeMs();
            long beforeFirst = f.recording.events().stream().filter(e -> e.timeMs() == firstAt).count();
            assertTrue(f.owner.events.size() <= beforeFirst, "only the events at the start instant");
            for (long t = f.recording.fromMs(); t <= f.recording.endMs(); t += 5_000) {
                clock.advanceTo(t);
                Thread.sleep(1);
            }
            clock.advanceTo(f.recording.endMs());
            f.finish();
            assertEquals(f.recording.events().size(), f.owner.events.size());
            assertEquals(f.expectedClosed("perp"), f.owner.closedOpenTimes(Market.PERP));
            assertEquals(0, c.stats().reconnects() + c.stats().gaps());
        }
    }

    @Test
    void rawStreamPath_isServedToo() throws Exception {
        try (StreamFixture f = new StreamFixture(3, StreamFaults.none())) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch five = new CountDownLatch(5);
            java.net.http.WebSocket ws = http.newWebSocketBuilder().buildAsync(
                    URI.create(f.server.futuresWsUrl() + "/ws/btcusdt@markPrice@1s"), new java.net.http.WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w,
                                CharSequence data, boolean last) {
                            got.add(data.toString());
                            five.countDown();
                            w.request(1);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            f.server.play();
            assertTrue(five.await(10, TimeUnit.SECONDS));
            ws.abort();
            StreamDecoder d = new StreamDecoder();
            for (String s : got) {
                assertTrue(s.startsWith("{\"e\":\"markPriceUpdate\""), s);
                assertEquals(StreamFixture.BTC, d.decode(s, Market.PERP, 0).symbol());
            }
        }
    }

    static void assertMonotone(List<StreamEvent> events) {
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        for (StreamEvent e : events) {
            String key = e.market() + e.stream();
            long seq = e instanceof BookTickerEvent b ? b.updateId()
                    : e instanceof KlineEvent k ? k.openTimeMs() * 1000 + (k.closed() ? 999 : 0) : e.eventTimeMs();
            if (!(e instanceof KlineEvent)) {
                Long prev = last.put(key, seq);
                assertTrue(prev == null || seq > prev, e.toString());
            }
        }
    }
}
