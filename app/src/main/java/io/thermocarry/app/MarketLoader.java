package io.thermocarry.app;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.store.Store;
import java.time.Duration;
import java.time.Instant;

/**
 * Loads what a symbol's cycles need from the store (hourly perp, spot, mark, index bars and funding)
 * and builds the basis and the cycles. Wiring: the computation lives in {@code core.series}.
 */
final class MarketLoader {
    /** Hourly history loaded before {@code --from} so that the first cycle's as-of basis exists. */
    static final Duration LOOKBACK = Duration.ofDays(2);

    private MarketLoader() {
    }

    /** Hourly data of one symbol; {@code from}/{@code to} may be null (all data). */
    record Loaded(Symbol symbol, FundingSeries funding, BarSeries perp, BarSeries spot, BarSeries mark,
            BarSeries index, BasisSeries basis, FundingCycles cycles) {
    }

    static Loaded load(Store store, Symbol symbol, Instant from, Instant to) {
        return load(store, symbol, from, to, LOOKBACK);
    }

    /**
     * Settlements in {@code [from, to)} make the cycles (a cycle needs its next settlement inside the
     * range); bars are loaded from {@code from − lookback} so the as-of join has history.
     */
    static Loaded load(Store store, Symbol symbol, Instant from, Instant to, Duration lookback) {
        FundingSeries funding = store.funding(symbol, from, to);
        if (funding.isEmpty()) {
            throw new JobFailed("no funding events for " + symbol + rangeText(from, to)
                    + " in the store; run 'thermocarry ingest <files>' or 'thermocarry info' to see what it holds");
        }
        Instant barFrom = from == null ? null : from.minus(lookback);
        BarSeries perp = store.bars(symbol, Market.PERP, BarInterval.H1, barFrom, to);
        BarSeries spot = store.bars(symbol, Market.SPOT, BarInterval.H1, barFrom, to);
        BarSeries mark = store.bars(symbol, Market.MARK, BarInterval.H1, barFrom, to);
        BarSeries index = store.bars(symbol, Market.INDEX, BarInterval.H1, barFrom, to);
        BasisSeries basis;
        if (!perp.isEmpty() && !spot.isEmpty()) {
            basis = BasisSeries.of(perp, spot, mark, index);
        } else if (!mark.isEmpty() && !index.isEmpty()) {
            basis = BasisSeries.proxy(mark, index);
        } else {
            throw new JobFailed("no hourly basis for " + symbol + rangeText(from, to) + ": need 1h perp and spot klines"
                    + " (or mark and index) in the store; found perp " + perp.size() + ", spot " + spot.size()
                    + ", mark " + mark.size() + ", index " + index.size() + " bars");
        }
        FundingCycles cycles = CycleBuilder.build(funding, basis, mark.isEmpty() ? null : mark);
        return new Loaded(symbol, funding, perp, spot, mark, index, basis, cycles);
    }

    static String rangeText(Instant from, Instant to) {
        if (from == null && to == null) {
            return "";
        }
        return " in [" + (from == null ? "start" : from) + ", " + (to == null ? "end" : to) + ")";
    }
}
