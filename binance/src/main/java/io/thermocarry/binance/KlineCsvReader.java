package io.thermocarry.binance;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The hot loop for kline CSV layouts: one pass, one row at a time, primitive columns. */
final class KlineCsvReader {

    /**
     * Where a layout keeps its values (physical column indexes, -1 when absent).
     *
     * @param dateTime true when times are ISO text with an offset, false for epoch ms/µs numbers
     * @param closeTime column of the bar's close time (open + interval − 1 ms), used to infer or check
     *     the interval, or -1
     */
    record Columns(List<String> names, int time, boolean dateTime, int open, int high, int low, int close, int volume,
            int closeTime) {
    }

    static final Columns ARCHIVE = new Columns(CsvLayout.ARCHIVE_KLINES.columns(), 0, false, 1, 2, 3, 4, 5, 6);
    static final Columns FREQTRADE = new Columns(CsvLayout.FREQTRADE.columns(), 0, false, 2, 3, 4, 5, 6, -1);
    static final Columns EMANUELGOLDMAN =
            new Columns(CsvLayout.EMANUELGOLDMAN.columns(), 0, true, 1, 2, 3, 4, 5, 6);
    static final Columns TJF = new Columns(CsvLayout.TJF.columns(), 0, false, 2, 3, 4, 5, 6, -1);

    private KlineCsvReader() {
    }

    /**
     * Reads rows from the cursor's current line on (when {@code currentIsData}) or from the next one.
     *
     * @param interval the interval from options or path, or null to infer it from the first row's close time
     * @param intervalFrom where {@code interval} came from, for messages
     * @return the series, or null when no row was kept or the file was faulted
     */
    static BarSeries read(CsvCursor cur, boolean currentIsData, Columns cols, Problems problems, Symbol symbol,
            Market market, BarInterval interval, String intervalFrom) throws IOException {
        if (interval == null && cols.closeTime < 0) {
            problems.fileFault("interval unknown: pass --interval (or use a path like klines/<interval>/<market>/"
                    + symbol + ".csv.gz or an archive name " + symbol + "-1h-2024-01.zip)");
            return null;
        }
        int expected = cols.names.size();
        Row row = new Row(cur, cols);
        BarCollector bars = new BarCollector(problems, market);
        if (interval != null) {
            bars.grid(interval);
        }
        EpochUnit unit = new EpochUnit();
        Ascii ascii = cur.ascii;
        boolean intervalChecked = false;
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
            long t = time(cur, cols.time, cols.dateTime, unit, row, BarCollector.TIME, problems, ln);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            double o = cur.number(cols.open);
            if (!ascii.ok) {
                problems.reject(ln, notNumber(row, BarCollector.OPEN));
                continue;
            }
            double h = cur.number(cols.high);
            if (!ascii.ok) {
                problems.reject(ln, notNumber(row, BarCollector.HIGH));
                continue;
            }
            double l = cur.number(cols.low);
            if (!ascii.ok) {
                problems.reject(ln, notNumber(row, BarCollector.LOW));
                continue;
            }
            double c = cur.number(cols.close);
            if (!ascii.ok) {
                problems.reject(ln, notNumber(row, BarCollector.CLOSE));
                continue;
            }
            double v = cur.number(cols.volume);
            if (!ascii.ok) {
                problems.reject(ln, notNumber(row, BarCollector.VOLUME));
                continue;
            }
            if (!intervalChecked && cols.closeTime >= 0) {
                long ct = time(cur, cols.closeTime, cols.dateTime, unit, row, Row.CLOSE_TIME, problems, ln);
                if (ct == Long.MIN_VALUE) {
                    continue;
                }
                intervalChecked = true;
                long span = ct - t + 1;
                BarInterval implied = byMillis(span);
                if (interval == null && implied == null) {
                    problems.fileFault("interval unknown: " + cols.names.get(cols.closeTime) + " − "
                            + cols.names.get(cols.time) + " + 1 ms at line " + ln + " is " + Duration.ofMillis(span)
                            + ", no supported interval; pass --interval");
                    return null;
                }
                if (interval != null && implied != interval) {
                    problems.fileFault("interval " + interval.code() + " (" + intervalFrom + ") disagrees with line " + ln
                            + ": " + cols.names.get(cols.closeTime) + " − " + cols.names.get(cols.time) + " + 1 ms = "
                            + Duration.ofMillis(span));
                    return null;
                }
                interval = implied;
                bars.grid(interval);
            }
            bars.add(ln, t, o, h, l, c, v, row);
        }
        if (interval == null) {
            // No row carried a usable close time, so nothing was kept either.
            return null;
        }
        return bars.build(symbol, interval);
    }

    /** Epoch ms of a time column, or {@link Long#MIN_VALUE} after rejecting the row. */
    static long time(CsvCursor cur, int col, boolean dateTime, EpochUnit unit, RowText row, int field,
            Problems problems, long ln) {
        Ascii ascii = cur.ascii;
        if (dateTime) {
            long t = cur.dateTime(col);
            if (!ascii.ok) {
                problems.reject(ln, row.name(field) + " '" + row.text(field) + "' is not a date-time (yyyy-MM-dd HH:mm:ss±hh:mm)");
                return Long.MIN_VALUE;
            }
            if (!ascii.hadZone) {
                problems.reject(ln, row.name(field) + " '" + row.text(field) + "' has no UTC offset: local time is ambiguous");
                return Long.MIN_VALUE;
            }
            return t;
        }
        long raw = cur.integer(col);
        if (!ascii.ok) {
            problems.reject(ln, row.name(field) + " '" + row.text(field) + "' is not a whole number (epoch ms or µs)");
            return Long.MIN_VALUE;
        }
        long t = unit.toMillis(raw, row, field);
        if (t == Long.MIN_VALUE) {
            problems.reject(ln, unit.reason);
        }
        return t;
    }

    static String notNumber(RowText row, int field) {
        return row.name(field) + " '" + row.text(field) + "' is not a number";
    }

    static BarInterval byMillis(long ms) {
        for (BarInterval i : BarInterval.values()) {
            if (i.millis() == ms) {
                return i;
            }
        }
        return null;
    }

    /** Maps the collector's logical fields to this layout's columns, for messages. */
    private static final class Row implements RowText {
        static final int CLOSE_TIME = 6;
        private final CsvCursor cur;
        private final int[] col;
        private final List<String> names;

        Row(CsvCursor cur, Columns c) {
            this.cur = cur;
            this.col = new int[] {c.time, c.open, c.high, c.low, c.close, c.volume, c.closeTime};
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
