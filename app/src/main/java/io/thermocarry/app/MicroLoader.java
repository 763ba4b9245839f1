package io.thermocarry.app;

import io.thermocarry.core.features.MicroInputs;
import io.thermocarry.core.features.PremiumSeries;
import io.thermocarry.core.features.PremiumSource;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import java.time.Duration;
import java.time.Instant;

/**
 * Loads a symbol's microstructure inputs from the store for {@code [from − look-back, to)}: book tickers of both
 * legs, book depth, open interest, liquidations and their coverage, funding info, and the premium: Binance's
 * premium index klines at the finest interval stored, else (or with {@code --premium proxy}) the perp−spot proxy
 * from the bar interval (1m, 5m, 15m, 1h) whose joined perp and spot bars cover the most of the decisions' range
 * (the finest on a tie). Wiring only: the features are computed in core.
 */
final class MicroLoader {
    private static final BarInterval[] FINEST_FIRST = {BarInterval.M1, BarInterval.M5, BarInterval.M15, BarInterval.H1};

    private MicroLoader() {
    }

    /**
     * @param from first decision (null: all data)
     * @param lookBack history loaded before {@code from}: the feature window plus a margin
     */
    static MicroInputs load(Store store, Symbol symbol, FundingSeries funding, Instant from, Instant to,
            Duration lookBack, String premiumChoice) {
        Instant a = from == null ? null : from.minus(lookBack);
        return new MicroInputs(symbol, store.bookTicker(symbol, Market.PERP, a, to),
                store.bookTicker(symbol, Market.SPOT, a, to), store.bookDepth(symbol, a, to),
                store.openInterest(symbol, a, to), store.liquidations(symbol, a, to), store.liquidationCoverage(symbol),
                premium(store, symbol, a, from, to, premiumChoice), funding, store.fundingInfo(symbol));
    }

    /**
     * @param a start of the load (decisions minus look-back)
     * @param from first decision: the proxy's interval is chosen by its coverage of {@code [from, to)}
     */
    static PremiumSeries premium(Store store, Symbol symbol, Instant a, Instant from, Instant to, String choice) {
        if (!choice.equals("proxy")) {
            for (BarInterval iv : FINEST_FIRST) {
                BarSeries p = store.bars(symbol, Market.PREMIUM, iv, a, to);
                if (!p.isEmpty()) {
                    return PremiumSeries.ofPremiumKlines(p);
                }
            }
            if (choice.equals("index")) {
                return PremiumSeries.empty(PremiumSource.PREMIUM_INDEX);
            }
        }
        // the proxy from the interval that covers the most of the decisions' range, the finest on a tie (1 m bars
        // often exist for a few weeks only; 1 h bars for years)
        long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        PremiumSeries best = PremiumSeries.empty(PremiumSource.PERP_SPOT_PROXY);
        long bestSpan = 0;
        for (BarInterval iv : FINEST_FIRST) {
            BarSeries perp = store.bars(symbol, Market.PERP, iv, a, to);
            if (perp.isEmpty()) {
                continue;
            }
            BarSeries spot = store.bars(symbol, Market.SPOT, iv, a, to);
            PremiumSeries p = spot.isEmpty() ? null : PremiumSeries.proxy(perp, spot);
            if (p == null) {
                continue;
            }
            long span = 0;
            for (int i = 0; i < p.size(); i++) {
                if (p.openMs(i) >= lo && p.openMs(i) < hi) {
                    span += iv.millis();
                }
            }
            if (span > bestSpan) {
                best = p;
                bestSpan = span;
            }
        }
        return best;
    }
}
