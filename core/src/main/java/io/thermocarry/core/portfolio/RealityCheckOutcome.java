package io.thermocarry.core.portfolio;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.stats.RealityCheck;
import java.util.List;

/**
 * The data-snooping test of the best (symbol, strategy, configuration) against fair naive at one fee tier
 * ({@link RealityCheck}: Hansen's SPA, consistent p-value as the headline, White's reality check beside it).
 *
 * <p>Models: every out-of-sample book of every evaluated symbol other than naive itself and buy-and-hold
 * (physics under each regime configuration, tuned physics when evaluated, desk, threshold). Performance per
 * period: the model's per-cycle return minus naive's on the same symbol and cycle, summed into
 * {@code bucketHours} buckets of a calendar grid by cycle end (aligning 8 h and 4 h symbols and different
 * listing dates); a bucket where a symbol has no out-of-sample cycle contributes 0 (neither better nor worse
 * than naive, which is not trading there either).
 *
 * @param tier fee tier
 * @param models model labels {@code SYMBOL strategy/config}, in the result's order
 * @param bucketHours bucket width in hours
 * @param firstBucketMs start of the first bucket (epoch ms)
 * @param result the test
 */
public record RealityCheckOutcome(FeeTier tier, List<String> models, int bucketHours, long firstBucketMs,
        RealityCheck.Result result) {
    /** Copies the list. */
    public RealityCheckOutcome {
        models = List.copyOf(models);
    }

    /** The model the SPA statistic points to (largest t-statistic), or null. */
    public String best() {
        return result.bestByT() < 0 ? null : models.get(result.bestByT());
    }

    /** Annualised mean excess return of the best model over naive (fraction of capital per year), NaN if none. */
    public double bestExcessPerYear() {
        if (result.bestByT() < 0) {
            return Double.NaN;
        }
        return result.means()[result.bestByT()] * (8766.0 / bucketHours);
    }
}
