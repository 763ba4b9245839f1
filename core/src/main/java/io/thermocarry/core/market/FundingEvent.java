package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A funding settlement. The rate is available at {@code time} (SPEC §1).
 *
 * @param time settlement instant (UTC; raw Binance times carry a few ms of jitter, readers keep them)
 * @param rate fraction per funding interval (0.0001 = 1 bp); {@code > 0}: longs pay shorts
 * @param interval the funding interval this rate covers (8 h, 4 h and 1 h all occur)
 * @param markPrice mark price at settlement in quote currency, NaN when the source has none
 */
public record FundingEvent(Instant time, double rate, Duration interval, double markPrice) {
    public FundingEvent {
        Checks.notNull(time, "time");
        Checks.finite(rate, "rate");
        Checks.positive(interval, "interval");
        Checks.check(Double.isNaN(markPrice) || markPrice > 0, "markPrice must be > 0 or NaN, was " + markPrice);
    }

    /** A settlement without a mark price. */
    public FundingEvent(Instant time, double rate, Duration interval) {
        this(time, rate, interval, Double.NaN);
    }
}
