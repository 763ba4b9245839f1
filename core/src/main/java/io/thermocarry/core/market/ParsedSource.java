package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.util.List;

/**
 * Everything read from one input file (or one REST payload): the series it holds (klines, funding, open
 * interest), the rows rejected (file:line:reason) and non-fatal warnings (e.g. a percent-looking funding rate,
 * kept). Readers produce it; the store ingests it in one transaction.
 *
 * @param source file path or URL
 * @param sha256 hex SHA-256 of the raw bytes (identifies the file for idempotent re-ingest)
 * @param rowsRead data rows seen (accepted + rejected)
 * @param bars bar series found (one per symbol/market/interval)
 * @param funding funding series found (one per symbol)
 * @param openInterest open-interest series found (one per symbol)
 * @param rejected rows not accepted
 * @param warnings rows kept but worth a look
 */
public record ParsedSource(String source, String sha256, long rowsRead, List<BarSeries> bars,
        List<FundingSeries> funding, List<OpenInterestSeries> openInterest, List<Rejection> rejected,
        List<Rejection> warnings) {
    public ParsedSource {
        Checks.notNull(source, "source");
        Checks.notNull(sha256, "sha256");
        bars = List.copyOf(bars);
        funding = List.copyOf(funding);
        openInterest = List.copyOf(openInterest);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }

    /** A source without open interest (klines and funding only). */
    public ParsedSource(String source, String sha256, long rowsRead, List<BarSeries> bars, List<FundingSeries> funding,
            List<Rejection> rejected, List<Rejection> warnings) {
        this(source, sha256, rowsRead, bars, funding, List.of(), rejected, warnings);
    }

    /** Rows that passed validation. */
    public long rowsAccepted() {
        long n = 0;
        for (BarSeries b : bars) {
            n += b.size();
        }
        for (FundingSeries f : funding) {
            n += f.size();
        }
        for (OpenInterestSeries o : openInterest) {
            n += o.size();
        }
        return n;
    }

    /** True when some row or the whole file was rejected. */
    public boolean hasRejections() {
        return !rejected.isEmpty();
    }
}
