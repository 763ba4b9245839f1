package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.backtest.Markets;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Sharpe, Sortino, maximum drawdown and CVaR of backtests on random markets against brute-force recomputation
 * from the equity path alone (independent loops: drawdown over every pair of points, CVaR by sorting), for the
 * whole out-of-sample window and for every fold slice; and the stitching identity of the folds.
 */
class MetricsBruteForceTest {

    /** A random market (4 h or 8 h cycles), a random schedule of sides and sizes, at 16 bps from {@code first}. */
    private static BacktestResult randomBook(long seed, int n, int first) {
        Random r = new Random(seed);
        double[] rates = new double[n];
        double[] basis = new double[n + 1];
        double[] hours = new double[n];
        Side[] sides = new Side[n];
        double[] fractions = new double[n];
        for (int k = 0; k < n; k++) {
            rates[k] = 1e-4 + 4e-4 * r.nextGaussian();
            basis[k + 1] = 0.7 * basis[k] + 0.05 * r.nextGaussian();
            hours[k] = r.nextInt(4) == 0 ? 4 : 8;
            sides[k] = Side.values()[r.nextInt(3)];
            fractions[k] = 0.2 + 0.8 * r.nextDouble();
        }
        FundingCycles c = Markets.cycles(rates, basis, null, hours);
        return BacktestEngine.run(new BacktestRequest(c, SignalPath.none(n), new ScheduleStrategy(sides, fractions),
                FeeTier.BPS_16, Compat.CAUSAL, 1.0, first, FundingAccrual.RATE_AT_CYCLE_END));
    }

    /** Brute-force metrics of an equity path {@code e[0..m]} (e[0] the starting equity) over {@code years}. */
    private static void check(double[] e, double years, Performance p, String what) {
        int m = e.length - 1;
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = e[i + 1] / e[i] - 1;
        }
        double mean = Arrays.stream(r).average().orElse(Double.NaN);
        double ss = 0;
        double down = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
            down += Math.min(x, 0) * Math.min(x, 0);
        }
        double ann = Math.sqrt(m / years);
        close(m < 2 ? Double.NaN : mean / Math.sqrt(ss / (m - 1)) * ann, p.sharpe(), what + " Sharpe");
        close(m < 2 ? Double.NaN : mean / Math.sqrt(down / m) * ann, p.sortino(), what + " Sortino");
        double dd = 0;
        for (int i = 0; i <= m; i++) {
            for (int j = i + 1; j <= m; j++) {
                dd = Math.max(dd, (e[i] - e[j]) / e[i]);
            }
        }
        assertEquals(dd, p.maxDrawdown(), 1e-12, what + " max drawdown");
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        int worst = (int) Math.ceil(0.05 * m);
        double cvar = 0;
        for (int i = 0; i < worst; i++) {
            cvar += sorted[i] / worst;
        }
        assertEquals(cvar, p.cvar5(), 1e-12, what + " CVaR 5%");
        assertEquals(e[m] / e[0] - 1, p.totalReturn(), 1e-12, what + " total return");
    }

    /** Equal within 1e-9 relative; an undefined expectation (0/0, x/0) must be NaN. */
    private static void close(double expected, double actual, String what) {
        if (!Double.isFinite(expected)) {
            assertEquals(Double.NaN, actual, what);
        } else {
            assertEquals(expected, actual, 1e-9 * Math.abs(expected) + 1e-12, what);
        }
    }

    @Property(tries = 40)
    void metrics_ofTheWindowAndOfEveryFold_equalBruteForce(@ForAll @IntRange(min = 0, max = 10_000) int seed,
            @ForAll @IntRange(min = 20, max = 400) int n, @ForAll @IntRange(min = 1, max = 60) int test) {
        int first = n / 4;
        BacktestResult book = randomBook(seed, n, first);
        var l = book.ledger();
        double[] e = new double[n - first + 1];
        e[0] = 1.0;
        for (int k = first; k < n; k++) {
            e[k - first + 1] = l.equity(k);
        }
        double years = (l.endMs(n - 1) - l.startMs(first)) / (365.25 * 24 * 3_600_000.0);
        check(e, years, book.performance(), "window");
        assertEquals(book.performance().sharpe(), BlockBootstrap.sharpe(Slices.returns(book),
                Math.sqrt(book.performance().cyclesPerYear())), 1e-9 * Math.abs(book.performance().sharpe()),
                "the bootstrap's Sharpe is Performance's");

        double growth = 1.0;
        for (Fold f : new WalkForwardSpec(Math.max(1, first - 1), test).folds(1, n)) {
            if (f.testStart() < first) {
                continue;
            }
            Performance p = Slices.performance(book, f.testStart(), f.testEnd());
            double[] fe = Arrays.copyOfRange(e, f.testStart() - first, f.testEnd() - first + 1);
            double fy = (l.endMs(f.testEnd() - 1) - l.startMs(f.testStart())) / (365.25 * 24 * 3_600_000.0);
            check(fe, fy, p, "fold " + f.index());
            growth *= 1 + p.totalReturn();
        }
        assertEquals(1 + book.performance().totalReturn(), growth, 1e-9, "the folds compound to the whole window");
    }
}
