package io.thermocarry.app;

import io.thermocarry.binance.download.BinanceHttp;
import io.thermocarry.binance.download.BinanceRestClient;
import io.thermocarry.binance.download.Sleeper;
import io.thermocarry.binance.stream.BinanceStreamClient;
import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.StreamBackfill;
import io.thermocarry.binance.stream.StreamConfig;
import io.thermocarry.binance.stream.StreamListener;
import io.thermocarry.core.market.FundingEvent;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.live.LiveDaemon;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Wires the binance module's stream client and REST backfill under the live daemon. */
final class LiveStreams {
    static final URI DEFAULT_FUTURES_REST = BinanceRestClient.DEFAULT_FUTURES_URL;
    static final URI DEFAULT_SPOT_REST = BinanceRestClient.DEFAULT_SPOT_URL;
    static final URI DEFAULT_FUTURES_WS = BinanceStreamClient.DEFAULT_FUTURES_WS;
    static final URI DEFAULT_SPOT_WS = BinanceStreamClient.DEFAULT_SPOT_WS;

    private LiveStreams() {
    }

    /** REST backfill of 1 m klines and settled funding on the futures and spot REST bases. */
    static LiveDaemon.Rest rest(URI futures, URI spot) {
        StreamBackfill b = new StreamBackfill(new BinanceRestClient(BinanceHttp.system(io.thermocarry.binance.download.NetPolicy.defaults()), futures, spot));
        return new LiveDaemon.Rest() {
            @Override
            public List<KlineEvent> klines(Symbol symbol, Market market, long fromMs, long toMs) {
                return b.klines(symbol, market, fromMs, toMs);
            }

            @Override
            public Optional<FundingEvent> settledFunding(Symbol symbol, long settlementMs) {
                return b.settledFunding(symbol, settlementMs);
            }
        };
    }

    /** The combined-stream connections of the symbols (futures and spot), started, delivering to {@code listener}. */
    static LiveDaemon.Feed feed(List<Symbol> symbols, URI futuresWs, URI spotWs, StreamListener listener) {
        BinanceStreamClient c = new BinanceStreamClient(StreamConfig.defaults(), symbols, futuresWs, spotWs, listener,
                Clock.systemUTC(), Sleeper.SYSTEM);
        c.start();
        return c::close;
    }
}
