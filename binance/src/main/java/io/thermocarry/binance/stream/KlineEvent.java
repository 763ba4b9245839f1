package io.thermocarry.binance.stream;

import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;

/**
 * A {@code <symbol>@kline_<interval>} event ({@code {"e":"kline","E":..,"s":..,"k":{"t":open time,"T":close
 * time,"s":..,"i":"1m","o":..,"c":..,"h":..,"l":..,"v":..,"n":..,"x":closed,"q":..,...}}}). Only events with
 * {@code closed} true carry a final bar; the others are the bar so far.
 */
public record KlineEvent(Symbol symbol, Market market, String interval, long openTimeMs, long closeTimeMs,
        double open, double high, double low, double close, double volume, boolean closed, long eventTimeMs)
        implements StreamEvent {
    @Override
    public String stream() {
        return symbol.name().toLowerCase(java.util.Locale.ROOT) + "@kline_" + interval;
    }
}
