package io.thermocarry.report;

import io.thermocarry.report.Block.Band;
import io.thermocarry.report.Block.Chart;
import io.thermocarry.report.Block.HeatMap;
import io.thermocarry.report.Block.RefLine;
import io.thermocarry.report.Block.Series;
import io.thermocarry.report.Block.Table;
import io.thermocarry.report.Block.Tone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes a {@link ReportModel} as one self-contained HTML file: uPlot's JS and CSS inlined from its webjar,
 * the chart data embedded as JSON, tables and heat maps as real HTML tables. The page fetches nothing: a
 * content-security policy {@code default-src 'none'} allows only the two inline scripts (by their SHA-256) and
 * inline styles, so even a stray URL could not load. Stateless.
 */
public final class ReportRenderer {
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static volatile Assets assets;

    private ReportRenderer() {
    }

    /** What was written: the file, its size and the number of figures (charts + heat maps). */
    public record Written(Path file, long bytes, int figures) {
    }

    /** The uPlot version inlined (from the webjar's Maven metadata). */
    public static String chartLibraryVersion() {
        return assets().version;
    }

    /** Writes the report to {@code file} (parent folders created) and returns what was written. */
    public static Written write(ReportModel model, Path file) {
        String html = render(model);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
        return new Written(file, bytes.length, model.figureCount());
    }

