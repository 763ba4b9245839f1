package io.thermocarry.app;

import io.thermocarry.binance.LeverageBracketReader;
import io.thermocarry.core.margin.BracketTable;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.marginrisk.MarginStudySpec;
import io.thermocarry.store.Store;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The margin path's options (SPEC §13), shared by {@code margin}, {@code backtest} and {@code evaluate}. */
final class MarginOptions {
    @Option(names = "--leverage", paramLabel = "L[,L...]", split = ",",
            description = "perp leverage of the margin path; 0 = margin off (backtest/evaluate default 0, margin "
                    + "default 3); margin accepts a list")
    List<Double> leverage;

    @Option(names = "--futures-share", defaultValue = "0", paramLabel = "FRACTION",
            description = "futures-wallet share of capital kept by the desk (the wallet is at least the initial "
                    + "margin N/L; default ${DEFAULT-VALUE})")
    double futuresShare;

    @Option(names = "--transfer-delay", defaultValue = "1h", paramLabel = "DURATION",
            description = "time for a spot→futures transfer to arrive, e.g. 0m, 1h, 12h (default ${DEFAULT-VALUE})")
    String transferDelay;

    @Option(names = "--transfer-at", defaultValue = "0.5", paramLabel = "FRACTION",
            description = "order a top-up when this fraction of the initial margin N/L is lost; 0 = never "
                    + "(default ${DEFAULT-VALUE})")
    double transferAt;

    @Option(names = "--clearance-fee", defaultValue = "0.0125", paramLabel = "FRACTION",
            description = "liquidation clearance fee, fraction of the liquidated notional (default ${DEFAULT-VALUE})")
    double clearanceFee;

    @Option(names = "--capital-usdt", defaultValue = "1000000", paramLabel = "USDT",
            description = "USDT per unit of capital, for the bracket look-up (default ${DEFAULT-VALUE})")
    double capitalUsdt;

    @Option(names = "--brackets", paramLabel = "FILE",
            description = "maintenance-margin brackets in the /fapi/v1/leverageBracket JSON shape (default: the "
                    + "built-in BTC/ETH/SOL tables and a generic alt table)")
    Path brackets;

    @Option(names = "--margin-bars", defaultValue = "1h", paramLabel = "1h|1m|5m|15m",
            description = "bar resolution of the margin path (default ${DEFAULT-VALUE})")
    String marginBars;

    @Option(names = "--buffer-resamples", defaultValue = "1000", paramLabel = "N",
            description = "block-bootstrap resamples of the futures share needed (default ${DEFAULT-VALUE})")
    int bufferResamples;

    @Option(names = "--buffer-block", defaultValue = "21", paramLabel = "CYCLES",
            description = "cycles per bootstrap block (default ${DEFAULT-VALUE})")
    int bufferBlock;

    @Option(names = "--buffer-seed", defaultValue = "20260115", paramLabel = "N",
            description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long bufferSeed;

    private Map<String, BracketTable> loaded;

    /** Leverages asked for, or {@code fallback} when none. */
    List<Double> leverages(double fallback) {
        List<Double> l = leverage == null || leverage.isEmpty() ? List.of(fallback) : leverage;
        for (double v : l) {
            if (!(v == 0 || v >= 1 && v <= 125)) {
                throw new UsageError("--leverage " + v + ": 0 (margin off) or in [1, 125]");
            }
        }
        return l;
    }

    /** The one leverage of backtest/evaluate (0 when absent). */
    double single() {
        List<Double> l = leverages(0);
        if (l.size() != 1) {
            throw new UsageError("--leverage: one value here (the margin command takes a list)");
        }
        return l.get(0);
    }

    /** The spec at {@code lev} for {@code symbol}. */
    MarginSpec spec(Symbol symbol, double lev) {
        try {
            return new MarginSpec(lev, futuresShare, VetoOptions.duration(transferDelay, "--transfer-delay"),
                    transferAt, clearanceFee, capitalUsdt, table(symbol));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The bracket table of a symbol: from --brackets when it has it, else the built-in default. */
    BracketTable table(Symbol symbol) {
        if (brackets != null && loaded == null) {
            try {
                loaded = LeverageBracketReader.read(brackets);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new JobFailed(e.getMessage() + " (--brackets)");
            }
        }
        if (loaded != null && loaded.containsKey(symbol.name())) {
            return loaded.get(symbol.name());
        }
        return BracketTable.defaultFor(symbol.name());
    }

    /** The buffer bootstrap. */
    MarginStudySpec study() {
        if (bufferResamples < 0 || bufferBlock < 1) {
            throw new UsageError("--buffer-resamples must be >= 0 and --buffer-block >= 1");
        }
        return new MarginStudySpec(bufferBlock, bufferResamples, bufferSeed);
    }

    /** The resolution of the margin path. */
    BarInterval interval() {
        try {
            return BarInterval.parse(marginBars.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageError("--margin-bars '" + marginBars + "': " + e.getMessage());
        }
    }

    /**
     * The margin path's bars: the hourly market's own at 1 h, else the store's perp/spot/mark bars of the
     * resolution in {@code [from, to)}.
     */
    MarginBars bars(Store store, MarketLoader.Loaded market, Instant from, Instant to) {
        BarInterval iv = interval();
        if (iv == BarInterval.H1) {
            return MarginBars.of(market.perp(), market.spot(), market.mark());
        }
        Symbol s = market.symbol();
        BarSeries perp = store.bars(s, Market.PERP, iv, from, to);
        if (perp.isEmpty()) {
            throw new JobFailed("no " + iv.code() + " perp bars for " + s + MarketLoader.rangeText(from, to)
                    + " in the store: ingest klines/" + iv.code() + " or use --margin-bars 1h");
        }
        return MarginBars.of(perp, store.bars(s, Market.SPOT, iv, from, to), store.bars(s, Market.MARK, iv, from, to));
    }
}
