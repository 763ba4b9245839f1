package io.thermocarry.store;

/**
 * What {@link Store#importParquet} did. Rows are matched on the table's key: identical rows are already
 * present, rows whose key is stored with different values are conflicts (the stored row is kept).
 *
 * @param table table imported into
 * @param rowsInserted rows added
 * @param rowsAlreadyPresent rows whose key was stored with identical values
 * @param conflicts rows whose key was stored with different values (not imported)
 */
public record ImportReport(String table, long rowsInserted, long rowsAlreadyPresent, long conflicts) {
}
