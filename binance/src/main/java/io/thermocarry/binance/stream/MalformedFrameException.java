package io.thermocarry.binance.stream;

/**
 * A text frame that is not one of the payloads Binance sends on the subscribed streams (not JSON, a field missing or
 * of the wrong type, a number that is not a finite decimal, an unknown event type). The stream client counts it and
 * reports it as {@link StreamHealth.Kind#MALFORMED}; it never stops the connection.
 */
public final class MalformedFrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the offending field and (the start of) the frame */
    public MalformedFrameException(String message) {
        super(message);
    }
}
