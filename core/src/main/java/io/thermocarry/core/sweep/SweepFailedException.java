package io.thermocarry.core.sweep;

/** A sweep stopped: a backtest, the sink or the scheduling failed, or the sweep was interrupted. */
public final class SweepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its cause. */
    public SweepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
