package io.thermocarry.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long job on stderr: a redrawn bar with rate and ETA on a terminal, a few plain lines
 * otherwise (CI logs, pipes). Never writes to stdout, so {@code --json} output stays clean.
 */
public final class Progress {
    private final String label;
    private long total;
    private final PrintStream err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private int lastPlainDecile = -1;

    public Progress(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    Progress(String label, long total, PrintStream err, boolean terminal) {
        this.label = label;
        this.total = Math.max(total, 1);
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Reports progress against a total that may have grown since (a plan that found more to do than estimated).
     */
    public void update(long done, long newTotal, String note) {
        this.total = Math.max(newTotal, 1);
        update(done, note);
    }

    /** Reports that {@code done} of {@code total} units are finished, with a short note (e.g. a file name). */
    public void update(long done, String note) {
        long now = System.nanoTime();
        double frac = Math.min(1.0, done / (double) total);
        double secs = (now - startNanos) / 1e9;
        if (terminal) {
            if (now - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) Math.round(frac * width);
            double eta = frac > 0 ? secs * (1 - frac) / frac : Double.NaN;
            String n = note == null ? "" : note;
            if (n.length() > 40) {
                n = "..." + n.substring(n.length() - 37);
            }
            err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%% %d/%d  %.1fs ETA %s  %-40s", label, "#".repeat(filled),
                    " ".repeat(width - filled), frac * 100, done, total, secs,
                    Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%.0fs", eta), n);
            if (done >= total) {
                err.println();
            }
        } else {
            int decile = (int) (frac * 10);
            if (decile > lastPlainDecile && (decile % 5 == 0 || done >= total)) {
                lastPlainDecile = decile;
                err.printf(Locale.ROOT, "%s: %d/%d (%.0f%%) after %.1fs%n", label, done, total, frac * 100, secs);
            }
        }
    }
}
