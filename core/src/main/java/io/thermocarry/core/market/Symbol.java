package io.thermocarry.core.market;

import io.thermocarry.core.Checks;

/**
 * A Binance symbol such as {@code BTCUSDT}: the perpetual and its spot pair share the name.
 *
 * @param name upper-case letters and digits
 */
public record Symbol(String name) implements Comparable<Symbol> {
    public Symbol {
        Checks.notNull(name, "symbol");
        Checks.check(name.matches("[A-Z0-9]{2,30}"), "symbol '" + name + "' must be upper-case letters/digits, e.g. BTCUSDT");
    }

    /** Parses a user-supplied symbol, upper-casing it. */
    public static Symbol of(String name) {
        return new Symbol(Checks.notNull(name, "symbol").trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public int compareTo(Symbol o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
