package io.thermocarry.binance;

import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSide;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The microstructure CSV layouts (SPEC §8): Binance's {@code bookDepth}, {@code bookTicker} and
 * {@code liquidationSnapshot} archives, {@code openInterestHist} saved as CSV, and the public collections
 * of {@code ../shared/data/binance/micro} (Coinalyze daily open interest and liquidations, a polled open
 * interest log, {@code forceOrder} logs). Rows go to a {@link MicroSink}; its ordering rule applies (sorted by
 * time with a warning, exact repeats dropped with a warning, a key repeated with other values rejected).
 *
 * (The {@code metrics} archive is read by {@code OpenInterestCsvReader}.)
 *
 * <p>Times. Text times without a zone are UTC for Binance archives ({@code bookDepth}); the
 * polled open interest log has none and is read as IST (UTC+05:30), the recorder's zone, with a warning saying
 * so; the {@code forceOrder} log carries explicit {@code +05:30} offsets. Epoch times are ms or µs, fixed per
 * column by its first row. A daily aggregate (Coinalyze) covers {@code [day, day + 1 d)} and is available at the
 * end of its day.
 *
 * <p>Liquidation coverage. Recordings of the {@code forceOrder} streams say nothing about when the recorder
 * was off; a gap of more than {@link #SESSION_GAP_MS} between consecutive rows ends a recording session, and
 * the sessions {@code [first row, last row]} are the coverage (all USD-M symbols for the all-market recorder,
 * the file's symbol for single-symbol logs). A dated {@code liquidationSnapshot} archive covers its whole day;
 * a Coinalyze file covers the days it lists.
 */
final class MicroCsvReader {
    /** Longest silence inside one recording session of a liquidation stream (15 min). */
    static final long SESSION_GAP_MS = 15 * 60_000L;
    private static final long DAY_MS = 86_400_000L;
    /** IST, the zone of the polled open interest log (SOURCES.md: sibling files of the recorder use it). */
    private static final long IST_OFFSET_MS = (5 * 60 + 30) * 60_000L;

    private MicroCsvReader() {
    }

    private static boolean nextData(CsvCursor cur, boolean[] pending) throws IOException {
        while (pending[0] || cur.next()) {
            pending[0] = false;
            if (!cur.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean columns(CsvCursor cur, Problems p, int expected) {
        if (cur.fields() != expected) {
            p.reject(cur.lineNumber(), "expected " + expected + " columns, found " + cur.fields());
            return false;
        }
        return true;
    }

    /** Field f as a finite number ({@code >= 0} when {@code nonNegative}), else NaN after rejecting the row. */
    private static double number(CsvCursor cur, Problems p, int f, String name, boolean nonNegative) {
        double v = cur.number(f);
        if (!cur.ascii.ok) {
            p.reject(cur.lineNumber(), name + " '" + cur.text(f) + "' is not a number");
            return Double.NaN;
        }
        if (!Double.isFinite(v)) {
            p.reject(cur.lineNumber(), name + " '" + cur.text(f) + "' is not finite");
            return Double.NaN;
        }
        if (nonNegative && v < 0) {
            p.reject(cur.lineNumber(), name + " '" + cur.text(f) + "' is negative");
            return Double.NaN;
        }
        return v;
    }

    private static long epoch(CsvCursor cur, Problems p, int f, String name, EpochUnit unit) {
        long raw = cur.integer(f);
        if (!cur.ascii.ok) {
            p.reject(cur.lineNumber(), name + " '" + cur.text(f) + "' is not a whole number (epoch ms or µs)");
            return Long.MIN_VALUE;
        }
        String[] text = {name, cur.text(f)};
        long t = unit.toMillis(raw, new RowText() {
            @Override
            public String name(int field) {
                return text[0];
            }

            @Override
            public String text(int field) {
                return text[1];
            }
        }, 0);
        if (t == Long.MIN_VALUE) {
            p.reject(cur.lineNumber(), unit.reason);
        }
        return t;
    }

    /** A text time; {@code needZone}: an offset must be present. */
    private static long text(CsvCursor cur, Problems p, int f, String name, boolean needZone) {
        long t = cur.dateTime(f);
        if (!cur.ascii.ok) {
            p.reject(cur.lineNumber(), name + " '" + cur.text(f) + "' is not a time (YYYY-MM-DD hh:mm:ss)");
            return Long.MIN_VALUE;
        }
        if (needZone && !cur.ascii.hadZone) {
            p.reject(cur.lineNumber(), name + " '" + cur.text(f) + "' has no UTC offset");
            return Long.MIN_VALUE;
        }
        return t;
    }

    private static Symbol rowSymbol(CsvCursor cur, Problems p, int f, String name, Symbol filter,
            Map<String, long[]> skipped) {
        String s = cur.text(f).trim();
        Symbol sym;
        try {
            sym = Symbol.of(s);
        } catch (IllegalArgumentException e) {
            p.reject(cur.lineNumber(), name + " '" + s + "' is not a Binance symbol");
            return null;
        }
        if (filter != null && !filter.equals(sym)) {
            long[] k = skipped.computeIfAbsent(sym.name(), x -> new long[] {cur.lineNumber(), 0});
            k[1]++;
            return null;
        }
        return sym;
    }

    private static void reportSkipped(Problems p, Map<String, long[]> skipped, Symbol filter) {
        for (Map.Entry<String, long[]> e : skipped.entrySet()) {
            p.warn(e.getValue()[0], e.getValue()[1] + " row" + (e.getValue()[1] > 1 ? "s" : "") + " of " + e.getKey()
                    + " skipped (first here): the read was limited to " + filter);
        }
    }

    // ------------------------------------------------------------------------------------------ book depth

    /** {@code timestamp,percentage,depth,notional}: text UTC times; {@code -5} and {@code -5.00} are one band. */
    static void bookDepth(CsvCursor cur, Context ctx, MicroSink sink) throws IOException {
        Symbol symbol = ctx.symbol();
        if (symbol == null) {
            return;
        }
        Problems p = ctx.problems;
        boolean[] pending = {false};
        while (nextData(cur, pending)) {
            if (!columns(cur, p, 4)) {
                continue;
            }
            long t = text(cur, p, 0, "timestamp", false);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            double band = number(cur, p, 1, "percentage", false);
            if (Double.isNaN(band)) {
                continue;
            }
            if (band == 0 || Math.abs(band) > 100) {
                p.reject(cur.lineNumber(), "percentage '" + cur.text(1) + "' is not a band in (-100, 0) or (0, 100] %");
                continue;
            }
            double depth = number(cur, p, 2, "depth", true);
            double notional = Double.isNaN(depth) ? Double.NaN : number(cur, p, 3, "notional", true);
            if (Double.isNaN(notional)) {
                continue;
            }
            sink.depth(cur.lineNumber(), symbol, t, band, depth, notional);
        }
    }

    // ----------------------------------------------------------------------------------------- book ticker

    /** {@code update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time}. */
    static void bookTicker(CsvCursor cur, Context ctx, MicroSink sink) throws IOException {
        Symbol symbol = ctx.symbol();
        if (symbol == null) {
            return;
        }
        Market market = ctx.options.market() != null ? ctx.options.market() : MicroPath.of(ctx.source).tickerMarket();
        if (market != Market.SPOT && market != Market.PERP) {
            ctx.problems.fileFault("book tickers are spot or perp, not " + market.code());
            return;
        }
        Problems p = ctx.problems;
        EpochUnit txUnit = new EpochUnit();
        EpochUnit evUnit = new EpochUnit();
        boolean[] pending = {false};
        while (nextData(cur, pending)) {
            if (!columns(cur, p, 7)) {
                continue;
            }
            long id = cur.integer(0);
            if (!cur.ascii.ok || id < 0) {
                p.reject(cur.lineNumber(), "update_id '" + cur.text(0) + "' is not a whole number");
                continue;
            }
            double bid = number(cur, p, 1, "best_bid_price", true);
            double bq = Double.isNaN(bid) ? Double.NaN : number(cur, p, 2, "best_bid_qty", true);
            double ask = Double.isNaN(bq) ? Double.NaN : number(cur, p, 3, "best_ask_price", true);
            double aq = Double.isNaN(ask) ? Double.NaN : number(cur, p, 4, "best_ask_qty", true);
            if (Double.isNaN(aq)) {
                continue;
            }
            if (!(bid > 0) || !(ask > 0)) {
                p.reject(cur.lineNumber(), "best_bid_price '" + cur.text(1) + "' / best_ask_price '" + cur.text(3)
                        + "': prices must be > 0");
                continue;
            }
            if (bid > ask) {
                p.reject(cur.lineNumber(), "crossed book: best_bid_price " + cur.text(1) + " > best_ask_price "
                        + cur.text(3));
                continue;
            }
            long tx = epoch(cur, p, 5, "transaction_time", txUnit);
            if (tx == Long.MIN_VALUE) {
                continue;
            }
            long ev = epoch(cur, p, 6, "event_time", evUnit);
            if (ev == Long.MIN_VALUE) {
                continue;
            }
            sink.ticker(cur.lineNumber(), symbol, market, ev, tx, id, bid, bq, ask, aq);
        }
    }

    // ----------------------------------------------------------------------------------------- open interest

    /** {@code timestamp,symbol,sum_open_interest,sum_open_interest_value} with epoch times (openInterestHist). */
    static void openInterestHist(CsvCursor cur, Context ctx, MicroSink sink) throws IOException {
        Problems p = ctx.problems;
        Map<String, long[]> skipped = new TreeMap<>();
        Symbol filter = ctx.options.symbol();
        EpochUnit unit = new EpochUnit();
        boolean[] pending = {false};
        while (nextData(cur, pending)) {
            if (!columns(cur, p, 4)) {
                continue;
            }
            long t = epoch(cur, p, 0, "timestamp", unit);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            Symbol s = rowSymbol(cur, p, 1, "symbol", filter, skipped);
            if (s == null) {
                continue;
            }
            double base = number(cur, p, 2, "sum_open_interest", true);
            double value = Double.isNaN(base) ? Double.NaN : number(cur, p, 3, "sum_open_interest_value", true);
            if (Double.isNaN(value)) {
                continue;
            }
            sink.openInterest(cur.lineNumber(), s, t, base, value);
        }
        reportSkipped(p, skipped, filter);
    }

    /** {@code Datetime,Open Interest}: local IST text times (stated by a warning), base-asset amounts. */
    static void polledOpenInterest(CsvCursor cur, Context ctx, MicroSink sink) throws IOException {
        Symbol symbol = ctx.symbol();
        if (symbol == null) {
            return;
        }
        Problems p = ctx.problems;
        boolean warned = false;
        boolean[] pending = {false};
        while (nextData(cur, pending)) {
            if (!columns(cur, p, 2)) {
                continue;
            }
            long t = text(cur, p, 0, "Datetime", false);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            if (!cur.ascii.hadZone) {
                t -= IST_OFFSET_MS;
                if (!warned) {
                    warned = true;
                    p.warn(cur.lineNumber(), "Datetime '" + cur.text(0) + "' has no zone: read as IST (UTC+05:30), the"
                            + " zone of this recorder's sibling files (unverified)");
                }
            }
            double base = number(cur, p, 1, "Open Interest", true);
            if (Double.isNaN(base)) {
                continue;
            }
            sink.openInterest(cur.lineNumber(), symbol, t, base, Double.NaN);
        }
    }

    // ------------------------------------------------------------------------------------------- Coinalyze

    /**
     * A Coinalyze export (daily, UTC days, USD): open interest (column {@code <BASE>/USDT - Binance}, the day's
     * close, available at the day's end) or liquidations ({@code <BASE>/USDT - Binance_long|_short}, the day's
     * totals as aggregates over {@code [day, day + 1 d)}). Only the USD-M Binance column of the file's symbol is
     * read; other venues are ignored.
     */
    static void coinalyze(CsvCursor cur, Context ctx, MicroSink sink) throws IOException {
        Symbol symbol = ctx.symbol();
        if (symbol == null) {
            return;
        }
        Problems p = ctx.problems;
        String name = symbol.name();
        if (!name.endsWith("USDT")) {
            p.fileFault("Coinalyze export: symbol " + name + " is not a USDT-margined perpetual");
            return;
        }
        String column = name.substring(0, name.length() - 4) + "/USDT - Binance";
        int oi = -1;
        int longs = -1;
        int shorts = -1;
        int width = cur.fields();
        for (int f = 1; f < width; f++) {
            String h = cur.text(f).trim();
            if (h.equals(column)) {
                oi = f;
            } else if (h.equals(column + "_long")) {
                longs = f;
            } else if (h.equals(column + "_short")) {
                shorts = f;
            }
        }
        boolean liquidations = longs >= 0 && shorts >= 0;
        if (!liquidations && oi < 0) {
            p.fileFault("Coinalyze export without a '" + column + "' column (open interest) or '" + column
                    + "_long'/'_short' columns (liquidations): is this file for " + name + "?");
            return;
        }
        List<long[]> days = new ArrayList<>();
        boolean[] pending = {false};
        while (nextData(cur, pending)) {
            if (!columns(cur, p, width)) {
                continue;
            }
            long day = date(cur, p, 0, "t");
            if (day == Long.MIN_VALUE) {
                continue;
            }
            if (liquidations) {
                double l = number(cur, p, longs, column + "_long", true);
                double s = Double.isNaN(l) ? Double.NaN : number(cur, p, shorts, column + "_short", true);
                if (Double.isNaN(s)) {
                    continue;
                }
                sink.liquidation(cur.lineNumber(), symbol, day, day + DAY_MS, LiquidationSide.LONG, Double.NaN,
                        Double.NaN, Double.NaN, l);
                sink.liquidation(cur.lineNumber(), symbol, day, day + DAY_MS, LiquidationSide.SHORT, Double.NaN,
                        Double.NaN, Double.NaN, s);
                days.add(new long[] {day, day + DAY_MS});
            } else {
                double v = number(cur, p, oi, column, true);
                if (Double.isNaN(v)) {
                    continue;
                }
                sink.openInterest(cur.lineNumber(), symbol, day + DAY_MS, Double.NaN, v);
            }
        }
        if (liquidations && !days.isEmpty()) {
            long[] from = new long[days.size()];
            long[] to = new long[days.size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = days.get(i)[0];
                to[i] = days.get(i)[1];
            }
            sink.coverage(LiquidationCoverage.merge(symbol, from, to));
        }
    }

    private static long date(CsvCursor cur, Problems p, int f, String name) {
        String s = cur.text(f).trim();
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            try {
                int y = Integer.parseInt(s.substring(0, 4));
                int m = Integer.parseInt(s.substring(5, 7));
                int d = Integer.parseInt(s.substring(8, 10));
                if (m >= 1 && m <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, m).lengthOfMonth()) {
                    return Ascii.daysFromCivil(y, m, d) * DAY_MS;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        p.reject(cur.lineNumber(), name + " '" + s + "' is not a date (YYYY-MM-DD)");
        return Long.MIN_VALUE;
    }

    // ---------------------------------------------------------------------------------------- liquidations

    /** Rows of forced orders of one read, grouped for coverage. */
    private static final class Sessions {
        private final List<Long> times = new ArrayList<>();
        private final Map<Symbol, Boolean> symbols = new HashMap<>();

        void add(long t, Symbol s) {
            times.add(t);
            symbols.put(s, Boolean.TRUE);
        }

        void add(long t) {
            times.add(t);
        }

        /** Recording sessions split at gaps longer than {@link #SESSION_GAP_MS}. */
        LiquidationCoverage coverage(Symbol scope) {
            long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
            List<long[]> spans = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                if (spans.isEmpty() || t[i] - spans.get(spans.size() - 1)[1] > SESSION_GAP_MS) {
                    spans.add(new long[] {t[i], t[i]});
                } else {
                    spans.get(spans.size() - 1)[1] = t[i];
                }
            }
            long[] from = new long[spans.size()];
            long[] to = new long[spans.size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = spans.get(i)[0];
                to[i] = spans.get(i)[1] + 1;
            }
            return new LiquidationCoverage(scope, from, to);
        }
    }

    /**
     * The headerless all-market {@code !forceOrder@arr} recorder (SOURCES.md): symbol without its {@code USDT}
     * suffix ({@code BTC} = BTCUSDT; {@code ...USDC} pairs keep theirs), side, order type, time in force,
     * quantity, price, average price ({@code None} in some files: the order price stands in, with a warning),
     * status, last filled quantity, accumulated filled quantity, trade time (ms), the recorder's own USD size
     * (ignored: recomputed from Binance's fields). A 13th unnamed field, which some recorders appended, is
     * ignored with one warning.
     */
    static void forceOrderRecorder(CsvCursor cur, Context ctx, MicroSink sink) throws IOException {
        Problems p = ctx.problems;
        Symbol filter = ctx.options.symbol();
        Map<String, long[]> skipped = new TreeMap<>();
        Map<String, Symbol> symbols = new HashMap<>();
        EpochUnit unit = new EpochUnit();
        Sessions sessions = new Sessions();
        Map<String, long[]> nonAscii = new TreeMap<>();
        long extra = 0;
        long firstExtra = -1;
        long noAverage = 0;
        long firstNoAverage = -1;
        boolean[] pending = {true};
        while (nextData(cur, pending)) {
            long ln = cur.lineNumber();
            if (cur.fields() != 12 && cur.fields() != 13) {
                p.reject(ln, "expected 12 columns (13 with the recorder's extra field), found " + cur.fields());
                continue;
            }
            if (cur.fields() == 13) {
                if (extra++ == 0) {
                    firstExtra = ln;
                }
            }
            String raw = cur.text(0).trim();
            long t = epoch(cur, p, 10, "order_trade_time", unit);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            // every row, kept or not, shows that the all-market recorder was running
            sessions.add(t);
            Symbol s = symbols.get(raw);
            if (s == null) {
                if (!raw.matches("[A-Za-z0-9]+")) {
                    // delivery contracts (ETH_250627) are not perpetuals; Binance lists a few perpetuals with non-ASCII
                    // names (币安人生USDT), real but not a symbol the store can key: counted and reported, never lost
                    long[] k = nonAscii.computeIfAbsent(raw, x -> new long[] {ln, 0});
                    k[1]++;
                    continue;
                }
                String up = raw.toUpperCase(Locale.ROOT);
                String full = up.endsWith("USDC") || up.endsWith("USDT") ? up : up + "USDT";
                try {
                    s = Symbol.of(full);
                } catch (IllegalArgumentException e) {
                    p.reject(ln, "symbol '" + raw + "' is not a Binance symbol");
                    continue;
                }
                symbols.put(raw, s);
            }
            if (filter != null && !filter.equals(s)) {
                long[] k = skipped.computeIfAbsent(s.name(), x -> new long[] {ln, 0});
                k[1]++;
                continue;
            }
            if (!forcedOrder(cur, p, sink, s, t, 1, 5, 6, 9, "side", "price", "average_price",
                    "order_filled_accumulated_quantity")) {
                continue;
            }
            if (cur.fieldEqualsIgnoreCase(6, "None")) {
                if (noAverage++ == 0) {
                    firstNoAverage = ln;
                }
            }
        }
        if (extra > 0) {
            p.warn(firstExtra, extra + " row" + (extra > 1 ? "s" : "") + " with a 13th unnamed field (first here; the"
                    + " recorder changed mid-file): the field is ignored");
        }
        if (noAverage > 0) {
            p.warn(firstNoAverage, noAverage + " row" + (noAverage > 1 ? "s" : "") + " with average_price 'None'"
                    + " (first here): notional = filled quantity × order (bankruptcy) price");
        }
        reportSkipped(p, skipped, filter);
        for (Map.Entry<String, long[]> e : nonAscii.entrySet()) {
            String why = e.getKey().matches("[A-Za-z0-9]+_[0-9]{6}") ? "a delivery (quarterly) contract, not a perpetual"
                    : "not an ASCII symbol, which the store cannot key";
            p.warn(e.getValue()[0], e.getValue()[1] + " row" + (e.getValue()[1] > 1 ? "s" : "") + " of symbol '"
                    + e.getKey() + "' (first here): " + why + ": skipped");
            p.dropped(e.getValue()[1]);
        }
        if (!sessions.times.isEmpty()) {
            sink.coverage(sessions.coverage(null));
        }
    }

    /**
     * One forced order's fields at the given columns; false after rejecting the row. Notional = accumulated
     * filled quantity × average price, or × order price when the average is {@code None} or empty.
     */
    private static boolean forcedOrder(CsvCursor cur, Problems p, MicroSink sink, Symbol s, long t, int sideCol,
            int priceCol, int avgCol, int filledCol, String sideName, String priceName, String avgName,
            String filledName) {
        LiquidationSide side = LiquidationSide.ofOrderSide(cur.text(sideCol));
        if (side == null) {
            p.reject(cur.lineNumber(), sideName + " '" + cur.text(sideCol) + "' is not BUY or SELL");
            return false;
        }
        double price = number(cur, p, priceCol, priceName, true);
        if (Double.isNaN(price)) {
            return false;
        }
        double avg = Double.NaN;
        if (!cur.fieldEqualsIgnoreCase(avgCol, "None") && !cur.isEmpty(avgCol)) {
            avg = number(cur, p, avgCol, avgName, true);
            if (Double.isNaN(avg)) {
                return false;
            }
        }
        double filled = number(cur, p, filledCol, filledName, true);
        if (Double.isNaN(filled)) {
            return false;
        }
        double notional = filled * (avg > 0 ? avg : price);
        sink.liquidation(cur.lineNumber(), s, t, t, side, filled, price, avg, notional);
        return true;
    }

    /** The anmolkhullar24 {@code forceOrder} log: header, the row's symbol, IST offsets (trade time used). */
    static void forceOrderLog(CsvCursor cur, Context ctx, MicroSink sink) throws IOException {
        Problems p = ctx.problems;
        Symbol filter = ctx.options.symbol();
        Map<String, long[]> skipped = new TreeMap<>();
        Sessions sessions = new Sessions();
        boolean[] pending = {false};
        while (nextData(cur, pending)) {
            if (!columns(cur, p, 12)) {
                continue;
            }
            Symbol s = rowSymbol(cur, p, 0, "Symbol", null, skipped);
            if (s == null) {
                continue;
            }
            long t = text(cur, p, 11, "Trade Time (IST)", true);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            sessions.add(t, s);
            if (filter != null && !filter.equals(s)) {
                long[] k = skipped.computeIfAbsent(s.name(), x -> new long[] {cur.lineNumber(), 0});
                k[1]++;
                continue;
            }
            forcedOrder(cur, p, sink, s, t, 1, 5, 6, 9, "Side", "Price", "Average Price", "Filled Quantity");
        }
        reportSkipped(p, skipped, filter);
        if (!sessions.times.isEmpty()) {
            Symbol scope = sessions.symbols.size() == 1 ? sessions.symbols.keySet().iterator().next() : null;
            sink.coverage(sessions.coverage(scope));
        }
    }

    /**
     * {@code liquidationSnapshot} archive rows ({@code time} ms, side, ..., price, average_price, ...,
     * accumulated_fill_quantity); the symbol from the file name, coverage the archive's day when the name is
     * dated (else its recording sessions).
     */
    static void liquidationSnapshot(CsvCursor cur, boolean currentIsData, Context ctx, MicroSink sink)
            throws IOException {
        Symbol symbol = ctx.symbol();
        if (symbol == null) {
            return;
        }
        Problems p = ctx.problems;
        EpochUnit unit = new EpochUnit();
        Sessions sessions = new Sessions();
        boolean[] pending = {currentIsData};
        while (nextData(cur, pending)) {
            if (!columns(cur, p, 10)) {
                continue;
            }
            long t = epoch(cur, p, 0, "time", unit);
            if (t == Long.MIN_VALUE) {
                continue;
            }
            sessions.add(t, symbol);
            forcedOrder(cur, p, sink, symbol, t, 1, 5, 6, 9, "side", "price", "average_price",
                    "accumulated_fill_quantity");
        }
        MicroPath mp = MicroPath.of(ctx.source);
        if (mp.dayStartMs() >= 0) {
            sink.coverage(new LiquidationCoverage(symbol, new long[] {mp.dayStartMs()},
                    new long[] {mp.dayStartMs() + DAY_MS}));
        } else if (!sessions.times.isEmpty()) {
            sink.coverage(sessions.coverage(symbol));
        }
    }

    /** True when the current line is a headerless {@code liquidationSnapshot} row of a file the path names so. */
    static boolean isHeaderlessLiquidationSnapshot(CsvCursor cur, String source) {
        if (!"liquidationSnapshot".equals(MicroPath.of(source).dataset()) || cur.fields() != 10) {
            return false;
        }
        cur.integer(0);
        return cur.ascii.ok && LiquidationSide.ofOrderSide(cur.text(1)) != null;
    }

    static String describe(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
