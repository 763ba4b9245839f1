package io.thermocarry.core.margin;

/**
 * Binance's margin formulas for one perp position in an isolated-like wallet (USDT-M, one-way mode). Money
 * in USDT, quantity {@code q > 0} in contracts of the base asset, prices in USDT.
 *
 * <ul>
 *   <li>margin balance {@code B(P) = W + s·q·(P − P_e)} (wallet plus unrealized PnL; {@code s} = +1 long,
 *       −1 short);</li>
 *   <li>maintenance margin {@code MM(P) = q·P·r_b − cum_b}, bracket {@code b} at notional {@code q·P};</li>
 *   <li>Binance margin ratio {@code MM / B} (liquidation at {@code >= 1}); thermocarry's coverage
 *       {@code B / MM} (liquidation at {@code <= 1});</li>
 *   <li>liquidation price: the root of {@code B(P) = MM(P)}, per bracket
 *       {@code P = (W + cum_b − s·q·P_e) / (q·(r_b − s))}, the bracket chosen at the liquidation notional
 *       (each bracket's candidate is tried; {@code B − MM} is monotone in {@code P}, so exactly one bracket's
 *       root falls inside it).</li>
 * </ul>
 */
public final class MarginMath {
    private MarginMath() {
    }

    /** Margin balance {@code W + s·q·(P − P_e)}, USDT. */
    public static double marginBalance(PerpLeg leg, double qty, double entryPrice, double wallet, double price) {
        return wallet + leg.sign() * qty * (price - entryPrice);
    }

    /** Maintenance margin at price {@code P}: {@code q·P·r_b − cum_b}, USDT. */
    public static double maintenance(BracketTable table, double qty, double price) {
        return table.maintenance(qty * price);
    }

    /** Binance's margin ratio {@code MM / B} at price {@code P} ({@code +∞} when the balance is not positive). */
    public static double binanceMarginRatio(BracketTable table, PerpLeg leg, double qty, double entryPrice,
            double wallet, double price) {
        double b = marginBalance(leg, qty, entryPrice, wallet, price);
        return b <= 0 ? Double.POSITIVE_INFINITY : maintenance(table, qty, price) / b;
    }

    /** thermocarry's coverage {@code B / MM} at price {@code P} (the reciprocal of Binance's ratio). */
    public static double coverage(BracketTable table, PerpLeg leg, double qty, double entryPrice, double wallet,
            double price) {
        return marginBalance(leg, qty, entryPrice, wallet, price) / maintenance(table, qty, price);
    }

    /**
     * Liquidation price of the position: the price at which the margin balance equals maintenance. For a long
     * leg whose wallet covers a fall to 0, returns 0; for a short leg it is always finite and positive.
     *
     * @param qty contracts, {@code > 0}
     */
    public static double liquidationPrice(BracketTable table, PerpLeg leg, double qty, double entryPrice,
            double wallet) {
        int s = leg.sign();
        if (leg == PerpLeg.LONG && wallet - qty * entryPrice >= 0) {
            return 0.0; // B(0) >= MM(0) = 0: a fall to zero does not reach maintenance
        }
        int n = table.size();
        double best = Double.NaN;
        double bestMiss = Double.POSITIVE_INFINITY;
        for (int b = 0; b < n; b++) {
            double p = (wallet + table.cum(b) - s * qty * entryPrice) / (qty * (table.rate(b) - s));
            if (!(p > 0)) {
                continue;
            }
            double v = qty * p;
            double lo = table.floor(b);
            double hi = table.cap(b);
            if (v >= lo && v < hi) {
                return p;
            }
            // rounding at a bracket edge: keep the candidate that misses its bracket by the least
            double miss = v < lo ? (lo - v) / lo : (v - hi) / hi;
            if (miss < bestMiss) {
                bestMiss = miss;
                best = p;
            }
        }
        return best;
    }
}
