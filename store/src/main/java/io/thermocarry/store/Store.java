package io.thermocarry.store;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.PlaceholderCandles;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The embedded DuckDB store of market data (and, through later migrations, of results).
 *
 * <p>Writing: {@link #ingest} takes everything one reader produced from one file and commits it in one
 * transaction. Rows go through the DuckDB appender into a session-local staging table, then set-based SQL
 * (anti-joins) moves them into the real tables, so the cost per row is a few vectorised operations, never an
 * {@code INSERT} statement. Re-ingesting changes nothing: a key stored with identical values is counted as
 * already present; a key stored with a different value is a <em>conflict</em>: recorded in {@code conflicts},
 * reported, and the stored value kept. Reading returns column-form series.
 *
 * <p>One instance per store file: DuckDB locks the file against other processes, and every public method is
 * synchronized, so the anti-join checks and the inserts of one file cannot interleave with another write.
 * Failures surface as {@link StoreException} after the transaction was rolled back.
 *
 * <p>Tables (all times epoch milliseconds UTC), market data of version 1:
 * <ul>
 * <li>{@code bars(symbol, market, interval, open_time_ms, open, high, low, close, volume, placeholder,
 * source_file)}, key (symbol, market, interval, open_time_ms); market is {@link Market#code()}, interval
 * {@link BarInterval#code()}.</li>
 * <li>{@code funding(symbol, time_ms, rate, interval_ms, mark_price, source_file)}, key (symbol, time_ms);
 * mark_price NULL when unknown.</li>
 * <li>{@code open_interest(symbol, time_ms, sum_open_interest, sum_open_interest_value, source_file)}, key (symbol,
 * time_ms); open interest in base units, its value in USDT (NULL when unknown; from schema version 7 the base
 * amount may be NULL too, for an aggregator's USDT-only daily close).</li>
 * <li>{@code ingested_files(path, sha256, series, policy, rows_read, rows_accepted, rows_rejected,
 * rows_already_present, conflicts, ingested_at_ms)}.</li>
 * <li>{@code rejected_rows(file, line, reason, sha256)}.</li>
 * <li>{@code conflicts(table_name, symbol, market, interval, time_ms, stored, incoming, source_file)}.</li>
 * <li>{@code schema_version(version, description, applied_at_ms)}.</li>
 * <li>Schema version 3, portfolio results ({@link #replacePortfolio}): {@code portfolio_runs},
 * {@code portfolio_folds}, {@code portfolio_metrics}, {@code portfolio_symbols}, {@code portfolio_ledger},
 * {@code portfolio_correlation}, {@code portfolio_holes}, {@code multiple_testing}, {@code reality_check}, keyed by
 * {@code run_id}.</li>
 * <li>Schema version 2, evaluation results ({@link #replaceEvaluation}): {@code runs}, {@code metrics},
 * {@code ledger}, {@code trades}, {@code buckets}, {@code significance}, {@code decomposition},
 * {@code fold_fits}, every row tagged {@code (run_id, symbol, strategy, config, fee_bps, compat, fold)}. Since
 * version 6 the ledger is stored per book in list columns ({@code ledger_books}) and {@code ledger} is a view with
 * migration 2's per-cycle columns.</li>
 * </ul>
 * Schema version 7, microstructure (SPEC §8; see {@code MicroStore}):
 * <ul>
 * <li>{@code book_depth(symbol, time_ms, percentage, depth, notional, source_file)}, key (symbol, time_ms,
 * percentage): cumulative size in ±% bands of mid, base asset and USDT.</li>
 * <li>{@code book_ticker(symbol, market, event_time_ms, update_id, transaction_time_ms, bid, bid_qty, ask, ask_qty,
 * source_file)}, key (symbol, market, event_time_ms, update_id).</li>
 * <li>{@code liquidations(symbol, start_ms, end_ms, side, quantity, price, avg_price, notional_usd, source_file)},
 * key (symbol, start_ms, end_ms, side, quantity, price), NULL-safe; side {@code LONG|SHORT} (whose positions).</li>
 * <li>{@code liquidation_coverage(scope, from_ms, to_ms, source_file)}: what a liquidation source watched, scope a
 * symbol or {@code *} (every USD-M symbol).</li>
 * <li>{@code funding_info(symbol, cap_rate, floor_rate, interval_hours, source_file)}, key symbol.</li>
 * </ul>
 */
public final class Store implements AutoCloseable {
    /** Two funding events of one symbol closer than this (but not equal) look like one settlement twice. */
    static final long FUNDING_NEAR_DUPLICATE_MS = 60_000;

    /** Store files open in this JVM: a second Store on the same file would be a second, unsynchronized writer. */
    private static final Set<String> OPEN_FILES = ConcurrentHashMap.newKeySet();

    private final DuckDBConnection conn;
    private final String location;
    private final Clock clock;
    private final boolean registered;
    private boolean closed;

    private Store(DuckDBConnection conn, String location, Clock clock, boolean registered) throws SQLException {
        this.conn = conn;
        this.location = location;
        this.clock = clock;
        this.registered = registered;
        Schema.migrate(conn, clock);
    }

    /**
     * Opens (creating if needed) the store file at {@code file}, creating parent folders and bringing the schema
     * to the latest version. A file can be open once per JVM and once across processes (DuckDB's lock): threads
     * share the one {@code Store}, whose methods are synchronized.
     *
     * @throws StoreException if the file cannot be opened (already open here, held by another process, not
     *         writable) or migrated
     */
    public static Store open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** {@link #open(Path)} with a clock for {@code ingested_at_ms} (tests). */
    static Store open(Path file, Clock clock) {
        Checks.notNull(file, "file");
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
                abs = abs.getParent().toRealPath().resolve(abs.getFileName());
            }
        } catch (IOException e) {
            throw new StoreException("cannot open store " + abs + ": " + e.getMessage(), e);
        }
        String key = abs.toString();
        if (!OPEN_FILES.add(key)) {
            throw new StoreException("store " + key + " is already open in this process: share that Store");
        }
        try {
            return connect("jdbc:duckdb:" + key, key, clock, true);
        } catch (RuntimeException e) {
            OPEN_FILES.remove(key);
            throw e;
        }
    }

    /** A fresh store in memory, gone when closed (tests, throw-away runs). */
    public static Store inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** {@link #inMemory()} with a clock for {@code ingested_at_ms} (tests). */
    static Store inMemory(Clock clock) {
        return connect("jdbc:duckdb:", ":memory:", clock, false);
    }

    private static Store connect(String url, String location, Clock clock, boolean registered) {
        DuckDBConnection c = null;
        try {
            Properties props = new Properties();
            // Ingest commits once per file; with the default 16 MiB threshold DuckDB checkpoints the whole file
            // every few files (measured: 3.2 s -> 2.3 s for the shared 1 h tree). The WAL still makes every commit
            // durable, and DuckDB checkpoints on close.
            props.setProperty("checkpoint_threshold", "1GB");
            c = (DuckDBConnection) new DuckDBDriver().connect(url, props);
            return new Store(c, location, clock, registered);
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open store " + location + ": " + e.getMessage(), e);
        }
    }

    /** The sweep result tables ({@code sweep_runs}, {@code sweep}); the returned view shares this store's lock. */
    public SweepStore sweeps() {
        return new SweepStore(this);
    }

    /** The connection, for the package's table-specific writers; callers hold this store's monitor. */
    DuckDBConnection connection() {
        return conn;
    }

    /** Where the store lives: an absolute file path or {@code :memory:}. */
    public String location() {
        return location;
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** {@link #ingest(ParsedSource, RejectPolicy)} with {@link RejectPolicy#REFUSE_FILE}. */
    public IngestReport ingest(ParsedSource src) {
        return ingest(src, RejectPolicy.REFUSE_FILE);
    }

    /**
     * Ingests one source in one transaction.
     *
     * <ul>
     * <li>Same sha256 and same series already ingested: nothing is re-processed,
     * {@link IngestOutcome#ALREADY_INGESTED}, every accepted row counted as already present and the reader's
     * rejections repeated (they are still what the file holds). The series take
     * part in the identity because one file read with a different {@code --market} or {@code --symbol}
     * override is different data.</li>
     * <li>{@link RejectPolicy#REFUSE_FILE} and the source has rejections: nothing is written,
     * {@link IngestOutcome#REFUSED}.</li>
     * <li>Otherwise new keys are inserted, identical rows counted as already present, disagreeing rows recorded
     * as conflicts (stored value kept); a stored funding event without a mark price gets the incoming one when
     * rate and interval agree (filling in the unknown, not overwriting). Placeholder flags of the spot and perp
     * series that received rows are recomputed over the whole stored series.</li>
     * </ul>
     *
     * @throws StoreException if the write failed; the store is then as before the call
     */
    public synchronized IngestReport ingest(ParsedSource src, RejectPolicy policy) {
        Checks.notNull(src, "src");
        Checks.notNull(policy, "policy");
        String series = seriesKey(src);
        if (isIngested(src.sha256(), series)) {
            return new IngestReport(src.source(), src.sha256(), IngestOutcome.ALREADY_INGESTED, 0,
                    src.rejected().size(), src.rowsAccepted(), 0, List.of(), src.rejected(), src.warnings());
        }
        if (policy == RejectPolicy.REFUSE_FILE && src.hasRejections()) {
            return new IngestReport(src.source(), src.sha256(), IngestOutcome.REFUSED, 0, src.rejected().size(), 0,
                    0, List.of(), src.rejected(), src.warnings());
        }
        return inTransaction("ingest " + src.source(), () -> ingestWork(src, policy, series));
    }

    /** The body of {@link #ingest(ParsedSource, RejectPolicy)}, inside the caller's transaction. */
    IngestReport ingestWork(ParsedSource src, RejectPolicy policy, String series) throws SQLException {
        {
            Tally tally = new Tally(src.warnings());
            for (FundingSeries f : src.funding()) {
                ingestFunding(f, src.source(), tally);
            }
            for (OpenInterestSeries o : src.openInterest()) {
                ingestOpenInterest(o, src.source(), tally);
            }
            List<BarSeries> touched = new ArrayList<>();
            for (BarSeries b : src.bars()) {
                if (ingestBars(b, src.source(), tally) > 0) {
                    touched.add(b);
                }
            }
            for (BarSeries b : touched) {
                recomputePlaceholders(b.symbol().name(), b.market(), b.interval().code());
            }
            if (!src.micro().isEmpty()) {
                MicroStore.Counts mc = new MicroStore(conn).ingest(src.micro(), src.source(), tally.examplesWanted());
                tally.accepted += mc.inserted;
                tally.present += mc.present;
                tally.conflicts += mc.conflicts;
                tally.examples.addAll(mc.examples);
            }
            if (policy == RejectPolicy.KEEP_GOOD_ROWS && src.hasRejections()) {
                recordRejections(src);
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO ingested_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, src.source());
                ps.setString(2, src.sha256());
                ps.setString(3, series);
                ps.setString(4, policy.name());
                ps.setLong(5, src.rowsRead());
                ps.setLong(6, tally.accepted);
                ps.setLong(7, src.rejected().size());
                ps.setLong(8, tally.present);
                ps.setLong(9, tally.conflicts);
                ps.setLong(10, clock.millis());
                ps.executeUpdate();
            }
            return new IngestReport(src.source(), src.sha256(), IngestOutcome.INGESTED, tally.accepted,
                    src.rejected().size(), tally.present, tally.conflicts, tally.examples, src.rejected(),
                    tally.warnings);
        }
    }

    /** The series identity of a source (part of its ingest identity). */
    static String seriesKeyOf(ParsedSource src) {
        return seriesKey(src);
    }

    /** Whether this source (same digest and series) was ingested already. */
    boolean alreadyIngested(ParsedSource src) {
        return isIngested(src.sha256(), seriesKey(src));
    }

    /** The live paper book's tables ({@code live_*}); the returned view shares this store's lock. */
    public LiveStore live() {
        return new LiveStore(this);
    }

    /**
     * Writes a generated bar series (e.g. {@code simulate}) through the same idempotent path as a file; its
     * identity is {@code source} plus a SHA-256 of the values, so writing the same series again changes nothing.
     */
    public IngestReport writeBars(BarSeries series, String source) {
        Checks.notNull(series, "series");
        Checks.notNull(source, "source");
        return ingest(new ParsedSource(source, digest(source, series, null), series.size(), List.of(series),
                List.of(), List.of(), List.of()));
    }

    /** Writes a generated funding series through the same idempotent path as a file (see {@link #writeBars}). */
    public IngestReport writeFunding(FundingSeries series, String source) {
        Checks.notNull(series, "series");
        Checks.notNull(source, "source");
        return ingest(new ParsedSource(source, digest(source, null, series), series.size(), List.of(),
                List.of(series), List.of(), List.of()));
    }

    /**
     * Writes generated microstructure series (e.g. a synthetic stress market) through the same idempotent path as
     * a file; its identity is {@code source} plus a SHA-256 of the values, so writing the same data again changes
     * nothing.
     */
    public IngestReport writeMicro(MicroData micro, String source) {
        Checks.notNull(micro, "micro");
        Checks.notNull(source, "source");
        return ingest(new ParsedSource(source, microDigest(source, micro), micro.rows(), List.of(), List.of(),
                List.of(), List.of(), List.of(), micro));
    }

    /** Writes a generated open-interest series through the same idempotent path as a file (see {@link #writeMicro}). */
    public IngestReport writeOpenInterest(OpenInterestSeries series, String source) {
        Checks.notNull(series, "series");
        Checks.notNull(source, "source");
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        md.update((source + "/open_interest/" + series.symbol()).getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(24 * series.size());
        for (int i = 0; i < series.size(); i++) {
            buf.putLong(series.timeMs(i)).putDouble(series.sumOpenInterest(i)).putDouble(series.sumOpenInterestValue(i));
        }
        md.update(buf.flip());
        return ingest(new ParsedSource(source, HexFormat.of().formatHex(md.digest()), series.size(), List.of(),
                List.of(), List.of(series), List.of(), List.of()));
    }

    private static String microDigest(String source, MicroData m) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        md.update(source.getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        java.util.function.Consumer<double[]> put = v -> {
            if (buf.remaining() < 8 * v.length) {
                md.update(buf.flip());
                buf.clear();
            }
            for (double x : v) {
                buf.putDouble(x);
            }
        };
        for (BookDepthSeries d : m.bookDepth()) {
            md.update(("depth/" + d.symbol()).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < d.size(); i++) {
                put.accept(new double[] {d.timeMs(i), d.percentage(i), d.depth(i), d.notional(i)});
            }
        }
        for (BookTickerSeries t : m.bookTicker()) {
            md.update(("ticker/" + t.symbol() + "/" + t.market().code()).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < t.size(); i++) {
                put.accept(new double[] {t.eventTimeMs(i), t.transactionTimeMs(i), t.updateId(i), t.bid(i), t.bidQty(i),
                    t.ask(i), t.askQty(i)});
            }
        }
        for (LiquidationSeries l : m.liquidations()) {
            md.update(("liq/" + l.symbol()).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < l.size(); i++) {
                put.accept(new double[] {l.startMs(i), l.endMs(i), l.side(i).ordinal(), l.quantity(i), l.price(i),
                    l.averagePrice(i), l.notionalUsd(i)});
            }
        }
        for (LiquidationCoverage c : m.liquidationCoverage()) {
            md.update(("cov/" + c.scope()).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < c.size(); i++) {
                put.accept(new double[] {c.fromMs(i), c.toMs(i)});
            }
        }
        for (FundingInfo f : m.fundingInfo()) {
            md.update(f.toString().getBytes(StandardCharsets.UTF_8));
        }
        md.update(buf.flip());
        return HexFormat.of().formatHex(md.digest());
    }

    /** Running counts of one source's ingest. */
    private static final class Tally {
        final List<Rejection> warnings;
        final List<String> examples = new ArrayList<>();
        long accepted;
        long present;
        long conflicts;

        Tally(List<Rejection> readerWarnings) {
            this.warnings = new ArrayList<>(readerWarnings);
        }

        int examplesWanted() {
            return IngestReport.MAX_CONFLICT_EXAMPLES - examples.size();
        }
    }

    private static final String BAR_SAME = "b.open = s.open AND b.high = s.high AND b.low = s.low"
            + " AND b.close = s.close AND b.volume = s.volume";
    private static final String BAR_KEY = "b.symbol = ? AND b.market = ? AND b.interval = ?"
            + " AND b.open_time_ms = s.open_time_ms";

    private static String barText(String a) {
        return "'open=' || " + a + ".open || ' high=' || " + a + ".high || ' low=' || " + a + ".low || ' close=' || "
                + a + ".close || ' volume=' || " + a + ".volume";
    }

    /** Stages and merges one bar series; returns the number of rows inserted. */
    private long ingestBars(BarSeries b, String source, Tally tally) throws SQLException {
        int n = b.size();
        if (n == 0) {
            return 0;
        }
        String sym = b.symbol().name();
        String mkt = b.market().code();
        String iv = b.interval().code();
        execute("DELETE FROM stage_bars");
        try (DuckDBAppender ap = conn.createAppender("temp", "main", "stage_bars")) {
            long[] t = b.openTimes();
            double[] o = b.opens();
            double[] h = b.highs();
            double[] l = b.lows();
            double[] c = b.closes();
            double[] v = b.volumes();
            for (int i = 0; i < n; i++) {
                ap.beginRow().append(t[i]).append(o[i]).append(h[i]).append(l[i]).append(c[i]).append(v[i]).endRow();
            }
        }
        long lo = b.openTimeMs(0);
        long hi = b.openTimeMs(n - 1);
        long overlapping = queryLong("SELECT count(*) FROM bars WHERE symbol = ? AND market = ? AND interval = ?"
                + " AND open_time_ms BETWEEN ? AND ?", sym, mkt, iv, lo, hi);
        long inserted;
        if (overlapping == 0) {
            // Nothing stored in this range: every staged row is new, so skip the anti-join.
            inserted = update("INSERT INTO bars SELECT ?, ?, ?, s.*, false, ? FROM stage_bars s",
                    sym, mkt, iv, source);
        } else {
            long[] pc = queryLongs("SELECT count(*) FILTER (WHERE " + BAR_SAME + "), count(*) FILTER (WHERE NOT ("
                    + BAR_SAME + ")) FROM stage_bars s JOIN bars b ON " + BAR_KEY, sym, mkt, iv);
            long present = pc[0];
            long conflicts = pc[1];
            if (conflicts > 0) {
                update("INSERT INTO conflicts SELECT 'bars', ?, ?, ?, s.open_time_ms, " + barText("b") + ", "
                        + barText("s") + ", ? FROM stage_bars s JOIN bars b ON " + BAR_KEY + " WHERE NOT ("
                        + BAR_SAME + ") AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE k.table_name = 'bars'"
                        + " AND k.symbol = ? AND k.market = ? AND k.interval = ? AND k.time_ms = s.open_time_ms"
                        + " AND k.stored = " + barText("b") + " AND k.incoming = " + barText("s")
                        + " AND k.source_file = ?)", sym, mkt, iv, source, sym, mkt, iv, sym, mkt, iv, source);
                if (tally.examplesWanted() > 0) {
                    try (PreparedStatement ps = prepare("SELECT s.open_time_ms, " + barText("b") + ", "
                            + barText("s") + " FROM stage_bars s JOIN bars b ON " + BAR_KEY + " WHERE NOT ("
                            + BAR_SAME + ") ORDER BY s.open_time_ms LIMIT ?", sym, mkt, iv, tally.examplesWanted());
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tally.examples.add("bars " + sym + " " + mkt + " " + iv + " "
                                    + Instant.ofEpochMilli(rs.getLong(1)) + ": stored " + rs.getString(2)
                                    + ", incoming " + rs.getString(3) + " (stored kept)");
                        }
                    }
                }
            }
            inserted = update("INSERT INTO bars SELECT ?, ?, ?, s.*, false, ? FROM stage_bars s"
                    + " WHERE NOT EXISTS (SELECT 1 FROM bars b WHERE " + BAR_KEY + ")", sym, mkt, iv, source, sym,
                    mkt, iv);
            tally.present += present;
            tally.conflicts += conflicts;
            checkBalance(source, "bars " + sym + " " + mkt + " " + iv, n, inserted, present, conflicts);
        }
        tally.accepted += inserted;
        return inserted;
    }

    private static final String FUND_SAME = "f.rate = s.rate AND f.interval_ms = s.interval_ms"
            + " AND (f.mark_price IS NULL OR s.mark_price IS NULL OR f.mark_price = s.mark_price)";
    private static final String FUND_KEY = "f.symbol = ? AND f.time_ms = s.time_ms";

    private static String fundingText(String a) {
        return "'rate=' || " + a + ".rate || ' interval_ms=' || " + a + ".interval_ms || ' mark_price=' || coalesce("
                + a + ".mark_price::VARCHAR, 'unknown')";
    }

    /** Stages and merges one funding series. */
    private void ingestFunding(FundingSeries f, String source, Tally tally) throws SQLException {
        int n = f.size();
        if (n == 0) {
            return;
        }
        String sym = f.symbol().name();
        execute("DELETE FROM stage_funding");
        try (DuckDBAppender ap = conn.createAppender("temp", "main", "stage_funding")) {
            for (int i = 0; i < n; i++) {
                ap.beginRow().append(f.timeMs(i)).append(f.rate(i)).append(f.intervalMs(i));
                double m = f.markPrice(i);
                if (Double.isNaN(m)) {
                    ap.appendNull();
                } else {
                    ap.append(m);
                }
                ap.endRow();
            }
        }
        long[] pc = queryLongs("SELECT count(*) FILTER (WHERE " + FUND_SAME + "), count(*) FILTER (WHERE NOT ("
                + FUND_SAME + ")) FROM stage_funding s JOIN funding f ON " + FUND_KEY, sym);
        long present = pc[0];
        long conflicts = pc[1];
        if (conflicts > 0) {
            update("INSERT INTO conflicts SELECT 'funding', ?, NULL, NULL, s.time_ms, " + fundingText("f") + ", "
                    + fundingText("s") + ", ? FROM stage_funding s JOIN funding f ON " + FUND_KEY + " WHERE NOT ("
                    + FUND_SAME + ") AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE k.table_name = 'funding'"
                    + " AND k.symbol = ? AND k.time_ms = s.time_ms AND k.stored = " + fundingText("f")
                    + " AND k.incoming = " + fundingText("s") + " AND k.source_file = ?)", sym, source, sym, sym,
                    source);
            if (tally.examplesWanted() > 0) {
                try (PreparedStatement ps = prepare("SELECT s.time_ms, " + fundingText("f") + ", " + fundingText("s")
                        + " FROM stage_funding s JOIN funding f ON " + FUND_KEY + " WHERE NOT (" + FUND_SAME
                        + ") ORDER BY s.time_ms LIMIT ?", sym, tally.examplesWanted());
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tally.examples.add("funding " + sym + " " + Instant.ofEpochMilli(rs.getLong(1)) + ": stored "
                                + rs.getString(2) + ", incoming " + rs.getString(3) + " (stored kept)");
                    }
                }
            }
        }
        long filled = update("UPDATE funding f SET mark_price = s.mark_price FROM stage_funding s WHERE " + FUND_KEY
                + " AND f.mark_price IS NULL AND s.mark_price IS NOT NULL AND f.rate = s.rate"
                + " AND f.interval_ms = s.interval_ms", sym);
        if (filled > 0) {
            tally.warnings.add(Rejection.ofFile(source, filled + " stored " + sym
                    + " funding events had no mark price and took it from this source"));
        }
        // Readers keep Binance's few-ms jitter; the same settlement from two sources (archive calc_time vs REST
        // fundingTime) could then land under two keys. Say so rather than guess which one is right.
        long[] near = queryLongs("SELECT count(*), min(s.time_ms) FROM stage_funding s JOIN funding f"
                + " ON f.symbol = ? AND f.time_ms BETWEEN s.time_ms - ? AND s.time_ms + ? AND f.time_ms <> s.time_ms",
                sym, FUNDING_NEAR_DUPLICATE_MS, FUNDING_NEAR_DUPLICATE_MS);
        if (near[0] > 0) {
            tally.warnings.add(Rejection.ofFile(source, near[0] + " " + sym + " funding events lie within "
                    + FUNDING_NEAR_DUPLICATE_MS / 1000 + " s of another stored event (first at "
                    + Instant.ofEpochMilli(near[1]) + "): the same settlement under two times?"));
        }
        long inserted = update("INSERT INTO funding SELECT ?, s.*, ? FROM stage_funding s"
                + " WHERE NOT EXISTS (SELECT 1 FROM funding f WHERE " + FUND_KEY + ")", sym, source, sym);
        checkBalance(source, "funding " + sym, n, inserted, present, conflicts);
        tally.accepted += inserted;
        tally.present += present;
        tally.conflicts += conflicts;
    }

    private static final String OI_SAME = "o.sum_open_interest IS NOT DISTINCT FROM s.sum_open_interest AND"
            + " (o.sum_open_interest_value IS NULL OR s.sum_open_interest_value IS NULL"
            + " OR o.sum_open_interest_value = s.sum_open_interest_value)";
    private static final String OI_KEY = "o.symbol = ? AND o.time_ms = s.time_ms";

    private static String openInterestText(String a) {
        return "'open_interest=' || coalesce(" + a + ".sum_open_interest::VARCHAR, 'unknown') || ' value=' || coalesce("
                + a + ".sum_open_interest_value::VARCHAR, 'unknown')";
    }

    /** Stages and merges one open-interest series (rules as for funding: identical is present, else a conflict). */
    private void ingestOpenInterest(OpenInterestSeries oi, String source, Tally tally) throws SQLException {
        int n = oi.size();
        if (n == 0) {
            return;
        }
        String sym = oi.symbol().name();
        execute("DELETE FROM stage_open_interest");
        try (DuckDBAppender ap = conn.createAppender("temp", "main", "stage_open_interest")) {
            for (int i = 0; i < n; i++) {
                ap.beginRow().append(oi.timeMs(i));
                double o = oi.sumOpenInterest(i);
                if (Double.isNaN(o)) {
                    // an aggregator's daily close has only the USDT value (schema 7 allows NULL here)
                    ap.appendNull();
                } else {
                    ap.append(o);
                }
                double v = oi.sumOpenInterestValue(i);
                if (Double.isNaN(v)) {
                    ap.appendNull();
                } else {
                    ap.append(v);
                }
                ap.endRow();
            }
        }
        long[] pc = queryLongs("SELECT count(*) FILTER (WHERE " + OI_SAME + "), count(*) FILTER (WHERE NOT ("
                + OI_SAME + ")) FROM stage_open_interest s JOIN open_interest o ON " + OI_KEY, sym);
        long present = pc[0];
        long conflicts = pc[1];
        if (conflicts > 0) {
            update("INSERT INTO conflicts SELECT 'open_interest', ?, NULL, NULL, s.time_ms, " + openInterestText("o")
                    + ", " + openInterestText("s") + ", ? FROM stage_open_interest s JOIN open_interest o ON " + OI_KEY
                    + " WHERE NOT (" + OI_SAME + ") AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE"
                    + " k.table_name = 'open_interest' AND k.symbol = ? AND k.time_ms = s.time_ms AND k.stored = "
                    + openInterestText("o") + " AND k.incoming = " + openInterestText("s") + " AND k.source_file = ?)",
                    sym, source, sym, sym, source);
            if (tally.examplesWanted() > 0) {
                try (PreparedStatement ps = prepare("SELECT s.time_ms, " + openInterestText("o") + ", "
                        + openInterestText("s") + " FROM stage_open_interest s JOIN open_interest o ON " + OI_KEY
                        + " WHERE NOT (" + OI_SAME + ") ORDER BY s.time_ms LIMIT ?", sym, tally.examplesWanted());
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tally.examples.add("open interest " + sym + " " + Instant.ofEpochMilli(rs.getLong(1))
                                + ": stored " + rs.getString(2) + ", incoming " + rs.getString(3) + " (stored kept)");
                    }
                }
            }
        }
        update("UPDATE open_interest o SET sum_open_interest_value = s.sum_open_interest_value FROM"
                + " stage_open_interest s WHERE " + OI_KEY + " AND o.sum_open_interest_value IS NULL"
                + " AND s.sum_open_interest_value IS NOT NULL AND o.sum_open_interest IS NOT DISTINCT FROM"
                + " s.sum_open_interest", sym);
        long inserted = update("INSERT INTO open_interest SELECT ?, s.*, ? FROM stage_open_interest s"
                + " WHERE NOT EXISTS (SELECT 1 FROM open_interest o WHERE " + OI_KEY + ")", sym, source, sym);
        checkBalance(source, "open interest " + sym, n, inserted, present, conflicts);
        tally.accepted += inserted;
        tally.present += present;
        tally.conflicts += conflicts;
    }

    private static void checkBalance(String source, String what, long n, long inserted, long present,
            long conflicts) {
        if (inserted + present + conflicts != n) {
            throw new IllegalStateException(source + ": " + what + ": " + n + " rows staged but " + inserted
                    + " inserted + " + present + " present + " + conflicts + " conflicting");
        }
    }

    /**
     * Flags the leading run of placeholder candles of one stored series, consistent with
     * {@code PlaceholderCandles.leadingCount} applied to the whole stored series: every bar before the first bar
     * that is not flat-and-empty is a placeholder, and no other.
     */
    private void recomputePlaceholders(String sym, Market market, String iv) throws SQLException {
        if (market != Market.SPOT && market != Market.PERP) {
            return;
        }
        String mkt = market.code();
        long[] first = queryLongs("SELECT coalesce(min(open_time_ms), ?) FROM bars WHERE symbol = ? AND market = ?"
                + " AND interval = ? AND NOT (open = high AND open = low AND open = close AND volume < ?)",
                Long.MAX_VALUE, sym, mkt, iv, PlaceholderCandles.MAX_VOLUME);
        long cutoff = first[0];
        update("UPDATE bars SET placeholder = (open_time_ms < ?) WHERE symbol = ? AND market = ? AND interval = ?"
                + " AND placeholder <> (open_time_ms < ?)", cutoff, sym, mkt, iv, cutoff);
    }

    private void recordRejections(ParsedSource src) throws SQLException {
        execute("DELETE FROM stage_rejected");
        try (DuckDBAppender ap = conn.createAppender("temp", "main", "stage_rejected")) {
            for (Rejection r : src.rejected()) {
                ap.beginRow().append(r.file()).append(r.line()).append(r.reason()).endRow();
            }
        }
        update("INSERT INTO rejected_rows SELECT DISTINCT s.file, s.line, s.reason, ? FROM stage_rejected s"
                + " WHERE NOT EXISTS (SELECT 1 FROM rejected_rows r WHERE r.file = s.file AND r.line = s.line"
                + " AND r.reason = s.reason AND r.sha256 = ?)", src.sha256(), src.sha256());
    }

    /** The series a source holds, as stored in {@code ingested_files.series}: sorted, comma-separated. */
    static String seriesKey(ParsedSource src) {
        TreeSet<String> keys = new TreeSet<>();
        for (BarSeries b : src.bars()) {
            keys.add("bars:" + b.symbol().name() + ":" + b.market().code() + ":" + b.interval().code());
        }
        for (FundingSeries f : src.funding()) {
            keys.add("funding:" + f.symbol().name());
        }
        for (OpenInterestSeries o : src.openInterest()) {
            keys.add("open_interest:" + o.symbol().name());
        }
        MicroData m = src.micro();
        m.bookDepth().forEach(d -> keys.add("book_depth:" + d.symbol().name()));
        m.bookTicker().forEach(t -> keys.add("book_ticker:" + t.symbol().name() + ":" + t.market().code()));
        m.liquidations().forEach(l -> keys.add("liquidations:" + l.symbol().name()));
        m.liquidationCoverage().forEach(c -> keys.add("liquidation_coverage:"
                + (c.scope() == null ? MicroStore.ALL_SYMBOLS : c.scope().name())));
        m.fundingInfo().forEach(f -> keys.add("funding_info:" + f.symbol().name()));
        return String.join(",", keys);
    }

    private boolean isIngested(String sha256, String series) {
        try {
            return queryLong("SELECT count(*) FROM ingested_files WHERE sha256 = ? AND series = ?", sha256,
                    series) > 0;
        } catch (SQLException e) {
            throw new StoreException("reading ingested_files: " + e.getMessage(), e);
        }
    }

    /** SHA-256 over a generated series' identity and values, standing in for a file's bytes. */
    private static String digest(String source, BarSeries b, FundingSeries f) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        md.update(source.getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        if (b != null) {
            md.update((b.symbol() + "/" + b.market().code() + "/" + b.interval().code())
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < b.size(); i++) {
                if (buf.remaining() < 48) {
                    md.update(buf.flip());
                    buf.clear();
                }
                buf.putLong(b.openTimeMs(i)).putDouble(b.open(i)).putDouble(b.high(i)).putDouble(b.low(i))
                        .putDouble(b.close(i)).putDouble(b.volume(i));
            }
        }
        if (f != null) {
            md.update(("funding/" + f.symbol()).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < f.size(); i++) {
                if (buf.remaining() < 32) {
                    md.update(buf.flip());
                    buf.clear();
                }
                buf.putLong(f.timeMs(i)).putDouble(f.rate(i)).putLong(f.intervalMs(i)).putDouble(f.markPrice(i));
            }
        }
        md.update(buf.flip());
        return HexFormat.of().formatHex(md.digest());
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Bars with open time in {@code [fromInclusive, toExclusive)} (null = unbounded), placeholders excluded. */
    public BarSeries bars(Symbol symbol, Market market, BarInterval interval, Instant fromInclusive,
            Instant toExclusive) {
        return bars(symbol, market, interval, fromInclusive, toExclusive, Placeholders.EXCLUDE);
    }

    /**
     * Bars with open time in {@code [fromInclusive, toExclusive)} (null = unbounded), in open-time order, read by
     * one query straight into primitive columns.
     */
    public synchronized BarSeries bars(Symbol symbol, Market market, BarInterval interval, Instant fromInclusive,
            Instant toExclusive, Placeholders placeholders) {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(market, "market");
        Checks.notNull(interval, "interval");
        Checks.notNull(placeholders, "placeholders");
        String sql = "SELECT open_time_ms, open, high, low, close, volume FROM bars WHERE symbol = ? AND market = ?"
                + " AND interval = ? AND open_time_ms >= ? AND open_time_ms < ?"
                + (placeholders == Placeholders.EXCLUDE ? " AND NOT placeholder" : "") + " ORDER BY open_time_ms";
        try (PreparedStatement ps = prepare(sql, symbol.name(), market.code(), interval.code(), lower(fromInclusive),
                upper(toExclusive)); ResultSet rs = ps.executeQuery()) {
            int cap = 1024;
            long[] t = new long[cap];
            double[] o = new double[cap];
            double[] h = new double[cap];
            double[] l = new double[cap];
            double[] c = new double[cap];
            double[] v = new double[cap];
            int n = 0;
            while (rs.next()) {
                if (n == cap) {
                    cap = cap * 2;
                    t = Arrays.copyOf(t, cap);
                    o = Arrays.copyOf(o, cap);
                    h = Arrays.copyOf(h, cap);
                    l = Arrays.copyOf(l, cap);
                    c = Arrays.copyOf(c, cap);
                    v = Arrays.copyOf(v, cap);
                }
                t[n] = rs.getLong(1);
                o[n] = rs.getDouble(2);
                h[n] = rs.getDouble(3);
                l[n] = rs.getDouble(4);
                c[n] = rs.getDouble(5);
                v[n] = rs.getDouble(6);
                n++;
            }
            return new BarSeries(symbol, market, interval, Arrays.copyOf(t, n), Arrays.copyOf(o, n),
                    Arrays.copyOf(h, n), Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(v, n));
        } catch (SQLException e) {
            throw new StoreException("reading bars " + symbol + " " + market.code() + " " + interval.code() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Funding settlements with time in {@code [fromInclusive, toExclusive)} (null = unbounded), in time order. */
    public synchronized FundingSeries funding(Symbol symbol, Instant fromInclusive, Instant toExclusive) {
        Checks.notNull(symbol, "symbol");
        try (PreparedStatement ps = prepare("SELECT time_ms, rate, interval_ms, mark_price FROM funding"
                + " WHERE symbol = ? AND time_ms >= ? AND time_ms < ? ORDER BY time_ms", symbol.name(),
                lower(fromInclusive), upper(toExclusive)); ResultSet rs = ps.executeQuery()) {
            int cap = 256;
            long[] t = new long[cap];
            double[] r = new double[cap];
            long[] iv = new long[cap];
            double[] m = new double[cap];
            int n = 0;
            while (rs.next()) {
                if (n == cap) {
                    cap = cap * 2;
                    t = Arrays.copyOf(t, cap);
                    r = Arrays.copyOf(r, cap);
                    iv = Arrays.copyOf(iv, cap);
                    m = Arrays.copyOf(m, cap);
                }
                t[n] = rs.getLong(1);
                r[n] = rs.getDouble(2);
                iv[n] = rs.getLong(3);
                double mark = rs.getDouble(4);
                m[n] = rs.wasNull() ? Double.NaN : mark;
                n++;
            }
            return new FundingSeries(symbol, Arrays.copyOf(t, n), Arrays.copyOf(r, n), Arrays.copyOf(iv, n),
                    Arrays.copyOf(m, n));
        } catch (SQLException e) {
            throw new StoreException("reading funding " + symbol + ": " + e.getMessage(), e);
        }
    }

    /**
     * Book depth band rows with snapshot time in {@code [fromInclusive, toExclusive)} (null = unbounded), sorted by
     * time then band.
     */
    public synchronized BookDepthSeries bookDepth(Symbol symbol, Instant fromInclusive, Instant toExclusive) {
        Checks.notNull(symbol, "symbol");
        try {
            return new MicroStore(conn).bookDepth(symbol, lower(fromInclusive), upper(toExclusive));
        } catch (SQLException e) {
            throw new StoreException("reading book depth " + symbol + ": " + e.getMessage(), e);
        }
    }

    /** Best bid/offer updates of one market with event time in {@code [fromInclusive, toExclusive)}, in time order. */
    public synchronized BookTickerSeries bookTicker(Symbol symbol, Market market, Instant fromInclusive,
            Instant toExclusive) {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(market, "market");
        try {
            return new MicroStore(conn).bookTicker(symbol, market, lower(fromInclusive), upper(toExclusive));
        } catch (SQLException e) {
            throw new StoreException("reading book ticker " + symbol + " " + market.code() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Open-interest snapshots with time in {@code [fromInclusive, toExclusive)} (null = unbounded), in time order; the
     * base amount or the USDT value NaN where unknown.
     */
    public synchronized OpenInterestSeries openInterest(Symbol symbol, Instant fromInclusive, Instant toExclusive) {
        Checks.notNull(symbol, "symbol");
        try (PreparedStatement ps = prepare("SELECT time_ms, sum_open_interest, sum_open_interest_value FROM"
                + " open_interest WHERE symbol = ? AND time_ms >= ? AND time_ms < ? ORDER BY time_ms", symbol.name(),
                lower(fromInclusive), upper(toExclusive)); ResultSet rs = ps.executeQuery()) {
            int cap = 1024;
            long[] t = new long[cap];
            double[] o = new double[cap];
            double[] v = new double[cap];
            int n = 0;
            while (rs.next()) {
                if (n == cap) {
                    cap = cap * 2;
                    t = Arrays.copyOf(t, cap);
                    o = Arrays.copyOf(o, cap);
                    v = Arrays.copyOf(v, cap);
                }
                t[n] = rs.getLong(1);
                double amount = rs.getDouble(2);
                o[n] = rs.wasNull() ? Double.NaN : amount;
                double value = rs.getDouble(3);
                v[n] = rs.wasNull() ? Double.NaN : value;
                n++;
            }
            return new OpenInterestSeries(symbol, Arrays.copyOf(t, n), Arrays.copyOf(o, n), Arrays.copyOf(v, n));
        } catch (SQLException e) {
            throw new StoreException("reading open interest " + symbol + ": " + e.getMessage(), e);
        }
    }

    /**
     * Liquidation rows overlapping {@code [fromInclusive, toExclusive)} (end at or after the start, start before
     * the end), sorted by end time.
     */
    public synchronized LiquidationSeries liquidations(Symbol symbol, Instant fromInclusive, Instant toExclusive) {
        Checks.notNull(symbol, "symbol");
        try {
            return new MicroStore(conn).liquidations(symbol, lower(fromInclusive), upper(toExclusive));
        } catch (SQLException e) {
            throw new StoreException("reading liquidations " + symbol + ": " + e.getMessage(), e);
        }
    }

    /** The periods any liquidation source watched this symbol (its own and all-market spans, merged). */
    public synchronized LiquidationCoverage liquidationCoverage(Symbol symbol) {
        Checks.notNull(symbol, "symbol");
        try {
            return new MicroStore(conn).liquidationCoverage(symbol);
        } catch (SQLException e) {
            throw new StoreException("reading liquidation coverage " + symbol + ": " + e.getMessage(), e);
        }
    }

    /** The symbol's funding cap/floor/interval from {@code fundingInfo}, or null when none was ingested. */
    public synchronized FundingInfo fundingInfo(Symbol symbol) {
        Checks.notNull(symbol, "symbol");
        try {
            return new MicroStore(conn).fundingInfo(symbol);
        } catch (SQLException e) {
            throw new StoreException("reading funding info " + symbol + ": " + e.getMessage(), e);
        }
    }

    /** Ingested sources with these bytes (usually none or one), so a caller can skip parsing a known file. */
    public synchronized List<IngestedFile> ingestedFiles(String sha256) {
        Checks.notNull(sha256, "sha256");
        try {
            return StoreInfoQueries.files(this, "WHERE sha256 = ?", sha256);
        } catch (SQLException e) {
            throw new StoreException("reading ingested_files: " + e.getMessage(), e);
        }
    }

    /**
     * True when a source with this path (a file path or URL, as given to {@link #ingest}) was committed: the
     * downloader skips an archive file stored before, whatever its local copy.
     */
    public synchronized boolean ingested(String path) {
        Checks.notNull(path, "path");
        try {
            return queryLong("SELECT count(*) FROM ingested_files WHERE path = ?", path) > 0;
        } catch (SQLException e) {
            throw new StoreException("reading ingested_files: " + e.getMessage(), e);
        }
    }

    /** What the store holds: series, funding, rejected rows, ingested files (see {@link StoreInfo}). */
    public synchronized StoreInfo info() {
        try {
            return StoreInfoQueries.info(this);
        } catch (SQLException e) {
            throw new StoreException("reading store info: " + e.getMessage(), e);
        }
    }

    /** Names of the store's tables (migrations' tables and {@code schema_version}), sorted. */
    public synchronized List<String> tables() {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM"
                + " duckdb_tables() WHERE NOT temporary AND schema_name = 'main' ORDER BY table_name")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("listing tables: " + e.getMessage(), e);
        }
    }

    /** Schema version the store is at (the latest this program knows, once opened). */
    public synchronized int schemaVersion() {
        try {
            return (int) queryLong("SELECT max(version) FROM schema_version");
        } catch (SQLException e) {
            throw new StoreException("reading schema_version: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ results

    /** Names of the evaluation result tables ({@code runs}, {@code metrics}, {@code ledger}, ...), in write order. */
    public static List<String> resultTables() {
        return List.copyOf(Schema.RESULT_RELATIONS.keySet());
    }

    /**
     * Stores an evaluation run, replacing whatever that run id had stored before, in one transaction (see
     * {@link #beginEvaluation}).
     */
    public void replaceEvaluation(io.thermocarry.core.evaluation.EvaluationRun run) {
        Checks.notNull(run, "run");
        try (EvaluationSession session = beginEvaluation(run.request())) {
            for (io.thermocarry.core.evaluation.SymbolEvaluation s : run.symbols()) {
                session.add(s);
            }
            session.commit();
        }
    }

    /**
     * Opens the transaction that replaces one evaluation run: every result table's rows of the request's run id
     * are deleted at once; {@link EvaluationSession#add} appends a symbol's rows as soon as it is evaluated (so a
     * caller can write one symbol while others are still being computed); {@link EvaluationSession#commit} makes
     * the new run visible; closing without committing rolls everything back, the previous copy intact. Running
     * the same request twice therefore leaves one copy, never two. While a session is open the store is its
     * (other calls from the same thread would join its transaction; use none).
     *
     * <p>Rows are tagged {@code (run_id, symbol, strategy, config, fee_bps, compat, fold)}; fold −1 is the
     * stitched out-of-sample span (or a row that belongs to no fold), 0.. the test folds. See the table
     * definitions in {@code Schema} for the columns.
     */
    public synchronized EvaluationSession beginEvaluation(io.thermocarry.core.evaluation.EvaluationRequest request) {
        Checks.notNull(request, "request");
        String id = request.runId();
        try {
            conn.setAutoCommit(false);
            for (Schema.TableDef t : Schema.RESULT_TABLES) {
                update("DELETE FROM " + t.name() + " WHERE run_id = ?", id);
            }
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw new StoreException("storing evaluation run " + id + ": " + e.getMessage() + " (nothing written)", e);
        }
        return new EvaluationSession(request, new EvaluationWriter(conn, id, clock.millis()));
    }

    private void rollbackQuietly(Exception cause) {
        try {
            conn.rollback();
            conn.setAutoCommit(true);
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    /** An open evaluation write (see {@link #beginEvaluation}). */
    public final class EvaluationSession implements AutoCloseable {
        private final io.thermocarry.core.evaluation.EvaluationRequest request;
        private final EvaluationWriter writer;
        private boolean open = true;

        private EvaluationSession(io.thermocarry.core.evaluation.EvaluationRequest request, EvaluationWriter writer) {
            this.request = request;
            this.writer = writer;
        }

        /** Appends one symbol's rows (inside the transaction). */
        public void add(io.thermocarry.core.evaluation.SymbolEvaluation symbol) {
            synchronized (Store.this) {
                Checks.check(open, "evaluation session already closed");
                try {
                    writer.write(request, symbol);
                } catch (SQLException | RuntimeException e) {
                    open = false;
                    rollbackQuietly(e);
                    throw new StoreException("storing evaluation run " + request.runId() + " (" + symbol.symbol()
                            + "): " + e.getMessage() + " (nothing written)", e);
                }
            }
        }

        /** Commits the run. */
        public void commit() {
            synchronized (Store.this) {
                Checks.check(open, "evaluation session already closed");
                open = false;
                try {
                    conn.commit();
                    conn.setAutoCommit(true);
                } catch (SQLException e) {
                    rollbackQuietly(e);
                    throw new StoreException("committing evaluation run " + request.runId() + ": " + e.getMessage()
                            + " (nothing written)", e);
                }
            }
        }

        /** Rolls back unless committed. */
        @Override
        public void close() {
            synchronized (Store.this) {
                if (open) {
                    open = false;
                    rollbackQuietly(new StoreException("evaluation run " + request.runId() + " abandoned"));
                }
            }
        }
    }

    /** Rows of one run in one result table. */
    public synchronized long resultRows(String table, String runId) {
        String t = resultTable(table);
        try {
            return queryLong("SELECT count(*) FROM " + t + " WHERE run_id = ?", Checks.notNull(runId, "runId"));
        } catch (SQLException e) {
            throw new StoreException("counting " + t + ": " + e.getMessage(), e);
        }
    }

    /** Run ids stored in {@code runs}, sorted. */
    public synchronized List<String> runIds() {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT run_id FROM runs ORDER BY run_id")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("listing runs: " + e.getMessage(), e);
        }
    }

    /**
     * Writes one run's rows of a result table to a CSV file with a header (DuckDB {@code COPY}), ordered by the
     * table's key; NULL as an empty field, times as epoch-millisecond integers.
     */
    public synchronized void exportCsv(String table, String runId, Path file) {
        String t = resultTable(table);
        Checks.notNull(file, "file");
        Checks.check(runId != null && runId.matches("[0-9a-f]{1,64}"), "run id must be hex, was " + runId);
        Path abs = file.toAbsolutePath();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            execute("COPY (SELECT * FROM " + t + " WHERE run_id = '" + runId + "' ORDER BY "
                    + String.join(", ", Schema.RESULT_RELATIONS.get(t)) + ") TO " + sqlString(abs.toString())
                    + " (HEADER, DELIMITER ',')");
        } catch (IOException | SQLException e) {
            throw new StoreException("exporting " + t + " of run " + runId + " to " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest evaluation run (by creation time) that holds {@code symbol}, or empty when {@code evaluate} has
     * not run on it.
     */
    public synchronized java.util.Optional<String> latestRun(Symbol symbol) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT run_id FROM runs WHERE symbol = ? ORDER BY created_at_ms DESC, run_id LIMIT 1")) {
            ps.setString(1, Checks.notNull(symbol, "symbol").name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("finding the latest evaluation of " + symbol + ": " + e.getMessage(), e);
        }
    }

    /**
     * One run's rows of a result table for one symbol, ordered by the table's key: column name (lower case) →
     * value ({@code Long} for integers, {@code Double}, {@code String}, {@code Boolean}, or null).
     */
    public synchronized List<java.util.Map<String, Object>> readResults(String table, String runId, Symbol symbol) {
        String t = resultTable(table);
        String sql = "SELECT * FROM " + t + " WHERE run_id = ? AND symbol = ? ORDER BY "
                + String.join(", ", Schema.RESULT_RELATIONS.get(t));
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, Checks.notNull(runId, "runId"));
            ps.setString(2, Checks.notNull(symbol, "symbol").name());
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                int k = md.getColumnCount();
                List<java.util.Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= k; c++) {
                        Object v = rs.getObject(c);
                        if (v instanceof Integer i) {
                            v = i.longValue();
                        } else if (v instanceof Float f) {
                            v = f.doubleValue();
                        } else if (v instanceof Short sh) {
                            v = sh.longValue();
                        }
                        row.put(md.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), v);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("reading " + t + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The out-of-sample equity curves of one run and symbol from the {@code ledger} table: every row of each book
     * (the stitched span; each row is tagged with the test fold it lies in), one curve per book, ordered by
     * strategy, configuration, tier and compat.
     */
    public synchronized List<StoredCurve> equityCurves(String runId, Symbol symbol) {
        String sql = "SELECT strategy, config, fee_bps, compat, start_ms, end_ms, equity FROM ledger WHERE run_id = ?"
                + " AND symbol = ? ORDER BY strategy, config, fee_bps, compat, cycle";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, Checks.notNull(runId, "runId"));
            ps.setString(2, Checks.notNull(symbol, "symbol").name());
            List<StoredCurve> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                String key = null;
                String[] tag = null;
                double bps = Double.NaN;
                long[] st = new long[1024];
                long[] en = new long[1024];
                double[] eq = new double[1024];
                int n = 0;
                while (true) {
                    boolean more = rs.next();
                    String k = more ? rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getDouble(3) + "\u0000"
                            + rs.getString(4) : null;
                    if (key != null && !key.equals(k)) {
                        out.add(new StoredCurve(tag[0], tag[1], bps, tag[2], java.util.Arrays.copyOf(st, n),
                                java.util.Arrays.copyOf(en, n), java.util.Arrays.copyOf(eq, n)));
                        n = 0;
                    }
                    if (!more) {
                        break;
                    }
                    key = k;
                    tag = new String[] {rs.getString(1), rs.getString(2), rs.getString(4)};
                    bps = rs.getDouble(3);
                    if (n == st.length) {
                        st = java.util.Arrays.copyOf(st, 2 * n);
                        en = java.util.Arrays.copyOf(en, 2 * n);
                        eq = java.util.Arrays.copyOf(eq, 2 * n);
                    }
                    st[n] = rs.getLong(5);
                    en[n] = rs.getLong(6);
                    eq[n] = rs.getDouble(7);
                    n++;
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading the ledger of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** A result relation named by a caller, or an exception (only registered names reach SQL text). */
    private static String resultTable(String table) {
        Checks.check(table != null && Schema.RESULT_RELATIONS.containsKey(table),
                table + " is not an evaluation result table " + Schema.RESULT_RELATIONS.keySet());
        return table;
    }

    // ------------------------------------------------------------------------------------------------ portfolio

    /**
     * How each symbol's hourly spot and perp klines and its funding are stitched from source files, and where
     * they have gaps (ordered by symbol, then {@code funding}, {@code perp}, {@code spot}).
     */
    public synchronized List<SeriesCoverage> coverage() {
        try {
            return CoverageQueries.coverage(this);
        } catch (SQLException e) {
            throw new StoreException("reading coverage: " + e.getMessage(), e);
        }
    }

    /** Names of the portfolio result tables (schema version 3), in write order. */
    public static List<String> portfolioTables() {
        return PortfolioTables.TABLES.stream().map(Schema.TableDef::name).toList();
    }

    /**
     * Stores a portfolio study in the portfolio tables, replacing whatever its run id had stored, in one
     * transaction ({@code evaluationRunId}: the run id its per-symbol evaluation was stored under in the
     * evaluation tables, or null).
     */
    public synchronized void replacePortfolio(io.thermocarry.core.portfolio.PortfolioRun run, String evaluationRunId) {
        Checks.notNull(run, "run");
        String id = run.runId();
        inTransaction("storing portfolio run " + id, () -> {
            for (Schema.TableDef t : PortfolioTables.TABLES) {
                update("DELETE FROM " + t.name() + " WHERE run_id = ?", id);
            }
            new PortfolioWriter(conn, id, clock.millis()).write(run, evaluationRunId);
            return null;
        });
    }

    /** Rows of one portfolio run in one portfolio table. */
    public synchronized long portfolioRows(String table, String runId) {
        Schema.TableDef t = Schema.table(table);
        Checks.check(PortfolioTables.TABLES.contains(t), table + " is not a portfolio table");
        try {
            return queryLong("SELECT count(*) FROM " + t.name() + " WHERE run_id = ?", Checks.notNull(runId, "runId"));
        } catch (SQLException e) {
            throw new StoreException("counting " + t.name() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ parquet

    /**
     * Writes a whole table to one Parquet file, rows ordered by the table's key (so equal tables give equal
     * files). Only tables created by the store's migrations are accepted.
     */
    public synchronized void exportParquet(String table, Path file) {
        Schema.TableDef t = Schema.table(table);
        Checks.notNull(file, "file");
        Path abs = file.toAbsolutePath();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            execute("COPY (SELECT * FROM " + t.name() + " ORDER BY " + String.join(", ", t.keyColumns())
                    + ") TO " + sqlString(abs.toString()) + " (FORMAT PARQUET)");
        } catch (IOException | SQLException e) {
            throw new StoreException("exporting " + t.name() + " to " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds the rows of a Parquet file (as written by {@link #exportParquet}) to a table, in one transaction, with
     * the same rule as ingest: rows whose key is already stored are not imported (identical ones counted as
     * already present, different ones as conflicts). Importing the same file twice changes nothing. Bars'
     * placeholder flags are recomputed for the series touched.
     *
     * @throws StoreException if the file is unreadable, lacks a column, or repeats a key
     */
    public synchronized ImportReport importParquet(String table, Path file) {
        Schema.TableDef t = Schema.table(table);
        Checks.notNull(file, "file");
        Path abs = file.toAbsolutePath();
        return inTransaction("importing " + abs + " into " + t.name(), () -> {
            List<String> cols = new ArrayList<>();
            try (PreparedStatement ps = prepare("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main'"
                    + " AND table_name = ? AND NOT internal ORDER BY column_index", t.name());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
            String colList = String.join(", ", cols.stream().map(Store::ident).toList());
            // Created inside the transaction: a failure anywhere below rolls the staging table back with the rest.
            execute("DROP TABLE IF EXISTS temp.import_stage");
            execute("CREATE TEMP TABLE import_stage AS SELECT " + colList + " FROM read_parquet("
                    + sqlString(abs.toString()) + ")");
            String keyTuple = String.join(", ", t.keyColumns().stream().map(Store::ident).toList());
            long dupes = queryLong("SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT " + keyTuple
                    + " FROM import_stage)) FROM import_stage");
            if (dupes > 0) {
                throw new StoreException(abs + ": " + dupes + " rows repeat a key of " + t.name() + " (" + keyTuple
                        + "); nothing imported");
            }
            StringBuilder keyMatch = new StringBuilder();
            for (String k : t.keyColumns()) {
                keyMatch.append(keyMatch.length() == 0 ? "" : " AND ").append("x.").append(ident(k))
                        .append(" IS NOT DISTINCT FROM s.").append(ident(k));
            }
            StringBuilder same = new StringBuilder("true");
            for (String v : t.valueColumns()) {
                same.append(" AND x.").append(ident(v)).append(" IS NOT DISTINCT FROM s.").append(ident(v));
            }
            long[] pc = queryLongs("SELECT count(*) FILTER (WHERE " + same + "), count(*) FILTER (WHERE NOT (" + same
                    + ")) FROM import_stage s JOIN " + t.name() + " x ON " + keyMatch);
            long inserted = update("INSERT INTO " + t.name() + " (" + colList + ") SELECT " + colList
                    + " FROM import_stage s WHERE NOT EXISTS (SELECT 1 FROM " + t.name() + " x WHERE " + keyMatch
                    + ")");
            if (t == Schema.BARS) {
                List<String[]> keys = new ArrayList<>();
                try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT DISTINCT symbol, market, interval FROM import_stage")) {
                    while (rs.next()) {
                        keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
                for (String[] k : keys) {
                    recomputePlaceholders(k[0], Market.parse(k[1]), k[2]);
                }
            }
            execute("DROP TABLE temp.import_stage");
            return new ImportReport(t.name(), inserted, pc[0], pc[1]);
        });
    }

    // ------------------------------------------------------------------------------------------------ tests

    /**
     * <strong>Test support only</strong>: runs one SQL statement and returns its rows as JDBC objects (empty for
     * statements without a result). It exists so that tests of other modules can compute an expected value by an
     * independent route (window functions, ASOF JOIN) against what the store holds; production code must use
     * the typed methods above, and nothing may write through here except a test that means to.
     */
    public synchronized List<List<Object>> sqlForTests(String sql) {
        Checks.notNull(sql, "sql");
        try (Statement s = conn.createStatement()) {
            List<List<Object>> rows = new ArrayList<>();
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    int n = md.getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getObject(i));
                        }
                        rows.add(Collections.unmodifiableList(row));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("test SQL failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** Closes the connection; a file store is checkpointed by DuckDB. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("closing store " + location + ": " + e.getMessage(), e);
        } finally {
            if (registered) {
                OPEN_FILES.remove(location);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: commit on success, roll back and rethrow on any failure. */
    <T> T inTransaction(String what, SqlWork<T> work) {
        try {
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException(what + ": cannot start a transaction: " + e.getMessage(), e);
        }
        try {
            T result = work.run();
            conn.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                conn.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(what + ": " + e.getMessage() + " (nothing written)", e);
        } finally {
            try {
                conn.setAutoCommit(true);
            } catch (SQLException e) {
                // The connection is unusable; the next call reports it with its own context.
            }
        }
    }

    PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Long x) {
                    ps.setLong(i + 1, x);
                } else if (p instanceof Integer x) {
                    ps.setInt(i + 1, x);
                } else if (p instanceof Double x) {
                    ps.setDouble(i + 1, x);
                } else if (p instanceof String x) {
                    ps.setString(i + 1, x);
                } else {
                    throw new IllegalArgumentException("unsupported parameter " + p);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    long update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeLargeUpdate();
        }
    }

    long queryLong(String sql, Object... params) throws SQLException {
        return queryLongs(sql, params)[0];
    }

    /** The first row of a query as longs (NULL as 0). */
    long[] queryLongs(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no row from " + sql);
            }
            int n = rs.getMetaData().getColumnCount();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }

    private static long lower(Instant fromInclusive) {
        return fromInclusive == null ? Long.MIN_VALUE : fromInclusive.toEpochMilli();
    }

    private static long upper(Instant toExclusive) {
        return toExclusive == null ? Long.MAX_VALUE : toExclusive.toEpochMilli();
    }

    /** A SQL string literal (for the few places DuckDB wants a literal, not a parameter: file paths in COPY). */
    static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A quoted identifier (column names come from the catalog, never from callers). */
    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
