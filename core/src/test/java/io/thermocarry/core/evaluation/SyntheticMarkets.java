package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.regime.RegimeConfig;
import java.util.ArrayList;
import java.util.List;

/** Synthetic OU markets for evaluation tests (SPEC §3 simulator, κ switched by segments). */
final class SyntheticMarkets {
    private SyntheticMarkets() {
    }

    /**
     * An OU market whose κ alternates between {@code fast} and {@code slow} in stretches of {@code segment}
     * cycles (the first stretch fast), 8 h cycles, funding N(1e-4, 5e-5²), σ_noise {@code sigma}.
     */
    static SyntheticSpec switching(double fast, double slow, double sigma, int segment, int cycles, long seed) {
        List<KappaSegment> segs = new ArrayList<>();
        if (slow != fast) {
            for (int c = segment; c < cycles; c += 2 * segment) {
                segs.add(new KappaSegment(c, Math.min(c + segment, cycles), slow));
            }
        }
        return new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, fast, sigma, 1e-4, 5e-5, cycles, 8,
                CycleStart.CONTINUOUS, seed, SyntheticSpec.DEFAULT_START, 50_000, 0.006, segs);
    }

    /** The simulated market as evaluation input (spot–perp basis, no mark bars, no start). */
    static SymbolData data(SyntheticSpec spec) {
        SyntheticMarket m = SyntheticOuMarket.simulate(spec);
        return new SymbolData(spec.symbol(), m.funding(), m.basis(), null, null);
    }

    /**
     * A lean spec for tests: causal only, the given tiers, all three configurations, {@code resamples} resamples, no
     * edge decomposition.
     */
    static EvaluationSpec spec(List<FeeTier> tiers, int resamples) {
        return EvaluationSpec.defaults().withCompats(List.of(Compat.CAUSAL)).withTiers(tiers)
                .withBootstrap(new BlockBootstrapSpec(resamples, 12, 42L, 0.95))
                .withDecomposition(DecompositionMode.SKIP);
    }

    /** The book of a strategy/config/tier. */
    static StrategyResult book(SymbolEvaluation e, String strategy, String config, FeeTier tier) {
        return e.results().stream().filter(r -> r.strategy().equals(strategy) && r.config().equals(config)
                && r.tier().equals(tier)).findFirst().orElseThrow(() -> new AssertionError(strategy + " " + config));
    }

    /** The comparison of physics (config) with versus at a tier. */
    static SharpeComparison comparison(SymbolEvaluation e, String config, String versus, FeeTier tier) {
        return e.significance().stream().filter(c -> c.config().equals(config) && c.versus().equals(versus)
                && c.tier().equals(tier)).findFirst().orElseThrow(() -> new AssertionError(config + " vs " + versus));
    }

    static final String FULL = RegimeConfig.FULL.cliName();
}
