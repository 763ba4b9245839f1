package io.thermocarry.core.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.physics.SyntheticIntradayOuMarket;
import io.thermocarry.core.physics.SyntheticIntradaySpec;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.SignalPath;
import java.util.List;
import java.util.Random;

/** Test fixtures: small synthetic intraday markets, random signal paths, and field-by-field comparisons. */
final class Intraday {
    private Intraday() {
    }

    /**
     * A small realistic-ish OU market: κ 0.2/h, σ 0.05 %/√h (basis std ≈ 8 bp), funding ~1 bp ± 1.5 bp per
     * interval, continuous path.
     */
    static SyntheticIntradayMarket market(long seed, int cycles, int hoursPerCycle, BarInterval res, double spreadBps) {
        SyntheticSpec ou = new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, 0.2, 0.05, 1e-4, 1.5e-4, cycles,
                hoursPerCycle, CycleStart.CONTINUOUS, seed, SyntheticSpec.DEFAULT_START, 30_000.0, 0.004, List.of());
        return SyntheticIntradayOuMarket.simulate(new SyntheticIntradaySpec(ou, res, spreadBps));
    }

    /**
     * A random signal path whose gates pass about half of the time: regimes mostly EQUILIBRIUM or WARM (some
     * NESS, some undefined), relaxation ratio around 1, thresholds below/above the values at random.
     */
    static SignalPath signals(Random rnd, int n) {
        Regime[] reg = new Regime[n];
        double[] e = new double[n];
        double[] r = new double[n];
        double[] z = new double[n];
        double[] ent = new double[n];
        double[] je = new double[n];
        double[] entEq = new double[n];
        double[] jeD = new double[n];
        for (int k = 0; k < n; k++) {
            double u = rnd.nextDouble();
            reg[k] = u < 0.05 ? null : u < 0.15 ? Regime.NESS : u < 0.6 ? Regime.EQUILIBRIUM : Regime.WARM;
            e[k] = reg[k] == null ? Double.NaN : reg[k].exposure();
            r[k] = 0.8 + 0.4 * rnd.nextDouble();
            z[k] = rnd.nextGaussian();
            ent[k] = rnd.nextGaussian();
            je[k] = rnd.nextDouble();
            entEq[k] = ent[k] - 0.5 + rnd.nextDouble() * 0.6;
            jeD[k] = je[k] - 0.2 + rnd.nextDouble();
        }
        return new SignalPath(reg, e, r, z, ent, je, entEq, jeD);
    }

    /** A path on which the desk's gates always pass, in EQUILIBRIUM (exposure 1). */
    static SignalPath open(int n) {
        Regime[] reg = new Regime[n];
        double[] e = new double[n];
        double[] r = new double[n];
        double[] z = new double[n];
        double[] ent = new double[n];
        double[] je = new double[n];
        double[] entEq = new double[n];
        double[] jeD = new double[n];
        for (int k = 0; k < n; k++) {
            reg[k] = Regime.EQUILIBRIUM;
            e[k] = 1.0;
            r[k] = 0.9;
            z[k] = 0.0;
            ent[k] = 1.0;
            je[k] = 0.1;
            entEq[k] = 0.5;
            jeD[k] = 0.5;
        }
        return new SignalPath(reg, e, r, z, ent, je, entEq, jeD);
    }

    /** Asserts the two results equal to {@code tol}: every ledger column, every trade, the metrics. */
    static void assertSame(BacktestResult cycle, ExecutionResult exec, double tol, String what) {
        Ledger a = cycle.ledger();
        Ledger b = exec.ledger();
        assertEquals(a.size(), b.size(), what + " rows");
        assertEquals(a.firstCycle(), b.firstCycle(), what);
        for (int k = 0; k < a.size(); k++) {
            String row = what + " row " + k;
            assertEquals(a.side(k), b.side(k), row + " side");
            assertEquals(a.notional(k), b.notional(k), tol, row + " notional");
            assertEquals(a.traded(k), b.traded(k), tol, row + " traded");
            assertEquals(a.funding(k), b.funding(k), tol, row + " funding");
            assertEquals(a.basis(k), b.basis(k), tol, row + " basis");
            assertEquals(a.fee(k), b.fee(k), tol, row + " fee");
            assertEquals(a.total(k), b.total(k), tol, row + " total");
            assertEquals(a.equity(k), b.equity(k), tol, row + " equity");
            assertEquals(a.regime(k), b.regime(k), row + " regime");
        }
        List<Trade> ta = cycle.trades();
        List<Trade> tb = exec.trades();
        assertEquals(ta.size(), tb.size(), what + " trades");
        for (int i = 0; i < ta.size(); i++) {
            Trade x = ta.get(i);
            Trade y = tb.get(i);
            String t = what + " trade " + i;
            assertEquals(x.entryTime(), y.entryTime(), t);
            assertEquals(x.exitTime(), y.exitTime(), t);
            assertEquals(x.entryCycle(), y.entryCycle(), t);
            assertEquals(x.exitCycle(), y.exitCycle(), t);
            assertEquals(x.side(), y.side(), t);
            assertEquals(x.entryNotional(), y.entryNotional(), tol, t);
            assertEquals(x.averageNotional(), y.averageNotional(), tol, t);
            assertEquals(x.fundingPnl(), y.fundingPnl(), tol, t);
            assertEquals(x.basisPnl(), y.basisPnl(), tol, t);
            assertEquals(x.fees(), y.fees(), tol, t);
            assertEquals(x.cyclesHeld(), y.cyclesHeld(), t);
            assertEquals(x.regimeAtEntry(), y.regimeAtEntry(), t);
            assertEquals(x.exitReason(), y.exitReason(), t);
        }
        Performance p = cycle.performance();
        Performance q = exec.performance();
        assertEquals(p.totalReturn(), q.totalReturn(), tol, what + " total return");
        if (Double.isNaN(p.sharpe())) {
            assertEquals(Double.NaN, q.sharpe(), what + " Sharpe undefined in both");
        } else {
            assertEquals(p.sharpe(), q.sharpe(), 1e-9 * Math.max(1, Math.abs(p.sharpe())), what + " Sharpe");
        }
        assertEquals(p.maxDrawdown(), q.maxDrawdown(), tol, what + " max drawdown");
        assertEquals(p.turnover(), q.turnover(), tol, what + " turnover");
        assertEquals(p.feeDrag(), q.feeDrag(), tol, what + " fee drag");
        assertEquals(p.pnl().funding(), q.pnl().funding(), tol, what + " funding");
        assertEquals(p.pnl().basis(), q.pnl().basis(), tol, what + " basis");
        assertEquals(p.tradeCount(), q.tradeCount(), what + " trade count");
        assertEquals(cycle.diagnostics().fundingNotEvaluated(), exec.diagnostics().fundingNotEvaluated(), what);
        assertEquals(cycle.diagnostics().unevaluated(), exec.diagnostics().unevaluated(), what + " unevaluated gates");
    }

    /** Hourly cycles of a synthetic market. */
    static FundingCycles cycles(SyntheticIntradayMarket m) {
        return m.cycles();
    }
}
