package io.thermocarry.core.margin;

import io.thermocarry.core.Checks;

/**
 * One notional bracket of Binance's maintenance-margin table ({@code /fapi/v1/leverageBracket}).
 *
 * @param bracket bracket number (1 = smallest notionals)
 * @param initialLeverage the highest leverage the bracket allows
 * @param notionalFloor lower bound of the position notional, USDT (inclusive)
 * @param notionalCap upper bound of the position notional, USDT (exclusive)
 * @param maintMarginRate maintenance margin rate, fraction of notional (0.004 = 0.4 %)
 * @param cum maintenance amount, USDT: maintenance {@code = notional · rate − cum}
 */
public record MaintenanceBracket(int bracket, double initialLeverage, double notionalFloor, double notionalCap,
        double maintMarginRate, double cum) {
    /** Validates ranges. */
    public MaintenanceBracket {
        Checks.positive(bracket, "bracket");
        Checks.positive(initialLeverage, "initialLeverage");
        Checks.nonNegative(notionalFloor, "notionalFloor");
        Checks.check(notionalCap > notionalFloor, "notionalCap " + notionalCap + " <= notionalFloor " + notionalFloor);
        Checks.inRange(maintMarginRate, 0.0, 0.999, "maintMarginRate");
        Checks.nonNegative(cum, "cum");
    }
}
