package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.execution.Fill;
import io.thermocarry.store.LiveStore.FillRow;
import io.thermocarry.store.LiveStore.FundingRow;
import io.thermocarry.store.Store;
import io.thermocarry.testkit.FakeBinanceStreams;
import io.thermocarry.testkit.StreamFaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (SPEC §14): {@code live} killed with SIGKILL ({@code Process.destroyForcibly()}) at seeded random
 * points of the replay and restarted each time (it resumes from the store and backfills what it missed over the
 * fake REST). With {@code --fill bar} the final book equals the uninterrupted one — the batch route, which
 * {@link LiveEndToEndTest} proves equal to an uninterrupted run — exactly (so within 1e-9 of capital); with
 * {@code --fill book} no fill or payment is lost or doubled: one order per decision of the bar route, both legs,
 * and one payment per settlement.
 */
class LiveCrashSafetyTest {
    static LiveFixture fixture;

    @BeforeAll
    static void market() {
        fixture = new LiveFixture(1, 380, 8);
    }

    @Test
    void killedAtRandomPoints_barBookEqualsTheUninterruptedOne(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("crash.duckdb");
        int kills = runWithKills(db, "bar", 1, 2000, true);
        assertTrue(kills >= 3, "kills: " + kills);
        try (Store store = Store.open(db)) {
            LiveEndToEndTest.assertBookEqualsBatch(store, "crash", LiveEndToEndTest.executeRoute(store, fixture),
                    fixture.endMs);
        }
    }

    @Test
    void killedAtRandomPoints_bookFillsAreNeitherLostNorDoubled(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("crash-book.duckdb");
        runWithKills(db, "book", 2, 3000, false);
        try (Store store = Store.open(db)) {
            ExecutionResult batch = LiveEndToEndTest.executeRoute(store, fixture);
            List<Long> decisions = new ArrayList<>();
            for (Fill f : batch.fills()) {
                if (f.decisionTime().toEpochMilli() < fixture.endMs) {
                    decisions.add(f.decisionTime().toEpochMilli());
                }
            }
            List<FillRow> rows = store.live().fills("crash").stream().filter(r -> r.decisionMs() < fixture.endMs)
                    .toList();
            Set<String> keys = new HashSet<>();
            List<Long> perpDecisions = new ArrayList<>();
            for (FillRow r : rows) {
                assertTrue(keys.add(r.decisionMs() + "/" + r.leg()), "doubled fill " + r);
                assertEquals("book", r.model());
                if (r.leg().equals("perp")) {
                    perpDecisions.add(r.decisionMs());
                }
            }
            assertEquals(decisions, perpDecisions, "one order per decision");
            // the orders are the bar route's: same sides and notionals
            List<FillRow> perpRows = rows.stream().filter(r -> r.leg().equals("perp")).toList();
            int i = 0;
            for (Fill f : batch.fills()) {
                if (f.decisionTime().toEpochMilli() < fixture.endMs) {
                    assertEquals(f.to().name(), perpRows.get(i).sideTo(), "order " + i);
                    assertEquals(f.targetNotional(), perpRows.get(i).targetNotional(), 0.0, "order " + i);
                    i++;
                }
            }
            assertEquals(2 * decisions.size(), rows.size(), "both legs of every order");
            Set<Long> settlements = new HashSet<>();
            List<FundingRow> paid = store.live().funding("crash").stream()
                    .filter(p -> p.settlementMs() < fixture.endMs).toList();
            for (FundingRow p : paid) {
                assertTrue(settlements.add(p.settlementMs()), "doubled payment " + p);
                assertEquals("settled", p.status());
            }
            // one payment at every settlement the bar route was open at (the same orders, so the same settlements)
            Set<Long> expected = new HashSet<>();
            var ledger = batch.ledger();
            for (int k = ledger.firstCycle(); k + 1 < ledger.size(); k++) {
                if (ledger.funding(k) != 0.0) {
                    expected.add(ledger.endMs(k));
                }
            }
            assertEquals(expected, settlements, "settlements paid");
            for (FundingRow p : paid) {
                int k = ledger.ends().length - 1;
                while (ledger.endMs(k) != p.settlementMs()) {
                    k--;
                }
                assertEquals(ledger.funding(k), p.payment(), 0.0, "payment at " + p.settlementMs());
            }
            assertTrue(expected.size() >= 2, "settlements: " + expected.size());
        }
    }

    /** Runs the replay with SIGKILLs at seeded random points and restarts, then to the end; returns the kills. */
    private static int runWithKills(Path db, String fill, long seed, double speed, boolean streamsAtEnd)
            throws Exception {
        fixture.writeHistory(db);
        Random rnd = new Random(seed);
        int kills = 0;
        try (FakeBinanceStreams server = FakeBinanceStreams.start(fixture.recording, StreamFaults.none(), speed)) {
            for (int i = 0; i < 3; i++) {
                LiveFixture.LiveProcess p = fixture.start(db, server, "crash", fill);
                p.port();
                Thread.sleep(200 + rnd.nextInt(1500));
                p.kill();
                kills++;
            }
            LiveFixture.LiveProcess p = fixture.start(db, server, "crash", fill);
            p.awaitCheckpoint(fixture.endMs, Duration.ofSeconds(120));
            JsonNode summary = p.stop();
            System.out.printf("live crash (%s fills): %d kills, last run %s%n", fill, kills, summary);
            if (streamsAtEnd) {
                assertTrue(summary.path("events").asLong() > 0, "the last run should see the streams: " + summary);
            }
        }
        return kills;
    }
}
