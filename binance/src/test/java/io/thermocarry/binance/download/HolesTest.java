package io.thermocarry.binance.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Missing ranges and gaps, on hand-built series whose answers are counted by hand. */
class HolesTest {
    private static final long H = 3_600_000L;
    private static final Symbol S = new Symbol("TESTUSDT");

    @Test
    void bars_findLeadingInnerAndTrailingRunsOfMissingGridPoints() {
        long[] stored = {2 * H, 3 * H, 6 * H, 7 * H};
        List<Holes.Range> h = Holes.bars(stored, 0, 10 * H, H);
        assertEquals(List.of(new Holes.Range(0, 2 * H), new Holes.Range(4 * H, 6 * H), new Holes.Range(8 * H, 10 * H)),
                h);
    }

    @Test
    void bars_roundTheStartUpToTheGrid_andFindNothingWhenComplete() {
        long[] stored = {1 * H, 2 * H};
        assertEquals(List.of(), Holes.bars(stored, H / 2, 3 * H, H));
        assertEquals(List.of(new Holes.Range(H, 3 * H)), Holes.bars(new long[0], 1, 3 * H, H));
    }

    private static FundingSeries funding(long[] times, long[] intervals) {
        return new FundingSeries(S, times, new double[times.length], intervals, new double[times.length]);
    }

    @Test
    void funding_holesStartAMinuteAfterTheLastSettlementAndEndHalfAMinuteBeforeTheNext() {
        // 8 h settlements at 0, 8, 24 (16 missing), 32: one hole between 8 and 24; trailing to 40.
        FundingSeries s = funding(new long[] {0, 8 * H, 24 * H, 32 * H}, new long[] {8 * H, 8 * H, 8 * H, 8 * H});
        List<Holes.FundingHole> h = Holes.funding(s, 0, 40 * H);
        assertEquals(2, h.size());
        assertEquals(new Holes.FundingHole(8 * H, 8 * H, 8 * H + 60_000, 16 * H - 30_000, 24 * H - 30_000), h.get(0));
        assertEquals(new Holes.FundingHole(32 * H, 8 * H, 32 * H + 60_000, 40 * H - 30_000, 40 * H), h.get(1));
    }

    @Test
    void funding_aSwitchTo4hIsNotAHole() {
        FundingSeries s = funding(new long[] {0, 8 * H, 12 * H, 16 * H}, new long[] {8 * H, 8 * H, 4 * H, 4 * H});
        assertEquals(List.of(), Holes.funding(s, 0, 16 * H + 60_000));
    }

    @Test
    void funding_emptyStoreIsOneRangeAnchoredOnTheSettlementBeforeTheStart() {
        FundingSeries s = funding(new long[] {0}, new long[] {8 * H});
        assertEquals(List.of(new Holes.FundingHole(0, 8 * H, 10 * H, 10 * H, 20 * H)),
                Holes.funding(s, 10 * H, 20 * H));
    }

    @Test
    void barGaps_countMissingBarsByKind() {
        long[] stored = {2 * H, 3 * H, 6 * H};
        List<Holes.Found> g = Holes.barGaps(stored, 0L, 10 * H, H);
        assertEquals(List.of(new Holes.Found(0L, 2 * H, 2, Gap.Kind.BEFORE_FIRST),
                new Holes.Found(4 * H, 6 * H, 2, Gap.Kind.HOLE),
                new Holes.Found(7 * H, 10 * H, 3, Gap.Kind.AFTER_LAST)), g);
        assertEquals(List.of(new Holes.Found(4 * H, 6 * H, 2, Gap.Kind.HOLE),
                new Holes.Found(7 * H, 10 * H, 3, Gap.Kind.AFTER_LAST)), Holes.barGaps(stored, null, 10 * H, H),
                "without an asked start the range begins at the first bar");
        assertEquals(List.of(new Holes.Found(null, 10 * H, -1, Gap.Kind.NO_DATA)),
                Holes.barGaps(new long[0], null, 10 * H, H));
    }

    @Test
    void fundingGaps_countMissingSettlementsWithTheIntervalInForce() {
        // 8 h: 0, 8, [16 missing], 24, then 4 h: 28, [32, 36 missing], 40; asked [−16 h, 50 h).
        FundingSeries s = funding(new long[] {0, 8 * H, 24 * H, 28 * H, 40 * H},
                new long[] {8 * H, 8 * H, 8 * H, 4 * H, 4 * H});
        List<Holes.Found> g = Holes.fundingGaps(s, -16 * H, 50 * H);
        assertEquals(List.of(new Holes.Found(-16 * H, 0L, 2, Gap.Kind.BEFORE_FIRST),
                new Holes.Found(16 * H, 24 * H, 1, Gap.Kind.HOLE),
                new Holes.Found(32 * H, 40 * H, 2, Gap.Kind.HOLE),
                new Holes.Found(44 * H, 50 * H, 2, Gap.Kind.AFTER_LAST)), g);
        assertEquals(List.of(new Holes.Found(16 * H, 24 * H, 1, Gap.Kind.HOLE),
                new Holes.Found(32 * H, 40 * H, 2, Gap.Kind.HOLE)), Holes.fundingGaps(s, null, 44 * H + 59_000),
                "a settlement due less than a minute ago is not missing yet");
    }
}
