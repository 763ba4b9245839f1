package io.thermocarry.core.execution;

import io.thermocarry.core.Checks;
import io.thermocarry.core.strategy.DeskStrategy;

/**
 * The rules a child trades by: the desk's rules of SPEC §6 at each settlement, plus the intra-interval exits of
 * §15 at every other child close.
 *
 * <p>At the first decision of a funding interval (the settlement, or the first child close after it when no
 * bar closed at it) the desk's own rule ({@link DeskStrategy#rule}) decides, on the hourly signals of that
 * settlement and the cycle's {@code b_start}, exactly as the cycle engine does. At every other child close
 * inside the interval:
 * <ul>
 *   <li><b>exit</b> a held pair when the basis is back near its rolling median (the intraday state's median,
 *       {@code |b − median| < desk.medianTolerancePct}) or when the funding predicted from the premium index
 *       over the running interval has turned against the carry (only where premium bars exist: otherwise "not
 *       evaluated", counted); vetoes are not part of the rules yet;</li>
 *   <li><b>admit</b> when flat by the desk's entry test ({@link DeskStrategy#entrySide}) with the last settled
 *       rate, the basis now and the settlement's signals, sized {@code capital × baseFraction × exposure}, unless
 *       the intra-interval exits would close it at the same bar (a child never admits what it would exit), and
 *       only as {@code readmission} allows after an exit;</li>
 *   <li><b>shrink</b> at a settlement by {@code sizing}; otherwise <b>hold</b>.</li>
 * </ul>
 * A child deciding at bar closes applies the intra-interval exits at the settlement bar too (after the desk's
 * rule); the settlement-only child applies the desk's rule alone.
 *
 * @param desk the desk's parameters (gates, exits, base fraction, median tolerance, maximum hold)
 * @param sizing entry size kept, or shrunk to the regime at settlements
 * @param shrinkThreshold {@link Sizing#FOLLOW_REGIME}: shrink when the regime target is below the held notional by
 *     more than this fraction ({@code 0 ≤ x < 1}, e.g. 0.2)
 * @param readmission when a position may be admitted again inside the interval after an exit
 */
public record ExecutionRules(DeskStrategy desk, Sizing sizing, double shrinkThreshold, Readmission readmission) {
    /** Validates. */
    public ExecutionRules {
        Checks.notNull(desk, "desk");
        Checks.notNull(sizing, "sizing");
        Checks.check(shrinkThreshold >= 0 && shrinkThreshold < 1, "shrinkThreshold must be in [0, 1), was "
                + shrinkThreshold);
        Checks.notNull(readmission, "readmission");
    }

    /** The desk's first version: default desk, size kept at entry, 20 % shrink threshold, re-admit next settlement. */
    public static ExecutionRules defaults() {
        return new ExecutionRules(DeskStrategy.defaults(), Sizing.AT_ENTRY, 0.2, Readmission.NEXT_SETTLEMENT);
    }

    /** Same rules with another sizing. */
    public ExecutionRules withSizing(Sizing s) {
        return new ExecutionRules(desk, s, shrinkThreshold, readmission);
    }

    /** Same rules with another readmission policy. */
    public ExecutionRules withReadmission(Readmission r) {
        return new ExecutionRules(desk, sizing, shrinkThreshold, r);
    }

    /** Same rules with other desk parameters. */
    public ExecutionRules withDesk(DeskStrategy d) {
        return new ExecutionRules(d, sizing, shrinkThreshold, readmission);
    }
}
