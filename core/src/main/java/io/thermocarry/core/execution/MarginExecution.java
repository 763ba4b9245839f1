package io.thermocarry.core.execution;

import io.thermocarry.core.margin.MarginOutcome;

/**
 * An execution run with the margin path of its perp leg (SPEC §13, §15).
 *
 * @param result the run (liquidations change it: trades closed with
 *     {@link io.thermocarry.core.strategy.ExitReason#LIQUIDATION}, capital reduced, the order pending cancelled)
 * @param margin the margin path at the state bars' resolution; null when the margin was off (leverage 0)
 */
public record MarginExecution(ExecutionResult result, MarginOutcome margin) {
}
