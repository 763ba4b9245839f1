package io.thermocarry.binance.stream;

import io.thermocarry.binance.download.BinanceRestClient;
import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingEvent;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * REST repairs for the live streams, through {@link BinanceRestClient} (its weight limits, retries, 429
 * {@code Retry-After} waits and errors): the closed 1 m klines of a {@link StreamHealth.Kind#GAP}, as
 * {@link KlineEvent}s the owner feeds in order, and the settled funding rate of a settlement once Binance publishes it.
 */
public final class StreamBackfill {
    private static final long MINUTE_MS = 60_000L;
    private final BinanceRestClient rest;

    /** @param rest the REST client (futures base for perp, mark and funding; spot base for spot) */
    public StreamBackfill(BinanceRestClient rest) {
        this.rest = Checks.notNull(rest, "rest");
    }

    /**
     * The closed 1 m klines of {@code market} ({@link Market#PERP} or {@link Market#SPOT}) with open time in
     * {@code [fromMs, toMs)}, in open-time order, as closed {@link KlineEvent}s: close time = open + 1 m − 1 ms (as
     * Binance's {@code T}), event time = open + 1 m (when the bar became final). A bar Binance does not have (an
     * outage) is simply absent.
     *
     * @throws io.thermocarry.binance.download.BinanceNetException when REST fails for good
     */
    public List<KlineEvent> klines(Symbol symbol, Market market, long fromMs, long toMs) {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(market, "market");
        List<KlineEvent> out = new ArrayList<>();
        if (toMs <= fromMs) {
            return out;
        }
        rest.klines(market, symbol, BarInterval.M1, fromMs, toMs, page -> {
            for (BarSeries s : page.parsed().bars()) {
                for (int i = 0; i < s.size(); i++) {
                    long open = s.openTimeMs(i);
                    if (open < fromMs || open >= toMs) {
                        continue;
                    }
                    out.add(new KlineEvent(symbol, market, "1m", open, open + MINUTE_MS - 1, s.open(i), s.high(i),
                            s.low(i), s.close(i), s.volume(i), true, open + MINUTE_MS));
                }
            }
        });
        return out;
    }

    /**
     * The klines missing in a {@link StreamHealth.Kind#GAP} report of {@link BinanceStreamClient}: the leg from its
     * connection ({@code futures} → perp, {@code spot} → spot) and the symbol from its stream
     * ({@code btcusdt@kline_1m}).
     */
    public List<KlineEvent> repair(StreamHealth gap) {
        Checks.notNull(gap, "gap");
        Checks.check(gap.kind() == StreamHealth.Kind.GAP, "not a gap: " + gap);
        Checks.check(gap.stream() != null && gap.stream().contains("@kline_"), "not a kline gap: " + gap);
        Symbol symbol = Symbol.of(gap.stream().substring(0, gap.stream().indexOf('@')).toUpperCase(Locale.ROOT));
        return klines(symbol, marketOf(gap), gap.fromMs(), gap.toMs());
    }

    /** The leg of a connection name: {@code spot} → {@link Market#SPOT}, otherwise {@link Market#PERP}. */
    public static Market marketOf(StreamHealth health) {
        return BinanceStreamClient.SPOT.equals(health.connection()) ? Market.SPOT : Market.PERP;
    }

    /**
     * The settled rate of {@code symbol}'s settlement at {@code settlementMs} (the whole minute; Binance's
     * {@code fundingTime} carries a few ms of jitter) from {@code /fapi/v1/fundingRate}, or empty while Binance has not
     * published it yet. The request starts 8 h earlier, so the interval is resolved from the spacing to the settlement
     * before, as {@link BinanceRestClient#fundingRate} does (with none in those 8 h: Binance's default 8 h).
     */
    public Optional<FundingEvent> settledFunding(Symbol symbol, long settlementMs) {
        Checks.notNull(symbol, "symbol");
        long minute = Math.floorDiv(settlementMs, MINUTE_MS) * MINUTE_MS;
        List<FundingEvent> found = new ArrayList<>();
        // from one interval of up to 8 h before, so that the interval is resolved from the spacing
        rest.fundingRate(symbol, minute - 8 * 3_600_000L - MINUTE_MS, minute + MINUTE_MS, Long.MIN_VALUE, 0, page -> {
            for (FundingSeries f : page.parsed().funding()) {
                for (int i = 0; i < f.size(); i++) {
                    if (f.timeMs(i) == minute) {
                        found.add(f.event(i));
                    }
                }
            }
        });
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }
}
