package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import io.thermocarry.core.market.Symbol;

/**
 * One bucket of the relaxation-bucket test: the carry of a unit short-basis position (long spot + short perp,
 * notional 1) over the cycle that follows each decision in the bucket. Per decision at settlement {@code t_k}:
 * funding {@code F} (the rate the held cycle is paid under the compat mode's accrual convention), basis
 * {@code −(b_end,k − b_start,k)/100}, total their sum; all fractions of notional per cycle (1e-4 = 1 bp).
 * Statistics are NaN for an empty bucket.
 *
 * @param symbol symbol
 * @param compat signals and accrual the test ran under
 * @param scheme how decisions were grouped
 * @param bucket relaxation bucket index (0 = lowest r)
 * @param entropyBucket entropy-rate tercile (0 = lowest) for the two-dimensional scheme, −1 otherwise
 * @param relaxationLow lower edge of r, inclusive ({@code −∞} for the first bucket)
 * @param relaxationHigh upper edge of r, exclusive ({@code +∞} for the last bucket)
 * @param entropyLow lower edge of the entropy rate, inclusive (NaN when not used)
 * @param entropyHigh upper edge of the entropy rate, exclusive (NaN when not used)
 * @param count decisions in the bucket
 * @param meanTotal mean total carry
 * @param meanFunding mean funding carry
 * @param meanBasis mean basis carry
 * @param medianTotal median total carry
 * @param medianFunding median funding carry
 * @param medianBasis median basis carry
 * @param hitRate share of decisions with total carry {@code > 0}
 * @param convergenceShare share with {@code |b_end| < |b_start|} (the basis came back)
 * @param worstDecile 10th percentile of the total carry (numpy linear)
 * @param worstDecileMean mean of the worst {@code ⌈10 % · count⌉} totals
 */
public record BucketRow(Symbol symbol, Compat compat, BucketScheme scheme, int bucket, int entropyBucket,
        double relaxationLow, double relaxationHigh, double entropyLow, double entropyHigh, int count,
        double meanTotal, double meanFunding, double meanBasis, double medianTotal, double medianFunding,
        double medianBasis, double hitRate, double convergenceShare, double worstDecile, double worstDecileMean) {

    /** A readable label such as {@code r∈[0.80,1.05) e∈[-0.3,0.1)}. */
    public String label() {
        String r = "r∈[" + edge(relaxationLow) + "," + edge(relaxationHigh) + ")";
        return entropyBucket < 0 ? r : r + " e∈[" + edge(entropyLow) + "," + edge(entropyHigh) + ")";
    }

    private static String edge(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
