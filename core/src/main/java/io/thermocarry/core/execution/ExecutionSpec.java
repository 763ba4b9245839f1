package io.thermocarry.core.execution;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.FeeTier;

/**
 * What an execution child <em>is</em>: when it decides, by which rules, at which fee tier and under which
 * accounting. The engine that runs it is {@link ExecutionEngine}.
 *
 * @param child decision schedule (every 5 m / 15 m close, or the settlements only)
 * @param rules desk rules plus intra-interval exits
 * @param fee round-trip fee tier; each fill pays {@code |traded notional| · tier/2}
 * @param model fills at the next open with exchange accounting (default), or the cycle model's conventions
 */
public record ExecutionSpec(Child child, ExecutionRules rules, FeeTier fee, ExecutionModel model) {
    /** Validates. */
    public ExecutionSpec {
        Checks.notNull(child, "child");
        Checks.notNull(rules, "rules");
        Checks.notNull(fee, "fee");
        Checks.notNull(model, "model");
    }

    /** A child with the default rules under exchange accounting. */
    public static ExecutionSpec of(Child child, FeeTier fee) {
        return new ExecutionSpec(child, ExecutionRules.defaults(), fee, ExecutionModel.EXCHANGE);
    }

    /** Same spec with another child. */
    public ExecutionSpec withChild(Child c) {
        return new ExecutionSpec(c, rules, fee, model);
    }

    /** Same spec at another fee tier. */
    public ExecutionSpec withFee(FeeTier f) {
        return new ExecutionSpec(child, rules, f, model);
    }

    /** Same spec under another accounting model. */
    public ExecutionSpec withModel(ExecutionModel m) {
        return new ExecutionSpec(child, rules, fee, m);
    }

    /** Same spec with other rules. */
    public ExecutionSpec withRules(ExecutionRules r) {
        return new ExecutionSpec(child, r, fee, model);
    }
}
