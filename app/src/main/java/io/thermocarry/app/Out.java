package io.thermocarry.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Output helpers: JSON documents (NaN and infinities become null; instants ISO-8601 UTC), aligned text
 * tables and CSV files.
 */
public final class Out {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Out() {
    }

    /** An insertion-ordered map for building JSON objects. */
    public static Map<String, Object> obj() {
        return new LinkedHashMap<>();
    }

    /** A JSON number, or null for NaN/infinite. */
    public static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** ISO-8601 UTC string of epoch millis. */
    public static String time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /** Prints one JSON document on {@code out}. */
    public static void json(PrintStream out, Object doc) {
        try {
            out.println(JSON.writeValueAsString(sanitize(doc)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object sanitize(Object o) {
        if (o instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (o instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (o instanceof Instant i) {
            return i.toString();
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, v) -> r.put(String.valueOf(k), sanitize(v)));
            return r;
        }
        if (o instanceof List<?> l) {
            List<Object> r = new ArrayList<>(l.size());
            for (Object x : l) {
                r.add(sanitize(x));
            }
            return r;
        }
        if (o instanceof double[] a) {
            List<Object> r = new ArrayList<>(a.length);
            for (double x : a) {
                r.add(num(x));
            }
            return r;
        }
        return o;
    }

    /** Formats a number for text tables: fixed or scientific depending on magnitude; "-" for NaN. */
    public static String fmt(double v, int digits) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < Math.pow(10, -digits) || a >= 1e9)) {
            return String.format(Locale.ROOT, "%." + Math.max(digits - 1, 1) + "e", v);
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A text table with a header and right-aligned columns. */
    public static String table(List<String> header, List<List<String>> rows) {
        int k = header.size();
        int[] w = new int[k];
        for (int i = 0; i < k; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < k && i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, w);
        for (int i = 0; i < k; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            appendRow(sb, r, w);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> r, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = i < r.size() ? r.get(i) : "";
            if (i > 0) {
                sb.append("  ");
            }
            if (i == 0) {
                sb.append(c).append(" ".repeat(w[i] - c.length()));
            } else {
                sb.append(" ".repeat(w[i] - c.length())).append(c);
            }
        }
        sb.append('\n');
    }

    /** Writes a CSV file (RFC 4180 quoting where needed). */
    public static void csv(Path file, List<String> header, List<List<String>> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(csvLine(header));
                for (List<String> r : rows) {
                    w.write(csvLine(r));
                }
            }
        } catch (IOException e) {
            throw new JobFailed("cannot write CSV " + file + ": " + e.getMessage(), e);
        }
    }

    private static String csvLine(List<String> r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = r.get(i) == null ? "" : r.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.append('\n').toString();
    }

    /** Plain CSV number: full precision, empty for NaN. */
    public static String csvNum(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
