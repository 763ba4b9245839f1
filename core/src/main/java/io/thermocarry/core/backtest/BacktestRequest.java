package io.thermocarry.core.backtest;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.StrategySpec;

/**
 * One backtest: a strategy on one symbol's funding cycles with its signal path, at one fee tier, under one
 * set of rules.
 *
 * @param cycles funding cycles (SPEC §2); cycle {@code k}'s rate {@code F_k} is the one settled at its start
 * @param signals per-decision regime/signal path, one entry per cycle (decision {@code k} at {@code t_k})
 * @param strategy what to trade
 * @param fee fee tier
 * @param compat {@link Compat#CAUSAL} (thermocarry's rules) or {@link Compat#REFERENCE} (the reference code's
 *     fee rule, PnL clipping and timing, to reproduce its numbers)
 * @param startingCapital capital at the start of the window, currency units ({@code > 0}; 1.0 makes every
 *     money figure a fraction of starting capital)
 * @param firstCycle first cycle of the evaluation window: earlier cycles are history only (no position, not
 *     in the metrics) but remain visible to look-back rules
 * @param fundingAccrual which settled rate a cycle's position earns (default: the one at the cycle start)
 * @param clipping per-cycle PnL clipping (default: the reference's caps in reference mode, none in causal mode;
 *     causal mode never clips)
 * @param feeBase what the reference fee rule charges on (default {@link ReferenceFeeBase#STRATEGY_RULE} in
 *     reference mode; causal mode always charges the traded notional, {@link ReferenceFeeBase#TRADED_NOTIONAL})
 */
public record BacktestRequest(FundingCycles cycles, SignalPath signals, StrategySpec strategy, FeeTier fee,
        Compat compat, double startingCapital, int firstCycle, FundingAccrual fundingAccrual, PnlClipping clipping,
        ReferenceFeeBase feeBase) {
    /** Validates: same lengths, positive capital, window start in range, causal mode unclipped. */
    public BacktestRequest {
        Checks.notNull(clipping, "clipping");
        Checks.notNull(feeBase, "feeBase");
        Checks.check(compat != Compat.CAUSAL || clipping == PnlClipping.NONE, "causal mode never clips PnL");
        Checks.check(compat != Compat.CAUSAL || feeBase == ReferenceFeeBase.TRADED_NOTIONAL,
                "causal mode always charges the traded notional");
        Checks.notNull(cycles, "cycles");
        Checks.notNull(signals, "signals");
        Checks.notNull(strategy, "strategy");
        Checks.notNull(fee, "fee");
        Checks.notNull(compat, "compat");
        Checks.notNull(fundingAccrual, "fundingAccrual");
        Checks.positive(startingCapital, "startingCapital");
        Checks.check(signals.size() == cycles.size(),
                "signal path has " + signals.size() + " decisions for " + cycles.size() + " cycles");
        Checks.check(firstCycle >= 0 && firstCycle <= cycles.size(),
                "firstCycle " + firstCycle + " outside [0, " + cycles.size() + "]");
    }

    /** The compat mode's clipping and fee base (see {@link #clippingOf} and {@link #feeBaseOf}). */
    public BacktestRequest(FundingCycles cycles, SignalPath signals, StrategySpec strategy, FeeTier fee,
            Compat compat, double startingCapital, int firstCycle, FundingAccrual fundingAccrual) {
        this(cycles, signals, strategy, fee, compat, startingCapital, firstCycle, fundingAccrual, clippingOf(compat),
                feeBaseOf(compat));
    }

    /** The clipping a compat mode applies by default: the reference's caps, or none. */
    public static PnlClipping clippingOf(Compat compat) {
        return compat == Compat.REFERENCE ? PnlClipping.REFERENCE_CAPS : PnlClipping.NONE;
    }

    /** The fee base a compat mode charges by default: the strategy's reference rule, or the traded notional. */
    public static ReferenceFeeBase feeBaseOf(Compat compat) {
        return compat == Compat.REFERENCE ? ReferenceFeeBase.STRATEGY_RULE : ReferenceFeeBase.TRADED_NOTIONAL;
    }

    /** Funding credited at the cycle-start rate ({@link FundingAccrual#RATE_AT_CYCLE_START}). */
    public BacktestRequest(FundingCycles cycles, SignalPath signals, StrategySpec strategy, FeeTier fee,
            Compat compat, double startingCapital, int firstCycle) {
        this(cycles, signals, strategy, fee, compat, startingCapital, firstCycle, FundingAccrual.RATE_AT_CYCLE_START);
    }

    /** Whole history, starting capital 1.0. */
    public static BacktestRequest of(FundingCycles cycles, SignalPath signals, StrategySpec strategy, FeeTier fee,
            Compat compat) {
        return new BacktestRequest(cycles, signals, strategy, fee, compat, 1.0, 0);
    }

    /** Same request at another fee tier. */
    public BacktestRequest withFee(FeeTier tier) {
        return new BacktestRequest(cycles, signals, strategy, tier, compat, startingCapital, firstCycle,
                fundingAccrual, clipping, feeBase);
    }

    /** Same request with another strategy. */
    public BacktestRequest withStrategy(StrategySpec spec) {
        return new BacktestRequest(cycles, signals, spec, fee, compat, startingCapital, firstCycle, fundingAccrual,
                clipping, feeBase);
    }

    /** Same request with another starting capital. */
    public BacktestRequest withStartingCapital(double capital) {
        return new BacktestRequest(cycles, signals, strategy, fee, compat, capital, firstCycle, fundingAccrual,
                clipping, feeBase);
    }

    /** Same request with another evaluation window start. */
    public BacktestRequest withFirstCycle(int first) {
        return new BacktestRequest(cycles, signals, strategy, fee, compat, startingCapital, first, fundingAccrual,
                clipping, feeBase);
    }

    /** Same request with another funding accrual convention. */
    public BacktestRequest withFundingAccrual(FundingAccrual accrual) {
        return new BacktestRequest(cycles, signals, strategy, fee, compat, startingCapital, firstCycle, accrual,
                clipping, feeBase);
    }

    /** Same request with another signal path (same length). */
    public BacktestRequest withSignals(SignalPath path) {
        return new BacktestRequest(cycles, path, strategy, fee, compat, startingCapital, firstCycle, fundingAccrual,
                clipping, feeBase);
    }

    /** Same request with another PnL clipping (reference mode only for {@link PnlClipping#REFERENCE_CAPS}). */
    public BacktestRequest withClipping(PnlClipping policy) {
        return new BacktestRequest(cycles, signals, strategy, fee, compat, startingCapital, firstCycle,
                fundingAccrual, policy, feeBase);
    }

    /** Same request with another reference fee base. */
    public BacktestRequest withFeeBase(ReferenceFeeBase base) {
        return new BacktestRequest(cycles, signals, strategy, fee, compat, startingCapital, firstCycle,
                fundingAccrual, clipping, base);
    }
}
