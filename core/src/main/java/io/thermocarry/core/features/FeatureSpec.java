package io.thermocarry.core.features;

import io.thermocarry.core.Checks;
import java.time.Duration;

/**
 * How the features are computed (SPEC §8). Every rolling percentile and z-score is taken against the feature's
 * own past inside {@code [d − window, d)}, never including the decision's own value.
 *
 * @param window look-back of the percentiles and z-scores (30 days)
 * @param minHistory fewest past values for a percentile or z-score; fewer: not evaluated (10)
 * @param quoteMaxAge a book-ticker quote older than this at the decision is stale: spread not evaluated (1 min)
 * @param quoteSampleStep the spread's history keeps the first quote of each step (1 s): a tick archive holds
 *     tens of millions of quotes a day; the first of each step is a causal thinning (whether a quote is kept
 *     depends only on quotes before it)
 * @param depthMaxAge a book depth snapshot older than this is stale (5 min; the archive's cadence is ~30 s)
 * @param openInterestMaxAge an open-interest observation farther than this from the time it stands for is
 *     stale (1 h; the 5-min {@code metrics} and 4 h files land on the settlement grid)
 * @param openInterestHorizon the OI change is over this span; {@link Duration#ZERO} = the funding interval at
 *     the decision (set 1 d for daily aggregator data)
 * @param liquidationHorizon liquidation notional is summed over this span ending at the decision;
 *     {@link Duration#ZERO} = the funding interval (set 1 d for daily aggregates)
 */
public record FeatureSpec(Duration window, int minHistory, Duration quoteMaxAge, Duration quoteSampleStep,
        Duration depthMaxAge, Duration openInterestMaxAge, Duration openInterestHorizon, Duration liquidationHorizon) {
    /** Validates positive durations (horizons may be zero: the funding interval). */
    public FeatureSpec {
        Checks.positive(window, "window");
        Checks.positive(minHistory, "minHistory");
        Checks.positive(quoteMaxAge, "quoteMaxAge");
        Checks.positive(quoteSampleStep, "quoteSampleStep");
        Checks.positive(depthMaxAge, "depthMaxAge");
        Checks.positive(openInterestMaxAge, "openInterestMaxAge");
        Checks.check(!Checks.notNull(openInterestHorizon, "openInterestHorizon").isNegative(),
                "openInterestHorizon must be >= 0");
        Checks.check(!Checks.notNull(liquidationHorizon, "liquidationHorizon").isNegative(),
                "liquidationHorizon must be >= 0");
    }

    /** 30 days, 10 values, 1 min, 1 s, 5 min, 1 h, horizons = the funding interval. */
    public static FeatureSpec defaults() {
        return new FeatureSpec(Duration.ofDays(30), 10, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofHours(1), Duration.ZERO, Duration.ZERO);
    }

    /** A copy with another window. */
    public FeatureSpec withWindow(Duration w) {
        return new FeatureSpec(w, minHistory, quoteMaxAge, quoteSampleStep, depthMaxAge, openInterestMaxAge,
                openInterestHorizon, liquidationHorizon);
    }

    /** A copy with other horizons ({@link Duration#ZERO} = the funding interval). */
    public FeatureSpec withHorizons(Duration openInterest, Duration liquidations) {
        return new FeatureSpec(window, minHistory, quoteMaxAge, quoteSampleStep, depthMaxAge, openInterestMaxAge,
                openInterest, liquidations);
    }

    /** A copy with another open-interest staleness limit. */
    public FeatureSpec withOpenInterestMaxAge(Duration maxAge) {
        return new FeatureSpec(window, minHistory, quoteMaxAge, quoteSampleStep, depthMaxAge, maxAge,
                openInterestHorizon, liquidationHorizon);
    }
}
