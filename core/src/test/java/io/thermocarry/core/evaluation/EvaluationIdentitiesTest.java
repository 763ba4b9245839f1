package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.SignalPath;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structural identities of one symbol's evaluation, in both compat modes, with tuning. */
class EvaluationIdentitiesTest {
    private static SymbolData data;
    private static EvaluationSpec spec;
    private static SymbolEvaluation eval;

    @BeforeAll
    static void evaluate() {
        data = SyntheticMarkets.data(SyntheticMarkets.switching(2.0, 0.02, 0.08, 300, 2_000, 9));
        spec = EvaluationSpec.defaults().withTiers(List.of(FeeTier.BPS_8, FeeTier.BPS_25))
                .withBootstrap(new BlockBootstrapSpec(300, 12, 1L, 0.95)).withTune(TuneGrid.defaults());
        eval = SymbolEvaluator.evaluate(data, spec, null);
    }

    @Test
    void everyBook_coversExactlyTheStitchedTestFolds_andItsPnlAddsUp() {
        assertEquals(2, eval.layouts().size());
        // physics × 3 configurations, tuned physics, desk, naive, threshold, buy-hold; × 2 tiers × 2 modes
        assertEquals(8 * 2 * 2, eval.results().size());
        for (StrategyResult r : eval.results()) {
            FoldLayout l = eval.layouts().stream().filter(x -> x.compat() == r.compat()).findFirst().orElseThrow();
            Performance p = r.oos();
            assertEquals(l.oosCycles(), p.cycles(), r.strategy() + " " + r.config());
            assertEquals(l.oosStart(), r.result().ledger().firstCycle());
            assertEquals(l.folds().size(), r.folds().size());
            assertEquals(p.pnl().funding() + p.pnl().basis() + p.pnl().price() - p.pnl().fees(), p.pnl().total(), 1e-12,
                    "funding + basis + price − fees = total");
            assertTrue(Double.isFinite(r.sharpeInterval().low()) || Double.isNaN(p.sharpe()));
            int folded = r.folds().stream().mapToInt(f -> f.performance().cycles()).sum();
            assertEquals(p.cycles(), folded, "fold slices tile the book");
        }
    }

    @Test
    void foldLayout_startsItsTrainingAtTheFirstSignalDecision() {
        for (FoldLayout l : eval.layouts()) {
            assertEquals(l.firstDecision(), l.folds().get(0).trainStart());
            assertEquals(l.firstDecision() + 360, l.oosStart());
            assertEquals(l.cycles(), l.folds().get(l.folds().size() - 1).testEnd());
        }
    }

    @Test
    void causalBooks_equalAPlainBacktestFromTheFirstTestCycle() {
        CompatInputs in = CompatInputs.of(data, Compat.CAUSAL, SignalSpec.defaults(), RegimeSpec.defaults());
        FoldLayout l = eval.layouts().get(0);
        BacktestResult plain = BacktestEngine.run(new BacktestRequest(in.cycles(), SignalPath.of(in.run(),
                in.cycles().size()), spec.physics(), FeeTier.BPS_8, Compat.CAUSAL, 1.0, l.oosStart(),
                FundingAccrual.RATE_AT_CYCLE_END));
        StrategyResult book = SyntheticMarkets.book(eval, "physics", SyntheticMarkets.FULL, FeeTier.BPS_8);
        assertEquals(plain.performance(), book.oos());
    }

