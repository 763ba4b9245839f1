package io.thermocarry.store;

/**
 * One out-of-sample equity curve of an evaluation run, read back from the {@code ledger} table: the rows of one
 * book (strategy, configuration, fee tier, compat), in cycle order. Money in units of starting capital.
 *
 * @param strategy strategy name
 * @param config regime configuration
 * @param feeBps fee tier, bps round trip
 * @param compat {@code causal} or {@code reference}
 * @param startMs cycle starts, epoch ms
 * @param endMs cycle ends, epoch ms
 * @param equity equity at each cycle end
 */
public record StoredCurve(String strategy, String config, double feeBps, String compat, long[] startMs, long[] endMs,
        double[] equity) {
}
