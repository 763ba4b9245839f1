package io.thermocarry.binance;

import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Binance REST microstructure payloads, one JSON object at a time (the streaming reader hands over each
 * object's scalar fields; {@code openInterestHist} is read by the reader itself):
 * <ul>
 *   <li>{@code /fapi/v1/fundingInfo}: {@code {symbol, adjustedFundingRateCap, adjustedFundingRateFloor,
 *   fundingIntervalHours}};</li>
 *   <li>{@code /fapi/v1/ticker/bookTicker} (one object or an array): {@code {symbol, bidPrice, bidQty, askPrice,
 *   askQty, time, lastUpdateId}}: a perp quote available at {@code time}. Spot's {@code /api/v3/ticker/bookTicker}
 *   has no time and cannot be placed on the clock: such rows are rejected.</li>
 * </ul>
 */
final class MicroJson {
    private MicroJson() {
    }

    static boolean isBookTicker(Map<String, String> fields) {
        return fields.containsKey("bidPrice") && fields.containsKey("askPrice");
    }

    private static Symbol symbol(Map<String, String> f, long line, Context ctx) {
        String s = f.get("symbol");
        if (s == null || s.isBlank()) {
            Symbol fallback = ctx.options.symbol() != null ? ctx.options.symbol() : ctx.hints.symbol();
            if (fallback == null) {
                ctx.problems.reject(line, "symbol missing and the path names no symbol: pass --symbol");
            }
            return fallback;
        }
        try {
            Symbol sym = Symbol.of(s);
            if (ctx.options.symbol() != null && !ctx.options.symbol().equals(sym)) {
                ctx.problems.warn(line, "row of " + sym + " skipped: the read was limited to " + ctx.options.symbol());
                return null;
            }
            return sym;
        } catch (IllegalArgumentException e) {
            ctx.problems.reject(line, "symbol '" + s + "' is not a Binance symbol");
            return null;
        }
    }

    private static double number(Map<String, String> f, String name, long line, Context ctx, boolean nonNegative) {
        String s = f.get(name);
        if (s == null) {
            ctx.problems.reject(line, name + " missing");
            return Double.NaN;
        }
        Ascii a = new Ascii();
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        double v = a.toDouble(b, 0, b.length);
        if (!a.ok || !Double.isFinite(v) || (nonNegative && v < 0)) {
            ctx.problems.reject(line, name + " '" + s + "' is not a " + (nonNegative ? "non-negative " : "")
                    + "finite number");
            return Double.NaN;
        }
        return v;
    }

    private static long epoch(Map<String, String> f, String name, long line, Context ctx) {
        String s = f.get(name);
        if (s == null) {
            ctx.problems.reject(line, name + " missing (a quote without a time cannot be placed on the clock)");
            return Long.MIN_VALUE;
        }
        Ascii a = new Ascii();
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        long raw = a.toLong(b, 0, b.length);
        if (!a.ok) {
            ctx.problems.reject(line, name + " '" + s + "' is not a whole number (epoch ms)");
            return Long.MIN_VALUE;
        }
        EpochUnit unit = new EpochUnit();
        long t = unit.toMillis(raw, new RowText() {
            @Override
            public String name(int field) {
                return name;
            }

            @Override
            public String text(int field) {
                return s;
            }
        }, 0);
        if (t == Long.MIN_VALUE) {
            ctx.problems.reject(line, unit.reason);
        }
        return t;
    }

    static void fundingInfo(Map<String, String> f, long line, Context ctx) {
        Symbol s = symbol(f, line, ctx);
        if (s == null) {
            return;
        }
        double cap = number(f, "adjustedFundingRateCap", line, ctx, false);
        double floor = Double.isNaN(cap) ? Double.NaN : number(f, "adjustedFundingRateFloor", line, ctx, false);
        double hours = Double.isNaN(floor) ? Double.NaN : number(f, "fundingIntervalHours", line, ctx, true);
        if (Double.isNaN(hours)) {
            return;
        }
        if (floor > cap || hours < 1 || hours != Math.rint(hours)) {
            ctx.problems.reject(line, "fundingInfo of " + s + ": floor " + floor + ", cap " + cap + ", interval " + hours
                    + " h: need floor <= cap and a whole number of hours");
            return;
        }
        ctx.micro.fundingInfo(line, new FundingInfo(s, cap, floor, (int) hours));
    }

    static void bookTicker(Map<String, String> f, long line, Context ctx) {
        Symbol s = symbol(f, line, ctx);
        if (s == null) {
            return;
        }
        long t = epoch(f, "time", line, ctx);
        if (t == Long.MIN_VALUE) {
            return;
        }
        double bid = number(f, "bidPrice", line, ctx, true);
        double bq = Double.isNaN(bid) ? Double.NaN : number(f, "bidQty", line, ctx, true);
        double ask = Double.isNaN(bq) ? Double.NaN : number(f, "askPrice", line, ctx, true);
        double aq = Double.isNaN(ask) ? Double.NaN : number(f, "askQty", line, ctx, true);
        if (Double.isNaN(aq)) {
            return;
        }
        if (!(bid > 0) || bid > ask) {
            ctx.problems.reject(line, "bidPrice " + f.get("bidPrice") + " / askPrice " + f.get("askPrice")
                    + ": need 0 < bid <= ask");
            return;
        }
        String id = f.get("lastUpdateId");
        long updateId = 0;
        if (id != null) {
            Ascii a = new Ascii();
            byte[] b = id.getBytes(StandardCharsets.ISO_8859_1);
            updateId = a.toLong(b, 0, b.length);
            if (!a.ok || updateId < 0) {
                ctx.problems.reject(line, "lastUpdateId '" + id + "' is not a whole number");
                return;
            }
        }
        Market m = ctx.options.market() != null ? ctx.options.market() : MicroPath.of(ctx.source).tickerMarket();
        ctx.micro.ticker(line, s, m == Market.SPOT ? Market.SPOT : Market.PERP, t, t, updateId, bid, bq, ask, aq);
    }
}
