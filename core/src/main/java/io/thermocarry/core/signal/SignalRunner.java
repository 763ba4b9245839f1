package io.thermocarry.core.signal;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import io.thermocarry.core.physics.ReferenceCycleBuilder.ReferenceCycles;

/**
 * Batch driver: runs one {@link SignalEngine} over stored funding cycles and hourly basis and collects its
 * decisions into a {@link SignalRun}. The engine is the same object the live book streams into; this class
 * only decides which events it receives, and when.
 *
 * <p>{@link Compat#CAUSAL}: events in time order — every basis observation available at or before the
 * cycle's end, then the cycle completion, then the observations up to the next settlement, then the
 * settlement, which decides with τ_funding = that cycle's actual interval (the settlement schedule is
 * published by the exchange in advance).
 *
 * <p>{@link Compat#REFERENCE}: the reference code's rules. For cycle k the hourly window is rows
 * {@code [(k+1)·s − W, (k+1)·s)} of the basis <em>by row index</em> ({@code s} =
 * {@link SignalSpec#referenceRowsPerCycle()}, {@code W} = {@link SignalSpec#basisWindowHours()}), which ends
 * about one cycle after the decision and drifts further into the future with every missing hour; ΔF uses κ
 * fitted on the whole basis history; τ_funding is {@link SignalSpec#referenceFundingHours()}; a cycle with no
 * basis at its start gets {@code b_start = 0}.
 */
public final class SignalRunner {
    private static final long HOUR_MS = 3_600_000L;

    private SignalRunner() {
    }

    /**
     * Signals and regimes for every cycle after the warm-up.
     *
     * @param cycles funding cycles (from {@link io.thermocarry.core.series.CycleBuilder}: availability-stamped)
     * @param basis hourly basis observations, availability-stamped (interval must be 1 h)
     * @param compat causal, or the reference's signal rules applied to these inputs (for the reference's own
     *     cycle construction as well, see {@link #runReference})
     */
    public static SignalRun run(FundingCycles cycles, BasisSeries basis, SignalSpec spec, RegimeSpec regimeSpec,
            RegimeConfig config, Compat compat) {
        Checks.notNull(compat, "compat");
        return run(cycles, basis, spec, regimeSpec, config, compat,
                compat == Compat.REFERENCE ? FreeEnergyKappa.WHOLE_HISTORY : FreeEnergyKappa.DECISION_WINDOW);
    }

    /**
     * {@link #run(FundingCycles, BasisSeries, SignalSpec, RegimeSpec, RegimeConfig, Compat)} with the κ of
     * the free-energy change chosen apart from the window rule, so that the reference's two look-aheads can be
     * removed one at a time: {@code (CAUSAL, DECISION_WINDOW)} is thermocarry's rule, {@code (REFERENCE,
     * WHOLE_HISTORY)} the reference's, and {@code (CAUSAL, WHOLE_HISTORY)} the diagnostic hybrid (hourly window
     * ending at the decision, ΔF with κ fitted on the whole {@code basis} history, see
     * {@link SignalEngine#causalWithFixedKappa}). The reference window with the decision window's κ is not a
     * defined mode.
     *
     * @throws IllegalArgumentException for {@code (REFERENCE, DECISION_WINDOW)}
     */
    public static SignalRun run(FundingCycles cycles, BasisSeries basis, SignalSpec spec, RegimeSpec regimeSpec,
            RegimeConfig config, Compat compat, FreeEnergyKappa kappa) {
        Checks.notNull(cycles, "cycles");
        Checks.notNull(basis, "basis");
        Checks.notNull(compat, "compat");
        Checks.check(cycles.symbol().equals(basis.symbol()),
                "cycles are " + cycles.symbol() + " but basis is " + basis.symbol());
        Checks.check(basis.intervalMs() == HOUR_MS, "signals need hourly basis observations, got an interval of "
                + basis.intervalMs() + " ms");
        Checks.notNull(kappa, "kappa");
        if (compat == Compat.REFERENCE) {
            Checks.check(kappa == FreeEnergyKappa.WHOLE_HISTORY,
                    "the reference window is only defined with the whole-history κ");
            double whole = ReferenceCycleBuilder.wholeHistoryKappa(basis.values(), spec.kappaMethod());
            return driveReference(cycles, basis.times(), basis.values(), whole, spec, regimeSpec, config);
        }
        SignalEngine engine = kappa == FreeEnergyKappa.WHOLE_HISTORY
                ? SignalEngine.causalWithFixedKappa(spec, regimeSpec, config,
                        ReferenceCycleBuilder.wholeHistoryKappa(basis.values(), spec.kappaMethod()))
                : SignalEngine.causal(spec, regimeSpec, config);
        return driveCausal(cycles, basis, spec, regimeSpec, config, engine);
    }

