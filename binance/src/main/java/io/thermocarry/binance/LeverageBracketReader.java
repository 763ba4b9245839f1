package io.thermocarry.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.thermocarry.core.margin.BracketTable;
import io.thermocarry.core.margin.MaintenanceBracket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Binance's maintenance-margin tables in the shape of {@code GET /fapi/v1/leverageBracket}: an array of
 * {@code {"symbol":"BTCUSDT","brackets":[{"bracket":1,"initialLeverage":125,"notionalCap":50000,
 * "notionalFloor":0,"maintMarginRatio":0.004,"cum":0}, ...]}} (a single such object is accepted too; numbers may
 * be JSON numbers or strings; unknown fields are ignored). Every problem is an {@link IllegalArgumentException}
 * naming {@code file:line:column} and the reason; a table whose brackets are not contiguous or whose {@code cum}
 * breaks continuity is refused with the symbol and bracket ({@link BracketTable#of}).
 */
public final class LeverageBracketReader {
    private static final JsonFactory JSON = new JsonFactory();

    private LeverageBracketReader() {
    }

    /** The tables of a file, by symbol in file order. */
    public static Map<String, BracketTable> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The tables of a stream; {@code name} is used in messages. */
    public static Map<String, BracketTable> read(InputStream in, String name) throws IOException {
        Map<String, BracketTable> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw error(p, name, "unexpected end of file inside the array");
                    }
                    symbol(p, name, out);
                }
            } else if (t == JsonToken.START_OBJECT) {
                symbol(p, name, out);
            } else {
                throw error(p, name, "expected an array of {symbol, brackets} objects, found "
                        + (t == null ? "an empty file" : p.getText()));
            }
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            throw new IllegalArgumentException(name + ":" + (l == null ? "?" : l.getLineNr() + ":" + l.getColumnNr())
                    + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": no symbol's brackets in the file");
        }
        return out;
    }

    private static void symbol(JsonParser p, String name, Map<String, BracketTable> out) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(p, name, "expected a {symbol, brackets} object, found " + p.getText());
        }
        JsonLocation at = p.currentTokenLocation();
        String symbol = null;
        List<MaintenanceBracket> brackets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("symbol")) {
                if (v != JsonToken.VALUE_STRING) {
                    throw error(p, name, "symbol must be a string");
                }
                symbol = p.getText();
            } else if (field.equals("brackets")) {
                if (v != JsonToken.START_ARRAY) {
                    throw error(p, name, "brackets must be an array");
                }
                brackets = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    brackets.add(bracket(p, name));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw error(p, name, "brackets must hold objects");
                }
            } else {
                p.skipChildren();
            }
        }
        String where = name + ":" + at.getLineNr() + ":" + at.getColumnNr();
        if (symbol == null) {
            throw new IllegalArgumentException(where + ": object without a symbol");
        }
        if (brackets == null || brackets.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + symbol + " has no brackets");
        }
        if (out.containsKey(symbol)) {
            throw new IllegalArgumentException(where + ": " + symbol + " appears twice");
        }
        try {
            out.put(symbol, BracketTable.of(symbol, brackets));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static MaintenanceBracket bracket(JsonParser p, String name) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        Map<String, Double> f = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                f.put(field, p.getDoubleValue());
            } else if (v == JsonToken.VALUE_STRING) {
                try {
                    f.put(field, Double.parseDouble(p.getText().trim()));
                } catch (NumberFormatException e) {
                    throw error(p, name, field + " '" + p.getText() + "' is not a number");
                }
            } else {
                p.skipChildren();
            }
        }
        String where = name + ":" + at.getLineNr() + ":" + at.getColumnNr();
        for (String k : List.of("bracket", "initialLeverage", "notionalCap", "notionalFloor", "maintMarginRatio")) {
            if (!f.containsKey(k)) {
                throw new IllegalArgumentException(where + ": bracket without " + k);
            }
        }
        try {
            return new MaintenanceBracket((int) Math.round(f.get("bracket")), f.get("initialLeverage"),
                    f.get("notionalFloor"), f.get("notionalCap"), f.get("maintMarginRatio"), f.getOrDefault("cum", 0.0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException error(JsonParser p, String name, String reason) {
        JsonLocation l = p.currentTokenLocation();
        return new IllegalArgumentException(name + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": " + reason);
    }
}
