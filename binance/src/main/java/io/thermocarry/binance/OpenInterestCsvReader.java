package io.thermocarry.binance;

import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads open interest from Binance's daily {@code metrics} archive CSV ({@code create_time,symbol,
 * sum_open_interest,sum_open_interest_value,...}); {@code create_time} is {@code yyyy-MM-dd HH:mm:ss} in UTC (Binance
 * writes no zone). The long/short ratio columns are not read. Rows of another symbol than the file's are skipped
 * with one warning per symbol.
 */
final class OpenInterestCsvReader {
    private static final int TIME = 0;
    private static final int SYMBOL = 1;
    private static final int OI = 2;
    private static final int VALUE = 3;

    private OpenInterestCsvReader() {
    }

    /** Reads rows from the cursor's current line on (when {@code currentIsData}) or from the next one. */
    static List<OpenInterestSeries> read(CsvCursor cur, boolean currentIsData, Problems problems, Symbol symbol)
            throws IOException {
        List<String> names = CsvLayout.ARCHIVE_METRICS.columns();
        int expected = names.size();
        Ascii ascii = cur.ascii;
        OpenInterestCollector into = new OpenInterestCollector(problems);
        Map<String, long[]> skipped = new TreeMap<>();
        RowText row = new RowText() {
            private final int[] col = {TIME, OI, VALUE};

            @Override
            public String name(int field) {
                return names.get(col[field]);
            }

            @Override
            public String text(int field) {
                return cur.text(col[field]);
            }
        };
        boolean pending = currentIsData;
        while (pending || cur.next()) {
            pending = false;
            if (cur.isBlank()) {
                continue;
            }
            long ln = cur.lineNumber();
            if (cur.fields() != expected) {
                problems.reject(ln, "expected " + expected + " columns, found " + cur.fields());
                continue;
            }
            if (!cur.fieldEqualsIgnoreCase(SYMBOL, symbol.name())) {
                long[] k = skipped.computeIfAbsent(cur.text(SYMBOL), x -> new long[] {ln, 0});
                k[1]++;
                continue;
            }
            long t = cur.dateTime(TIME);
            if (!ascii.ok) {
                problems.reject(ln, names.get(TIME) + " '" + cur.text(TIME) + "' is not a date-time (yyyy-MM-dd HH:mm:ss)");
                continue;
            }
            double oi = cur.number(OI);
            if (!ascii.ok) {
                problems.reject(ln, KlineCsvReader.notNumber(row, OpenInterestCollector.OPEN_INTEREST));
                continue;
            }
            double value = Double.NaN;
            if (!cur.isEmpty(VALUE)) {
                value = cur.number(VALUE);
                if (!ascii.ok) {
                    problems.reject(ln, KlineCsvReader.notNumber(row, OpenInterestCollector.VALUE));
                    continue;
                }
            }
            into.add(ln, t, oi, value, row);
        }
        for (Map.Entry<String, long[]> e : skipped.entrySet()) {
            problems.warn(e.getValue()[0], e.getValue()[1] + " row" + (e.getValue()[1] > 1 ? "s" : "") + " of '"
                    + e.getKey() + "' skipped (first here): the file is " + symbol + "'s");
        }
        List<OpenInterestSeries> out = new ArrayList<>();
        OpenInterestSeries s = into.build(symbol);
        if (s != null) {
            out.add(s);
        }
        return out;
    }
}
