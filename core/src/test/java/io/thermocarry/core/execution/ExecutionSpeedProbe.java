package io.thermocarry.core.execution;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.physics.SyntheticIntradayOuMarket;
import io.thermocarry.core.physics.SyntheticIntradaySpec;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.SignalPath;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Manual speed probe (not a test; speed belongs in {@code bench}): a year of synthetic 1 m bars for one symbol
 * (525,600 per leg, perp, spot and mark), the intraday state (24 h rolling median and IQR) plus the 5 m, 15 m and
 * settlement-only children, warm. Run:
 * {@code java -cp core/target/classes:core/target/test-classes io.thermocarry.core.execution.ExecutionSpeedProbe}.
 */
public final class ExecutionSpeedProbe {
    private ExecutionSpeedProbe() {
    }

    /** Prints median and p10/p90 wall times of the state, each child, and the whole, plus allocation. */
    public static void main(String[] args) {
        SyntheticSpec ou = new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, 0.2, 0.05, 1e-4, 1.5e-4, 1095, 8,
                CycleStart.CONTINUOUS, 7, SyntheticSpec.DEFAULT_START, 30_000.0, 0.004, List.of());
        SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(new SyntheticIntradaySpec(ou, BarInterval.M1, 1.0));
        FundingCycles c = m.cycles();
        SignalPath s = SignalPath.of(SignalRunner.run(c, m.hourlyBasis(), SignalSpec.defaults(), RegimeSpec.defaults(),
                RegimeConfig.FULL, Compat.CAUSAL), c.size());
        ExecutionRules rules = ExecutionRules.defaults().withDesk(new DeskStrategy(0.5, 1e9, -0.5, 21, 0.01, 2,
                Sides.BOTH));
        System.out.printf("bars per leg %d, cycles %d%n", m.perp().size(), c.size());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long[] state = new long[reps];
        long[] five = new long[reps];
        long[] fifteen = new long[reps];
        long[] settle = new long[reps];
        long[] total = new long[reps];
        long[] tiers = new long[reps];
        long[] cpu = new long[reps];
        long bytes = 0;
        int trades = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < reps; i++) {
                long b0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                IntradayState st = IntradayState.build(m.perp(), m.spot(), m.mark(), null, Duration.ofHours(24));
                long t1 = System.nanoTime();
                ExecutionWindow w = ExecutionWindow.covered(c, s, st, 0);
                ExecutionRequest req = ExecutionRequest.of(w, st, null, new ExecutionSpec(Child.every(BarInterval.M5),
                        rules, FeeTier.BPS_16, ExecutionModel.EXCHANGE));
                ExecutionResult a = ExecutionEngine.run(req);
                long t2 = System.nanoTime();
                ExecutionResult b = ExecutionEngine.run(req.withChild(Child.every(BarInterval.M15)));
                long t3 = System.nanoTime();
                ExecutionResult d = ExecutionEngine.run(req.withChild(Child.SETTLEMENT));
                long t4 = System.nanoTime();
                cpu[i] = mx.getCurrentThreadCpuTime() - c0;
                bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - b0;
                for (Child ch : List.of(Child.every(BarInterval.M5), Child.every(BarInterval.M15), Child.SETTLEMENT)) {
                    ExecutionEngine.runTiers(req.withChild(ch), FeeTier.STANDARD);
                }
                long t5 = System.nanoTime();
                state[i] = t1 - t0;
                five[i] = t2 - t1;
                fifteen[i] = t3 - t2;
                settle[i] = t4 - t3;
                total[i] = t4 - t0;
                tiers[i] = t5 - t4;
                trades = a.trades().size() + b.trades().size() + d.trades().size();
            }
        }
        System.out.printf("trades (5m + 15m + settlement) %d, allocated per pass %d MiB%n", trades, bytes >> 20);
        print("state (spot-perp basis, mark aligned, 24 h median + IQR)", state);
        print("5m child", five);
        print("15m child", fifteen);
        print("settlement-only child", settle);
        print("state + both children + settlement-only, one tier", total);
        print("  the same, thread CPU time", cpu);
        print("three children x three tiers (state built)", tiers);
    }

    private static void print(String what, long[] t) {
        long[] x = t.clone();
        Arrays.sort(x);
        System.out.printf("%-62s median %7.1f ms  p10 %7.1f  p90 %7.1f%n", what, x[x.length / 2] / 1e6,
                x[x.length / 10] / 1e6, x[x.length * 9 / 10] / 1e6);
    }
}
