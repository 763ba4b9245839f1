package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.backtest.PnlClipping;
import io.thermocarry.core.backtest.ReferenceFeeBase;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.FreeEnergyKappa;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the published edge comes from (issue 8, SPEC §11): physics and naive run at each {@link EdgeStep},
 * from the reference code's setup to thermocarry's honest one, one change at a time, over the same window (the
 * reference's first decision to the end of the data; each step's own cycles from the first one starting at or
 * after that instant).
 *
 * <p>How each step is built from the existing pieces:
 * <ol>
 * <li>{@link EdgeStep#REFERENCE_AS_PUBLISHED}: reference cycles and signals ({@link CompatInputs} under
 * {@link Compat#REFERENCE}), engine in reference mode at {@link FeeTier#REFERENCE} (10 bps), clipping and the
 * rules' fee base as the reference, funding at the cycle-start rate;</li>
 * <li>{@link EdgeStep#LOOKAHEAD_WINDOW_REMOVED}: causal cycles, signals with the causal window but
 * {@link FreeEnergyKappa#WHOLE_HISTORY};</li>
 * <li>{@link EdgeStep#WHOLE_HISTORY_KAPPA_REMOVED}: the causal signals;</li>
 * <li>{@link EdgeStep#PNL_CLIPPING_REMOVED}: {@link PnlClipping#NONE};</li>
 * <li>{@link EdgeStep#NAIVE_FEE_ON_TRADED_NOTIONAL}: {@link ReferenceFeeBase#TRADED_NOTIONAL};</li>
 * <li>{@link EdgeStep#THERMOCARRY_FEE_TIERS}: the engine in causal mode at the evaluation's tiers;</li>
 * <li>{@link EdgeStep#FUNDING_AT_SETTLEMENT}: {@link FundingAccrual#RATE_AT_CYCLE_END}.</li>
 * </ol>
 * Every step is also run at 0 bps, the gross-edge diagnostic. Strategies at their evaluation parameters, regime
 * configuration {@link RegimeConfig#FULL}.
 */
public final class EdgeDecomposition {
    private EdgeDecomposition() {
    }

    /**
     * The decomposition of one symbol.
     *
     * @param data the symbol's data (the hybrid signal run of step 2 needs its basis)
     * @param reference the symbol prepared under {@link Compat#REFERENCE}
     * @param causal the symbol prepared under {@link Compat#CAUSAL}
     * @param spec strategies, tiers and signal parameters
     * @return rows in step order, physics before naive, tiers in order; empty if the reference never decides
     */
    public static List<DecompositionRow> compute(SymbolData data, CompatInputs reference, CompatInputs causal,
            EvaluationSpec spec) {
        Checks.check(reference.compat() == Compat.REFERENCE && causal.compat() == Compat.CAUSAL,
                "need the reference and the causal inputs");
        List<DecompositionRow> out = new ArrayList<>();
        if (reference.run().size() == 0) {
            return out;
        }
        long windowStart = reference.run().timeMs(0);
        FundingCycles rc = reference.cycles();
        FundingCycles cc = causal.cycles();
        int refFirst = reference.firstDecision();
        int causalFirst = cc.lowerBound(windowStart);
        if (causalFirst >= cc.size()) {
            return out;
        }
        List<FeeTier> referenceTiers = List.of(FeeTier.REFERENCE, FeeTier.ZERO);
        List<FeeTier> ownTiers = new ArrayList<>(spec.tiers());
        if (!ownTiers.contains(FeeTier.ZERO)) {
            ownTiers.add(FeeTier.ZERO);
        }
        SignalPath refPath = SignalPath.of(reference.run(), rc.size());
        SignalRun hybrid = SignalRunner.run(cc, data.basis(), spec.signalSpec(), spec.regimeSpec(), RegimeConfig.FULL,
                Compat.CAUSAL, FreeEnergyKappa.WHOLE_HISTORY);
        SignalPath hybridPath = SignalPath.of(hybrid, cc.size());
        SignalPath causalPath = SignalPath.of(causal.run(), cc.size());
        for (StrategySpec s : List.<StrategySpec>of(spec.physics(), spec.naive())) {
            BacktestRequest r1 = new BacktestRequest(rc, refPath, s, FeeTier.REFERENCE, Compat.REFERENCE, 1.0, refFirst,
                    FundingAccrual.RATE_AT_CYCLE_START);
            add(out, data, EdgeStep.REFERENCE_AS_PUBLISHED, r1, referenceTiers);
            BacktestRequest r2 = new BacktestRequest(cc, hybridPath, s, FeeTier.REFERENCE, Compat.REFERENCE, 1.0,
                    causalFirst, FundingAccrual.RATE_AT_CYCLE_START);
            add(out, data, EdgeStep.LOOKAHEAD_WINDOW_REMOVED, r2, referenceTiers);
            BacktestRequest r3 = r2.withSignals(causalPath);
            add(out, data, EdgeStep.WHOLE_HISTORY_KAPPA_REMOVED, r3, referenceTiers);
            BacktestRequest r4 = r3.withClipping(PnlClipping.NONE);
            add(out, data, EdgeStep.PNL_CLIPPING_REMOVED, r4, referenceTiers);
            BacktestRequest r5 = r4.withFeeBase(ReferenceFeeBase.TRADED_NOTIONAL);
            add(out, data, EdgeStep.NAIVE_FEE_ON_TRADED_NOTIONAL, r5, referenceTiers);
            BacktestRequest r6 = new BacktestRequest(cc, causalPath, s, ownTiers.get(0), Compat.CAUSAL, 1.0, causalFirst,
                    FundingAccrual.RATE_AT_CYCLE_START);
            add(out, data, EdgeStep.THERMOCARRY_FEE_TIERS, r6, ownTiers);
            BacktestRequest r7 = r6.withFundingAccrual(FundingAccrual.RATE_AT_CYCLE_END);
            add(out, data, EdgeStep.FUNDING_AT_SETTLEMENT, r7, ownTiers);
        }
        out.sort((a, b) -> a.step() != b.step() ? a.step().compareTo(b.step())
                : a.strategy().equals(b.strategy()) ? 0 : a.strategy().equals(spec.physics().name()) ? -1 : 1);
        return List.copyOf(out);
    }

    private static void add(List<DecompositionRow> out, SymbolData data, EdgeStep step, BacktestRequest request,
            List<FeeTier> tiers) {
        for (BacktestResult r : BacktestEngine.runTiers(request, tiers)) {
            out.add(new DecompositionRow(data.symbol(), step, request.strategy().name(), r.request().fee(),
                    request.compat(), request.cycles().startMs(request.firstCycle()), r.performance()));
        }
    }
}
