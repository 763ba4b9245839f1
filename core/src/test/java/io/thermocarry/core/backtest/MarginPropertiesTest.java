package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.margin.BracketTable;
import io.thermocarry.core.margin.MaintenanceBracket;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.StrategySpec;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the margin path (issue 15) on seeded random markets. */
class MarginPropertiesTest {
    /** Random-walk hourly bars covering the cycles, with occasional jumps; spot follows the perp closely. */
    static MarginBars randomBars(Random rnd, FundingCycles c, double volPerHour) {
        long t0 = c.startMs(0);
        int n = (int) ((c.endMs(c.size() - 1) - t0) / Markets.H);
        long[] t = new long[n];
        long[] tc = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] cl = new double[n];
        double[] so = new double[n];
        double[] sc = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            t[i] = t0 + i * Markets.H;
            tc[i] = t[i] + Markets.H;
            o[i] = p;
            double jump = rnd.nextInt(40) == 0 ? rnd.nextGaussian() * 0.15 : 0;
            double next = p * Math.exp(rnd.nextGaussian() * volPerHour + jump);
            cl[i] = next;
            h[i] = Math.max(p, next) * (1 + Math.abs(rnd.nextGaussian()) * volPerHour);
            l[i] = Math.min(p, next) * (1 - Math.abs(rnd.nextGaussian()) * volPerHour);
            so[i] = p * (1 + rnd.nextGaussian() * 1e-4);
            sc[i] = next * (1 + rnd.nextGaussian() * 1e-4);
            p = next;
        }
        return new MarginBars(t, tc, o, h, l, cl, so, sc, 0);
    }

    static MarginSpec spec(double leverage, double share, BracketTable table) {
        return new MarginSpec(leverage, share, Duration.ofHours(1), 0.5, 0.0125, 1_000_000, table);
    }

    /**
     * A short perp with the whole capital in the futures wallet at 1x, through one cycle whose price rises by
     * less than 100 % (funding received, no fees): never liquidated when maintenance is zero (the balance {@code E − N·rise} stays positive),
     * and with Binance's BTC brackets never below {@code (2 + cum/N)/(1 + r) − 1} = 98.80 % (1 M USDT: bracket 3
     * at the liquidation notional, 0.65 %, cum 950).
     */
    @Property(tries = 200)
    void oneTimes_fullShare_shortPerp_isNeverLiquidated_byARiseBelow100Percent(@ForAll long seed,
            @ForAll @DoubleRange(min = 0.0, max = 0.9999) @Scale(4) double rise, @ForAll @IntRange(min = 1, max = 48) int hours) {
        Random rnd = new Random(seed);
        FundingCycles c = Markets.cycles(new double[] {Math.abs(rnd.nextGaussian()) * 1e-4}, new double[] {0, 0}, null,
                new double[] {hours});
        int n = hours;
        long[] t = new long[n];
        long[] tc = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] cl = new double[n];
        int peak = rnd.nextInt(n);
        for (int i = 0; i < n; i++) {
            t[i] = Markets.T0 + i * Markets.H;
            tc[i] = t[i] + Markets.H;
            o[i] = 100;
            // any path below the peak, the peak bar's high at 100·(1 + rise)
            h[i] = i == peak ? 100 * (1 + rise) : 100 * (1 + rise * rnd.nextDouble());
            l[i] = 100 * (1 - 0.5 * rnd.nextDouble());
            cl[i] = l[i] + (h[i] - l[i]) * rnd.nextDouble();
        }
        MarginBars b = new MarginBars(t, tc, o, h, l, cl, o.clone(), cl.clone(), 0);
        BacktestRequest req = BacktestRequest.of(c, SignalPath.none(1), ScheduleStrategy.constant(Side.SHORT_BASIS,
                1.0, 1), FeeTier.ZERO, Compat.CAUSAL);
        BracketTable zero = BracketTable.of("ZERO", List.of(new MaintenanceBracket(1, 125, 0, 1e12, 0.0, 0)));
        MarginBacktest free = BacktestEngine.run(req, new MarginInputs(spec(1, 1, zero).withTransferAt(0), b));
        assertEquals(0, free.margin().liquidationCount(), "rise " + rise);
        if (rise < 0.988) {
            MarginBacktest btc = BacktestEngine.run(req, new MarginInputs(spec(1, 1, BracketTable.BTCUSDT), b));
            assertEquals(0, btc.margin().liquidationCount(), "rise " + rise);
        }
    }

    /** A larger futures share never liquidates more often, for any strategy, leverage and market. */
    @Property(tries = 80)
    void moreFuturesShare_neverIncreasesLiquidations(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 60) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        MarginBars b = randomBars(rnd, c, 0.01 + 0.03 * rnd.nextDouble());
        double leverage = new double[] {1, 2, 3, 5, 10, 20}[rnd.nextInt(6)];
        BracketTable table = rnd.nextBoolean() ? BracketTable.BTCUSDT : BracketTable.GENERIC;
        for (StrategySpec spec : RandomMarkets.strategies(rnd, n)) {
            BacktestRequest req = new BacktestRequest(c, s, spec, FeeTier.BPS_16, Compat.CAUSAL, 1.0, 0);
            int previous = Integer.MAX_VALUE;
            for (double share : new double[] {0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0}) {
                MarginBacktest r = BacktestEngine.run(req, new MarginInputs(spec(leverage, share, table), b));
                int count = r.margin().liquidationCount();
                assertTrue(count <= previous, spec.name() + " L=" + leverage + " share " + share + ": " + count
                        + " > " + previous);
                previous = count;
            }
        }
    }

    /**
     * The per-cycle shortcut (a cycle checked at its extremes) gives exactly the bar-by-bar walk: ledger, trades,
     * liquidations, transfers, minimum margin ratio and its bar.
     */
    @Property(tries = 80)
    void cycleShortcut_equalsWalkingEveryBar(@ForAll long seed, @ForAll @IntRange(min = 3, max = 60) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        MarginBars b = randomBars(rnd, c, 0.005 + 0.03 * rnd.nextDouble());
        double leverage = new double[] {1, 2, 3, 5, 10, 20}[rnd.nextInt(6)];
        BracketTable table = rnd.nextBoolean() ? BracketTable.BTCUSDT : BracketTable.GENERIC;
        MarginSpec spec = spec(leverage, rnd.nextDouble() * 0.5, table).withTransferDelay(
                Duration.ofMinutes(30L * rnd.nextInt(20))).withTransferAt(rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble());
        for (StrategySpec strategy : RandomMarkets.strategies(rnd, n)) {
            BacktestRequest req = new BacktestRequest(c, s, strategy, FeeTier.BPS_16, Compat.CAUSAL, 1.0, 0);
            MarginInputs in = new MarginInputs(spec, b);
            MarginBacktest fast = BacktestEngine.run(req, in);
            MarginBacktest walk = BacktestEngine.run(req, in.walkingEveryBar());
            assertEquals(walk.margin(), fast.margin(), strategy.name());
            assertArrayEquals(walk.result().ledger().equities(), fast.result().ledger().equities(), 0.0);
            assertEquals(walk.result().trades(), fast.result().trades());
        }
    }

    /** Leverage 0 (margin off) is the margin-free engine, bit for bit, for every strategy and rule set. */
    @Property(tries = 60)
    void leverageZero_equalsTheMarginFreeEngine_exactly(@ForAll long seed,
            @ForAll @IntRange(min = 3, max = 60) int n) {
        Random rnd = new Random(seed);
        FundingCycles c = RandomMarkets.market(rnd, n);
        SignalPath s = RandomMarkets.signals(rnd, n, rnd.nextInt(4));
        MarginBars b = randomBars(rnd, c, 0.05);
        for (StrategySpec spec : RandomMarkets.strategies(rnd, n)) {
            for (Compat compat : Compat.values()) {
                FeeTier tier = compat == Compat.REFERENCE ? FeeTier.REFERENCE : FeeTier.BPS_16;
                BacktestRequest req = new BacktestRequest(c, s, spec, tier, compat, 1.0, rnd.nextInt(3));
                BacktestResult free = BacktestEngine.run(req);
                MarginBacktest off = BacktestEngine.run(req, new MarginInputs(spec(0, rnd.nextDouble(),
                        BracketTable.BTCUSDT), b));
                assertNull(off.margin());
                Ledger a = free.ledger();
                Ledger z = off.result().ledger();
                assertArrayEquals(a.totals(), z.totals(), 0.0);
                assertArrayEquals(a.equities(), z.equities(), 0.0);
                assertArrayEquals(a.fees(), z.fees(), 0.0);
                assertArrayEquals(a.notionals(), z.notionals(), 0.0);
                assertEquals(free.trades(), off.result().trades());
                assertEquals(free.performance(), off.result().performance());
            }
        }
    }
}
