package io.thermocarry.binance.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.util.HashMap;
import java.util.Map;

/**
 * Binance's market-stream payloads → {@link StreamEvent}s. Accepts a combined-stream frame
 * ({@code {"stream":"btcusdt@bookTicker","data":{...}}}) or a raw one (the payload alone, as {@code /ws/<stream>}
 * sends it). Recognised payloads, field letters as Binance spells them:
 * <ul>
 * <li>{@code markPriceUpdate} ({@link MarkPriceEvent}: {@code E}, {@code s}, {@code p}, {@code i}, {@code r},
 * {@code T}; {@code P} is read but not kept);</li>
 * <li>futures {@code bookTicker} ({@code e}, {@code u}, {@code E}, {@code T}, {@code s}, {@code b}, {@code B},
 * {@code a}, {@code A}) and spot bookTicker (no {@code e}, no {@code E}: the receive time is the event time);</li>
 * <li>{@code kline} ({@code E}, {@code s}, {@code k.t}, {@code k.T}, {@code k.i}, {@code k.o/h/l/c/v}, {@code k.x}).</li>
 * </ul>
 * Prices and quantities are Binance's string numbers; each must be a finite decimal. Anything else is a
 * {@link MalformedFrameException} naming the field and quoting the frame's start. The market of klines and book
 * tickers is the connection's ({@link Market#PERP} on the futures host, {@link Market#SPOT} on the spot host).
 *
 * <p>Not thread-safe (it caches symbols): one decoder per delivery thread.
 */
public final class StreamDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Symbol> symbols = new HashMap<>();

    /** A decoder with an empty symbol cache. */
    public StreamDecoder() {
    }

    /**
     * Decodes one text frame.
     *
     * @param frame the frame's text
     * @param host {@link Market#PERP} for a frame from the futures host, {@link Market#SPOT} for the spot host
     * @param receiveMs when it arrived (epoch ms): the event time of spot book tickers
     * @throws MalformedFrameException when the frame is not a payload listed in the class comment
     */
    public StreamEvent decode(String frame, Market host, long receiveMs) {
        JsonNode root;
        try {
            root = MAPPER.readTree(frame);
        } catch (JsonProcessingException e) {
            throw bad(frame, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(frame, "not a JSON object");
        }
        JsonNode data = root;
        if (root.has("stream") || root.has("data")) {
            data = root.get("data");
            if (data == null || !data.isObject()) {
                throw bad(frame, "combined-stream frame without a 'data' object");
            }
        }
        JsonNode e = data.get("e");
        if (e == null) {
            if (data.has("u") && data.has("b") && data.has("a")) {
                return book(frame, data, host, receiveMs);
            }
            throw bad(frame, "no event type 'e' and not a book ticker");
        }
        String type = e.asText();
        return switch (type) {
            case "markPriceUpdate" -> mark(frame, data, host);
            case "bookTicker" -> book(frame, data, host, receiveMs);
            case "kline" -> kline(frame, data, host);
            default -> throw bad(frame, "unsupported event type '" + type + "'");
        };
    }

    private MarkPriceEvent mark(String frame, JsonNode d, Market host) {
        if (host != Market.PERP) {
            throw bad(frame, "a markPriceUpdate on the spot connection");
        }
        return new MarkPriceEvent(symbol(frame, d), time(frame, d, "E"), price(frame, d, "p"), price(frame, d, "i"),
                number(frame, d, "r"), time(frame, d, "T"));
    }

    private BookTickerEvent book(String frame, JsonNode d, Market host, long receiveMs) {
        long event = d.has("E") ? time(frame, d, "E") : receiveMs;
        double bid = number(frame, d, "b");
        double ask = number(frame, d, "a");
        if (bid < 0 || ask < 0) {
            throw bad(frame, "negative bid or ask");
        }
        return new BookTickerEvent(symbol(frame, d), host, time(frame, d, "u"), event, bid, number(frame, d, "B"),
                ask, number(frame, d, "A"));
    }

    private KlineEvent kline(String frame, JsonNode d, Market host) {
        JsonNode k = d.get("k");
        if (k == null || !k.isObject()) {
            throw bad(frame, "kline event without a 'k' object");
        }
        JsonNode x = k.get("x");
        if (x == null || !x.isBoolean()) {
            throw bad(frame, "field 'k.x' (closed) missing or not a boolean");
        }
        JsonNode i = k.get("i");
        if (i == null || !i.isTextual()) {
            throw bad(frame, "field 'k.i' (interval) missing or not a string");
        }
        long open = time(frame, k, "t");
        long close = time(frame, k, "T");
        if (close <= open) {
            throw bad(frame, "kline close time " + close + " not after its open time " + open);
        }
        return new KlineEvent(symbol(frame, d), host, i.asText(), open, close, price(frame, k, "o"),
                price(frame, k, "h"), price(frame, k, "l"), price(frame, k, "c"), number(frame, k, "v"),
                x.booleanValue(), time(frame, d, "E"));
    }

    private Symbol symbol(String frame, JsonNode d) {
        JsonNode s = d.get("s");
        if (s == null || !s.isTextual()) {
            throw bad(frame, "field 's' (symbol) missing or not a string");
        }
        String name = s.asText();
        Symbol sym = symbols.get(name);
        if (sym == null) {
            try {
                sym = new Symbol(name);
            } catch (IllegalArgumentException ex) {
                throw bad(frame, "field 's': " + ex.getMessage());
            }
            symbols.put(name, sym);
        }
        return sym;
    }

    private static long time(String frame, JsonNode d, String field) {
        JsonNode n = d.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw bad(frame, "field '" + field + "' missing or not an integer");
        }
        return n.longValue();
    }

    private static double price(String frame, JsonNode d, String field) {
        double v = number(frame, d, field);
        if (!(v > 0)) {
            throw bad(frame, "field '" + field + "' is " + d.get(field).asText() + ", not a positive price");
        }
        return v;
    }

    /** Binance sends numbers as strings; a JSON number is accepted too. */
    private static double number(String frame, JsonNode d, String field) {
        JsonNode n = d.get(field);
        if (n == null || n.isNull()) {
            throw bad(frame, "field '" + field + "' missing");
        }
        double v;
        if (n.isNumber()) {
            v = n.doubleValue();
        } else if (n.isTextual()) {
            String t = n.asText();
            if (t.isEmpty() || !isDecimal(t)) {
                throw bad(frame, "field '" + field + "' is '" + t + "', not a decimal number");
            }
            v = Double.parseDouble(t);
        } else {
            throw bad(frame, "field '" + field + "' is not a number string");
        }
        if (!Double.isFinite(v)) {
            throw bad(frame, "field '" + field + "' is not finite");
        }
        return v;
    }

    /** {@code -?digits[.digits][e±digits]}: what Binance prints, without Java's "NaN", "Infinity" or hex forms. */
    private static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            i++;
        }
        boolean digits = false;
        while (i < n && Character.isDigit(t.charAt(i))) {
            i++;
            digits = true;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
                digits = true;
            }
        }
        if (!digits) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            int start = i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static MalformedFrameException bad(String frame, String why) {
        String head = frame == null ? "null" : frame.length() > 160 ? frame.substring(0, 160) + "..." : frame;
        return new MalformedFrameException("malformed stream frame: " + why + ": " + head);
    }
}
