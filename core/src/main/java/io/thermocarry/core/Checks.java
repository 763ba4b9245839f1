package io.thermocarry.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument validation for value types: every method returns its argument so it can be used
 * inline in compact constructors. Failures throw {@link IllegalArgumentException} naming the field.
 */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code value}; throws if it is null. */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** Returns {@code value}; throws if it is NaN or infinite. */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
        return value;
    }

    /** Returns {@code value}; throws unless it is finite and strictly positive. */
    public static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}; throws unless it is finite and at least zero. */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}; throws unless it is strictly positive. */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}; throws unless it is at least zero. */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}; throws unless it is a non-null, strictly positive duration. */
    public static Duration positive(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}; throws unless {@code lo <= value <= hi}. */
    public static double inRange(double value, double lo, double hi, String name) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], was " + value);
        }
        return value;
    }

    /** Throws with {@code message} unless {@code condition} holds. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
