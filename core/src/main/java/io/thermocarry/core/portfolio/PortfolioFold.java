package io.thermocarry.core.portfolio;

import io.thermocarry.core.market.Symbol;
import java.util.List;

/**
 * One rebalance of the portfolio walk-forward: the universe and the weights decided at {@code startMs} from
 * data available then, in force for the test fold {@code [startMs, endMs)}.
 *
 * @param index 0-based fold number
 * @param startMs rebalance time {@code T_i}, epoch ms
 * @param endMs end of the fold (the next rebalance, or the end of the data), epoch ms
 * @param selection the universe at {@code T_i}
 * @param fits the members' weights with their training figures, in member order
 */
public record PortfolioFold(int index, long startMs, long endMs, UniverseSelection selection,
        List<AllocationFit> fits) {
    /** Copies the list. */
    public PortfolioFold {
        fits = List.copyOf(fits);
    }

    /** Weight of {@code symbol} in this fold (0 when not a member). */
    public double weight(Symbol symbol) {
        for (AllocationFit f : fits) {
            if (f.symbol().equals(symbol)) {
                return f.weight();
            }
        }
        return 0.0;
    }

    /** Sum of the weights. */
    public double totalWeight() {
        double s = 0;
        for (AllocationFit f : fits) {
            s += f.weight();
        }
        return s;
    }
}
