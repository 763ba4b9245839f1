package io.thermocarry.core.marginrisk;

import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.margin.MarginAccount;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.margin.PerpLeg;
import io.thermocarry.core.strategy.Side;

/**
 * Replays a margin-free book's perp leg through a {@link MarginAccount} over any sequence of its cycles (the
 * history in order, or a bootstrap resample), to find the smallest futures share with no liquidation.
 *
 * <p>Per cycle {@code k} of the book: carry sign, notional and funding as fractions of the equity where the
 * book last traded (entry or re-size: the replay runs at capital 1, so a resample mixes cycles of different eras
 * on one scale), and the bars inside the cycle. A sequence is walked on a synthetic clock (each bar its own duration after the previous)
 * so transfers arrive after their delay across block joins too; each cycle's price path is settled at its last
 * close and the next cycle re-based at its own first open, so a join never books the jump between two eras. The wallets are re-split where the carry
 * opens, flips or re-sizes — also across a join, as a desk reopening the position would; the same side and
 * notional across a join continues the leg (the conservative reading: losses accumulate).
 *
 * <p>Survival is monotone in the futures share (a larger share raises the target the wallet starts at and is
 * topped up to), so the needed share is found by bisection to {@link #TOLERANCE}.
 */
public final class BufferSimulator {
    /** Bisection tolerance on the futures share. */
    public static final double TOLERANCE = 1e-4;

    private final MarginSpec spec;
    private final MarginBars bars;
    private final int first;
    private final int n;
    private final byte[] sign;
    private final double[] notional;
    private final double[] funding;
    private final int[] from;
    private final int[] to;

    /** Tabulates the book's cycles {@code [firstCycle, n)}. */
    public BufferSimulator(Ledger ledger, double startingCapital, MarginBars bars, MarginSpec spec) {
        this.spec = spec;
        this.bars = bars;
        this.first = ledger.firstCycle();
        this.n = ledger.size();
        int m = n - first;
        sign = new byte[m];
        notional = new double[m];
        funding = new double[m];
        from = new int[m];
        to = new int[m];
        int prevSide = 0;
        double prevN = Double.NaN;
        double segmentEquity = startingCapital;
        for (int i = 0; i < m; i++) {
            int k = first + i;
            double before = k == first ? startingCapital : ledger.equity(k - 1);
            Side side = ledger.side(k);
            double nk = ledger.notional(k);
            if (side.isBasisPair() && nk > 0 && before > 0) {
                if (side.carrySign() != prevSide || nk != prevN) {
                    segmentEquity = before; // the engine re-splits the wallets where the book trades
                }
                sign[i] = (byte) side.carrySign();
                notional[i] = nk / segmentEquity;
                funding[i] = ledger.funding(k) / segmentEquity;
                prevSide = side.carrySign();
                prevN = nk;
            } else {
                prevSide = 0;
                prevN = Double.NaN;
            }
            from[i] = bars.lowerBound(ledger.startMs(k));
            to[i] = bars.lowerBound(ledger.endMs(k));
        }
    }

    /** Cycles in the window. */
    public int length() {
        return sign.length;
    }

    /** True when the book never liquidates over {@code sequence} (indices into the window) at {@code share}. */
    public boolean survives(int[] sequence, double share) {
        MarginAccount acct = new MarginAccount(spec.withFuturesShare(share));
        int prevSign = 0;
        double prevN = Double.NaN;
        long clock = 0;
        for (int idx : sequence) {
            int s = sign[idx];
            if (s == 0) {
                prevSign = 0;
                continue;
            }
            int a = from[idx];
            int b = to[idx];
            if (a >= b) {
                continue;
            }
            double nk = notional[idx];
            double p0 = bars.perpOpen(a);
            if (s != prevSign || nk != prevN) {
                acct.open(PerpLeg.ofCarrySign(s), nk, p0, 1.0);
            } else {
                acct.rebase(nk, p0, 1.0);
            }
            for (int j = a; j < b; j++) {
                long dur = bars.closeMs(j) - bars.openMs(j);
                if (acct.bar(clock, clock + dur, bars.high(j), bars.low(j), bars.close(j))) {
                    return false;
                }
                clock += dur;
            }
            // settle at the cycle's last close: the next cycle in the sequence may come from another era
            acct.settle(bars.close(b - 1));
            acct.credit(funding[idx]);
            prevSign = s;
            prevN = nk;
        }
        return true;
    }

    /**
     * Smallest futures share in [0, 1] with no liquidation over {@code sequence} (to {@link #TOLERANCE}, rounded
     * up), 0 when the initial margin alone survives, {@code +∞} when even a share of 1 does not.
     */
    public double needed(int[] sequence) {
        if (survives(sequence, 0.0)) {
            return 0.0;
        }
        if (!survives(sequence, 1.0)) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0.0;
        double hi = 1.0;
        while (hi - lo > TOLERANCE) {
            double mid = 0.5 * (lo + hi);
            if (survives(sequence, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The window in order: 0, 1, ..., length − 1. */
    public int[] history() {
        int[] s = new int[length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        return s;
    }
}
