package io.thermocarry.binance.download;

/** Follows a download (the CLI draws a progress bar with an ETA from it). */
@FunctionalInterface
public interface DownloadListener {
    /** Ignores everything. */
    DownloadListener NONE = p -> { };

    /**
     * Called after each page, file or probe.
     *
     * @param progress counts so far
     */
    void update(Progress progress);

    /**
     * Counts so far.
     *
     * @param requests HTTP requests sent
     * @param plannedRequests the requests the plan expects (an estimate: retries and unexpected pages add to it)
     * @param bytes bytes received
     * @param rowsAccepted rows newly stored
     * @param note what was just done, e.g. {@code BTCUSDT perp 2024-01}
     */
    record Progress(long requests, long plannedRequests, long bytes, long rowsAccepted, String note) {
    }
}
