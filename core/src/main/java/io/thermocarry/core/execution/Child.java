package io.thermocarry.core.execution;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import java.util.Locale;

/**
 * When an execution child decides (SPEC §15): at the close of every bar of an interval ({@link Every}: 5 m, the
 * desk's main frequency; 15 m, the low-churn variant), or only at the funding settlements ({@link #SETTLEMENT}:
 * the settlement-only engine, whatever the funding interval is — 8 h, 4 h or 1 h).
 */
public sealed interface Child permits Child.Every, Child.Settlement {
    /** The settlement-only child. */
    Child SETTLEMENT = Settlement.INSTANCE;

    /** Short name: the interval code ({@code 5m}) or {@code settlement}. */
    String code();

    /** A child deciding at every close of {@code interval}. */
    static Child every(BarInterval interval) {
        return new Every(interval);
    }

    /** Parses {@code 5m}, {@code 15m}, {@code 1h}, ... or {@code settlement}. */
    static Child parse(String code) {
        String c = Checks.notNull(code, "child").trim().toLowerCase(Locale.ROOT);
        if (c.equals("settlement") || c.equals("settle") || c.equals("funding")) {
            return SETTLEMENT;
        }
        return every(BarInterval.parse(c));
    }

    /**
     * Decides at every close of {@code interval} (buckets aligned to the epoch, UTC).
     *
     * @param interval the child bar interval
     */
    record Every(BarInterval interval) implements Child {
        /** Validates. */
        public Every {
            Checks.notNull(interval, "interval");
        }

        @Override
        public String code() {
            return interval.code();
        }
    }

    /** Decides only at funding settlements. */
    enum Settlement implements Child {
        /** The one instance. */
        INSTANCE;

        @Override
        public String code() {
            return "settlement";
        }
    }
}
