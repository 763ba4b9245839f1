package io.thermocarry.store;

import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.LiquidationSide;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.Symbol;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writing and reading the microstructure tables of schema version 7 (SPEC §8): {@code book_depth},
 * {@code book_ticker}, {@code liquidations}, {@code liquidation_coverage}, {@code funding_info} (open interest has
 * its own path in {@link Store}). Same rule as bars and funding: rows are appended into a session-local staging table
 * (the DuckDB appender, never an {@code INSERT} per row), then set-based SQL counts what is already present,
 * records conflicts (stored value kept) and inserts the new keys, inside the caller's transaction. Key and
 * value comparisons are NULL-safe ({@code IS NOT DISTINCT FROM}): liquidation aggregates have no quantity or
 * price.
 */
final class MicroStore {
    /** What one table needs for the generic merge. */
    private record Merge(Schema.TableDef table, String timeColumn, String marketExpr) {
    }

    private static final Merge DEPTH = new Merge(Schema.BOOK_DEPTH, "time_ms", "NULL");
    private static final Merge TICKER = new Merge(Schema.BOOK_TICKER, "event_time_ms", "s.market");
    private static final Merge LIQ = new Merge(Schema.LIQUIDATIONS, "end_ms", "NULL");
    private static final Merge COVERAGE = new Merge(Schema.LIQUIDATION_COVERAGE, "from_ms", "NULL");
    private static final Merge INFO = new Merge(Schema.FUNDING_INFO, "0", "NULL");

    /** Scope text of an all-market liquidation coverage. */
    static final String ALL_SYMBOLS = "*";

    private final DuckDBConnection conn;

    MicroStore(DuckDBConnection conn) {
        this.conn = conn;
    }

    /** Counts of one merge, added to the ingest's tally by the caller. */
    static final class Counts {
        long inserted;
        long present;
        long conflicts;
        final List<String> examples = new ArrayList<>();
    }

    /** Merges every microstructure series of {@code m} (caller holds the transaction). */
    Counts ingest(MicroData m, String source, int examplesWanted) throws SQLException {
        Counts c = new Counts();
        for (BookDepthSeries d : m.bookDepth()) {
            merge(DEPTH, source, c, examplesWanted, ap -> {
                String sym = d.symbol().name();
                long[] t = d.times();
                double[] p = d.percentages();
                double[] q = d.depths();
                double[] v = d.notionals();
                for (int i = 0; i < t.length; i++) {
                    ap.beginRow().append(sym).append(t[i]).append(p[i]).append(q[i]).append(v[i]).append(source).endRow();
                }
            });
        }
        for (BookTickerSeries t : m.bookTicker()) {
            merge(TICKER, source, c, examplesWanted, ap -> {
                String sym = t.symbol().name();
                String mkt = t.market().code();
                for (int i = 0; i < t.size(); i++) {
                    ap.beginRow().append(sym).append(mkt).append(t.eventTimeMs(i)).append(t.updateId(i))
                            .append(t.transactionTimeMs(i)).append(t.bid(i)).append(t.bidQty(i)).append(t.ask(i))
                            .append(t.askQty(i)).append(source).endRow();
                }
            });
        }
        for (LiquidationSeries l : m.liquidations()) {
            merge(LIQ, source, c, examplesWanted, ap -> {
                String sym = l.symbol().name();
                for (int i = 0; i < l.size(); i++) {
                    row(ap, sym, l.startMs(i), l.endMs(i), l.side(i).name(), l.quantity(i), l.price(i),
                            l.averagePrice(i), l.notionalUsd(i), source);
                }
            });
        }
        // coverage spans describe the source, like ingested_files: stored, but not counted as data rows
        Counts coverageCounts = new Counts();
        for (LiquidationCoverage cov : m.liquidationCoverage()) {
            merge(COVERAGE, source, coverageCounts, examplesWanted, ap -> {
                String scope = cov.scope() == null ? ALL_SYMBOLS : cov.scope().name();
                for (int i = 0; i < cov.size(); i++) {
                    row(ap, scope, cov.fromMs(i), cov.toMs(i), source);
                }
            });
        }
        if (!m.fundingInfo().isEmpty()) {
            merge(INFO, source, c, examplesWanted, ap -> {
                for (FundingInfo f : m.fundingInfo()) {
                    row(ap, f.symbol().name(), f.capRate(), f.floorRate(), f.intervalHours(), source);
                }
            });
        }
        return c;
    }

    /** An appender callback that may throw (the appender's own SQLException). */
    @FunctionalInterface
    private interface Rows {
        void append(DuckDBAppender ap) throws SQLException;
    }

    private static void row(DuckDBAppender ap, Object... values) throws SQLException {
        ap.beginRow();
        for (Object v : values) {
            if (v instanceof String s) {
                ap.append(s);
            } else if (v instanceof Long x) {
                ap.append(x.longValue());
            } else if (v instanceof Integer x) {
                ap.append(x.intValue());
            } else if (v instanceof Double x) {
                if (Double.isNaN(x)) {
                    ap.appendNull();
                } else {
                    ap.append(x.doubleValue());
                }
            } else {
                throw new IllegalArgumentException("unsupported value " + v);
            }
        }
        ap.endRow();
    }

