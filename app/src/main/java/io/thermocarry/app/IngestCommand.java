package io.thermocarry.app;

import io.thermocarry.binance.BinanceReader;
import io.thermocarry.binance.DataTree;
import io.thermocarry.binance.ReadOptions;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.IngestReport;
import io.thermocarry.store.RejectPolicy;
import io.thermocarry.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingest PATH...}: loads Binance files or folders into the store, one transaction per file.
 * Files are parsed one ahead on a second thread while the previous one is written.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load Binance archive files (zip/csv, with or without header, ms or µs), REST JSON payloads "
                + "and the shared data-folder layout into the store. One transaction per file; idempotent.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Option(names = "--market", paramLabel = "spot|perp|mark|index|premium",
            description = "override the market the path implies")
    String market;

    @Option(names = "--interval", paramLabel = "1m|5m|15m|1h|...", description = "override the kline interval")
    String interval;

    @Option(names = "--keep-good-rows",
            description = "store the good rows of a file with bad rows and record the bad ones in rejected_rows "
                    + "(default: refuse such a file whole, leaving the store unchanged)")
    boolean keepGoodRows;

    @Option(names = "--max-listed", defaultValue = "50", paramLabel = "N",
            description = "rejected rows listed in text output (all are in --json)")
    int maxListed;

    @Override
    public Integer call() throws Exception {
        ReadOptions options = readOptions();
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new JobFailed(p + ": no such file or folder");
            }
            if (Files.isDirectory(p)) {
                DataTree.Listing l = DataTree.scan(p);
                files.addAll(l.files());
                l.skipped().forEach(s -> skipped.add(s.path() + ": " + s.reason()));
            } else {
                files.add(p);
            }
        }
        RejectPolicy policy = keepGoodRows ? RejectPolicy.KEEP_GOOD_ROWS : RejectPolicy.REFUSE_FILE;
        long accepted = 0;
        long rejectedRows = 0;
        long already = 0;
        long conflicts = 0;
        int refused = 0;
        int skippedKnown = 0;
        List<Rejection> rejected = new ArrayList<>();
        List<Rejection> warnings = new ArrayList<>();
        List<String> conflictNotes = new ArrayList<>();
        Progress progress = new Progress("ingest", files.size());
        long t0 = System.nanoTime();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ingest-reader");
            t.setDaemon(true);
            return t;
        });
        try (Store store = Stores.open(common.db)) {
            boolean overrides = options.symbol() != null || options.market() != null || options.interval() != null;
            Future<ParsedSource> next = files.isEmpty() ? null : submit(reader, store, files.get(0), options, overrides);
            for (int i = 0; i < files.size(); i++) {
                ParsedSource src = next.get();
                if (i + 1 < files.size()) {
                    next = submit(reader, store, files.get(i + 1), options, overrides);
                }
                if (src == null) {
                    skippedKnown++;
                    progress.update(i + 1, files.get(i).getFileName().toString());
                    continue;
                }
                IngestReport r = store.ingest(src, policy);
                accepted += r.rowsAccepted();
                rejectedRows += r.rowsRejected();
                already += r.rowsAlreadyPresent();
                conflicts += r.conflicts();
                conflictNotes.addAll(r.conflictExamples());
                rejected.addAll(r.rejected());
                warnings.addAll(r.warnings());
                if (r.refused()) {
                    refused++;
                }
                progress.update(i + 1, files.get(i).getFileName().toString());
            }
        } finally {
            reader.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("files", files.size());
            doc.put("rowsAccepted", accepted);
            doc.put("rowsRejected", rejectedRows);
            doc.put("rowsAlreadyPresent", already);
            doc.put("conflicts", conflicts);
            doc.put("filesRefused", refused);
            doc.put("filesAlreadyIngested", skippedKnown);
            doc.put("seconds", secs);
            doc.put("rejected", rejections(rejected));
            doc.put("warnings", rejections(warnings));
            doc.put("skipped", skipped);
            Out.json(System.out, doc);
        } else {
            System.out.printf("files %d (%d already ingested), rows accepted %d, rejected %d, already present %d, conflicts %d,"
                    + " refused files %d (%.1f s, %.0f rows/s)%n", files.size(), skippedKnown, accepted, rejectedRows,
                    already, conflicts, refused, secs,
                    (accepted + already) / Math.max(secs, 1e-9));
            for (int i = 0; i < rejected.size() && i < maxListed; i++) {
                System.out.println("  rejected " + rejected.get(i));
            }
            if (rejected.size() > maxListed) {
                System.out.println("  ... " + (rejected.size() - maxListed) + " more rejected rows (see --json)");
            }
            for (int i = 0; i < warnings.size() && i < 10; i++) {
                System.out.println("  warning " + warnings.get(i));
            }
            for (int i = 0; i < conflictNotes.size() && i < 10; i++) {
                System.out.println("  conflict " + conflictNotes.get(i));
            }
            for (String s : skipped) {
                System.out.println("  skipped " + s);
            }
        }
        if (refused > 0) {
            throw new JobFailed(refused + " file(s) refused because of bad rows (first: " + rejected.get(0)
                    + "); the store kept everything it had. Fix the file(s) or pass --keep-good-rows to store the good rows");
        }
        return 0;
    }

    /**
     * Parses {@code file} on the reader thread, or returns null without parsing when the store already
     * ingested these exact bytes (same SHA-256) and no override changes how they are read.
     */
    private static Future<ParsedSource> submit(ExecutorService reader, Store store, Path file, ReadOptions options,
            boolean overrides) {
        return reader.submit(() -> {
            if (!overrides && !store.ingestedFiles(sha256(file)).isEmpty()) {
                return null;
            }
            return BinanceReader.read(file, options);
        });
    }

    private static String sha256(Path file) throws java.io.IOException {
        try (var in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReadOptions readOptions() {
        try {
            Symbol s = common.symbol == null ? null : Symbol.of(common.symbol);
            Market m = market == null ? null : Market.parse(market);
            BarInterval iv = interval == null ? null : BarInterval.parse(interval);
            return new ReadOptions(s, m, iv);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static List<Object> rejections(List<Rejection> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Rejection r : l) {
            Map<String, Object> m = Out.obj();
            m.put("file", r.file());
            m.put("line", r.line());
            m.put("reason", r.reason());
            out.add(m);
        }
        return out;
    }
}
