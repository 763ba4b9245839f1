package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;

/**
 * One kline. Its values are <em>available</em> at {@link #closeTime()} = open time + interval, never
 * at its open (SPEC §1).
 *
 * @param openTime bar open (UTC)
 * @param interval bar length
 * @param open first price (quote currency; a fraction for {@link Market#PREMIUM})
 * @param high highest price
 * @param low lowest price
 * @param close last price
 * @param volume traded volume in base asset (0 for mark/index/premium)
 */
public record Bar(Instant openTime, BarInterval interval, double open, double high, double low, double close,
        double volume) {
    public Bar {
        Checks.notNull(openTime, "openTime");
        Checks.notNull(interval, "interval");
        Checks.finite(open, "open");
        Checks.finite(high, "high");
        Checks.finite(low, "low");
        Checks.finite(close, "close");
        Checks.nonNegative(volume, "volume");
        Checks.check(high >= low, "high " + high + " < low " + low);
    }

    /** The instant the bar's values become known. */
    public Instant closeTime() {
        return openTime.plusMillis(interval.millis());
    }
}
