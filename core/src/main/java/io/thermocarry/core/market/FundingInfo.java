package io.thermocarry.core.market;

import io.thermocarry.core.Checks;

/**
 * A symbol's funding parameters from REST {@code /fapi/v1/fundingInfo} (SPEC §8): the adjusted cap and floor
 * that clamp the settled rate, and the funding interval. Binance lists only symbols with adjusted values.
 *
 * @param symbol the perpetual
 * @param capRate upper bound of the rate, fraction per interval ({@code adjustedFundingRateCap}, e.g. 0.02)
 * @param floorRate lower bound, fraction per interval ({@code adjustedFundingRateFloor}, e.g. −0.02)
 * @param intervalHours funding interval in hours ({@code fundingIntervalHours}: 8, 4 or 1)
 */
public record FundingInfo(Symbol symbol, double capRate, double floorRate, int intervalHours) {
    /** Validates {@code floor <= cap} and a positive interval. */
    public FundingInfo {
        Checks.notNull(symbol, "symbol");
        Checks.finite(capRate, "capRate");
        Checks.finite(floorRate, "floorRate");
        Checks.check(floorRate <= capRate, "funding floor " + floorRate + " above cap " + capRate);
        Checks.positive(intervalHours, "intervalHours");
    }
}
