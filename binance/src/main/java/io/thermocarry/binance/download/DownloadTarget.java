package io.thermocarry.binance.download;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.util.List;

/**
 * Where downloaded data goes and what is already there (the store, behind the application's wiring). What it holds
 * decides what is fetched: only the missing ranges, so a download interrupted anywhere resumes without a gap and
 * without fetching twice.
 */
public interface DownloadTarget {
    /**
     * Open times of stored bars (placeholders included) in {@code [fromMs, toMs)}, ascending.
     */
    long[] barOpenTimes(Symbol symbol, Market market, BarInterval interval, long fromMs, long toMs);

    /** Stored funding settlements in {@code [fromMs, toMs)}, ascending. */
    FundingSeries funding(Symbol symbol, long fromMs, long toMs);

    /** Times of stored open-interest snapshots in {@code [fromMs, toMs)}, ascending. */
    long[] openInterestTimes(Symbol symbol, long fromMs, long toMs);

    /**
     * True when a source of this name (an archive file's URL) was stored before: its rows are all in, so a hole in
     * its period is not in the file either and it need not be fetched again.
     */
    boolean ingested(String source);

    /**
     * Stores one page or file in one transaction; idempotent (storing the same rows again changes nothing).
     * A source with rejected rows may be refused whole (nothing written).
     */
    Stored ingest(ParsedSource source);

    /**
     * What one {@link #ingest} did.
     *
     * @param rowsAccepted rows newly written
     * @param rowsAlreadyPresent rows already stored with the same values
     * @param conflicts rows stored with other values (stored values kept)
     * @param refused true when nothing was written because of rejected rows
     * @param rejected the rows the reader rejected
     * @param warnings the reader's and the store's warnings
     * @param conflictExamples a few conflicts, described
     */
    record Stored(long rowsAccepted, long rowsAlreadyPresent, long conflicts, boolean refused,
            List<Rejection> rejected, List<Rejection> warnings, List<String> conflictExamples) {
        /** Copies the lists. */
        public Stored {
            rejected = List.copyOf(rejected);
            warnings = List.copyOf(warnings);
            conflictExamples = List.copyOf(conflictExamples);
        }
    }
}
