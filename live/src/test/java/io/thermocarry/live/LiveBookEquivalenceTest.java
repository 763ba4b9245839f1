package io.thermocarry.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.execution.Fill;
import io.thermocarry.core.execution.MarginExecution;
import io.thermocarry.core.margin.MarginMath;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.margin.PerpLeg;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.physics.SyntheticIntradayOuMarket;
import io.thermocarry.core.physics.SyntheticIntradaySpec;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.store.LiveStore.FillRow;
import io.thermocarry.store.LiveStore.FundingRow;
import io.thermocarry.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final double LEVERAGE = 18;
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
            // leverage 0: no margin path, the status says so
            Map<String, Object> sym = symbolStatus(book, replay.endMs);
            for (String k : List.of("leverage", "marginRatio", "minMarginRatio", "liquidations", "liquidationPrice",
                    "wallet")) {
                assertTrue(sym.containsKey(k) && sym.get(k) == null, k + " with leverage 0: " + sym.get(k));
            }
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

    /**
     * {@code live --leverage 18} equals {@code execute --leverage 18} on the same bars: fills (the liquidations
     * with {@code LIQUIDATION}), funding and the liquidation count. At 18x with no futures share (the wallet is the
     * initial margin N/18) the synthetic market liquidates 3 of its 4 carries within minutes of their entry and
     * closes the fourth on a regime change (16x liquidates none). At every minute the book holds a leg, the status's margin ratio is
     * {@link MarginMath#coverage} of the stored position (its quantity, the last fill's price it was struck at, the
     * futures wallet) at the mark price.
     */
    @Test
    void leverage_fillsLiquidationsAndFunding_equalExecuteLeverage_exactly() {
        LiveConfig c = replay.config("lev", FillModel.BAR).withMargin(s -> MarginSpec.of(s.name(), LEVERAGE, 0.0));
        MarginSpec spec = c.margin(replay.symbol);
        // the stored configuration text: a book without margin keeps its text, one with margin extends it
        LiveConfig off = replay.config("lev", FillModel.BAR);
        assertEquals(off.describe(), off.withMargin(s -> MarginSpec.of(s.name(), 0, 0.0)).describe());
        assertTrue(c.describe().startsWith(off.describe() + ";margin=" + replay.symbol.name() + ":leverage=18.0,"),
                c.describe());
        MarginExecution batchLev = replay.batchMargin(c);
        try (Store store = Store.inMemory()) {
            replay.writeHistory(store);
            LiveBook book = new LiveBook(store, c, x -> { });
            book.start();
            List<Replay.Step> steps = replay.steps(2);
            int checked = 0;
            int nullWhileHeld = 0;
            for (int i = 0; i < steps.size(); i++) {
                Replay.play(book, steps, i, i + 1);
                // the minutes the checkpoint reached (both legs closed): the run and the mark price are of that minute
                if (!(steps.get(i).event() instanceof KlineEvent) || book.checkpoint(replay.symbol) != steps.get(i)
                        .timeMs()) {
                    continue;
                }
                Map<String, Object> sym = symbolStatus(book, steps.get(i).timeMs());
                assertEquals(LEVERAGE, (Double) sym.get("leverage"), 0.0);
                @SuppressWarnings("unchecked")
                Map<String, Object> perpLeg = ((List<Map<String, Object>>) sym.get("legs")).get(1);
                String side = (String) perpLeg.get("side");
                if (side.equals("FLAT")) {
                    continue;
                }
                if (sym.get("marginRatio") == null) {
                    // the engine is flat where the stored book is not yet: an exit decided at a settlement still
                    // provisional, or a liquidation in the bar closing now (withheld until the next bar)
                    if (((Number) sym.get("pendingSettlements")).intValue() == 0) {
                        nullWhileHeld++;
                    }
                    continue;
                }
                List<FillRow> perp = perpLegs(book.storedFills());
                double entry = perp.get(perp.size() - 1).price();
                double qty = Math.abs((Double) perpLeg.get("quantity"));
                double wallet = (Double) sym.get("wallet");
                double price = (Double) sym.get("marginPrice");
                PerpLeg leg = side.equals("SHORT_BASIS") ? PerpLeg.SHORT : PerpLeg.LONG;
                double usdt = spec.capitalUsdt();
                double want = MarginMath.coverage(spec.table(), leg, qty * usdt, entry, wallet * usdt, price);
                double got = (Double) sym.get("marginRatio");
                assertTrue(Double.isFinite(got), "margin ratio " + got);
                assertEquals(want, got, 1e-9 * Math.abs(want), "margin ratio at " + Replay.at(steps.get(i).timeMs()));
                double lp = MarginMath.liquidationPrice(spec.table(), leg, qty * usdt, entry, wallet * usdt);
                assertEquals(lp, (Double) sym.get("liquidationPrice"), 1e-9 * lp, "liquidation price");
                assertTrue((Double) sym.get("minMarginRatio") <= got, "the path's minimum (bar extremes, this minute's"
                        + " included) is at most the ratio at its close");
                checked++;
            }
            assertTrue(checked >= 10, "minutes with a leg held: " + checked);
            List<Fill> expected = new ArrayList<>();
            for (Fill f : batchLev.result().fills()) {
                if (f.decisionTime().toEpochMilli() < replay.endMs) {
                    expected.add(f);
                }
            }
            long liquidations = expected.stream().filter(f -> f.reason() == ExitReason.LIQUIDATION).count();
            assertTrue(liquidations >= 1, "the synthetic market should liquidate at " + LEVERAGE + "x");
            assertTrue(nullWhileHeld <= liquidations, "minutes without a ratio while held: " + nullWhileHeld);
            assertEquals(batchLev.margin().liquidationCount(), liquidations, "liquidations before the end");
            assertFillsEqual(expected, book.storedFills());
            assertEquals(liquidations, perpLegs(book.storedFills()).stream()
                    .filter(f -> f.reason().equals("LIQUIDATION")).count());
            assertPaymentsEqual(batchLev.result(), store.live().funding("lev"));
            Map<String, Object> end = symbolStatus(book, replay.endMs);
            assertEquals((int) liquidations, end.get("liquidations"));
            assertEquals(batchLev.margin().minCoverage(), (Double) end.get("minMarginRatio"), 0.0);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> symbolStatus(LiveBook book, long wallMs) {
        return ((List<Map<String, Object>>) book.status(wallMs).get("symbols")).get(0);
    }

    static void assertFillsEqual(List<Fill> expected, List<FillRow> stored) {
        List<FillRow> perp = perpLegs(stored);
        List<FillRow> spot = spotLegs(stored);
        assertEquals(expected.size(), perp.size(), "orders");
        for (int i = 0; i < expected.size(); i++) {
            Fill f = expected.get(i);
            FillRow p = perp.get(i);
            FillRow s = spot.get(i);
            String what = "fill " + i + " at " + f.decisionTime();
            // a liquidation is keyed 1 ms before the close it is booked at (LiveBook.decisionKey)
            long key = f.decisionTime().toEpochMilli() - (f.reason() == ExitReason.LIQUIDATION ? 1 : 0);
            assertEquals(key, p.decisionMs(), what);
            assertEquals(f.fillTime().toEpochMilli(), p.fillMs(), what);
            assertEquals(f.from().name(), p.sideFrom(), what);
            assertEquals(f.to().name(), p.sideTo(), what);
            assertEquals(f.reason() == null ? "" : f.reason().name(), p.reason(), what);
            assertEquals(f.targetNotional(), p.targetNotional(), 0.0, what);
            assertEquals(f.perpPrice(), p.price(), 0.0, what);
            assertEquals(f.spotPrice(), s.price(), 0.0, what);
            assertEquals(f.tradedNotional(), p.tradedNotional(), 0.0, what);
            assertEquals(f.fee(), p.fee() + s.fee(), 0.0, what);
        }
    }

    static void assertPaymentsEqual(ExecutionResult batch, List<FundingRow> pays) {
        var ledger = batch.ledger();
        int j = 0;
        for (int k = ledger.firstCycle(); k + 1 < ledger.size(); k++) {
            if (ledger.funding(k) != 0.0) {
                FundingRow p = pays.get(j++);
                assertEquals(ledger.endMs(k), p.settlementMs(), "settlement of row " + k);
                assertEquals(ledger.funding(k), p.payment(), 0.0, "payment at " + Replay.at(p.settlementMs()));
                assertEquals("settled", p.status());
            }
        }
        assertEquals(pays.size(), j, "payments");
        assertTrue(j >= 1, "funding payments compared: " + j);
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
