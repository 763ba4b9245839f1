package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.strategy.BuyHoldStrategy;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.ThresholdStrategy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference mode fed the reference code's own inputs reproduces its per-cycle outputs (golden files of
 * {@code ../shared/reference}, README there): physics ("V2") notional, funding, basis, fee and equity per cycle
 * to 1e−9 relative, the naive, threshold and buy-hold equity curves likewise, and the headline Sharpe ratios.
 * The signal path is built from the file's own regime columns, so this isolates the engine. Starting capital
 * 10,000 as the reference. Each golden file is read once per class.
 */
class ReferenceGoldenTest {
    private static final double CAPITAL = 10_000.0;
    private static final double REL = 1e-9;
    private static final Map<String, ReferenceGolden> GOLDEN = new HashMap<>();

    private static synchronized ReferenceGolden golden(String symbol) {
        return GOLDEN.computeIfAbsent(symbol, ReferenceGolden::load);
    }

    private static BacktestResult runReference(ReferenceGolden g, StrategySpec spec, int firstCycle) {
        return BacktestEngine.run(new BacktestRequest(g.cycles(), g.signals(), spec, FeeTier.REFERENCE,
                Compat.REFERENCE, CAPITAL, firstCycle));
    }

    /** Max relative error over rows [from, n); asserts each row within REL (absolute 1e−12·capital floor). */
    private static double assertColumn(String what, double[] expected, double[] actual, int from) {
        double worst = 0;
        for (int k = from; k < expected.length; k++) {
            int row = k;
            double e = expected[k];
            double a = actual[k];
            double err = Math.abs(a - e);
            assertTrue(err <= REL * Math.abs(e) + 1e-12 * CAPITAL,
                    () -> what + " differs at row " + row + ": expected " + e + " got " + a);
            if (e != 0) {
                worst = Math.max(worst, err / Math.abs(e));
            }
        }
        return worst;
    }

    /** The reference's Sharpe recomputed straight from a golden equity column (independent of the engine). */
    private static double goldenSharpe(double[] eq, int from) {
        int m = eq.length - from - 1;
        double[] r = new double[m];
        double s = 0;
        for (int i = 0; i < m; i++) {
            r[i] = (eq[from + i + 1] - eq[from + i]) / Math.max(eq[from + i], 1e-12);
            s += r[i];
        }
        double mu = s / m;
        double v = 0;
        for (double x : r) {
            v += (x - mu) * (x - mu);
        }
        return mu / Math.sqrt(v / m) * Math.sqrt(1095);
    }

    @ParameterizedTest
    @CsvSource({"BTCUSDT, 5.869", "ETHUSDT, 5.049", "SOLUSDT, 1.781"})
    void physics_referenceMode_reproducesV2PerCycleAndSharpe(String symbol, double readmeSharpe) {
        ReferenceGolden g = golden(symbol);
        int first = g.firstDefined("v2_equity");
        BacktestResult r = runReference(g, PhysicsStrategy.defaults(), first);
        Ledger l = r.ledger();
        double eN = assertColumn("notional", g.col("v2_notional"), l.notionals(), first);
        double eF = assertColumn("funding", g.col("v2_funding_pnl"), l.fundings(), first);
        double eB = assertColumn("basis", g.col("v2_basis_pnl"), l.bases(), first);
        double eFee = assertColumn("fee", g.col("v2_fee"), l.fees(), first);
        double eE = assertColumn("equity", g.col("v2_equity"), l.equities(), first);
        double golden = goldenSharpe(g.col("v2_equity"), first);
        double ours = r.performance().referenceSharpe();
        assertEquals(golden, ours, 1e-6, "Sharpe vs golden equity");
        assertEquals(readmeSharpe, ours, 0.0005 + 1e-12, "Sharpe vs README (3 decimals)");
        System.out.printf("golden %s physics: max rel err notional %.2e funding %.2e basis %.2e fee %.2e "
                + "equity %.2e; Sharpe %.9f (golden %.9f, README %.3f)%n", symbol, eN, eF, eB, eFee, eE, ours,
                golden, readmeSharpe);
    }

    @ParameterizedTest
    @CsvSource({"BTCUSDT, 4.684", "ETHUSDT, 4.494", "SOLUSDT, 0.355"})
    void naive_referenceMode_reproducesEquityAndSharpe(String symbol, double readmeSharpe) {
        ReferenceGolden g = golden(symbol);
        int first = g.firstDefined("naive_equity");
        BacktestResult r = runReference(g, NaiveStrategy.defaults(), first);
        double eE = assertColumn("naive equity", g.col("naive_equity"), r.ledger().equities(), first);
        double golden = goldenSharpe(g.col("naive_equity"), first);
        double ours = r.performance().referenceSharpe();
        assertEquals(golden, ours, 1e-6, "Sharpe vs golden equity");
        assertEquals(readmeSharpe, ours, 0.0005 + 1e-12, "Sharpe vs README (3 decimals)");
        System.out.printf("golden %s naive: max rel err equity %.2e; Sharpe %.9f (golden %.9f, README %.3f)%n",
                symbol, eE, ours, golden, readmeSharpe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", "ETHUSDT", "SOLUSDT"})
    void threshold_referenceMode_reproducesEquity(String symbol) {
        ReferenceGolden g = golden(symbol);
        int first = g.firstDefined("threshold_equity");
        BacktestResult r = runReference(g, ThresholdStrategy.defaults(), first);
        double eE = assertColumn("threshold equity", g.col("threshold_equity"), r.ledger().equities(), first);
        double golden = goldenSharpe(g.col("threshold_equity"), first);
        assertEquals(golden, r.performance().referenceSharpe(), 1e-6, "Sharpe vs golden equity");
        System.out.printf("golden %s threshold: max rel err equity %.2e; Sharpe %.9f (golden %.9f), trades %d%n",
                symbol, eE, r.performance().referenceSharpe(), golden, r.trades().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", "ETHUSDT", "SOLUSDT"})
    void buyHold_referenceMode_reproducesEquity(String symbol) {
        ReferenceGolden g = golden(symbol);
        int first = g.firstDefined("buyhold_equity");
        BacktestResult r = runReference(g, BuyHoldStrategy.defaults(), first);
        double eE = assertColumn("buy-hold equity", g.col("buyhold_equity"), r.ledger().equities(), first);
        double golden = goldenSharpe(g.col("buyhold_equity"), first);
        assertEquals(golden, r.performance().referenceSharpe(), 1e-6, "Sharpe vs golden equity");
        System.out.printf("golden %s buy-hold: max rel err equity %.2e; Sharpe %.9f (golden %.9f)%n", symbol, eE,
                r.performance().referenceSharpe(), golden);
    }
}
