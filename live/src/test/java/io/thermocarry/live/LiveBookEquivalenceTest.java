package io.thermocarry.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.execution.Fill;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.physics.SyntheticIntradayOuMarket;
import io.thermocarry.core.physics.SyntheticIntradaySpec;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.store.LiveStore.FillRow;
import io.thermocarry.store.LiveStore.FundingRow;
import io.thermocarry.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live book fed stream events equals the batch multi-timeframe engine over the same bars (SPEC §14:
 * "replaying a recording of the streams through live gives exactly the decisions that the backtest gives"), and
 * a book restarted from its store at any point equals the uninterrupted one. Synthetic intraday OU market:
 * 1 h funding cycles, 1 m bars; 380 cycles of history (signals need 360), then 14 cycles replayed.
 */
class LiveBookEquivalenceTest {
    private static final int HISTORY_CYCLES = 380;
    private static final int LIVE_CYCLES = 10;
    private static Replay replay;
    private static ExecutionResult batch;

    @BeforeAll
    static void market() {
        SyntheticSpec ou = new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, 0.2, 0.05, 1e-4, 1.5e-4,
                HISTORY_CYCLES + LIVE_CYCLES + 2, 1, CycleStart.CONTINUOUS, 7, SyntheticSpec.DEFAULT_START, 30_000.0,
                0.004, List.of());
        SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(new SyntheticIntradaySpec(ou, BarInterval.M1,
                1.0));
        long start = m.funding().timeMs(HISTORY_CYCLES);
        long end = m.funding().timeMs(HISTORY_CYCLES + LIVE_CYCLES);
        replay = new Replay(m.perp(), m.spot(), m.funding(), start, end);
        batch = replay.batch(replay.config("batch", FillModel.BAR));
    }

    @Test
    void barFills_equalTheBatchEngine_exactly() {
        try (Store store = Store.inMemory()) {
            replay.writeHistory(store);
            LiveConfig c = replay.config("eq", FillModel.BAR);
            List<String> log = new ArrayList<>();
            LiveBook book = new LiveBook(store, c, log::add);
            book.start();
            long t0 = System.nanoTime();
            Replay.play(book, replay.steps(2), 0, replay.steps(2).size());
            System.out.println("replay " + (System.nanoTime() - t0) / 1e6 + " ms: " + book.timeSplit() + ", events "
                    + book.events());
            List<Fill> expected = new ArrayList<>();
            for (Fill f : batch.fills()) {
                if (f.decisionTime().toEpochMilli() < replay.endMs) {
                    expected.add(f);
                }
            }
            assertTrue(expected.size() >= 4, "the replay should trade: " + expected.size() + " fills");
            List<FillRow> perp = perpLegs(book.storedFills());
            List<FillRow> spot = spotLegs(book.storedFills());
            assertEquals(expected.size(), perp.size(), "orders");
            for (int i = 0; i < expected.size(); i++) {
                Fill f = expected.get(i);
                FillRow p = perp.get(i);
                FillRow s = spot.get(i);
                String what = "fill " + i + " at " + f.decisionTime();
                assertEquals(f.decisionTime().toEpochMilli(), p.decisionMs(), what);
                assertEquals(f.fillTime().toEpochMilli(), p.fillMs(), what);
                assertEquals(f.from().name(), p.sideFrom(), what);
                assertEquals(f.to().name(), p.sideTo(), what);
                assertEquals(f.targetNotional(), p.targetNotional(), 0.0, what);
                assertEquals(f.perpPrice(), p.price(), 0.0, what);
                assertEquals(f.spotPrice(), s.price(), 0.0, what);
                assertEquals(f.tradedNotional(), p.tradedNotional(), 0.0, what);
                assertEquals(f.fee(), p.fee() + s.fee(), 0.0, what);
            }
            // funding at every settlement before the end, settled, equal to the batch ledger's
            var ledger = batch.ledger();
            List<FundingRow> pays = store.live().funding("eq");
            int j = 0;
            for (int k = ledger.firstCycle(); k + 1 < ledger.size(); k++) {
                if (ledger.funding(k) != 0.0) {
                    FundingRow p = pays.get(j++);
                    assertEquals(ledger.endMs(k), p.settlementMs(), "settlement of row " + k);
                    assertEquals(ledger.funding(k), p.payment(), 0.0, "payment at " + Replay.at(p.settlementMs()));
                    assertEquals("settled", p.status());
                }
            }
            assertTrue(j >= 1, "funding payments compared: " + j);
            assertTrue(log.size() > 100, "one log line per decision: " + log.size());
            // every decision line shows the batch's regime and signals of its cycle (the running cycle included)
            var sig = batch.request().signals();
            var cycles = batch.request().cycles();
            for (String line : log) {
                long d = java.time.Instant.parse(line.substring(0, line.indexOf(' '))).toEpochMilli();
                int k = cycles.lowerBound(d + 1) - 1;
                String want = "regime " + (sig.regime(k) == null ? "-" : sig.regime(k).name()) + " exposure "
                        + LiveBook.fmt(sig.exposure(k)) + " r " + LiveBook.fmt(sig.relaxationRatio(k)) + " z "
                        + LiveBook.fmt(sig.temperatureZscore(k)) + " entropy " + LiveBook.fmt(sig.entropyRate(k))
                        + " je " + LiveBook.fmt(sig.jeHealth(k)) + ":";
                assertTrue(line.contains(want), line + " expected " + want);
            }
        }
    }

    @Test
    void restartAtRandomPoints_givesTheUninterruptedBook() {
        List<Replay.Step> steps = replay.steps(3);
        List<FillRow> uninterrupted;
        List<FundingRow> uninterruptedPays;
        try (Store store = Store.inMemory()) {
            replay.writeHistory(store);
            LiveBook book = new LiveBook(store, replay.config("a", FillModel.BAR), x -> { });
            book.start();
            Replay.play(book, steps, 0, steps.size());
            uninterrupted = store.live().fills("a");
            uninterruptedPays = store.live().funding("a");
        }
        Random rnd = new Random(42);
        try (Store store = Store.inMemory()) {
            replay.writeHistory(store);
            int at = 0;
            int restarts = 0;
            while (at < steps.size()) {
                // a new book object on the same store: everything in memory is lost, as after kill -9
                LiveBook book = new LiveBook(store, replay.config("a", FillModel.BAR), x -> { });
                book.holeFiller(replay::klines);
                book.settledSource(replay::settled);
                book.start();
                int next = Math.min(steps.size(), at + 1 + rnd.nextInt(steps.size() / 5));
                // after a restart the feed resumes where the stream reconnects: events before it repeat, or events
                // after it are missed (REST fills the holes)
                int resume = Math.min(next - 1, Math.max(0, at - 40 + rnd.nextInt(80)));
                Replay.play(book, steps, resume, next);
                at = next;
                restarts++;
            }
            assertTrue(restarts >= 4, "restarts: " + restarts);
            assertEquals(uninterrupted, store.live().fills("a"));
            assertEquals(uninterruptedPays, store.live().funding("a"));
        }
    }

    static List<FillRow> perpLegs(List<FillRow> all) {
        return all.stream().filter(f -> f.leg().equals("perp")).toList();
    }

    static List<FillRow> spotLegs(List<FillRow> all) {
        return all.stream().filter(f -> f.leg().equals("spot")).toList();
    }
}
