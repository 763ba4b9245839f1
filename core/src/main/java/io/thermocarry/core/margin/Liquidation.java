package io.thermocarry.core.margin;

import java.time.Instant;

/**
 * One liquidation of the perp leg (SPEC §13): the perp closed at the liquidation price with the clearance fee,
 * the spot leg left unhedged until the next bar and closed at its close. Money in units of capital.
 *
 * @param cycle the funding cycle (ledger row) it happened in
 * @param barOpen open time of the bar whose worst price breached maintenance
 * @param spotExit close time of the next bar, when the spot leg was closed
 * @param leg the perp leg's direction
 * @param notional the carry's notional
 * @param strikePrice perp price the leg was struck at for the cycle
 * @param liquidationPrice perp fill
 * @param worstPrice the bar's worst price (high for a short perp, low for a long)
 * @param spotStart spot price at the cycle's strike
 * @param spotExitPrice spot fill
 * @param walletBefore futures wallet at the breach
 * @param perpPnl the perp leg's PnL over the cycle up to the fill
 * @param spotPnl the spot leg's PnL over the cycle up to its close
 * @param clearanceFee the clearance fee paid
 * @param closeFee the fee tier's charge for closing the pair
 */
public record Liquidation(int cycle, Instant barOpen, Instant spotExit, PerpLeg leg, double notional,
        double strikePrice, double liquidationPrice, double worstPrice, double spotStart, double spotExitPrice,
        double walletBefore, double perpPnl, double spotPnl, double clearanceFee, double closeFee) {
    /** Price move from the strike to the fill, fraction ({@code LP/P − 1}). */
    public double moveToLiquidation() {
        return liquidationPrice / strikePrice - 1;
    }
}
