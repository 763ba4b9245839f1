package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Re-ingest idempotence as a property: how a series is cut into files and in which order they come is irrelevant. */
class SplitIngestPropertyTest {

    /** A series (length, seed, leading flat bars), cut points, part overlaps and an arrival order. */
    record Plan(int n, long seed, int flat, List<Integer> cuts, List<Integer> overlaps, long orderSeed) {
    }

    @Provide
    Arbitrary<Plan> plans() {
        return Combinators.combine(Arbitraries.integers().between(1, 120), Arbitraries.longs(),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 119).list().ofMaxSize(5),
                Arbitraries.integers().between(0, 10).list().ofSize(7), Arbitraries.longs()).as(Plan::new);
    }

    @Property(tries = 60)
    void anySplitIntoOverlappingParts_ingestedInAnyOrder_givesTheSameTables(@ForAll("plans") Plan plan) {
        BarSeries bars = flatStart(Fixtures.walk(BTC, Market.PERP, plan.n(), plan.seed()), plan.flat());
        FundingSeries funding = Fixtures.funding(BTC, plan.n(), 8);
        List<String> expected;
        try (Store whole = Store.inMemory()) {
            whole.ingest(Fixtures.source("whole", List.of(bars), List.of(funding)));
            expected = Fixtures.dumpData(whole);
        }

        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        plan.cuts().stream().filter(c -> c > 0 && c < plan.n()).sorted().distinct().forEach(bounds::add);
        bounds.add(plan.n());
        List<ParsedSource> parts = new ArrayList<>();
        for (int p = 0; p + 1 < bounds.size(); p++) {
            // Each part reaches back and forward by a few rows into its neighbours: overlapping part files.
            int from = Math.max(0, bounds.get(p) - plan.overlaps().get(p));
            int to = Math.min(plan.n(), bounds.get(p + 1) + plan.overlaps().get(p + 1));
            parts.add(Fixtures.source("part-" + p, List.of(bars.sliceIndex(from, to)),
                    List.of(funding.slice(funding.timeMs(from), to < plan.n() ? funding.timeMs(to) : Long.MAX_VALUE))));
        }
        java.util.Collections.shuffle(parts, new Random(plan.orderSeed()));

        try (Store store = Store.inMemory()) {
            long accepted = 0;
            for (ParsedSource part : parts) {
                IngestReport r = store.ingest(part);
                assertEquals(0, r.conflicts());
                assertEquals(part.rowsAccepted(), r.rowsAccepted() + r.rowsAlreadyPresent());
                accepted += r.rowsAccepted();
            }
            assertEquals(2L * plan.n(), accepted);
            assertEquals(expected, Fixtures.dumpData(store));
            for (ParsedSource part : parts) {
                store.ingest(part);
            }
            assertEquals(expected, Fixtures.dumpData(store));
            assertEquals(0, Fixtures.duplicateKeys(store));
        }
    }

    private static BarSeries flatStart(BarSeries s, int flat) {
        int k = Math.min(flat, s.size());
        double[] o = s.opens().clone();
        double[] h = s.highs().clone();
        double[] l = s.lows().clone();
        double[] c = s.closes().clone();
        double[] v = s.volumes().clone();
        for (int i = 0; i < k; i++) {
            o[i] = h[i] = l[i] = c[i] = 10000;
            v[i] = 0.5;
        }
        return new BarSeries(s.symbol(), s.market(), BarInterval.H1, s.openTimes(), o, h, l, c, v);
    }
}
