package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import java.time.Duration;

/**
 * The causal universe filter (SPEC §12): which candidate symbols (spot + perp + funding in the store) a carry
 * book may hold from a rebalance at time {@code T}, judged only on data available at or before {@code T}.
 *
 * <p>A candidate is a member when all of these hold (the first failing one is its exclusion reason, in this
 * order, see {@link ExclusionReason}):
 * <ol>
 * <li>listed: at least one funding cycle ended at or before {@code T};</li>
 * <li>live: its last basis observation is no older than {@code staleAfter} at {@code T};</li>
 * <li>history: at least {@code minHistoryCycles} completed cycles with a basis observation (the signals'
 * warm-up plus one training window by default: 360 + 360 cycles);</li>
 * <li>funding coverage of the {@code lookback} window {@code (T − lookback, T]} at least
 * {@code minFundingCoverage} (settlements present over expected, {@link SymbolMarket#fundingCoverage});</li>
 * <li>basis coverage: hourly basis observations in the window over its hours at least
 * {@code minBasisCoverage};</li>
 * <li>liquidity: the median daily quote volume over the whole UTC days of the window, of the thinner leg
 * (min of perp and spot), at least {@code minQuoteVolume} (quote currency per day; 0 disables);</li>
 * <li>depth, only when {@code minDepthNotional} is set: the median ±1 % book depth over the window at least
 * that (quote currency); a candidate without depth data is excluded as "depth not evaluated", never passed
 * silently;</li>
 * <li>rank: with {@code maxSymbols > 0}, only the most liquid {@code maxSymbols} of the remaining members
 * stay.</li>
 * </ol>
 *
 * @param minHistoryCycles completed cycles with basis needed ({@code >= 0})
 * @param lookback window of the coverage and liquidity tests ({@code > 0})
 * @param staleAfter largest age of the last basis observation at {@code T} ({@code > 0})
 * @param minFundingCoverage fraction in {@code [0, 1]}
 * @param minBasisCoverage fraction in {@code [0, 1]}
 * @param minQuoteVolume median daily quote volume of the thinner leg, quote currency per day ({@code >= 0})
 * @param minDepthNotional median ±1 % depth, quote currency; NaN = depth not used
 * @param maxSymbols keep at most this many by liquidity ({@code 0} = no limit)
 */
public record UniverseSpec(int minHistoryCycles, Duration lookback, Duration staleAfter, double minFundingCoverage,
        double minBasisCoverage, double minQuoteVolume, double minDepthNotional, int maxSymbols) {
    /** Validates. */
    public UniverseSpec {
        Checks.nonNegative(minHistoryCycles, "minHistoryCycles");
        Checks.positive(lookback, "lookback");
        Checks.positive(staleAfter, "staleAfter");
        Checks.inRange(minFundingCoverage, 0, 1, "minFundingCoverage");
        Checks.inRange(minBasisCoverage, 0, 1, "minBasisCoverage");
        Checks.nonNegative(minQuoteVolume, "minQuoteVolume");
        Checks.check(Double.isNaN(minDepthNotional) || minDepthNotional >= 0,
                "minDepthNotional must be NaN (not used) or >= 0, was " + minDepthNotional);
        Checks.nonNegative(maxSymbols, "maxSymbols");
    }

    /**
     * 720 cycles of history, a 30-day window, live within 1 day, 90 % funding and basis coverage, 10 M quote
     * currency a day on the thinner leg, no depth filter, no rank limit.
     */
    public static UniverseSpec defaults() {
        return new UniverseSpec(720, Duration.ofDays(30), Duration.ofDays(1), 0.90, 0.90, 10_000_000.0, Double.NaN, 0);
    }

    /** A filter that admits every candidate with data at {@code T} (for tests and fixed symbol lists). */
    public static UniverseSpec permissive() {
        return new UniverseSpec(0, Duration.ofDays(30), Duration.ofDays(36_500), 0, 0, 0, Double.NaN, 0);
    }

    /** Whether the depth filter is on. */
    public boolean usesDepth() {
        return !Double.isNaN(minDepthNotional);
    }

    /** Same filter with another history requirement. */
    public UniverseSpec withMinHistoryCycles(int cycles) {
        return new UniverseSpec(cycles, lookback, staleAfter, minFundingCoverage, minBasisCoverage, minQuoteVolume,
                minDepthNotional, maxSymbols);
    }

    /** Same filter with another liquidity floor. */
    public UniverseSpec withMinQuoteVolume(double quotePerDay) {
        return new UniverseSpec(minHistoryCycles, lookback, staleAfter, minFundingCoverage, minBasisCoverage,
                quotePerDay, minDepthNotional, maxSymbols);
    }

    /** Same filter with a rank limit. */
    public UniverseSpec withMaxSymbols(int max) {
        return new UniverseSpec(minHistoryCycles, lookback, staleAfter, minFundingCoverage, minBasisCoverage,
                minQuoteVolume, minDepthNotional, max);
    }

    /** Same filter with a depth floor (NaN: off). */
    public UniverseSpec withMinDepthNotional(double notional) {
        return new UniverseSpec(minHistoryCycles, lookback, staleAfter, minFundingCoverage, minBasisCoverage,
                minQuoteVolume, notional, maxSymbols);
    }
}
