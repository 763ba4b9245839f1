package io.thermocarry.store;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Rejection;
import java.util.List;

/**
 * What ingesting one source did. For a source that was not refused,
 * {@code rowsAccepted + rowsAlreadyPresent + conflicts} equals the rows its reader accepted.
 *
 * @param source file path or URL of the source
 * @param sha256 hex SHA-256 identifying the source's bytes
 * @param outcome ingested, already ingested (fast path) or refused
 * @param rowsAccepted rows newly written by this call
 * @param rowsRejected rows the reader rejected (recorded only under {@link RejectPolicy#KEEP_GOOD_ROWS})
 * @param rowsAlreadyPresent rows whose key was stored with identical values (nothing written)
 * @param conflicts rows whose key was stored with different values (stored value kept, conflict recorded)
 * @param conflictExamples descriptions of the first few conflicts, at most {@link #MAX_CONFLICT_EXAMPLES}
 * @param rejected the reader's rejections, file:line:reason
 * @param warnings the reader's warnings plus the store's own (e.g. mark prices filled in)
 */
public record IngestReport(String source, String sha256, IngestOutcome outcome, long rowsAccepted, long rowsRejected,
        long rowsAlreadyPresent, long conflicts, List<String> conflictExamples, List<Rejection> rejected,
        List<Rejection> warnings) {
    /** How many conflict descriptions a report keeps; the {@code conflicts} table holds all of them. */
    public static final int MAX_CONFLICT_EXAMPLES = 5;

    public IngestReport {
        Checks.notNull(source, "source");
        Checks.notNull(sha256, "sha256");
        Checks.notNull(outcome, "outcome");
        Checks.check(rowsAccepted >= 0 && rowsRejected >= 0 && rowsAlreadyPresent >= 0 && conflicts >= 0,
                "row counts must be >= 0");
        conflictExamples = List.copyOf(conflictExamples);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }

    /** True when the source was refused because of rejections and nothing was written. */
    public boolean refused() {
        return outcome == IngestOutcome.REFUSED;
    }

    /** True when the same source had been ingested before and was skipped. */
    public boolean alreadyIngested() {
        return outcome == IngestOutcome.ALREADY_INGESTED;
    }
}
