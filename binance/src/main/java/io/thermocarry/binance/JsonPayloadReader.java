package io.thermocarry.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.List;

/**
 * Binance REST payloads saved as JSON, read with Jackson's streaming parser (one element at a time):
 * <ul>
 *   <li>klines ({@code /api/v3/klines}, {@code /fapi/v1/klines}, mark/index/premium klines): an array of
 *   12-element arrays {@code [openTime, "open", "high", "low", "close", "volume", closeTime, ...]};</li>
 *   <li>{@code /fapi/v1/fundingRate}: an array of {@code {symbol, fundingTime, fundingRate, markPrice}},
 *   strings or numbers, {@code markPrice} possibly {@code ""};</li>
 *   <li>yuchengzhang966 funding: an array of {@code {coin, funding_rate, time}}, symbol = coin + USDT;</li>
 *   <li>{@code /futures/data/openInterestHist}: an array of {@code {symbol, sumOpenInterest,
 *   sumOpenInterestValue, timestamp}};</li>
 *   <li>a Binance error object {@code {"code": -1121, "msg": "Invalid symbol."}} faults the file with
 *   Binance's own message.</li>
 * </ul>
 * The first element fixes the kind; an element of another shape is rejected. Rows are reported by the
 * JSON line of the element and its 0-based index ({@code element [17]}).
 */