    /** The HTML text of the report. */
    public static String render(ReportModel model) {
        Assets a = assets();
        StringBuilder json = new StringBuilder(1 << 20);
        json.append("{\"charts\":[");
        boolean first = true;
        for (Chart c : model.charts()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            chartJson(json, c);
        }
        json.append("]}");
        String data = json.toString().replace("</", "<\\/");

        StringBuilder h = new StringBuilder(json.length() + a.js.length() + 200_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ")
                .append(a.jsHash).append(' ').append(a.appHash)
                .append("; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<meta name=\"generator\" content=\"thermocarry report (uPlot ").append(a.version).append(")\">\n");
        h.append("<title>").append(esc(model.title())).append("</title>\n");
        h.append("<style>\n").append(a.css).append('\n').append(a.appCss).append("</style>\n</head>\n<body>\n");
        h.append("<header class=\"top\"><h1>").append(esc(model.title())).append("</h1><p>")
                .append(esc(model.subtitle())).append(" · generated ").append(STAMP.format(model.generatedAt()))
                .append("</p></header>\n");
        h.append("<nav class=\"toc\">");
        for (ReportModel.Section s : model.sections()) {
            h.append("<a href=\"#").append(s.id()).append("\">").append(esc(s.title())).append("</a>");
        }
        h.append("</nav>\n<main>\n");
        for (ReportModel.Section s : model.sections()) {
            section(h, s);
        }
        h.append("<p class=\"lead\">Charts drawn with uPlot ").append(a.version)
                .append(" (MIT licence), inlined: this file needs no network. Drag across a time chart to zoom,"
                        + " double-click to reset; charts of one symbol zoom together.</p>\n");
        h.append("</main>\n<script type=\"application/json\" id=\"report-data\">").append(data).append("</script>\n");
        h.append("<script>").append(a.js).append("</script>\n");
        h.append("<script>").append(a.appJs).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, ReportModel.Section s) {
        h.append("<section class=\"part\" id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.title()))
                .append("</h2>\n");
        if (!s.lead().isEmpty()) {
            h.append("<p class=\"lead\">").append(esc(s.lead())).append("</p>\n");
        }
        List<Block> blocks = s.blocks();
        int i = 0;
        while (i < blocks.size()) {
            if (isHalf(blocks.get(i))) {
                h.append("<div class=\"row\">\n");
                int inRow = 0;
                while (i < blocks.size() && isHalf(blocks.get(i)) && inRow < 2) {
                    block(h, blocks.get(i++));
                    inRow++;
                }
                h.append("</div>\n");
            } else {
                block(h, blocks.get(i++));
            }
        }
        h.append("</section>\n");
    }

    private static boolean isHalf(Block b) {
        return b instanceof Chart c && c.width() == Block.Width.HALF
                || b instanceof HeatMap m && m.width() == Block.Width.HALF;
    }

    private static void block(StringBuilder h, Block b) {
        if (b instanceof Chart c) {
            chartHtml(h, c);
        } else if (b instanceof Table t) {
            tableHtml(h, t);
        } else if (b instanceof HeatMap m) {
            heatHtml(h, m);
        } else if (b instanceof Block.KeyFigures k) {
            h.append("<div class=\"figures\">");
            for (Block.KeyFigure f : k.figures()) {
                h.append("<div class=\"figure\"><div class=\"label\">").append(esc(f.label()))
                        .append("</div><div class=\"value\"><span class=\"").append(toneClass(f.tone())).append("\">")
                        .append(esc(f.value())).append("</span></div><div class=\"detail\">").append(esc(f.detail()))
                        .append("</div></div>");
            }
            h.append("</div>\n");
        } else if (b instanceof Block.Paragraph p) {
            h.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (b instanceof Block.Notes n) {
            if (!n.title().isEmpty()) {
                h.append("<h4>").append(esc(n.title())).append("</h4>");
            }
            h.append("<ul class=\"notes\">");
            for (String item : n.items()) {
                h.append("<li>").append(esc(item)).append("</li>");
            }
            h.append("</ul>\n");
        } else if (b instanceof Block.Definitions d) {
            h.append("<h4>").append(esc(d.title())).append("</h4><dl class=\"defs\">");
            for (Block.Term t : d.terms()) {
                h.append("<dt>").append(esc(t.term())).append("</dt><dd>").append(esc(t.definition())).append("</dd>");
            }
            h.append("</dl>\n");
        }
    }

    private static void chartHtml(StringBuilder h, Chart c) {
        h.append("<figure class=\"chart\" id=\"fig-").append(c.id()).append("\" data-figure=\"").append(c.id())
                .append("\"><h3>").append(esc(c.title())).append("</h3><div class=\"plot\" id=\"chart-")
                .append(c.id()).append("\"></div>");
        Map<String, String> legend = new LinkedHashMap<>();
        for (Band b : c.bands()) {
            legend.putIfAbsent(b.label(), b.color());
        }
        if (!legend.isEmpty()) {
            h.append("<div class=\"band-legend\">shaded:");
            legend.forEach((label, color) -> h.append("<span class=\"sw\" style=\"background:").append(esc(color))
                    .append("\"></span>").append(esc(label)));
            h.append("</div>");
        }
        if (!c.caption().isEmpty()) {
            h.append("<p class=\"caption\">").append(esc(c.caption())).append("</p>");
        }
        h.append("</figure>\n");
    }

    private static void tableHtml(StringBuilder h, Table t) {
        int k = t.columns().size();
        boolean[] numeric = new boolean[k];
        for (List<Cell> r : t.rows()) {
            for (int i = 0; i < k; i++) {
                numeric[i] |= r.get(i) instanceof Cell.Num;
            }
        }
        h.append("<figure class=\"table\" id=\"fig-").append(t.id()).append("\"><h3>").append(esc(t.title()))
                .append("</h3><div class=\"scroll\"><table class=\"data\" id=\"").append(t.id()).append("\">");
        if (!t.caption().isEmpty()) {
            h.append("<caption>").append(esc(t.caption())).append("</caption>");
        }
        h.append("<thead><tr>");
        for (int i = 0; i < k; i++) {
            Block.Column col = t.columns().get(i);
            h.append("<th class=\"").append(numeric[i] ? "n" : "t").append("\">").append(esc(col.header()));
            if (!col.unit().isEmpty()) {
                h.append("<small>").append(esc(col.unit())).append("</small>");
            }
            h.append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<Cell> r : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < k; i++) {
                Cell cell = r.get(i);
                if (cell instanceof Cell.Num n) {
                    h.append("<td class=\"n\" data-v=\"").append(Double.toString(n.value())).append("\">")
                            .append(esc(n.display())).append("</td>");
                } else if (cell instanceof Cell.Text tx) {
                    h.append("<td class=\"").append(numeric[i] ? "n" : "t").append("\">");
                    if (tx.tone() == Tone.NEUTRAL) {
                        h.append(esc(tx.text()));
                    } else {
                        h.append("<span class=\"").append(toneClass(tx.tone())).append("\">").append(esc(tx.text()))
                                .append("</span>");
                    }
                    h.append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div></figure>\n");
    }

    /** Cells with fewer observations do not set the colour scale (a single outlier would wash out the rest). */
    static final int HEAT_SCALE_MIN_COUNT = 10;

    private static void heatHtml(StringBuilder h, HeatMap m) {
        double maxAbs = 0;
        double maxAbsAll = 0;
        for (int r = 0; r < m.values().length; r++) {
            for (int c = 0; c < m.values()[r].length; c++) {
                double v = m.values()[r][c];
                if (Double.isFinite(v)) {
                    maxAbsAll = Math.max(maxAbsAll, Math.abs(v));
                    if (m.counts()[r][c] >= HEAT_SCALE_MIN_COUNT) {
                        maxAbs = Math.max(maxAbs, Math.abs(v));
                    }
                }
            }
        }
        boolean capped = maxAbs > 0 && maxAbs < maxAbsAll;
        if (maxAbs == 0) {
            maxAbs = maxAbsAll;
        }
        h.append("<figure class=\"heatmap\" id=\"fig-").append(m.id()).append("\" data-figure=\"").append(m.id())
                .append("\"><h3>").append(esc(m.title())).append("</h3><div class=\"scroll\"><table class=\"heat\" id=\"")
                .append(m.id()).append("\"><thead><tr><th class=\"axis\">").append(esc(m.rowAxis())).append(" ↓ / ")
                .append(esc(m.colAxis())).append(" →</th>");
        for (String c : m.colLabels()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int r = 0; r < m.rowLabels().size(); r++) {
            h.append("<tr><th>").append(esc(m.rowLabels().get(r))).append("</th>");
            for (int c = 0; c < m.colLabels().size(); c++) {
                double v = m.values()[r][c];
                int n = m.counts()[r][c];
                h.append("<td data-v=\"").append(Double.toString(v)).append("\" data-n=\"").append(n)
                        .append("\" style=\"").append(heatStyle(v, maxAbs)).append("\">")
                        .append(esc(m.format().format(v))).append("<small>n = ").append(n).append("</small></td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>");
        h.append("<p class=\"caption\">").append(esc(m.caption()));
        if (!m.unit().isEmpty()) {
            h.append(" Cell values in ").append(esc(m.unit())).append('.');
        }
        h.append(" Blue: positive, red: negative, intensity ∝ |value| up to ").append(esc(m.format().format(maxAbs)));
        if (capped) {
            h.append(" (the largest |value| among cells of at least ").append(HEAT_SCALE_MIN_COUNT)
                    .append(" decisions; smaller cells beyond it show full colour)");
        }
        h.append(".</p></figure>\n");
    }

    /** Diverging blue (positive) / red (negative) background, white text on dark cells. */
    static String heatStyle(double v, double maxAbs) {
        if (!Double.isFinite(v) || maxAbs <= 0) {
            return "background:#f6f8fa;color:#57606a";
        }
        double t = Math.min(1.0, Math.abs(v) / maxAbs);
        int[] end = v >= 0 ? new int[] {33, 102, 172} : new int[] {178, 24, 43};
        int r = (int) Math.round(255 + (end[0] - 255) * t);
        int g = (int) Math.round(255 + (end[1] - 255) * t);
        int b = (int) Math.round(255 + (end[2] - 255) * t);
        return String.format(Locale.ROOT, "background:rgb(%d,%d,%d);color:%s", r, g, b, t > 0.55 ? "#fff" : "#1f2328");
    }

    private static String toneClass(Tone t) {
        return "tone-" + t.name().toLowerCase(Locale.ROOT);
    }

    private static void chartJson(StringBuilder j, Chart c) {
        j.append("{\"id\":").append(str(c.id()));
        j.append(",\"xKind\":").append(str(c.x().kind().name().toLowerCase(Locale.ROOT)));
        j.append(",\"xLabel\":").append(str(c.x().label()));
        j.append(",\"categories\":[");
        for (int i = 0; i < c.x().categories().size(); i++) {
            j.append(i == 0 ? "" : ",").append(str(c.x().categories().get(i)));
        }
        j.append("],\"height\":").append(c.heightPx());
        j.append(",\"sync\":").append(str(c.syncGroup()));
        j.append(",\"axes\":[");
        for (int i = 0; i < c.yAxes().size(); i++) {
            Block.YAxis a = c.yAxes().get(i);
            j.append(i == 0 ? "" : ",").append("{\"label\":").append(str(a.label())).append(",\"scale\":")
                    .append(str(a.scale().name().toLowerCase(Locale.ROOT))).append(",\"linthresh\":");
            number(j, a.linearWithin(), false);
            j.append('}');
        }
        j.append("],\"x\":");
        boolean time = c.x().kind() == Block.XKind.TIME;
        numbers(j, c.xs(), time);
        j.append(",\"series\":[");
        for (int i = 0; i < c.series().size(); i++) {
            Series s = c.series().get(i);
            j.append(i == 0 ? "" : ",").append("{\"label\":").append(str(s.label())).append(",\"color\":")
                    .append(str(s.color())).append(",\"axis\":").append(s.axis()).append(",\"style\":")
                    .append(str(s.style().name().toLowerCase(Locale.ROOT))).append(",\"dash\":").append(s.dashed())
                    .append(",\"v\":");
            numbers(j, s.values(), false);
            j.append('}');
        }
        j.append("],\"bandStyles\":[");
        List<String> styleKeys = new ArrayList<>();
        for (Band b : c.bands()) {
            String key = b.color() + "\u0000" + b.label();
            if (!styleKeys.contains(key)) {
                j.append(styleKeys.isEmpty() ? "" : ",").append("{\"color\":").append(str(b.color()))
                        .append(",\"label\":").append(str(b.label())).append('}');
                styleKeys.add(key);
            }
        }
        j.append("],\"bands\":[");
        for (int i = 0; i < c.bands().size(); i++) {
            Band b = c.bands().get(i);
            j.append(i == 0 ? "[" : ",[");
            number(j, b.from(), time);
            j.append(',');
            number(j, b.to(), time);
            j.append(',').append(styleKeys.indexOf(b.color() + "\u0000" + b.label())).append(']');
        }
        j.append("],\"lines\":[");
        for (int i = 0; i < c.lines().size(); i++) {
            RefLine l = c.lines().get(i);
            j.append(i == 0 ? "" : ",").append("{\"axis\":").append(l.axis()).append(",\"value\":");
            number(j, l.value(), false);
            j.append(",\"label\":").append(str(l.label())).append(",\"color\":").append(str(l.color())).append('}');
        }
        j.append("]}");
    }

    private static void numbers(StringBuilder j, double[] v, boolean exact) {
        j.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                j.append(',');
            }
            number(j, v[i], exact);
        }
        j.append(']');
    }

    /**
     * A JSON number for display: null for NaN/infinite; integers as integers; otherwise rounded to 6
     * significant digits ({@code exact}: time stamps, written in full).
     */
    static void number(StringBuilder j, double v, boolean exact) {
        if (!Double.isFinite(v)) {
            j.append("null");
            return;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            j.append((long) v);
            return;
        }
        if (exact) {
            j.append(v);
            return;
        }
        j.append(round6(v));
    }

    /** {@code v} rounded to 6 significant digits (display precision of the embedded chart data). */
    static double round6(double v) {
        double a = Math.abs(v);
        int exp = (int) Math.floor(Math.log10(a));
        double scale = Math.pow(10, 5 - exp);
        double r = Math.round(v * scale) / scale;
        return Double.isFinite(r) ? r : v;
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** HTML-escapes text and attribute values. */
    static String esc(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String r = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(ch);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    private record Assets(String version, String js, String css, String appJs, String appCss, String jsHash,
            String appHash) {
    }

    private static Assets assets() {
        Assets a = assets;
        if (a == null) {
            synchronized (ReportRenderer.class) {
                a = assets;
                if (a == null) {
                    a = loadAssets();
                    assets = a;
                }
            }
        }
        return a;
    }

    private static Assets loadAssets() {
        ClassLoader cl = ReportRenderer.class.getClassLoader();
        Properties p = new Properties();
        try (InputStream in = cl.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("uPlot webjar not on the class path (" + POM_PROPERTIES + ")");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version");
        String dist = WEBJAR + version + "/dist/";
        String js = resource(cl, dist + "uPlot.iife.min.js");
        String css = resource(cl, dist + "uPlot.min.css");
        String appJs = resource(cl, "io/thermocarry/report/report.js");
        String appCss = resource(cl, "io/thermocarry/report/report.css");
        if (js.contains("</script")) {
            throw new IllegalStateException("uPlot script contains </script and cannot be inlined");
        }
        return new Assets(version, js, css, appJs, appCss, cspHash(js), cspHash(appJs));
    }

    private static String resource(ClassLoader cl, String name) {
        try (InputStream in = cl.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSP source of an inline script: {@code 'sha256-<base64>'} of its UTF-8 text. */
    static String cspHash(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
