package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.series.FundingCycles;

/**
 * A replayed position path: at decision {@code k} hold {@code sides[k]} at
 * {@code fractions[k] × startingCapital} (a fixed amount, not re-scaled by PnL). For hand-computed ledgers,
 * identities, mirrored-market checks and replaying a book decided elsewhere. The position changes only where
 * the schedule does; a flat entry closes ({@link ExitReason#SCHEDULED}).
 *
 * <p>Arrays are copied in and out; equality is by identity of the copies (records with array components).
 *
 * @param sides side per decision, one per funding cycle
 * @param fractions notional per decision as a fraction of starting capital ({@code >= 0}, finite)
 */
public record ScheduleStrategy(Side[] sides, double[] fractions) implements StrategySpec {
    /** Validates and copies. */
    public ScheduleStrategy {
        Checks.notNull(sides, "sides");
        Checks.notNull(fractions, "fractions");
        Checks.check(sides.length == fractions.length, "sides and fractions differ in length");
        sides = sides.clone();
        fractions = fractions.clone();
        for (int k = 0; k < sides.length; k++) {
            Checks.notNull(sides[k], "sides[" + k + "]");
            Checks.nonNegative(fractions[k], "fractions[" + k + "]");
        }
    }

    /** One side at one fraction for all {@code n} decisions. */
    public static ScheduleStrategy constant(Side side, double fraction, int n) {
        Side[] s = new Side[n];
        double[] f = new double[n];
        java.util.Arrays.fill(s, side);
        java.util.Arrays.fill(f, fraction);
        return new ScheduleStrategy(s, f);
    }

    @Override
    public Side[] sides() {
        return sides.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public CycleRule rule(RuleContext context) {
        FundingCycles cycles = context.cycles();
        Checks.check(sides.length == cycles.size(),
                "schedule has " + sides.length + " entries for " + cycles.size() + " cycles");
        PerpMarks marks = new PerpMarks(cycles.markStarts(), cycles.markEnds());
        return new CycleRule() {
            @Override
            public void decide(int k, PositionView position, Decision out) {
                Side side = sides[k];
                double target = fractions[k] * position.startingCapital();
                if (side == Side.FLAT || target == 0) {
                    if (position.side() != Side.FLAT) {
                        out.close(ExitReason.SCHEDULED);
                    }
                    return;
                }
                if (side == Side.LONG_PERP && side == position.side()) {
                    return; // a held perp drifts with its price; re-buying to a fixed amount would churn
                }
                if (side == Side.LONG_PERP && !(marks.from()[k] > 0)) {
                    out.unevaluated(Unevaluated.MARK_PRICE);
                    return;
                }
                out.hold(side, target);
            }

            @Override
            public PerpMarks perpMarks() {
                return marks;
            }
        };
    }
}
