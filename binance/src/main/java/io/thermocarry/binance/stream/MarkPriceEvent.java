package io.thermocarry.binance.stream;

import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;

/**
 * A futures {@code <symbol>@markPrice@1s} event: {@code {"e":"markPriceUpdate","E":..,"s":..,"p":mark,
 * "i":index,"P":estimated settle price,"r":funding rate,"T":next funding time}}.
 */
public record MarkPriceEvent(Symbol symbol, long eventTimeMs, double markPrice, double indexPrice,
        double fundingRate, long nextFundingTimeMs) implements StreamEvent {
    @Override
    public Market market() {
        return Market.PERP;
    }

    @Override
    public String stream() {
        return symbol.name().toLowerCase(java.util.Locale.ROOT) + "@markPrice@1s";
    }
}
