package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OU market at 1 m resolution: same law as the hourly generator, truth at every minute, bid/ask prints. */
class SyntheticIntradayMarketTest {
    private static final long MIN = 60_000L;

    @Test
    void atOneHourResolution_reproducesTheHourlyGenerator_bitForBit() {
        SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(200).withSeed(11);
        SyntheticMarket h = SyntheticOuMarket.simulate(spec);
        SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(new SyntheticIntradaySpec(spec, BarInterval.H1, 0));
        assertArrayEquals(h.basisPct(), m.midBasisPct(), 0.0);
        assertArrayEquals(h.spot().closes(), m.spot().closes(), 0.0);
        assertArrayEquals(h.perp().closes(), m.perp().closes(), 0.0);
        assertArrayEquals(h.spot().opens(), m.spot().opens(), 0.0);
        assertArrayEquals(h.perp().opens(), m.perp().opens(), 0.0);
        assertArrayEquals(h.perp().openTimes(), m.perp().openTimes());
        assertArrayEquals(h.funding().rates(), m.funding().rates(), 0.0);
        assertArrayEquals(h.funding().times(), m.funding().times());
        assertArrayEquals(h.funding().markPrices(), m.funding().markPrices(), 0.0);
    }

    @Test
    void minuteBars_carryTheOuPathExactly_inTheMarkIndexBasis_andEveryEightHoursASettlement() {
        SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(30);
        SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(SyntheticIntradaySpec.minutes(spec).withSpreadBps(2));
        int bars = 30 * 480 + 1;
        assertEquals(bars, m.perp().size());
        assertEquals(bars, m.mark().size());
        IntradayState s = m.state(Duration.ofHours(8));
        assertEquals(bars, s.size());
        for (int j = 0; j < bars; j++) {
            assertEquals(m.midBasisPct()[j], s.markIndexPct(j), 0.0, "mark–index basis is the path at bar " + j);
            assertEquals(m.closeTimesMs()[j], s.closeMs(j));
        }
        assertEquals(31, m.funding().size());
        for (int k = 0; k < 31; k++) {
            assertEquals(spec.start().toEpochMilli() + k * 8 * 3_600_000L, m.funding().timeMs(k));
            assertEquals(m.mark().close(k * 480), m.funding().markPrice(k), 0.0, "settlement mark = perp mid");
        }
        FundingCycles c = m.cycles();
        assertEquals(30, c.size());
        assertEquals(s.basisPct(480 * 7), c.basisStart(7), 0.0, "b_start from the hourly resample = the 1 m close at t_k");
    }

    @Test
    void tradePrints_sitOnTheBidOrTheAsk_halfTheSpreadFromTheMid() {
        double spread = 4.0;
        SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(
                SyntheticIntradaySpec.minutes(SyntheticSpec.REALISTIC.withCycles(10)).withSpreadBps(spread));
        int ask = 0;
        int n = m.spot().size();
        for (int j = 0; j < n; j++) {
            double rs = m.spot().close(j) / m.index().close(j) - 1;
            double rp = m.perp().close(j) / m.mark().close(j) - 1;
            assertEquals(spread / 2 / 1e4, Math.abs(rs), 1e-12);
            assertEquals(spread / 2 / 1e4, Math.abs(rp), 1e-12);
            ask += rs > 0 ? 1 : 0;
            assertTrue(m.spot().high(j) >= Math.max(m.spot().open(j), m.spot().close(j)));
            assertTrue(m.perp().low(j) <= Math.min(m.perp().open(j), m.perp().close(j)));
        }
        assertEquals(0.5, ask / (double) n, 4 * Math.sqrt(0.25 / n), "bid and ask equally likely");
        SyntheticIntradayMarket noSpread = SyntheticIntradayOuMarket.simulate(
                SyntheticIntradaySpec.minutes(SyntheticSpec.REALISTIC.withCycles(10)));
        for (int j = 1; j < n; j++) {
            assertEquals(noSpread.perp().close(j - 1), noSpread.perp().open(j), 0.0, "without spread open = previous close");
        }
    }

    @Test
    void perMinuteLaw_isTheExactOuDiscretisation_slopeAndStationaryVariance() {
        // driftless OU, κ = 1/h, σ = 1 %/√h: per minute φ = e^{−1/60}, Var_eq = T/κ = 0.5 %²
        SyntheticSpec spec = new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, 1.0, 1.0, 0.0, 0.0, 400, 8,
                CycleStart.CONTINUOUS, 5, SyntheticSpec.DEFAULT_START, 100.0, 0.0, List.of());
        SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(SyntheticIntradaySpec.minutes(spec));
        double[] b = m.midBasisPct();
        int n = b.length;
        double sxy = 0;
        double sxx = 0;
        double ss = 0;
        for (int j = 0; j + 1 < n; j++) {
            sxy += b[j] * b[j + 1];
            sxx += b[j] * b[j];
        }
        for (double x : b) {
            ss += x * x;
        }
        double phi = Math.exp(-1.0 / 60);
        double slope = sxy / sxx;
        assertEquals(phi, slope, 5 * Math.sqrt((1 - phi * phi) / n), "AR(1) slope per minute");
        // variance: about 3200 relaxation times of data; the sample variance of an OU path has sd ≈ Var·√(2/(κ·hours))
        double var = ss / n;
        assertEquals(0.5, var, 5 * 0.5 * Math.sqrt(2.0 / 3200), "stationary variance T/κ");
        assertEquals(1.0, m.truth().kappa(), 0.0);
        assertEquals(0.5, m.truth().temperature(), 0.0);
    }
}
