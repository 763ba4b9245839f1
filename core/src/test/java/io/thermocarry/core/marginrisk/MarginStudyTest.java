package io.thermocarry.core.marginrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Markets;
import io.thermocarry.core.margin.BracketTable;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer study on a trending random market: the history's buffer is exact for the engine. */
class MarginStudyTest {
    static MarginBars trending(Random rnd, int hours, double drift) {
        long[] t = new long[hours];
        long[] tc = new long[hours];
        double[] o = new double[hours];
        double[] h = new double[hours];
        double[] l = new double[hours];
        double[] c = new double[hours];
        double p = 100;
        for (int i = 0; i < hours; i++) {
            t[i] = Markets.T0 + i * Markets.H;
            tc[i] = t[i] + Markets.H;
            o[i] = p;
            double next = p * Math.exp(drift + rnd.nextGaussian() * 0.01);
            c[i] = next;
            h[i] = Math.max(p, next) * (1 + 0.004 * rnd.nextDouble());
            l[i] = Math.min(p, next) * (1 - 0.004 * rnd.nextDouble());
            p = next;
        }
        return new MarginBars(t, tc, o, h, l, c, o.clone(), c.clone(), 0);
    }

    @Test
    void historyBuffer_isTheSmallestShareWithoutLiquidation_andTheQuantilesAreOrdered() {
        int n = 90;
        FundingCycles cycles = Markets.cycles(new double[n], new double[n + 1]);
        MarginBars bars = trending(new Random(7), n * 8, 0.005);
        BacktestRequest req = BacktestRequest.of(cycles, SignalPath.none(n),
                ScheduleStrategy.constant(Side.SHORT_BASIS, 1.0, n), FeeTier.ZERO, Compat.CAUSAL);
        MarginSpec spec = new MarginSpec(5, 0, Duration.ofHours(12), 0.5, 0.0125, 1_000_000, BracketTable.BTCUSDT);
        MarginReport r = MarginStudy.run(req, new MarginInputs(spec, bars), new MarginStudySpec(21, 200, 1));
        assertTrue(r.margin().liquidationCount() > 0, "a 12 h transfer delay does not save a 5x short in a rally");
        assertTrue(r.pnlLostToLiquidations() > 0);
        BufferNeeded b = r.buffer();
        assertTrue(b.history() > 0.2 && b.history() < 1, "buffer " + b.history());
        assertEquals(0, BacktestEngine.run(req, new MarginInputs(spec.withFuturesShare(b.history()), bars)).margin()
                .liquidationCount());
        assertTrue(BacktestEngine.run(req, new MarginInputs(spec.withFuturesShare(b.history() - 0.001), bars))
                .margin().liquidationCount() > 0);
        assertTrue(b.p95() <= b.p99() && b.p99() <= b.p999(), b.toString());
        assertEquals(200, b.resamples());
        // seeded: the same numbers again
        assertEquals(b, MarginStudy.buffer(r.marginFree(), new MarginInputs(spec, bars), new MarginStudySpec(21,
                200, 1)));
    }
}
