package io.thermocarry.binance;

import io.thermocarry.core.market.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong while reading one file: row rejections, warnings (rows kept but worth a look) and
 * whole-file faults. A file fault voids the file: the reader then returns no series and only the faults,
 * because a truncated or tampered file cannot be trusted row by row.
 */
final class Problems {
    private final String source;
    private String rowFile;
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<Rejection> warnings = new ArrayList<>();
    private final List<Rejection> fileFaults = new ArrayList<>();
    private long rowRejections;
    private long dropped;
    private long element = -1;

    Problems(String source) {
        this.source = source;
        this.rowFile = source;
    }

    /** Names rows after a zip entry ({@code archive.zip!entry.csv}) from now on. */
    void enterEntry(String entryName) {
        rowFile = source + "!" + entryName;
    }

    /**
     * Prefixes row messages with {@code element [i]: } from now on (JSON arrays, whose rows may all sit
     * on one line); -1 turns the prefix off.
     */
    void atElement(long index) {
        element = index;
    }

    private String label(String reason) {
        return element < 0 ? reason : "element [" + element + "]: " + reason;
    }

    /** Rejects the row at {@code line}. */
    void reject(long line, String reason) {
        rejected.add(new Rejection(rowFile, line, label(reason)));
        rowRejections++;
    }

    /** Keeps the row at {@code line} but records why it deserves a look. */
    void warn(long line, String reason) {
        warnings.add(new Rejection(rowFile, line, label(reason)));
    }

    /** Rejects the whole file (line 0). */
    void fileFault(String reason) {
        fileFaults.add(Rejection.ofFile(source, reason));
    }

    /** Counts rows read but dropped as exact repeats of kept rows (reported by a warning). */
    void dropped(long rows) {
        dropped += rows;
    }

    /** Rows read but dropped as exact repeats. */
    long dropped() {
        return dropped;
    }

    boolean hasFileFault() {
        return !fileFaults.isEmpty();
    }

    long rowRejections() {
        return rowRejections;
    }

    List<Rejection> rejected() {
        return rejected;
    }

    List<Rejection> warnings() {
        return warnings;
    }

    List<Rejection> fileFaults() {
        return fileFaults;
    }
}
