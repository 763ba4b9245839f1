package io.thermocarry.store;

/**
 * A store operation failed (SQL error, constraint violation, I/O). The message names what was being done
 * (file, table) so that the command line can print it as is; the transaction it happened in was rolled back.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
