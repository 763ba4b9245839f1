package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static io.thermocarry.store.Fixtures.ETH;
import static io.thermocarry.store.Fixtures.H;
import static io.thermocarry.store.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Store#coverage()}: stitched parts per source file and gaps of 1 h klines and funding. */
class CoverageTest {
    @Test
    void coverage_listsPartsBySourceFile_andEveryGap() {
        try (Store store = Store.inMemory()) {
            long[] first = new long[48];
            long[] second = new long[24];
            for (int i = 0; i < 48; i++) {
                first[i] = T0 + i * H;
            }
            for (int i = 0; i < 24; i++) {
                second[i] = T0 + (100 + i) * H;
            }
            store.writeBars(Fixtures.walkAt(BTC, Market.PERP, first, 1), "perp-part-a.csv");
            store.writeBars(Fixtures.walkAt(BTC, Market.PERP, second, 2), "perp-part-b.csv");
            BarSeries spot = Fixtures.walk(BTC, Market.SPOT, 124, 3);
            store.writeBars(spot, "spot.csv");
            FundingSeries f = Fixtures.funding(BTC, 16, 8);
            long[] t = f.times();
            int[] keep = {0, 1, 2, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15};
            FundingSeries gappy = new FundingSeries(BTC, Arrays.stream(keep).mapToLong(i -> t[i]).toArray(),
                    Arrays.stream(keep).mapToDouble(f::rate).toArray(),
                    Arrays.stream(keep).mapToLong(f::intervalMs).toArray(),
                    Arrays.stream(keep).mapToDouble(f::markPrice).toArray());
            store.writeFunding(gappy, "funding.csv");
            store.writeFunding(Fixtures.funding(ETH, 3, 8), "eth-funding.csv");

            List<SeriesCoverage> c = store.coverage();
            assertEquals(List.of("BTCUSDT funding", "BTCUSDT perp", "BTCUSDT spot", "ETHUSDT funding"),
                    c.stream().map(x -> x.symbol() + " " + x.series()).toList());
            SeriesCoverage perp = c.get(1);
            assertEquals(2, perp.parts().size());
            assertEquals("perp-part-a.csv", perp.parts().get(0).source());
            assertEquals(48, perp.parts().get(0).rows());
            assertEquals(72, perp.rows());
            assertEquals(List.of(new SeriesCoverage.Gap(Instant.ofEpochMilli(T0 + 47 * H),
                    Instant.ofEpochMilli(T0 + 100 * H), 52)), perp.gaps());
            SeriesCoverage funding = c.get(0);
            assertEquals(List.of(new SeriesCoverage.Gap(Instant.ofEpochMilli(T0 + 24 * H),
                    Instant.ofEpochMilli(T0 + 56 * H), 3)), funding.gaps(), "settlements 4, 5 and 6 missing");
            assertEquals(List.of(), c.get(2).gaps());
        }
    }
}
