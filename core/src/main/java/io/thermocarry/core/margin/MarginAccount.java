package io.thermocarry.core.margin;

/**
 * The futures wallet of one carry's perp leg, walked bar by bar (SPEC §13); the mutable state the cycle engine
 * (and the buffer study) drives. Money in units of capital, quantities in capital units per price (so
 * {@code q·P} is the notional in units of capital); the bracket look-up converts to USDT with
 * {@link MarginSpec#capitalUsdt()}. Primitive state only: the bar step allocates nothing.
 *
 * <p>Per bar: a transfer that has arrived by the bar's open is credited; the worst price of the bar (high for a
 * short perp, low for a long one) gives the margin balance {@code B = W + s·q·(P − P_e)} and maintenance
 * {@code MM = MM_usdt(q·P·C)/C}; the coverage {@code B/MM} updates the path's minimum; {@code B <= MM} is a
 * liquidation at {@link MarginMath#liquidationPrice}; otherwise a margin balance at the close short of its target
 * by {@code transferAt · N/L} or more orders a top-up of that shortfall (see {@link MarginSpec}).
 */
public final class MarginAccount {
    private final MarginSpec spec;
    private final BracketTable table;
    private final double usdt;
    private final double perUsdt;
    private final double leverage;
    private final double share;
    private final double transferAt;
    private final long delayMs;

    private int sign;
    private double notional;
    private double qty;
    private double entry;
    private double wallet;
    private double target;
    private double trigger = Double.POSITIVE_INFINITY;
    private double capital;
    private boolean pending;
    private double pendingAmount;
    private long arrivalMs;
    private double liquidationPrice = Double.NaN;
    // the bracket of the last look-up: a leg's notional mostly stays in it
    private double bracketFloor = 1;
    private double bracketCap = 0;
    private double bracketRate;
    private double bracketCum;

    private double minCoverage = Double.POSITIVE_INFINITY;
    private long minCoverageMs = Long.MIN_VALUE;
    private double minCoverageWorst = Double.NaN;
    private double minCoverageStrike = Double.NaN;
    private int transfers;
    private double transferred;
    private int overLeveraged;

    /** An account under {@code spec} (must be enabled). */
    public MarginAccount(MarginSpec spec) {
        if (!spec.enabled()) {
            throw new IllegalArgumentException("margin is off (leverage 0): no account to run");
        }
        this.spec = spec;
        this.table = spec.table();
        this.usdt = spec.capitalUsdt();
        this.perUsdt = 1.0 / usdt;
        this.leverage = spec.leverage();
        this.share = spec.futuresShare();
        this.transferAt = spec.transferAt();
        this.delayMs = spec.transferDelay().toMillis();
    }

    /** The policy. */
    public MarginSpec spec() {
        return spec;
    }

    /**
     * Opens (or re-sizes) the perp leg: the wallets are re-split, the futures wallet set to its target
     * {@code min(E, max(N/L, share·E))}, the leg struck at {@code price}; a transfer in flight is dropped (the
     * re-split supersedes it).
     */
    public void open(PerpLeg leg, double notional, double price, double capital) {
        open(leg, notional, price, 1.0 / price, capital);
    }

    /** {@link #open(PerpLeg, double, double, double)} with {@code 1/price} precomputed. */
    public void open(PerpLeg leg, double notional, double price, double inversePrice, double capital) {
        this.sign = leg.sign();
        this.capital = capital;
        this.target = Math.min(capital, Math.max(notional / leverage, share * capital));
        this.wallet = target;
        this.pending = false;
        if (leverage > table.maxLeverage(notional * usdt)) {
            overLeveraged++;
        }
        strikeAt(notional, price, inversePrice);
    }

    /**
     * Carries the leg into a new cycle: the unrealized PnL at {@code price} moves into the wallet and the leg is
     * re-struck at {@code price} for notional {@code N} (the cycle engine holds a constant notional per cycle).
     */
    public void strike(double notional, double price, double capital) {
        strike(notional, price, 1.0 / price, capital);
    }

    /** {@link #strike(double, double, double)} with {@code 1/price} precomputed. */
    public void strike(double notional, double price, double inversePrice, double capital) {
        wallet += sign * qty * (price - entry);
        this.capital = capital;
        strikeAt(notional, price, inversePrice);
    }

    /** Moves the unrealized PnL at {@code price} into the wallet and re-bases the leg there (same quantity). */
    public void settle(double price) {
        wallet += sign * qty * (price - entry);
        entry = price;
    }

    /**
     * Re-strikes the leg at {@code price} for notional {@code N} without realizing anything (the caller settled
     * the previous price path with {@link #settle}); the buffer replay uses it where a resample joins two eras.
     */
    public void rebase(double notional, double price, double capital) {
        this.capital = capital;
        strikeAt(notional, price, 1.0 / price);
    }

    private void strikeAt(double n, double price, double inversePrice) {
        if (n != notional) {
            trigger = transferAt > 0 ? transferAt * n / leverage : Double.POSITIVE_INFINITY;
        }
        this.notional = n;
        this.qty = n * inversePrice;
        this.entry = price;
    }

    /** Adds to the futures wallet (funding received > 0, the perp leg's fees < 0). */
    public void credit(double amount) {
        wallet += amount;
    }

