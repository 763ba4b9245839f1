package io.thermocarry.core.signal;

/**
 * β of the previous {@code window} decisions and the temperature z-score against them (SPEC §4, signal
 * 2): {@code z = (β_now − mean)/std}, population std, 0 with fewer than 10 values or std below 1e−10.
 * O(1) per decision: compensated sums of {@code β − K} and {@code (β − K)²}, the anchor K moved to the
 * window mean (and the sums rebuilt from the ring) once per {@code window} decisions.
 */
final class BetaHistory {
    private final int window;
    private final double[] ring;
    private int head;
    private int count;
    private int sinceAnchor;
    private double anchor;
    private final CompensatedSum sum = new CompensatedSum();
    private final CompensatedSum sumSq = new CompensatedSum();

    BetaHistory(int window) {
        this.window = window;
        this.ring = new double[window];
    }

    /** z-score of {@code beta} against the values held now (call before {@link #add}). */
    double zscore(double beta) {
        int n = count;
        if (n < SignalSpec.MIN_BETA_HISTORY) {
            return 0.0;
        }
        double m = sum.value() / n;
        double var = Math.max(0.0, sumSq.value() / n - m * m);
        double sd = Math.sqrt(var);
        if (sd < SignalSpec.BETA_STD_FLOOR) {
            return 0.0;
        }
        return ((beta - anchor) - m) / sd;
    }

    /** Appends the β of the decision just made; the oldest leaves once {@code window} are held. */
    void add(double beta) {
        if (count == 0) {
            anchor = beta;
        }
        if (count == window) {
            double d = ring[head] - anchor;
            sum.add(-d);
            sumSq.add(-(d * d));
            head = head + 1 == window ? 0 : head + 1;
            count--;
        }
        int at = head + count;
        if (at >= window) {
            at -= window;
        }
        ring[at] = beta;
        count++;
        double d = beta - anchor;
        sum.add(d);
        sumSq.add(d * d);
        if (++sinceAnchor >= window) {
            reanchor();
        }
    }

    private void reanchor() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += ring[(head + i) % window];
        }
        anchor = s / count;
        sum.reset();
        sumSq.reset();
        for (int i = 0; i < count; i++) {
            double d = ring[(head + i) % window] - anchor;
            sum.add(d);
            sumSq.add(d * d);
        }
        sinceAnchor = 0;
    }

    int size() {
        return count;
    }
}
