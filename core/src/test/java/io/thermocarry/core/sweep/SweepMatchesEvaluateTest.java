package io.thermocarry.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.evaluation.BlockBootstrapSpec;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.FoldLayout;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.series.BasisSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep's single default point sees the cycles and folds that {@code evaluate} sees for the same data. */
class SweepMatchesEvaluateTest {
    @Test
    void defaultPoint_hasEvaluatesCoveredCycles_andFolds() {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.REALISTIC.withCycles(1_000)
                .withSymbol(Symbol.of("SYNAUSDT")));
        // funding runs 100 settlements past the last basis observation: those cycles are left out by both
        BasisSeries full = m.basis();
        BasisSeries basis = full.slice(Long.MIN_VALUE, full.timeMs(full.size() - 1) - 800L * 3_600_000L + 1);
        FundingSeries funding = m.funding();
        SymbolData data = new SymbolData(Symbol.of("SYNAUSDT"), funding, basis, null, null);
        SweepMarket market = SweepMarket.of(data, FundingAccrual.RATE_AT_CYCLE_END);
        assertEquals(data.coveredFunding().size() - 1, market.cycles().size());
        assertEquals(funding.size() - 1 - 100, market.cycles().size());

        EvaluationSpec spec = EvaluationSpec.defaults().withCompats(List.of(Compat.CAUSAL))
                .withBootstrap(new BlockBootstrapSpec(50, 12, 42L, 0.95));
        SymbolEvaluation e = SymbolEvaluator.evaluate(data, spec, null);
        FoldLayout evaluated = e.layouts().get(0);
        SweepOutcome.Layout swept = SweepEngine.layout(market,
                SweepPoint.defaults().signalSpec(spec.signalSpec().kappaMethod()).warmupCycles(), spec.walkForward());
        assertEquals(evaluated.cycles(), market.cycles().size());
        assertEquals(evaluated.folds(), swept.folds());
        assertEquals(evaluated.startMs(), swept.oosStartMs());
    }
}
