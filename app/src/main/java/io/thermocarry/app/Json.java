package io.thermocarry.app;

import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.PnlSplit;
import io.thermocarry.core.backtest.RegimePnl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON shapes shared by several commands (CLI.md field names). */
final class Json {
    private Json() {
    }

    static Map<String, Object> pnl(PnlSplit p) {
        Map<String, Object> m = Out.obj();
        m.put("funding", Out.num(p.funding()));
        m.put("basis", Out.num(p.basis()));
        m.put("price", Out.num(p.price()));
        m.put("fees", Out.num(p.fees()));
        m.put("total", Out.num(p.total()));
        return m;
    }

    /** The metrics of CLI.md's {@code backtest} tier object, plus the rest of SPEC §9. */
    static Map<String, Object> metrics(Performance p) {
        Map<String, Object> m = Out.obj();
        m.put("totalReturn", Out.num(p.totalReturn()));
        m.put("annualReturn", Out.num(p.annualReturn()));
        m.put("sharpe", Out.num(p.sharpe()));
        m.put("sortino", Out.num(p.sortino()));
        m.put("sharpePerCycle", Out.num(p.sharpePerCycle()));
        m.put("referenceSharpe", Out.num(p.referenceSharpe()));
        m.put("maxDrawdown", Out.num(p.maxDrawdown()));
        m.put("calmar", Out.num(p.calmar()));
        m.put("worstCycle", Out.num(p.worstCycle()));
        m.put("cvar5", Out.num(p.cvar5()));
        m.put("winRate", Out.num(p.winRate()));
        m.put("profitFactor", Out.num(p.profitFactor()));
        m.put("pnl", pnl(p.pnl()));
        m.put("trades", p.tradeCount());
        m.put("averageHoldCycles", Out.num(p.averageHoldCycles()));
        m.put("turnover", Out.num(p.turnover()));
        m.put("feeDrag", Out.num(p.feeDrag()));
        m.put("cycles", p.cycles());
        m.put("years", Out.num(p.years()));
        List<Object> byRegime = new ArrayList<>();
        for (RegimePnl r : p.byRegime()) {
            Map<String, Object> x = Out.obj();
            x.put("regime", r.regime() == null ? "NONE" : r.regime().name());
            x.put("cycles", r.cycles());
            x.put("pnl", pnl(r.pnl()));
            byRegime.add(x);
        }
        m.put("byRegime", byRegime);
        return m;
    }
}
