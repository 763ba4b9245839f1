package io.thermocarry.app;

import io.thermocarry.binance.BinanceReader;
import io.thermocarry.binance.ReadOptions;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.PhysicsAnalyzer;
import io.thermocarry.core.physics.PhysicsSpec;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The end-to-end throughput figures of the {@code bench} command (CLI.md), measured on the markets of a store:
 * the same calls the other commands make, timed. The JMH benchmarks of the {@code bench} module time each hot path
 * in isolation; this class times the paths as a user runs them, so it lives where the commands are (the app), and
 * the {@code bench} module depends on nothing here.
 *
 * <p>Each rate is the median over repetitions (one untimed warm-up, then at least three timed runs and at least
 * {@code secondsPerFigure} of them), in units of work per second. The pipeline figure is taken first, so its first
 * run is the cost after JVM start that a user sees.
 */
final class EndToEnd {
    /** Funding cycles per synthetic symbol: about the shared history's length (6.3 years of 8 h cycles). */
    static final int DEFAULT_SYNTHETIC_CYCLES = 6_900;

    private EndToEnd() {
    }

    /**
     * One measured figure.
     *
     * @param name stable name (scripts read it)
     * @param value the figure
     * @param unit its unit ({@code rows/s}, {@code s}, ...)
     * @param what what was timed
     */
    record Figure(String name, double value, String unit, String what) {
    }

