package io.thermocarry.app;

import io.thermocarry.binance.download.ArchiveClient;
import io.thermocarry.binance.download.BinanceHttp;
import io.thermocarry.binance.download.BinanceRestClient;
import io.thermocarry.binance.download.DownloadAbortedException;
import io.thermocarry.binance.download.DownloadReport;
import io.thermocarry.binance.download.DownloadRequest;
import io.thermocarry.binance.download.Downloader;
import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.binance.download.SeriesKind;
import io.thermocarry.binance.download.SourceMode;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.RejectPolicy;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The hourly history the live book's signals warm up on (SPEC §14: "REST backfills the 1 h / 1 m history it needs
 * at start"): for the symbols whose store holds no hourly perp and spot bars or no funding before the book's start,
 * funding and 1 h perp and spot bars of {@code [start − span, start)} are fetched over REST by the downloader (the
 * same client, retries, weight governor and idempotent store target as {@code download}).
 */
final class LiveWarmup {
    /** 360 eight-hour cycles (the signals' default history) are 120 days; ten more for the basis windows. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(130);

    private LiveWarmup() {
    }

    /** True when the store holds hourly perp and spot bars and funding before {@code startMs}. */
    static boolean present(Store store, Symbol s, long startMs) {
        Instant start = Instant.ofEpochMilli(startMs);
        return !store.bars(s, Market.PERP, BarInterval.H1, null, start).isEmpty()
                && !store.bars(s, Market.SPOT, BarInterval.H1, null, start).isEmpty()
                && !store.funding(s, null, start).isEmpty();
    }

    /** The symbols without warm-up history before {@code startMs}. */
    static List<Symbol> missing(Store store, List<Symbol> symbols, long startMs) {
        List<Symbol> out = new ArrayList<>();
        for (Symbol s : symbols) {
            if (!present(store, s, startMs)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Fetches funding and 1 h perp and spot bars of {@code [startMs − span, startMs)} for {@code symbols} into the
     * store over REST.
     *
     * @throws JobFailed when the download gave up or reported a series problem (what was fetched stays stored)
     */
    static DownloadReport fetch(Store store, List<Symbol> symbols, long startMs, Duration span, URI futuresRest,
            URI spotRest, NetPolicy policy, Consumer<String> log) {
        Instant to = Instant.ofEpochMilli(startMs);
        Instant from = to.minus(span);
        log.accept(String.format(Locale.ROOT, "fetching the signals' warm-up history (funding, 1 h perp and spot,"
                + " %s → %s) for %s over REST", from, to, symbols));
        DownloadRequest request = new DownloadRequest(symbols, List.of(SeriesKind.FUNDING, SeriesKind.PERP,
                SeriesKind.SPOT), BarInterval.H1, from, to, SourceMode.REST);
        BinanceHttp http = BinanceHttp.system(policy);
        Path dir;
        try {
            dir = Files.createTempDirectory("thermocarry-live-warmup-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DownloadReport report;
        try {
            // REST only: the archive client is required by the downloader but never asked
            Downloader d = new Downloader(http, new BinanceRestClient(http, futuresRest, spotRest),
                    new ArchiveClient(http, futuresRest, dir, ArchiveClient.Retention.DELETE_AFTER_USE),
                    new StoreTarget(store, RejectPolicy.REFUSE_FILE), p -> { });
            report = d.run(request);
        } catch (DownloadAbortedException e) {
            throw new JobFailed("fetching the warm-up history failed: " + e.getMessage() + " (what was fetched is"
                    + " stored; run 'thermocarry download --symbols " + join(symbols) + " --series funding,perp,spot"
                    + " --from " + from + " --to " + to + "' to retry)", e);
        } finally {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                log.accept("could not remove " + dir + ": " + e.getMessage());
            }
        }
        if (!report.problems().isEmpty()) {
            throw new JobFailed("fetching the warm-up history: " + report.problems().size() + " series problem(s),"
                    + " first: " + report.problems().get(0) + " (what was fetched is stored)");
        }
        return report;
    }

    private static String join(List<Symbol> symbols) {
        List<String> names = new ArrayList<>();
        for (Symbol s : symbols) {
            names.add(s.name());
        }
        return String.join(",", names);
    }
}
