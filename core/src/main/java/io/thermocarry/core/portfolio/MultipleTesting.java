package io.thermocarry.core.portfolio;

import java.util.List;

/**
 * Significance across the universe (SPEC §12): Benjamini–Hochberg over the symbols for "physics beats fair
 * naive" per fee tier, and a reality check (Hansen's SPA) on the best (symbol, strategy, configuration) per tier.
 *
 * @param fdrLevel false discovery rate level of the BH families
 * @param symbolTests one per symbol and tier (tiers in the evaluation's order, symbols in input order)
 * @param realityChecks one per tier
 */
public record MultipleTesting(double fdrLevel, List<SymbolTest> symbolTests, List<RealityCheckOutcome> realityChecks) {
    /** Copies the lists. */
    public MultipleTesting {
        symbolTests = List.copyOf(symbolTests);
        realityChecks = List.copyOf(realityChecks);
    }
}
