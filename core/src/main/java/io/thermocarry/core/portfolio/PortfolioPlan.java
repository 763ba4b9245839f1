package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fee-independent part of a portfolio walk-forward: rebalance times, the universe and the weights of each
 * fold ({@link PortfolioSpec}). Built once and run at every fee tier by {@link PortfolioEngine}.
 *
 * @param markets the candidates (after static exclusions), in the order given
 * @param spec the portfolio
 * @param folds the folds in time order (empty when no candidate ever has the history)
 * @param endMs end of the data: the last cycle end over all candidates
 */
public record PortfolioPlan(List<SymbolMarket> markets, PortfolioSpec spec, List<PortfolioFold> folds, long endMs) {
    /** Copies the lists. */
    public PortfolioPlan {
        markets = List.copyOf(markets);
        folds = List.copyOf(folds);
    }

    /**
     * Lays out the folds: {@code T_0} = the first cycle start at which some market has
     * {@code universe.minHistoryCycles} completed cycles with basis (not before {@code oosFromMs}), then every
     * {@code test}; at each the universe is selected ({@link Universe#select}) and the members' weights fitted
     * ({@link Allocator#fit}).
     */
    public static PortfolioPlan build(List<SymbolMarket> markets, PortfolioSpec spec) {
        Checks.notNull(markets, "markets");
        Checks.notNull(spec, "spec");
        long t0 = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (SymbolMarket m : markets) {
            int n = m.cycles().size();
            if (n == 0) {
                continue;
            }
            end = Math.max(end, m.cycles().endMs(n - 1));
            for (int k = 0; k < n; k++) {
                long s = m.cycles().startMs(k);
                if (s >= spec.oosFromMs() && m.basisCyclesEndedBy(s) >= spec.universe().minHistoryCycles()) {
                    t0 = Math.min(t0, s);
                    break;
                }
            }
        }
        List<PortfolioFold> folds = new ArrayList<>();
        if (t0 == Long.MAX_VALUE || t0 >= end) {
            return new PortfolioPlan(markets, spec, folds, end);
        }
        Map<io.thermocarry.core.market.Symbol, SymbolMarket> bySymbol = new HashMap<>();
        for (SymbolMarket m : markets) {
            Checks.check(bySymbol.put(m.symbol(), m) == null, "symbol " + m.symbol() + " given twice");
        }
        long step = spec.test().toMillis();
        long train = spec.train().toMillis();
        int i = 0;
        for (long t = t0; t < end; t += step, i++) {
            UniverseSelection sel = Universe.select(markets, t, spec.universe());
            List<SymbolMarket> members = new ArrayList<>();
            for (UniverseMember u : sel.members()) {
                members.add(bySymbol.get(u.symbol()));
            }
            List<AllocationFit> fits = Allocator.fit(members, t, train, spec.allocation());
            folds.add(new PortfolioFold(i, t, Math.min(t + step, end), sel, fits));
        }
        return new PortfolioPlan(markets, spec, folds, end);
    }

    /** First rebalance time, or {@link Long#MAX_VALUE} without folds. */
    public long startMs() {
        return folds.isEmpty() ? Long.MAX_VALUE : folds.get(0).startMs();
    }

    /** The fold in force at {@code timeMs} (the last one starting at or before it), or null before the first. */
    public PortfolioFold foldAt(long timeMs) {
        PortfolioFold f = null;
        int lo = 0;
        int hi = folds.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (folds.get(mid).startMs() <= timeMs) {
                f = folds.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return f;
    }
}
