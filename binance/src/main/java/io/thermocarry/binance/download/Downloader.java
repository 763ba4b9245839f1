package io.thermocarry.binance.download;

import io.thermocarry.binance.BinanceReader;
import io.thermocarry.binance.ReadOptions;
import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Downloads Binance market data into a {@link DownloadTarget}, fetching only what the target does not hold, one
 * transaction per REST page or archive file — so an interrupted download resumes, from wherever it stopped, without a
 * gap and without a duplicate, and a download run twice fetches nothing the second time (beyond the newest rows).
 *
 * <p>Per symbol and series, within the asked range (default: everything Binance has, up to now; klines only up to the
 * last finished bar):
 * <ol>
 * <li>The missing ranges are read from the target ({@link Holes}).</li>
 * <li>Archive ({@code archive}, {@code auto}): the monthly file of each finished month with a hole, the daily files of
 * the finished days of the current month (funding: monthly only). A monthly file missing for the last finished month
 * (not yet published) falls back to its daily files. Files are whole months or days: rows outside the asked range
 * are stored too (cutting a file would register it as ingested with part of its rows).</li>
 * <li>REST ({@code rest}, {@code auto}): the ranges still missing, paged ({@link BinanceRestClient}); in {@code auto}
 * this is today's data and whatever the archive did not have.</li>
 * <li>What is still missing is reported as {@link Gap}s, with what the download saw there (404 files, refused files).
 * Nothing is ever filled in: a funding settlement Binance does not have is a gap, never a zero rate.</li>
 * </ol>
 *
 * <p>Without a start, {@code rest} pages from the epoch (Binance answers from its first row), {@code auto} asks REST
 * for the first row (one request of weight 1–2), {@code archive} walks from the archive's start (2017-08 spot,
 * 2019-09 futures, 2021-12 metrics); months before the listing are 404s, reported as {@link Gap.Kind#BEFORE_FIRST}
 * only when a start was asked.
 *
 * <p>Open interest ({@link SeriesKind#OI}) lives on a 5-minute grid: the archive has one {@code metrics} file per
 * finished day, REST {@code openInterestHist} the last 30 days only; older holes in {@code rest} mode stay gaps,
 * with that reason.
 *
 * <p>Failures: a request Binance refuses ({@link BinanceApiException}: invalid symbol, ...), a file failing its
 * checksum every time, a page refused for bad rows make a {@link Problem} for that series and the download goes on.
 * When the network gives up, Binance bans the IP or the thread is interrupted, the download stops with
 * {@link DownloadAbortedException}, carrying the report of what was done.
 */
public final class Downloader {
    /** First month of Binance's spot archive. */
    static final YearMonth SPOT_ARCHIVE_START = YearMonth.of(2017, 8);
    /** First month of Binance's USDⓈ-M futures archive. */
    static final YearMonth FUTURES_ARCHIVE_START = YearMonth.of(2019, 9);
    /** First month of Binance's daily {@code metrics} (open interest) archive. */
    static final YearMonth METRICS_ARCHIVE_START = YearMonth.of(2021, 12);
    private static final int WARNING_EXAMPLES = 20;
    private static final int NOTES_PER_GAP = 3;

    private final BinanceHttp http;
    private final BinanceRestClient rest;
    private final ArchiveClient archive;
    private final DownloadTarget target;
    private final DownloadListener listener;

    /**
     * @param http the GET shared by both clients (its statistics are the report's)
     * @param rest the REST client
     * @param archive the archive client
     * @param target where data goes and what it already holds
     * @param listener progress
     */
    public Downloader(BinanceHttp http, BinanceRestClient rest, ArchiveClient archive, DownloadTarget target,
            DownloadListener listener) {
        this.http = Checks.notNull(http, "http");
        this.rest = Checks.notNull(rest, "rest");
        this.archive = Checks.notNull(archive, "archive");
        this.target = Checks.notNull(target, "target");
        this.listener = Checks.notNull(listener, "listener");
    }

    /**
     * Runs {@code request} (see the class comment).
     *
     * @throws DownloadAbortedException when the network gave up, the IP was banned or the thread interrupted
     */
    public DownloadReport run(DownloadRequest request) {
        return new Run(Checks.notNull(request, "request")).execute();
    }

    /** Something seen over a time range of one series, for the reasons of the gaps it overlaps. */
    private record Note(long from, long to, String text) {
    }

    /** One run's state. */
    private final class Run {
        private final DownloadRequest req;
        private final long now;
        private final List<Gap> gaps = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<Rejection> warningExamples = new ArrayList<>();
        private final Map<Symbol, Duration> fundingIntervals = new LinkedHashMap<>();
        private long warnings;
        private long rowsAccepted;
        private long rowsAlreadyPresent;
        private long conflicts;
        private long pages;
        private long files;
        private long filesFromCache;
        private long filesMissing;
        private long filesAlreadyStored;
        private long planned;
        private List<Note> notes;

        Run(DownloadRequest req) {
            this.req = req;
            this.now = http.clock().millis();
        }

        DownloadReport execute() {
            try {
                Map<Symbol, BinanceRestClient.Contract> contracts = null;
                boolean anyFutures = req.series().stream().anyMatch(SeriesKind::futures);
                if (req.source() != SourceMode.ARCHIVE && anyFutures) {
                    contracts = optional(rest::exchangeInfo);
                }
                if (req.source() != SourceMode.ARCHIVE && req.series().contains(SeriesKind.FUNDING)) {
                    Map<Symbol, Duration> fi = optional(rest::fundingIntervals);
                    if (fi != null) {
                        for (Symbol s : req.symbols()) {
                            fundingIntervals.put(s, fi.getOrDefault(s, Duration.ofHours(8)));
                        }
                    }
                }
                for (Symbol s : req.symbols()) {
                    for (SeriesKind k : req.series()) {
                        planned += estimate(s, k);
                    }
                }
                progress("planned");
                for (Symbol symbol : req.symbols()) {
                    for (SeriesKind kind : req.series()) {
                        notes = new ArrayList<>();
                        if (kind.futures() && contracts != null && !contracts.containsKey(symbol)) {
                            problems.add(new Problem(symbol, kind, null, symbol + " is not a USDⓈ-M futures contract"
                                    + " on Binance (exchangeInfo lists " + contracts.size() + "): check the spelling;"
                                    + " its " + kind.code() + " series was skipped"));
                            continue;
                        }
                        if (kind.futures() && contracts != null) {
                            BinanceRestClient.Contract c = contracts.get(symbol);
                            if (!c.status().equals("TRADING")) {
                                notes.add(new Note(Long.MIN_VALUE, Long.MAX_VALUE, "exchangeInfo status " + c.status()));
                            }
                        }
                        try {
                            if (kind == SeriesKind.FUNDING) {
                                funding(symbol);
                            } else if (kind == SeriesKind.OI) {
                                openInterest(symbol);
                            } else {
                                klines(symbol, kind);
                            }
                        } catch (BinanceNetException e) {
                            if (e.stopsEverything()) {
                                throw e;
                            }
                            problems.add(new Problem(symbol, kind, e.url(), e.getMessage()));
                            continue;
                        }
                        reportGaps(symbol, kind);
                    }
                }
                return report(null);
            } catch (BinanceNetException e) {
                throw new DownloadAbortedException(report(e.getMessage()), e);
            }
        }

        /** Exchange info and funding info help but are not essential: a mirror without them only loses the checks. */
        private <T> T optional(java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (BinanceNetException e) {
                if (e.stopsEverything()) {
                    throw e;
                }
                warn(Rejection.ofFile(e.url(), "not used: " + e.getMessage()));
                return null;
            }
        }

        // -------------------------------------------------------------------------------------------- klines

        private void klines(Symbol symbol, SeriesKind kind) {
            Market market = kind.market();
            BarInterval interval = req.interval();
            long iv = interval.millis();
            long end = klineEnd(iv);
            long start = start(symbol, kind);
            if (start >= end) {
                return;
            }
            if (req.source() != SourceMode.REST) {
                List<Holes.Range> holes = Holes.bars(target.barOpenTimes(symbol, market, interval, start, end), start,
                        end, iv);
                ReadOptions options = new ReadOptions(symbol, market, interval);
                for (ArchiveFile f : klineFiles(symbol, market, interval, holes)) {
                    ArchiveClient.Result r = fetchFile(f, symbol, kind, options);
                    if (r instanceof ArchiveClient.Missing && !f.daily()
                            && YearMonth.from(f.first()).equals(YearMonth.from(today()).minusMonths(1))) {
                        // The last finished month is published a few days late: its daily files are already there.
                        for (ArchiveFile d : dailyKlines(symbol, market, interval, holes, YearMonth.from(f.first()))) {
                            fetchFile(d, symbol, kind, options);
                        }
                    }
                }
            }
            if (req.source() != SourceMode.ARCHIVE) {
                List<Holes.Range> holes = Holes.bars(target.barOpenTimes(symbol, market, interval, start, end), start,
                        end, iv);
                // One pagination per hole: joining holes would fetch the stored bars between them again.
                for (Holes.Range h : holes) {
                    rest.klines(market, symbol, interval, h.from(), h.to(), page -> ingestPage(page, symbol, kind));
                }
            }
        }

        /** Exclusive end of the kline range: the asked end, never past the last finished bar. */
        private long klineEnd(long iv) {
            long current = Math.floorDiv(now, iv) * iv;
            return req.to() == null ? current : Math.min(req.to().toEpochMilli(), current);
        }

        private long fundingEnd() {
            return req.to() == null ? now : Math.min(req.to().toEpochMilli(), now);
        }

        /** Start of the range to complete (see the class comment); Long.MAX_VALUE when Binance has nothing. */
        private long start(Symbol symbol, SeriesKind kind) {
            if (req.from() != null) {
                return req.from().toEpochMilli();
            }
            long metricsStart = METRICS_ARCHIVE_START.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            switch (req.source()) {
                case REST:
                    return kind == SeriesKind.OI ? now - BinanceRestClient.OPEN_INTEREST_HISTORY.toMillis() : 0;
                case ARCHIVE:
                    if (kind == SeriesKind.OI) {
                        return metricsStart;
                    }
                    YearMonth m = kind == SeriesKind.SPOT ? SPOT_ARCHIVE_START : FUTURES_ARCHIVE_START;
                    return m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                default:
                    OptionalLong first = kind == SeriesKind.FUNDING ? rest.firstFundingTime(symbol)
                            : rest.firstKlineTime(kind == SeriesKind.OI ? Market.PERP : kind.market(), symbol,
                                    req.interval());
                    progress(symbol + " " + kind.code() + ": first row");
                    if (first.isEmpty()) {
                        return Long.MAX_VALUE;
                    }
                    return kind == SeriesKind.OI ? Math.max(first.getAsLong(), metricsStart) : first.getAsLong();
            }
        }

        /** Monthly files for finished months, daily files for finished days of the current month, covering holes. */
        private List<ArchiveFile> klineFiles(Symbol symbol, Market market, BarInterval interval,
                List<Holes.Range> holes) {
            Set<ArchiveFile> out = new LinkedHashSet<>();
            YearMonth current = YearMonth.from(today());
            for (Holes.Range h : holes) {
                YearMonth m = YearMonth.from(day(h.from()));
                YearMonth last = YearMonth.from(day(h.to() - 1));
                for (; !m.isAfter(last); m = m.plusMonths(1)) {
                    if (m.isBefore(current)) {
                        out.add(ArchiveFile.monthlyKlines(market, symbol, interval, m));
                    } else {
                        out.addAll(dailyKlines(symbol, market, interval, List.of(h), m));
                    }
                }
            }
            return new ArrayList<>(out);
        }

        /** Daily files of {@code month} for finished days overlapping {@code holes}. */
        private List<ArchiveFile> dailyKlines(Symbol symbol, Market market, BarInterval interval,
                List<Holes.Range> holes, YearMonth month) {
            List<ArchiveFile> out = new ArrayList<>();
            LocalDate today = today();
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()) && d.isBefore(today);
                    d = d.plusDays(1)) {
                long ds = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                long de = ds + 86_400_000L;
                for (Holes.Range h : holes) {
                    if (h.from() < de && h.to() > ds) {
                        out.add(ArchiveFile.dailyKlines(market, symbol, interval, d));
                        break;
                    }
                }
            }
            return out;
        }

        // -------------------------------------------------------------------------------------------- open interest

        private long openInterestEnd() {
            long step = BinanceRestClient.OPEN_INTEREST_PERIOD.toMillis();
            long current = Math.floorDiv(now, step) * step;
            return req.to() == null ? current : Math.min(req.to().toEpochMilli(), current);
        }

        /** Open interest on its 5-minute grid: archive daily files, then REST for the last 30 days. */
        private void openInterest(Symbol symbol) {
            long step = BinanceRestClient.OPEN_INTEREST_PERIOD.toMillis();
            long end = openInterestEnd();
            long start = start(symbol, SeriesKind.OI);
            if (start >= end) {
                return;
            }
            if (req.source() != SourceMode.REST) {
                List<Holes.Range> holes = Holes.bars(target.openInterestTimes(symbol, start, end), start, end, step);
                Set<ArchiveFile> days = new LinkedHashSet<>();
                LocalDate today = today();
                for (Holes.Range h : holes) {
                    for (LocalDate d = day(h.from()); !d.isAfter(day(h.to() - 1)) && d.isBefore(today);
                            d = d.plusDays(1)) {
                        days.add(ArchiveFile.dailyMetrics(symbol, d));
                    }
                }
                ReadOptions options = ReadOptions.none().withSymbol(symbol);
                for (ArchiveFile f : days) {
                    fetchFile(f, symbol, SeriesKind.OI, options);
                }
            }
            if (req.source() != SourceMode.ARCHIVE) {
                long oldest = Holes.ceil(now - BinanceRestClient.OPEN_INTEREST_HISTORY.toMillis() + step, step);
                for (Holes.Range h : Holes.bars(target.openInterestTimes(symbol, start, end), start, end, step)) {
                    if (h.from() < oldest) {
                        notes.add(new Note(h.from(), Math.min(h.to(), oldest), "REST keeps the last 30 days of open"
                                + " interest only: older needs --source auto or archive"));
                    }
                    long a = Math.max(h.from(), oldest);
                    if (a < h.to()) {
                        rest.openInterest(symbol, a, h.to(), page -> ingestPage(page, symbol, SeriesKind.OI));
                    }
                }
            }
        }

        // -------------------------------------------------------------------------------------------- funding

        private void funding(Symbol symbol) {
            long end = fundingEnd();
            long start = start(symbol, SeriesKind.FUNDING);
            if (start >= end) {
                return;
            }
            if (req.source() != SourceMode.REST) {
                List<Holes.FundingHole> holes = Holes.funding(target.funding(symbol, 0, end), start, end);
                Set<ArchiveFile> monthly = new LinkedHashSet<>();
                YearMonth current = YearMonth.from(today());
                for (Holes.FundingHole h : holes) {
                    YearMonth m = YearMonth.from(day(h.archiveFrom()));
                    YearMonth last = YearMonth.from(day(h.to() - 1));
                    for (; !m.isAfter(last) && m.isBefore(current); m = m.plusMonths(1)) {
                        monthly.add(ArchiveFile.monthlyFunding(symbol, m));
                    }
                }
                ReadOptions options = ReadOptions.none().withSymbol(symbol);
                for (ArchiveFile f : monthly) {
                    fetchFile(f, symbol, SeriesKind.FUNDING, options);
                }
            }
            if (req.source() != SourceMode.ARCHIVE) {
                for (Holes.FundingHole h : Holes.funding(target.funding(symbol, 0, end), start, end)) {
                    rest.fundingRate(symbol, h.restFrom(), h.to(), h.prevTimeMs(), h.prevIntervalMs(),
                            page -> ingestPage(page, symbol, SeriesKind.FUNDING));
                }
            }
        }

        // -------------------------------------------------------------------------------------------- storing

        /** Fetches and stores one archive file; null when it was skipped as stored before. */
        private ArchiveClient.Result fetchFile(ArchiveFile f, Symbol symbol, SeriesKind kind, ReadOptions options) {
            String url = archive.url(f);
            if (target.ingested(url)) {
                // Stored whole before: the holes of its period are not in it (an exchange outage).
                filesAlreadyStored++;
                return null;
            }
            ArchiveClient.Result r = archive.fetch(f);
            if (r instanceof ArchiveClient.Fetched fe) {
                try {
                    ParsedSource read = BinanceReader.read(fe.zip(), options);
                    // Named by its URL: the same file whatever the cache folder, and what ingested() asks for.
                    ParsedSource p = new ParsedSource(fe.url(), read.sha256(), read.rowsRead(), read.bars(),
                            read.funding(), read.openInterest(), read.rejected(), read.warnings());
                    store(p, fe.url(), symbol, kind, f.startMs(), f.endMs());
                } finally {
                    archive.release(fe);
                }
                files++;
                if (fe.fromCache()) {
                    filesFromCache++;
                }
                if (!fe.verified()) {
                    warn(Rejection.ofFile(fe.url(), "no .CHECKSUM published: stored unverified"));
                }
            } else if (r instanceof ArchiveClient.Missing) {
                filesMissing++;
                notes.add(new Note(f.startMs(), f.endMs(), "archive has no " + f.fileName() + " (404)"));
            } else if (r instanceof ArchiveClient.Refused rf) {
                problems.add(new Problem(symbol, kind, rf.url(), f.describe() + ": " + rf.reason()));
                notes.add(new Note(f.startMs(), f.endMs(), f.fileName() + " refused: checksum mismatch"));
            }
            progress(f.describe());
            return r;
        }

        private void ingestPage(BinanceRestClient.RestPage page, Symbol symbol, SeriesKind kind) {
            pages++;
            long to = page.lastMs() + switch (kind) {
                case FUNDING -> 1;
                case OI -> BinanceRestClient.OPEN_INTEREST_PERIOD.toMillis();
                default -> req.interval().millis();
            };
            store(page.parsed(), page.url(), symbol, kind, page.firstMs(), to);
            progress(symbol + " " + kind.code() + " " + Instant.ofEpochMilli(page.lastMs()));
        }

        private void store(ParsedSource p, String url, Symbol symbol, SeriesKind kind, long from, long to) {
            DownloadTarget.Stored s = target.ingest(p);
            rowsAccepted += s.rowsAccepted();
            rowsAlreadyPresent += s.rowsAlreadyPresent();
            conflicts += s.conflicts();
            for (Rejection w : s.warnings()) {
                warn(w);
            }
            for (String c : s.conflictExamples()) {
                warn(Rejection.ofFile(url, "conflict (stored value kept): " + c));
            }
            if (s.refused()) {
                Rejection first = s.rejected().isEmpty() ? null : s.rejected().get(0);
                problems.add(new Problem(symbol, kind, url, "refused, nothing stored from it: " + s.rejected().size()
                        + " rejected row(s)" + (first == null ? "" : ", first: " + first)));
                notes.add(new Note(from, to, "refused for bad rows: " + url));
            }
        }

        private void warn(Rejection w) {
            warnings++;
            if (warningExamples.size() < WARNING_EXAMPLES) {
                warningExamples.add(w);
            }
        }

        // -------------------------------------------------------------------------------------------- gaps

        private void reportGaps(Symbol symbol, SeriesKind kind) {
            Long from = req.from() == null ? null : req.from().toEpochMilli();
            List<Holes.Found> found;
            if (kind == SeriesKind.FUNDING) {
                long end = fundingEnd();
                found = Holes.fundingGaps(target.funding(symbol, from == null ? 0 : from, end), from, end);
            } else if (kind == SeriesKind.OI) {
                long step = BinanceRestClient.OPEN_INTEREST_PERIOD.toMillis();
                long end = openInterestEnd();
                if (from != null && Holes.ceil(from, step) >= end) {
                    return;
                }
                found = Holes.barGaps(target.openInterestTimes(symbol, from == null ? 0 : from, end), from, end, step);
            } else {
                long iv = req.interval().millis();
                long end = klineEnd(iv);
                if (from != null && Holes.ceil(from, iv) >= end) {
                    return;
                }
                found = Holes.barGaps(target.barOpenTimes(symbol, kind.market(), req.interval(),
                        from == null ? 0 : from, end), from, end, iv);
            }
            for (Holes.Found g : found) {
                gaps.add(new Gap(symbol, kind, g.from() == null ? null : Instant.ofEpochMilli(g.from()),
                        Instant.ofEpochMilli(g.to()), g.missing(), g.kind(), reason(g)));
            }
        }

        private String reason(Holes.Found g) {
            boolean archiveOnly = req.source() == SourceMode.ARCHIVE;
            StringBuilder sb = new StringBuilder(switch (g.kind()) {
                case BEFORE_FIRST -> "no data before the first row (not listed yet?)";
                case HOLE -> archiveOnly ? "not in the archive files fetched"
                        : "Binance has no rows here (exchange outage?)";
                case AFTER_LAST -> archiveOnly
                        ? "after the last archive file (the archive has finished days only; --source auto adds the"
                                + " rest by REST)"
                        : "no data after the last row (delisted? not yet settled?)";
                case NO_DATA -> "no data in the range";
            });
            long gFrom = g.from() == null ? Long.MIN_VALUE : g.from();
            int shown = 0;
            int more = 0;
            for (Note n : notes) {
                if (n.from() < g.to() && n.to() > gFrom) {
                    if (shown < NOTES_PER_GAP) {
                        sb.append("; ").append(n.text());
                        shown++;
                    } else {
                        more++;
                    }
                }
            }
            if (more > 0) {
                sb.append("; and ").append(more).append(" more");
            }
            return sb.toString();
        }

        // -------------------------------------------------------------------------------------------- progress

        /** Requests the plan expects for one series: pages per hole, two per archive file, one probe. */
        private long estimate(Symbol symbol, SeriesKind kind) {
            boolean viaArchive = req.source() != SourceMode.REST;
            long probe = req.from() == null && req.source() == SourceMode.AUTO ? 1 : 0;
            if (kind == SeriesKind.FUNDING) {
                long end = fundingEnd();
                long start = req.from() != null ? req.from().toEpochMilli() : end - Duration.ofDays(365).toMillis();
                long n = 0;
                for (Holes.FundingHole h : Holes.funding(target.funding(symbol, 0, end), start, end)) {
                    long span = h.to() - h.restFrom();
                    n += viaArchive ? 2 * Math.max(1, span / Duration.ofDays(30).toMillis()) + 1
                            : 1 + span / (BinanceRestClient.FUNDING_LIMIT * 8 * 3_600_000L);
                }
                return n + probe;
            }
            if (kind == SeriesKind.OI) {
                long step = BinanceRestClient.OPEN_INTEREST_PERIOD.toMillis();
                long end = openInterestEnd();
                long start = req.from() != null ? req.from().toEpochMilli()
                        : end - BinanceRestClient.OPEN_INTEREST_HISTORY.toMillis();
                long n = 0;
                for (Holes.Range h : Holes.bars(target.openInterestTimes(symbol, start, end), start, end, step)) {
                    n += viaArchive ? 2 * (1 + (h.to() - h.from()) / 86_400_000L)
                            : Holes.pages(h, step, BinanceRestClient.OPEN_INTEREST_LIMIT);
                }
                return n + probe;
            }
            long iv = req.interval().millis();
            long end = klineEnd(iv);
            long start = req.from() != null ? req.from().toEpochMilli() : end - Duration.ofDays(365).toMillis();
            int limit = kind == SeriesKind.SPOT ? BinanceRestClient.SPOT_KLINE_LIMIT
                    : BinanceRestClient.FUTURES_KLINE_LIMIT;
            long n = 0;
            for (Holes.Range h : Holes.bars(target.barOpenTimes(symbol, kind.market(), req.interval(), start, end),
                    start, end, iv)) {
                n += viaArchive ? 2 * Math.max(1, (h.to() - h.from()) / Duration.ofDays(30).toMillis()) + 1
                        : Holes.pages(h, iv, limit);
            }
            return n + probe;
        }

        private void progress(String note) {
            NetStats s = http.stats();
            planned = Math.max(planned, s.requests());
            listener.update(new DownloadListener.Progress(s.requests(), planned, s.bytes(), rowsAccepted, note));
        }

        private LocalDate today() {
            return day(now);
        }

        private LocalDate day(long ms) {
            return Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate();
        }

        private DownloadReport report(String aborted) {
            return new DownloadReport(http.stats(), rowsAccepted, rowsAlreadyPresent, conflicts, pages, files,
                    filesFromCache, filesMissing, filesAlreadyStored, gaps, problems, warnings, warningExamples, fundingIntervals, aborted);
        }
    }
}
