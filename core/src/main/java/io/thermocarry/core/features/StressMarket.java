package io.thermocarry.core.features;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.OpenInterestSeries;
import java.util.List;

/**
 * A synthetic market with liquidity crises and its truth (see {@link SyntheticStress}).
 *
 * @param spec what was simulated
 * @param funding settlements every 8 h; each rate is Binance's formula over the premium points of the interval
 *     it closes (the first is μ_F), clamped by {@code fundingInfo}
 * @param fundingInfo the symbol's cap and floor
 * @param perp perp 1 h bars (spot × (1 + (b + shock)/100))
 * @param spot spot 1 h bars
 * @param premium premium index klines at {@code stepMinutes}
 * @param openInterest open interest at {@code stepMinutes} (base units and USDT)
 * @param micro perp and spot book tickers, book depth bands ±1/2/5 %, liquidations and their coverage (the whole
 *     span), the funding info
 * @param crises the spliced crises, in time order
 * @param falseAlarms start times (epoch ms) of stress episodes that led to nothing
 */
public record StressMarket(StressSpec spec, FundingSeries funding, FundingInfo fundingInfo, BarSeries perp,
        BarSeries spot, BarSeries premium, OpenInterestSeries openInterest, MicroData micro, List<Crisis> crises,
        List<Long> falseAlarms) {
    /** Copies the lists. */
    public StressMarket {
        crises = List.copyOf(crises);
        falseAlarms = List.copyOf(falseAlarms);
    }

    /**
     * One crisis.
     *
     * @param cycle the cycle at whose start (+1 h) the basis starts to move
     * @param squeeze true for a squeeze (basis up), false for a crash (basis down, funding negative)
     * @param jumpPct size of the dislocation, percent
     * @param precursorStartMs when the microstructure stress began, or -1 without a precursor
     */
    public record Crisis(int cycle, boolean squeeze, double jumpPct, long precursorStartMs) {
        /** Whether stress preceded it. */
        public boolean hasPrecursor() {
            return precursorStartMs >= 0;
        }
    }
}
