package io.thermocarry.binance;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;

/**
 * Overrides for what a file's path would otherwise say (the CLI's {@code --symbol}, {@code --market},
 * {@code --interval}). Each component is optional: null means "infer it from the path or the content".
 *
 * <p>For files whose rows name their own symbol (zushen168, REST {@code fundingRate}, yuchengzhang966)
 * a symbol acts as a filter: rows of other symbols are skipped and reported in one warning per symbol.
 * Market and interval concern klines only; funding files ignore them.
 *
 * @param symbol the symbol, or null to take it from the path or the rows
 * @param market the market of klines, or null to take it from the path
 * @param interval the kline interval, or null to take it from the path or the rows' close times
 */
public record ReadOptions(Symbol symbol, Market market, BarInterval interval) {
    private static final ReadOptions NONE = new ReadOptions(null, null, null);

    /** No overrides: everything is inferred. */
    public static ReadOptions none() {
        return NONE;
    }

    /** A copy with {@code symbol} set. */
    public ReadOptions withSymbol(Symbol symbol) {
        return new ReadOptions(symbol, market, interval);
    }

    /** A copy with {@code market} set. */
    public ReadOptions withMarket(Market market) {
        return new ReadOptions(symbol, market, interval);
    }

    /** A copy with {@code interval} set. */
    public ReadOptions withInterval(BarInterval interval) {
        return new ReadOptions(symbol, market, interval);
    }
}
