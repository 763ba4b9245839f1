package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual probe (not a test): the evaluation on a synthetic OU market whose κ alternates between two values, with
 * its fixed relaxation buckets, books and Sharpe tests printed. Arguments: {@code fastKappa slowKappa sigmaNoise
 * segmentCycles [seed [fundingSd]]} (equal κs give a market without regime structure). This is how the designs in
 * {@link SyntheticRegimeTest} were explored.
 */
public final class SyntheticProbe {
    public static void main(String[] a) {
        double fast = Double.parseDouble(a[0]);
        double slow = Double.parseDouble(a[1]);
        double sigma = Double.parseDouble(a[2]);
        int seg = Integer.parseInt(a[3]);
        long seed = a.length > 4 ? Long.parseLong(a[4]) : 7;
        int cycles = 6000;
        List<KappaSegment> segs = new ArrayList<>();
        for (int c = seg; c < cycles; c += 2 * seg) {
            segs.add(new KappaSegment(c, Math.min(c + seg, cycles), slow));
        }
        if (slow == fast) {
            segs.clear();
        }
        SyntheticSpec s = new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, fast, sigma, 1e-4, a.length > 5 ? Double.parseDouble(a[5]) : 5e-5, cycles, 8,
                CycleStart.CONTINUOUS, seed, SyntheticSpec.DEFAULT_START, 50_000, 0.006, segs);
        SyntheticMarket m = SyntheticOuMarket.simulate(s);
        SymbolData d = new SymbolData(s.symbol(), m.funding(), m.basis(), null, null);
        EvaluationSpec spec = EvaluationSpec.defaults().withCompats(List.of(Compat.CAUSAL))
                .withTiers(List.of(FeeTier.ZERO, FeeTier.BPS_8));
        long t0 = System.nanoTime();
        SymbolEvaluation e = SymbolEvaluator.evaluate(d, spec, null);
        System.out.printf("evaluated in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        for (BucketRow b : e.buckets()) {
            if (b.scheme() == BucketScheme.RELAXATION_FIXED) {
                System.out.printf("%-22s n=%5d mean %.2fbp (f %.2f b %.2f) hit %.3f conv %.3f p10 %.2fbp%n", b.label(),
                        b.count(), b.meanTotal() * 1e4, b.meanFunding() * 1e4, b.meanBasis() * 1e4, b.hitRate(),
                        b.convergenceShare(), b.worstDecile() * 1e4);
            }
        }
        for (StrategyResult r : e.results()) {
            var p = r.oos();
            System.out.printf("%-4s %-10s %-20s ret %.4f sharpe %.2f [%.2f,%.2f] dd %.4f f %.4f b %.4f fee %.4f byReg %s%n",
                    r.tier().roundTripBps(), r.strategy(), r.config(), p.totalReturn(), p.sharpe(), r.sharpeInterval().low(),
                    r.sharpeInterval().high(), p.maxDrawdown(), p.pnl().funding(), p.pnl().basis(), p.pnl().fees(),
                    p.byRegime().stream().map(x -> x.cycles()).toList());
        }
        for (FeeTier tier : List.of(FeeTier.ZERO, FeeTier.BPS_8)) {
            StrategyResult nv = e.results().stream().filter(r -> r.strategy().equals("naive") && r.tier().equals(tier)).findFirst().get();
            for (StrategyResult r : e.results()) {
                if (!r.strategy().equals("physics") || !r.tier().equals(tier)) continue;
                double[] x = Slices.returns(r.result());
                double[] y = Slices.returns(nv.result());
                double ann = Math.sqrt(r.oos().cyclesPerYear());
                BlockBootstrap bb = BlockBootstrap.circular(x.length, 12, 2000, 5);
                double[][] rep = bb.sharpeReplicates(new double[][] {x, y}, ann);
                double[] dd = BlockBootstrap.difference(BlockBootstrap.sharpe(x, ann), BlockBootstrap.sharpe(y, ann), rep[0], rep[1], 0.95);
                System.out.printf("  %sbps physics %s - naive: %.2f [%.2f, %.2f] p=%.3f%n", tier.roundTripBps(), r.config(), dd[0], dd[1], dd[2], dd[3]);
            }
        }
        for (SharpeComparison c : e.significance()) {
            System.out.printf("%s %s vs %s %s: diff %.2f [%.2f, %.2f] p=%.4f%n", c.strategy(), c.config(), c.versus(),
                    c.versusConfig(), c.sharpeDiff(), c.ciLow(), c.ciHigh(), c.pValue());
        }
    }
}
