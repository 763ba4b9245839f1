package io.thermocarry.binance;

import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.util.List;

/** Reads the funding CSV layouts: single-symbol files and the zushen168 multi-symbol file. */
final class FundingCsvReader {

    /**
     * Where a funding layout keeps its values (physical column indexes, -1 when absent).
     *
     * @param intervalHours column of the interval in hours, or -1 to derive it from the spacing
     * @param mustBeZero columns that must hold 0 (freqtrade funding: only {@code open} is the rate)
     */
    record Columns(List<String> names, int symbol, int time, boolean dateTime, int rate, int intervalHours, int mark,
            int predicted, int[] mustBeZero) {
    }

    static final Columns ARCHIVE = new Columns(CsvLayout.ARCHIVE_FUNDING.columns(), -1, 0, false, 2, 1, -1, -1,
            new int[0]);
    static final Columns FREQTRADE = new Columns(CsvLayout.FREQTRADE.columns(), -1, 0, false, 2, -1, -1, -1,
            new int[] {3, 4, 5, 6});
    static final Columns ZUSHEN = new Columns(CsvLayout.ZUSHEN.columns(), 0, 1, false, 3, 4, 5, 7, new int[0]);
    static final Columns ELVISTV = new Columns(CsvLayout.ELVISTV.columns(), -1, 0, true, 1, -1, 2, -1, new int[0]);

    private FundingCsvReader() {
    }

    /**
     * Reads rows from the cursor's current line on (when {@code currentIsData}) or from the next one.
     *
     * @param symbol the file's symbol for single-symbol layouts; for multi-symbol layouts a filter
     *     (rows of other symbols are skipped with one warning per symbol), or null for all
     */
    static List<FundingSeries> read(CsvCursor cur, boolean currentIsData, Columns cols, Problems problems,
            Symbol symbol) throws IOException {
        int expected = cols.names.size();
        Row row = new Row(cur, cols);
        Ascii ascii = cur.ascii;
        EpochUnit unit = new EpochUnit();
        FundingSink sink = new FundingSink(problems, symbol);
        FundingCollector single = cols.symbol < 0 ? sink.single() : null;
        byte[] lastSymbol = new byte[32];
        int lastSymbolLen = -1;
        FundingCollector lastCollector = null;
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
            FundingCollector into = single;
            if (into == null) {
                if (lastSymbolLen >= 0 && cur.fieldEquals(cols.symbol, lastSymbol, lastSymbolLen)) {
                    into = lastCollector;
                } else {
                    into = sink.forSymbol(cur.text(cols.symbol), cols.names.get(cols.symbol), ln);
                    // Only a usable symbol is cached: skipped and invalid ones must be counted row by row.
                    if (into != null) {
                        lastSymbol = cur.copyField(cols.symbol, lastSymbol);
                        lastSymbolLen = cur.fieldLength(cols.symbol);
                        lastCollector = into;
                    } else {
                        lastSymbolLen = -1;
                    }
                }
                if (into == null) {
                    continue;
                }
            }
            if (cols.predicted >= 0) {
                if (cur.fieldEqualsIgnoreCase(cols.predicted, "true") || cur.fieldEqualsIgnoreCase(cols.predicted, "1")) {
                    problems.warn(ln, cols.names.get(cols.predicted) + " '" + cur.text(cols.predicted)
                            + "': a predicted rate, not a settlement; skipped");
                    continue;
                }
                if (!cur.fieldEqualsIgnoreCase(cols.predicted, "false") && !cur.fieldEqualsIgnoreCase(cols.predicted, "0")) {
                    problems.reject(ln, cols.names.get(cols.predicted) + " '" + cur.text(cols.predicted)
                            + "' is not true or false");
                    continue;
                }
            }
            long t = KlineCsvReader.time(cur, cols.time, cols.dateTime, unit, row, FundingCollector.TIME, problems, ln);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            double r = cur.number(cols.rate);
            if (!ascii.ok) {
                problems.reject(ln, KlineCsvReader.notNumber(row, FundingCollector.RATE));
                continue;
            }
            long intervalMs = 0;
            if (cols.intervalHours >= 0) {
                double hours = cur.number(cols.intervalHours);
                if (!ascii.ok) {
                    problems.reject(ln, KlineCsvReader.notNumber(row, FundingCollector.INTERVAL));
                    continue;
                }
                intervalMs = hours > 0 && hours <= 24 * 7 ? Math.round(hours * FundingCollector.HOUR_MS) : -1;
            }
            double mark = Double.NaN;
            if (cols.mark >= 0 && !cur.isEmpty(cols.mark)) {
                mark = cur.number(cols.mark);
                if (!ascii.ok) {
                    problems.reject(ln, KlineCsvReader.notNumber(row, FundingCollector.MARK));
                    continue;
                }
            }
            if (!zeros(cur, cols, problems, ln)) {
                continue;
            }
            into.add(ln, t, r, intervalMs, mark, row);
        }
        return sink.build();
    }

    private static boolean zeros(CsvCursor cur, Columns cols, Problems problems, long ln) {
        for (int c : cols.mustBeZero) {
            double z = cur.number(c);
            if (!cur.ascii.ok || z != 0) {
                problems.reject(ln, cols.names.get(c) + " '" + cur.text(c) + "' is not 0: in a freqtrade funding file only "
                        + cols.names.get(cols.rate) + " carries the rate (is this a klines file under funding/?)");
                return false;
            }
        }
        return true;
    }

    /** Maps the collector's logical fields to this layout's columns, for messages. */
    private static final class Row implements RowText {
        private final CsvCursor cur;
        private final int[] col;
        private final List<String> names;

        Row(CsvCursor cur, Columns c) {
            this.cur = cur;
            this.col = new int[] {c.time, c.rate, c.intervalHours, c.mark};
            this.names = c.names;
        }

        @Override
        public String name(int field) {
            return names.get(col[field]);
        }

        @Override
        public String text(int field) {
            return cur.text(col[field]);
        }
    }
}
