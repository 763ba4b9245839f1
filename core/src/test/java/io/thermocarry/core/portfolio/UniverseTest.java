package io.thermocarry.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The causal universe filter: every exclusion reason on built-for-purpose markets, and causality by perturbation. */
class UniverseTest {
    private static final long H = PortfolioMarkets.H;
    private static final long DAY = 24 * H;

    private static Map<Symbol, Exclusion> byReason(UniverseSelection s) {
        return s.exclusions().stream().collect(Collectors.toMap(Exclusion::symbol, e -> e));
    }

    @Test
    void candidates_needSpotPerpAndFunding_withTheFirstMissingSeriesAsReason() {
        Universe.Candidates c = Universe.candidates(List.of(
                new Universe.Holdings(Symbol.of("DOTUSDT"), false, true, true),
                new Universe.Holdings(Symbol.of("BTCUSDT"), true, true, true),
                new Universe.Holdings(Symbol.of("APTUSDT"), false, false, true),
                new Universe.Holdings(Symbol.of("XYZUSDT"), true, true, false),
                new Universe.Holdings(Symbol.of("SPOTUSDT"), true, false, false)));
        assertEquals(List.of(Symbol.of("BTCUSDT")), c.candidates());
        assertEquals(List.of("APTUSDT:NO_SPOT", "DOTUSDT:NO_SPOT", "SPOTUSDT:NO_PERP", "XYZUSDT:NO_FUNDING"),
                c.exclusions().stream().map(e -> e.symbol() + ":" + e.reason()).toList());
        assertEquals("no 1h spot klines (has perp, funding)", c.exclusions().get(1).detail());
    }

    @Test
    void everyReason_isReported_withItsFigures() {
        long t = PortfolioMarkets.T0 + 300 * DAY;
        var base = PortfolioMarkets.recipe("GOODUSDT", 1, 320);
        SymbolMarket good = PortfolioMarkets.market(base);
        SymbolMarket thin = PortfolioMarkets.market(PortfolioMarkets.recipe("THINUSDT", 2, 320).withVolume(1e4));
        SymbolMarket young = PortfolioMarkets.market(PortfolioMarkets.recipe("YOUNGUSDT", 3, 200)
                .withStart(PortfolioMarkets.T0 + 110 * DAY));
        SymbolMarket late = PortfolioMarkets.market(PortfolioMarkets.recipe("LATEUSDT", 4, 20)
                .withStart(t + 5 * DAY));
        SymbolMarket ended = PortfolioMarkets.market(PortfolioMarkets.recipe("ENDEDUSDT", 5, 295));
        PortfolioMarkets.Raw gappy = PortfolioMarkets.raw(PortfolioMarkets.recipe("GAPUSDT", 6, 320));
        FundingSeries missing = PortfolioMarkets.withoutSettlements(gappy.funding(), t - 10 * DAY, t - 2 * DAY);
        SymbolMarket holes = PortfolioMarkets.market(new PortfolioMarkets.Raw(gappy.symbol(), gappy.perp(),
                gappy.spot(), missing, gappy.path()));
        PortfolioMarkets.Raw noBasis = PortfolioMarkets.raw(PortfolioMarkets.recipe("BASISUSDT", 7, 320));
        BarSeries cut = PortfolioMarkets.withoutBars(noBasis.spot(), t - 12 * DAY, t - 2 * DAY);
        SymbolMarket basisHole = PortfolioMarkets.market(new PortfolioMarkets.Raw(noBasis.symbol(), noBasis.perp(),
                cut, noBasis.funding(), noBasis.path()));

        UniverseSpec spec = UniverseSpec.defaults();
        UniverseSelection s = Universe.select(List.of(good, thin, young, late, ended, holes, basisHole), t, spec);
        assertEquals(List.of(Symbol.of("GOODUSDT")), s.symbols());
        Map<Symbol, Exclusion> x = byReason(s);
        assertEquals(ExclusionReason.LOW_VOLUME, x.get(Symbol.of("THINUSDT")).reason());
        assertTrue(x.get(Symbol.of("THINUSDT")).detail().startsWith("median daily quote volume 2."),
                x.get(Symbol.of("THINUSDT")).detail());
        assertEquals(ExclusionReason.SHORT_HISTORY, x.get(Symbol.of("YOUNGUSDT")).reason());
        // listed 190 days before t: 570 cycles of 8 h ended by t, each with basis observations, fewer than 720
        assertEquals("history 570 cycles < 720", x.get(Symbol.of("YOUNGUSDT")).detail());
        assertEquals(ExclusionReason.NOT_LISTED, x.get(Symbol.of("LATEUSDT")).reason());
        assertEquals(ExclusionReason.STALE, x.get(Symbol.of("ENDEDUSDT")).reason());
        assertEquals(ExclusionReason.FUNDING_COVERAGE, x.get(Symbol.of("GAPUSDT")).reason());
        // 8 of 30 days without settlements: 66 of 90 present
        assertTrue(x.get(Symbol.of("GAPUSDT")).detail().startsWith("funding coverage 0.733"),
                x.get(Symbol.of("GAPUSDT")).detail());
        assertEquals(ExclusionReason.BASIS_COVERAGE, x.get(Symbol.of("BASISUSDT")).reason());

        UniverseMember m = s.members().get(0);
        assertEquals(1.0, m.fundingCoverage(), 0.0);
        assertEquals(1.0, m.basisCoverage(), 0.0);
        assertTrue(m.spotQuoteVolume() > 1e7 && m.perpQuoteVolume() > 3 * 1e7, m.toString());

        SymbolMarket deep = PortfolioMarkets.market(PortfolioMarkets.recipe("DEEPUSDT", 1, 320))
                .withDepth(new long[] {t - 40 * DAY, t - DAY}, new double[] {5e6, 5e5});
        UniverseSelection depth = Universe.select(List.of(good, deep), t, spec.withMinDepthNotional(1e6));
        Map<Symbol, Exclusion> dx = byReason(depth);
        assertEquals(ExclusionReason.DEPTH_NOT_EVALUATED, dx.get(Symbol.of("GOODUSDT")).reason());
        assertEquals(ExclusionReason.LOW_DEPTH, dx.get(Symbol.of("DEEPUSDT")).reason());

        UniverseSelection ranked = Universe.select(List.of(thin, good), t,
                spec.withMinQuoteVolume(0).withMaxSymbols(1));
        assertEquals(List.of(Symbol.of("GOODUSDT")), ranked.symbols());
        assertEquals(ExclusionReason.RANK, byReason(ranked).get(Symbol.of("THINUSDT")).reason());
    }