    /**
     * The reference code end to end on its own inputs: cycles built by
     * {@link io.thermocarry.core.physics.ReferenceCycleBuilder} (open-time stamps, inclusive counts,
     * whole-history κ), then its signal rules (see the class comment). This reproduces the golden outputs.
     */
    public static SignalRun runReference(ReferenceCycles reference, SignalSpec spec, RegimeSpec regimeSpec,
            RegimeConfig config) {
        Checks.notNull(reference, "reference");
        return driveReference(reference.cycles(), reference.basisOpenTimes(), reference.basisValues(),
                reference.kappaGlobal(), spec,
                regimeSpec, config);
    }

    private static SignalRun driveCausal(FundingCycles cycles, BasisSeries basis, SignalSpec spec,
            RegimeSpec regimeSpec, RegimeConfig config, SignalEngine engine) {
        int n = cycles.size();
        SignalRun.Builder out = new SignalRun.Builder(cycles.symbol(), Compat.CAUSAL, config, spec, regimeSpec,
                n - spec.warmupCycles());
        long[] starts = cycles.starts();
        long[] ends = cycles.ends();
        double[] rates = cycles.rates();
        double[] hours = cycles.intervalsHours();
        double[] bStarts = cycles.basisStarts();
        long[] bt = basis.times();
        double[] bv = basis.values();
        int nb = bt.length;
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                long end = ends[k - 1];
                while (j < nb && bt[j] <= end) {
                    engine.onBasis(bt[j], bv[j]);
                    j++;
                }
                engine.onCycleCompleted(starts[k - 1], end, rates[k - 1], bStarts[k - 1]);
            }
            long d = starts[k];
            while (j < nb && bt[j] <= d) {
                engine.onBasis(bt[j], bv[j]);
                j++;
            }
            if (engine.onSettlement(d, rates[k], hours[k])) {
                out.record(engine, k);
            }
        }
        return out.build(engine);
    }

    private static SignalRun driveReference(FundingCycles cycles, long[] stamps, double[] rows, double kappaGlobal,
            SignalSpec spec, RegimeSpec regimeSpec, RegimeConfig config) {
        SignalEngine engine = SignalEngine.reference(spec, regimeSpec, config, kappaGlobal);
        int n = cycles.size();
        SignalRun.Builder out = new SignalRun.Builder(cycles.symbol(), Compat.REFERENCE, config, spec, regimeSpec,
                n - spec.warmupCycles());
        long[] starts = cycles.starts();
        long[] ends = cycles.ends();
        double[] rates = cycles.rates();
        double[] bStarts = cycles.basisStarts();
        int stride = spec.referenceRowsPerCycle();
        int nb = rows.length;
        int fed = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                engine.onCycleCompleted(starts[k - 1], ends[k - 1], rates[k - 1], bStarts[k - 1]);
            }
            long e = Math.min((long) (k + 1) * stride, nb);
            while (fed < e) {
                // by row index: the stamp plays no part in which rows the window holds
                engine.onBasis(stamps[fed], rows[fed]);
                fed++;
            }
            if (engine.onSettlement(starts[k], rates[k], spec.referenceFundingHours())) {
                out.record(engine, k);
            }
        }
        return out.build(engine);
    }
}
