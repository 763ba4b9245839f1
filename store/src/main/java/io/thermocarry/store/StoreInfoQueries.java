package io.thermocarry.store;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL behind {@link Store#info()}: gaps and interval changes by window functions ({@code LAG}). */
final class StoreInfoQueries {
    private StoreInfoQueries() {
    }

    /** {@code (VALUES ('1m', 60000), ...)}: interval codes to milliseconds, from the enum, so SQL needs no copy. */
    private static String intervalTable() {
        StringBuilder sb = new StringBuilder("(VALUES ");
        BarInterval[] all = BarInterval.values();
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "(" : ", (").append(Store.sqlString(all[i].code())).append(", ")
                    .append(all[i].millis()).append(")");
        }
        return sb.append(") AS iv(code, ms)").toString();
    }

    static StoreInfo info(Store store) throws SQLException {
        return new StoreInfo(series(store), funding(store), rejectedByFile(store), files(store, ""),
                store.queryLong("SELECT count(*) FROM conflicts"));
    }

    private static List<StoreInfo.SeriesInfo> series(Store store) throws SQLException {
        String sql = "WITH d AS (SELECT symbol, market, interval, open_time_ms, placeholder, open_time_ms"
                + " - lag(open_time_ms) OVER (PARTITION BY symbol, market, interval ORDER BY open_time_ms) AS step"
                + " FROM bars)"
                + " SELECT d.symbol, d.market, d.interval, min(d.open_time_ms), max(d.open_time_ms), count(*),"
                + " count(*) FILTER (WHERE d.step > iv.ms),"
                + " (max(d.open_time_ms) - min(d.open_time_ms)) // any_value(iv.ms) + 1 - count(*),"
                + " count(*) FILTER (WHERE d.placeholder)"
                + " FROM d JOIN " + intervalTable() + " ON iv.code = d.interval"
                + " GROUP BY d.symbol, d.market, d.interval ORDER BY d.symbol, d.market, d.interval";
        List<StoreInfo.SeriesInfo> out = new ArrayList<>();
        try (PreparedStatement ps = store.prepare(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoreInfo.SeriesInfo(new Symbol(rs.getString(1)), Market.parse(rs.getString(2)),
                        BarInterval.parse(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9)));
            }
        }
        return out;
    }

    /** Steps between settlements, with the interval in force across each (the larger of the two events'). */
    private static final String FUNDING_STEPS = "WITH d AS (SELECT symbol, time_ms, interval_ms,"
            + " time_ms - lag(time_ms) OVER w AS step, lag(interval_ms) OVER w AS prev_ms"
            + " FROM funding WINDOW w AS (PARTITION BY symbol ORDER BY time_ms)),"
            + " g AS (SELECT *, greatest(interval_ms, prev_ms) AS in_force FROM d)";

    private static List<StoreInfo.FundingInfo> funding(Store store) throws SQLException {
        Map<String, List<Duration>> intervals = new HashMap<>();
        try (PreparedStatement ps = store.prepare(
                "SELECT DISTINCT symbol, interval_ms FROM funding ORDER BY symbol, interval_ms");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                intervals.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(Duration.ofMillis(rs.getLong(2)));
            }
        }
        Map<String, List<Instant>> changes = new HashMap<>();
        try (PreparedStatement ps = store.prepare(FUNDING_STEPS + " SELECT symbol, time_ms FROM g"
                + " WHERE prev_ms <> interval_ms ORDER BY symbol, time_ms"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(Instant.ofEpochMilli(rs.getLong(2)));
            }
        }
        List<StoreInfo.FundingInfo> out = new ArrayList<>();
        try (PreparedStatement ps = store.prepare(FUNDING_STEPS + " SELECT symbol, min(time_ms), max(time_ms),"
                + " count(*), count(*) FILTER (WHERE step > 1.5 * in_force),"
                + " coalesce(sum(round(step / in_force) - 1) FILTER (WHERE step > 1.5 * in_force), 0)::BIGINT"
                + " FROM g GROUP BY symbol ORDER BY symbol"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String sym = rs.getString(1);
                out.add(new StoreInfo.FundingInfo(new Symbol(sym), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4), intervals.getOrDefault(sym, List.of()),
                        rs.getLong(5), rs.getLong(6), changes.getOrDefault(sym, List.of())));
            }
        }
        return out;
    }

    private static Map<String, Long> rejectedByFile(Store store) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = store.prepare(
                "SELECT file, count(*) FROM rejected_rows GROUP BY file ORDER BY file");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Rows of {@code ingested_files} matching {@code where} (may be empty), in ingestion order. */
    static List<IngestedFile> files(Store store, String where, Object... params) throws SQLException {
        List<IngestedFile> out = new ArrayList<>();
        try (PreparedStatement ps = store.prepare("SELECT path, sha256, series, policy, rows_read, rows_accepted,"
                + " rows_rejected, rows_already_present, conflicts, ingested_at_ms FROM ingested_files " + where
                + " ORDER BY ingested_at_ms, rowid", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String series = rs.getString(3);
                out.add(new IngestedFile(rs.getString(1), rs.getString(2),
                        series.isEmpty() ? List.of() : Arrays.asList(series.split(",")),
                        RejectPolicy.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), Instant.ofEpochMilli(rs.getLong(10))));
            }
        }
        return out;
    }
}
