package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.binance.stream.BookTickerEvent;
import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.MarkPriceEvent;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.execution.ExecutionResult;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.live.FillModel;
import io.thermocarry.live.LiveBook;
import io.thermocarry.live.LiveConfig;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live book on real Binance bars (the shared data: BTCUSDT 1 m perp and spot, 1 h history, settled funding),
 * fed as stream events, equals {@code execute}'s route over the same stored bars exactly. The day replayed is the
 * last one (from a settlement) where both 1 m legs are complete for it and the median window before it.
 */
class LiveRealDataTest {
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void realBtcDay_liveEqualsExecute(@TempDir Path dir) throws Exception {
        Path data = SharedData.binance();
        Path source = dir.resolve("source.duckdb");
        List<String> args = new ArrayList<>(List.of("ingest", "--db", source.toString()));
        for (String sub : List.of("klines/1h/futures", "klines/1h/spot", "funding", "klines/1m/futures",
                "klines/1m/spot")) {
            args.addAll(files(data.resolve(sub), "BTCUSDT"));
        }
        Cli.Result in = Cli.run(args.toArray(new String[0]));
        assertEquals(0, in.exit(), in.err());
        Symbol s = Symbol.of("BTCUSDT");
        Path db = dir.resolve("live.duckdb");
        LiveFixture.ruleArgs();
        try (Store a = Store.open(source); Store b = Store.open(db)) {
            BarSeries perp = a.bars(s, Market.PERP, BarInterval.M1, null, null);
            BarSeries spot = a.bars(s, Market.SPOT, BarInterval.M1, null, null);
            FundingSeries funding = a.funding(s, null, null);
            long start = lastCompleteDay(perp, spot, funding);
            long end = start + DAY / 2;
            System.out.println("live real data: BTCUSDT " + Instant.ofEpochMilli(start) + " to " + Instant.ofEpochMilli(end));
            Instant st = Instant.ofEpochMilli(start);
            b.writeBars(a.bars(s, Market.PERP, BarInterval.H1, null, st), "history perp 1h");
            b.writeBars(a.bars(s, Market.SPOT, BarInterval.H1, null, st), "history spot 1h");
            b.writeBars(perp.slice(start - DAY, start), "history perp 1m");
            b.writeBars(spot.slice(start - DAY, start), "history spot 1m");
            b.writeFunding(funding.slice(Long.MIN_VALUE, start + 1), "history funding");
            LiveConfig d = LiveConfig.defaults("real", List.of(s), start, new FeeTier(16), FillModel.BAR);
            LiveConfig c = new LiveConfig("real", d.symbols(), start, Child.parse("5m"),
                    LiveStatusPageTest.CommandLineRules.open(), d.fee(), d.signalSpec(), d.regimeSpec(),
                    d.regimeConfig(), d.featureSpec(), d.vetoSpec(), d.medianWindow(), FillModel.BAR);
            List<String> log = new ArrayList<>();
            LiveBook book = new LiveBook(b, c, log::add);
            book.settledSource((sym, t, now) -> {
                int i = funding.lowerBound(t);
                return i < funding.size() && funding.timeMs(i) == t ? Optional.of(funding.event(i)) : Optional.empty();
            });
            book.start();
            long t0 = System.nanoTime();
            long u = 1;
            for (int i = perp.lowerBound(start); i < perp.size() && perp.closeTimeMs(i) <= end; i++) {
                long open = perp.openTimeMs(i);
                long close = open + MINUTE;
                int j = spot.lowerBound(open);
                int k = funding.lowerBound(close);
                double pc = perp.close(i);
                book.onEvent(new MarkPriceEvent(s, close - 500, pc, spot.close(j), funding.rate(k), funding.timeMs(k)));
                book.onEvent(new BookTickerEvent(s, Market.PERP, u++, close - 400, pc - 0.1, 1, pc + 0.1, 1));
                book.onEvent(new KlineEvent(s, Market.PERP, "1m", open, close - 1, perp.open(i), perp.high(i),
                        perp.low(i), pc, perp.volume(i), true, close));
                book.onEvent(new KlineEvent(s, Market.SPOT, "1m", open, close - 1, spot.open(j), spot.high(j),
                        spot.low(j), spot.close(j), spot.volume(j), true, close));
            }
            System.out.printf("live real data: %d events in %.1f s, %d decisions logged, %s%n", book.events(),
                    (System.nanoTime() - t0) / 1e9, log.size(), book.summary() + " " + book.timeSplit());
            assertEquals(end, book.checkpoint(s));
            assertEquals(12 * 12, log.size(), "one decision line per 5 m close");
            ExecutionResult batch = LiveEndToEndTest.executeRoute(b, s, start, end, c.rules());
            LiveEndToEndTest.assertBookEqualsBatch(b, "real", s.name(), batch, end, 0);
        }
    }

    /** The start (a settlement) of the last day both legs cover minute by minute, with the day before it. */
    private static long lastCompleteDay(BarSeries perp, BarSeries spot, FundingSeries funding) {
        for (int f = funding.size() - 1; f > 0; f--) {
            long t = funding.timeMs(f);
            if (complete(perp, t - DAY, t + DAY) && complete(spot, t - DAY, t + DAY)
                    && funding.timeMs(funding.size() - 1) > t + DAY) {
                return t;
            }
        }
        throw new AssertionError("no complete day of 1 m perp and spot bars in the shared data");
    }

    private static boolean complete(BarSeries s, long from, long to) {
        int i = s.lowerBound(from);
        int j = s.lowerBound(to);
        return j - i == (to - from) / MINUTE && i < s.size() && s.openTimeMs(i) == from;
    }

    private static List<String> files(Path dir, String symbol) throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.filter(p -> p.getFileName().toString().startsWith(symbol + ".")).map(Path::toString).sorted()
                    .toList();
        }
    }
}
