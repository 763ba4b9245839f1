package io.thermocarry.core.features;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;

/**
 * Everything the features of one symbol are computed from; any series may be empty (its features are then not
 * evaluated).
 *
 * @param symbol the perpetual
 * @param perpTicker perp best bid/offer
 * @param spotTicker spot best bid/offer
 * @param depth futures book depth bands
 * @param openInterest open interest
 * @param liquidations liquidation rows
 * @param coverage periods the liquidation sources watched (for this symbol)
 * @param premium premium index points (or the perp–spot proxy)
 * @param funding settlements: the interval boundaries of the prediction, and the settled rates it is judged by
 * @param fundingInfo the symbol's cap/floor, or null (no clamp beyond Binance's ±0.05 % interest clamp)
 */
public record MicroInputs(Symbol symbol, BookTickerSeries perpTicker, BookTickerSeries spotTicker,
        BookDepthSeries depth, OpenInterestSeries openInterest, LiquidationSeries liquidations,
        LiquidationCoverage coverage, PremiumSeries premium, FundingSeries funding, FundingInfo fundingInfo) {
    /** Validates that every series is of {@code symbol} and the tickers of their markets. */
    public MicroInputs {
        Checks.notNull(symbol, "symbol");
        Checks.check(perpTicker.symbol().equals(symbol) && perpTicker.market() == Market.PERP, "perp ticker of " + symbol);
        Checks.check(spotTicker.symbol().equals(symbol) && spotTicker.market() == Market.SPOT, "spot ticker of " + symbol);
        Checks.check(depth.symbol().equals(symbol), "depth of " + symbol);
        Checks.check(openInterest.symbol().equals(symbol), "open interest of " + symbol);
        Checks.check(liquidations.symbol().equals(symbol), "liquidations of " + symbol);
        Checks.notNull(coverage, "coverage");
        Checks.notNull(premium, "premium");
        Checks.check(funding.symbol().equals(symbol), "funding of " + symbol);
        Checks.check(fundingInfo == null || fundingInfo.symbol().equals(symbol), "funding info of " + symbol);
    }

    /** No microstructure data at all (every feature not evaluated), funding only. */
    public static MicroInputs none(FundingSeries funding) {
        Symbol s = funding.symbol();
        return new MicroInputs(s, BookTickerSeries.empty(s, Market.PERP), BookTickerSeries.empty(s, Market.SPOT),
                BookDepthSeries.empty(s), OpenInterestSeries.empty(s), LiquidationSeries.empty(s),
                new LiquidationCoverage(s, new long[0], new long[0]), PremiumSeries.empty(PremiumSource.PREMIUM_INDEX),
                funding, null);
    }
}
