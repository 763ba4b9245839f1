package io.thermocarry.app;

/** A wrong or missing argument found after parsing: exit code 2 with the message. */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
