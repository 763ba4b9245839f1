package io.thermocarry.app;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench}: the end-to-end throughput figures of CLI.md in one go ({@link EndToEnd} does the timing). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"End-to-end throughput on the markets in the store (--symbols, default BTCUSDT,ETHUSDT,SOLUSDT) "
                + "or on synthetic markets of the same size (--synthetic): the full pipeline's and evaluate's wall "
                + "time after JVM start and warm, ingest and parse rows/s, cycles/s, decisions/s, backtests/s on one "
                + "and on all cores. Per-hot-path JMH benchmarks: see the bench module (docs/PERFORMANCE.md)."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--synthetic", description = "measure on synthetic OU markets in memory instead of the store")
    boolean synthetic;

    @Option(names = "--synthetic-symbols", defaultValue = "3", paramLabel = "N",
            description = "synthetic symbols (default ${DEFAULT-VALUE})")
    int syntheticSymbols;

    @Option(names = "--cycles", defaultValue = "" + EndToEnd.DEFAULT_SYNTHETIC_CYCLES, paramLabel = "N",
            description = "8 h cycles per synthetic symbol (default ${DEFAULT-VALUE}, about the shared history)")
    int cycles;

    @Option(names = "--seconds", defaultValue = "1.0", paramLabel = "S",
            description = "minimum measuring time per figure after its warm-up run (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
            description = "minimum timed runs per figure after its warm-up run (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--threads", paramLabel = "N", description = "threads of the parallel figures (default: cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n <= 0 || !(seconds >= 0) || cycles <= 0 || syntheticSymbols <= 0 || repeat <= 0) {
            throw new UsageError("--threads, --cycles, --repeat and --synthetic-symbols must be positive, --seconds >= 0");
        }
        AtomicInteger t = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread th = new Thread(r, "bench-" + t.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        Path tmp = Files.createTempDirectory("thermocarry-bench");
        List<EndToEnd.Figure> figures;
        List<Symbol> symbols;
        String source;
        try {
            if (synthetic) {
                symbols = EndToEnd.syntheticSymbols(syntheticSymbols);
                source = "synthetic: " + syntheticSymbols + " OU markets x " + cycles + " cycles, in memory";
                try (Store store = EndToEnd.syntheticStore(syntheticSymbols, cycles)) {
                    figures = EndToEnd.measure(store, symbols, pool, n, seconds, repeat, tmp);
                }
            } else {
                symbols = common.symbolList().isEmpty() ? SweepCommand.DEFAULT_SYMBOLS.stream().map(Symbol::of).toList()
                        : common.symbolList();
                source = "store " + common.db;
                try (Store store = Stores.open(common.db)) {
                    figures = EndToEnd.measure(store, symbols, pool, n, seconds, repeat, tmp);
                }
            }
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(tmp);
        }
        List<String> notes = List.of();
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("source", source);
            doc.put("symbols", symbols.stream().map(Symbol::name).toList());
            List<Object> list = new ArrayList<>();
            for (EndToEnd.Figure f : figures) {
                Map<String, Object> m = Out.obj();
                m.put("name", f.name());
                m.put("value", Out.num(f.value()));
                m.put("unit", f.unit());
                m.put("what", f.what());
                list.add(m);
            }
            doc.put("figures", list);
            doc.put("notes", notes);
            Out.json(System.out, doc);
            return 0;
        }
        System.out.println("bench on " + source + ", symbols " + symbols);
        List<List<String>> rows = new ArrayList<>();
        for (EndToEnd.Figure f : figures) {
            rows.add(List.of(f.name(), format(f.value()), f.unit(), f.what()));
        }
        System.out.print(Out.table(List.of("figure", "value", "unit", "what"), rows));
        notes.forEach(x -> System.out.println("note: " + x));
        return 0;
    }

    private static String format(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
