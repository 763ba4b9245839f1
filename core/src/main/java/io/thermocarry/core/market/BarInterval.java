package io.thermocarry.core.market;

import java.time.Duration;

/** Kline intervals thermocarry handles, with Binance's codes. */
public enum BarInterval {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    H8("8h", Duration.ofHours(8)),
    D1("1d", Duration.ofDays(1));

    private final String code;
    private final Duration duration;
    private final long millis;

    BarInterval(String code, Duration duration) {
        this.code = code;
        this.duration = duration;
        this.millis = duration.toMillis();
    }

    /** Binance's code, e.g. {@code 1h}. */
    public String code() {
        return code;
    }

    public Duration duration() {
        return duration;
    }

    /** Length in milliseconds. */
    public long millis() {
        return millis;
    }

    /** Parses a Binance interval code such as {@code 5m} or {@code 1h}. */
    public static BarInterval parse(String code) {
        for (BarInterval i : values()) {
            if (i.code.equalsIgnoreCase(code.trim())) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + code + "' (1m, 5m, 15m, 1h, 4h, 8h, 1d)");
    }
}
