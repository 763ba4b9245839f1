package io.thermocarry.core.margin;

import java.time.Instant;
import java.util.List;

/**
 * The margin path of one backtest (SPEC §13). Money in units of capital.
 *
 * @param spec the policy it ran under
 * @param minCoverage lowest margin balance / maintenance at any bar's worst point ({@code +∞} when the perp leg
 *     was never held over a bar); liquidation at {@code <= 1}. Binance's margin ratio is its reciprocal.
 * @param minCoverageTime open time of that bar ({@code null} when none)
 * @param minCoverageWorstPrice that bar's worst price (high for a short perp, low for a long; NaN when none)
 * @param minCoverageStrikePrice the price the leg was struck at for that bar's cycle (NaN when none)
 * @param liquidations the liquidations in time order
 * @param transfers top-ups ordered from the spot wallet
 * @param transferred their total
 * @param barsWalked bars the margin path checked
 * @param cyclesWithoutBars held cycles with no bar inside (not checked, counted)
 * @param overLeveraged openings (entries and re-sizes) at a leverage above the bracket's maximum at their
 *     notional: Binance would have refused them
 * @param openLeg the perp leg still held where the margin path ended, before any close at the window end (null
 *     when flat there, or when the engine does not report it): the live book's running position
 */
public record MarginOutcome(MarginSpec spec, double minCoverage, Instant minCoverageTime,
        double minCoverageWorstPrice, double minCoverageStrikePrice, List<Liquidation> liquidations, int transfers,
        double transferred, long barsWalked, int cyclesWithoutBars, int overLeveraged, OpenPerpLeg openLeg) {
    /** Copies the list. */
    public MarginOutcome {
        liquidations = List.copyOf(liquidations);
    }

    /** An outcome without the open leg (the cycle engine's: it closes at its last settlement). */
    public MarginOutcome(MarginSpec spec, double minCoverage, Instant minCoverageTime, double minCoverageWorstPrice,
            double minCoverageStrikePrice, List<Liquidation> liquidations, int transfers, double transferred,
            long barsWalked, int cyclesWithoutBars, int overLeveraged) {
        this(spec, minCoverage, minCoverageTime, minCoverageWorstPrice, minCoverageStrikePrice, liquidations,
                transfers, transferred, barsWalked, cyclesWithoutBars, overLeveraged, null);
    }

    /**
     * Coverage {@code B/MM} of the open leg at price {@code P} ({@link OpenPerpLeg#coverage}; liquidation at
     * {@code <= 1}); NaN when no leg is open.
     */
    public double coverageAt(double price) {
        return openLeg == null ? Double.NaN : openLeg.coverage(spec, price);
    }

    /** Liquidation price of the open leg ({@link OpenPerpLeg#liquidationPrice}); NaN when no leg is open. */
    public double openLiquidationPrice() {
        return openLeg == null ? Double.NaN : openLeg.liquidationPrice(spec);
    }

    /** Number of liquidations. */
    public int liquidationCount() {
        return liquidations.size();
    }

    /** Binance's margin ratio at the worst point, {@code 1 / minCoverage} (liquidation at {@code >= 1}). */
    public double maxBinanceMarginRatio() {
        return minCoverage <= 0 ? Double.POSITIVE_INFINITY : 1.0 / minCoverage;
    }

    /** Direct cost of the liquidations: clearance fees plus the close fees. */
    public double liquidationFees() {
        double s = 0;
        for (Liquidation l : liquidations) {
            s += l.clearanceFee() + l.closeFee();
        }
        return s;
    }
}