    @Test
    void holes_areFound_andTheSleeveIsFlatThroughThem() {
        var recipe = PortfolioMarkets.recipe("HOLEUSDT", 9, 60);
        PortfolioMarkets.Raw raw = PortfolioMarkets.raw(recipe);
        long a = PortfolioMarkets.T0 + 20 * DAY;
        long b = PortfolioMarkets.T0 + 40 * DAY;
        FundingSeries missing = PortfolioMarkets.withoutSettlements(raw.funding(), a + 8 * H, a + 4 * DAY);
        BarSeries perp = PortfolioMarkets.withoutBars(raw.perp(), b, b + 2 * DAY);
        SymbolMarket m = PortfolioMarkets.market(new PortfolioMarkets.Raw(raw.symbol(), perp, raw.spot(), missing,
                raw.path()));
        assertEquals(3, m.holes().size(), m.holes().toString());
        // funding and klines start together: the first cycle has no basis at its start
        assertEquals(new CycleHole(HoleKind.NO_BASIS, 0, 1, PortfolioMarkets.T0, PortfolioMarkets.T0 + 8 * H),
                m.holes().get(0));
        CycleHole h0 = m.holes().get(1);
        assertEquals(HoleKind.MISSING_SETTLEMENTS, h0.kind());
        assertEquals(a, h0.startMs());
        assertEquals(a + 4 * DAY, h0.endMs());
        CycleHole h1 = m.holes().get(2);
        assertEquals(HoleKind.NO_BASIS, h1.kind());
        assertEquals(6, h1.cycles(), "48 h without perp bars: six 8 h cycles without a basis observation");
        PortfolioSpec spec = new PortfolioSpec(Duration.ofDays(5), Duration.ofDays(7),
                UniverseSpec.permissive(), new AllocationSpec(AllocationMethod.EQUAL, 1, 1, 3),
                new io.thermocarry.core.strategy.NaiveStrategy(0.5, 100), 1.0, Long.MIN_VALUE);
        PortfolioResult p = PortfolioEngine.run(PortfolioPlan.build(List.of(m), spec),
                io.thermocarry.core.backtest.FeeTier.BPS_8);
        SleeveResult s = p.sleeves().get(0);
        for (CycleHole h : m.holes()) {
            for (int k = h.firstCycle(); k < h.firstCycle() + h.cycles(); k++) {
                assertEquals(io.thermocarry.core.strategy.Side.FLAT, s.side(k - s.firstCycle()), "cycle " + k);
            }
        }
        assertEquals(2, s.trades().stream()
                .filter(tr -> tr.exitReason() == io.thermocarry.core.strategy.ExitReason.DATA_HOLE).count());
        // the first fold starts at the first settlement, when no cycle has ended: not listed yet, so cycle 0 is an
        // exclusion, not a hole the sleeve met
        assertEquals(ExclusionReason.NOT_LISTED, p.plan().folds().get(0).selection().exclusions().get(0).reason());
        assertEquals(1 + 6, s.diagnostics().holeCycles());
    }

