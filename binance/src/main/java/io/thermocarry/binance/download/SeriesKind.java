package io.thermocarry.binance.download;

import io.thermocarry.core.market.Market;
import java.util.Locale;

/** A series the downloader fetches for a symbol (the CLI's {@code --series} names). */
public enum SeriesKind {
    /** Funding settlements ({@code /fapi/v1/fundingRate}, archive {@code fundingRate}). */
    FUNDING("funding", null),
    /** Perpetual klines. */
    PERP("perp", Market.PERP),
    /** Spot klines (the spot host). */
    SPOT("spot", Market.SPOT),
    /** Mark price klines. */
    MARK("mark", Market.MARK),
    /** Index price klines. */
    INDEX("index", Market.INDEX),
    /** Premium index klines. */
    PREMIUM("premium", Market.PREMIUM),
    /**
     * Open interest, 5-minute snapshots ({@code /futures/data/openInterestHist}, which keeps the last 30 days;
     * archive daily {@code metrics} files).
     */
    OI("oi", null);

    private final String code;
    private final Market market;

    SeriesKind(String code, Market market) {
        this.code = code;
        this.market = market;
    }

    /** The CLI name. */
    public String code() {
        return code;
    }

    /** The kline market, or null for funding and open interest. */
    public Market market() {
        return market;
    }

    /** True for series served by the futures host (all but spot). */
    public boolean futures() {
        return this != SPOT;
    }

    /** Parses a CLI name ({@code funding, perp, spot, mark, index, premium, oi}; {@code futures} for perp). */
    public static SeriesKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (SeriesKind v : values()) {
            if (v.code.equals(k)) {
                return v;
            }
        }
        if (k.equals("futures")) {
            return PERP;
        }
        throw new IllegalArgumentException("unknown series '" + s + "' (funding, perp, spot, mark, index, premium, oi)");
    }
}
