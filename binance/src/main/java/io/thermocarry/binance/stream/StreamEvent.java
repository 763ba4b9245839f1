package io.thermocarry.binance.stream;

import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;

/**
 * One decoded event of Binance's public market streams (SPEC §14). Prices are parsed from Binance's string
 * numbers; times are epoch milliseconds as Binance sends them ({@code E} the event time).
 */
public sealed interface StreamEvent permits MarkPriceEvent, BookTickerEvent, KlineEvent {
    /** The symbol the event is for. */
    Symbol symbol();

    /** {@link Market#PERP} for futures streams (mark price events included), {@link Market#SPOT} for spot. */
    Market market();

    /** Binance's event time {@code E} (for spot bookTicker, which has none, the receive time). */
    long eventTimeMs();

    /** The stream name as Binance spells it, e.g. {@code btcusdt@markPrice@1s}. */
    String stream();
}
