package io.thermocarry.core.strategy;

import io.thermocarry.core.stats.PairwiseSum;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import java.util.Arrays;

/**
 * The funding-threshold baseline (SPEC §6, the reference's {@code ThresholdArb}), both sides.
 *
 * <p>Statistics at information index {@code j}: mean {@code μ_j} and population std {@code s_j} of the
 * {@code lookback} funding rates {@code F_{j−lookback} .. F_{j−1}} (NumPy's summation order, so the reference
 * is reproduced bit for bit). When flat: enter if {@code |F_j| > |μ_j| + stdMultiplier·s_j} and capital
 * exceeds {@code minCapitalFraction × startingCapital}, short basis if {@code F_j > 0}, long basis if
 * {@code F_j < 0}, notional {@code fraction × capital}. When holding: exit if {@code |F_j| < |μ_j|}
 * ({@link ExitReason#FUNDING_NORMALISED}) or after {@code maxHoldCycles} held cycles
 * ({@link ExitReason#MAX_HOLD}); the decision that exits does not re-enter.
 *
 * <p>Causal mode decides at {@code t_k} with {@code j = k}. Reference mode reproduces the reference's timing:
 * it decides at the end of its loop iteration {@code i} with the rate of that iteration, so the decision taken
 * at {@code t_k} uses {@code j = k − 1} (one cycle of lag), needs {@code j >= firstCycle}, books its fees
 * into the closed cycle, pays the round trip on entry <em>and</em> on exit, and nothing for a position still
 * open at the end.
 *
 * @param lookback number of past funding rates in the mean/std window (reference 360)
 * @param stdMultiplier entry band in standard deviations above {@code |mean|} (reference 1)
 * @param fraction notional as a fraction of current capital (reference 0.10)
 * @param maxHoldCycles maximum cycles held (reference 12)
 * @param minCapitalFraction no entry unless capital exceeds this fraction of starting capital (reference
 *     0.01: its 100 of 10,000)
 */
public record ThresholdStrategy(int lookback, double stdMultiplier, double fraction, int maxHoldCycles,
        double minCapitalFraction) implements StrategySpec {
    /** Validates ranges. */
    public ThresholdStrategy {
        Checks.positive(lookback, "lookback");
        Checks.nonNegative(stdMultiplier, "stdMultiplier");
        Checks.positive(fraction, "fraction");
        Checks.positive(maxHoldCycles, "maxHoldCycles");
        Checks.nonNegative(minCapitalFraction, "minCapitalFraction");
    }

    /** The reference parameters: 360 rates, 1 std, 0.10 of capital, 12 cycles, 1 % capital floor. */
    public static ThresholdStrategy defaults() {
        return new ThresholdStrategy(360, 1.0, 0.10, 12, 0.01);
    }

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public CycleRule rule(RuleContext context) {
        double[] rates = context.cycles().rates();
        int n = rates.length;
        double[] mean = new double[n];
        double[] std = new double[n];
        Arrays.fill(mean, Double.NaN);
        Arrays.fill(std, Double.NaN);
        double[] scratch = new double[lookback];
        for (int j = lookback; j < n; j++) {
            double m = PairwiseSum.mean(rates, j - lookback, lookback);
            mean[j] = m;
            std[j] = PairwiseSum.std(rates, j - lookback, lookback, m, scratch);
        }
        boolean reference = context.compat() == Compat.REFERENCE;
        int lag = reference ? 1 : 0;
        int first = context.firstCycle();
        CycleRule causal = (k, position, out) -> {
            int j = k - lag;
            if (j < first || j < lookback) {
                return;
            }
            double f = rates[j];
            double absMean = Math.abs(mean[j]);
            if (position.side().isBasisPair()) {
                if (Math.abs(f) < absMean) {
                    out.close(ExitReason.FUNDING_NORMALISED);
                } else if (position.cyclesHeld() >= maxHoldCycles) {
                    out.close(ExitReason.MAX_HOLD);
                }
            } else if (Math.abs(f) > absMean + stdMultiplier * std[j]
                    && position.capital() > minCapitalFraction * position.startingCapital()) {
                out.hold(f > 0 ? Side.SHORT_BASIS : Side.LONG_BASIS, position.capital() * fraction);
            }
        };
        if (!reference) {
            return causal;
        }
        return new CycleRule() {
            @Override
            public void decide(int k, PositionView position, Decision out) {
                causal.decide(k, position, out);
            }

            @Override
            public FeeBooking feeBooking() {
                return FeeBooking.CLOSED_CYCLE;
            }
        };
    }
}
