package io.thermocarry.store;

import io.thermocarry.core.market.Symbol;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL behind {@link Store#coverage()}: parts by source file and gaps by window functions ({@code LAG}). */
final class CoverageQueries {
    private static final long HOUR_MS = 3_600_000L;

    private CoverageQueries() {
    }

    private record Key(String symbol, String series) {
    }

    private static final class Acc {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long rows;
        final List<SeriesCoverage.Part> parts = new ArrayList<>();
        final List<SeriesCoverage.Gap> gaps = new ArrayList<>();
    }

    static List<SeriesCoverage> coverage(Store store) throws SQLException {
        Map<Key, Acc> acc = new LinkedHashMap<>();
        String parts = "SELECT symbol, market, source_file, min(open_time_ms), max(open_time_ms), count(*) FROM bars"
                + " WHERE interval = '1h' AND market IN ('spot', 'perp') GROUP BY symbol, market, source_file"
                + " UNION ALL SELECT symbol, 'funding', source_file, min(time_ms), max(time_ms), count(*) FROM funding"
                + " GROUP BY symbol, source_file ORDER BY 1, 2, 4";
        try (PreparedStatement ps = store.prepare(parts); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Acc a = acc.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new Acc());
                long f = rs.getLong(4);
                long l = rs.getLong(5);
                long n = rs.getLong(6);
                a.parts.add(new SeriesCoverage.Part(rs.getString(3), Instant.ofEpochMilli(f), Instant.ofEpochMilli(l), n));
                a.first = Math.min(a.first, f);
                a.last = Math.max(a.last, l);
                a.rows += n;
            }
        }
        String barGaps = "WITH d AS (SELECT symbol, market, open_time_ms AS t, lag(open_time_ms) OVER"
                + " (PARTITION BY symbol, market ORDER BY open_time_ms) AS p FROM bars WHERE interval = '1h'"
                + " AND market IN ('spot', 'perp')) SELECT symbol, market, p, t, (t - p) // " + HOUR_MS + " - 1 FROM d"
                + " WHERE t - p > " + HOUR_MS + " ORDER BY symbol, market, t";
        try (PreparedStatement ps = store.prepare(barGaps); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Acc a = acc.get(new Key(rs.getString(1), rs.getString(2)));
                if (a != null) {
                    a.gaps.add(new SeriesCoverage.Gap(Instant.ofEpochMilli(rs.getLong(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5)));
                }
            }
        }
        String fundingGaps = "WITH d AS (SELECT symbol, time_ms AS t, lag(time_ms) OVER w AS p,"
                + " greatest(interval_ms, lag(interval_ms) OVER w) AS iv FROM funding"
                + " WINDOW w AS (PARTITION BY symbol ORDER BY time_ms))"
                + " SELECT symbol, p, t, round((t - p) / iv)::BIGINT - 1 FROM d WHERE t - p > 1.5 * iv"
                + " ORDER BY symbol, t";
        try (PreparedStatement ps = store.prepare(fundingGaps); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Acc a = acc.get(new Key(rs.getString(1), "funding"));
                if (a != null) {
                    a.gaps.add(new SeriesCoverage.Gap(Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4)));
                }
            }
        }
        List<SeriesCoverage> out = new ArrayList<>();
        for (Map.Entry<Key, Acc> e : acc.entrySet()) {
            Acc a = e.getValue();
            out.add(new SeriesCoverage(new Symbol(e.getKey().symbol()), e.getKey().series(), Instant.ofEpochMilli(a.first),
                    Instant.ofEpochMilli(a.last), a.rows, a.parts, a.gaps));
        }
        return out;
    }
}
