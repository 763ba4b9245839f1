package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;

/**
 * A symbol's cycles and signals prepared under one compat mode (the same construction as the {@code backtest}
 * command's):
 * <ul>
 * <li>{@link Compat#CAUSAL}: {@link CycleBuilder} cycles over the whole covered history, causal signals warmed
 * up on it, evaluation from the first cycle at or after {@code from}; funding accrues at the settlement that
 * ends each held cycle ({@link FundingAccrual#RATE_AT_CYCLE_END}: the exchange pays whoever is open at the
 * settlement, and a decision taken at {@code t_k} cannot have been open at {@code t_k}).</li>
 * <li>{@link Compat#REFERENCE}: the reference's own cycles ({@link ReferenceCycleBuilder#fromProductData}) and
 * signals ({@link SignalRunner#runReference}) from the range only (no look-back before {@code from}: its windows
 * count rows from the start of its data), evaluated from its first signal cycle as its backtests are;
 * funding at the cycle-start rate, as the reference pays it.</li>
 * </ul>
 * The signal run is under {@link RegimeConfig#FULL}; other configurations are re-classified from it
 * ({@link RegimePaths}).
 *
 * @param compat rules
 * @param cycles funding cycles
 * @param run the full-configuration signal run over {@code cycles}
 * @param accrual funding convention of the mode
 * @param evaluationStart first cycle the evaluation may use
 */
public record CompatInputs(Compat compat, FundingCycles cycles, SignalRun run, FundingAccrual accrual,
        int evaluationStart) {
    /** Validates. */
    public CompatInputs {
        Checks.notNull(compat, "compat");
        Checks.notNull(cycles, "cycles");
        Checks.notNull(run, "run");
        Checks.notNull(accrual, "accrual");
        Checks.check(evaluationStart >= 0 && evaluationStart <= cycles.size(), "evaluationStart out of range");
    }

    /** Prepares {@code data} under {@code compat}. */
    public static CompatInputs of(SymbolData data, Compat compat, SignalSpec signalSpec, RegimeSpec regimeSpec) {
        FundingSeries funding = data.coveredFunding();
        BasisSeries basis = data.basis();
        if (compat == Compat.REFERENCE) {
            long from = data.from() == null ? Long.MIN_VALUE : data.from().toEpochMilli();
            FundingSeries f = data.from() == null ? funding : funding.slice(from, Long.MAX_VALUE);
            // exactly the range: the reference's windows count rows from its start
            BasisSeries b = data.from() == null ? basis : basis.slice(from, Long.MAX_VALUE);
            var ref = ReferenceCycleBuilder.fromProductData(f, b, signalSpec.kappaMethod());
            SignalRun run = SignalRunner.runReference(ref, signalSpec, regimeSpec, RegimeConfig.FULL);
            return new CompatInputs(compat, ref.cycles(), run, FundingAccrual.RATE_AT_CYCLE_START, 0);
        }
        FundingCycles cycles = CycleBuilder.build(funding, basis, data.mark());
        SignalRun run = SignalRunner.run(cycles, basis, signalSpec, regimeSpec, RegimeConfig.FULL, Compat.CAUSAL);
        int start = data.from() == null ? 0 : cycles.lowerBound(data.from().toEpochMilli());
        return new CompatInputs(compat, cycles, run, FundingAccrual.RATE_AT_CYCLE_END, start);
    }

    /** First cycle with a signal decision ({@code cycles.size()} if none). */
    public int firstDecision() {
        return run.size() > 0 ? run.cycleIndex(0) : cycles.size();
    }
}
