package io.thermocarry.binance.download;

/** Every attempt of a request failed for transient reasons (5xx, timeouts, resets, truncated bodies, 429). */
public final class NetworkGaveUpException extends BinanceNetException {
    private static final long serialVersionUID = 1L;
    private final int attempts;

    NetworkGaveUpException(String url, int attempts, String lastFailure, Throwable cause) {
        super(url, "network gave up on " + url + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + " (last: " + lastFailure + "); everything fetched before is stored: run the same command again to"
                + " resume, later or with --max-attempts/--timeout raised", cause);
        this.attempts = attempts;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }

    @Override
    public boolean stopsEverything() {
        return true;
    }
}
