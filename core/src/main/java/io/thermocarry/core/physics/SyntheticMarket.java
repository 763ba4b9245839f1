package io.thermocarry.core.physics;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;

/**
 * A simulated market as real series, plus its truth (see {@link SyntheticOuMarket}).
 *
 * @param spec what was simulated
 * @param funding K + 1 settlements at {@code t_k = start + k·8 h}, rate F_k, interval 8 h, mark price = perp
 *     close at t_k
 * @param perp perp 1 h bars; bar j opens at {@code start + (j − 1) h}, j = 0..8K, close
 *     {@code P_j = S_j·(1 + b_j/100)}
 * @param spot spot 1 h bars on the same open times, close S_j (geometric random walk)
 * @param basisTimesMs availability time of b_j = close of bar j = {@code start + j h}
 * @param basisPct the simulated path b_j in percent; bit-identical to {@code BasisSeries.of(perp, spot, null,
 *     null).values()} (the recursion runs on the values the bars encode)
 * @param truth analytic κ, T, β, Var_eq
 */
public record SyntheticMarket(SyntheticSpec spec, FundingSeries funding, BarSeries perp, BarSeries spot,
        long[] basisTimesMs, double[] basisPct, SyntheticTruth truth) {

    /** The basis as the pipeline builds it from the bars: {@code BasisSeries.of(perp, spot, null, null)}. */
    public BasisSeries basis() {
        return BasisSeries.of(perp, spot, null, null);
    }

    /** Funding cycles as the pipeline builds them ({@link CycleBuilder} on funding and {@link #basis()}). */
    public FundingCycles cycles() {
        return CycleBuilder.build(funding, basis(), null);
    }

    /** The funding rate of each of the K cycles (F_0..F_{K−1}). */
    public double[] cycleRates() {
        return java.util.Arrays.copyOf(funding.rates(), spec.cycles());
    }
}
