package io.thermocarry.binance.stream;

import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;

/**
 * A {@code <symbol>@bookTicker} event, futures ({@code {"e":"bookTicker","u":..,"E":..,"T":..,"s":..,"b":..,
 * "B":..,"a":..,"A":..}}) or spot ({@code {"u":..,"s":..,"b":..,"B":..,"a":..,"A":..}}, no event time: the
 * receive time is used). {@code updateId} is Binance's {@code u}, increasing per symbol and market.
 */
public record BookTickerEvent(Symbol symbol, Market market, long updateId, long eventTimeMs, double bid,
        double bidQty, double ask, double askQty) implements StreamEvent {
    @Override
    public String stream() {
        return symbol.name().toLowerCase(java.util.Locale.ROOT) + "@bookTicker";
    }
}
