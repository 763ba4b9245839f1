package io.thermocarry.core.features;

import io.thermocarry.core.Checks;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.SyntheticSpec;
import java.time.Instant;
import java.util.List;

/**
 * A synthetic carry market with spliced-in liquidity crises (see {@link SyntheticStress}), where the right
 * answer is known: which cycles blow out, and which microstructure stress preceded them.
 *
 * @param base the OU market underneath (basis in percent, 8 h cycles; {@link #carryMarket} is a BTC-like carry:
 *     κ 0.15/h, basis std ≈ 5 bp)
 * @param crisisPerCycle probability that a cycle starts a crisis (crises at least 6 cycles apart)
 * @param squeezeShare share of crises that are squeezes (basis spikes up, against short basis); the rest are
 *     crashes (basis collapses, premium and then funding turn negative)
 * @param jumpMinPct smallest crisis basis jump, percent
 * @param jumpMaxPct largest crisis basis jump, percent
 * @param halfLifeHours half-life of the dislocation after the crisis cycle (it ramps over 2 h and holds to the
 *     cycle's end)
 * @param precursorShare share of crises preceded by microstructure stress (1 to 5 h before the cycle starts)
 * @param falseAlarmPerCycle probability of a stress episode (6 h) that leads to nothing
 * @param featureStressShare probability that a given feature shows the stress during an episode
 * @param stepMinutes cadence of the microstructure series and premium points (1, 5 or 15)
 * @param firstCrisisCycle no crisis before this cycle (keep them out of the signals' 360-cycle warm-up)
 * @param fundingCapRate the symbol's {@code fundingInfo} cap, floor = −cap (fraction per 8 h): funding cannot
 *     compensate a short basis for a squeeze beyond it
 * @param seed stream seed of the crises and microstructure (the OU market has its own in {@code base})
 */
public record StressSpec(SyntheticSpec base, double crisisPerCycle, double squeezeShare, double jumpMinPct,
        double jumpMaxPct, double halfLifeHours, double precursorShare, double falseAlarmPerCycle,
        double featureStressShare, int stepMinutes, int firstCrisisCycle, double fundingCapRate, long seed) {
    /** Validates probabilities and ranges. */
    public StressSpec {
        Checks.notNull(base, "base");
        Checks.check(base.hoursPerCycle() == 8, "the stress market uses 8 h cycles");
        Checks.inRange(crisisPerCycle, 0, 0.2, "crisisPerCycle");
        Checks.inRange(squeezeShare, 0, 1, "squeezeShare");
        Checks.positive(jumpMinPct, "jumpMinPct");
        Checks.check(jumpMaxPct >= jumpMinPct, "jumpMaxPct < jumpMinPct");
        Checks.positive(halfLifeHours, "halfLifeHours");
        Checks.inRange(precursorShare, 0, 1, "precursorShare");
        Checks.inRange(falseAlarmPerCycle, 0, 0.2, "falseAlarmPerCycle");
        Checks.inRange(featureStressShare, 0, 1, "featureStressShare");
        Checks.check(stepMinutes == 1 || stepMinutes == 5 || stepMinutes == 15, "stepMinutes must be 1, 5 or 15");
        Checks.nonNegative(firstCrisisCycle, "firstCrisisCycle");
        Checks.positive(fundingCapRate, "fundingCapRate");
    }

    /**
     * An alt-like carry market: κ 0.15/h (τ_relax 6.7 h, r ≈ 0.8), σ_noise 0.0548 %/√h (basis std ≈ 10 bp),
     * μ_F 1 bp, s_F 1 bp, 8 h cycles, from 2022-01-01.
     */
    public static SyntheticSpec carryMarket(int cycles, long seed) {
        return new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, 0.15, 0.0548, 1e-4, 1e-4, cycles, 8, CycleStart.CONTINUOUS,
                seed, Instant.parse("2022-01-01T00:00:00Z"), 30_000.0, 0.006, List.of());
    }

    /**
     * The desk's test market: {@code cycles} cycles of {@link #carryMarket}, from cycle 400 a crisis every ~100
     * cycles (60 % squeezes), jumps 0.4–1.0 %, 6 h half-life after the crisis cycle, 85 % with a precursor, a false
     * alarm every ~90 cycles, each feature stressed with probability 0.7, 15-min microstructure, funding capped at
     * ±0.1 % per 8 h.
     */
    public static StressSpec defaults(int cycles, long seed) {
        return new StressSpec(carryMarket(cycles, seed), 1.0 / 100, 0.6, 0.4, 1.0, 6, 0.85, 1.0 / 90, 0.7, 15, 400,
                0.001, seed * 7919 + 1);
    }

    /** This spec without precursors (the control: the vetoes have nothing to see before a crisis). */
    public StressSpec withoutPrecursors() {
        return new StressSpec(base, crisisPerCycle, squeezeShare, jumpMinPct, jumpMaxPct, halfLifeHours, 0.0,
                falseAlarmPerCycle, featureStressShare, stepMinutes, firstCrisisCycle, fundingCapRate, seed);
    }
}
