package io.thermocarry.core.physics;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.series.Resampler;
import java.time.Duration;

/**
 * A simulated intraday market as real series, plus its truth (see {@link SyntheticIntradayOuMarket}). Bar
 * {@code j} ({@code j = 0..K·m}, {@code m} bars per cycle) opens at {@code start + (j − 1)·Δ} and closes at
 * {@code start + j·Δ}; settlement {@code k} is at {@code start + k·m·Δ}.
 *
 * @param spec what was simulated
 * @param funding K + 1 settlements, mark price = perp mid at the settlement
 * @param perp perp trade bars (opens and closes are bid or ask prints)
 * @param spot spot trade bars
 * @param mark mark-price bars: the perp mid (volume 0)
 * @param index index-price bars: the spot mid (volume 0)
 * @param closeTimesMs close time of bar j
 * @param midBasisPct the simulated OU path {@code b_j} in percent; bit-identical to the state's mark–index
 *     basis {@code (mark − index)/index × 100} of the same bar
 * @param truth analytic κ, T, β, Var_eq
 */
public record SyntheticIntradayMarket(SyntheticIntradaySpec spec, FundingSeries funding, BarSeries perp,
        BarSeries spot, BarSeries mark, BarSeries index, long[] closeTimesMs, double[] midBasisPct,
        SyntheticTruth truth) {

    /**
     * Hourly bars of a leg, resampled from its intraday bars. The first hour holds only bar 0, which closes at
     * the first settlement (an incomplete bucket, kept so that cycle 0 has its {@code b_start}).
     */
    public static BarSeries hourly(BarSeries intraday) {
        return Resampler.resample(intraday, BarInterval.H1).bars();
    }

    /** Hourly spot–perp basis from the resampled trade bars, as the pipeline builds it. */
    public BasisSeries hourlyBasis() {
        return BasisSeries.of(hourly(perp), hourly(spot), null, null);
    }

    /** Funding cycles on the hourly basis (marks from the settlements), as the pipeline builds them. */
    public FundingCycles cycles() {
        return CycleBuilder.build(funding, hourlyBasis(), null);
    }

    /** The intraday state of the trade bars with mark and index, rolling window {@code medianWindow}. */
    public IntradayState state(Duration medianWindow) {
        return IntradayState.build(perp, spot, mark, index, medianWindow);
    }
}
