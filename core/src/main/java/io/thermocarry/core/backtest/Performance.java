package io.thermocarry.core.backtest;

import io.thermocarry.core.regime.Regime;
import java.util.ArrayList;
import java.util.List;

/**
 * Summary metrics of one backtest over its evaluation window (SPEC §9). Money figures are fractions of the
 * starting capital {@code C}. Per-cycle returns are {@code r_k = E_k / E_{k−1} − 1} over the window rows,
 * with {@code E_{first−1} = C} (the first cycle, entry fee included, counts) and {@code r_k = 0} once equity
 * is 0. Undefined values are NaN (fewer than 2 returns, zero dispersion, no trades, zero elapsed time).
 *
 * @param cycles window cycles
 * @param years elapsed time of the window, {@code (end of last − start of first) / 365.25 d}
 * @param cyclesPerYear {@code cycles / years} (annualisation by actual elapsed time, any funding interval)
 * @param totalReturn {@code E_end / C − 1}
 * @param annualReturn {@code (E_end / C)^(1/years) − 1} ({@code −1} after ruin)
 * @param sharpe {@code mean(r) / std(r) × √cyclesPerYear} (sample std, ddof 1)
 * @param sortino {@code mean(r) / √(mean(min(r,0)²)) × √cyclesPerYear}
 * @param sharpePerCycle {@code mean(r) / std(r)}, not annualised
 * @param referenceSharpe the reference code's Sharpe, for compat comparison only: returns between consecutive
 *     window equities {@code E_first .. E_end} (so the first cycle is dropped), population std, ×√1095
 *     (assumes 8 h cycles); 0 when fewer than 10 equities or std ≤ 1e−12, as the reference
 * @param maxDrawdown largest {@code (peak − E)/peak} with the peak starting at {@code C}
 * @param calmar {@code annualReturn / maxDrawdown}
 * @param worstCycle smallest {@code r_k}
 * @param cvar5 mean of the worst {@code ⌈5 % · cycles⌉} per-cycle returns (expected shortfall per cycle)
 * @param winRate fraction of trades with total PnL {@code > 0}
 * @param profitFactor gross trade profit / gross trade loss (trades with total {@code <= 0}); +∞ with no loss
 * @param tradeCount trades (spans of constant side, including one closed at the end)
 * @param averageHoldCycles mean cycles held per trade
 * @param turnover {@code Σ|ΔN| / C}, final close included
 * @param feeDrag {@code Σ fees / C}
 * @param pnl funding / basis / price / fees / total as fractions of {@code C} (total = Σ row totals: equals
 *     {@code totalReturn} unless ruin absorbed a shortfall)
 * @param byRegime PnL and time per regime of the deciding signal, EQUILIBRIUM, WARM, NESS, then none
 */
