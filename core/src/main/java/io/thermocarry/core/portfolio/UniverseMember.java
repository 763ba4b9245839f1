package io.thermocarry.core.portfolio;

import io.thermocarry.core.market.Symbol;

/**
 * A symbol admitted at a rebalance, with the figures it was admitted on (all from data available then).
 *
 * @param symbol symbol
 * @param historyCycles completed cycles with basis
 * @param fundingCoverage settlements present over expected in the look-back window
 * @param basisCoverage hourly basis observations over hours in the window
 * @param perpQuoteVolume median daily perp quote volume in the window (quote currency per day)
 * @param spotQuoteVolume median daily spot quote volume in the window
 * @param depthNotional median ±1 % depth in the window, NaN when the depth filter is off
 */
public record UniverseMember(Symbol symbol, int historyCycles, double fundingCoverage, double basisCoverage,
        double perpQuoteVolume, double spotQuoteVolume, double depthNotional) {
    /** Liquidity of the pair: the thinner leg's median daily quote volume. */
    public double pairQuoteVolume() {
        return Math.min(perpQuoteVolume, spotQuoteVolume);
    }
}
