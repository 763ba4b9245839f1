/**
 * The embedded DuckDB store: the only package of thermocarry that speaks SQL ({@code java.sql},
 * {@code org.duckdb}). Other modules see domain types only: {@link io.thermocarry.store.Store} takes
 * {@link io.thermocarry.core.market.ParsedSource}s and series in, gives series, {@link io.thermocarry.store.StoreInfo}
 * and Parquet files out.
 *
 * <p>Writes are one transaction per input file and idempotent: a key already stored with the same values is
 * counted as already present, a key stored with different values is a recorded conflict (the stored value is
 * kept), never a silent overwrite. The schema evolves through an ordered list of migrations recorded in
 * {@code schema_version}; see {@code Schema}.
 */
package io.thermocarry.store;
