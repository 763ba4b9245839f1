package io.thermocarry.binance;

import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes funding rows to one collector per symbol. For sources whose rows name their symbol, a
 * requested symbol acts as a filter: rows of other symbols are skipped, and each skipped symbol gets
 * one warning with its row count, so nothing disappears unreported.
 */
final class FundingSink {
    private final Problems problems;
    private final Symbol requested;
    private final Map<Symbol, FundingCollector> bySymbol = new TreeMap<>();
    /** Raw symbol text as the rows spell it → collector, so each distinct spelling is validated once. */
    private final Map<String, FundingCollector> byText = new HashMap<>();
    private final Map<String, long[]> skipped = new TreeMap<>();
    private FundingCollector single;

    FundingSink(Problems problems, Symbol requested) {
        this.problems = problems;
        this.requested = requested;
    }

    /** The collector of a single-symbol source (the requested symbol). */
    FundingCollector single() {
        if (single == null) {
            single = new FundingCollector(problems);
            bySymbol.put(requested, single);
        }
        return single;
    }

    /**
     * The collector for a row naming {@code text} as its symbol, or null when the row is skipped
     * (another symbol than the requested one) or rejected (not a Binance symbol).
     */
    FundingCollector forSymbol(String text, String column, long line) {
        FundingCollector c = byText.get(text);
        if (c != null) {
            return c;
        }
        Symbol s;
        try {
            s = Symbol.of(text);
        } catch (IllegalArgumentException e) {
            problems.reject(line, column + " '" + text + "' is not a Binance symbol (upper-case letters and digits)");
            return null;
        }
        if (requested != null && !requested.equals(s)) {
            long[] k = skipped.computeIfAbsent(s.name(), x -> new long[] {line, 0});
            k[1]++;
            return null;
        }
        c = bySymbol.computeIfAbsent(s, x -> new FundingCollector(problems));
        byText.put(text, c);
        return c;
    }

    /** One series per symbol with accepted rows, in symbol order; warnings for skipped symbols. */
    List<FundingSeries> build() {
        for (Map.Entry<String, long[]> e : skipped.entrySet()) {
            problems.warn(e.getValue()[0], e.getValue()[1] + " row" + (e.getValue()[1] > 1 ? "s" : "") + " of "
                    + e.getKey() + " skipped (first here): the read was limited to " + requested);
        }
        List<FundingSeries> out = new ArrayList<>();
        for (Map.Entry<Symbol, FundingCollector> e : bySymbol.entrySet()) {
            FundingSeries s = e.getValue().build(e.getKey());
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
