package io.thermocarry.core.series;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;

/**
 * Funding cycles of one symbol in column form (SPEC §2). Cycle k spans {@code [start_k, end_k)} with
 * {@code end_k = start_{k+1}}; its funding rate F_k is the one settled at {@code start_k}. Arrays are owned
 * by this object (do not mutate).
 */
public final class FundingCycles {
    private final Symbol symbol;
    private final long[] startMs;
    private final long[] endMs;
    private final double[] rate;
    private final double[] intervalHours;
    private final double[] basisStart;
    private final double[] basisEnd;
    private final double[] basisMean;
    private final double[] basisStd;
    private final int[] basisObs;
    private final double[] markStart;
    private final double[] markEnd;
    private final byte[] source;
    private final int hoursWithoutPartner;

    /** Column constructor (all arrays the same length). */
    public FundingCycles(Symbol symbol, long[] startMs, long[] endMs, double[] rate, double[] intervalHours,
            double[] basisStart, double[] basisEnd, double[] basisMean, double[] basisStd, int[] basisObs,
            double[] markStart, double[] markEnd, byte[] source, int hoursWithoutPartner) {
        this.symbol = Checks.notNull(symbol, "symbol");
        int n = startMs.length;
        Checks.check(endMs.length == n && rate.length == n && intervalHours.length == n && basisStart.length == n
                && basisEnd.length == n && basisMean.length == n && basisStd.length == n && basisObs.length == n
                && markStart.length == n && markEnd.length == n && source.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(endMs[i] > startMs[i], "cycle " + i + " ends before it starts");
            if (i > 0) {
                Checks.check(startMs[i] >= endMs[i - 1], "cycles overlap at " + i);
            }
        }
        this.startMs = startMs;
        this.endMs = endMs;
        this.rate = rate;
        this.intervalHours = intervalHours;
        this.basisStart = basisStart;
        this.basisEnd = basisEnd;
        this.basisMean = basisMean;
        this.basisStd = basisStd;
        this.basisObs = basisObs;
        this.markStart = markStart;
        this.markEnd = markEnd;
        this.source = source;
        this.hoursWithoutPartner = hoursWithoutPartner;
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return startMs.length;
    }

    public long startMs(int k) {
        return startMs[k];
    }

    public long endMs(int k) {
        return endMs[k];
    }

    /** F_k, fraction per interval. */
    public double rate(int k) {
        return rate[k];
    }

    /** Actual spacing in hours. */
    public double intervalHours(int k) {
        return intervalHours[k];
    }

    public double basisStart(int k) {
        return basisStart[k];
    }

    public double basisEnd(int k) {
        return basisEnd[k];
    }

    public double basisMean(int k) {
        return basisMean[k];
    }

    public double basisStd(int k) {
        return basisStd[k];
    }

    public int basisObs(int k) {
        return basisObs[k];
    }

    public double markStart(int k) {
        return markStart[k];
    }

    public double markEnd(int k) {
        return markEnd[k];
    }

    public BasisSource source(int k) {
        return BasisSource.values()[source[k]];
    }

    /** Bars of one leg without a partner in the other (from the basis construction). */
    public int hoursWithoutPartner() {
        return hoursWithoutPartner;
    }

    /** Raw columns (do not mutate). */
    public long[] starts() {
        return startMs;
    }

    public long[] ends() {
        return endMs;
    }

    public double[] rates() {
        return rate;
    }

    public double[] intervalsHours() {
        return intervalHours;
    }

    public double[] basisStarts() {
        return basisStart;
    }

    public double[] basisEnds() {
        return basisEnd;
    }

    public double[] basisMeans() {
        return basisMean;
    }

    public double[] basisStds() {
        return basisStd;
    }

    public int[] basisObsCounts() {
        return basisObs;
    }

    public double[] markStarts() {
        return markStart;
    }

    public double[] markEnds() {
        return markEnd;
    }

    /** Cycle k as a record. */
    public FundingCycle cycle(int k) {
        return new FundingCycle(Instant.ofEpochMilli(startMs[k]), Instant.ofEpochMilli(endMs[k]), rate[k],
                intervalHours[k], basisStart[k], basisEnd[k], basisMean[k], basisStd[k], basisObs[k], markStart[k],
                markEnd[k], source(k));
    }

    /** Index of the first cycle starting at or after {@code ms} (size() if none). */
    public int lowerBound(long ms) {
        int i = java.util.Arrays.binarySearch(startMs, ms);
        return i >= 0 ? i : -i - 1;
    }
}
