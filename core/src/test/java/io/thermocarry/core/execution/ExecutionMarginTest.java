package io.thermocarry.core.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.margin.Liquidation;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.Side;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The margin path inside the execution engine (SPEC §13, §15) on synthetic minute markets. */
class ExecutionMarginTest {
    private record Case(SyntheticIntradayMarket market, ExecutionRequest request) {
    }

    private static Case scenario(long seed, ExecutionModel model) {
        SyntheticIntradayMarket m = Intraday.market(seed, 12, 8, BarInterval.M1, 1.0);
        FundingCycles c = m.cycles();
        SignalPath s = Intraday.open(c.size());
        IntradayState state = IntradayState.build(m.perp(), m.spot(), null, null, Duration.ofHours(2));
        ExecutionWindow w = ExecutionWindow.covered(c, s, state, 0);
        ExecutionSpec spec = new ExecutionSpec(Child.every(BarInterval.M5), ExecutionRules.defaults(), FeeTier.BPS_8,
                model);
        return new Case(m, ExecutionRequest.of(w, state, null, spec));
    }

    /** The perp's bars with bar {@code i}'s high and low pushed out by {@code jump} (closes and opens untouched). */
    private static BarSeries spike(BarSeries p, int i, double jump) {
        double[] h = p.highs().clone();
        double[] l = p.lows().clone();
        h[i] *= 1 + jump;
        l[i] *= 1 - jump;
        return new BarSeries(p.symbol(), p.market(), p.interval(), p.openTimes(), p.opens(), h, l, p.closes(),
                p.volumes());
    }

    @Test
    void leverageZero_isTheRunWithoutMargin_exactly() {
        for (long seed = 1; seed <= 4; seed++) {
            Case k = scenario(seed, ExecutionModel.EXCHANGE);
            ExecutionResult plain = ExecutionEngine.run(k.request());
            MarginExecution off = ExecutionEngine.run(k.request(), new MarginInputs(MarginSpec.of("BTCUSDT", 0, 0),
                    MarginBars.of(k.market().perp(), k.market().spot(), null)));
            assertNull(off.margin());
            assertArrayEquals(plain.ledger().equities(), off.result().ledger().equities(), 0.0);
            assertEquals(plain.trades(), off.result().trades());
            assertEquals(plain.fills(), off.result().fills());
        }
    }

    @Test
    void aSpikeWhileHeld_liquidatesThePerpLeg_andChangesThePathFromThere() {
        int liquidated = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Case k = scenario(seed, ExecutionModel.EXCHANGE);
            ExecutionResult plain = ExecutionEngine.run(k.request());
            BarSeries perp = k.market().perp();
            // a bar in the middle of the first pair held for an hour or more
            var trade = plain.trades().stream().filter(tr -> tr.side().isBasisPair()
                    && tr.exitTime().toEpochMilli() - tr.entryTime().toEpochMilli() >= 3_600_000L).findFirst();
            boolean held = trade.isPresent();
            long mid = held ? (trade.get().entryTime().toEpochMilli() + trade.get().exitTime().toEpochMilli()) / 2
                    : perp.openTimes()[perp.size() / 2];
            int bar = java.util.Arrays.binarySearch(perp.openTimes(), mid - mid % 60_000L);
            bar = bar < 0 ? -bar - 1 : bar;
            long t = perp.openTimes()[bar];
            MarginInputs in = new MarginInputs(MarginSpec.of("BTCUSDT", 5, 0),
                    MarginBars.of(spike(perp, bar, 0.4), k.market().spot(), null));
            MarginExecution m = ExecutionEngine.run(k.request(), in);
            MarginExecution calm = ExecutionEngine.run(k.request(), new MarginInputs(MarginSpec.of("BTCUSDT", 5, 0),
                    MarginBars.of(perp, k.market().spot(), null)));
            assertEquals(0, calm.margin().liquidationCount(), "the synthetic minutes alone stay far from maintenance");
            assertArrayEquals(plain.ledger().equities(), calm.result().ledger().equities(), 0.0,
                    "without liquidations the margin path changes nothing");
            if (!held) {
                continue;
            }
            liquidated++;
            assertEquals(1, m.margin().liquidationCount(), "seed " + seed);
            Liquidation l = m.margin().liquidations().get(0);
            assertEquals(t, l.barOpen().toEpochMilli());
            assertTrue(m.result().trades().stream().anyMatch(tr -> tr.exitReason() == ExitReason.LIQUIDATION));
            assertTrue(m.result().fills().stream().anyMatch(f -> f.reason() == ExitReason.LIQUIDATION
                    && f.to() == Side.FLAT));
            // rows before the liquidation's are the same; the book differs after it
            for (int r = 0; r < l.cycle(); r++) {
                assertEquals(plain.ledger().equity(r), m.result().ledger().equity(r), 0.0, "row " + r);
            }
            int last = plain.ledger().size() - 1;
            assertTrue(plain.ledger().equity(last) != m.result().ledger().equity(last));
        }
        assertTrue(liquidated > 0, "some seed holds the pair through the spike");
    }

    @Test
    void theCycleModel_hasNoQuantities_forAMarginPath() {
        Case k = scenario(1, ExecutionModel.CYCLE_MODEL);
        assertThrows(IllegalArgumentException.class, () -> ExecutionEngine.run(k.request(),
                new MarginInputs(MarginSpec.of("BTCUSDT", 3, 0), MarginBars.of(k.market().perp(), k.market().spot(),
                        null))));
    }
}
