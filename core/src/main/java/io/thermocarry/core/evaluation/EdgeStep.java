package io.thermocarry.core.evaluation;

/**
 * The steps of the "where the published edge comes from" table, from the reference code's setup to
 * thermocarry's honest one, one change at a time (each step keeps every change before it).
 */
public enum EdgeStep {
    /**
     * The reference as published: its cycle construction ({@code ReferenceCycleBuilder}: open-time stamps, so
     * {@code b_start} is the close an hour after the settlement), its hourly window ending a cycle after the
     * decision, κ of ΔF fitted on the whole history, its fee rule (10 bps round trip on every change, the naive
     * baseline on its whole notional at each 21-cycle rebalance, nothing at the end), PnL clipping, the rate
     * settled at the cycle start.
     */
    REFERENCE_AS_PUBLISHED("reference as published"),
    /**
     * Look-ahead window removed: availability-stamped cycles ({@code CycleBuilder}: {@code b_start} is the last
     * basis known at the settlement, not the close an hour after it) and the hourly window ending at the decision;
     * κ of ΔF still the whole-history one. The re-stamped basis marks change even the naive baseline's PnL path
     * (on BTC the March 2020 crash hour moves a 2.4 % basis spike into and out of two cycles).
     */
    LOOKAHEAD_WINDOW_REMOVED("look-ahead (stamps, window) removed"),
    /** Whole-history κ removed: ΔF with each decision window's κ (the signals are now fully causal). */
    WHOLE_HISTORY_KAPPA_REMOVED("whole-history kappa removed"),
    /** PnL clipping removed (reference fee rule still in force). */
    PNL_CLIPPING_REMOVED("PnL clipping removed"),
    /** The naive baseline charged only on the notional that changes hands, not its whole notional. */
    NAIVE_FEE_ON_TRADED_NOTIONAL("naive charged on traded notional"),
    /**
     * thermocarry's engine and fee tiers: {@code tier/2} on every change of notional, the final close charged,
     * the causal strategy rules; funding still the rate settled at the cycle start.
     */
    THERMOCARRY_FEE_TIERS("thermocarry fee tiers"),
    /**
     * Funding as the exchange pays it: a position decided at {@code t_k} is paid the rate settled at the end of
     * its cycle (it could not have been open at {@code t_k}): thermocarry's honest setup, as {@code evaluate}
     * and {@code backtest} run it in causal mode.
     */
    FUNDING_AT_SETTLEMENT("funding paid at the settlement held through");

    private final String label;

    EdgeStep(String label) {
        this.label = label;
    }

    /** A short human label. */
    public String label() {
        return label;
    }
}
