package io.thermocarry.core.portfolio;

import io.thermocarry.core.backtest.PnlSplit;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.Unevaluated;
import java.util.List;
import java.util.Map;

/**
 * One symbol's sleeve of a portfolio run: its per-cycle ledger over its out-of-sample cycles
 * {@code [firstCycle, n)} (row {@code i} is the symbol's cycle {@code firstCycle + i}), its trades and its PnL
 * split. Money in currency units of the portfolio's starting capital; {@link #pnl()} as fractions of it.
 *
 * <p>Identity per row: {@code total = funding + basis − fee}; the final close's fee is in the last row. The
 * portfolio's row totals are the sums of its sleeves' rows booked in them, so the sleeves' totals add up to the
 * portfolio's.
 */
public final class SleeveResult {
    private static final Side[] SIDES = Side.values();
    private static final Regime[] REGIMES = Regime.values();

    private final Symbol symbol;
    private final int firstCycle;
    private final long[] startMs;
    private final long[] endMs;
    private final byte[] side;
    private final double[] notional;
    private final double[] traded;
    private final double[] funding;
    private final double[] basis;
    private final double[] fee;
    private final double[] total;
    private final double[] weight;
    private final byte[] regime;
    private final List<Trade> trades;
    private final PnlSplit pnl;
    private final Diagnostics diagnostics;

    /**
     * What a sleeve could not evaluate or was forced into.
     *
     * @param holeCycles out-of-sample cycles that were data holes (held flat)
     * @param excludedCycles cycles at which the symbol was outside the universe or had weight 0
     * @param symbolCapCuts decisions whose target was cut to the per-symbol gross cap
     * @param grossCapCuts decisions whose target was cut by the total gross cap
     * @param fundingNotEvaluated held cycles without a settled rate at their end (funding booked 0)
     * @param basisNotEvaluated held cycles with an unknown basis end point (basis booked 0)
     * @param unevaluated inputs or gates the sleeve's rule could not evaluate, counted per decision
     */
    public record Diagnostics(int holeCycles, int excludedCycles, int symbolCapCuts, int grossCapCuts,
            int fundingNotEvaluated, int basisNotEvaluated, Map<Unevaluated, Integer> unevaluated) {
        /** Copies the map. */
        public Diagnostics {
            unevaluated = Map.copyOf(unevaluated);
        }
    }

    SleeveResult(Symbol symbol, int firstCycle, long[] startMs, long[] endMs, byte[] side, double[] notional,
            double[] traded, double[] funding, double[] basis, double[] fee, double[] total, double[] weight,
            byte[] regime, List<Trade> trades, double startingCapital, Diagnostics diagnostics) {
        this.symbol = symbol;
        this.firstCycle = firstCycle;
        this.startMs = startMs;
        this.endMs = endMs;
        this.side = side;
        this.notional = notional;
        this.traded = traded;
        this.funding = funding;
        this.basis = basis;
        this.fee = fee;
        this.total = total;
        this.weight = weight;
        this.regime = regime;
        this.trades = List.copyOf(trades);
        this.diagnostics = diagnostics;
        double f = 0;
        double b = 0;
        double fe = 0;
        double t = 0;
        for (int i = 0; i < total.length; i++) {
            f += funding[i];
            b += basis[i];
            fe += fee[i];
            t += total[i];
        }
        double c = startingCapital;
        this.pnl = new PnlSplit(f / c, b / c, 0.0, fe / c, t / c);
    }

    /** The symbol. */
    public Symbol symbol() {
        return symbol;
    }

    /** The symbol's first out-of-sample cycle (index into its cycles). */
    public int firstCycle() {
        return firstCycle;
    }

    /** Rows (out-of-sample cycles of the symbol). */
    public int size() {
        return total.length;
    }

    /** Cycle start of row i, epoch ms. */
    public long startMs(int i) {
        return startMs[i];
    }

    /** Cycle end of row i, epoch ms. */
    public long endMs(int i) {
        return endMs[i];
    }

    /** Side held through row i. */
    public Side side(int i) {
        return SIDES[side[i]];
    }

    /** Notional held through row i (currency units). */
    public double notional(int i) {
        return notional[i];
    }

    /** Notional traded at the decision opening row i (and the final close in the last row). */
    public double traded(int i) {
        return traded[i];
    }

    /** Funding PnL of row i. */
    public double funding(int i) {
        return funding[i];
    }

    /** Basis PnL of row i. */
    public double basis(int i) {
        return basis[i];
    }

    /** Fees of row i. */
    public double fee(int i) {
        return fee[i];
    }

    /** {@code funding + basis − fee} of row i. */
    public double total(int i) {
        return total[i];
    }

    /** Allocation weight in force at the decision of row i (0 outside the universe). */
    public double weight(int i) {
        return weight[i];
    }

    /** Regime at the decision of row i, or null. */
    public Regime regime(int i) {
        return regime[i] < 0 ? null : REGIMES[regime[i]];
    }

    /** Raw total column (do not mutate). */
    public double[] totals() {
        return total;
    }

    /** Raw end-time column (do not mutate). */
    public long[] ends() {
        return endMs;
    }

    /** Raw start-time column (do not mutate). */
    public long[] starts() {
        return startMs;
    }

    /** Raw notional column (do not mutate). */
    public double[] notionals() {
        return notional;
    }

    /** Closed trades (spans of constant side), the last one closed at the end of the symbol's data. */
    public List<Trade> trades() {
        return trades;
    }

    /** Funding / basis / fees / total as fractions of the portfolio's starting capital. */
    public PnlSplit pnl() {
        return pnl;
    }

    /** What was forced or not evaluated. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Mean weight over the rows (time-weighted by row, i.e. by the symbol's cycles). */
    public double meanWeight() {
        double s = 0;
        for (double w : weight) {
            s += w;
        }
        return weight.length == 0 ? 0.0 : s / weight.length;
    }

    /** Rows with a position. */
    public int cyclesHeld() {
        int c = 0;
        for (byte s : side) {
            if (s != Side.FLAT.ordinal()) {
                c++;
            }
        }
        return c;
    }
}
