package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * A synthetic OU market (SPEC §3): hourly basis {@code b} (percent) following the exact discretisation of
 * {@code db/dt = −κ b − F + ξ}, {@code ⟨ξ(t)ξ(t')⟩ = σ_noise² δ(t − t')}, funding {@code F_k ~ N(μ_F, s_F²)}
 * per cycle, plus a spot random walk so that real bars can be emitted. See {@link SyntheticOuMarket}.
 *
 * @param symbol symbol of the emitted series (default SYNTHUSDT)
 * @param kappa base spring constant κ in 1/hour
 * @param sigmaNoise noise amplitude σ_noise in percent per √hour (T = σ_noise²/2)
 * @param muF mean funding rate μ_F (fraction per interval)
 * @param sF standard deviation of the funding rate s_F (≥ 0)
 * @param cycles number of funding cycles K (K + 1 settlements, 8K + 1 hourly bars)
 * @param hoursPerCycle funding interval in hours (8)
 * @param cycleStart continuous path, or re-draw from the undriven equilibrium N(0, T/κ) at each settlement
 * @param seed root seed (streams derived as documented in {@link SyntheticOuMarket})
 * @param start time of the first settlement t_0 (default 2020-01-01T00:00Z); the first bar opens 1 h before
 * @param spotStartPrice spot price before the first bar (quote currency)
 * @param spotHourlyVol hourly log-return volatility of spot (fraction, ≥ 0)
 * @param kappaSegments stretches of cycles with another κ (non-overlapping; may be empty)
 */
public record SyntheticSpec(Symbol symbol, double kappa, double sigmaNoise, double muF, double sF, int cycles,
        int hoursPerCycle, CycleStart cycleStart, long seed, Instant start, double spotStartPrice,
        double spotHourlyVol, List<KappaSegment> kappaSegments) {

    /** Default symbol of synthetic markets. */
    public static final Symbol DEFAULT_SYMBOL = new Symbol("SYNTHUSDT");
    /** Default start 2020-01-01T00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2020-01-01T00:00:00Z");
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** Default spot start price. */
    public static final double DEFAULT_SPOT = 50_000.0;
    /** Default spot hourly volatility (0.6 %/h, about 56 %/year). */
    public static final double DEFAULT_SPOT_VOL = 0.006;

    /**
     * Realistic preset (SPEC §3): κ 0.05/h (τ_relax 20 h, r = 2.5), σ_noise 5, μ_F 1e−4, s_F 3e−4, 5,000
     * cycles, continuous path. Truth T = 12.5, β = 0.08, Var_eq = 250.
     */
    public static final SyntheticSpec REALISTIC = new SyntheticSpec(DEFAULT_SYMBOL, 0.05, 5.0, 1e-4, 3e-4, 5_000, 8,
            CycleStart.CONTINUOUS, DEFAULT_SEED, DEFAULT_START, DEFAULT_SPOT, DEFAULT_SPOT_VOL, List.of());

    /**
     * Strong-driving preset (SPEC §3): κ 0.5/h, σ_noise 1, μ_F 0.1, s_F 0.2, 10,000 cycles, basis re-drawn from
     * the undriven equilibrium N(0, T/κ) at each settlement. Truth T = 0.5, β = 2, Var_eq = 1.
     */
    public static final SyntheticSpec STRONG = new SyntheticSpec(DEFAULT_SYMBOL, 0.5, 1.0, 0.1, 0.2, 10_000, 8,
            CycleStart.REDRAW_EQUILIBRIUM, DEFAULT_SEED, DEFAULT_START, DEFAULT_SPOT, DEFAULT_SPOT_VOL, List.of());

    /** Validates the spec; κ segments must not overlap. */
    public SyntheticSpec {
        Checks.notNull(symbol, "symbol");
        Checks.positive(kappa, "kappa");
        Checks.positive(sigmaNoise, "sigmaNoise");
        Checks.finite(muF, "muF");
        Checks.nonNegative(sF, "sF");
        Checks.positive(cycles, "cycles");
        Checks.positive(hoursPerCycle, "hoursPerCycle");
        Checks.notNull(cycleStart, "cycleStart");
        Checks.notNull(start, "start");
        Checks.positive(spotStartPrice, "spotStartPrice");
        Checks.nonNegative(spotHourlyVol, "spotHourlyVol");
        kappaSegments = List.copyOf(Checks.notNull(kappaSegments, "kappaSegments"));
        for (int i = 0; i < kappaSegments.size(); i++) {
            for (int j = i + 1; j < kappaSegments.size(); j++) {
                KappaSegment a = kappaSegments.get(i);
                KappaSegment b = kappaSegments.get(j);
                Checks.check(a.toCycle() <= b.fromCycle() || b.toCycle() <= a.fromCycle(),
                        "kappa segments overlap: " + a + " and " + b);
            }
        }
    }

    /** κ in force during cycle k (a segment's, else the base κ). */
    public double kappaAt(int k) {
        for (KappaSegment s : kappaSegments) {
            if (s.contains(k)) {
                return s.kappa();
            }
        }
        return kappa;
    }

    /** Truth temperature {@code T = σ_noise²/2} (%²/h). */
    public double temperature() {
        return sigmaNoise * sigmaNoise / 2.0;
    }

    /** Same spec with another seed. */
    public SyntheticSpec withSeed(long s) {
        return new SyntheticSpec(symbol, kappa, sigmaNoise, muF, sF, cycles, hoursPerCycle, cycleStart, s, start,
                spotStartPrice, spotHourlyVol, kappaSegments);
    }

    /** Same spec with another number of cycles. */
    public SyntheticSpec withCycles(int k) {
        return new SyntheticSpec(symbol, kappa, sigmaNoise, muF, sF, k, hoursPerCycle, cycleStart, seed, start,
                spotStartPrice, spotHourlyVol, kappaSegments);
    }

    /** Same spec with κ segments (a regime switch). */
    public SyntheticSpec withKappaSegments(List<KappaSegment> segments) {
        return new SyntheticSpec(symbol, kappa, sigmaNoise, muF, sF, cycles, hoursPerCycle, cycleStart, seed, start,
                spotStartPrice, spotHourlyVol, segments);
    }

    /** Same spec with another behaviour at settlements. */
    public SyntheticSpec withCycleStart(CycleStart c) {
        return new SyntheticSpec(symbol, kappa, sigmaNoise, muF, sF, cycles, hoursPerCycle, c, seed, start,
                spotStartPrice, spotHourlyVol, kappaSegments);
    }

    /** Same spec with another symbol. */
    public SyntheticSpec withSymbol(Symbol s) {
        return new SyntheticSpec(s, kappa, sigmaNoise, muF, sF, cycles, hoursPerCycle, cycleStart, seed, start,
                spotStartPrice, spotHourlyVol, kappaSegments);
    }

    /** Same spec with another start (time of the first settlement). */
    public SyntheticSpec withStart(Instant t) {
        return new SyntheticSpec(symbol, kappa, sigmaNoise, muF, sF, cycles, hoursPerCycle, cycleStart, seed, t,
                spotStartPrice, spotHourlyVol, kappaSegments);
    }

    /** Same spec with another spot model. */
    public SyntheticSpec withSpot(double startPrice, double hourlyVol) {
        return new SyntheticSpec(symbol, kappa, sigmaNoise, muF, sF, cycles, hoursPerCycle, cycleStart, seed, start,
                startPrice, hourlyVol, kappaSegments);
    }
}
