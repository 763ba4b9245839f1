package io.thermocarry.store;

/** What {@link Store#ingest} does with a source some of whose rows were rejected by its reader. */
public enum RejectPolicy {
    /**
     * Default: a source with any rejection writes nothing at all (not even to {@code rejected_rows}); the store
     * is left exactly as it was and the report carries the rejections, so the file can be fixed and re-ingested.
     */
    REFUSE_FILE,
    /** The good rows are ingested and every rejection is recorded in {@code rejected_rows}. */
    KEEP_GOOD_ROWS
}
