package io.thermocarry.core.market;

import java.util.List;

/**
 * The microstructure series one source holds besides open interest (which {@link ParsedSource} carries on its
 * own, SPEC §8): book depth bands, book tickers, liquidations with the periods their source watched, and funding
 * parameters. Empty for kline, funding and open-interest files.
 *
 * @param bookDepth futures {@code bookDepth} snapshots, one series per symbol
 * @param bookTicker best bid/offer updates, one series per symbol and market
 * @param liquidations forced orders or aggregates, one series per symbol
 * @param liquidationCoverage what the liquidation source watched (with or without rows)
 * @param fundingInfo funding cap/floor/interval per symbol
 */
public record MicroData(List<BookDepthSeries> bookDepth, List<BookTickerSeries> bookTicker,
        List<LiquidationSeries> liquidations, List<LiquidationCoverage> liquidationCoverage,
        List<FundingInfo> fundingInfo) {
    private static final MicroData NONE = new MicroData(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Copies the lists. */
    public MicroData {
        bookDepth = List.copyOf(bookDepth);
        bookTicker = List.copyOf(bookTicker);
        liquidations = List.copyOf(liquidations);
        liquidationCoverage = List.copyOf(liquidationCoverage);
        fundingInfo = List.copyOf(fundingInfo);
    }

    /** Nothing. */
    public static MicroData none() {
        return NONE;
    }

    /** Rows held (depth rows, quotes, liquidation rows, funding-info entries; coverage spans not counted). */
    public long rows() {
        long n = fundingInfo.size();
        for (BookDepthSeries s : bookDepth) {
            n += s.size();
        }
        for (BookTickerSeries s : bookTicker) {
            n += s.size();
        }
        for (LiquidationSeries s : liquidations) {
            n += s.size();
        }
        return n;
    }

    /** True when no series, coverage or funding info is held. */
    public boolean isEmpty() {
        return bookDepth.isEmpty() && bookTicker.isEmpty() && liquidations.isEmpty()
                && liquidationCoverage.isEmpty() && fundingInfo.isEmpty();
    }
}
