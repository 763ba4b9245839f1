package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;

/**
 * One symbol left out of the universe, with the reason and the figures behind it.
 *
 * @param symbol symbol
 * @param reason the first filter it failed
 * @param detail the figures, e.g. {@code "history 412 cycles < 720"}
 */
public record Exclusion(Symbol symbol, ExclusionReason reason, String detail) {
    /** Validates. */
    public Exclusion {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(reason, "reason");
        Checks.notNull(detail, "detail");
    }
}
