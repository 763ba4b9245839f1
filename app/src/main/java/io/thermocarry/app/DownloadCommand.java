package io.thermocarry.app;

import io.thermocarry.binance.download.ArchiveClient;
import io.thermocarry.binance.download.BinanceHttp;
import io.thermocarry.binance.download.BinanceRestClient;
import io.thermocarry.binance.download.DownloadAbortedException;
import io.thermocarry.binance.download.DownloadListener;
import io.thermocarry.binance.download.DownloadReport;
import io.thermocarry.binance.download.DownloadRequest;
import io.thermocarry.binance.download.Downloader;
import io.thermocarry.binance.download.Gap;
import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.binance.download.NetStats;
import io.thermocarry.binance.download.Problem;
import io.thermocarry.binance.download.SeriesKind;
import io.thermocarry.binance.download.SourceMode;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.RejectPolicy;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code download}: Binance public data into the store, resumable (CLI.md). Wiring only: the work is
 * {@link Downloader}'s.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Fetch Binance public data (REST API and bulk archive) into the store. Only what the store lacks is"
                + " fetched, one transaction per page or file: an interrupted download resumes when run again, and"
                + " a nightly run fetches the new rows only. Missing data is reported as gaps, never filled in.",
                "Exit 1 when the network gave up (everything fetched before is kept: run again to resume), when"
                        + " Binance banned the IP, or when a series could not be downloaded."})
