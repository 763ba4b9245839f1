package io.thermocarry.core.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.series.ResampledBars;
import io.thermocarry.core.series.Resampler;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.Sides;
import io.thermocarry.core.strategy.SignalPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The intraday layer on the real Binance data of {@code ../shared/data/binance} (SOURCES.md, "Added
 * 2026-11-25"): BTC spot+perp 1 m (2025-05-20 → 06-24), BTC 5 m (2024-03 → 2026-02), SOL 5 m (2023-11 → 2026-02),
 * with the 1 h bars and 8 h funding.
 */
class RealIntradayDataTest {
    private static final long HOUR = 3_600_000L;
    private static final Instant ONE_MINUTE_FROM = Instant.parse("2025-05-20T00:00:00Z");
    private static final Instant ONE_MINUTE_TO = Instant.parse("2025-06-24T00:00:00Z");

    /** Resampled vs exchange bars: hours compared, and the hours (UTC) that differ with the fields that differ. */
    private record Comparison(int compared, int incompleteSkipped, List<String> differing) {
    }

    private static Comparison compare(BarSeries fine, BarSeries coarse) {
        ResampledBars r = Resampler.resample(fine, coarse.interval());
        BarSeries b = r.bars();
        int compared = 0;
        int skipped = 0;
        List<String> diff = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < b.size(); i++) {
            long t = b.openTimeMs(i);
            while (j < coarse.size() && coarse.openTimeMs(j) < t) {
                j++;
            }
            if (j == coarse.size() || coarse.openTimeMs(j) != t) {
                continue;
            }
            if (!r.complete(i)) {
                skipped++;
                continue;
            }
            compared++;
            StringBuilder f = new StringBuilder();
            if (b.open(i) != coarse.open(j)) {
                f.append("o");
            }
            if (b.high(i) != coarse.high(j)) {
                f.append("h");
            }
            if (b.low(i) != coarse.low(j)) {
                f.append("l");
            }
            if (b.close(i) != coarse.close(j)) {
                f.append("c");
            }
            if (Math.abs(b.volume(i) - coarse.volume(j)) > 1e-9 * Math.max(1, coarse.volume(j))) {
                f.append("v");
            }
            if (f.length() > 0) {
                diff.add(Instant.ofEpochMilli(t).toString().substring(0, 16) + " " + f);
            }
        }
        return new Comparison(compared, skipped, diff);
    }

    /**
     * Every hour (and 5 m / 15 m bar) rebuilt from finer real bars equals the exchange's own bar, except the
     * listed ones. Those are differences between the sources, found by an independent script too: the futures
     * volume of a few hours (2023-11-14, 2024-03-27/28, 2025-01-14, 2025-01-29) and the 2024-10-28 20:00–21:59
     * futures stretch, where the 5 m source holds flat zero-volume bars and the 1 h source real trading; one BTC
     * low (2025-01-14 15:00, 96 139.2 in the hourly source, 96 249.0 in the 5 m). Spot and all 1 m data agree
     * everywhere.
     */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
        "BTCUSDT;PERP;5m;1h;17297;2024-03-27T12:00 v,2024-03-28T10:00 v,2024-03-28T11:00 v,2024-03-28T12:00 v,"
                + "2024-10-28T20:00 ohlcv,2024-10-28T21:00 ohlcv,2025-01-14T13:00 v,2025-01-14T15:00 lv,"
                + "2025-01-29T01:00 v,2025-01-29T02:00 v",
        "BTCUSDT;SPOT;5m;1h;18034;",
        "SOLUSDT;PERP;5m;1h;22254;2023-11-14T11:00 v,2024-03-27T12:00 v,2024-03-28T10:00 v,2024-03-28T11:00 v,"
                + "2024-10-28T20:00 ohlcv,2024-10-28T21:00 ohlcv,2025-01-14T13:00 v,2025-01-14T15:00 v,"
                + "2025-01-29T01:00 v,2025-01-29T02:00 v",
        "SOLUSDT;SPOT;5m;1h;20938;",
        "BTCUSDT;PERP;1m;1h;1396;",
        "BTCUSDT;SPOT;1m;1h;1320;",
        "SOLUSDT;PERP;1m;1h;1218;",
        "BTCUSDT;PERP;1m;5m;16770;",
        "BTCUSDT;SPOT;1m;5m;15840;",
        "BTCUSDT;PERP;5m;15m;69188;2024-10-28T16:30 o,2024-10-28T21:00 ol,2025-01-29T01:30 ohv,2025-08-29T06:30 o",
        "SOLUSDT;PERP;5m;15m;81642;2024-10-28T16:30 o,2024-10-28T21:00 ol,2025-01-29T01:30 ov"})
    void resampledBars_equalTheExchangesBars_whereBothExist(String symbol, Market market, String fine, String coarse,
            int expectedCompared, String expectedDiffering) {
        Comparison c = compare(RealData.bars(symbol, market, BarInterval.parse(fine)),
                RealData.bars(symbol, market, BarInterval.parse(coarse)));
        Set<String> expected = new TreeSet<>();
        if (expectedDiffering != null) {
            expected.addAll(List.of(expectedDiffering.split(",")));
        }
        assertEquals(expectedCompared, c.compared(), "complete bars present in both sources");
        assertEquals(expected, new TreeSet<>(c.differing()), "bars that differ (time, fields)");
    }

    private static SignalPath signals(FundingCycles c, BasisSeries hourly) {
        return SignalPath.of(SignalRunner.run(c, hourly, SignalSpec.defaults(), RegimeSpec.defaults(), RegimeConfig.FULL,
                Compat.CAUSAL), c.size());
    }

    /**
     * The desk's first version never passes its relaxation gate on these two years ({@code r < 1.05}: the causal
     * r of BTC averages about 4.4 here): the equivalence is also run with that gate open and both sides, so that
     * it is proven on many trades.
     */
    private static final DeskStrategy GATE_OPEN = new DeskStrategy(0.5, 1e9, -0.5, 21, 0.01, 2, Sides.BOTH);

    /**
     * The settlement-only child on 5 m bars equals the hourly engine on the 1 h bars resampled from the same 5 m
     * bars, to 1e-12, with the causal signals computed from that hourly data (two years, 360-cycle warm-up).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"BTCUSDT,desk", "SOLUSDT,desk", "BTCUSDT,gate-open", "SOLUSDT,gate-open"})
    void settlementOnlyChild_onFiveMinuteBars_equalsTheHourlyEngine_onTheirResample(String symbol, String rules) {
        BarSeries perp = RealData.bars(symbol, Market.PERP, BarInterval.M5);
        BarSeries spot = RealData.bars(symbol, Market.SPOT, BarInterval.M5);
        // the spot/perp overlap of SOURCES.md: 2024-03-01 (BTC) / 2023-11-01 (SOL) → 2026-02-19 16:55
        long to = Instant.parse("2026-02-19T17:00:00Z").toEpochMilli();
        perp = perp.slice(Long.MIN_VALUE, to);
        spot = spot.slice(Long.MIN_VALUE, to);
        BasisSeries hourly = BasisSeries.of(Resampler.resample(perp, BarInterval.H1).bars(),
                Resampler.resample(spot, BarInterval.H1).bars(), null, null);
        FundingCycles c = CycleBuilder.build(RealData.funding(symbol).slice(perp.openTimeMs(0), to), hourly, null);
        SignalPath s = signals(c, hourly);
        IntradayState state = IntradayState.build(perp, spot, null, null, Duration.ofHours(24));
        ExecutionWindow w = ExecutionWindow.covered(c, s, state, 0);
        assertTrue(w.evaluationCycles() > 2000, "cycles: " + w.evaluationCycles());
        DeskStrategy desk = rules.equals("desk") ? DeskStrategy.defaults() : GATE_OPEN;
        ExecutionSpec spec = new ExecutionSpec(Child.SETTLEMENT, ExecutionRules.defaults().withDesk(desk),
                FeeTier.BPS_8, ExecutionModel.CYCLE_MODEL);
        ExecutionRequest req = ExecutionRequest.of(w, state, null, spec);
        int trades = 0;
        for (FeeTier tier : FeeTier.STANDARD) {
            BacktestResult cycle = BacktestEngine.run(ExecutionEngine.cycleEngineRequest(req.withFee(tier)));
            ExecutionResult exec = ExecutionEngine.run(req.withFee(tier));
            Intraday.assertSame(cycle, exec, 1e-12, symbol + " " + tier);
            trades = exec.trades().size();
        }
        if (desk == GATE_OPEN) {
            assertTrue(trades > 50, symbol + " trades: " + trades);
        }
    }

    /**
     * On the 35 days of BTC 1 m spot and perp, the cycles from the 1 h resample equal those from the exchange's
     * 1 h bars (same basis at every settlement), and the settlement-only child equals the hourly engine to 1e-12 —
     * with a signal path whose gates always pass, since 35 days are shorter than the 120-day signal warm-up, and
     * both sides (the basis is below zero at every settlement of the window: only long-basis entries on the 16
     * negative funding rates).
     */
    @ParameterizedTest(name = "{0} bps")
    @CsvSource({"8", "16", "25"})
    void settlementOnlyChild_onOneMinuteBars_equalsTheHourlyEngine(double bps) {
        long from = ONE_MINUTE_FROM.toEpochMilli();
        long to = ONE_MINUTE_TO.toEpochMilli();
        BarSeries perp = RealData.bars("BTCUSDT", Market.PERP, BarInterval.M1).slice(from, to);
        BarSeries spot = RealData.bars("BTCUSDT", Market.SPOT, BarInterval.M1).slice(from, to);
        assertEquals(35 * 1440, perp.size());
        assertEquals(35 * 1440, spot.size());
        BasisSeries resampled = BasisSeries.of(Resampler.resample(perp, BarInterval.H1).bars(),
                Resampler.resample(spot, BarInterval.H1).bars(), null, null);
        BasisSeries exchange = BasisSeries.of(RealData.bars("BTCUSDT", Market.PERP, BarInterval.H1).slice(from, to),
                RealData.bars("BTCUSDT", Market.SPOT, BarInterval.H1).slice(from, to), null, null);
        var funding = RealData.funding("BTCUSDT").slice(from, to + 1);
        FundingCycles c = CycleBuilder.build(funding, resampled, null);
        FundingCycles x = CycleBuilder.build(funding, exchange, null);
        assertEquals(105, c.size());
        for (int k = 0; k < c.size(); k++) {
            assertEquals(x.basisStart(k), c.basisStart(k), 0.0, "b_start " + k);
            assertEquals(x.basisEnd(k), c.basisEnd(k), 0.0, "b_end " + k);
        }
        IntradayState state = IntradayState.build(perp, spot, null, null, Duration.ofHours(24));
        ExecutionWindow w = ExecutionWindow.covered(c, Intraday.open(c.size()), state, 0);
        ExecutionSpec spec = new ExecutionSpec(Child.SETTLEMENT, ExecutionRules.defaults().withDesk(GATE_OPEN),
                FeeTier.ofBps(bps), ExecutionModel.CYCLE_MODEL);
        ExecutionRequest req = ExecutionRequest.of(w, state, null, spec);
        BacktestResult cycle = BacktestEngine.run(ExecutionEngine.cycleEngineRequest(req));
        ExecutionResult exec = ExecutionEngine.run(req);
        Intraday.assertSame(cycle, exec, 1e-12, "BTC 1m " + bps);
        assertTrue(exec.trades().size() >= 5, "trades: " + exec.trades().size());
    }

    /** SOURCES.md: the SOL spot–perp basis reaches −17.5 % at the 5 m close of 2025-10-10 21:20 (bar 21:15). */
    @org.junit.jupiter.api.Test
    void solCrashOf20251010_isInTheFiveMinuteState() {
        BarSeries perp = RealData.bars("SOLUSDT", Market.PERP, BarInterval.M5);
        BarSeries spot = RealData.bars("SOLUSDT", Market.SPOT, BarInterval.M5);
        long from = Instant.parse("2025-10-09T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2025-10-12T00:00:00Z").toEpochMilli();
        IntradayState s = IntradayState.build(perp.slice(from, to), spot.slice(from, to), null, null, Duration.ofHours(24));
        int worst = 0;
        for (int i = 1; i < s.size(); i++) {
            if (s.basisPct(i) < s.basisPct(worst)) {
                worst = i;
            }
        }
        assertEquals(Instant.parse("2025-10-10T21:20:00Z").toEpochMilli(), s.closeMs(worst));
        assertEquals(-17.51, s.basisPct(worst), 0.005);
        assertEquals(-17.05, (s.perpOpen(worst + 1) / s.spotOpen(worst + 1) - 1) * 100, 0.005,
                "the next open, where a 5 m child's order fills, is still dislocated");
        assertTrue(Math.abs(s.medianPct(worst)) < 0.1, "the 24 h median barely moves: " + s.medianPct(worst));
    }
}
