package io.thermocarry.core.signal;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import java.time.Instant;

/**
 * The market as a decision at time {@code d} may see it: the causal view of SPEC §4. It is fed events in
 * time order by {@link SignalEngine} (the only writer, in this package) and hands signals a read-only
 * window of
 * <ul>
 * <li>the last {@code basisWindowHours} hourly basis observations whose <em>availability</em> time (bar
 * close) is at or before {@code d}, as a rolling κ/β fit;
 * <li>funding settlements with time at or before {@code d};
 * <li>the completed cycles (ended at or before {@code d}) as work and {@code F²}, for the entropy rate and
 * Jarzynski health.
 * </ul>
 * Earlier decisions live with the engine (β history) and the classifier (percentile history).
 *
 * <p>Causality by construction ({@link Compat#CAUSAL}): the view keeps a clock, the latest event time fed;
 * an event stamped before the clock is refused with {@link IllegalStateException}, so once a decision at
 * {@code d} is taken nothing later can have been seen by it, and nothing stamped after {@code d} can have
 * been fed before it. In {@link Compat#REFERENCE} mode the clock is not enforced for basis rows: the
 * reference feeds rows by row index, up to a cycle past the decision, and that is the flaw it measures.
 *
 * <p>A completed cycle without a basis observation at its start has no work: in causal mode it counts
 * towards the warm-up but stays out of the entropy and Jarzynski windows ({@link #cyclesWithoutBasis()});
 * the reference takes its basis as 0.
 */
public final class MarketView {
    private final Compat compat;
    private final boolean enforceClock;
    private final RollingOuEstimator hourly;
    private final CompletedCycles cycles;
    private long clockMs = Long.MIN_VALUE;
    private long lastBasisTimeMs = Long.MIN_VALUE;
    private double lastBasisPct = Double.NaN;
    private long basisObservations;
    private long lastFundingTimeMs = Long.MIN_VALUE;
    private double lastFundingRate = Double.NaN;
    private long settlements;
    private long completed;
    private long withoutBasis;
    private long lastCycleEndMs = Long.MIN_VALUE;

    MarketView(SignalSpec spec, Compat compat, double dtHours) {
        Checks.notNull(spec, "spec");
        this.compat = Checks.notNull(compat, "compat");
        this.enforceClock = compat == Compat.CAUSAL;
        this.hourly = new RollingOuEstimator(spec.basisWindowHours(), spec.kappaMethod(), dtHours);
        this.cycles = new CompletedCycles(spec.entropyWindowCycles(), spec.jeWindowCycles());
    }

    private void tick(long timeMs, String what) {
        if (enforceClock) {
            if (timeMs < clockMs) {
                throw new IllegalStateException(what + " at " + Instant.ofEpochMilli(timeMs)
                        + " arrives after the view reached " + Instant.ofEpochMilli(clockMs)
                        + ": events must be fed in time order");
            }
            clockMs = timeMs;
        } else {
            clockMs = Math.max(clockMs, timeMs);
        }
    }

    void observeBasis(long availableAtMs, double basisPct) {
        if (enforceClock && availableAtMs <= lastBasisTimeMs) {
            throw new IllegalStateException("basis observation at " + Instant.ofEpochMilli(availableAtMs)
                    + " is not after the previous one at " + Instant.ofEpochMilli(lastBasisTimeMs));
        }
        if (enforceClock) {
            tick(availableAtMs, "basis observation");
        }
        hourly.add(basisPct);
        lastBasisTimeMs = availableAtMs;
        lastBasisPct = basisPct;
        basisObservations++;
    }

    void completeCycle(long startMs, long endMs, double fundingRate, double basisStartPct) {
        Checks.check(endMs > startMs, "cycle ends at or before its start");
        if (enforceClock && startMs < lastCycleEndMs) {
            throw new IllegalStateException("cycle starting " + Instant.ofEpochMilli(startMs)
                    + " overlaps the previous one ending " + Instant.ofEpochMilli(lastCycleEndMs));
        }
        tick(endMs, "cycle completion");
        lastCycleEndMs = endMs;
        completed++;
        double b = basisStartPct;
        if (Double.isNaN(b)) {
            if (compat == Compat.CAUSAL) {
                withoutBasis++;
                return;
            }
            b = 0.0;
        }
        cycles.add(-fundingRate * b, fundingRate);
    }

    void settle(long timeMs, double fundingRate) {
        Checks.finite(fundingRate, "fundingRate");
        if (enforceClock && timeMs <= lastFundingTimeMs) {
            throw new IllegalStateException("settlement at " + Instant.ofEpochMilli(timeMs)
                    + " is not after the previous one at " + Instant.ofEpochMilli(lastFundingTimeMs));
        }
        tick(timeMs, "settlement");
        lastFundingTimeMs = timeMs;
        lastFundingRate = fundingRate;
        settlements++;
    }

    /** Which rules this view follows. */
    public Compat compat() {
        return compat;
    }

    /** Time of the latest event fed (epoch ms): the "now" of the view. */
    public long asOfMs() {
        return clockMs;
    }

    /** Hourly observations in the κ/β window (at most {@code basisWindowHours}). */
    public int hourlyPoints() {
        return hourly.size();
    }

    /** κ of the relaxation ratio over the hourly window (1/hour; see {@link RollingOuEstimator#relaxationKappa}). */
    public double relaxationKappa() {
        return hourly.relaxationKappa();
    }

    /** κ of the temperature fit over the hourly window (1/hour). */
    public double fitKappa() {
        return hourly.fitKappa();
    }

    /** β = 1/(κ·Var) over the hourly window. */
    public double beta() {
        return hourly.beta();
    }

    /** Population variance of the hourly window (percent²). */
    public double variance() {
        return hourly.variance();
    }

    /** Entropy rate over the completed-cycle window for this β and the κ of ΔF (see {@link CompletedCycles}). */
    public double entropyRate(double beta, double kappaForDeltaF) {
        return cycles.entropyRate(beta, kappaForDeltaF);
    }

    /** Jarzynski health over the completed-cycle window for this β and the κ of ΔF. */
    public double jeHealth(double beta, double kappaForDeltaF) {
        return cycles.jeHealth(beta, kappaForDeltaF);
    }

    /** Completed cycles seen (including those without a basis at their start). */
    public long completedCycles() {
        return completed;
    }

    /** Completed cycles left out of the work windows because no basis was available at their start. */
    public long cyclesWithoutBasis() {
        return withoutBasis;
    }

    /** Latest basis observation (percent), NaN before the first. */
    public double lastBasisPct() {
        return lastBasisPct;
    }

    /** Availability time of the latest basis observation (epoch ms). */
    public long lastBasisTimeMs() {
        return lastBasisTimeMs;
    }

    /** Basis observations fed so far. */
    public long basisObservations() {
        return basisObservations;
    }

    /** Latest settled funding rate (fraction per interval), NaN before the first. */
    public double lastFundingRate() {
        return lastFundingRate;
    }

    /** Time of the latest settlement (epoch ms). */
    public long lastFundingTimeMs() {
        return lastFundingTimeMs;
    }

    /** Settlements seen so far. */
    public long settlements() {
        return settlements;
    }

    /** Copies the hourly window, oldest first, into {@code out}; returns its length. For tests and reports. */
    public int copyHourlyWindow(double[] out) {
        return hourly.copyWindow(out);
    }
}
