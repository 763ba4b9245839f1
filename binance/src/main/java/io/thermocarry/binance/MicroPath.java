package io.thermocarry.binance;

import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a path says about a microstructure file: the symbol and day of a Binance archive name
 * ({@code BTCUSDT-bookDepth-2023-10-16.zip}, {@code BTCUSDT-bookTicker-2023-10-02.zip},
 * {@code BTCUSDT-metrics-2023-10-16.zip}, {@code BTCUSDT-liquidationSnapshot-2023-10-16.zip}) and the market
 * of a book ticker file: {@code spot} in the path (data.binance.vision's {@code spot/} tree, or
 * {@code micro/bookTicker/spot/} in the data tree) means spot; otherwise the file is the USD-M futures
 * archive (the only book ticker archive Binance published, and what the shared {@code micro/bookTicker}
 * folder holds).
 *
 * @param dataset the archive's dataset name ({@code bookDepth}...), or null
 * @param dayStartMs start of the archive's day (UTC, epoch ms), or -1 when the name gives no day
 * @param tickerMarket market of a book ticker file
 */
record MicroPath(String dataset, long dayStartMs, Market tickerMarket) {
    private static final Pattern ARCHIVE = Pattern.compile(
            "([A-Z0-9]{2,30})-(bookDepth|bookTicker|metrics|liquidationSnapshot)-([0-9]{4})-([0-9]{2})-([0-9]{2})");

    static MicroPath of(String path) {
        List<String> seg = new ArrayList<>();
        for (String s : path.split("[/\\\\]")) {
            if (!s.isEmpty()) {
                seg.add(s);
            }
        }
        Market m = seg.contains("spot") ? Market.SPOT : Market.PERP;
        if (seg.isEmpty()) {
            return new MicroPath(null, -1, m);
        }
        Matcher a = ARCHIVE.matcher(PathHints.stripExtensions(seg.get(seg.size() - 1)));
        if (a.matches()) {
            long day = Ascii.daysFromCivil(Integer.parseInt(a.group(3)), Integer.parseInt(a.group(4)),
                    Integer.parseInt(a.group(5)));
            return new MicroPath(a.group(2), day * 86_400_000L, m);
        }
        return new MicroPath(null, -1, m);
    }

    /** The symbol of an archive name, or null. */
    static Symbol archiveSymbol(String path) {
        String[] seg = path.split("[/\\\\]");
        Matcher a = ARCHIVE.matcher(PathHints.stripExtensions(seg[seg.length - 1]));
        return a.matches() ? new Symbol(a.group(1)) : null;
    }
}