    /** Changing anything that becomes available after T (bars closing after T, settlements after T) changes
     * neither the selection at T nor the folds decided at or before T. */
    @Property(tries = 30)
    void selectionAtT_isUnchanged_whenTheFutureIsPerturbed(@ForAll long seed,
            @ForAll @IntRange(min = 40, max = 200) int tDay) {
        Random rnd = new Random(seed);
        List<PortfolioMarkets.Raw> raws = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            raws.add(PortfolioMarkets.raw(PortfolioMarkets.recipe("CAU" + (char) ('A' + i) + "USDT", seed + i, 150 + 40 * i)
                    .withStart(PortfolioMarkets.T0 + rnd.nextInt(30) * DAY)
                    .withVolume(rnd.nextBoolean() ? 2e6 : 2e5)));
        }
        long t = PortfolioMarkets.T0 + tDay * DAY + rnd.nextInt(24) * H;
        List<SymbolMarket> original = raws.stream().map(PortfolioMarkets::market).toList();
        List<SymbolMarket> perturbed = raws.stream().map(r -> PortfolioMarkets.market(perturbAfter(r, t, rnd))).toList();
        UniverseSpec spec = new UniverseSpec(60 + rnd.nextInt(200), Duration.ofDays(10 + rnd.nextInt(20)),
                Duration.ofDays(1), 0.9, 0.9, 1e6 * rnd.nextInt(30), Double.NaN, rnd.nextInt(3));
        assertEquals(Universe.select(original, t, spec), Universe.select(perturbed, t, spec));

        PortfolioSpec ps = new PortfolioSpec(Duration.ofDays(15), Duration.ofDays(5), spec,
                new AllocationSpec(AllocationMethod.values()[rnd.nextInt(3)], 0.6, 1.0, 2.0),
                io.thermocarry.core.strategy.PhysicsStrategy.defaults(), 1.0, Long.MIN_VALUE);
        List<PortfolioFold> a = PortfolioPlan.build(original, ps).folds();
        List<PortfolioFold> b = PortfolioPlan.build(perturbed, ps).folds();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (a.get(i).startMs() > t) {
                break;
            }
            assertEquals(a.get(i).selection(), b.get(i).selection(), "fold " + i);
            assertEquals(a.get(i).fits(), b.get(i).fits(), "fold " + i);
        }
    }

    /** Bars that close after t get new closes and volumes, settlements after t new rates; some are dropped. */
    private static PortfolioMarkets.Raw perturbAfter(PortfolioMarkets.Raw r, long t, Random rnd) {
        return new PortfolioMarkets.Raw(r.symbol(), perturb(r.perp(), t, rnd), perturb(r.spot(), t, rnd),
                perturb(r.funding(), t, rnd), r.path());
    }

    private static BarSeries perturb(BarSeries b, long t, Random rnd) {
        int n = b.size();
        long[] time = b.openTimes().clone();
        double[] c = b.closes().clone();
        double[] v = b.volumes().clone();
        for (int i = 0; i < n; i++) {
            if (time[i] + H > t) {
                c[i] *= 1 + rnd.nextGaussian() * 0.01;
                v[i] *= 10 * rnd.nextDouble();
            }
        }
        BarSeries changed = new BarSeries(b.symbol(), b.market(), b.interval(), time, c.clone(), c.clone(), c.clone(), c,
                v);
        long from = t + rnd.nextInt(100) * H;
        return PortfolioMarkets.withoutBars(changed, from, from + rnd.nextInt(200) * H);
    }

    private static FundingSeries perturb(FundingSeries f, long t, Random rnd) {
        int n = f.size();
        double[] r = f.rates().clone();
        for (int i = 0; i < n; i++) {
            if (f.timeMs(i) > t) {
                r[i] = rnd.nextGaussian() * 1e-3;
            }
        }
        FundingSeries changed = new FundingSeries(f.symbol(), f.times(), r, f.intervals(), f.markPrices());
        long from = t + 1 + rnd.nextInt(100) * H;
        return PortfolioMarkets.withoutSettlements(changed, from, from + rnd.nextInt(300) * H);
    }

    @Test
    void withoutOverlap_isAStaticExclusion() {
        assertNull(Universe.withoutOverlap(PortfolioMarkets.market(PortfolioMarkets.recipe("OKUSDT", 1, 30))));
    }
}
