package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import io.thermocarry.store.StoreInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo report's tables hold the numbers of the store: recomputed here independently of the report code
 * (the store's market through the loaders and the backtest engine), compared exactly through each cell's
 * {@code data-v}.
 */
class ReportContentTest {
    private static JsonNode demo;
    private static Document doc;

    @BeforeAll
    static void demo() throws Exception {
        demo = DemoFixture.get(false);
        doc = Jsoup.parse(Files.readString(Path.of(demo.get("report").asText())));
    }

    private static double v(Element td) {
        return Double.parseDouble(td.attr("data-v"));
    }

    @Test
    void demo_printsWhereItsReportAndStoreAre_andTheReportIsSmall() throws Exception {
        Path report = Path.of(demo.get("report").asText());
        assertTrue(Files.isRegularFile(report));
        assertTrue(Files.isRegularFile(Path.of(demo.get("db").asText())));
        assertTrue(Files.size(report) < 5_000_000, "report is " + Files.size(report) + " bytes");
        assertEquals(doc.select("[data-figure]").size(), demo.get("charts").asInt());
    }

    @Test
    void metricsTable_equalsBacktestsRecomputedFromTheStore() {
        Symbol sym = DemoCommand.SYMBOL;
        List<BacktestResult> expected = new ArrayList<>();
        try (Store store = Store.open(Path.of(demo.get("db").asText()))) {
            Prepared p = Prepared.of(store, sym, null, null, io.thermocarry.core.Compat.CAUSAL, SignalOptions.defaults());
            for (String name : ReportBuilder.STRATEGIES) {
                BacktestRequest req = new BacktestRequest(p.cycles(), p.path(), Strategies.parse(name), FeeTier.BPS_8,
                        io.thermocarry.core.Compat.CAUSAL, 1.0, p.firstCycle(), p.accrual());
                expected.addAll(BacktestEngine.runTiers(req, FeeTier.STANDARD));
            }
        }
        Elements rows = doc.getElementById("demousdt-metrics").select("tbody tr");
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Performance m = expected.get(i).performance();
            Elements td = rows.get(i).select("td");
            String what = "row " + i + " " + td.get(0).text() + " " + td.get(2).text() + " bps";
            assertEquals(expected.get(i).request().strategy().name(), td.get(0).text(), what);
            assertEquals(expected.get(i).request().fee().roundTripBps(), v(td.get(2)), what);
            double[] want = {m.totalReturn(), m.annualReturn(), m.sharpe(), m.sortino(), m.sharpePerCycle(),
                    m.maxDrawdown(), m.calmar(), m.worstCycle(), m.cvar5(), m.winRate(), m.profitFactor(),
                    m.tradeCount(), m.averageHoldCycles(), m.turnover(), m.feeDrag(), m.pnl().funding(),
                    m.pnl().basis(), m.pnl().fees(), m.pnl().total(), m.cycles(), m.years()};
            for (int c = 0; c < want.length; c++) {
                assertEquals(want[c], v(td.get(3 + c)), what + " column " + (3 + c));
            }
        }
    }

    @Test
    void summaryAndRegimeTables_agreeWithTheMetricsTable() {
        Elements metrics = doc.getElementById("demousdt-metrics").select("tbody tr");
        Elements summary = doc.getElementById("summary-table").select("tbody tr");
        int s = 0;
        for (Element row : metrics) {
            Elements td = row.select("td");
            if (v(td.get(2)) != 16.0) {
                continue;
            }
            Elements st = summary.get(s++).select("td");
            assertEquals(td.get(0).text(), st.get(1).text());
            assertEquals(v(td.get(4)), v(st.get(3)));
            assertEquals(v(td.get(8)), v(st.get(4)));
            assertEquals(v(td.get(5)), v(st.get(5)));
            assertEquals(v(td.get(18)), v(st.get(7)));
            assertEquals(v(td.get(21)), v(st.get(10)));
        }
        assertEquals(summary.size(), s);
        // per-regime PnL adds up to the strategy's total (identity of the ledger)
        Elements regime = doc.getElementById("demousdt-regime-pnl-16").select("tbody tr");
        for (Element row : metrics) {
            Elements td = row.select("td");
            if (v(td.get(2)) != 16.0) {
                continue;
            }
            double sum = 0;
            for (Element r : regime) {
                if (r.select("td").get(0).text().equals(td.get(0).text())) {
                    sum += v(r.select("td").get(7));
                }
            }
            assertEquals(v(td.get(21)), sum, 1e-12, td.get(0).text());
        }
    }

    @Test
    void dataTable_equalsTheStoresInventory() {
        StoreInfo info;
        try (Store store = Store.open(Path.of(demo.get("db").asText()))) {
            info = store.info();
        }
        Elements rows = doc.getElementById("demousdt-data").select("tbody tr");
        int i = 0;
        for (StoreInfo.SeriesInfo s : info.series()) {
            Elements td = rows.get(i++).select("td");
            assertEquals(s.market().name().toLowerCase(java.util.Locale.ROOT), td.get(0).text());
            assertEquals(s.rows(), (long) v(td.get(4)));
            assertEquals(s.gaps(), (long) v(td.get(5)));
            assertEquals(s.missingBars(), (long) v(td.get(6)));
            assertEquals(s.placeholders(), (long) v(td.get(7)));
        }
        Elements f = rows.get(i).select("td");
        assertEquals("funding", f.get(0).text());
        assertEquals(info.funding().get(0).events(), (long) v(f.get(4)));
    }

    @Test
    void reportCommand_onTheDemoStore_writesTheSameTables(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.html");
        Cli.Result r = Cli.run("report", "--db", demo.get("db").asText(), "--symbols", "DEMOUSDT", "--out",
                out.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(out.toAbsolutePath().normalize().toString(), r.json().get("out").asText());
        assertEquals(demo.get("charts").asInt(), r.json().get("charts").asInt());
        Document other = Jsoup.parse(Files.readString(out));
        for (String id : List.of("demousdt-metrics", "demousdt-regime-pnl-16", "physics-table", "demousdt-data")) {
            assertEquals(doc.getElementById(id).select("td").eachAttr("data-v"),
                    other.getElementById(id).select("td").eachAttr("data-v"), id);
        }
    }

    @Test
    void reportCommand_refusesMissingSymbols_andUnknownOnes(@TempDir Path dir) {
        assertEquals(2, Cli.run("report", "--db", demo.get("db").asText(), "--out", dir.resolve("x.html").toString())
                .exit());
        Cli.Result r = Cli.run("report", "--db", demo.get("db").asText(), "--symbols", "NOPEUSDT", "--out",
                dir.resolve("x.html").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("NOPEUSDT"), r.err());
    }
}