final class DownloadCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--series", split = ",", paramLabel = "S,S", defaultValue = "funding,perp,spot",
            description = "funding, perp, spot, mark, index, premium, oi (5-minute open interest: REST keeps 30 days,"
                    + " the archive one file per day) (default: ${DEFAULT-VALUE})")
    List<String> series;

    @Option(names = "--interval", paramLabel = "1m|5m|15m|1h|4h|8h|1d", defaultValue = "1h",
            description = "kline interval (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--source", paramLabel = "rest|archive|auto", defaultValue = "auto",
            description = "rest API, bulk archive (finished months and days), or auto: the archive, then REST for the"
                    + " rest (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "futures REST base URL (default " + "https://fapi.binance.com"
                    + "); a mirror given here also serves spot and the archive unless --spot-base-url/--archive-url")
    String baseUrl;

    @Option(names = "--spot-base-url", paramLabel = "URL",
            description = "spot REST base URL (default: --base-url when given, else https://api.binance.com)")
    String spotBaseUrl;

    @Option(names = "--archive-url", paramLabel = "URL",
            description = "bulk archive base URL (default: --base-url when given, else https://data.binance.vision)")
    String archiveUrl;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "keep downloaded archive files here (archive layout, with .CHECKSUM): a re-run, or a fresh"
                    + " store, reads them instead of fetching again")
    Path cache;

    @Option(names = "--max-weight", paramLabel = "N", defaultValue = "1200",
            description = "request weight per minute and host to stay under (Binance allows 2400 futures, 6000 spot;"
                    + " default: ${DEFAULT-VALUE})")
    int maxWeight;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "6",
            description = "attempts per request before giving up (default: ${DEFAULT-VALUE})")
    int maxAttempts;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "longest wait for one response (default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(names = "--backoff-ms", paramLabel = "MS", defaultValue = "1000", hidden = true,
            description = "first back-off wait; doubles per attempt up to 60 s")
    long backoffMs;

    @Option(names = "--keep-good-rows",
            description = "store the good rows of a page or file with bad rows (default: refuse it whole)")
    boolean keepGoodRows;

    @Option(names = "--max-listed", paramLabel = "N", defaultValue = "20",
            description = "gaps and problems listed in text output (all are in --json)")
    int maxListed;

    @Override
    public Integer call() throws Exception {
        DownloadRequest request = request();
        NetPolicy policy = policy();
        URI futures = url(baseUrl, "--base-url", BinanceRestClient.DEFAULT_FUTURES_URL);
        URI spot = url(spotBaseUrl, "--spot-base-url",
                baseUrl != null ? futures : BinanceRestClient.DEFAULT_SPOT_URL);
        URI archiveBase = url(archiveUrl, "--archive-url", baseUrl != null ? futures : ArchiveClient.DEFAULT_ARCHIVE_URL);
        Path dir = cache != null ? cache : Files.createTempDirectory("thermocarry-download-");
        long t0 = System.nanoTime();
        DownloadReport report;
        String failure = null;
        try (Store store = Stores.open(common.db)) {
            BinanceHttp http = BinanceHttp.system(policy);
            Progress progress = new Progress("download", 1);
            DownloadListener listener = p -> progress.update(p.requests(), p.plannedRequests(),
                    String.format(Locale.ROOT, "%s | %d req, %.1f MB, %d rows", p.note(), p.requests(),
                            p.bytes() / 1e6, p.rowsAccepted()));
            Downloader downloader = new Downloader(http, new BinanceRestClient(http, futures, spot),
                    new ArchiveClient(http, archiveBase, dir,
                            cache != null ? ArchiveClient.Retention.KEEP : ArchiveClient.Retention.DELETE_AFTER_USE),
                    new StoreTarget(store, keepGoodRows ? RejectPolicy.KEEP_GOOD_ROWS : RejectPolicy.REFUSE_FILE),
                    listener);
            try {
                report = downloader.run(request);
            } catch (DownloadAbortedException e) {
                report = e.report();
                failure = e.getMessage();
            }
        } finally {
            if (cache == null) {
                deleteTree(dir);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        print(report, secs);
        if (failure != null) {
            throw new JobFailed(failure);
        }
        if (!report.problems().isEmpty()) {
            Problem first = report.problems().get(0);
            throw new JobFailed(report.problems().size() + " series problem(s); everything else is stored. First: "
                    + describe(first));
        }
        return 0;
    }

    private DownloadRequest request() {
        List<Symbol> symbols;
        List<SeriesKind> kinds = new ArrayList<>();
        BarInterval iv;
        SourceMode mode;
        try {
            symbols = common.symbolList();
            for (String s : series) {
                SeriesKind k = SeriesKind.parse(s);
                if (!kinds.contains(k)) {
                    kinds.add(k);
                }
            }
            iv = BarInterval.parse(interval);
            mode = SourceMode.parse(source);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (symbols.isEmpty()) {
            throw new UsageError("give the symbols to download with --symbols (e.g. --symbols BTCUSDT,ETHUSDT)");
        }
        Instant from = common.fromInstant();
        Instant to = common.toInstant();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UsageError("--from " + from + " is not before --to " + to);
        }
        return new DownloadRequest(symbols, kinds, iv, from, to, mode);
    }

    private NetPolicy policy() {
        if (maxAttempts < 1) {
            throw new UsageError("--max-attempts must be at least 1");
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new UsageError("--timeout must be a number of seconds in (0, 3600]");
        }
        if (maxWeight < 10) {
            throw new UsageError("--max-weight must be at least 10 (one klines request of 1500 rows weighs 10)");
        }
        if (backoffMs < 0) {
            throw new UsageError("--backoff-ms must be >= 0");
        }
        return NetPolicy.defaults().withMaxAttempts(maxAttempts)
                .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .withBackoff(Duration.ofMillis(backoffMs), Duration.ofSeconds(60))
                .withMaxWeightPerMinute(maxWeight);
    }

    private static URI url(String given, String flag, URI dflt) {
        if (given == null) {
            return dflt;
        }
        try {
            URI u = new URI(given.trim());
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    || u.getQuery() != null) {
                throw new UsageError(flag + " '" + given + "' is not an http(s) base URL (e.g. https://fapi.binance.com)");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new UsageError(flag + " '" + given + "' is not a URL: " + e.getReason());
        }
    }

    private void print(DownloadReport r, double secs) {
        NetStats n = r.net();
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("requests", n.requests());
            doc.put("retries", n.retries());
            doc.put("rowsAccepted", r.rowsAccepted());
            doc.put("gaps", gaps(r.gaps()));
            doc.put("rowsAlreadyPresent", r.rowsAlreadyPresent());
            doc.put("conflicts", r.conflicts());
            doc.put("pages", r.pages());
            doc.put("archiveFiles", r.archiveFiles());
            doc.put("archiveFilesFromCache", r.archiveFilesFromCache());
            doc.put("archiveFilesMissing", r.archiveFilesMissing());
            doc.put("archiveFilesAlreadyStored", r.archiveFilesAlreadyStored());
            doc.put("bytes", n.bytes());
            doc.put("http429", n.http429());
            doc.put("rateLimitWaits", n.rateLimitWaits());
            doc.put("rateLimitWaitSeconds", n.rateLimitWaitMillis() / 1000.0);
            doc.put("backoffSeconds", n.backoffMillis() / 1000.0);
            doc.put("maxUsedWeight", n.maxUsedWeight());
            Map<String, Object> fi = Out.obj();
            r.currentFundingIntervals().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> fi.put(e.getKey().name(), e.getValue().toHours()));
            doc.put("fundingIntervalHours", fi);
            List<Object> problems = new ArrayList<>();
            for (Problem p : r.problems()) {
                Map<String, Object> m = Out.obj();
                m.put("symbol", p.symbol() == null ? null : p.symbol().name());
                m.put("series", p.series() == null ? null : p.series().code());
                m.put("url", p.url());
                m.put("message", p.message());
                problems.add(m);
            }
            doc.put("problems", problems);
            doc.put("warnings", r.warnings());
            List<Object> warnings = new ArrayList<>();
            for (Rejection w : r.warningExamples()) {
                Map<String, Object> m = Out.obj();
                m.put("file", w.file());
                m.put("line", w.line());
                m.put("reason", w.reason());
                warnings.add(m);
            }
            doc.put("warningExamples", warnings);
            doc.put("aborted", r.aborted());
            doc.put("seconds", secs);
            doc.put("rowsPerSecond", r.rowsAccepted() / Math.max(secs, 1e-9));
            doc.put("requestsPerSecond", n.requests() / Math.max(secs, 1e-9));
            Out.json(System.out, doc);
            return;
        }
        System.out.printf(Locale.ROOT, "requests %d (retries %d, 429s %d, weight waits %d), %.1f MB, rows accepted %d,"
                + " already present %d, conflicts %d; REST pages %d, archive files %d (%d from cache, %d missing,"
                + " %d stored before); %.1f s%n", n.requests(), n.retries(), n.http429(), n.rateLimitWaits(),
                n.bytes() / 1e6, r.rowsAccepted(), r.rowsAlreadyPresent(), r.conflicts(), r.pages(), r.archiveFiles(),
                r.archiveFilesFromCache(), r.archiveFilesMissing(), r.archiveFilesAlreadyStored(), secs);
        if (!r.gaps().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Gap g : r.gaps().subList(0, Math.min(maxListed, r.gaps().size()))) {
                rows.add(List.of(g.symbol().name(), g.series().code(), g.kind().name().toLowerCase(Locale.ROOT),
                        g.from() == null ? "-" : g.from().toString(), g.to().toString(),
                        g.missing() < 0 ? "?" : Long.toString(g.missing()), g.reason()));
            }
            System.out.print(Out.table(List.of("symbol", "series", "gap", "from", "to", "missing", "reason"), rows));
            if (r.gaps().size() > maxListed) {
                System.out.println("... " + (r.gaps().size() - maxListed) + " more gaps (see --json)");
            }
        }
        for (Problem p : r.problems().subList(0, Math.min(maxListed, r.problems().size()))) {
            System.out.println("  problem " + describe(p));
        }
        if (r.warnings() > 0) {
            System.out.println("  " + r.warnings() + " warning(s), first: " + r.warningExamples().get(0));
        }
    }

    private static List<Object> gaps(List<Gap> gaps) {
        List<Object> out = new ArrayList<>(gaps.size());
        for (Gap g : gaps) {
            Map<String, Object> m = Out.obj();
            m.put("symbol", g.symbol().name());
            m.put("series", g.series().code());
            m.put("kind", g.kind().name());
            m.put("from", g.from());
            m.put("to", g.to());
            m.put("missing", g.missing() < 0 ? null : g.missing());
            m.put("reason", g.reason());
            out.add(m);
        }
        return out;
    }

    private static String describe(Problem p) {
        return (p.symbol() == null ? "" : p.symbol() + " ") + (p.series() == null ? "" : p.series().code() + ": ")
                + p.message();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("thermocarry download: could not delete the temporary folder " + dir + ": "
                    + e.getMessage());
        }
    }
}
