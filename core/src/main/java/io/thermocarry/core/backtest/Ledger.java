package io.thermocarry.core.backtest;

import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.strategy.Side;

/**
 * The per-cycle ledger of one backtest, in column form: row {@code k} is funding cycle {@code k}
 * {@code [t_k, t_{k+1})}. Money in currency units of the starting capital.
 *
 * <p>Identity per row: {@code total = funding + basis + price − fee}; {@code equity_k = max(0, equity_{k−1} +
 * total_k)} (the floor is capital ruin; what it absorbs is reported as the ruin shortfall). Rows before the
 * evaluation window are flat with equity equal to the starting capital. Arrays are owned by the ledger (the
 * raw accessors return them for speed: do not mutate).
 */
public final class Ledger {
    private static final Side[] SIDES = Side.values();
    private static final Regime[] REGIMES = Regime.values();

    private final long[] startMs;
    private final long[] endMs;
    private final byte[] side;
    private final double[] notional;
    private final double[] traded;
    private final double[] funding;
    private final double[] basis;
    private final double[] price;
    private final double[] fee;
    private final double[] total;
    private final double[] equity;
    private final byte[] regime;
    private final int firstCycle;

    /**
     * Column constructor (arrays adopted, all the same length).
     *
     * @param startMs cycle start {@code t_k}, epoch ms
     * @param endMs cycle end {@code t_{k+1}}, epoch ms
     * @param side {@link Side} ordinal held through the cycle
     * @param notional notional held through the cycle ({@code >= 0}; perp-only: value at the cycle start)
     * @param traded notional changed hands at the decision(s) booked in this row, {@code Σ|ΔN|}
     * @param funding funding PnL (signed)
     * @param basis basis mark-to-market PnL (signed)
     * @param price perp price PnL of a perp-only position (0 for the delta-neutral pairs)
     * @param fee fees booked in this row ({@code >= 0})
     * @param total {@code funding + basis + price − fee}
     * @param equity equity at the end of the row (after its fees), floored at 0
     * @param regime {@link Regime} ordinal at the decision, {@code -1} when none
     * @param firstCycle first row of the evaluation window
     */
    public Ledger(long[] startMs, long[] endMs, byte[] side, double[] notional, double[] traded, double[] funding,
            double[] basis, double[] price, double[] fee, double[] total, double[] equity, byte[] regime,
            int firstCycle) {
        int n = startMs.length;
        if (endMs.length != n || side.length != n || notional.length != n || traded.length != n
                || funding.length != n || basis.length != n || price.length != n || fee.length != n
                || total.length != n || equity.length != n || regime.length != n) {
            throw new IllegalArgumentException("ledger column lengths differ");
        }
        this.startMs = startMs;
        this.endMs = endMs;
        this.side = side;
        this.notional = notional;
        this.traded = traded;
        this.funding = funding;
        this.basis = basis;
        this.price = price;
        this.fee = fee;
        this.total = total;
        this.equity = equity;
        this.regime = regime;
        this.firstCycle = firstCycle;
    }

    /** Number of rows (= funding cycles). */
    public int size() {
        return startMs.length;
    }

    /** First row of the evaluation window. */
    public int firstCycle() {
        return firstCycle;
    }

    /** Cycle start, epoch ms. */
    public long startMs(int k) {
        return startMs[k];
    }

    /** Cycle end, epoch ms. */
    public long endMs(int k) {
        return endMs[k];
    }

    /** Side held through cycle k. */
    public Side side(int k) {
        return SIDES[side[k]];
    }

    /** Notional held through cycle k. */
    public double notional(int k) {
        return notional[k];
    }

    /** Notional traded at the decision(s) booked in row k. */
    public double traded(int k) {
        return traded[k];
    }

    /** Funding PnL of cycle k. */
    public double funding(int k) {
        return funding[k];
    }

    /** Basis PnL of cycle k. */
    public double basis(int k) {
        return basis[k];
    }

    /** Perp price PnL of cycle k (perp-only positions). */
    public double price(int k) {
        return price[k];
    }

    /** Fees booked in row k. */
    public double fee(int k) {
        return fee[k];
    }

    /** {@code funding + basis + price − fee} of row k. */
    public double total(int k) {
        return total[k];
    }

    /** Equity at the end of row k. */
    public double equity(int k) {
        return equity[k];
    }

    /** Regime at decision k, or {@code null}. */
    public Regime regime(int k) {
        return regime[k] < 0 ? null : REGIMES[regime[k]];
    }

    /** Raw column (do not mutate). */
    public long[] starts() {
        return startMs;
    }

    /** Raw column (do not mutate). */
    public long[] ends() {
        return endMs;
    }

    /** Raw column of {@link Side} ordinals (do not mutate). */
    public byte[] sides() {
        return side;
    }

    /** Raw column (do not mutate). */
    public double[] notionals() {
        return notional;
    }

    /** Raw column (do not mutate). */
    public double[] tradedNotionals() {
        return traded;
    }

    /** Raw column (do not mutate). */
    public double[] fundings() {
        return funding;
    }

    /** Raw column (do not mutate). */
    public double[] bases() {
        return basis;
    }

    /** Raw column (do not mutate). */
    public double[] prices() {
        return price;
    }

    /** Raw column (do not mutate). */
    public double[] fees() {
        return fee;
    }

    /** Raw column (do not mutate). */
    public double[] totals() {
        return total;
    }

    /** Raw column (do not mutate). */
    public double[] equities() {
        return equity;
    }

    /** Raw column of {@link Regime} ordinals, {@code -1} for none (do not mutate). */
    public byte[] regimes() {
        return regime;
    }
}
