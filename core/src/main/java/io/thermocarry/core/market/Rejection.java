package io.thermocarry.core.market;

import io.thermocarry.core.Checks;

/**
 * One piece of input that was not accepted, with where and why:
 * {@code fundingRate-2024-01.csv:17: rate 'abc' is not a number}.
 *
 * @param file file name or URL the input came from
 * @param line 1-based line number (0 when the fault concerns the whole file)
 * @param reason what is wrong, naming the column and value
 */
public record Rejection(String file, long line, String reason) {
    public Rejection {
        Checks.notNull(file, "file");
        Checks.notNull(reason, "reason");
        Checks.check(line >= 0, "line must be >= 0");
    }

    /** A fault of the whole file (line 0). */
    public static Rejection ofFile(String file, String reason) {
        return new Rejection(file, 0, reason);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
