package io.thermocarry.core.sweep;

import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import java.util.List;

/** Small synthetic markets whose relaxation ratio moves across the sweep's thresholds. */
final class SweepFixtures {
    private SweepFixtures() {
    }

    /**
     * A 400-cycle OU market: κ 0.2/h (r ≈ 0.63, carry) for cycles [0, 150), the realistic 0.05/h (r = 2.5,
     * dislocated) for [150, 300), 0.1/h (r = 1.25, between the NESS thresholds 1.2 and 1.4) after.
     */
    static SweepMarket market(String symbol, long seed) {
        SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(400).withSeed(seed).withSymbol(Symbol.of(symbol))
                .withKappaSegments(List.of(new KappaSegment(0, 150, 0.2), new KappaSegment(300, 400, 0.1)));
        SyntheticMarket m = SyntheticOuMarket.simulate(spec);
        return new SweepMarket(m.cycles(), m.basis(), 0, FundingAccrual.RATE_AT_CYCLE_END);
    }

    static List<SweepMarket> markets() {
        return List.of(market("SYNAUSDT", 7), market("SYNBUSDT", 11));
    }

    /**
     * 2 basis windows × 2 entropy windows × 3 NESS thresholds × 2 base fractions × 2 fee tiers = 48 points; warm-up
     * {@code max(59 + 1, 60, 60) = 60} cycles.
     */
    static SweepGrid grid() {
        return SweepGrid.parse(List.of("basisWindow=120,240", "betaHistory=59", "entropyWindow=30,60", "jeWindow=60",
                "nessR=1.2,1.4,2.0", "baseFraction=0.25,0.5", "feeBps=8,25"));
    }

    static SweepSpec spec() {
        return new SweepSpec(grid(), new io.thermocarry.core.evaluation.WalkForwardSpec(60, 30),
                io.thermocarry.core.regime.RegimeConfig.FULL,
                io.thermocarry.core.physics.KappaMethod.THROUGH_ORIGIN);
    }
}