final class JsonPayloadReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final List<String> KLINE_NAMES =
            List.of("openTime", "open", "high", "low", "close", "volume", "closeTime");
    private static final int KLINE_FIELDS = 12;
    /** Funding fields per logical field (time, rate, interval, mark); neither source has an interval. */
    private static final List<String> REST_FUNDING_NAMES = List.of("fundingTime", "fundingRate", "-", "markPrice");
    private static final List<String> COIN_FUNDING_NAMES = List.of("time", "funding_rate", "-", "markPrice");
    /** Open-interest fields per logical field (time, open interest, value). */
    private static final List<String> OI_NAMES = List.of("timestamp", "sumOpenInterest", "sumOpenInterestValue", "-");

    /** Which objects the payload holds, fixed by the first one. */
    private enum FundingKind { REST, COIN, OPEN_INTEREST }

    private JsonPayloadReader() {
    }

    /** Reads the payload into {@code ctx}; faults the file on malformed or unknown JSON. */
    static void read(InputStream in, Context ctx) throws IOException {
        Problems problems = ctx.problems;
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                errorObject(p, problems);
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.fileFault("unknown JSON layout: expected an array of klines or funding rates, found " + first);
                return;
            }
            new Elements(p, ctx).readAll();
        } catch (JsonProcessingException e) {
            problems.fileFault("malformed or truncated JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    private static void errorObject(JsonParser p, Problems problems) throws IOException {
        String code = null;
        String msg = null;
        List<String> fields = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            fields.add(name);
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                if (name.equals("code")) {
                    code = p.getText();
                } else if (name.equals("msg")) {
                    msg = p.getText();
                }
            } else {
                p.skipChildren();
            }
        }
        if (code != null) {
            problems.fileFault("Binance error payload: code " + code + ": " + msg);
        } else {
            problems.fileFault("unknown JSON layout: an object with fields " + fields
                    + "; expected an array of klines or funding rates (or a Binance error {code, msg})");
        }
    }

    /** State of one pass over the top-level array. */
    private static final class Elements {
        private final JsonParser p;
        private final Context ctx;
        private final Problems problems;
        private final Ascii ascii = new Ascii();
        private final EpochUnit unit = new EpochUnit();
        private final Texts row = new Texts();
        private FundingKind kind;
        private long index = -1;
        private BarCollector bars;
        private Symbol barSymbol;
        private BarInterval interval;
        private boolean intervalChecked;
        private FundingSink sink;
        private final Map<Symbol, OpenInterestCollector> oi = new java.util.TreeMap<>();
        private final Map<String, long[]> oiSkipped = new java.util.TreeMap<>();

        Elements(JsonParser p, Context ctx) {
            this.p = p;
            this.ctx = ctx;
            this.problems = ctx.problems;
        }

        void readAll() throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    problems.fileFault("truncated JSON: the top-level array is not closed");
                    return;
                }
                index++;
                long line = p.currentTokenLocation().getLineNr();
                problems.atElement(index);
                if (bars == null && sink == null && !start(t)) {
                    problems.atElement(-1);
                    return;
                }
                if (t == JsonToken.START_ARRAY && bars != null) {
                    kline(line);
                } else if (t == JsonToken.START_OBJECT && sink != null) {
                    funding(line);
                } else {
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                    problems.reject(line, "expected " + (bars != null ? "a kline array" : "a funding object")
                            + ", found " + t);
                }
                if (problems.hasFileFault()) {
                    problems.atElement(-1);
                    return;
                }
            }
            problems.atElement(-1);
            if (index < 0) {
                problems.warn(1, "empty JSON array: no rows");
                return;
            }
            if (bars != null && interval != null) {
                BarSeries s = bars.build(barSymbol, interval);
                if (s != null) {
                    ctx.bars.add(s);
                }
            }
            if (kind == FundingKind.OPEN_INTEREST) {
                for (Map.Entry<String, long[]> e : oiSkipped.entrySet()) {
                    problems.warn(e.getValue()[0], e.getValue()[1] + " row" + (e.getValue()[1] > 1 ? "s" : "")
                            + " of " + e.getKey() + " skipped (first here): the read was limited to "
                            + ctx.options.symbol());
                }
                for (Map.Entry<Symbol, OpenInterestCollector> e : oi.entrySet()) {
                    var s = e.getValue().build(e.getKey());
                    if (s != null) {
                        ctx.openInterest.add(s);
                    }
                }
            } else if (sink != null) {
                ctx.funding.addAll(sink.build());
            }
        }

        /** Sets up for klines or funding from the first element; false after faulting the file. */
        private boolean start(JsonToken t) {
            if (t == JsonToken.START_ARRAY) {
                barSymbol = ctx.symbol();
                if (barSymbol == null || ctx.intervalFaulted()) {
                    return false;
                }
                Market market = ctx.market();
                if (market == null) {
                    return false;
                }
                interval = ctx.interval();
                bars = new BarCollector(problems, market);
                if (interval != null) {
                    bars.grid(interval);
                }
                return true;
            }
            if (t == JsonToken.START_OBJECT) {
                // Which funding source it is shows in the first object's fields; funding() decides.
                sink = new FundingSink(problems, ctx.options.symbol());
                return true;
            }
            problems.fileFault("unknown JSON layout: the first element is " + t
                    + "; expected kline arrays or funding objects");
            return false;
        }

        private void kline(long line) throws IOException {
            String[] v = row.kline();
            int n = 0;
            boolean scalar = true;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t.isStructStart()) {
                    p.skipChildren();
                    scalar = false;
                } else if (n < v.length) {
                    v[n] = p.getText();
                }
                n++;
            }
            if (n != KLINE_FIELDS) {
                problems.reject(line, "expected " + KLINE_FIELDS + " fields, found " + n);
                return;
            }
            if (!scalar) {
                problems.reject(line, "a kline field is an array or object, expected numbers or strings");
                return;
            }
            long openTime = time(0, line);
            if (openTime == Long.MIN_VALUE) {
                return;
            }
            double[] d = new double[5];
            for (int k = 0; k < 5; k++) {
                d[k] = number(k + 1);
                if (!ascii.ok) {
                    problems.reject(line, KlineCsvReader.notNumber(row, k + 1));
                    return;
                }
            }
            if (!intervalChecked) {
                long closeTime = time(6, line);
                if (closeTime == Long.MIN_VALUE) {
                    return;
                }
                intervalChecked = true;
                long span = closeTime - openTime + 1;
                BarInterval implied = KlineCsvReader.byMillis(span);
                if (interval == null && implied == null) {
                    problems.fileFault("interval unknown: closeTime − openTime + 1 ms of element [" + index + "] is "
                            + Duration.ofMillis(span) + ", no supported interval; pass --interval");
                    return;
                }
                if (interval != null && implied != interval) {
                    problems.fileFault("interval " + interval.code() + " (" + ctx.intervalFrom() + ") disagrees with element ["
                            + index + "]: closeTime − openTime + 1 ms = " + Duration.ofMillis(span));
                    return;
                }
                interval = implied;
                bars.grid(interval);
            }
            bars.add(line, openTime, d[0], d[1], d[2], d[3], d[4], row);
        }

        private void funding(long line) throws IOException {
            Map<String, String> fields = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t.isStructStart()) {
                    p.skipChildren();
                    fields.put(name, null);
                } else {
                    fields.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            if (kind == null) {
                if (fields.containsKey("sumOpenInterest")) {
                    kind = FundingKind.OPEN_INTEREST;
                } else if (fields.containsKey("fundingTime") || fields.containsKey("fundingRate")) {
                    kind = FundingKind.REST;
                } else if (fields.containsKey("coin") && fields.containsKey("funding_rate")) {
                    kind = FundingKind.COIN;
                } else {
                    problems.fileFault("unknown JSON layout: objects with fields " + new TreeSet<>(fields.keySet())
                            + "; expected REST fundingRate {symbol, fundingTime, fundingRate, markPrice},"
                            + " {coin, funding_rate, time} or openInterestHist {symbol, sumOpenInterest,"
                            + " sumOpenInterestValue, timestamp}");
                    return;
                }
            }
            if (kind == FundingKind.OPEN_INTEREST) {
                openInterest(fields, line);
                return;
            }
            boolean rest = kind == FundingKind.REST;
            row.funding(rest ? REST_FUNDING_NAMES : COIN_FUNDING_NAMES, fields);
            String symbolColumn = rest ? "symbol" : "coin";
            String symbolText = rest ? fields.get("symbol") : coinSymbol(fields.get("coin"));
            if (symbolText == null || symbolText.isBlank()) {
                Symbol s = ctx.options.symbol() != null ? ctx.options.symbol() : ctx.hints.symbol();
                if (s == null) {
                    problems.reject(line, symbolColumn + " missing and the path names no symbol: pass --symbol");
                    return;
                }
                symbolText = s.name();
            }
            FundingCollector into = sink.forSymbol(symbolText, symbolColumn, line);
            if (into == null) {
                return;
            }
            long t = time(FundingCollector.TIME, line);
            if (t == Long.MIN_VALUE) {
                return;
            }
            double r = number(FundingCollector.RATE);
            if (!ascii.ok) {
                problems.reject(line, KlineCsvReader.notNumber(row, FundingCollector.RATE));
                return;
            }
            double mark = Double.NaN;
            String m = row.text(FundingCollector.MARK);
            if (m != null && !m.isBlank()) {
                mark = number(FundingCollector.MARK);
                if (!ascii.ok) {
                    problems.reject(line, KlineCsvReader.notNumber(row, FundingCollector.MARK));
                    return;
                }
            }
            into.add(line, t, r, 0, mark, row);
        }

        private void openInterest(Map<String, String> fields, long line) {
            row.funding(OI_NAMES, fields);
            String text = fields.get("symbol");
            Symbol s;
            if (text == null || text.isBlank()) {
                s = ctx.options.symbol() != null ? ctx.options.symbol() : ctx.hints.symbol();
                if (s == null) {
                    problems.reject(line, "symbol missing and the path names no symbol: pass --symbol");
                    return;
                }
            } else {
                try {
                    s = Symbol.of(text);
                } catch (IllegalArgumentException e) {
                    problems.reject(line, "symbol '" + text + "' is not a Binance symbol (upper-case letters and digits)");
                    return;
                }
            }
            if (ctx.options.symbol() != null && !ctx.options.symbol().equals(s)) {
                oiSkipped.computeIfAbsent(s.name(), x -> new long[] {line, 0})[1]++;
                return;
            }
            long t = time(OpenInterestCollector.TIME, line);
            if (t == Long.MIN_VALUE) {
                return;
            }
            double amount = number(OpenInterestCollector.OPEN_INTEREST);
            if (!ascii.ok) {
                problems.reject(line, KlineCsvReader.notNumber(row, OpenInterestCollector.OPEN_INTEREST));
                return;
            }
            double value = Double.NaN;
            String v = row.text(OpenInterestCollector.VALUE);
            if (v != null && !v.isBlank()) {
                value = number(OpenInterestCollector.VALUE);
                if (!ascii.ok) {
                    problems.reject(line, KlineCsvReader.notNumber(row, OpenInterestCollector.VALUE));
                    return;
                }
            }
            oi.computeIfAbsent(s, x -> new OpenInterestCollector(problems)).add(line, t, amount, value, row);
        }

        private static String coinSymbol(String coin) {
            if (coin == null || coin.isBlank()) {
                return null;
            }
            String c = coin.trim();
            return c.endsWith("USDT") || c.endsWith("USDC") ? c : c + "USDT";
        }

        private double number(int field) {
            String s = row.text(field);
            if (s == null) {
                ascii.ok = false;
                return Double.NaN;
            }
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            return ascii.toDouble(b, 0, b.length);
        }

        private long time(int field, long line) {
            String s = row.text(field);
            if (s == null) {
                problems.reject(line, row.name(field) + " missing");
                return Long.MIN_VALUE;
            }
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            long raw = ascii.toLong(b, 0, b.length);
            if (!ascii.ok) {
                problems.reject(line, row.name(field) + " '" + s + "' is not a whole number (epoch ms)");
                return Long.MIN_VALUE;
            }
            long t = unit.toMillis(raw, row, field);
            if (t == Long.MIN_VALUE) {
                problems.reject(line, unit.reason);
            }
            return t;
        }
    }

    /** The current element's values by logical field (kline positions, or funding time/rate/interval/mark). */
    private static final class Texts implements RowText {
        private List<String> names = KLINE_NAMES;
        private final String[] values = new String[KLINE_NAMES.size()];

        /** Clears the row for a kline element and returns the array its values go into. */
        String[] kline() {
            names = KLINE_NAMES;
            Arrays.fill(values, null);
            return values;
        }

        /** Sets the row from a funding object, {@code names} being the source's field per logical field. */
        void funding(List<String> fieldNames, Map<String, String> fields) {
            names = fieldNames;
            Arrays.fill(values, null);
            for (int i = 0; i < fieldNames.size(); i++) {
                values[i] = fields.get(fieldNames.get(i));
            }
        }

        @Override
        public String name(int field) {
            return names.get(field);
        }

        @Override
        public String text(int field) {
            return values[field];
        }
    }
}
