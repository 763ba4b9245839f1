package io.thermocarry.report;

import io.thermocarry.core.Checks;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One piece of a report section: a chart, a table, a heat map, a key-figure strip, a paragraph, a list of
 * notes or of definitions. Charts, tables and heat maps carry an id (their HTML element id and PNG name).
 */
public sealed interface Block permits Block.Chart, Block.Table, Block.HeatMap, Block.KeyFigures, Block.Paragraph,
        Block.Notes, Block.Definitions {

    /** Pattern of ids: lower-case letters, digits and dashes. */
    Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The block's id, or {@code null} for text blocks. */
    String id();

    /** Validates an id against {@link #ID}; returns it. */
    static String checkId(String id) {
        Checks.notNull(id, "id");
        Checks.check(ID.matcher(id).matches(), "id '" + id + "' must match " + ID.pattern());
        return id;
    }

    /** How wide a figure is laid out: the full page width, or half (two side by side). */
    enum Width {
        /** Full width (time series). */
        FULL,
        /** Half width; consecutive half-width figures share a row. */
        HALF
    }

    /**
     * A chart drawn by uPlot in the browser. Every series shares the x values {@code xs}; NaN values are gaps.
     *
     * @param id element id and PNG file name
     * @param title heading of the figure
     * @param caption what it shows and how to read it (units, sampling); may be empty
     * @param x the x axis
     * @param yAxes y axes: index 0 on the left, 1 (optional) on the right
     * @param xs x values: epoch seconds for {@link XKind#TIME}, category indices {@code 0..n−1} for
     *     {@link XKind#CATEGORY}, plain numbers otherwise; ascending
     * @param series the series, drawn in order
     * @param bands shaded x ranges (regimes, test folds) drawn behind the series
     * @param lines horizontal reference lines (thresholds)
     * @param width layout width
     * @param heightPx plot height in CSS pixels
     * @param syncGroup charts with the same non-empty group share cursor and zoom (time charts of one symbol)
     */
    record Chart(String id, String title, String caption, XAxis x, List<YAxis> yAxes, double[] xs,
            List<Series> series, List<Band> bands, List<RefLine> lines, Width width, int heightPx,
            String syncGroup) implements Block {
        /** Validates: lengths equal, axis indices valid, x ascending, categories match. */
        public Chart {
            checkId(id);
            Checks.notNull(title, "title");
            Checks.notNull(caption, "caption");
            Checks.notNull(x, "x");
            yAxes = List.copyOf(Checks.notNull(yAxes, "yAxes"));
            Checks.check(yAxes.size() == 1 || yAxes.size() == 2, "chart " + id + ": one or two y axes");
            Checks.notNull(xs, "xs");
            series = List.copyOf(Checks.notNull(series, "series"));
            Checks.check(!series.isEmpty(), "chart " + id + " has no series");
            bands = List.copyOf(Checks.notNull(bands, "bands"));
            lines = List.copyOf(Checks.notNull(lines, "lines"));
            Checks.notNull(width, "width");
            Checks.positive(heightPx, "heightPx");
            Checks.notNull(syncGroup, "syncGroup");
            for (Series s : series) {
                Checks.check(s.values().length == xs.length, "chart " + id + ": series '" + s.label() + "' has "
                        + s.values().length + " values for " + xs.length + " x values");
                Checks.check(s.axis() < yAxes.size(), "chart " + id + ": series '" + s.label() + "' on axis "
                        + s.axis() + " of " + yAxes.size());
            }
            for (RefLine l : lines) {
                Checks.check(l.axis() < yAxes.size(), "chart " + id + ": line '" + l.label() + "' on a missing axis");
            }
            for (int i = 1; i < xs.length; i++) {
                Checks.check(xs[i] >= xs[i - 1], "chart " + id + ": x values not ascending at " + i);
            }
            if (x.kind() == XKind.CATEGORY) {
                Checks.check(x.categories().size() == xs.length,
                        "chart " + id + ": " + x.categories().size() + " categories for " + xs.length + " x values");
            }
        }

        /** Number of finite values over all series (a chart with 0 draws nothing). */
        public int finitePoints() {
            int n = 0;
            for (Series s : series) {
                for (double v : s.values()) {
                    if (Double.isFinite(v)) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    /** Kind of x axis. */
    enum XKind {
        /** Time: x values are epoch seconds, shown as UTC dates. */
        TIME,
        /** Plain numbers (e.g. cycle index). */
        NUMBER,
        /** Categories: x values are indices into {@link XAxis#categories()}. */
        CATEGORY
    }

    /**
     * The x axis.
     *
     * @param label axis label with its unit, e.g. "time (UTC)"
     * @param kind time, number or category
     * @param categories category names (CATEGORY only; empty otherwise)
     */
    record XAxis(String label, XKind kind, List<String> categories) {
        /** Validates and copies. */
        public XAxis {
            Checks.notNull(label, "label");
            Checks.check(!label.isBlank(), "x axis label must not be blank (units on every axis)");
            Checks.notNull(kind, "kind");
            categories = List.copyOf(Checks.notNull(categories, "categories"));
        }

        /** A UTC time axis. */
        public static XAxis time() {
            return new XAxis("time (UTC)", XKind.TIME, List.of());
        }

        /** A category axis. */
        public static XAxis categories(String label, List<String> names) {
            return new XAxis(label, XKind.CATEGORY, names);
        }

        /** A numeric axis. */
        public static XAxis number(String label) {
            return new XAxis(label, XKind.NUMBER, List.of());
        }
    }

    /** Scale of a y axis. */
    enum Scale {
        /** Linear. */
        LINEAR,
        /** Base-10 logarithmic (positive values only). */
        LOG,
        /** asinh: linear near 0, logarithmic in the tails (heavy-tailed signed values). */
        ASINH
    }

    /**
     * A y axis.
     *
     * @param label label with its unit, e.g. "basis (% of spot)"
     * @param scale scale
     * @param linearWithin {@link Scale#ASINH} only: |y| below which the scale is (nearly) linear ({@code > 0})
     */
    record YAxis(String label, Scale scale, double linearWithin) {
        /** Validates. */
        public YAxis {
            Checks.notNull(label, "label");
            Checks.check(!label.isBlank(), "y axis label must not be blank (units on every axis)");
            Checks.notNull(scale, "scale");
            Checks.positive(linearWithin, "linearWithin");
        }

        /** An axis of the given scale (asinh linear within 1). */
        public YAxis(String label, Scale scale) {
            this(label, scale, 1.0);
        }

        /** A linear axis. */
        public static YAxis linear(String label) {
            return new YAxis(label, Scale.LINEAR);
        }
    }

    /** How a series is drawn. */
    enum Style {
        /** Straight segments. */
        LINE,
        /** Steps (value held until the next x). */
        STEP,
        /** Bars (grouped beside the other bar series at each x). */
        BARS,
        /** Points only. */
        POINTS
    }

    /**
     * One series of a chart.
     *
     * @param label legend label
     * @param color CSS colour
     * @param axis index of its y axis
     * @param style how it is drawn
     * @param dashed dashed stroke
     * @param values one value per x ({@code NaN} = gap)
     */
    record Series(String label, String color, int axis, Style style, boolean dashed, double[] values) {
        /** Validates. */
        public Series {
            Checks.notNull(label, "label");
            Checks.notNull(color, "color");
            Checks.nonNegative(axis, "axis");
            Checks.notNull(style, "style");
            Checks.notNull(values, "values");
        }

        /** A solid line on the left axis. */
        public static Series line(String label, String color, double[] values) {
            return new Series(label, color, 0, Style.LINE, false, values);
        }
    }

    /**
     * A shaded x range {@code [from, to)} behind the series (a regime spell, a test fold).
     *
     * @param from start in x units
     * @param to end in x units ({@code >= from})
     * @param color CSS colour (with alpha where it should not hide the grid)
     * @param label legend label; bands of one label share a legend entry
     */
    record Band(double from, double to, String color, String label) {
        /** Validates. */
        public Band {
            Checks.check(to >= from, "band ends before it starts");
            Checks.notNull(color, "color");
            Checks.notNull(label, "label");
        }
    }

    /**
     * A horizontal reference line (a threshold).
     *
     * @param axis y axis index
     * @param value y value
     * @param label label drawn beside it
     * @param color CSS colour
     */
    record RefLine(int axis, double value, String label, String color) {
        /** Validates. */
        public RefLine {
            Checks.nonNegative(axis, "axis");
            Checks.finite(value, "value");
            Checks.notNull(label, "label");
            Checks.notNull(color, "color");
        }
    }

    /**
     * A real HTML table. Numeric cells carry their exact value (a {@code data-v} attribute) beside the
     * formatted text, so tests and readers can check the numbers.
     *
     * @param id element id
     * @param title heading
     * @param caption what the rows are, units, sources; may be empty
     * @param columns column headers (with units)
     * @param rows rows of cells, each as long as {@code columns}
     */
    record Table(String id, String title, String caption, List<Column> columns, List<List<Cell>> rows)
            implements Block {
        /** Validates and copies. */
        public Table {
            checkId(id);
            Checks.notNull(title, "title");
            Checks.notNull(caption, "caption");
            columns = List.copyOf(Checks.notNull(columns, "columns"));
            Checks.check(!columns.isEmpty(), "table " + id + " has no columns");
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> r : rows) {
                Checks.check(r.size() == columns.size(),
                        "table " + id + ": row of " + r.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /**
     * A table column.
     *
     * @param header header text
     * @param unit unit shown under the header (e.g. "%", "bps", "×"); empty when dimensionless or text
     */
    record Column(String header, String unit) {
        /** Validates. */
        public Column {
            Checks.notNull(header, "header");
            Checks.notNull(unit, "unit");
        }
    }

    /**
     * A 2-D heat map rendered as an HTML table whose cells are coloured by value (diverging around 0) and
     * show the value and the count.
     *
     * @param id element id and PNG name
     * @param title heading
     * @param caption what a cell is, units
     * @param rowAxis label of the row dimension
     * @param rowLabels row labels (top to bottom)
     * @param colAxis label of the column dimension
     * @param colLabels column labels
     * @param values {@code values[row][col]} ({@code NaN} = empty cell)
     * @param counts {@code counts[row][col]} observations behind each cell
     * @param format how values are shown
     * @param unit unit of the values
     * @param width layout width
     */
    record HeatMap(String id, String title, String caption, String rowAxis, List<String> rowLabels, String colAxis,
            List<String> colLabels, double[][] values, int[][] counts, NumFormat format, String unit, Width width)
            implements Block {
        /** Validates shapes. */
        public HeatMap {
            checkId(id);
            Checks.notNull(title, "title");
            Checks.notNull(caption, "caption");
            Checks.notNull(rowAxis, "rowAxis");
            Checks.notNull(colAxis, "colAxis");
            rowLabels = List.copyOf(rowLabels);
            colLabels = List.copyOf(colLabels);
            Checks.check(values.length == rowLabels.size() && counts.length == rowLabels.size(),
                    "heat map " + id + ": rows differ");
            for (int r = 0; r < values.length; r++) {
                Checks.check(values[r].length == colLabels.size() && counts[r].length == colLabels.size(),
                        "heat map " + id + ": row " + r + " has the wrong number of columns");
            }
            Checks.notNull(format, "format");
            Checks.notNull(unit, "unit");
            Checks.notNull(width, "width");
        }
    }

    /** Tone of a key figure or text cell: colours it. */
    enum Tone {
        /** No colour. */
        NEUTRAL,
        /** Good news (green). */
        GOOD,
        /** Bad news (red). */
        BAD,
        /** The EQUILIBRIUM regime colour. */
        EQUILIBRIUM,
        /** The WARM regime colour. */
        WARM,
        /** The NESS regime colour. */
        NESS
    }

    /**
     * A strip of headline figures (the Monday-morning answers).
     *
     * @param figures the figures, left to right
     */
    record KeyFigures(List<KeyFigure> figures) implements Block {
        /** Copies. */
        public KeyFigures {
            figures = List.copyOf(figures);
        }

        @Override
        public String id() {
            return null;
        }
    }

    /**
     * One headline figure.
     *
     * @param label what it is
     * @param value the figure, formatted with its unit
     * @param detail one line of context
     * @param tone colour
     */
    record KeyFigure(String label, String value, String detail, Tone tone) {
        /** Validates. */
        public KeyFigure {
            Checks.notNull(label, "label");
            Checks.notNull(value, "value");
            Checks.notNull(detail, "detail");
            Checks.notNull(tone, "tone");
        }
    }

    /**
     * A paragraph of plain text (escaped on output).
     *
     * @param text the text
     */
    record Paragraph(String text) implements Block {
        /** Validates. */
        public Paragraph {
            Checks.notNull(text, "text");
        }

        @Override
        public String id() {
            return null;
        }
    }

    /**
     * A titled bullet list (data-integrity notes, caveats).
     *
     * @param title heading (may be empty)
     * @param items the bullets
     */
    record Notes(String title, List<String> items) implements Block {
        /** Copies. */
        public Notes {
            Checks.notNull(title, "title");
            items = List.copyOf(items);
        }

        @Override
        public String id() {
            return null;
        }
    }

    /**
     * A titled definition list (the methods: formulas, windows, parameters).
     *
     * @param title heading
     * @param terms term / definition pairs
     */
    record Definitions(String title, List<Term> terms) implements Block {
        /** Copies. */
        public Definitions {
            Checks.notNull(title, "title");
            terms = List.copyOf(terms);
        }

        @Override
        public String id() {
            return null;
        }
    }

    /**
     * One definition.
     *
     * @param term the term
     * @param definition its definition (a formula in plain text is fine)
     */
    record Term(String term, String definition) {
        /** Validates. */
        public Term {
            Checks.notNull(term, "term");
            Checks.notNull(definition, "definition");
        }
    }
}
