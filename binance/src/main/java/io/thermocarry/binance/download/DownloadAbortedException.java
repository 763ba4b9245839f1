package io.thermocarry.binance.download;

/**
 * The download stopped before the end because nothing more could be asked of the network (retries exhausted, IP
 * banned, interrupted). Everything stored before stays; running the same download again resumes.
 */
public final class DownloadAbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DownloadReport report;

    DownloadAbortedException(DownloadReport report, BinanceNetException cause) {
        super(cause.getMessage(), cause);
        this.report = report;
    }

    /** What was done before the stop. */
    public DownloadReport report() {
        return report;
    }

    /** The network failure that stopped the download. */
    public BinanceNetException failure() {
        return (BinanceNetException) getCause();
    }
}
