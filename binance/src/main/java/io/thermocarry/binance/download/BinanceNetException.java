package io.thermocarry.binance.download;

/**
 * A request to Binance (or a mirror) that did not give usable data. The message names the URL and what to do.
 * Subclasses say whether the whole download must stop ({@link #stopsEverything()}) or only the series concerned.
 */
public abstract class BinanceNetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String url;

    BinanceNetException(String url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** The URL of the request that failed. */
    public String url() {
        return url;
    }

    /**
     * True when nothing more should be asked of the network in this run (retries exhausted, IP banned, interrupted);
     * false when only this series is affected (Binance refused the request, an unreadable payload).
     */
    public abstract boolean stopsEverything();
}
