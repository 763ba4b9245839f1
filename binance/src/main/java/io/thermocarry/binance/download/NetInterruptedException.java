package io.thermocarry.binance.download;

/** The thread was interrupted while waiting for Binance; the interrupt flag is set again. */
public final class NetInterruptedException extends BinanceNetException {
    private static final long serialVersionUID = 1L;

    NetInterruptedException(String url, InterruptedException cause) {
        super(url, "interrupted while fetching " + url + "; everything fetched before is stored: run the same"
                + " command again to resume", cause);
    }

    @Override
    public boolean stopsEverything() {
        return true;
    }
}
