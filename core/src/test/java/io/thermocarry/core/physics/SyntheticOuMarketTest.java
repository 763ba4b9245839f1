package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.FundingCycles;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticOuMarketTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void sameSpec_givesIdenticalSeries_andAnotherSeedDifferent() {
        SyntheticSpec spec = SyntheticSpec.STRONG.withCycles(500).withSeed(3);
        SyntheticMarket a = SyntheticOuMarket.simulate(spec);
        SyntheticMarket b = SyntheticOuMarket.simulate(spec);
        assertArrayEquals(a.basisPct(), b.basisPct(), 0);
        assertArrayEquals(a.perp().closes(), b.perp().closes(), 0);
        assertArrayEquals(a.spot().highs(), b.spot().highs(), 0);
        assertArrayEquals(a.funding().rates(), b.funding().rates(), 0);
        SyntheticMarket c = SyntheticOuMarket.simulate(spec.withSeed(4));
        assertFalse(Arrays.equals(a.basisPct(), c.basisPct()));
    }

    @Test
    void spotModel_doesNotChangeTheBasisOrFunding_separateStreams() {
        SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(300);
        SyntheticMarket a = SyntheticOuMarket.simulate(spec);
        SyntheticMarket b = SyntheticOuMarket.simulate(spec.withSpot(123.0, 0.02));
        assertArrayEquals(a.funding().rates(), b.funding().rates(), 0);
        for (int i = 0; i < a.basisPct().length; i++) {
            // equal up to the encoding round trip through different prices
            assertEquals(a.basisPct()[i], b.basisPct()[i], 1e-9);
        }
        assertFalse(Arrays.equals(a.spot().closes(), b.spot().closes()));
    }

    @Test
    void basisSeriesOfTheBars_givesBackTheSimulatedPathExactly_stampedAtBarClose() {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.REALISTIC.withCycles(400).withSeed(9));
        BasisSeries bs = BasisSeries.of(m.perp(), m.spot(), null, null);
        assertArrayEquals(m.basisPct(), bs.values(), 0);
        assertArrayEquals(m.basisTimesMs(), bs.times());
        assertEquals(0, bs.hoursWithoutPartner());
        long start = SyntheticSpec.DEFAULT_START.toEpochMilli();
        assertEquals(start - HOUR, m.perp().openTimeMs(0));
        assertEquals(start, bs.timeMs(0));
        assertEquals(400 * 8 + 1, bs.size());
    }

    @Test
    void bars_areConsistent_ohlcAndPositiveVolumes_andPerpIsSpotTimesOnePlusBasis() {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withCycles(300).withSeed(2));
        for (BarSeries s : List.of(m.perp(), m.spot())) {
            for (int i = 0; i < s.size(); i++) {
                assertTrue(s.high(i) >= Math.max(s.open(i), s.close(i)), s.market() + " high at " + i);
                assertTrue(s.low(i) <= Math.min(s.open(i), s.close(i)), s.market() + " low at " + i);
                assertTrue(s.low(i) > 0 && s.volume(i) > 0);
                if (i > 0) {
                    assertEquals(s.close(i - 1), s.open(i), 0, "open = previous close");
                    assertEquals(HOUR, s.openTimeMs(i) - s.openTimeMs(i - 1));
                }
            }
        }
        assertEquals(Market.PERP, m.perp().market());
        for (int i = 0; i < m.perp().size(); i++) {
            double expected = m.spot().close(i) * (1 + m.basisPct()[i] / 100);
            assertEquals(expected, m.perp().close(i), 1e-9 * expected);
        }
    }

    @Test
    void fundingAndCycles_followTheTimeConvention() {
        int k = 200;
        Instant start = Instant.parse("2021-03-01T00:00:00Z");
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withCycles(k).withStart(start));
        assertEquals(k + 1, m.funding().size());
        for (int c = 0; c <= k; c++) {
            assertEquals(start.toEpochMilli() + c * 8 * HOUR, m.funding().timeMs(c));
            assertEquals(8 * HOUR, m.funding().intervalMs(c));
            assertEquals(m.perp().close(c * 8), m.funding().markPrice(c), 0);
        }
        FundingCycles cy = m.cycles();
        assertEquals(k, cy.size());
        for (int c = 0; c < k; c++) {
            assertEquals(m.funding().rate(c), cy.rate(c), 0);
            assertEquals(m.basisPct()[8 * c], cy.basisStart(c), 0, "b_start = b at t_k");
            assertEquals(m.basisPct()[8 * c + 8], cy.basisEnd(c), 0, "b_end = b at t_{k+1}");
            assertEquals(8, cy.basisObs(c));
            assertEquals(8.0, cy.intervalHours(c));
        }
        assertArrayEquals(Arrays.copyOf(m.funding().rates(), k), m.cycleRates(), 0);
    }

    @Test
    void redraw_makesTheSettlementPointIndependentOfTheHourBefore() {
        SyntheticMarket strong = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(5));
        SyntheticMarket cont = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(5)
                .withCycleStart(CycleStart.CONTINUOUS));
        double[] b = strong.basisPct();
        // lag-1 correlation across settlements ≈ 0 (fresh draw), inside cycles ≈ φ = e^{−0.5} plus drive
        assertEquals(0.0, correlation(b, true), 0.03);
        assertTrue(correlation(b, false) > 0.55);
        // without the re-draw the settlement pair is an ordinary transition
        assertTrue(correlation(cont.basisPct(), true) > 0.55);
        assertEquals(CycleStart.REDRAW_EQUILIBRIUM, strong.spec().cycleStart());
        // the re-drawn b_start has the undriven equilibrium law N(0, T/κ) = N(0, 1)
        FundingCycles cy = strong.cycles();
        double[] bs = cy.basisStarts();
        assertEquals(0.0, io.thermocarry.core.stats.Moments.mean(bs), 0.04);
        assertEquals(1.0, io.thermocarry.core.stats.Moments.populationVariance(bs), 0.05);
    }

    private static double correlation(double[] b, boolean acrossSettlement) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        double mx = 0;
        int n = 0;
        for (int i = 0; i + 1 < b.length; i++) {
            if (((i + 1) % 8 == 0) == acrossSettlement) {
                mx += b[i] + b[i + 1];
                n += 2;
            }
        }
        mx /= n;
        for (int i = 0; i + 1 < b.length; i++) {
            if (((i + 1) % 8 == 0) == acrossSettlement) {
                sxy += (b[i] - mx) * (b[i + 1] - mx);
                sxx += (b[i] - mx) * (b[i] - mx);
                syy += (b[i + 1] - mx) * (b[i + 1] - mx);
            }
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void kappaSegment_switchesTheRegime_andIsRecoveredInsideIt() {
        SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(6_000)
                .withKappaSegments(List.of(new KappaSegment(2_000, 4_000, 0.5)));
        SyntheticMarket m = SyntheticOuMarket.simulate(spec);
        assertEquals(0.5, spec.kappaAt(2_500));
        assertEquals(0.05, spec.kappaAt(1_999));
        double[] b = m.basisPct();
        OuFit inside = OuEstimator.fit(b, 2_000 * 8 + 200, 4_000 * 8, 1.0, KappaMethod.THROUGH_ORIGIN);
        OuFit after = OuEstimator.fit(b, 4_000 * 8 + 400, 6_000 * 8, 1.0, KappaMethod.THROUGH_ORIGIN);
        assertEquals(0.5, inside.kappaPerHour(), 0.05 * 0.5);
        assertEquals(0.05, after.kappaPerHour(), 0.15 * 0.05);
        // T = σ²/2 is the same in both regimes; Var_eq = T/κ follows κ
        assertEquals(12.5, inside.temperature(), 0.05 * 12.5);
        assertEquals(25.0, inside.variance(), 0.1 * 25.0);
        assertEquals(1, m.truth().kappaSegments().size());
    }

    @Test
    void overlappingSegments_areRejected() {
        try {
            SyntheticSpec.STRONG.withKappaSegments(List.of(new KappaSegment(0, 10, 0.1), new KappaSegment(5, 20, 0.2)));
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("overlap accepted");
    }

    @Test
    void truth_isTheAnalyticOuTruth() {
        SyntheticTruth s = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withCycles(10)).truth();
        assertEquals(0.5, s.kappa());
        assertEquals(0.5, s.temperature());
        assertEquals(2.0, s.beta());
        assertEquals(1.0, s.varianceEq());
        SyntheticTruth r = SyntheticOuMarket.simulate(SyntheticSpec.REALISTIC.withCycles(10)).truth();
        assertEquals(12.5, r.temperature());
        assertEquals(0.08, r.beta(), 1e-15);
        assertEquals(250.0, r.varianceEq(), 1e-12);
        assertEquals(20.0, r.tauRelaxHours(), 1e-12);
    }
}