    private static String nullSafe(String a, String b, List<String> cols) {
        StringBuilder sb = new StringBuilder("true");
        for (String col : cols) {
            sb.append(" AND ").append(a).append('.').append(col).append(" IS NOT DISTINCT FROM ").append(b).append('.')
                    .append(col);
        }
        return sb.toString();
    }

    private static String text(String a, List<String> cols) {
        if (cols.isEmpty()) {
            return "''";
        }
        StringBuilder sb = new StringBuilder();
        for (String col : cols) {
            sb.append(sb.length() == 0 ? "" : " || ' ' || ").append("'").append(col).append("=' || coalesce(")
                    .append(a).append('.').append(col).append("::VARCHAR, 'NULL')");
        }
        return sb.toString();
    }

    private void merge(Merge m, String source, Counts c, int examplesWanted, Rows rows) throws SQLException {
        String t = m.table().name();
        String stage = "stage_" + t;
        execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " AS SELECT * FROM " + t + " LIMIT 0");
        execute("DELETE FROM " + stage);
        try (DuckDBAppender ap = conn.createAppender("temp", "main", stage)) {
            rows.append(ap);
        }
        long staged = queryLong("SELECT count(*) FROM " + stage);
        if (staged == 0) {
            return;
        }
        String key = nullSafe("x", "s", m.table().keyColumns());
        String same = nullSafe("x", "s", m.table().valueColumns());
        String first = m.table().keyColumns().get(0);
        String tc = m.timeColumn();
        if (!tc.equals("0") && queryLong("SELECT count(*) FROM " + t + " x, (SELECT min(" + tc + ") lo, max(" + tc
                + ") hi FROM " + stage + ") r WHERE x." + first + " IN (SELECT DISTINCT " + first + " FROM " + stage
                + ") AND x." + tc + " BETWEEN r.lo AND r.hi") == 0) {
            // nothing stored for these symbols in this time range: every staged row is new, skip the anti-join
            c.inserted += update("INSERT INTO " + t + " SELECT * FROM " + stage);
            return;
        }
        long[] pc = queryLongs("SELECT count(*) FILTER (WHERE " + same + "), count(*) FILTER (WHERE NOT (" + same
                + ")) FROM " + stage + " s JOIN " + t + " x ON " + key);
        if (pc[1] > 0) {
            String stored = text("x", m.table().valueColumns());
            String incoming = text("s", m.table().valueColumns());
            String symbolCol = m.table().keyColumns().get(0);
            update("INSERT INTO conflicts SELECT '" + t + "', s." + symbolCol + ", " + m.marketExpr() + ", NULL, s."
                    + m.timeColumn() + ", " + stored + ", " + incoming + ", ? FROM " + stage + " s JOIN " + t + " x ON "
                    + key + " WHERE NOT (" + same + ") AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE k.table_name = '"
                    + t + "' AND k.symbol = s." + symbolCol + " AND k.time_ms = s." + m.timeColumn() + " AND k.stored = "
                    + stored + " AND k.incoming = " + incoming + " AND k.source_file = ?)", source, source);
            int want = examplesWanted - c.examples.size();
            if (want > 0) {
                try (PreparedStatement ps = conn.prepareStatement("SELECT s." + symbolCol + ", s." + m.timeColumn() + ", "
                        + stored + ", " + incoming + " FROM " + stage + " s JOIN " + t + " x ON " + key + " WHERE NOT ("
                        + same + ") ORDER BY 2 LIMIT " + want); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        c.examples.add(t + " " + rs.getString(1) + " " + Instant.ofEpochMilli(rs.getLong(2)) + ": stored "
                                + rs.getString(3) + ", incoming " + rs.getString(4) + " (stored kept)");
                    }
                }
            }
        }
        long inserted = update("INSERT INTO " + t + " SELECT s.* FROM " + stage + " s WHERE NOT EXISTS (SELECT 1 FROM "
                + t + " x WHERE " + key + ")");
        if (inserted + pc[0] + pc[1] != staged) {
            throw new IllegalStateException(source + ": " + t + ": " + staged + " rows staged but " + inserted
                    + " inserted + " + pc[0] + " present + " + pc[1] + " conflicting (a key repeated inside the source?)");
        }
        c.inserted += inserted;
        c.present += pc[0];
        c.conflicts += pc[1];
    }

    // ------------------------------------------------------------------------------------------- reading

    BookDepthSeries bookDepth(Symbol symbol, long from, long to) throws SQLException {
        try (PreparedStatement ps = prepare("SELECT time_ms, percentage, depth, notional FROM book_depth WHERE symbol = ?"
                + " AND time_ms >= ? AND time_ms < ? ORDER BY time_ms, percentage", symbol.name(), from, to);
                ResultSet rs = ps.executeQuery()) {
            Columns c = new Columns(1, 3);
            while (rs.next()) {
                c.add(rs, 1, 3);
            }
            return new BookDepthSeries(symbol, c.longs(0), c.doubles(0), c.doubles(1), c.doubles(2));
        }
    }

    BookTickerSeries bookTicker(Symbol symbol, Market market, long from, long to) throws SQLException {
        try (PreparedStatement ps = prepare("SELECT event_time_ms, transaction_time_ms, update_id, bid, bid_qty, ask,"
                + " ask_qty FROM book_ticker WHERE symbol = ? AND market = ? AND event_time_ms >= ? AND event_time_ms < ?"
                + " ORDER BY event_time_ms, update_id", symbol.name(), market.code(), from, to);
                ResultSet rs = ps.executeQuery()) {
            Columns c = new Columns(3, 4);
            while (rs.next()) {
                c.add(rs, 3, 4);
            }
            return new BookTickerSeries(symbol, market, c.longs(0), c.longs(1), c.longs(2), c.doubles(0), c.doubles(1),
                    c.doubles(2), c.doubles(3));
        }
    }

    LiquidationSeries liquidations(Symbol symbol, long from, long to) throws SQLException {
        try (PreparedStatement ps = prepare("SELECT start_ms, end_ms, CASE side WHEN 'LONG' THEN 0 ELSE 1 END, quantity,"
                + " price, avg_price, notional_usd FROM liquidations WHERE symbol = ? AND end_ms >= ? AND start_ms < ?"
                + " ORDER BY end_ms, start_ms", symbol.name(), from, to); ResultSet rs = ps.executeQuery()) {
            Columns c = new Columns(3, 4);
            while (rs.next()) {
                c.add(rs, 3, 4);
            }
            long[] sides = c.longs(2);
            byte[] side = new byte[sides.length];
            for (int i = 0; i < side.length; i++) {
                side[i] = (byte) (sides[i] == 0 ? LiquidationSide.LONG.ordinal() : LiquidationSide.SHORT.ordinal());
            }
            return new LiquidationSeries(symbol, c.longs(0), c.longs(1), side, c.doubles(0), c.doubles(1), c.doubles(2),
                    c.doubles(3));
        }
    }

    /** The union of the symbol's own and the all-market coverage spans, merged. */
    LiquidationCoverage liquidationCoverage(Symbol symbol) throws SQLException {
        try (PreparedStatement ps = prepare("SELECT from_ms, to_ms FROM liquidation_coverage WHERE scope = ? OR scope = ?"
                + " ORDER BY from_ms", symbol.name(), ALL_SYMBOLS); ResultSet rs = ps.executeQuery()) {
            Columns c = new Columns(2, 0);
            while (rs.next()) {
                c.add(rs, 2, 0);
            }
            return LiquidationCoverage.merge(symbol, c.longs(0), c.longs(1));
        }
    }

    FundingInfo fundingInfo(Symbol symbol) throws SQLException {
        try (PreparedStatement ps = prepare("SELECT cap_rate, floor_rate, interval_hours FROM funding_info WHERE symbol = ?",
                symbol.name()); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new FundingInfo(symbol, rs.getDouble(1), rs.getDouble(2), rs.getInt(3)) : null;
        }
    }

    /** Growable primitive columns read from a result set: the first {@code nl} columns long, then {@code nd} doubles. */
    private static final class Columns {
        private final long[][] l;
        private final double[][] d;
        private int n;

        Columns(int nl, int nd) {
            l = new long[nl][256];
            d = new double[nd][256];
        }

        void add(ResultSet rs, int nl, int nd) throws SQLException {
            if (n == (l.length > 0 ? l[0].length : d[0].length)) {
                for (int k = 0; k < l.length; k++) {
                    l[k] = Arrays.copyOf(l[k], n * 2);
                }
                for (int k = 0; k < d.length; k++) {
                    d[k] = Arrays.copyOf(d[k], n * 2);
                }
            }
            for (int k = 0; k < nl; k++) {
                l[k][n] = rs.getLong(k + 1);
            }
            for (int k = 0; k < nd; k++) {
                double v = rs.getDouble(nl + k + 1);
                d[k][n] = rs.wasNull() ? Double.NaN : v;
            }
            n++;
        }

        long[] longs(int k) {
            return Arrays.copyOf(l[k], n);
        }

        double[] doubles(int k) {
            return Arrays.copyOf(d[k], n);
        }
    }

    // ------------------------------------------------------------------------------------------- plumbing

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Long x) {
                ps.setLong(i + 1, x);
            } else if (p instanceof String x) {
                ps.setString(i + 1, x);
            } else {
                ps.close();
                throw new IllegalArgumentException("unsupported parameter " + p);
            }
        }
        return ps;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    private long update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeLargeUpdate();
        }
    }

    private long queryLong(String sql) throws SQLException {
        return queryLongs(sql)[0];
    }

    private long[] queryLongs(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] out = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }
}
