package io.thermocarry.core.margin;

/**
 * Per funding cycle, the bars of {@link MarginBars} inside it ({@code [from, to)}) and the index of the first bar
 * holding each extreme: highest high, lowest low, highest low, highest close, lowest close. Within a cycle the
 * margin balance minus maintenance is monotone in the price (decreasing for a short leg, increasing for a long)
 * and a top-up is ordered at the first close whose shortfall reaches the trigger, so the extremes decide whether
 * any bar of the cycle liquidates or transfers; the margin path walks the bars one by one only when one does.
 *
 * @param from first bar of each cycle
 * @param to end (exclusive) of each cycle's bars
 * @param inverseStrike {@code 1 / perpOpen(from)}: the leg's strike price inverted once per cycle grid (NaN for a
 *     cycle without bars)
 */
public record CycleExtremes(int[] from, int[] to, int[] maxHigh, int[] minLow, int[] maxLow, int[] maxClose,
        int[] minClose, double[] inverseStrike) {
}
