package io.thermocarry.core.portfolio;

import io.thermocarry.core.market.Symbol;
import java.util.List;

/**
 * The universe at one rebalance.
 *
 * @param atMs rebalance time (epoch ms): everything used was available at or before it
 * @param members admitted symbols, most liquid first
 * @param exclusions every other candidate with its reason, in candidate order
 */
public record UniverseSelection(long atMs, List<UniverseMember> members, List<Exclusion> exclusions) {
    /** Copies the lists. */
    public UniverseSelection {
        members = List.copyOf(members);
        exclusions = List.copyOf(exclusions);
    }

    /** Whether {@code symbol} is a member. */
    public boolean contains(Symbol symbol) {
        for (UniverseMember m : members) {
            if (m.symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    /** Member symbols, most liquid first. */
    public List<Symbol> symbols() {
        return members.stream().map(UniverseMember::symbol).toList();
    }
}
