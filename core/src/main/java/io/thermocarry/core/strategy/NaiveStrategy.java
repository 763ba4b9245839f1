package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;

/**
 * The naive carry baseline (SPEC §6): a permanent short basis at {@code fraction} of capital, re-sized every
 * {@code resizeEvery} cycles.
 *
 * <p>Causal mode (fair to the baseline): opens at the first decision of the window with
 * {@code N = fraction × capital}; at every decision {@code k} with {@code (k − entry) mod resizeEvery = 0}
 * re-sizes to {@code fraction × capital}, paying the fee only on {@code |ΔN|}.
 *
 * <p>Reference mode (the reference's {@code NaiveAlwaysOn}): opens at the first decision paying the round trip
 * on the whole notional; then, at the end of every window cycle {@code i} with {@code (i − first) mod
 * resizeEvery = 0, i > first}, pays the round trip on the <em>whole current</em> notional {@code N} and sets
 * {@code N = fraction × max(capital − fee, 0)}. Those fees are booked into the cycle that just closed
 * ({@link FeeBooking#CLOSED_CYCLE}), as the reference's equity curve shows them, and a re-size due at the very
 * end of the data is charged there too. After a ruin the engine holds nothing, whereas the reference keeps
 * its stale notional until the next re-size (never reached on the golden data).
 *
 * @param fraction notional as a fraction of current capital (reference 0.5)
 * @param resizeEvery re-size period in cycles (reference 21)
 */
public record NaiveStrategy(double fraction, int resizeEvery) implements StrategySpec {
    /** Validates: fraction positive, period positive. */
    public NaiveStrategy {
        Checks.positive(fraction, "fraction");
        Checks.positive(resizeEvery, "resizeEvery");
    }

    /** The reference parameters: 0.5 of capital, every 21 cycles. */
    public static NaiveStrategy defaults() {
        return new NaiveStrategy(0.5, 21);
    }

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public CycleRule rule(RuleContext context) {
        int first = context.firstCycle();
        if (context.compat() == Compat.CAUSAL) {
            return (k, position, out) -> {
                if (position.side() == Side.FLAT) {
                    if (position.capital() > 0) {
                        out.hold(Side.SHORT_BASIS, fraction * position.capital());
                    }
                } else if ((k - position.entryCycle()) % resizeEvery == 0) {
                    double target = fraction * position.capital();
                    if (target > 0) {
                        out.hold(Side.SHORT_BASIS, target);
                    } else {
                        out.close(ExitReason.TARGET_ZERO);
                    }
                }
            };
        }
        return new CycleRule() {
            @Override
            public void decide(int k, PositionView position, Decision out) {
                if (k == first) {
                    double target = fraction * position.capital();
                    out.feeBase(target);
                    if (target > 0) {
                        out.hold(Side.SHORT_BASIS, target);
                    }
                    return;
                }
                int iteration = k - 1 - first;
                if (iteration > 0 && iteration % resizeEvery == 0) {
                    double current = position.notional();
                    out.feeBase(current);
                    double target = fraction * Math.max(position.capital() - current * position.feePerNotional(), 0.0);
                    if (target > 0) {
                        out.hold(Side.SHORT_BASIS, target);
                    } else if (position.side() != Side.FLAT) {
                        out.close(ExitReason.TARGET_ZERO);
                    }
                }
            }

            @Override
            public FeeBooking feeBooking() {
                return FeeBooking.CLOSED_CYCLE;
            }
        };
    }
}
