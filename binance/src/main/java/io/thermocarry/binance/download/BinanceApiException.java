package io.thermocarry.binance.download;

/**
 * Binance (or the mirror) answered, and refused: an HTTP 4xx other than 429/418, usually with Binance's error body
 * {@code {"code":-1121,"msg":"Invalid symbol."}}, or a 200 whose payload cannot be read. Retrying would not help; the
 * series concerned is skipped and the rest of the download goes on.
 */
public final class BinanceApiException extends BinanceNetException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final Integer code;
    private final String binanceMessage;

    BinanceApiException(String url, int status, Integer code, String binanceMessage, String message) {
        super(url, message, null);
        this.status = status;
        this.code = code;
        this.binanceMessage = binanceMessage;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Binance's error code ({@code -1121}), or null when the body was not a Binance error. */
    public Integer code() {
        return code;
    }

    /** Binance's {@code msg}, or null. */
    public String binanceMessage() {
        return binanceMessage;
    }

    @Override
    public boolean stopsEverything() {
        return false;
    }
}
