package io.thermocarry.store;

import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * How one stored hourly series or funding history of a symbol is made: the source files (parts) it was
 * stitched from, and its gaps (the {@code info} command's coverage view).
 *
 * @param symbol symbol
 * @param series {@code spot}, {@code perp} (hourly klines) or {@code funding}
 * @param first first time (bar open, or settlement)
 * @param last last time
 * @param rows stored rows
 * @param parts the source files, by first time
 * @param gaps every gap: consecutive bars more than one hour apart, or settlements more than 1.5 intervals in
 *     force apart, in time order
 */
public record SeriesCoverage(Symbol symbol, String series, Instant first, Instant last, long rows, List<Part> parts,
        List<Gap> gaps) {
    /** Copies the lists. */
    public SeriesCoverage {
        parts = List.copyOf(parts);
        gaps = List.copyOf(gaps);
    }

    /**
     * One source file's share of the series.
     *
     * @param source the file (as ingested)
     * @param first its first time in the store (rows it added; overlapping rows already present stay with the
     *     part that brought them first)
     * @param last its last time
     * @param rows its rows in the store
     */
    public record Part(String source, Instant first, Instant last, long rows) {
    }

    /**
     * A gap between two consecutive stored rows.
     *
     * @param after the last time before the gap
     * @param before the first time after it
     * @param missing rows missing on the expected grid (hours, or settlements of the interval in force)
     */
    public record Gap(Instant after, Instant before, long missing) {
    }
}
