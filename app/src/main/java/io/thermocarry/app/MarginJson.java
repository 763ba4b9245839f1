package io.thermocarry.app;

import io.thermocarry.core.margin.Liquidation;
import io.thermocarry.core.margin.MarginOutcome;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.marginrisk.BufferNeeded;
import io.thermocarry.core.marginrisk.MarginReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON and table rows of the margin path (SPEC §13) for {@code margin}, {@code backtest} and {@code evaluate}. */
final class MarginJson {
    /** What "margin ratio" means in the outputs. */
    static final String DEFINITION = "minMarginRatio = lowest margin balance / maintenance margin at any bar's worst "
            + "point (liquidation at <= 1); Binance's margin ratio is its reciprocal (maxBinanceMarginRatio, "
            + "liquidation at >= 1)";

    private MarginJson() {
    }

    /** The summary of one study: the contract's fields first. */
    static Map<String, Object> report(String symbol, MarginReport r) {
        MarginOutcome m = r.margin();
        Map<String, Object> o = Out.obj();
        o.put("symbol", symbol);
        o.put("minMarginRatio", Out.num(m.minCoverage()));
        o.put("liquidations", m.liquidationCount());
        o.put("bufferNeeded", buffer(r.buffer()));
        o.put("pnlLostToLiquidations", Out.num(r.pnlLostToLiquidations()));
        o.putAll(outcome(m));
        o.put("totalReturn", Out.num(r.run().result().performance().totalReturn()));
        o.put("totalReturnMarginFree", Out.num(r.marginFree().performance().totalReturn()));
        return o;
    }

    /** The margin path's details (spec, worst bar, liquidations, transfers). */
    static Map<String, Object> outcome(MarginOutcome m) {
        Map<String, Object> o = Out.obj();
        MarginSpec s = m.spec();
        o.put("leverage", s.leverage());
        o.put("futuresShare", s.futuresShare());
        o.put("transferDelay", s.transferDelay().toString());
        o.put("transferAt", s.transferAt());
        o.put("clearanceFee", s.clearanceFeeRate());
        o.put("capitalUsdt", s.capitalUsdt());
        o.put("brackets", s.table().symbol());
        o.put("maxBinanceMarginRatio", Out.num(m.maxBinanceMarginRatio()));
        Map<String, Object> worst = Out.obj();
        worst.put("time", m.minCoverageTime() == null ? null : m.minCoverageTime().toString());
        worst.put("strikePrice", Out.num(m.minCoverageStrikePrice()));
        worst.put("worstPrice", Out.num(m.minCoverageWorstPrice()));
        worst.put("move", Out.num(m.minCoverageWorstPrice() / m.minCoverageStrikePrice() - 1));
        o.put("worstBar", worst);
        List<Object> ev = new ArrayList<>();
        for (Liquidation l : m.liquidations()) {
            Map<String, Object> e = Out.obj();
            e.put("time", l.barOpen().toString());
            e.put("spotClosed", l.spotExit().toString());
            e.put("leg", l.leg().name().toLowerCase(Locale.ROOT));
            e.put("notional", Out.num(l.notional()));
            e.put("strikePrice", Out.num(l.strikePrice()));
            e.put("liquidationPrice", Out.num(l.liquidationPrice()));
            e.put("worstPrice", Out.num(l.worstPrice()));
            e.put("move", Out.num(l.moveToLiquidation()));
            e.put("spotExitPrice", Out.num(l.spotExitPrice()));
            e.put("perpPnl", Out.num(l.perpPnl()));
            e.put("spotPnl", Out.num(l.spotPnl()));
            e.put("clearanceFee", Out.num(l.clearanceFee()));
            e.put("closeFee", Out.num(l.closeFee()));
            ev.add(e);
        }
        o.put("liquidationEvents", ev);
        o.put("liquidationFees", Out.num(m.liquidationFees()));
        o.put("transfers", m.transfers());
        o.put("transferred", Out.num(m.transferred()));
        o.put("barsWalked", m.barsWalked());
        o.put("cyclesWithoutBars", m.cyclesWithoutBars());
        o.put("overLeveragedOpenings", m.overLeveraged());
        o.put("definition", DEFINITION);
        return o;
    }

    /** The buffer block; {@code null} quantiles when not bootstrapped or not survivable. */
    static Map<String, Object> buffer(BufferNeeded b) {
        Map<String, Object> o = Out.obj();
        o.put("history", Out.num(b.history()));
        o.put("p95", Out.num(b.p95()));
        o.put("p99", Out.num(b.p99()));
        o.put("p999", Out.num(b.p999()));
        o.put("resamples", b.resamples());
        o.put("notSurvivable", b.notSurvivable());
        o.put("blockCycles", b.blockCycles());
        return o;
    }

    /** The header of {@link #row}. */
    static List<String> header() {
        return List.of("symbol", "lev", "min ratio", "worst bar", "move %", "liq", "lost %", "buffer hist",
                "p95", "p99", "p99.9", "transfers");
    }

    /** One text-table row. */
    static List<String> row(String symbol, MarginReport r) {
        MarginOutcome m = r.margin();
        BufferNeeded b = r.buffer();
        return List.of(symbol, Out.fmt(m.spec().leverage(), 0), Out.fmt(m.minCoverage(), 2),
                m.minCoverageTime() == null ? "-" : m.minCoverageTime().toString().substring(0, 16),
                Out.fmt(100 * (m.minCoverageWorstPrice() / m.minCoverageStrikePrice() - 1), 1),
                Integer.toString(m.liquidationCount()), Out.fmt(100 * r.pnlLostToLiquidations(), 2),
                share(b.history()), share(b.p95()), share(b.p99()), share(b.p999()), Integer.toString(m.transfers()));
    }

    private static String share(double v) {
        return Double.isInfinite(v) ? ">1" : Out.fmt(v, 3);
    }
}
