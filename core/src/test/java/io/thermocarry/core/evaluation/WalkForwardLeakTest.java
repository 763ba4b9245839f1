package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.series.BasisSeries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Walk-forward leak test: whatever is fitted for a fold (the adaptive thresholds at its first decision, the tuned
 * grid point and the training figures it was chosen on) is decided at the settlement that opens its test part;
 * perturbing every funding rate settled, and every basis observation available, after that instant must leave it
 * unchanged — for that fold and every earlier one — while it does change what the fold's test cycles earn.
 */
class WalkForwardLeakTest {
    private static final EvaluationSpec SPEC = SyntheticMarkets.spec(List.of(FeeTier.BPS_16), 200)
            .withTune(TuneGrid.parse("relaxationDanger=1.2,1.8;baseFraction=0.25,0.75;drawdownBudget=0.004"));

    @Test
    void perturbingATestFoldsData_changesNothingFittedForIt() {
        SymbolData data = SyntheticMarkets.data(SyntheticMarkets.switching(2.0, 0.02, 0.08, 250, 2_400, 3));
        SymbolEvaluation base = SymbolEvaluator.evaluate(data, SPEC, null);
        List<FoldFit> fits = base.fits();
        assertTrue(fits.size() >= 10, "folds: " + fits.size());
        for (int f : new int[] {2, 6, fits.size() - 2}) {
            long t = fits.get(f).decisionTimeMs();
            SymbolEvaluation moved = SymbolEvaluator.evaluate(perturbAfter(data, t, f), SPEC, null);
            for (int g = 0; g <= f; g++) {
                assertEquals(fits.get(g), moved.fits().get(g), "fold " + g + " refitted after perturbing from fold " + f);
            }
            assertEquals(1, fits.get(f).tuned().size());
            double before = SyntheticMarkets.book(base, "physics", SyntheticMarkets.FULL, FeeTier.BPS_16).folds().get(f)
                    .performance().pnl().total();
            double after = SyntheticMarkets.book(moved, "physics", SyntheticMarkets.FULL, FeeTier.BPS_16).folds().get(f)
                    .performance().pnl().total();
            assertNotEquals(before, after, "the perturbation reaches the fold's test cycles");
        }
    }

    @Test
    void theTunedChoicesDiffer_betweenFolds_soTheTestCouldSeeALeak() {
        SymbolEvaluation e = SymbolEvaluator.evaluate(
                SyntheticMarkets.data(SyntheticMarkets.switching(2.0, 0.02, 0.08, 250, 2_400, 3)), SPEC, null);
        long distinct = e.fits().stream().map(f -> f.tuned().get(0).point()).distinct().count();
        assertTrue(distinct >= 2, "the criterion picks different points in different folds: " + distinct);
        long thresholds = e.fits().stream().map(FoldFit::entropyNessThreshold).distinct().count();
        assertTrue(thresholds > e.fits().size() / 2, "the thresholds move from fold to fold: " + thresholds);
    }

    /** Funding rates settled after {@code t} and basis observations available after it, shifted at random. */
    private static SymbolData perturbAfter(SymbolData d, long t, long seed) {
        Random rnd = new Random(seed);
        FundingSeries f = d.funding();
        double[] rates = f.rates().clone();
        for (int i = 0; i < rates.length; i++) {
            if (f.timeMs(i) > t) {
                rates[i] += 3e-4 * rnd.nextGaussian();
            }
        }
        BasisSeries b = d.basis();
        double[] v = b.values().clone();
        for (int i = 0; i < v.length; i++) {
            if (b.timeMs(i) > t) {
                v[i] += 0.05 * rnd.nextGaussian();
            }
        }
        return new SymbolData(d.symbol(), new FundingSeries(f.symbol(), f.times(), rates, f.intervals(), f.markPrices()),
                new BasisSeries(b.symbol(), b.times(), v, b.sources(), b.hoursWithoutPartner(), b.intervalMs()), null,
                null);
    }
}
