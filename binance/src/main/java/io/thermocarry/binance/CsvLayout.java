package io.thermocarry.binance;

import java.util.List;

/**
 * The CSV layouts thermocarry reads, recognised by their header (and Binance archive klines also
 * without one). Detection looks at content, not at the file name, so a renamed file still reads right
 * and a wrong file is refused with what was expected.
 */
enum CsvLayout {
    /** data.binance.vision klines (spot, USDT-M, mark, index, premium); header optional, ms or µs. */
    ARCHIVE_KLINES("Binance archive klines", "open_time", "open", "high", "low", "close", "volume", "close_time",
            "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"),
    /** data.binance.vision {@code fundingRate} monthly files. */
    ARCHIVE_FUNDING("Binance archive fundingRate", "calc_time", "funding_interval_hours", "last_funding_rate"),
    /** data.binance.vision daily {@code metrics} files: open interest (and long/short ratios, not read). */
    ARCHIVE_METRICS("Binance archive metrics", "create_time", "symbol", "sum_open_interest", "sum_open_interest_value",
            "count_toptrader_long_short_ratio", "sum_toptrader_long_short_ratio", "count_long_short_ratio",
            "sum_taker_long_short_vol_ratio"),
    /** freqtrade feather converted to CSV: klines, or funding (only {@code open} = rate) under {@code funding/}. */
    FREQTRADE("freqtrade klines or funding", "open_time_ms", "date", "open", "high", "low", "close", "volume"),
    /** Emanuel-Goldman/data-report: local times with explicit offsets; {@code returns} is derived and ignored. */
    EMANUELGOLDMAN("emanuelgoldman klines", "open_time", "open", "high", "low", "close", "volume", "close_time",
            "returns"),
    /** TJF19770107/quant-strategy-river: ms UTC open time plus a naive UTC text copy (ignored). */
    TJF("tjf klines", "timestamp", "datetime", "open", "high", "low", "close", "volume"),
    /** ZuShen168/funding_rate_data: many symbols, interval per row. */
    ZUSHEN("zushen168 multi-symbol funding", "venue_symbol", "funding_time_ms", "funding_time_utc", "rate_raw",
            "interval_hours", "mark_price", "contract_type", "is_predicted", "canonical_symbol"),
    /** ElvisTV/backtestingbots_s1: ISO times with offset and raw ms jitter, mark price may be empty. */
    ELVISTV("ElvisTV funding", "timestamp", "funding_rate", "mark_price"),
    /** USD-M futures {@code bookDepth} archive: text UTC times, cumulative size in ±% bands. */
    BOOK_DEPTH("Binance archive bookDepth", "timestamp", "percentage", "depth", "notional"),
    /** {@code bookTicker} archive (USD-M; spot where published): best bid/offer updates, ms or µs times. */
    BOOK_TICKER("Binance archive bookTicker", "update_id", "best_bid_price", "best_bid_qty", "best_ask_price",
            "best_ask_qty", "transaction_time", "event_time"),
    /** REST {@code openInterestHist} saved as CSV (e.g. the shared 4 h files): ms times. */
    OPEN_INTEREST_HIST("openInterestHist CSV", "timestamp", "symbol", "sum_open_interest", "sum_open_interest_value"),
    /** {@code liquidationSnapshot} archive: one forced order per row, ms times, symbol from the file name. */
    LIQUIDATION_SNAPSHOT("Binance archive liquidationSnapshot", "time", "side", "order_type", "time_in_force",
            "original_quantity", "price", "average_price", "order_status", "last_fill_quantity",
            "accumulated_fill_quantity"),
    /** anmolkhullar24 polled open interest: local (IST) text times without zone, base-asset amounts. */
    POLLED_OPEN_INTEREST("anmolkhullar24 polled open interest", "Datetime", "Open Interest"),
    /** anmolkhullar24 {@code forceOrder} log with IST offsets. */
    FORCE_ORDER_LOG("anmolkhullar24 forceOrder log", "Symbol", "Side", "Order Type", "Time in Force", "Quantity",
            "Price", "Average Price", "Order Status", "Last Filled Quantity", "Filled Quantity", "Event Time (IST)",
            "Trade Time (IST)");

    private final String description;
    private final List<String> columns;

    CsvLayout(String description, String... columns) {
        this.description = description;
        this.columns = List.of(columns);
    }

    /** Column names as the source spells them. */
    List<String> columns() {
        return columns;
    }

    String description() {
        return description;
    }

    /** The layout whose header the cursor's current line is, or null. */
    static CsvLayout byHeader(CsvCursor cur) {
        for (CsvLayout l : values()) {
            if (cur.fields() != l.columns.size()) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < l.columns.size() && all; i++) {
                all = cur.fieldEqualsIgnoreCase(i, l.columns.get(i));
            }
            if (all) {
                return l;
            }
        }
        return null;
    }

    /** True when the current line looks like a headerless archive kline row (12 fields, numeric time). */
    static boolean isHeaderlessArchiveKlines(CsvCursor cur) {
        if (cur.fields() != ARCHIVE_KLINES.columns.size()) {
            return false;
        }
        cur.integer(0);
        return cur.ascii.ok;
    }

    /** True when the current line looks like a headerless archive funding row (3 numeric fields). */
    static boolean isHeaderlessArchiveFunding(CsvCursor cur) {
        if (cur.fields() != ARCHIVE_FUNDING.columns.size()) {
            return false;
        }
        cur.integer(0);
        if (!cur.ascii.ok) {
            return false;
        }
        cur.number(2);
        return cur.ascii.ok;
    }

    /**
     * True for a Coinalyze export (CryptoVizArt): first column {@code t} (UTC day), then one column per venue
     * named like {@code BTC/USDT - Binance} (open interest) or {@code BTC/USDT - Binance_long} (liquidations).
     */
    static boolean isCoinalyze(CsvCursor cur) {
        if (cur.fields() < 2 || !cur.fieldEqualsIgnoreCase(0, "t")) {
            return false;
        }
        for (int f = 1; f < cur.fields(); f++) {
            if (cur.text(f).contains(" - ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a headerless row of the widely copied {@code !forceOrder@arr} recorder: 12 fields (13 in
     * later rows of some files), side {@code BUY|SELL}, an epoch-ms trade time in field 11.
     */
    static boolean isForceOrderRecorder(CsvCursor cur) {
        if (cur.fields() != 12 && cur.fields() != 13) {
            return false;
        }
        if (!cur.fieldEqualsIgnoreCase(1, "BUY") && !cur.fieldEqualsIgnoreCase(1, "SELL")) {
            return false;
        }
        cur.integer(10);
        return cur.ascii.ok;
    }

    /** One line per layout, for "unknown layout" messages. */
    static String expectedList() {
        StringBuilder sb = new StringBuilder();
        for (CsvLayout l : values()) {
            sb.append(sb.length() > 0 ? "; " : "").append(l.description).append(" (")
                    .append(String.join(",", l.columns)).append(')');
        }
        return sb.append("; Binance archive klines without header (12 numeric columns)")
                .append("; Coinalyze daily open interest or liquidations (t, '<BASE>/USDT - Binance'...)")
                .append("; forceOrder recorder without header (symbol,side,order_type,...,trade_time_ms,usd_size)")
                .append("; Binance REST JSON (fundingRate, klines, openInterestHist, fundingInfo, ticker/bookTicker)")
                .append(" or yuchengzhang966 funding JSON").toString();
    }
}
