package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.BuyHoldStrategy;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.ThresholdStrategy;
import java.util.List;

/**
 * What an evaluation is: fold layout, fee tiers, compat modes, regime configurations (the SPEC §5 ablations),
 * signal and regime parameters, the strategies in their roles, the bootstrap and the optional tuning grid.
 * Computed by {@link SymbolEvaluator}.
 *
 * <p>Roles: {@code physics} is the strategy under test and runs under every configuration (the ablations);
 * {@code desk} reads the regime and runs under {@link RegimeConfig#FULL}; {@code naive}, {@code threshold} and
 * {@code buyHold} read no regime and run once (configuration {@value #NO_CONFIG}). Significance compares physics under {@link RegimeConfig#FULL}
 * against naive, threshold and desk (full), and physics under each other configuration against physics full.
 *
 * @param walkForward fold layout
 * @param tiers fee tiers (round trip, bps), e.g. 8 / 16 / 25
 * @param compats rules to evaluate under (causal, reference or both)
 * @param configs regime configurations; must contain {@link RegimeConfig#FULL}
 * @param signalSpec signal windows (SPEC §4)
 * @param regimeSpec classifier thresholds and exposures (SPEC §5)
 * @param physics the physics carry
 * @param desk the desk's gated carry
 * @param naive the naive baseline
 * @param threshold the funding-threshold baseline
 * @param buyHold buy-and-hold of the perp (context)
 * @param bootstrap the Sharpe bootstrap
 * @param tune grid the physics strategy is tuned over per fold, or {@code null} for no tuning
 * @param decomposition whether to compute the edge decomposition
 */
public record EvaluationSpec(WalkForwardSpec walkForward, List<FeeTier> tiers, List<Compat> compats,
        List<RegimeConfig> configs, SignalSpec signalSpec, RegimeSpec regimeSpec, PhysicsStrategy physics,
        DeskStrategy desk, NaiveStrategy naive, ThresholdStrategy threshold, BuyHoldStrategy buyHold,
        BlockBootstrapSpec bootstrap, TuneGrid tune, DecompositionMode decomposition) {

    /** Configuration label of strategies that read no regime. */
    public static final String NO_CONFIG = "none";
    /** Configuration label of the tuned physics run. */
    public static final String TUNED_CONFIG = "full-tuned";

    /** Validates and copies the lists. */
    public EvaluationSpec {
        Checks.notNull(walkForward, "walkForward");
        tiers = List.copyOf(Checks.notNull(tiers, "tiers"));
        compats = List.copyOf(Checks.notNull(compats, "compats"));
        configs = List.copyOf(Checks.notNull(configs, "configs"));
        Checks.check(!tiers.isEmpty(), "at least one fee tier");
        Checks.check(!compats.isEmpty(), "at least one compat mode");
        Checks.check(compats.stream().distinct().count() == compats.size(), "compat modes repeat");
        Checks.check(configs.contains(RegimeConfig.FULL), "configs must contain full (the ablations' reference)");
        Checks.check(configs.stream().distinct().count() == configs.size(), "configs repeat");
        for (RegimeConfig c : configs) {
            c.requireAvailable();
        }
        Checks.notNull(signalSpec, "signalSpec");
        Checks.notNull(regimeSpec, "regimeSpec");
        Checks.notNull(physics, "physics");
        Checks.notNull(desk, "desk");
        Checks.notNull(naive, "naive");
        Checks.notNull(threshold, "threshold");
        Checks.notNull(buyHold, "buyHold");
        Checks.notNull(bootstrap, "bootstrap");
        Checks.notNull(decomposition, "decomposition");
    }

    /**
     * Every strategy at its defaults, the 8 / 16 / 25 bps tiers, both compat modes, the three computable
     * configurations (full, relaxation-only, relaxation+entropy), 360/90 folds, 5,000 resamples of 12-cycle
     * blocks, no tuning, with the edge decomposition.
     */
    public static EvaluationSpec defaults() {
        return new EvaluationSpec(WalkForwardSpec.defaults(), FeeTier.STANDARD, List.of(Compat.CAUSAL, Compat.REFERENCE),
                List.of(RegimeConfig.FULL, RegimeConfig.RELAXATION_ONLY, RegimeConfig.RELAXATION_ENTROPY),
                SignalSpec.defaults(), RegimeSpec.defaults(), PhysicsStrategy.defaults(), DeskStrategy.defaults(),
                NaiveStrategy.defaults(), ThresholdStrategy.defaults(), BuyHoldStrategy.defaults(),
                BlockBootstrapSpec.defaults(), null, DecompositionMode.RUN);
    }

    /** Same spec with other tiers. */
    public EvaluationSpec withTiers(List<FeeTier> t) {
        return new EvaluationSpec(walkForward, t, compats, configs, signalSpec, regimeSpec, physics, desk, naive,
                threshold, buyHold, bootstrap, tune, decomposition);
    }

    /** Same spec with other compat modes. */
    public EvaluationSpec withCompats(List<Compat> c) {
        return new EvaluationSpec(walkForward, tiers, c, configs, signalSpec, regimeSpec, physics, desk, naive,
                threshold, buyHold, bootstrap, tune, decomposition);
    }

    /** Same spec with another fold layout. */
    public EvaluationSpec withWalkForward(WalkForwardSpec w) {
        return new EvaluationSpec(w, tiers, compats, configs, signalSpec, regimeSpec, physics, desk, naive, threshold,
                buyHold, bootstrap, tune, decomposition);
    }

    /** Same spec with another bootstrap. */
    public EvaluationSpec withBootstrap(BlockBootstrapSpec b) {
        return new EvaluationSpec(walkForward, tiers, compats, configs, signalSpec, regimeSpec, physics, desk, naive,
                threshold, buyHold, b, tune, decomposition);
    }

    /** Same spec with a tuning grid ({@code null}: none). */
    public EvaluationSpec withTune(TuneGrid grid) {
        return new EvaluationSpec(walkForward, tiers, compats, configs, signalSpec, regimeSpec, physics, desk, naive,
                threshold, buyHold, bootstrap, grid, decomposition);
    }

    /** Same spec with other signal windows. */
    public EvaluationSpec withSignalSpec(SignalSpec s) {
        return new EvaluationSpec(walkForward, tiers, compats, configs, s, regimeSpec, physics, desk, naive, threshold,
                buyHold, bootstrap, tune, decomposition);
    }

    /** Same spec with or without the edge decomposition. */
    public EvaluationSpec withDecomposition(DecompositionMode mode) {
        return new EvaluationSpec(walkForward, tiers, compats, configs, signalSpec, regimeSpec, physics, desk, naive,
                threshold, buyHold, bootstrap, tune, mode);
    }

    /** A canonical text of every field (records print their values), the basis of a run's identity. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        sb.append("walkForward=").append(walkForward).append(";tiers=");
        for (FeeTier t : tiers) {
            sb.append(t.roundTripBps()).append(',');
        }
        sb.append(";compats=").append(compats).append(";configs=").append(configs).append(";signal=")
                .append(signalSpec).append(";regime=").append(regimeSpec).append(";physics=").append(physics)
                .append(";desk=").append(desk).append(";naive=").append(naive).append(";threshold=").append(threshold)
                .append(";buyHold=").append(buyHold).append(";bootstrap=").append(bootstrap).append(";tune=")
                .append(tune == null ? "none" : tune.canonical()).append(";decomposition=").append(decomposition);
        return sb.toString();
    }
}
