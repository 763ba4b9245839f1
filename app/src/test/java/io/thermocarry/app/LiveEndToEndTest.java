package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.execution.ExecutionEngine;
import io.thermocarry.core.execution.ExecutionModel;
import io.thermocarry.core.execution.ExecutionRequest;
import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.execution.ExecutionSpec;
import io.thermocarry.core.execution.ExecutionWindow;
import io.thermocarry.core.execution.Fill;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.store.LiveStore.FillRow;
import io.thermocarry.store.LiveStore.FundingRow;
import io.thermocarry.store.Store;
import io.thermocarry.testkit.FakeBinanceStreams;
import io.thermocarry.testkit.StreamFaults;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code live} end to end over the loopback replay server (nothing past 127.0.0.1): a recording built from a
 * synthetic 1 m market with seeded faults (duplicates, out-of-order events, a disconnect of both hosts), run as a
 * subprocess; its fills and funding equal those of {@code execute}'s pipeline over the same stored bars, exactly.
 */
class LiveEndToEndTest {
    static final double SPEED = 3000;
    static LiveFixture fixture;

    @BeforeAll
    static void market() {
        fixture = new LiveFixture(1, 380, 8);
    }

    @Test
    void barFills_overTheReplayWithFaults_equalExecute(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("live.duckdb");
        fixture.writeHistory(db);
        Instant mid = Instant.ofEpochMilli((fixture.startMs + fixture.endMs) / 2);
        StreamFaults faults = StreamFaults.seeded(5).duplicates(5).outOfOrder(5)
                .disconnectAt(mid, StreamFaults.Target.BOTH);
        JsonNode summary;
        long t0 = System.nanoTime();
        try (FakeBinanceStreams server = FakeBinanceStreams.start(fixture.recording, faults, SPEED)) {
            LiveFixture.LiveProcess p = fixture.start(db, server, "e2e", "bar");
            p.awaitCheckpoint(fixture.endMs, Duration.ofSeconds(90));
            summary = p.stop();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("live e2e: %d events in %.1f s (replay at %.0fx), summary %s%n",
                summary.path("events").asLong(), seconds, SPEED, summary);
        assertTrue(summary.path("events").asLong() > 1000, summary.toString());
        assertTrue(summary.path("reconnects").asLong() >= 1, "the disconnect was seen: " + summary);
        try (Store store = Store.open(db)) {
            ExecutionResult batch = executeRoute(store, fixture);
            assertBookEqualsBatch(store, "e2e", batch, fixture.endMs);
        }
        // and the execute command itself, on the same store: same funding and basis PnL (its fees add the final close)
        Cli.Result ex = Cli.run(concat(List.of("execute", "--db", db.toString(), "--symbol", LiveFixture.SYMBOL,
                "--from", Instant.ofEpochMilli(fixture.startMs).toString(), "--to",
                Instant.ofEpochMilli(fixture.endMs + 1).toString(), "--json"), LiveFixture.ruleArgs()));
        assertEquals(0, ex.exit(), ex.err());
        JsonNode child = null;
        for (JsonNode c : ex.json().path("children")) {
            if (c.path("child").asText().equals("5m")) {
                child = c;
            }
        }
        double paid = 0;
        try (Store store = Store.open(db)) {
            for (FundingRow p : store.live().funding("e2e")) {
                if (p.settlementMs() < fixture.endMs) {
                    paid += p.payment();
                }
            }
        }
        assertEquals(child.path("pnl").path("funding").asDouble(), paid, 1e-15, "funding of live and execute");
    }

    static String[] concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out.toArray(new String[0]);
    }

    /**
     * {@code execute}'s route on the store (Prepared with its microstructure loading, the 1 m state, the window,
     * the engine) for the test's rules, 5 m child, 16 bps, from the book's start to the end.
     */
    static ExecutionResult executeRoute(Store store, LiveFixture f) {
        RuleOptions rules = CommandLine.populateCommand(new RuleOptions(), LiveFixture.ruleArgs().subList(0, 4)
                .toArray(new String[0]));
        return executeRoute(store, Symbol.of(LiveFixture.SYMBOL), f.startMs, f.endMs, rules.rules());
    }

