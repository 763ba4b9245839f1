package io.thermocarry.core.execution;

import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Side;
import java.time.Instant;

/**
 * One executed order (the blotter): what the child decided at {@code decisionTime} and how it filled.
 *
 * @param decisionTime close of the bar whose decision produced the order (the settlement time for the
 *     settlement-only child; the window end for the final close)
 * @param fillTime open of the bar it filled at ({@link ExecutionModel#EXCHANGE}), or the decision time
 *     ({@link ExecutionModel#CYCLE_MODEL})
 * @param from side held before
 * @param to side held after
 * @param targetNotional notional aimed at (currency units; 0 for a close)
 * @param spotPrice spot fill price (the bar's open; NaN in the cycle model)
 * @param perpPrice perp fill price (the bar's open; NaN in the cycle model)
 * @param basisPct basis of the fill, {@code (perp − spot)/spot × 100} (the decision's basis in the cycle model)
 * @param tradedNotional notional that changed hands ({@code >= 0})
 * @param fee fee charged, {@code tradedNotional · tier/2}
 * @param reason why the previous position ended ({@code null} for an entry or a re-size)
 */
public record Fill(Instant decisionTime, Instant fillTime, Side from, Side to, double targetNotional,
        double spotPrice, double perpPrice, double basisPct, double tradedNotional, double fee, ExitReason reason) {
}
