package io.thermocarry.core.signal;

/**
 * Maximum of the last {@code window} values of a stream (monotone deque of sequence numbers): amortized
 * O(1) per value, primitive arrays only.
 */
final class SlidingMax {
    private final int window;
    private final long[] seq;
    private final double[] val;
    private final int cap;
    private int front;
    private int size;

    SlidingMax(int window) {
        this.window = window;
        this.cap = window + 1;
        this.seq = new long[cap];
        this.val = new double[cap];
    }

    /** Appends value {@code v} with sequence number {@code s} (strictly increasing); drops what left the window. */
    void push(long s, double v) {
        while (size > 0 && val[(front + size - 1) % cap] <= v) {
            size--;
        }
        int at = (front + size) % cap;
        seq[at] = s;
        val[at] = v;
        size++;
        long oldest = s - window + 1;
        while (size > 0 && seq[front] < oldest) {
            front = (front + 1) % cap;
            size--;
        }
    }

    /** Maximum of the values in the window ({@code -∞} when empty). */
    double max() {
        return size == 0 ? Double.NEGATIVE_INFINITY : val[front];
    }
}