    /** {@code execute}'s route for one symbol over [start, end] (5 m child, 16 bps, 24 h median window). */
    static ExecutionResult executeRoute(Store store, Symbol s, long startMs, long endMs,
            io.thermocarry.core.execution.ExecutionRules rules) {
        SignalOptions signal = CommandLine.populateCommand(new SignalOptions());
        Instant from = Instant.ofEpochMilli(startMs);
        Instant to = Instant.ofEpochMilli(endMs + 1);
        Duration window = Duration.ofHours(24);
        Prepared p = Prepared.of(store, s, from, to, Compat.CAUSAL, signal);
        Instant barsFrom = from.minus(window);
        IntradayState state = IntradayState.build(store.bars(s, Market.PERP, BarInterval.M1, barsFrom, to),
                store.bars(s, Market.SPOT, BarInterval.M1, barsFrom, to),
                store.bars(s, Market.MARK, BarInterval.M1, barsFrom, to),
                store.bars(s, Market.INDEX, BarInterval.M1, barsFrom, to), window);
        ExecutionWindow w = ExecutionWindow.covered(p.cycles(), p.path(), state, p.firstCycle());
        return ExecutionEngine.run(ExecutionRequest.of(w, state, store.bars(s, Market.PREMIUM, BarInterval.M1,
                barsFrom, to), new ExecutionSpec(Child.parse("5m"), rules, new FeeTier(16), ExecutionModel.EXCHANGE)));
    }

    static void assertBookEqualsBatch(Store store, String book, ExecutionResult batch, long endMs) {
        assertBookEqualsBatch(store, book, LiveFixture.SYMBOL, batch, endMs, 2);
    }

    /** Every fill (both legs) and every funding payment of the stored book equals the batch run's, exactly. */
    static void assertBookEqualsBatch(Store store, String book, String symbol, ExecutionResult batch, long endMs,
            int minOrders) {
        List<Fill> expected = new ArrayList<>();
        for (Fill x : batch.fills()) {
            if (x.decisionTime().toEpochMilli() < endMs) {
                expected.add(x);
            }
        }
        List<FillRow> rows = store.live().fills(book).stream().filter(r -> r.decisionMs() < endMs).toList();
        List<FillRow> perp = rows.stream().filter(r -> r.leg().equals("perp")).toList();
        List<FillRow> spot = rows.stream().filter(r -> r.leg().equals("spot")).toList();
        assertTrue(expected.size() >= minOrders, "the replay should trade: " + expected.size());
        assertEquals(expected.size(), perp.size(), "orders");
        assertEquals(expected.size(), spot.size(), "orders (spot legs)");
        for (int i = 0; i < expected.size(); i++) {
            Fill x = expected.get(i);
            String what = "fill " + i + " decided at " + x.decisionTime();
            assertEquals(x.decisionTime().toEpochMilli(), perp.get(i).decisionMs(), what);
            assertEquals(x.fillTime().toEpochMilli(), perp.get(i).fillMs(), what);
            assertEquals(x.to().name(), perp.get(i).sideTo(), what);
            assertEquals(x.targetNotional(), perp.get(i).targetNotional(), 0.0, what);
            assertEquals(x.perpPrice(), perp.get(i).price(), 0.0, what);
            assertEquals(x.spotPrice(), spot.get(i).price(), 0.0, what);
            assertEquals(x.fee(), perp.get(i).fee() + spot.get(i).fee(), 0.0, what);
        }
        var ledger = batch.ledger();
        List<FundingRow> pays = store.live().funding(book).stream().filter(p -> p.settlementMs() < endMs).toList();
        List<FundingRow> expectedPays = new ArrayList<>();
        for (int k = ledger.firstCycle(); k + 1 < ledger.size(); k++) {
            if (ledger.funding(k) != 0.0) {
                expectedPays.add(new FundingRow(symbol, ledger.endMs(k), batch.request().cycles().rate(k + 1),
                        ledger.funding(k), "settled"));
            }
        }
        assertEquals(expectedPays, pays, "funding payments");
        assertTrue(pays.size() >= (minOrders > 0 ? 2 : 0), "settlements the book was open at: " + pays.size());
    }
}