public record Performance(int cycles, double years, double cyclesPerYear, double totalReturn, double annualReturn,
        double sharpe, double sortino, double sharpePerCycle, double referenceSharpe, double maxDrawdown,
        double calmar, double worstCycle, double cvar5, double winRate, double profitFactor, int tradeCount,
        double averageHoldCycles, double turnover, double feeDrag, PnlSplit pnl, List<RegimePnl> byRegime) {

    private static final double MS_PER_YEAR = 365.25 * 24 * 3_600_000.0;
    private static final double REFERENCE_ANNUALISATION = Math.sqrt(3 * 365);

    /** Copies the regime list. */
    public Performance {
        byRegime = List.copyOf(byRegime);
    }

    /** Computes the metrics of a ledger and its trades over the ledger's evaluation window. */
    public static Performance of(Ledger ledger, List<Trade> trades, double startingCapital) {
        int n = ledger.size();
        int first = ledger.firstCycle();
        int m = n - first;
        double c = startingCapital;
        double[] eq = ledger.equities();
        double[] r = new double[Math.max(m, 0)];
        double prev = c;
        double peak = c;
        double maxDd = 0;
        double worst = Double.NaN;
        for (int i = 0; i < m; i++) {
            double e = eq[first + i];
            r[i] = prev > 0 ? (e - prev) / prev : 0.0;
            prev = e;
            if (e > peak) {
                peak = e;
            }
            double dd = (peak - e) / peak;
            if (dd > maxDd) {
                maxDd = dd;
            }
            if (!(r[i] >= worst)) {
                worst = r[i];
            }
        }
        double years = m > 0 ? (ledger.endMs(n - 1) - ledger.startMs(first)) / MS_PER_YEAR : Double.NaN;
        double cyclesPerYear = years > 0 ? m / years : Double.NaN;
        double endEquity = m > 0 ? eq[n - 1] : c;
        double totalReturn = endEquity / c - 1.0;
        double annualReturn = !(years > 0) ? Double.NaN
                : endEquity <= 0 ? -1.0 : Math.pow(endEquity / c, 1.0 / years) - 1.0;

        double mean = Double.NaN;
        double sd = Double.NaN;
        double downside = Double.NaN;
        if (m >= 2) {
            double s = 0;
            for (double x : r) {
                s += x;
            }
            mean = s / m;
            double ss = 0;
            double dn = 0;
            for (double x : r) {
                ss += (x - mean) * (x - mean);
                if (x < 0) {
                    dn += x * x;
                }
            }
            sd = Math.sqrt(ss / (m - 1));
            downside = Math.sqrt(dn / m);
        }
        double perCycle = sd > 0 ? mean / sd : Double.NaN;
        double annualiser = Math.sqrt(cyclesPerYear);
        double sharpe = perCycle * annualiser;
        double sortino = downside > 0 ? mean / downside * annualiser : Double.NaN;

        double fundingSum = 0;
        double basisSum = 0;
        double priceSum = 0;
        double feeSum = 0;
        double totalSum = 0;
        double tradedSum = 0;
        int regimes = Regime.values().length;
        double[][] byRegime = new double[regimes + 1][5];
        int[] regimeCycles = new int[regimes + 1];
        double[] f = ledger.fundings();
        double[] b = ledger.bases();
        double[] p = ledger.prices();
        double[] fe = ledger.fees();
        double[] t = ledger.totals();
        double[] tr = ledger.tradedNotionals();
        byte[] rg = ledger.regimes();
        for (int k = first; k < n; k++) {
            fundingSum += f[k];
            basisSum += b[k];
            priceSum += p[k];
            feeSum += fe[k];
            totalSum += t[k];
            tradedSum += tr[k];
            int slot = rg[k] < 0 ? regimes : rg[k];
            regimeCycles[slot]++;
            double[] acc = byRegime[slot];
            acc[0] += f[k];
            acc[1] += b[k];
            acc[2] += p[k];
            acc[3] += fe[k];
            acc[4] += t[k];
        }
        List<RegimePnl> regimePnl = new ArrayList<>(regimes + 1);
        for (int slot = 0; slot <= regimes; slot++) {
            double[] acc = byRegime[slot];
            regimePnl.add(new RegimePnl(slot < regimes ? Regime.values()[slot] : null, regimeCycles[slot],
                    new PnlSplit(acc[0] / c, acc[1] / c, acc[2] / c, acc[3] / c, acc[4] / c)));
        }

        int wins = 0;
        double grossWin = 0;
        double grossLoss = 0;
        long held = 0;
        for (Trade trade : trades) {
            double pnl = trade.totalPnl();
            if (pnl > 0) {
                wins++;
                grossWin += pnl;
            } else {
                grossLoss -= pnl;
            }
            held += trade.cyclesHeld();
        }
        int count = trades.size();
        double winRate = count > 0 ? (double) wins / count : Double.NaN;
        double profitFactor = grossLoss > 0 ? grossWin / grossLoss
                : grossWin > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        double avgHold = count > 0 ? (double) held / count : Double.NaN;

        return new Performance(m, years, cyclesPerYear, totalReturn, annualReturn, sharpe, sortino, perCycle,
                referenceSharpe(eq, first, n), maxDd, maxDd > 0 ? annualReturn / maxDd : Double.NaN,
                worst, cvar(r, 0.05), winRate, profitFactor, count, avgHold, tradedSum / c, feeSum / c,
                new PnlSplit(fundingSum / c, basisSum / c, priceSum / c, feeSum / c, totalSum / c), regimePnl);
    }

    /**
     * The reference code's Sharpe of the equity points {@code eq[from .. to)}: returns
     * {@code (E_{i+1} − E_i)/E_i} (0 when {@code E_i = 0}), {@code mean / populationStd × √1095}; 0 when fewer
     * than 10 points or std ≤ 1e−12.
     */
    public static double referenceSharpe(double[] eq, int from, int to) {
        int points = to - from;
        if (points < 10) {
            return 0.0;
        }
        int m = points - 1;
        double s = 0;
        for (int i = from; i < to - 1; i++) {
            s += eq[i] > 0 ? (eq[i + 1] - eq[i]) / eq[i] : 0.0;
        }
        double mean = s / m;
        double ss = 0;
        for (int i = from; i < to - 1; i++) {
            double x = (eq[i] > 0 ? (eq[i + 1] - eq[i]) / eq[i] : 0.0) - mean;
            ss += x * x;
        }
        double sd = Math.sqrt(ss / m);
        return sd > 1e-12 ? mean / sd * REFERENCE_ANNUALISATION : 0.0;
    }

    /**
     * Mean of the worst {@code ⌈q·m⌉} values (NaN when empty): one pass keeping them in a bounded max-heap
     * (most values are rejected with one comparison against its top), then summed in ascending order.
     */
    static double cvar(double[] r, double q) {
        int m = r.length;
        if (m == 0) {
            return Double.NaN;
        }
        int count = Math.max(1, (int) Math.ceil(q * m));
        double[] heap = new double[count];
        int size = 0;
        for (double x : r) {
            if (size < count) {
                int i = size++;
                heap[i] = x;
                while (i > 0 && heap[(i - 1) >>> 1] < heap[i]) {
                    int p = (i - 1) >>> 1;
                    double t = heap[p];
                    heap[p] = heap[i];
                    heap[i] = t;
                    i = p;
                }
            } else if (x < heap[0]) {
                heap[0] = x;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    if (l >= count) {
                        break;
                    }
                    int c = l + 1 < count && heap[l + 1] > heap[l] ? l + 1 : l;
                    if (heap[c] <= heap[i]) {
                        break;
                    }
                    double t = heap[c];
                    heap[c] = heap[i];
                    heap[i] = t;
                    i = c;
                }
            }
        }
        java.util.Arrays.sort(heap);
        double s = 0;
        for (double x : heap) {
            s += x;
        }
        return s / count;
    }
}
