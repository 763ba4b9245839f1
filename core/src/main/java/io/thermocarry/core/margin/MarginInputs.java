package io.thermocarry.core.margin;

import io.thermocarry.core.Checks;

/**
 * What the engine needs to run the margin path: the policy and the bars of the run's resolution.
 *
 * @param spec the margin policy (leverage 0: the engine runs its margin-free path, exactly)
 * @param bars perp/spot/mark bars covering the backtest's cycles
 */
public record MarginInputs(MarginSpec spec, MarginBars bars) {
    /** Validates. */
    public MarginInputs {
        Checks.notNull(spec, "spec");
        Checks.notNull(bars, "bars");
    }
}
