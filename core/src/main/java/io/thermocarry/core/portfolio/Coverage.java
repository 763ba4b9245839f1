package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Data coverage of one symbol for the carry (what {@code info} shows): whether it is a candidate (hourly spot
 * and perp klines and funding all present), the window where all three overlap, and the holes inside that
 * window — gaps of any of the three series (a spot outage, the span between two stitched perp parts, missing
 * funding settlements). Holes are where the portfolio holds the symbol flat ({@link SymbolMarket#holes()} at the
 * cycle level).
 *
 * @param symbol symbol
 * @param candidate spot, perp and funding present and overlapping
 * @param reason why not a candidate ({@link ExclusionReason#NO_SPOT}, {@code NO_PERP}, {@code NO_FUNDING},
 *     {@code NO_OVERLAP}), null for a candidate
 * @param overlapFromMs start of the common window (latest first time), epoch ms; {@link Long#MIN_VALUE} if none
 * @param overlapToMs end of the common window (earliest last time), epoch ms; {@link Long#MIN_VALUE} if none
 * @param holes gaps inside the window, by time
 */
public record Coverage(Symbol symbol, boolean candidate, ExclusionReason reason, long overlapFromMs, long overlapToMs,
        List<Hole> holes) {
    /** Copies the list. */
    public Coverage {
        Checks.notNull(symbol, "symbol");
        holes = List.copyOf(holes);
    }

    /**
     * One stored series' span and gaps.
     *
     * @param series {@code spot}, {@code perp} or {@code funding}
     * @param firstMs first time, epoch ms
     * @param lastMs last time, epoch ms
     * @param gaps its gaps
     */
    public record Span(String series, long firstMs, long lastMs, List<Hole> gaps) {
        /** Copies the list. */
        public Span {
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * A gap in one series.
     *
     * @param series which series
     * @param afterMs last time before the gap, epoch ms
     * @param beforeMs first time after it, epoch ms
     * @param missing rows missing on its grid (hours or settlements)
     */
    public record Hole(String series, long afterMs, long beforeMs, long missing) {
        /** Length of the gap in hours. */
        public double hours() {
            return (beforeMs - afterMs) / 3_600_000.0;
        }
    }

    /** Days of the common window (0 without one). */
    public double overlapDays() {
        return overlapFromMs == Long.MIN_VALUE ? 0.0 : (overlapToMs - overlapFromMs) / 86_400_000.0;
    }

    /** The longest hole inside the window, or null. */
    public Hole longestHole() {
        return holes.stream().max(Comparator.comparingLong(h -> h.beforeMs() - h.afterMs())).orElse(null);
    }

    /**
     * Coverage from the three series' spans (each may be null when the store has none).
     */
    public static Coverage of(Symbol symbol, Span spot, Span perp, Span funding) {
        ExclusionReason reason = spot == null ? ExclusionReason.NO_SPOT : perp == null ? ExclusionReason.NO_PERP
                : funding == null ? ExclusionReason.NO_FUNDING : null;
        if (reason != null) {
            return new Coverage(symbol, false, reason, Long.MIN_VALUE, Long.MIN_VALUE, List.of());
        }
        long from = Math.max(spot.firstMs(), Math.max(perp.firstMs(), funding.firstMs()));
        long to = Math.min(spot.lastMs(), Math.min(perp.lastMs(), funding.lastMs()));
        if (to <= from) {
            return new Coverage(symbol, false, ExclusionReason.NO_OVERLAP, Long.MIN_VALUE, Long.MIN_VALUE, List.of());
        }
        List<Hole> holes = new ArrayList<>();
        for (Span s : List.of(spot, perp, funding)) {
            for (Hole h : s.gaps()) {
                if (h.afterMs() < to && h.beforeMs() > from) {
                    holes.add(h);
                }
            }
        }
        holes.sort(Comparator.comparingLong(Hole::afterMs).thenComparing(Hole::series));
        return new Coverage(symbol, true, null, from, to, holes);
    }
}
