package io.thermocarry.binance;

/**
 * Epoch time unit of one file, fixed by its first row: Binance archives use milliseconds, some recent
 * spot archives microseconds (SPEC §1). A value above 1e14 is microseconds (1e14 ms would be the year
 * 5138; 1e14 µs is 1973). A row in the other unit is rejected rather than silently rescaled, because a
 * file mixing units has been spliced and its rows cannot all be right. Values below 1e11 (before
 * 1973-03-03 in ms) are rejected: they are most likely seconds.
 */
final class EpochUnit {
    private static final long MICROS_ABOVE = 100_000_000_000_000L;
    private static final long MILLIS_FROM = 100_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;

    private boolean fixed;
    private boolean micros;
    /** Why the last {@link #toMillis} failed. */
    String reason;

    /**
     * Converts {@code raw} to epoch milliseconds; returns {@link Long#MIN_VALUE} and sets {@link #reason}
     * when it is out of range or in the other unit than the file's.
     */
    long toMillis(long raw, RowText row, int field) {
        if (raw < MILLIS_FROM) {
            reason = row.name(field) + " '" + row.text(field) + "' is not epoch ms or µs (too small: before 1973, seconds?)";
            return Long.MIN_VALUE;
        }
        if (raw >= MICROS_BELOW) {
            reason = row.name(field) + " '" + row.text(field) + "' is not epoch ms or µs (too large: nanoseconds?)";
            return Long.MIN_VALUE;
        }
        boolean us = raw > MICROS_ABOVE;
        if (!fixed) {
            fixed = true;
            micros = us;
        } else if (us != micros) {
            reason = row.name(field) + " '" + row.text(field) + "': time unit " + (us ? "µs" : "ms")
                    + " differs from the file's " + (micros ? "µs" : "ms");
            return Long.MIN_VALUE;
        }
        return us ? Math.floorDiv(raw, 1000L) : raw;
    }

    /** Whether the file's unit is microseconds (false until the first row fixed it). */
    boolean micros() {
        return micros;
    }
}
