package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;

/**
 * One symbol's data for a sweep: every funding cycle up to the end of the range (earlier cycles warm the
 * signals up causally) and the hourly basis.
 *
 * @param cycles funding cycles (availability-stamped, {@link io.thermocarry.core.series.CycleBuilder})
 * @param basis hourly basis observations of the same symbol
 * @param firstCycle first cycle the walk-forward may use (the first at or after the range start); the folds
 *     start at the later of this and the longest signal warm-up of the grid
 * @param accrual which settled rate a cycle's position earns (causal: the one at the cycle's end)
 */
public record SweepMarket(FundingCycles cycles, BasisSeries basis, int firstCycle, FundingAccrual accrual) {
    /** Validates: same symbol, first cycle in range. */
    public SweepMarket {
        Checks.notNull(cycles, "cycles");
        Checks.notNull(basis, "basis");
        Checks.notNull(accrual, "accrual");
        Checks.check(cycles.symbol().equals(basis.symbol()),
                "cycles are " + cycles.symbol() + " but basis is " + basis.symbol());
        Checks.check(firstCycle >= 0 && firstCycle <= cycles.size(), "firstCycle out of range: " + firstCycle);
    }

    /**
     * The market {@code evaluate} sees for the same data: cycles from the settlements covered by the basis
     * ({@link SymbolData#coveredFunding}), the walk-forward starting no earlier than {@code data.from()}.
     */
    public static SweepMarket of(SymbolData data, FundingAccrual accrual) {
        Checks.notNull(data, "data");
        FundingCycles cycles = CycleBuilder.build(data.coveredFunding(), data.basis(), data.mark());
        int first = data.from() == null ? 0 : cycles.lowerBound(data.from().toEpochMilli());
        return new SweepMarket(cycles, data.basis(), first, accrual);
    }

    /** The symbol. */
    public Symbol symbol() {
        return cycles.symbol();
    }
}
