package io.thermocarry.report;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.List;

/**
 * What the data behind one symbol looks like (the report's data-integrity notes): stored series with their
 * gaps and placeholder candles, funding intervals, and what the computations could not evaluate.
 *
 * @param symbol symbol
 * @param series stored bar series of the symbol
 * @param funding funding history, or {@code null} when none is stored
 * @param hoursWithoutPartner hourly bars of one leg without a bar of the other (no basis there)
 * @param cyclesWithoutBasis cycles whose signals lacked basis observations
 * @param notes further plain-text notes (gates not evaluated, ruin, clipping, rejected rows)
 */
public record DataHealth(String symbol, List<SeriesHealth> series, FundingHealth funding, long hoursWithoutPartner,
        long cyclesWithoutBasis, List<String> notes) {
    /** Copies. */
    public DataHealth {
        Checks.notNull(symbol, "symbol");
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }

    /**
     * One stored bar series.
     *
     * @param market spot, perp, mark, ...
     * @param interval bar interval, e.g. "1h"
     * @param first first open time
     * @param last last open time
     * @param rows stored bars
     * @param gaps holes in the open-time grid
     * @param missingBars bars missing on the grid between first and last
     * @param placeholders leading launch-era placeholder candles (flagged, left out of the basis)
     */
    public record SeriesHealth(String market, String interval, Instant first, Instant last, long rows, long gaps,
            long missingBars, long placeholders) {
    }

    /**
     * The funding history.
     *
     * @param first first settlement
     * @param last last settlement
     * @param events settlements stored
     * @param intervalsHours distinct funding intervals seen, hours
     * @param gaps spacings longer than the interval in force
     * @param missingSettlements settlements missing inside those gaps
     * @param intervalChanges interval switches (e.g. 8 h → 4 h)
     */
    public record FundingHealth(Instant first, Instant last, long events, List<Long> intervalsHours, long gaps,
            long missingSettlements, int intervalChanges) {
        /** Copies. */
        public FundingHealth {
            intervalsHours = List.copyOf(intervalsHours);
        }
    }
}
