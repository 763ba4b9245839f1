package io.thermocarry.report;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one report shows, as plain values: a title, when it was made, and its sections in reading order.
 * Built by the application from the store and {@code core} results, rendered by {@link ReportRenderer}.
 *
 * @param title page title (e.g. "thermocarry — funding carry report")
 * @param subtitle one line under the title: what data, which run
 * @param generatedAt when the report was made (UTC)
 * @param sections sections in reading order (ids unique)
 */
public record ReportModel(String title, String subtitle, Instant generatedAt, List<Section> sections) {
    /** Validates and copies; section and block ids must be unique across the report. */
    public ReportModel {
        Checks.notNull(title, "title");
        Checks.notNull(subtitle, "subtitle");
        Checks.notNull(generatedAt, "generatedAt");
        sections = List.copyOf(Checks.notNull(sections, "sections"));
        List<String> ids = new ArrayList<>();
        for (Section s : sections) {
            ids.add(s.id());
            for (Block b : s.blocks()) {
                if (b.id() != null) {
                    ids.add(b.id());
                }
            }
        }
        Checks.check(ids.stream().distinct().count() == ids.size(), "duplicate section or block id in " + ids);
    }

    /** Every chart of the report, in reading order (heat maps excluded: see {@link #heatMaps()}). */
    public List<Block.Chart> charts() {
        List<Block.Chart> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Chart c) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Every heat map of the report, in reading order. */
    public List<Block.HeatMap> heatMaps() {
        List<Block.HeatMap> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.HeatMap h) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    /** Every table of the report, in reading order. */
    public List<Block.Table> tables() {
        List<Block.Table> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Table t) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Number of figures (charts and heat maps): what {@code report --json} prints as {@code charts}. */
    public int figureCount() {
        return charts().size() + heatMaps().size();
    }

    /**
     * One section of the report.
     *
     * @param id anchor id ({@code [a-z0-9-]+}, unique)
     * @param title heading
     * @param lead one paragraph under the heading (may be empty)
     * @param blocks content in order
     */
    public record Section(String id, String title, String lead, List<Block> blocks) {
        /** Validates and copies. */
        public Section {
            Block.checkId(id);
            Checks.notNull(title, "title");
            Checks.notNull(lead, "lead");
            blocks = List.copyOf(Checks.notNull(blocks, "blocks"));
        }
    }
}
