package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.binance.stream.BinanceStreamClient;
import io.thermocarry.binance.stream.BookTickerEvent;
import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.MarkPriceEvent;
import io.thermocarry.binance.stream.StreamConfig;
import io.thermocarry.binance.stream.StreamDecoder;
import io.thermocarry.binance.stream.StreamEvent;
import io.thermocarry.binance.stream.StreamHealth;
import io.thermocarry.binance.stream.StreamListener;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.testkit.FakeBinanceStreams;
import io.thermocarry.testkit.StreamFaults;
import io.thermocarry.testkit.StreamRecording;
import io.thermocarry.testkit.SyntheticMarket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stream recording built from the shared real 1 m BTCUSDT perp and spot bars (and the real funding history): every
 * payload decodes, the closed klines round-trip to the same bars (same texts), the open bar's updates stay inside the
 * bar, the mark events carry the next settlement's real rate and time, and a replay through the client delivers the
 * same bars. Skipped when {@code ../shared} is absent, failed then under {@code -Dthermocarry.requireSharedData=true}.
 */
@Timeout(60)
class StreamRecordingRealDataTest {
    private static final Instant FROM = Instant.parse("2025-06-02T07:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-02T09:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<SyntheticMarket.Kline> perpRows;
    private static List<SyntheticMarket.Kline> spotRows;
    private static List<SyntheticMarket.Funding> fundingRows;

    private static synchronized StreamRecording recording(Instant from, Instant to) {
        if (perpRows == null) {
            perpRows = StreamRecording.readKlines(
                    SharedData.file("klines/1m/futures/BTCUSDT.part-thesnowguru.csv.gz"), Duration.ofMinutes(1));
            spotRows = StreamRecording.readKlines(
                    SharedData.file("klines/1m/spot/BTCUSDT.part-filimonov-eremeyka.csv.gz"), Duration.ofMinutes(1));
            fundingRows = StreamRecording.readFunding(SharedData.file("funding/BTCUSDT.csv.gz"));
        }
        return StreamRecording.fromBars("BTCUSDT", perpRows, spotRows, List.of(), fundingRows, from, to);
    }

    @Test
    void payloadsBuiltFromRealBars_roundTripToTheSameBars() throws Exception {
        StreamRecording rec = recording(FROM, TO);
        assertTrue(rec.label().contains("built from 1 m bars"), rec.label());
        List<SyntheticMarket.Kline> perp = rec.klines("BTCUSDT", "perp");
        List<SyntheticMarket.Kline> spot = rec.klines("BTCUSDT", "spot");
        assertEquals(120, perp.size());
        assertEquals(120, spot.size());
        Map<Long, SyntheticMarket.Kline> perpAt = byOpen(perp);
        Map<Long, SyntheticMarket.Kline> spotAt = byOpen(spot);
        StreamDecoder decoder = new StreamDecoder();
        List<SyntheticMarket.Kline> closedPerp = new ArrayList<>();
        List<SyntheticMarket.Kline> closedSpot = new ArrayList<>();
        long settle0800 = Instant.parse("2025-06-02T08:00:00Z").toEpochMilli();
        String rate0800 = rec.funding("BTCUSDT").stream().filter(f -> f.settleTime() == settle0800).findFirst()
                .orElseThrow().rate();
        int marks = 0;
        for (StreamRecording.Event e : rec.events()) {
            Market m = e.host() == StreamRecording.Host.SPOT ? Market.SPOT : Market.PERP;
            StreamEvent ev = decoder.decode("{\"stream\":\"" + e.stream() + "\",\"data\":" + e.payload() + "}", m,
                    e.timeMs());
            assertEquals(e.stream(), ev.stream());
            if (ev instanceof KlineEvent k) {
                SyntheticMarket.Kline bar = (m == Market.SPOT ? spotAt : perpAt).get(k.openTimeMs());
                if (k.closed()) {
                    JsonNode kk = MAPPER.readTree(e.payload()).get("k");
                    assertEquals(bar.open(), kk.get("o").asText());
                    assertEquals(bar.high(), kk.get("h").asText());
                    assertEquals(bar.low(), kk.get("l").asText());
                    assertEquals(bar.close(), kk.get("c").asText());
                    assertEquals(bar.volume(), kk.get("v").asText());
                    assertEquals(bar.closeTime(), k.closeTimeMs());
                    assertTrue(k.eventTimeMs() > bar.closeTime() && k.eventTimeMs() <= bar.closeTime() + 25);
                    (m == Market.SPOT ? closedSpot : closedPerp).add(bar);
                } else {
                    double lo = Double.parseDouble(bar.low());
                    double hi = Double.parseDouble(bar.high());
                    assertTrue(k.low() >= lo - 1e-9 && k.high() <= hi + 1e-9 && k.close() >= lo - 1e-9
                            && k.close() <= hi + 1e-9, k + " outside " + bar);
                    assertTrue(k.eventTimeMs() >= k.openTimeMs() && k.eventTimeMs() <= k.closeTimeMs());
                }
            } else if (ev instanceof MarkPriceEvent mp) {
                marks++;
                if (mp.eventTimeMs() < settle0800) {
                    assertEquals(settle0800, mp.nextFundingTimeMs());
                    assertEquals(Double.parseDouble(rate0800), mp.fundingRate());
                }
                SyntheticMarket.Kline bar = perpAt.get(mp.eventTimeMs() / 60_000L * 60_000L);
                assertTrue(mp.markPrice() >= Double.parseDouble(bar.low()) - 0.11
                        && mp.markPrice() <= Double.parseDouble(bar.high()) + 0.11);
            } else if (ev instanceof BookTickerEvent b) {
                assertTrue(b.ask() > b.bid(), b.toString());
                double spreadBps = (b.ask() - b.bid()) / b.bid() * 1e4;
                assertTrue(spreadBps < 1.2, "half spread 0.5 bp, rounded outwards: " + b);
            }
        }
        assertEquals(perp, closedPerp, "every perp bar exactly once, in order");
        assertEquals(spot, closedSpot, "every spot bar exactly once, in order");
        assertEquals(2 * 3600, marks);
    }

    @Test
    void recordingFromCoreSeries_readByBinanceReader_carriesTheSameBars() {
        ParsedSource perpFile = BinanceReader.read(SharedData.file("klines/1m/futures/BTCUSDT.part-thesnowguru.csv.gz"));
        ParsedSource spotFile = BinanceReader.read(
                SharedData.file("klines/1m/spot/BTCUSDT.part-filimonov-eremeyka.csv.gz"));
        ParsedSource fundingFile = BinanceReader.read(SharedData.file("funding/BTCUSDT.csv.gz"));
        BarSeries perp = perpFile.bars().get(0);
        BarSeries spot = spotFile.bars().get(0);
        assertEquals(Market.PERP, perp.market());
        assertEquals(Market.SPOT, spot.market());
        StreamRecording rec = StreamRecording.fromBars(perp, spot, null, fundingFile.funding().get(0), FROM,
                FROM.plus(Duration.ofMinutes(30)));
        assertEquals(List.of("BTCUSDT"), rec.symbols());
        StreamDecoder decoder = new StreamDecoder();
        int closed = 0;
        for (StreamRecording.Event e : rec.events()) {
            if (!e.closedKline()) {
                continue;
            }
            Market m = e.host() == StreamRecording.Host.SPOT ? Market.SPOT : Market.PERP;
            KlineEvent k = (KlineEvent) decoder.decode(e.payload(), m, e.timeMs());
            BarSeries s = m == Market.SPOT ? spot : perp;
            int i = s.lowerBound(k.openTimeMs());
            assertEquals(k.openTimeMs(), s.openTimeMs(i));
            assertEquals(s.open(i), k.open());
            assertEquals(s.high(i), k.high());
            assertEquals(s.low(i), k.low());
            assertEquals(s.close(i), k.close());
            assertEquals(s.volume(i), k.volume());
            closed++;
        }
        assertEquals(60, closed);
    }

    @Test
    void replayOfRealBars_throughTheClient_deliversTheSameBars() throws Exception {
        StreamRecording rec = recording(FROM, FROM.plus(Duration.ofMinutes(15)));
        List<KlineEvent> closed = new CopyOnWriteArrayList<>();
        try (FakeBinanceStreams server = FakeBinanceStreams.start(rec, StreamFaults.none(), 600)) {
            StreamListener l = new StreamListener() {
                @Override
                public void onEvent(StreamEvent event) {
                    if (event instanceof KlineEvent k && k.closed()) {
                        closed.add(k);
                    }
                }

                @Override
                public void onHealth(StreamHealth health) {
                }
            };
            try (BinanceStreamClient c = new BinanceStreamClient(StreamConfig.defaults().withTick(
                    Duration.ofMillis(5)), List.of(new Symbol("BTCUSDT")), URI.create(server.futuresWsUrl()),
                    URI.create(server.spotWsUrl()), l, server.clock(), server.clock()::sleep)) {
                c.start();
                assertTrue(server.awaitEnd(Duration.ofSeconds(20)));
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (closed.size() < 30 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(rec.events().size(), c.stats().events());
            }
        }
        assertEquals(30, closed.size());
        for (KlineEvent k : closed) {
            SyntheticMarket.Kline bar = byOpen(rec.klines("BTCUSDT", k.market() == Market.SPOT ? "spot" : "perp"))
                    .get(k.openTimeMs());
            assertEquals(Double.parseDouble(bar.close()), k.close());
            assertEquals(Double.parseDouble(bar.volume()), k.volume());
        }
    }

    private static Map<Long, SyntheticMarket.Kline> byOpen(List<SyntheticMarket.Kline> bars) {
        Map<Long, SyntheticMarket.Kline> m = new HashMap<>();
        for (SyntheticMarket.Kline k : bars) {
            m.put(k.openTime(), k);
        }
        return m;
    }
}
