package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.series.FundingCycles;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the allocation of {@link AllocationSpec} at a rebalance time {@code T} from each member's training
 * window {@code (T − train, T]}: only cycles that ended by {@code T} and settlements at or before {@code T}
 * are read, so the weights of a test fold depend on its training data and earlier history alone.
 */
public final class Allocator {
    /** Hours per year (365.25 days), the annualiser of carry and volatility. */
    public static final double HOURS_PER_YEAR = 8766.0;
    private static final double MS_PER_HOUR = 3_600_000.0;

    private Allocator() {
    }

    /**
     * Weights for {@code members} at {@code atMs}.
     *
     * @param members the universe's members (order kept in the result)
     * @param atMs rebalance time, epoch ms
     * @param trainMs training window length, ms
     */
    public static List<AllocationFit> fit(List<SymbolMarket> members, long atMs, long trainMs, AllocationSpec spec) {
        Checks.notNull(members, "members");
        Checks.notNull(spec, "spec");
        int n = members.size();
        double[] vol = new double[n];
        double[] carry = new double[n];
        int[] used = new int[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            SymbolMarket m = members.get(i);
            FundingCycles c = m.cycles();
            long from = atMs - trainMs;
            int first = c.lowerBound(from);
            int endedBy = m.cyclesEndedBy(atMs);
            double s = 0;
            double ss = 0;
            int cnt = 0;
            for (int k = first; k < endedBy; k++) {
                if (!m.tradable(k)) {
                    continue;
                }
                double x = (c.basisEnd(k) - c.basisStart(k)) / 100.0 / Math.sqrt(c.intervalHours(k));
                s += x;
                ss += x * x;
                cnt++;
            }
            used[i] = cnt;
            vol[i] = cnt >= 2 ? Math.sqrt(Math.max(ss - s * s / cnt, 0.0) / (cnt - 1)) * Math.sqrt(HOURS_PER_YEAR)
                    : Double.NaN;
            double f = 0;
            int settled = 0;
            int lastStart = SymbolMarket.upperBound(c.starts(), atMs);
            for (int k = SymbolMarket.upperBound(c.starts(), from); k < lastStart; k++) {
                f += c.rate(k) / (m.nominalIntervalMs(k) / MS_PER_HOUR);
                settled++;
            }
            carry[i] = settled > 0 ? f / settled * HOURS_PER_YEAR : Double.NaN;
            score[i] = switch (spec.method()) {
                case EQUAL -> 1.0;
                case INVERSE_VOL -> vol[i] > 0 ? 1.0 / vol[i] : 0.0;
                case CARRY_RISK -> vol[i] > 0 && carry[i] > 0 ? Math.min(carry[i] / vol[i], spec.carryRiskCap()) : 0.0;
            };
        }
        double[] w = new double[n];
        boolean[] capped = waterFill(score, spec.symbolCap(), w);
        List<AllocationFit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new AllocationFit(members.get(i).symbol(), used[i], vol[i], carry[i], score[i], w[i], capped[i]));
        }
        return out;
    }

    /**
     * Normalises {@code score} to weights summing to 1 and caps them at {@code cap} by water-filling; writes the
     * weights into {@code w} and returns which were capped. All-zero scores give all-zero weights.
     */
    static boolean[] waterFill(double[] score, double cap, double[] w) {
        int n = score.length;
        boolean[] capped = new boolean[n];
        double total = 0;
        for (double s : score) {
            Checks.check(s >= 0 && Double.isFinite(s), "scores must be finite and >= 0");
            total += s;
        }
        if (total <= 0) {
            return capped;
        }
        for (int i = 0; i < n; i++) {
            w[i] = score[i] / total;
        }
        for (int round = 0; round <= n; round++) {
            double excess = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > cap) {
                    excess += w[i] - cap;
                    w[i] = cap;
                    capped[i] = true;
                }
            }
            if (excess <= 0) {
                break;
            }
            double free = 0;
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    free += score[i];
                }
            }
            if (free <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    w[i] += excess * score[i] / free;
                }
            }
        }
        return capped;
    }
}
