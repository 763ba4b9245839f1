package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;

/**
 * A synthetic OU market at an intraday resolution (SPEC §3, §15): the dynamics of {@code ou} (κ, σ_noise,
 * funding, cycles, κ segments, behaviour at settlements, spot walk) stepped exactly per bar of
 * {@code resolution}, with trade prints that bounce inside a quoted bid/ask spread. See
 * {@link SyntheticIntradayOuMarket}.
 *
 * @param ou the OU market: its κ is per hour, σ_noise per √hour, the spot volatility per hour, and
 *     {@code hoursPerCycle} the funding interval
 * @param resolution bar interval (1 m by default; must divide one hour)
 * @param spreadBps quoted bid/ask spread of both legs in bps of the mid ({@code >= 0}): every printed open and
 *     close is the bid or the ask, {@code mid·(1 ∓ spreadBps/2/10⁴)}, side drawn at random
 */
public record SyntheticIntradaySpec(SyntheticSpec ou, BarInterval resolution, double spreadBps) {
    /** Validates: resolution divides one hour, spread finite and non-negative. */
    public SyntheticIntradaySpec {
        Checks.notNull(ou, "ou");
        Checks.notNull(resolution, "resolution");
        Checks.check(BarInterval.H1.millis() % resolution.millis() == 0 && resolution.millis() <= BarInterval.H1.millis(),
                "resolution " + resolution.code() + " must divide one hour");
        Checks.nonNegative(spreadBps, "spreadBps");
    }

    /** 1 m bars without spread (prints at the mid). */
    public static SyntheticIntradaySpec minutes(SyntheticSpec ou) {
        return new SyntheticIntradaySpec(ou, BarInterval.M1, 0.0);
    }

    /** Same spec with another spread. */
    public SyntheticIntradaySpec withSpreadBps(double bps) {
        return new SyntheticIntradaySpec(ou, resolution, bps);
    }

    /** Bars per hour. */
    public int barsPerHour() {
        return (int) (BarInterval.H1.millis() / resolution.millis());
    }

    /** Bars per funding cycle. */
    public int barsPerCycle() {
        return ou.hoursPerCycle() * barsPerHour();
    }

    /** Bar length in hours ({@code Δt} of the exact discretisation). */
    public double dtHours() {
        return resolution.millis() / (double) BarInterval.H1.millis();
    }
}
