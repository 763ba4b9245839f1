package io.thermocarry.binance.download;

import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a download did.
 *
 * @param net requests, retries, bytes, waits
 * @param rowsAccepted rows newly stored
 * @param rowsAlreadyPresent rows received that the store already had
 * @param conflicts rows received that disagree with stored ones (stored values kept)
 * @param pages REST pages stored
 * @param archiveFiles archive files stored (fetched or from the cache)
 * @param archiveFilesFromCache of those, files the cache already held (no request)
 * @param archiveFilesMissing archive files that do not exist (404)
 * @param archiveFilesAlreadyStored archive files skipped because the target had stored them whole before
 * @param gaps what is still missing in the requested ranges
 * @param problems what could not be done (per series; the rest went on)
 * @param warnings how many warnings the readers and the store gave
 * @param warningExamples the first few of them
 * @param currentFundingIntervals the funding interval in force per symbol ({@code fundingInfo}; symbols absent
 *        settle every 8 h), empty when not asked
 * @param aborted why the download stopped early (network gave up, IP banned, interrupted), or null
 */
public record DownloadReport(NetStats net, long rowsAccepted, long rowsAlreadyPresent, long conflicts, long pages,
        long archiveFiles, long archiveFilesFromCache, long archiveFilesMissing, long archiveFilesAlreadyStored,
        List<Gap> gaps,
        List<Problem> problems, long warnings, List<Rejection> warningExamples,
        Map<Symbol, Duration> currentFundingIntervals, String aborted) {
    /** Copies the lists and the map. */
    public DownloadReport {
        gaps = List.copyOf(gaps);
        problems = List.copyOf(problems);
        warningExamples = List.copyOf(warningExamples);
        currentFundingIntervals = Map.copyOf(currentFundingIntervals);
    }
}
