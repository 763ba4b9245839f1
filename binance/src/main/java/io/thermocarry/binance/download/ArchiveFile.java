package io.thermocarry.binance.download;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * One file of Binance's bulk archive (data.binance.vision), named by what it holds. Its {@link #path()} is the
 * archive's own, e.g. {@code data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip}; the same relative
 * path is used in the download cache, so that the reader infers symbol, market and interval from it as from any
 * archive file.
 *
 * @param kind klines, funding rates or metrics
 * @param symbol the symbol
 * @param market the kline market (null otherwise)
 * @param interval the kline interval (null otherwise)
 * @param first the first day the file covers (the 1st for a monthly file)
 * @param daily a daily file (else monthly)
 */
public record ArchiveFile(Kind kind, Symbol symbol, Market market, BarInterval interval, LocalDate first,
        boolean daily) {
    /** What an archive file holds. */
    public enum Kind {
        /** Klines of one market (folders {@code klines}, {@code markPriceKlines}, ...). */
        KLINES,
        /** Funding settlements ({@code fundingRate}, monthly only). */
        FUNDING_RATE,
        /** Open interest and long/short ratios every 5 minutes ({@code metrics}, daily only). */
        METRICS
    }

    /** Validates: klines name market and interval; monthly files start on the 1st; funding monthly, metrics daily. */
    public ArchiveFile {
        Checks.notNull(kind, "kind");
        Checks.notNull(symbol, "symbol");
        Checks.notNull(first, "first");
        if (kind == Kind.KLINES) {
            Checks.notNull(market, "market");
            Checks.notNull(interval, "interval");
        }
        Checks.check(daily || first.getDayOfMonth() == 1, "a monthly file starts on the 1st");
        Checks.check(kind != Kind.FUNDING_RATE || !daily, "Binance publishes fundingRate monthly only");
        Checks.check(kind != Kind.METRICS || daily, "Binance publishes metrics daily only");
    }

    /** The monthly kline file of {@code month}. */
    public static ArchiveFile monthlyKlines(Market market, Symbol symbol, BarInterval interval, YearMonth month) {
        return new ArchiveFile(Kind.KLINES, symbol, market, interval, month.atDay(1), false);
    }

    /** The daily kline file of {@code day}. */
    public static ArchiveFile dailyKlines(Market market, Symbol symbol, BarInterval interval, LocalDate day) {
        return new ArchiveFile(Kind.KLINES, symbol, market, interval, day, true);
    }

    /** The monthly funding file of {@code month}. */
    public static ArchiveFile monthlyFunding(Symbol symbol, YearMonth month) {
        return new ArchiveFile(Kind.FUNDING_RATE, symbol, null, null, month.atDay(1), false);
    }

    /** The daily metrics (open interest) file of {@code day}. */
    public static ArchiveFile dailyMetrics(Symbol symbol, LocalDate day) {
        return new ArchiveFile(Kind.METRICS, symbol, null, null, day, true);
    }

    /** {@code 2024-01} or {@code 2024-01-15}. */
    public String period() {
        return daily ? first.toString() : YearMonth.from(first).toString();
    }

    /** The zip's file name, e.g. {@code BTCUSDT-1h-2024-01.zip}. */
    public String fileName() {
        return switch (kind) {
            case FUNDING_RATE -> symbol + "-fundingRate-" + period() + ".zip";
            case METRICS -> symbol + "-metrics-" + period() + ".zip";
            case KLINES -> symbol + "-" + interval.code() + "-" + period() + ".zip";
        };
    }

    /** The archive path of the zip (its {@code .CHECKSUM} is beside it). */
    public String path() {
        String freq = daily ? "daily" : "monthly";
        if (kind == Kind.FUNDING_RATE) {
            return "data/futures/um/" + freq + "/fundingRate/" + symbol + "/" + fileName();
        }
        if (kind == Kind.METRICS) {
            return "data/futures/um/" + freq + "/metrics/" + symbol + "/" + fileName();
        }
        String root = market == Market.SPOT ? "data/spot/" : "data/futures/um/";
        String folder = switch (market) {
            case SPOT, PERP -> "klines";
            case MARK -> "markPriceKlines";
            case INDEX -> "indexPriceKlines";
            case PREMIUM -> "premiumIndexKlines";
        };
        return root + freq + "/" + folder + "/" + symbol + "/" + interval.code() + "/" + fileName();
    }

    /** Start of the period covered, epoch ms (inclusive). */
    public long startMs() {
        return first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** End of the period covered, epoch ms (exclusive). */
    public long endMs() {
        LocalDate next = daily ? first.plusDays(1) : first.plusMonths(1);
        return next.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** For messages: {@code BTCUSDT perp 1h 2024-01}. */
    public String describe() {
        return switch (kind) {
            case FUNDING_RATE -> symbol + " funding " + period();
            case METRICS -> symbol + " open interest " + period();
            case KLINES -> symbol + " " + market.code() + " " + interval.code() + " " + period();
        };
    }
}
