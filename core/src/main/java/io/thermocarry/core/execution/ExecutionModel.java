package io.thermocarry.core.execution;

/**
 * How orders fill and how a position is accounted for. Funding eligibility is the exchange's in both: only
 * what is open at the settlement instant is paid (SPEC §7).
 */
public enum ExecutionModel {
    /**
     * The exchange (SPEC §7, §15; the default): an order decided at a bar's close fills at the next bar's open of
     * each leg (never at the close that produced it) and pays {@code |traded notional| · tier/2}; the fill fixes
     * the quantities {@code q_spot = N/S_fill}, {@code q_perp = N/P_fill}; basis PnL is the pair's price PnL
     * {@code s·(q_spot ΔS − q_perp ΔP)} marked at each child close ({@code s = +1} short basis, {@code −1} long);
     * funding at a settlement {@code t_k} is {@code s · q_perp · mark(t_k) · F_k}.
     */
    EXCHANGE,
    /**
     * The settlement-only cycle engine's conventions, only to prove that the intraday engine reduces to it
     * ({@link io.thermocarry.core.backtest.BacktestEngine}, causal, rate settled at the cycle end): a constant
     * notional {@code N} per leg, an order filled at the basis of the decision itself (the cycle model's
     * {@code b_start}), basis PnL {@code −s·N·Δb/100}, funding {@code s·N·F_k}, fees {@code |ΔN|·tier/2}. It fills
     * at the close that produced the decision: never use it to judge a strategy.
     */
    CYCLE_MODEL
}
