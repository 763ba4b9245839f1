package io.thermocarry.app;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.portfolio.Coverage;
import io.thermocarry.store.SeriesCoverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps the store's series coverage to {@link Coverage} per symbol (wiring for {@code info} and {@code portfolio}). */
final class Coverages {
    private Coverages() {
    }

    /** One symbol's coverage and the parts its series were stitched from. */
    record Entry(Coverage coverage, List<SeriesCoverage> series) {
    }

    static List<Entry> of(List<SeriesCoverage> stored) {
        Map<Symbol, List<SeriesCoverage>> bySymbol = new TreeMap<>();
        for (SeriesCoverage s : stored) {
            bySymbol.computeIfAbsent(s.symbol(), k -> new ArrayList<>()).add(s);
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<Symbol, List<SeriesCoverage>> e : bySymbol.entrySet()) {
            Coverage.Span spot = null;
            Coverage.Span perp = null;
            Coverage.Span funding = null;
            for (SeriesCoverage s : e.getValue()) {
                List<Coverage.Hole> gaps = new ArrayList<>();
                for (SeriesCoverage.Gap g : s.gaps()) {
                    gaps.add(new Coverage.Hole(s.series(), g.after().toEpochMilli(), g.before().toEpochMilli(),
                            g.missing()));
                }
                Coverage.Span span = new Coverage.Span(s.series(), s.first().toEpochMilli(), s.last().toEpochMilli(), gaps);
                switch (s.series()) {
                    case "spot" -> spot = span;
                    case "perp" -> perp = span;
                    default -> funding = span;
                }
            }
            out.add(new Entry(Coverage.of(e.getKey(), spot, perp, funding), e.getValue()));
        }
        return out;
    }
}