    /**
     * A fresh in-memory store holding {@code symbols} synthetic OU markets of {@code cycles} 8 h cycles each (perp
     * and spot 1 h klines, funding), with a regime switch in the middle third so that every regime occurs. Symbols
     * {@code SYNTH1USDT}, {@code SYNTH2USDT}, ...; seeds 1, 2, ...
     */
    static Store syntheticStore(int symbols, int cycles) {
        Store store = Store.inMemory();
        try {
            for (int i = 1; i <= symbols; i++) {
                SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(cycles).withSeed(i)
                        .withSymbol(Symbol.of("SYNTH" + i + "USDT"))
                        .withKappaSegments(List.of(new KappaSegment(cycles / 3, 2 * cycles / 3, 0.2)));
                SimulateCommand.write(store, spec);
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Symbols of {@link #syntheticStore}. */
    static List<Symbol> syntheticSymbols(int symbols) {
        List<Symbol> out = new ArrayList<>();
        for (int i = 1; i <= symbols; i++) {
            out.add(Symbol.of("SYNTH" + i + "USDT"));
        }
        return out;
    }

    /**
     * Measures every figure on {@code symbols} of {@code store}, in order: the pipeline (first run, then warm), ingest
     * and parse, cycle build, signals, backtests on one thread and on all.
     *
     * @param pool threads for the parallel figures (the pipeline over symbols, backtests on all cores)
     * @param threads the pool's size
     * @param tmp a folder for the throw-away store files of the ingest figure
     */
    static List<Figure> measure(Store store, List<Symbol> symbols, ExecutorService pool, int threads,
            double secondsPerFigure, int repeat, Path tmp) {
        List<Figure> out = new ArrayList<>();
        int n = symbols.size();
        long t0 = System.nanoTime();
        int backtests = pipeline(store, symbols, pool);
        double cold = (System.nanoTime() - t0) / 1e9;
        out.add(new Figure("pipelineSecondsFirstRun", cold, "s", n + " symbols from the store: load, basis, cycles, "
                + "physics table, signals, 5 strategies x 3 fee tiers (" + backtests + " backtests), metrics; first run"
                + " in this JVM"));
        t0 = System.nanoTime();
        evaluate(store, symbols, pool);
        double evalCold = (System.nanoTime() - t0) / 1e9;
        out.add(new Figure("evaluateSecondsFirstRun", evalCold, "s", "evaluate's computation for the " + n
                + " symbols (EvaluationSpec defaults: causal and reference, every strategy, ablation and tier, walk-"
                + "forward, buckets, 5,000 block-bootstrap resamples), store writes excluded; first run, after the "
                + "pipeline figure"));
        double warm = 1.0 / rate(() -> {
            pipeline(store, symbols, pool);
            return 1;
        }, secondsPerFigure, repeat);
        out.add(new Figure("pipelineSeconds", warm, "s", "the same pipeline, warm (median)"));
        double evalWarm = 1.0 / rate(() -> {
            evaluate(store, symbols, pool);
            return 1;
        }, secondsPerFigure, repeat);
        out.add(new Figure("evaluateSeconds", evalWarm, "s", "the same evaluation, warm (median)"));

        List<MarketLoader.Loaded> markets = new ArrayList<>();
        for (Symbol s : symbols) {
            markets.add(MarketLoader.load(store, s, null, null));
        }
        List<String> names = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        List<ReadOptions> options = new ArrayList<>();
        long rows = 0;
        for (MarketLoader.Loaded m : markets) {
            for (BarSeries b : List.of(m.perp(), m.spot(), m.mark(), m.index())) {
                if (!b.isEmpty()) {
                    names.add("klines/1h/" + folder(b.market()) + "/" + m.symbol() + ".csv");
                    files.add(klineCsv(b));
                    options.add(new ReadOptions(m.symbol(), b.market(), BarInterval.H1));
                    rows += b.size();
                }
            }
            names.add("funding/" + m.symbol() + ".csv");
            files.add(fundingCsv(m.funding()));
            options.add(new ReadOptions(m.symbol(), null, null));
            rows += m.funding().size();
        }
        long allRows = rows;
        double parse = rate(() -> {
            long r = 0;
            for (int i = 0; i < files.size(); i++) {
                r += BinanceReader.read(names.get(i), files.get(i), options.get(i)).rowsAccepted();
            }
            return r;
        }, secondsPerFigure, repeat);
        int[] storeNo = {0};
        double ingest = rate(() -> {
            Path db = tmp.resolve("bench-ingest-" + (storeNo[0]++) + ".duckdb");
            long r = 0;
            try (Store fresh = Store.open(db)) {
                for (int i = 0; i < files.size(); i++) {
                    ParsedSource src = BinanceReader.read(names.get(i), files.get(i), options.get(i));
                    r += fresh.ingest(src).rowsAccepted();
                }
            } finally {
                deleteQuietly(db);
            }
            if (r != allRows) {
                throw new JobFailed("bench ingest stored " + r + " of " + allRows + " rows");
            }
            return r;
        }, secondsPerFigure, repeat);
        out.add(new Figure("ingestRowsPerSecond", ingest, "rows/s", allRows + " rows (1 h klines of every leg and "
                + "funding) as Binance CSV in memory: parse + ingest into a fresh store file"));
        out.add(new Figure("parseRowsPerSecond", parse, "rows/s", "the same CSV parsed only"));

        double cycles = rate(() -> {
            long c = 0;
            for (MarketLoader.Loaded m : markets) {
                BasisSeries b = m.mark().isEmpty() || m.index().isEmpty() ? BasisSeries.of(m.perp(), m.spot(), null, null)
                        : BasisSeries.of(m.perp(), m.spot(), m.mark(), m.index());
                c += CycleBuilder.build(m.funding(), b, m.mark().isEmpty() ? null : m.mark()).size();
            }
            return c;
        }, secondsPerFigure, repeat);
        out.add(new Figure("cyclesPerSecond", cycles, "cycles/s", "basis (spot-perp join) and funding cycles from "
                + "loaded bars"));

        SignalSpec spec = SignalSpec.defaults();
        double decisions = rate(() -> {
            long d = 0;
            for (MarketLoader.Loaded m : markets) {
                d += SignalRunner.run(m.cycles(), m.basis(), spec, RegimeSpec.defaults(), RegimeConfig.FULL, Compat.CAUSAL)
                        .size();
            }
            return d;
        }, secondsPerFigure, repeat);
        out.add(new Figure("decisionsPerSecond", decisions, "decisions/s", "the four causal signals and the regime"
                + " per funding settlement"));

        List<BacktestRequest> requests = new ArrayList<>();
        for (MarketLoader.Loaded m : markets) {
            SignalRun run = SignalRunner.run(m.cycles(), m.basis(), spec, RegimeSpec.defaults(), RegimeConfig.FULL,
                    Compat.CAUSAL);
            requests.add(new BacktestRequest(m.cycles(), SignalPath.of(run, m.cycles().size()), PhysicsStrategy.defaults(),
                    FeeTier.BPS_16, Compat.CAUSAL, 1.0, 0, FundingAccrual.RATE_AT_CYCLE_END));
        }
        double single = rate(() -> {
            for (BacktestRequest r : requests) {
                BacktestEngine.run(r);
            }
            return requests.size();
        }, secondsPerFigure, repeat);
        out.add(new Figure("backtestsPerSecond", single, "backtests/s", "physics carry, full history, one fee tier,"
                + " with metrics, one thread"));
        int perThread = Math.max(4, (int) Math.ceil(single * 0.25));
        double all = rate(() -> {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int start = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        BacktestEngine.run(requests.get((start + i) % requests.size()));
                    }
                }));
            }
            waitAll(fs);
            return (long) threads * perThread;
        }, secondsPerFigure, repeat);
        out.add(new Figure("backtestsPerSecondAllCores", all, "backtests/s", "the same on " + threads + " threads"));
        long c = markets.stream().mapToLong(m -> m.cycles().size()).sum();
        out.add(new Figure("cycles", c, "cycles", "funding cycles of the " + n + " symbols"));
        out.add(new Figure("threads", threads, "threads", "worker threads of the parallel figures"));
        return out;
    }

    /** The full pipeline over the symbols, one task per symbol; returns the backtests run. */
    static int pipeline(Store store, List<Symbol> symbols, ExecutorService pool) {
        List<Future<Integer>> fs = new ArrayList<>();
        for (Symbol s : symbols) {
            Callable<Integer> task = () -> {
                MarketLoader.Loaded l = MarketLoader.load(store, s, null, null);
                PhysicsAnalyzer.analyze(l.basis(), l.cycles(), PhysicsSpec.defaults());
                SignalRun run = SignalRunner.run(l.cycles(), l.basis(), SignalSpec.defaults(), RegimeSpec.defaults(),
                        RegimeConfig.FULL, Compat.CAUSAL);
                SignalPath path = SignalPath.of(run, l.cycles().size());
                int b = 0;
                for (String name : Strategies.NAMES) {
                    StrategySpec spec = Strategies.parse(name);
                    b += BacktestEngine.runTiers(new BacktestRequest(l.cycles(), path, spec, FeeTier.BPS_8,
                            Compat.CAUSAL, 1.0, 0, FundingAccrual.RATE_AT_CYCLE_END), FeeTier.STANDARD).size();
                }
                return b;
            };
            fs.add(pool.submit(task));
        }
        int total = 0;
        for (Future<Integer> f : fs) {
            total += get(f);
        }
        return total;
    }

    /**
     * What {@code evaluate} computes for the symbols (loads, then {@link SymbolEvaluator#evaluate} per symbol on the
     * pool, as the command does), without writing the result tables; returns the strategy results.
     */
    static int evaluate(Store store, List<Symbol> symbols, ExecutorService pool) {
        EvaluationSpec spec = EvaluationSpec.defaults();
        List<Future<SymbolEvaluation>> fs = new ArrayList<>();
        for (Symbol s : symbols) {
            MarketLoader.Loaded l = MarketLoader.load(store, s, null, null);
            SymbolData data = new SymbolData(s, l.funding(), l.basis(), l.mark().isEmpty() ? null : l.mark(), null);
            fs.add(pool.submit(() -> SymbolEvaluator.evaluate(data, spec, null)));
        }
        int results = 0;
        for (Future<SymbolEvaluation> f : fs) {
            results += get(f).results().size();
        }
        return results;
    }

    /**
     * Units of work per second of {@code work} (which returns the units it did): one untimed warm-up run, then
     * timed runs until at least {@code repeat} runs and at least {@code minSeconds} have passed; the median run's
     * rate.
     */
    static double rate(LongSupplier work, double minSeconds, int repeat) {
        work.getAsLong();
        List<double[]> runs = new ArrayList<>();
        long start = System.nanoTime();
        while (runs.size() < repeat || (System.nanoTime() - start) / 1e9 < minSeconds) {
            long a = System.nanoTime();
            long units = work.getAsLong();
            double secs = Math.max((System.nanoTime() - a) / 1e9, 1e-9);
            runs.add(new double[] {units / secs});
        }
        runs.sort(Comparator.comparingDouble(r -> r[0]));
        return runs.get(runs.size() / 2)[0];
    }

    private static String folder(Market m) {
        return m == Market.PERP ? "futures" : m.code();
    }

    /** Binance archive kline CSV (with header) of a series. */
    static byte[] klineCsv(BarSeries b) {
        StringBuilder sb = new StringBuilder(b.size() * 96);
        sb.append("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                + "taker_buy_quote_volume,ignore\n");
        long step = b.interval().millis();
        for (int i = 0; i < b.size(); i++) {
            long t = b.openTimeMs(i);
            sb.append(t).append(',').append(plain(b.open(i))).append(',').append(plain(b.high(i))).append(',')
                    .append(plain(b.low(i))).append(',').append(plain(b.close(i))).append(',')
                    .append(plain(b.volume(i))).append(',').append(t + step - 1)
                    .append(",0,0,0,0,0\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Binance archive fundingRate CSV (with header) of a series. */
    static byte[] fundingCsv(FundingSeries f) {
        StringBuilder sb = new StringBuilder(f.size() * 40);
        sb.append("calc_time,funding_interval_hours,last_funding_rate\n");
        for (int i = 0; i < f.size(); i++) {
            sb.append(f.timeMs(i)).append(',').append(f.intervalMs(i) / 3_600_000L).append(',')
                    .append(plain(f.rate(i))).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A number as CSV text without an exponent (exact: the shortest decimal that reads back to {@code v}). */
    private static String plain(double v) {
        double a = Math.abs(v);
        return a == 0 || (a >= 1e-3 && a < 1e7) ? Double.toString(v) : java.math.BigDecimal.valueOf(v).toPlainString();
    }

    private static void waitAll(List<Future<?>> fs) {
        for (Future<?> f : fs) {
            get(f);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailed("bench interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new JobFailed("bench failed: " + c, c);
        }
    }

    private static void deleteQuietly(Path db) {
        try (Stream<Path> s = Files.list(db.getParent())) {
            for (Path p : s.filter(x -> x.getFileName().toString().startsWith(db.getFileName().toString())).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + db, e);
        }
    }
}
