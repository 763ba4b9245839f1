package io.thermocarry.core.backtest;

import io.thermocarry.core.Compat;
import io.thermocarry.core.strategy.BuyHoldStrategy;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.ThresholdStrategy;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * Manual speed probe (not a test; speed belongs in {@code bench}): warm time of one full-history BTC backtest
 * at the three standard tiers, from in-memory cycles and signals, per strategy, and bytes allocated per run.
 * Run: {@code java -cp core/target/classes:core/target/test-classes io.thermocarry.core.backtest.BacktestSpeedProbe}.
 */
public final class BacktestSpeedProbe {
    private BacktestSpeedProbe() {
    }

    /** Prints median wall time per all-tier run and allocated bytes per run. */
    public static void main(String[] args) {
        ReferenceGolden g = ReferenceGolden.load(args.length > 0 ? args[0] : "BTCUSDT");
        List<StrategySpec> specs = List.of(PhysicsStrategy.defaults(), NaiveStrategy.defaults(),
                ThresholdStrategy.defaults(), DeskStrategy.defaults(), BuyHoldStrategy.defaults());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Compat compat : Compat.values()) {
            for (StrategySpec spec : specs) {
                BacktestRequest req = new BacktestRequest(g.cycles(), g.signals(), spec, FeeTier.BPS_16, compat, 1.0,
                        360);
                for (int i = 0; i < 3000; i++) {
                    BacktestEngine.runTiers(req, FeeTier.STANDARD);
                }
                int reps = 500;
                long[] t = new long[reps];
                long sink = 0;
                long bytes0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int i = 0; i < reps; i++) {
                    long a = System.nanoTime();
                    sink += BacktestEngine.runTiers(req, FeeTier.STANDARD).size();
                    t[i] = System.nanoTime() - a;
                }
                long bytes = (mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes0) / reps;
                Arrays.sort(t);
                System.out.printf("%-9s %-9s cycles %d, 3 tiers: median %.3f ms, p10 %.3f ms, p90 %.3f ms, "
                        + "%d KiB allocated per 3-tier call (%d)%n", compat, spec.name(), g.n, t[reps / 2] / 1e6,
                        t[reps / 10] / 1e6, t[reps * 9 / 10] / 1e6, bytes / 1024, sink);
            }
        }
    }
}
