package io.thermocarry.core.backtest;

import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Side;
import java.time.Instant;

/**
 * One trade: a span of constant side (re-sizes stay inside it). Money in currency units.
 *
 * @param entryTime decision time it opened ({@code t_k})
 * @param exitTime decision time it closed ({@code t_j}; the last cycle's end for {@link ExitReason#END_OF_DATA})
 * @param entryCycle decision index it opened at
 * @param exitCycle decision index it closed at ({@code n} = end of data)
 * @param side side held
 * @param entryNotional notional at entry
 * @param averageNotional mean notional over the cycles held (the entry notional when none was held)
 * @param fundingPnl Σ funding over its cycles
 * @param basisPnl Σ basis PnL over its cycles
 * @param pricePnl Σ perp price PnL (perp-only positions; 0 otherwise)
 * @param fees entry, re-size and exit fees ({@code >= 0})
 * @param cyclesHeld cycles held
 * @param regimeAtEntry regime at the entry decision, {@code null} when none
 * @param exitReason why it ended
 */
public record Trade(Instant entryTime, Instant exitTime, int entryCycle, int exitCycle, Side side,
        double entryNotional, double averageNotional, double fundingPnl, double basisPnl, double pricePnl,
        double fees, int cyclesHeld, Regime regimeAtEntry, ExitReason exitReason) {

    /** {@code funding + basis + price − fees}. */
    public double totalPnl() {
        return fundingPnl + basisPnl + pricePnl - fees;
    }
}
