package io.thermocarry.live;

import io.thermocarry.binance.stream.BookTickerEvent;
import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.MarkPriceEvent;
import io.thermocarry.binance.stream.StreamEvent;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.physics.SyntheticIntradayOuMarket;
import io.thermocarry.core.physics.SyntheticIntradaySpec;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Speed and load of the live loop, by hand (not part of the build; figures in docs/PERFORMANCE.md):
 * {@code mvn -B -o -q -pl live -am test -Dtest=LiveLoadProbe -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlive.symbols=20 -Dlive.minutes=60}. Each symbol: a synthetic 1 m OU market with 1 h funding, 380 cycles of
 * history in a file store, then {@code minutes} replayed at Binance's per-stream cadence of one event per second
 * (mark price, perp and spot book tickers; the closed klines of both legs each minute), every event through
 * the whole loop (checkpoint transaction on a DuckDB file, the core pipeline, the book's rows). Reports events/s,
 * the handling time of every event and of the deciding ones (the closed kline completing a minute: store write +
 * pipeline + book rows), and the heap after a full GC each simulated hour.
 */
class LiveLoadProbe {
    @Test
    void load() throws Exception {
        int symbols = Integer.getInteger("live.symbols", 20);
        int minutes = Integer.getInteger("live.minutes", 60);
        Path dir = Files.createTempDirectory("live-probe-");
        List<Replay> markets = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            Symbol sym = new Symbol("SYN" + (char) ('A' + s / 26) + (char) ('A' + s % 26) + "USDT");
            int liveCycles = minutes / 60 + 2;
            SyntheticSpec ou = new SyntheticSpec(sym, 0.2, 0.05, 1e-4, 1.5e-4, 380 + liveCycles + 2, 1,
                    CycleStart.CONTINUOUS, 100 + s, SyntheticSpec.DEFAULT_START, 30_000.0, 0.004, List.of());
            SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(new SyntheticIntradaySpec(ou, BarInterval.M1,
                    1.0));
            long start = m.funding().timeMs(380);
            markets.add(new Replay(m.perp(), m.spot(), m.funding(), start, start + minutes * 60_000L));
        }
        try (Store store = Store.open(dir.resolve("probe.duckdb"))) {
            long h0 = System.nanoTime();
            for (Replay r : markets) {
                r.writeHistory(store);
            }
            System.out.printf(Locale.ROOT, "PROBE history of %d symbols written in %.1f s%n", symbols,
                    (System.nanoTime() - h0) / 1e9);
            List<Symbol> syms = markets.stream().map(r -> r.symbol).toList();
            Replay first = markets.get(0);
            LiveConfig d = first.config("probe", FillModel.BAR);
            LiveConfig c = new LiveConfig("probe", syms, first.startMs, d.child(), d.rules(), d.fee(), d.signalSpec(),
                    d.regimeSpec(), d.regimeConfig(), d.featureSpec(), d.vetoSpec(), Duration.ofHours(24), d.fill());
            List<String> log = new ArrayList<>();
            LiveBook book = new LiveBook(store, c, log::add);
            book.settledSource((sym, t, now) -> {
                for (Replay r : markets) {
                    if (r.symbol.equals(sym)) {
                        int i = r.funding.lowerBound(t);
                        if (i < r.funding.size() && r.funding.timeMs(i) == t) {
                            return Optional.of(r.funding.event(i));
                        }
                    }
                }
                return Optional.empty();
            });
            book.start();
            long t0 = System.nanoTime();
            long events = 0;
            List<String> heap = new ArrayList<>();
            for (int minute = 0; minute < minutes; minute++) {
                for (int sec = 0; sec < 60; sec++) {
                    for (Replay r : markets) {
                        for (StreamEvent e : second(r, minute, sec)) {
                            book.onEvent(e);
                            events++;
                        }
                    }
                }
                if ((minute + 1) % 60 == 0) {
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    heap.add(String.format(Locale.ROOT, "%dh %.0f MB", (minute + 1) / 60,
                            (rt.totalMemory() - rt.freeMemory()) / 1e6));
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            LatencyRecorder l = book.latency();
            System.out.printf(Locale.ROOT, "PROBE %d symbols x %d min: %d events in %.1f s = %.0f events/s through the"
                    + " whole loop (%.1f simulated s per real s); %d decision lines; %s%n", symbols, minutes, events, secs,
                    events / secs, minutes * 60.0 / secs, log.size(), book.timeSplit());
            System.out.printf(Locale.ROOT, "PROBE handling time, all events: median %.3f ms, p99 %.3f ms; deciding"
                    + " events (%d): median %.2f ms, p99 %.2f ms, max %.2f ms%n", l.quantileMs(0.5, false),
                    l.quantileMs(0.99, false), l.count(true), l.quantileMs(0.5, true), l.quantileMs(0.99, true),
                    l.quantileMs(1.0, true));
            System.out.println("PROBE heap after full GC: " + heap);
        }
    }

    /** The events of one second of one symbol: mark price, both book tickers, and at :59 the closed klines. */
    private static List<StreamEvent> second(Replay r, int minute, int sec) {
        BarSeries perp = r.perp;
        BarSeries spot = r.spot;
        int i = perp.lowerBound(r.startMs) + minute;
        long open = perp.openTimeMs(i);
        long at = open + sec * 1000L + 500;
        int j = spot.lowerBound(open);
        FundingSeries f = r.funding;
        int k = f.lowerBound(open + 60_000L);
        double p = perp.open(i) + (perp.close(i) - perp.open(i)) * sec / 60.0;
        double q = spot.open(j) + (spot.close(j) - spot.open(j)) * sec / 60.0;
        List<StreamEvent> out = new ArrayList<>(5);
        out.add(new MarkPriceEvent(r.symbol, at, p, q, f.rate(k), f.timeMs(k)));
        out.add(new BookTickerEvent(r.symbol, Market.PERP, minute * 60L + sec, at, p * 0.9999, 1, p * 1.0001, 1));
        out.add(new BookTickerEvent(r.symbol, Market.SPOT, minute * 60L + sec, at, q * 0.9999, 1, q * 1.0001, 1));
        if (sec == 59) {
            long close = open + 60_000L;
            out.add(new KlineEvent(r.symbol, Market.PERP, "1m", open, close - 1, perp.open(i), perp.high(i),
                    perp.low(i), perp.close(i), perp.volume(i), true, close));
            out.add(new KlineEvent(r.symbol, Market.SPOT, "1m", open, close - 1, spot.open(j), spot.high(j),
                    spot.low(j), spot.close(j), spot.volume(j), true, close));
        }
        return out;
    }
}
