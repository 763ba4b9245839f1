package io.thermocarry.app;

/** The job failed (bad input, store error, network gave up): exit code 1 with one clear message. */
public final class JobFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobFailed(String message) {
        super(message);
    }

    public JobFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
