package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import java.util.List;

/**
 * One strategy whose parameters change at given decisions, as a walk-forward evaluation re-fits them at the
 * start of each test fold: decisions {@code k} in {@code [fromDecision[i], fromDecision[i+1])} are taken by
 * {@code specs[i]} (the last segment runs to the end of the data, and decisions before {@code fromDecision[0]}
 * by {@code specs[0]}). The book is one: position and capital carry across a switch, which is not a trade (a new
 * segment's rule sees the position the previous one left and may re-size it like any decision).
 *
 * <p>All segments must be the same kind of strategy (same {@link StrategySpec#name()}), book fees alike and
 * hold no perp-only position, so that one engine run is well defined. Arrays are copied in and out.
 *
 * @param fromDecision first decision of each segment, strictly increasing, {@code >= 0}
 * @param specs the strategy in force in each segment, same length
 */
public record SwitchingStrategy(int[] fromDecision, List<StrategySpec> specs) implements StrategySpec {
    /** Validates and copies. */
    public SwitchingStrategy {
        Checks.notNull(fromDecision, "fromDecision");
        specs = List.copyOf(Checks.notNull(specs, "specs"));
        Checks.check(!specs.isEmpty(), "a switching strategy needs at least one segment");
        Checks.check(fromDecision.length == specs.size(), "fromDecision and specs differ in length");
        fromDecision = fromDecision.clone();
        String name = specs.get(0).name();
        for (int i = 0; i < fromDecision.length; i++) {
            Checks.nonNegative(fromDecision[i], "fromDecision[" + i + "]");
            Checks.check(i == 0 || fromDecision[i] > fromDecision[i - 1], "fromDecision must increase at " + i);
            StrategySpec s = specs.get(i);
            Checks.check(!(s instanceof SwitchingStrategy), "segments cannot switch themselves");
            Checks.check(s.name().equals(name), "every segment must be a " + name + " strategy, not " + s.name());
        }
    }

    /** The first decision of each segment (a copy). */
    @Override
    public int[] fromDecision() {
        return fromDecision.clone();
    }

    /** The segments' common strategy name. */
    @Override
    public String name() {
        return specs.get(0).name();
    }

    /**
     * Compiles every segment's rule against the same context and dispatches decision {@code k} to its segment's
     * rule through a table built once (O(1) per decision, nothing allocated).
     */
    @Override
    public CycleRule rule(RuleContext context) {
        int n = context.cycles().size();
        int segments = specs.size();
        CycleRule[] rules = new CycleRule[segments];
        for (int i = 0; i < segments; i++) {
            rules[i] = specs.get(i).rule(context);
            Checks.check(rules[i].perpMarks() == null, "switching strategies hold no perp-only position");
            Checks.check(rules[i].feeBooking() == rules[0].feeBooking(), "segments book fees differently");
        }
        // decision k (0..n, n = the end of the data) -> its segment's rule, so that deciding stays O(1)
        CycleRule[] byDecision = new CycleRule[n + 1];
        int seg = 0;
        for (int k = 0; k <= n; k++) {
            while (seg + 1 < segments && k >= fromDecision[seg + 1]) {
                seg++;
            }
            byDecision[k] = rules[seg];
        }
        FeeBooking booking = rules[0].feeBooking();
        return new CycleRule() {
            @Override
            public void decide(int k, PositionView position, Decision out) {
                byDecision[k].decide(k, position, out);
            }

            @Override
            public FeeBooking feeBooking() {
                return booking;
            }
        };
    }
}
