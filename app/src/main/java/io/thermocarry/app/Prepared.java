package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.store.Store;
import java.time.Instant;

/**
 * A symbol's cycles and signal path ready for backtests, built the way the compat mode says.
 * Causal: every cycle before {@code to}, signals warmed up on history before {@code from}, evaluation from the
 * first cycle at or after {@code from}. Reference: the reference's own cycle construction over the range only,
 * evaluation from its first signal cycle (as its backtests do).
 *
 * @param firstCycle first cycle of the evaluation window (earlier cycles are history only)
 * @param accrual the funding convention of the compat mode: causal pays the rate settled at the cycle's end
 *     (the exchange pays whoever is open at the settlement instant, and a decision taken at t_k cannot have
 *     been open at t_k); reference pays the rate settled at its start, as the reference code does
 */
record Prepared(Symbol symbol, Compat compat, FundingCycles cycles, SignalRun run, SignalPath path, int firstCycle,
        FundingAccrual accrual) {

    static Prepared of(Store store, Symbol symbol, Instant from, Instant to, Compat compat, SignalOptions o) {
        var config = o.regimeConfig();
        if (compat == Compat.REFERENCE) {
            // the reference's inputs are exactly the range: no look-back (its windows count rows from the start)
            MarketLoader.Loaded l = MarketLoader.load(store, symbol, from, to, java.time.Duration.ZERO);
            var ref = ReferenceCycleBuilder.fromProductData(l.funding(), l.basis(), o.kappa());
            SignalRun run = SignalRunner.runReference(ref, o.signalSpec(), o.regimeSpec(), config);
            FundingCycles c = ref.cycles();
            // the reference's backtests (physics, naive, threshold) start at its first signal cycle
            int first = run.size() > 0 ? run.cycleIndex(0) : c.size();
            return new Prepared(symbol, compat, c, run, SignalPath.of(run, c.size()), first,
                    FundingAccrual.RATE_AT_CYCLE_START);
        }
        return causal(MarketLoader.load(store, symbol, null, to), from, o);
    }

    /** Causal preparation from a market already loaded with all history before {@code to}. */
    static Prepared causal(MarketLoader.Loaded l, Instant from, SignalOptions o) {
        Symbol symbol = l.symbol();
        SignalRun run = SignalRunner.run(l.cycles(), l.basis(), o.signalSpec(), o.regimeSpec(), o.regimeConfig(),
                Compat.CAUSAL);
        FundingCycles c = l.cycles();
        int first = from == null ? 0 : c.lowerBound(from.toEpochMilli());
        return new Prepared(symbol, Compat.CAUSAL, c, run, SignalPath.of(run, c.size()), first,
                FundingAccrual.RATE_AT_CYCLE_END);
    }
}
