package io.thermocarry.store;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.ParsedSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The live paper book's tables (SPEC §14, migration 8): {@code live_books} (one row per book: its configuration,
 * fill model and start), {@code live_events} (checkpoints, decisions, regime changes, vetoes, gaps, reconnects;
 * key book, kind, symbol, time), {@code live_fills} (one row per leg of every executed order; key book, symbol,
 * decision time, leg) and {@code live_funding} (one row per settlement the book was open at; provisional from the
 * stream's rate, then settled; key book, symbol, settlement time).
 *
 * <p>{@link #commit} writes one {@link Batch} — the market data the book received (through the same idempotent
 * ingest as files, so {@code execute} on the store sees the same bars) and the book's new rows — in one
 * transaction. Rows whose key is stored already are left as they are (a restart that recomputes a fill cannot
 * double it), except a provisional funding payment, which a settled one replaces.
 *
 * <p>Obtained from {@link Store#live()}; every method holds the store's lock.
 */
public final class LiveStore {
    /** Status of a funding payment booked from the stream's rate, before REST publishes the settled rate. */
    public static final String PROVISIONAL = "provisional";
    /** Status of a funding payment booked with the settled rate. */
    public static final String SETTLED = "settled";

    private final Store store;
    /** Per series: the last bar this view appended in a committed transaction (skips the probe next time). */
    private final java.util.Map<String, Long> lastAppended = new java.util.HashMap<>();
    /** Appends of the transaction in progress (committed into {@link #lastAppended}). */
    private final java.util.Map<String, Long> pendingAppended = new java.util.HashMap<>();

    LiveStore(Store store) {
        this.store = store;
    }

    /** A book: id, configuration text (what it runs), fill model ({@code bar|book}), start (epoch ms). */
    public record BookRow(String bookId, String config, String fillModel, long startMs) {
        /** Validates. */
        public BookRow {
            Checks.notNull(bookId, "bookId");
            Checks.notNull(config, "config");
            Checks.notNull(fillModel, "fillModel");
        }
    }

    /** One event of the book: kind ({@code checkpoint, decision, regime, veto, gap, reconnect, ...}). */
    public record EventRow(String kind, String symbol, long timeMs, String detail) {
        /** Validates. */
        public EventRow {
            Checks.notNull(kind, "kind");
            Checks.notNull(symbol, "symbol");
            Checks.notNull(detail, "detail");
        }
    }

    /**
     * One leg of an executed order.
     *
     * @param leg {@code spot} or {@code perp}
     * @param price the leg's fill price
     * @param tradedNotional notional of the order (both legs carry the order's notional)
     * @param fee the fee of this leg (half of the order's fee each)
     * @param model fill model ({@code bar} or {@code book})
     * @param reason exit reason of the position it ended, or empty
     */
    public record FillRow(String symbol, long decisionMs, String leg, long fillMs, String sideFrom, String sideTo,
            double targetNotional, double price, double tradedNotional, double fee, String model, String reason) {
        /** Validates. */
        public FillRow {
            Checks.notNull(symbol, "symbol");
            Checks.notNull(leg, "leg");
            Checks.notNull(sideFrom, "sideFrom");
            Checks.notNull(sideTo, "sideTo");
            Checks.notNull(model, "model");
            reason = reason == null ? "" : reason;
        }
    }

    /** One funding payment at a settlement ({@link #PROVISIONAL} or {@link #SETTLED}), money in book units. */
    public record FundingRow(String symbol, long settlementMs, double rate, double payment, String status) {
        /** Validates. */
        public FundingRow {
            Checks.notNull(symbol, "symbol");
            Checks.notNull(status, "status");
            Checks.check(status.equals(PROVISIONAL) || status.equals(SETTLED), "status " + status);
        }
    }

    /** What one transaction writes: market data (may be empty) and the book's new rows. */
    public record Batch(String source, List<BarSeries> bars, List<FundingSeries> funding, List<EventRow> events,
            List<FillRow> fills, List<FundingRow> payments) {
        /** Copies the lists. */
        public Batch {
            Checks.notNull(source, "source");
            bars = List.copyOf(bars);
            funding = List.copyOf(funding);
            events = List.copyOf(events);
            fills = List.copyOf(fills);
            payments = List.copyOf(payments);
        }
    }

    /** Rows a commit added: market rows accepted, events, fills, funding rows inserted or settled. */
    public record Counts(long marketRows, int events, int fills, int payments) {
    }

    /**
     * The stored book with this id, or the new one stored now. A stored book with another configuration or
     * fill model is refused: a book cannot change what it runs.
     */
    public BookRow openBook(BookRow wanted) {
        Checks.notNull(wanted, "wanted");
        synchronized (store) {
            return store.inTransaction("opening live book " + wanted.bookId(), () -> {
                Optional<BookRow> old = readBook(wanted.bookId());
                if (old.isPresent()) {
                    BookRow b = old.get();
                    if (!b.config().equals(wanted.config()) || !b.fillModel().equals(wanted.fillModel())) {
                        throw new StoreException("live book " + wanted.bookId() + " was started with " + b.config()
                                + " (fill " + b.fillModel() + "), not " + wanted.config() + " (fill "
                                + wanted.fillModel() + "): use another --db or book");
                    }
                    return b;
                }
                store.update("INSERT INTO live_books VALUES (?, ?, ?, ?, ?)", wanted.bookId(), wanted.config(),
                        wanted.fillModel(), wanted.startMs(), System.currentTimeMillis());
                return wanted;
            });
        }
    }

    /** The stored book with this id. */
    public Optional<BookRow> book(String bookId) {
        synchronized (store) {
            try {
                return readBook(bookId);
            } catch (SQLException e) {
                throw new StoreException("reading live_books: " + e.getMessage(), e);
            }
        }
    }

    private Optional<BookRow> readBook(String bookId) throws SQLException {
        try (PreparedStatement ps = store.prepare("SELECT book_id, config, fill_model, start_ms FROM live_books"
                + " WHERE book_id = ?", bookId); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new BookRow(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getLong(4))) : Optional.empty();
        }
    }

    /** Writes a batch in one transaction (see the class comment); nothing is written if any part fails. */
    public Counts commit(String bookId, Batch batch) {
        Checks.notNull(bookId, "bookId");
        Checks.notNull(batch, "batch");
        synchronized (store) {
            pendingAppended.clear();
            Counts r0;
            try {
                r0 = store.inTransaction("live book " + bookId + ": " + batch.source(), () -> {
                long market = 0;
                List<BarSeries> merge = new ArrayList<>();
                for (BarSeries b : batch.bars()) {
                    long appended = appendNew(b);
                    if (appended < 0) {
                        merge.add(b);
                    } else {
                        market += appended;
                    }
                }
                if (!merge.isEmpty() || !batch.funding().isEmpty()) {
                    long rows = 0;
                    for (BarSeries b : merge) {
                        rows += b.size();
                    }
                    for (FundingSeries f : batch.funding()) {
                        rows += f.size();
                    }
                    Batch rest = new Batch(batch.source(), merge, batch.funding(), List.of(), List.of(), List.of());
                    ParsedSource src = new ParsedSource(batch.source(), digest(rest), rows, merge, batch.funding(),
                            List.of(), List.of());
                    if (!store.alreadyIngested(src)) {
                        market += store.ingestWork(src, RejectPolicy.REFUSE_FILE, Store.seriesKey(src)).rowsAccepted();
                    }
                }
                long now = System.currentTimeMillis();
                int ev = 0;
                for (EventRow e : batch.events()) {
                    ev += (int) store.update("INSERT INTO live_events SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1"
                            + " FROM live_events WHERE book_id = ? AND kind = ? AND symbol = ? AND time_ms = ?)",
                            bookId, e.kind(), e.symbol(), e.timeMs(), e.detail(), now, bookId, e.kind(), e.symbol(),
                            e.timeMs());
                }
                int fl = 0;
                for (FillRow f : batch.fills()) {
                    fl += (int) store.update("INSERT INTO live_fills SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM live_fills WHERE book_id = ? AND symbol = ?"
                            + " AND decision_ms = ? AND leg = ?)", bookId, f.symbol(), f.decisionMs(), f.leg(),
                            f.fillMs(), f.sideFrom(), f.sideTo(), f.targetNotional(), f.price(), f.tradedNotional(),
                            f.fee(), f.model(), f.reason(), bookId, f.symbol(), f.decisionMs(), f.leg());
                }
                int pay = 0;
                for (FundingRow p : batch.payments()) {
                    long n = store.update("INSERT INTO live_funding SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1"
                            + " FROM live_funding WHERE book_id = ? AND symbol = ? AND settlement_ms = ?)", bookId,
                            p.symbol(), p.settlementMs(), p.rate(), p.payment(), p.status(), bookId, p.symbol(),
                            p.settlementMs());
                    if (n == 0) {
                        // a provisional payment is replaced by a newer provisional or by the settled one
                        n = store.update("UPDATE live_funding SET rate = ?, payment = ?, status = ? WHERE book_id = ?"
                                + " AND symbol = ? AND settlement_ms = ? AND status = 'provisional'"
                                + " AND (rate <> ? OR payment <> ? OR status <> ?)", p.rate(), p.payment(),
                                p.status(), bookId, p.symbol(), p.settlementMs(), p.rate(), p.payment(), p.status());
                    }
                    pay += (int) n;
                }
                return new Counts(market, ev, fl, pay);
            });
            } catch (RuntimeException e) {
                pendingAppended.clear();
                throw e;
            }
            lastAppended.putAll(pendingAppended);
            pendingAppended.clear();
            return r0;
        }
    }

    /**
     * The live book's common case, without the general merge: bars newer than every stored bar of their series,
     * after at least one stored real (non-placeholder) bar, are inserted as they are (no key can repeat, no
     * conflict can arise, and no placeholder flag can change: the same rows the merge would write, in a fraction of
     * its time — the merge costs about 5 ms per call, a live checkpoint writes two bars). Returns the rows
     * inserted, or -1 when the series needs the merge (anything stored at or after the first new bar, or no real
     * bar before it).
     */
    private long appendNew(BarSeries b) throws SQLException {
        if (b.isEmpty()) {
            return 0;
        }
        String sym = b.symbol().name();
        String mkt = b.market().code();
        String iv = b.interval().code();
        String series = sym + "/" + mkt + "/" + iv;
        Long last = lastAppended.get(series);
        if (last != null && b.openTimeMs(0) > last) {
            // this view appended the series' last stored bar itself (committed): nothing newer can be stored
            insert(b, sym, mkt, iv);
            pendingAppended.put(series, b.openTimeMs(b.size() - 1));
            return b.size();
        }
        long[] probe = store.queryLongs("SELECT count(*) FILTER (WHERE open_time_ms >= ?), count(*) FILTER (WHERE"
                + " open_time_ms < ? AND NOT placeholder) FROM bars WHERE symbol = ? AND market = ? AND interval = ?",
                b.openTimeMs(0), b.openTimeMs(0), sym, mkt, iv);
        if (probe[0] > 0 || probe[1] == 0) {
            return -1;
        }
        insert(b, sym, mkt, iv);
        pendingAppended.put(series, b.openTimeMs(b.size() - 1));
        return b.size();
    }

    private void insert(BarSeries b, String sym, String mkt, String iv) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement(
                "INSERT INTO bars VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)")) {
            for (int i = 0; i < b.size(); i++) {
                ps.setString(1, sym);
                ps.setString(2, mkt);
                ps.setString(3, iv);
                ps.setLong(4, b.openTimeMs(i));
                ps.setDouble(5, b.open(i));
                ps.setDouble(6, b.high(i));
                ps.setDouble(7, b.low(i));
                ps.setDouble(8, b.close(i));
                ps.setDouble(9, b.volume(i));
                ps.setString(10, LIVE_SOURCE);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** {@code bars.source_file} of the bars the live book appended. */
    public static final String LIVE_SOURCE = "live streams";

    /** Every fill of a book, in decision time, symbol and leg order. */
    public List<FillRow> fills(String bookId) {
        synchronized (store) {
            List<FillRow> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT symbol, decision_ms, leg, fill_ms, side_from, side_to,"
                    + " target_notional, price, traded_notional, fee, model, reason FROM live_fills WHERE book_id = ?"
                    + " ORDER BY decision_ms, symbol, leg", bookId); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FillRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                            rs.getDouble(10), rs.getString(11), rs.getString(12)));
                }
            } catch (SQLException e) {
                throw new StoreException("reading live_fills: " + e.getMessage(), e);
            }
            return out;
        }
    }

    /** Every funding payment of a book, in settlement time and symbol order. */
    public List<FundingRow> funding(String bookId) {
        synchronized (store) {
            List<FundingRow> out = new ArrayList<>();
            try (PreparedStatement ps = store.prepare("SELECT symbol, settlement_ms, rate, payment, status FROM"
                    + " live_funding WHERE book_id = ? ORDER BY settlement_ms, symbol", bookId);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FundingRow(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getString(5)));
                }
            } catch (SQLException e) {
                throw new StoreException("reading live_funding: " + e.getMessage(), e);
            }
            return out;
        }
    }

    /** Events of a book of one kind (all kinds when {@code kind} is null), in time order. */
    public List<EventRow> events(String bookId, String kind) {
        synchronized (store) {
            List<EventRow> out = new ArrayList<>();
            String sql = "SELECT kind, symbol, time_ms, detail FROM live_events WHERE book_id = ?"
                    + (kind == null ? "" : " AND kind = ?") + " ORDER BY time_ms, kind, symbol";
            try (PreparedStatement ps = kind == null ? store.prepare(sql, bookId) : store.prepare(sql, bookId, kind);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            } catch (SQLException e) {
                throw new StoreException("reading live_events: " + e.getMessage(), e);
            }
            return out;
        }
    }

    /** Number of events of a book. */
    public long eventCount(String bookId) {
        synchronized (store) {
            try {
                return store.queryLong("SELECT count(*) FROM live_events WHERE book_id = ?", bookId);
            } catch (SQLException e) {
                throw new StoreException("reading live_events: " + e.getMessage(), e);
            }
        }
    }

    /** SHA-256 over the batch's market data, standing in for a file's bytes (same data, same identity). */
    private static String digest(Batch b) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        md.update(b.source().getBytes(StandardCharsets.UTF_8));
        for (BarSeries s : b.bars()) {
            md.update((s.symbol() + "/" + s.market().code() + "/" + s.interval().code()).getBytes(StandardCharsets.UTF_8));
            ByteBuffer buf = ByteBuffer.allocate(48 * s.size());
            for (int i = 0; i < s.size(); i++) {
                buf.putLong(s.openTimeMs(i)).putDouble(s.open(i)).putDouble(s.high(i)).putDouble(s.low(i))
                        .putDouble(s.close(i)).putDouble(s.volume(i));
            }
            md.update(buf.flip());
        }
        for (FundingSeries f : b.funding()) {
            md.update(("funding/" + f.symbol()).getBytes(StandardCharsets.UTF_8));
            ByteBuffer buf = ByteBuffer.allocate(32 * f.size());
            for (int i = 0; i < f.size(); i++) {
                buf.putLong(f.timeMs(i)).putDouble(f.rate(i)).putLong(f.intervalMs(i)).putDouble(f.markPrice(i));
            }
            md.update(buf.flip());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