    @Test
    void tunedBook_isTheSwitchingBookOfEachFoldsRecordedChoice() {
        CompatInputs in = CompatInputs.of(data, Compat.CAUSAL, SignalSpec.defaults(), RegimeSpec.defaults());
        int n = in.cycles().size();
        TuneGrid grid = spec.tune();
        List<SignalPath> paths = new java.util.ArrayList<>();
        for (double rd : grid.relaxationDanger()) {
            paths.add(RegimePaths.path(in.run(), n, RegimePaths.withRelaxationDanger(RegimeSpec.defaults(), rd),
                    io.thermocarry.core.regime.RegimeConfig.FULL));
        }
        paths.add(SignalPath.of(in.run(), n));
        int[] choice = new int[n];
        java.util.Arrays.fill(choice, paths.size() - 1);
        List<FoldFit> fits = eval.fits().stream().filter(f -> f.compat() == Compat.CAUSAL).toList();
        int[] from = new int[fits.size()];
        List<io.thermocarry.core.strategy.StrategySpec> specs = new java.util.ArrayList<>();
        java.util.Set<Integer> points = new java.util.HashSet<>();
        for (FoldFit fit : fits) {
            TunedChoice c = fit.tuned().stream().filter(t -> t.tier().equals(FeeTier.BPS_8)).findFirst().orElseThrow();
            points.add(c.point());
            int rdIndex = java.util.Arrays.binarySearch(grid.relaxationDanger(), c.relaxationDanger());
            for (int k = fit.fold().testStart(); k < fit.fold().testEnd(); k++) {
                choice[k] = rdIndex;
            }
            from[fit.fold().index()] = fit.fold().testStart();
            specs.add(new io.thermocarry.core.strategy.PhysicsStrategy(c.baseFraction(), 0.2, 1e-4));
        }
        BacktestResult rebuilt = BacktestEngine.run(new BacktestRequest(in.cycles(), RegimePaths.stitch(paths, choice),
                new io.thermocarry.core.strategy.SwitchingStrategy(from, specs), FeeTier.BPS_8, Compat.CAUSAL, 1.0,
                fits.get(0).fold().testStart(), FundingAccrual.RATE_AT_CYCLE_END));
        StrategyResult tuned = SyntheticMarkets.book(eval, "physics", EvaluationSpec.TUNED_CONFIG, FeeTier.BPS_8);
        assertEquals(rebuilt.performance(), tuned.oos());
        assertTrue(points.size() >= 2, "the choice changes between folds: " + points);
    }

    @Test
    void decomposition_endsAtTheHonestCausalBacktest_andStartsAtTheReferenceOne() {
        List<DecompositionRow> d = eval.decomposition();
        assertEquals(5 * 2 * 2 + 2 * 3 * 2, d.size(),
                "reference steps at 10 and 0 bps, thermocarry steps at 8, 25 and 0 bps; physics and naive");
        CompatInputs causal = CompatInputs.of(data, Compat.CAUSAL, SignalSpec.defaults(), RegimeSpec.defaults());
        CompatInputs ref = CompatInputs.of(data, Compat.REFERENCE, SignalSpec.defaults(), RegimeSpec.defaults());
        int first = causal.cycles().lowerBound(ref.run().timeMs(0));
        BacktestResult honest = BacktestEngine.run(new BacktestRequest(causal.cycles(), SignalPath.of(causal.run(),
                causal.cycles().size()), spec.naive(), FeeTier.BPS_25, Compat.CAUSAL, 1.0, first,
                FundingAccrual.RATE_AT_CYCLE_END));
        DecompositionRow last = d.stream().filter(r -> r.step() == EdgeStep.FUNDING_AT_SETTLEMENT
                && r.strategy().equals("naive") && r.tier().equals(FeeTier.BPS_25)).findFirst().orElseThrow();
        assertEquals(honest.performance(), last.performance());
        BacktestResult published = BacktestEngine.run(new BacktestRequest(ref.cycles(), SignalPath.of(ref.run(),
                ref.cycles().size()), spec.physics(), FeeTier.REFERENCE, Compat.REFERENCE, 1.0, ref.firstDecision(),
                FundingAccrual.RATE_AT_CYCLE_START));
        DecompositionRow firstRow = d.stream().filter(r -> r.step() == EdgeStep.REFERENCE_AS_PUBLISHED
                && r.strategy().equals("physics") && r.tier().equals(FeeTier.REFERENCE)).findFirst().orElseThrow();
        assertEquals(published.performance(), firstRow.performance());
        for (EdgeStep step : EdgeStep.values()) {
            assertTrue(d.stream().anyMatch(r -> r.step() == step && r.tier().equals(FeeTier.ZERO)), "gross " + step);
        }
    }

    @Test
    void decomposition_zeroFeeColumn_hasNoFees() {
        for (DecompositionRow r : eval.decomposition()) {
            if (r.tier().equals(FeeTier.ZERO)) {
                assertEquals(0.0, r.performance().pnl().fees(), 0.0, r.step() + " " + r.strategy());
            }
        }
    }

    @Test
    void significance_comparesPhysicsWithEveryBaselineAndAblation_perTierAndMode() {
        // naive, threshold, desk, two ablations, tuned vs naive: 6 per tier and mode
        assertEquals(6 * 2 * 2, eval.significance().size());
        for (SharpeComparison c : eval.significance()) {
            assertEquals(c.sharpe() - c.sharpeVersus(), c.sharpeDiff(), 1e-12);
            assertTrue(c.ciLow() <= c.ciHigh());
            assertTrue(c.pValue() > 0 && c.pValue() <= 1);
            assertEquals(300, c.resamples());
        }
    }
}
