package io.thermocarry.store;

/** How {@link Store#ingest} ended for one source. */
public enum IngestOutcome {
    /** The source was processed in one committed transaction (possibly adding no new row). */
    INGESTED,
    /** The same bytes (sha256) with the same series were ingested before: nothing was re-processed. */
    ALREADY_INGESTED,
    /** {@link RejectPolicy#REFUSE_FILE} and the source had rejections: nothing was written. */
    REFUSED
}
