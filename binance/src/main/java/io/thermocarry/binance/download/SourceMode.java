package io.thermocarry.binance.download;

import java.util.Locale;

/** Where the downloader takes data from. */
public enum SourceMode {
    /** The REST API only: any range up to the last finished bar, page by page. */
    REST,
    /**
     * The bulk archive only: monthly files for finished months, daily files for the finished days of the current
     * month (funding: monthly only). Today's bars are not in the archive.
     */
    ARCHIVE,
    /** The archive for what it has, then REST for whatever is still missing (today, unpublished files, 404s). */
    AUTO;

    /** Parses {@code rest|archive|auto}. */
    public static SourceMode parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "rest" -> REST;
            case "archive" -> ARCHIVE;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("unknown source '" + s + "' (rest, archive, auto)");
        };
    }
}