    /**
     * One bar. Returns true when the perp leg is liquidated inside it ({@link #liquidationPrice()} then holds
     * the fill).
     */
    public boolean bar(long openMs, long closeMs, double high, double low, double close) {
        if (pending && openMs >= arrivalMs) {
            wallet += pendingAmount;
            pending = false;
        }
        double worst = sign < 0 ? high : low;
        double balance = wallet + sign * qty * (worst - entry);
        double mm = maintenance(qty * worst);
        if (balance < minCoverage * mm) {
            recordCoverage(balance / mm, openMs, worst);
        }
        if (balance <= mm) {
            liquidationPrice = MarginMath.liquidationPrice(table, sign < 0 ? PerpLeg.SHORT : PerpLeg.LONG,
                    qty * usdt, entry, wallet * usdt);
            return true;
        }
        if (!pending) {
            double shortfall = target - (wallet + sign * qty * (close - entry));
            if (shortfall >= trigger) {
                pending = true;
                pendingAmount = shortfall;
                arrivalMs = closeMs + delayMs;
                transfers++;
                transferred += shortfall;
            }
        }
        return false;
    }

    private void recordCoverage(double cov, long openMs, double worst) {
        if (cov < minCoverage) {
            minCoverage = cov;
            minCoverageMs = openMs;
            minCoverageWorst = worst;
            minCoverageStrike = entry;
        }
    }

    /**
     * A whole cycle in O(1) from its extremes, when that is exact: no transfer in flight, the worst price of the
     * cycle (highest high for a short leg, lowest low for a long one) above maintenance, and the worst close short
     * of the top-up trigger. Then no bar of the cycle liquidates or orders a transfer (the balance minus
     * maintenance and the shortfall are monotone in the price), and the lowest coverage of its bars is at an
     * extreme (for a long leg the coverage is monotone in the price within a bracket, either way: both the lowest
     * and the highest low are tried). Returns false, changing nothing, when the bars must be walked.
     */
    public boolean quietCycle(double maxHigh, long maxHighMs, double minLow, long minLowMs, double maxLow,
            long maxLowMs, double maxClose, double minClose) {
        if (pending) {
            return false;
        }
        double worstClose = sign < 0 ? maxClose : minClose;
        if (target - (wallet + sign * qty * (worstClose - entry)) >= trigger) {
            return false;
        }
        if (sign < 0) {
            double b = wallet - qty * (maxHigh - entry);
            double mm = maintenance(qty * maxHigh);
            if (b <= mm) {
                return false;
            }
            if (b < minCoverage * mm) {
                recordCoverage(b / mm, maxHighMs, maxHigh);
            }
            return true;
        }
        double b = wallet + qty * (minLow - entry);
        double mm = maintenance(qty * minLow);
        if (b <= mm) {
            return false;
        }
        double b2 = wallet + qty * (maxLow - entry);
        double mm2 = maintenance(qty * maxLow);
        double c1 = b / mm;
        double c2 = b2 / mm2;
        // the earlier bar first, as the bar-by-bar walk records the first bar of a tie
        if (maxLowMs < minLowMs) {
            recordCoverage(c2, maxLowMs, maxLow);
            recordCoverage(c1, minLowMs, minLow);
        } else {
            recordCoverage(c1, minLowMs, minLow);
            recordCoverage(c2, maxLowMs, maxLow);
        }
        return true;
    }

    /** Maintenance margin of a notional in units of capital, through the cached bracket. */
    private double maintenance(double notional) {
        double v = notional * usdt;
        if (!(v >= bracketFloor && v < bracketCap)) {
            int b = table.indexOf(v);
            bracketFloor = table.floor(b);
            bracketCap = table.cap(b);
            bracketRate = table.rate(b);
            bracketCum = table.cum(b);
        }
        return (v * bracketRate - bracketCum) * perUsdt;
    }

    /** True while a transfer is in flight. */
    public boolean transferPending() {
        return pending;
    }

    /** Fill price of the last liquidation (NaN before any). */
    public double liquidationPrice() {
        return liquidationPrice;
    }

    /** Direction of the leg last opened ({@code null} before any opening). */
    public PerpLeg leg() {
        return sign == 0 ? null : sign < 0 ? PerpLeg.SHORT : PerpLeg.LONG;
    }

    /** Futures wallet {@code W} (units of capital). */
    public double wallet() {
        return wallet;
    }

    /** Target wallet {@code W*} of the current leg. */
    public double target() {
        return target;
    }

    /** Contracts held, in capital units per price. */
    public double qty() {
        return qty;
    }

    /** Price the leg is struck at. */
    public double entry() {
        return entry;
    }

    /** Notional of the current leg. */
    public double notional() {
        return notional;
    }

    /** Lowest coverage {@code B/MM} seen at any bar's worst point ({@code +∞} before any bar). */
    public double minCoverage() {
        return minCoverage;
    }

    /** Open time of the bar with the lowest coverage ({@code Long.MIN_VALUE} before any bar). */
    public long minCoverageMs() {
        return minCoverageMs;
    }

    /** The worst price of the bar with the lowest coverage (NaN before any bar). */
    public double minCoverageWorst() {
        return minCoverageWorst;
    }

    /** The strike price of the leg at the bar with the lowest coverage (NaN before any bar). */
    public double minCoverageStrike() {
        return minCoverageStrike;
    }

    /** Transfers ordered. */
    public int transfers() {
        return transfers;
    }

    /** Total amount ordered to the futures wallet (units of capital). */
    public double transferred() {
        return transferred;
    }

    /**
     * Openings whose leverage exceeds what Binance allows at their notional (the bracket's initial leverage):
     * the exchange would have refused the position at that leverage.
     */
    public int overLeveraged() {
        return overLeveraged;
    }

    /** Resets the path statistics (minimum coverage, transfer counts). */
    public void resetStatistics() {
        minCoverage = Double.POSITIVE_INFINITY;
        minCoverageMs = Long.MIN_VALUE;
        minCoverageWorst = Double.NaN;
        minCoverageStrike = Double.NaN;
        transfers = 0;
        transferred = 0;
        overLeveraged = 0;
    }
}
