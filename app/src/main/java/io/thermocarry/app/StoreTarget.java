package io.thermocarry.app;

import io.thermocarry.binance.download.DownloadTarget;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.IngestReport;
import io.thermocarry.store.Placeholders;
import io.thermocarry.store.RejectPolicy;
import io.thermocarry.store.Store;
import java.time.Instant;

/** The store as the downloader's target: wiring only (each page or file is one {@link Store#ingest} transaction). */
final class StoreTarget implements DownloadTarget {
    private final Store store;
    private final RejectPolicy policy;

    StoreTarget(Store store, RejectPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    @Override
    public long[] barOpenTimes(Symbol symbol, Market market, BarInterval interval, long fromMs, long toMs) {
        return store.bars(symbol, market, interval, Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(toMs),
                Placeholders.INCLUDE).openTimes();
    }

    @Override
    public FundingSeries funding(Symbol symbol, long fromMs, long toMs) {
        return store.funding(symbol, Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(toMs));
    }

    @Override
    public long[] openInterestTimes(Symbol symbol, long fromMs, long toMs) {
        return store.openInterest(symbol, Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(toMs)).times();
    }

    @Override
    public boolean ingested(String source) {
        return store.ingested(source);
    }

    @Override
    public Stored ingest(ParsedSource source) {
        IngestReport r = store.ingest(source, policy);
        return new Stored(r.rowsAccepted(), r.rowsAlreadyPresent(), r.conflicts(), r.refused(), r.rejected(),
                r.warnings(), r.conflictExamples());
    }
}
