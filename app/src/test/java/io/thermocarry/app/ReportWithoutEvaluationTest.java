package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that {@code evaluate} never saw: the report says so and shows in-sample backtests, exactly. */
class ReportWithoutEvaluationTest {
    @Test
    void metricsTable_equalsBacktestsRecomputedFromTheStore(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("s.duckdb");
        Cli.Result sim = Cli.run("simulate", "--db", db.toString(), "--cycles", "900", "--slow", "500:700:0.01");
        assertEquals(0, sim.exit(), sim.err());
        Path out = dir.resolve("r.html");
        Cli.Result r = Cli.run("report", "--db", db.toString(), "--symbols", "SYNTHUSDT", "--out", out.toString(),
                "--json");
        assertEquals(0, r.exit(), r.err());
        Document doc = Jsoup.parse(Files.readString(out));
        assertNull(doc.getElementById("significance"), "no evaluation, no significance table");
        assertTrue(doc.getElementById("summary").text().contains("in-sample backtests"));

        Symbol sym = Symbol.of("SYNTHUSDT");
        List<BacktestResult> expected = new ArrayList<>();
        try (Store store = Store.open(db)) {
            Prepared p = Prepared.of(store, sym, null, null, Compat.CAUSAL, SignalOptions.defaults());
            for (String name : ReportBuilder.STRATEGIES) {
                BacktestRequest req = new BacktestRequest(p.cycles(), p.path(), Strategies.parse(name), FeeTier.BPS_8,
                        Compat.CAUSAL, 1.0, p.firstCycle(), p.accrual());
                expected.addAll(BacktestEngine.runTiers(req, FeeTier.STANDARD));
            }
        }
        Elements rows = doc.getElementById("synthusdt-metrics").select("tbody tr");
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Performance m = expected.get(i).performance();
            Elements td = rows.get(i).select("td");
            String what = "row " + i + " " + td.get(0).text();
            assertEquals(expected.get(i).request().strategy().name(), td.get(0).text(), what);
            assertEquals(expected.get(i).request().fee().roundTripBps(), Double.parseDouble(td.get(3).attr("data-v")));
            double[] want = {m.totalReturn(), m.annualReturn(), m.sharpe(), m.sortino(), m.sharpePerCycle(),
                    m.maxDrawdown(), m.calmar(), m.worstCycle(), m.cvar5(), m.winRate(), m.profitFactor(),
                    m.tradeCount(), m.averageHoldCycles(), m.turnover(), m.feeDrag(), m.pnl().funding(),
                    m.pnl().basis(), m.pnl().fees(), m.pnl().total(), m.cycles(), m.years()};
            for (int c = 0; c < want.length; c++) {
                assertEquals(want[c], Double.parseDouble(td.get(4 + c).attr("data-v")), what + " column " + (4 + c));
            }
        }
    }
}
