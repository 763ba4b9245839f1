package io.thermocarry.binance;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's path says about its content, for sources whose rows do not name symbol, market or
 * interval. Two layouts are understood:
 * <ul>
 *   <li>the data tree of {@code ../shared/data/binance}:
 *   {@code klines/<interval>/<spot|futures|mark|index|premium>/<SYMBOL>[.part-x].csv[.gz]},
 *   {@code funding/<SYMBOL>[.part-x].csv[.gz]}, {@code funding/multi/*},
 *   {@code crosscheck/funding/<SYMBOL-or-COIN>.<source>.(csv|json)[.gz]};</li>
 *   <li>Binance archive names {@code SYMBOL-<interval>-YYYY-MM[-DD].(zip|csv)} with the market taken
 *   from the data.binance.vision folders ({@code spot}, {@code futures/um}, {@code markPriceKlines},
 *   {@code indexPriceKlines}, {@code premiumIndexKlines}), and {@code SYMBOL-fundingRate-YYYY-MM.(zip|csv)}.</li>
 * </ul>
 *
 * @param symbol symbol named by the path, or null
 * @param market market named by the path, or null
 * @param interval kline interval named by the path, or null
 * @param kind klines or funding when the path says so, else {@link Kind#UNKNOWN}
 * @param archiveName true for a Binance archive file name ({@code BTCUSDT-1h-2024-01.zip})
 * @param intervalProblem why the interval named by the path is unusable (e.g. {@code 1M}), or null
 * @param marketProblem why the market named by the path is unusable (e.g. COIN-M), or null
 */
record PathHints(Symbol symbol, Market market, BarInterval interval, Kind kind, boolean archiveName,
        String intervalProblem, String marketProblem) {

    /** What the path says the file holds. */
    enum Kind { KLINES, FUNDING, UNKNOWN }

    private static final Pattern ARCHIVE_KLINES =
            Pattern.compile("([A-Z0-9]{2,30})-([0-9]{1,2}[smhdwM])-([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)");
    private static final Pattern ARCHIVE_FUNDING =
            Pattern.compile("([A-Z0-9]{2,30})-fundingRate-([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)");
    private static final Pattern SYMBOL_PREFIX = Pattern.compile("([A-Z0-9]{2,30})(?:[.\\-_].*)?");

    /** Reads hints from a path or URL string ({@code /} or {@code \} separated). */
    static PathHints of(String path) {
        List<String> seg = new ArrayList<>();
        for (String s : path.split("[/\\\\]")) {
            if (!s.isEmpty() && !s.equals(".")) {
                seg.add(s);
            }
        }
        if (seg.isEmpty()) {
            return new PathHints(null, null, null, Kind.UNKNOWN, false, null, null);
        }
        String name = seg.get(seg.size() - 1);
        String stem = stripExtensions(name);

        Matcher k = ARCHIVE_KLINES.matcher(stem);
        if (k.matches()) {
            BarInterval iv = intervalOf(k.group(2));
            MarketFromFolders mf = archiveMarket(seg);
            return new PathHints(new Symbol(k.group(1)), mf.market, iv, Kind.KLINES, true,
                    iv == null ? unsupportedInterval(k.group(2)) : null, mf.problem);
        }
        Matcher f = ARCHIVE_FUNDING.matcher(stem);
        if (f.matches()) {
            return new PathHints(new Symbol(f.group(1)), null, null, Kind.FUNDING, true, null, null);
        }

        int klines = seg.lastIndexOf("klines");
        if (klines >= 0 && klines + 3 == seg.size() - 1) {
            String ivCode = seg.get(klines + 1);
            BarInterval iv = intervalOf(ivCode);
            Market market = marketOf(seg.get(klines + 2));
            return new PathHints(symbolPrefix(name), market, iv, Kind.KLINES, false,
                    iv == null ? unsupportedInterval(ivCode) : null,
                    market == null ? "market folder '" + seg.get(klines + 2)
                            + "' is none of spot, futures, mark, index, premium: pass --market" : null);
        }
        int funding = seg.lastIndexOf("funding");
        if (funding >= 0 && funding == seg.size() - 2) {
            return new PathHints(symbolPrefix(name), null, null, Kind.FUNDING, false, null, null);
        }
        if (funding >= 0 && funding == seg.size() - 3 && seg.get(funding + 1).equals("multi")) {
            return new PathHints(null, null, null, Kind.FUNDING, false, null, null);
        }
        return new PathHints(symbolPrefix(name), null, null, Kind.UNKNOWN, false, null, null);
    }

    /** {@code BTCUSDT-1h-2024-01.csv.gz} → {@code BTCUSDT-1h-2024-01}. */
    static String stripExtensions(String name) {
        String s = name;
        for (String ext : new String[] {".gz", ".zip", ".csv", ".json"}) {
            if (s.toLowerCase(Locale.ROOT).endsWith(ext)) {
                s = s.substring(0, s.length() - ext.length());
            }
        }
        return s;
    }

    private static Symbol symbolPrefix(String name) {
        Matcher m = SYMBOL_PREFIX.matcher(name);
        return m.matches() ? new Symbol(m.group(1)) : null;
    }

    /** Exact, case-sensitive Binance code: {@code 1M} (month) must not read as {@code 1m}. */
    static BarInterval intervalOf(String code) {
        for (BarInterval i : BarInterval.values()) {
            if (i.code().equals(code)) {
                return i;
            }
        }
        return null;
    }

    private static String unsupportedInterval(String code) {
        StringBuilder sb = new StringBuilder("interval '" + code + "' is not supported (");
        BarInterval[] all = BarInterval.values();
        for (int i = 0; i < all.length; i++) {
            sb.append(i > 0 ? ", " : "").append(all[i].code());
        }
        return sb.append(')').toString();
    }

    private static Market marketOf(String folder) {
        return switch (folder) {
            case "spot" -> Market.SPOT;
            case "futures", "perp", "um" -> Market.PERP;
            case "mark" -> Market.MARK;
            case "index" -> Market.INDEX;
            case "premium" -> Market.PREMIUM;
            default -> null;
        };
    }

    private record MarketFromFolders(Market market, String problem) {
    }

    private static MarketFromFolders archiveMarket(List<String> seg) {
        if (seg.contains("markPriceKlines")) {
            return new MarketFromFolders(Market.MARK, null);
        }
        if (seg.contains("indexPriceKlines")) {
            return new MarketFromFolders(Market.INDEX, null);
        }
        if (seg.contains("premiumIndexKlines")) {
            return new MarketFromFolders(Market.PREMIUM, null);
        }
        for (int i = 0; i + 1 < seg.size(); i++) {
            if (seg.get(i).equals("futures")) {
                if (seg.get(i + 1).equals("um")) {
                    return new MarketFromFolders(Market.PERP, null);
                }
                if (seg.get(i + 1).equals("cm")) {
                    return new MarketFromFolders(null,
                            "COIN-M futures (futures/cm) are not supported: thermocarry reads USDT-M (futures/um); pass --market to override");
                }
            }
        }
        if (seg.contains("spot")) {
            return new MarketFromFolders(Market.SPOT, null);
        }
        return new MarketFromFolders(null, null);
    }
}
