package io.thermocarry.store;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code ingested_files}: a source that was committed to the store.
 *
 * @param path file path or URL as first ingested
 * @param sha256 hex SHA-256 of its bytes
 * @param series the series it held, e.g. {@code bars:BTCUSDT:perp:1h}, {@code funding:BTCUSDT}
 * @param policy the reject policy it was ingested under
 * @param rowsRead data rows its reader saw
 * @param rowsAccepted rows it added
 * @param rowsRejected rows its reader rejected
 * @param rowsAlreadyPresent rows that were already stored with identical values
 * @param conflicts rows that disagreed with stored values
 * @param ingestedAt commit time
 */
public record IngestedFile(String path, String sha256, List<String> series, RejectPolicy policy, long rowsRead,
        long rowsAccepted, long rowsRejected, long rowsAlreadyPresent, long conflicts, Instant ingestedAt) {
    public IngestedFile {
        series = List.copyOf(series);
    }
}
