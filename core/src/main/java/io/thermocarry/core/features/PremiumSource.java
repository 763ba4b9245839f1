package io.thermocarry.core.features;

/** Where a premium series comes from: what a predicted funding rate built on it may claim to be. */
public enum PremiumSource {
    /** Binance's premium index klines ({@code premiumIndexKlines}): the exchange's own input to its formula. */
    PREMIUM_INDEX,
    /**
     * A <em>proxy</em> from last prices, {@code (perp close − spot close) / spot close}: Binance's premium index
     * uses impact bid/ask prices against the index (a basket of spot venues), so a prediction on it is labelled
     * a proxy wherever it shows.
     */
    PERP_SPOT_PROXY
}
