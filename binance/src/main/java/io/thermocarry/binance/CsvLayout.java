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
    ELVISTV("ElvisTV funding", "timestamp", "funding_rate", "mark_price");

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

    /** One line per layout, for "unknown layout" messages. */
    static String expectedList() {
        StringBuilder sb = new StringBuilder();
        for (CsvLayout l : values()) {
            sb.append(sb.length() > 0 ? "; " : "").append(l.description).append(" (")
                    .append(String.join(",", l.columns)).append(')');
        }
        return sb.append("; Binance archive klines without header (12 numeric columns)")
                .append("; Binance REST JSON (fundingRate, klines) or yuchengzhang966 funding JSON").toString();
    }
}
