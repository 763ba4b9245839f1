package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.OuEstimator;
import io.thermocarry.core.physics.OuFit;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.store.Store;
import io.thermocarry.store.StoreInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo report's tables hold exactly the numbers {@code evaluate} stored: each cell's {@code data-v} against
 * the store's rows, read here with plain column names (independently of the report's own mapping).
 */
class ReportContentTest {
    private static final Symbol SYM = DemoCommand.SYMBOL;
    private static JsonNode demo;
    private static Document doc;
    private static String runId;
    private static List<Map<String, Object>> metrics;
    private static List<Map<String, Object>> buckets;
    private static List<Map<String, Object>> significance;
    private static List<Map<String, Object>> decomposition;
    private static StoreInfo info;
    private static double[] basis;

    @BeforeAll
    static void demo() throws Exception {
        demo = DemoFixture.get(false);
        doc = Jsoup.parse(Files.readString(Path.of(demo.get("report").asText())));
        try (Store store = Store.open(Path.of(demo.get("db").asText()))) {
            runId = store.latestRun(SYM).orElseThrow();
            metrics = store.readResults("metrics", runId, SYM).stream()
                    .filter(m -> ((Number) m.get("fold")).intValue() == -1).toList();
            buckets = store.readResults("buckets", runId, SYM);
            significance = store.readResults("significance", runId, SYM);
            decomposition = store.readResults("decomposition", runId, SYM);
            info = store.info();
            basis = MarketLoader.load(store, SYM, null, null).basis().values();
        }
    }

    private static double v(Element td) {
        return Double.parseDouble(td.attr("data-v"));
    }

    private static double d(Map<String, Object> row, String col) {
        Object o = row.get(col);
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static void assertCell(double expected, Element td, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(v(td)),
                what + ": store " + expected + ", report " + td.attr("data-v"));
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
    void everyChart_hasData() throws Exception {
        JsonNode data = new ObjectMapper().readTree(doc.getElementById("report-data").data());
        assertTrue(data.get("charts").size() >= 12, "charts: " + data.get("charts").size());
        for (JsonNode c : data.get("charts")) {
            int finite = 0;
            for (JsonNode s : c.get("series")) {
                for (JsonNode x : s.get("v")) {
                    finite += x.isNull() ? 0 : 1;
                }
            }
            assertTrue(finite > 0, "chart " + c.get("id").asText() + " has no data");
        }
    }

    @Test
    void metricsTable_equalsTheStoresMetricsRows() {
        String[] cols = {"total_return", "annual_return", "sharpe", "sortino", "sharpe_per_cycle", "max_drawdown",
            "calmar", "worst_cycle", "cvar5", "win_rate", "profit_factor", "trades", "avg_hold_cycles", "turnover",
            "fee_drag", "pnl_funding", "pnl_basis", "pnl_fees", "pnl_total", "cycles", "years"};
        Elements rows = doc.getElementById("demousdt-metrics").select("tbody tr");
        assertFalse(metrics.isEmpty());
        assertEquals(metrics.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> m = metrics.get(i);
            Elements td = rows.get(i).select("td");
            String what = m.get("strategy") + "/" + m.get("config") + "/" + m.get("fee_bps");
            assertEquals(m.get("strategy"), td.get(0).text(), what);
            assertEquals(m.get("config"), td.get(1).text(), what);
            assertEquals(m.get("compat"), td.get(2).text(), what);
            assertCell(d(m, "fee_bps"), td.get(3), what);
            for (int c = 0; c < cols.length; c++) {
                assertCell(d(m, cols[c]), td.get(4 + c), what + " " + cols[c]);
            }
        }
    }

    @Test
    void bucketTableAndHeatMap_equalTheStoresBuckets() {
        String[] cols = {"count", "mean_total", "mean_funding", "mean_basis", "median_total", "median_funding",
            "median_basis", "hit_rate", "convergence_share", "worst_decile"};
        List<Map<String, Object>> oneD = new ArrayList<>();
        List<Map<String, Object>> twoD = new ArrayList<>();
        for (Map<String, Object> b : buckets) {
            if ("causal".equals(b.get("compat"))) {
                (((Number) b.get("entropy_bucket")).intValue() < 0 ? oneD : twoD).add(b);
            }
        }
        Elements rows = doc.getElementById("demousdt-buckets").select("tbody tr");
        assertEquals(oneD.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Elements td = rows.get(i).select("td");
            for (int c = 0; c < cols.length; c++) {
                assertCell(d(oneD.get(i), cols[c]), td.get(2 + c), "bucket row " + i + " " + cols[c]);
            }
        }
        Elements heat = doc.getElementById("demousdt-buckets-2d").select("tbody tr");
        int cells = 0;
        for (Map<String, Object> b : twoD) {
            int r = ((Number) b.get("bucket")).intValue();
            int c = ((Number) b.get("entropy_bucket")).intValue();
            Element td = heat.get(r).select("td").get(c);
            assertCell(d(b, "mean_total"), td, "heat cell " + r + "," + c);
            assertEquals(((Number) b.get("count")).intValue(), Integer.parseInt(td.attr("data-n")));
            cells++;
        }
        assertTrue(cells >= 6, "2-D cells: " + cells);
    }

    @Test
    void significanceTable_equalsTheStoresRows() {
        String[] cols = {"sharpe", "sharpe_versus", "sharpe_diff", "ci_low", "ci_high", "p_value"};
        Elements rows = doc.getElementById("significance").select("tbody tr");
        assertFalse(significance.isEmpty());
        assertEquals(significance.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> s = significance.get(i);
            Elements td = rows.get(i).select("td");
            assertEquals(s.get("compat"), td.get(1).text());
            assertCell(d(s, "fee_bps"), td.get(2), "fee");
            assertTrue(td.get(4).text().startsWith((String) s.get("versus")), td.get(4).text());
            for (int c = 0; c < cols.length; c++) {
                assertCell(d(s, cols[c]), td.get(5 + c), "significance row " + i + " " + cols[c]);
            }
            double lo = d(s, "ci_low");
            double hi = d(s, "ci_high");
            assertEquals(lo > 0 ? "better" : hi < 0 ? "worse" : "no difference shown", td.get(11).text());
            assertCell(d(s, "cycles"), td.get(12), "cycles");
            assertCell(d(s, "resamples"), td.get(13), "resamples");
            assertCell(d(s, "block_length"), td.get(14), "block");
        }
    }

    @Test
    void edgeTable_equalsTheStoresDecomposition() {
        Element table = doc.getElementById("demousdt-edge");
        if (decomposition.isEmpty()) {
            assertEquals(null, table);
            return;
        }
        Elements rows = table.select("tbody tr");
        int checked = 0;
        for (Map<String, Object> d : decomposition) {
            String step = ((Number) d.get("step")).intValue() + ". " + d.get("step_label");
            boolean physics = "physics".equals(d.get("strategy"));
            for (Element row : rows) {
                Elements td = row.select("td");
                if (!td.get(0).text().equals(step) || v(td.get(1)) != d(d, "fee_bps")) {
                    continue;
                }
                assertCell(d(d, "sharpe"), td.get(physics ? 2 : 3), step + " sharpe");
                assertCell(d(d, "total_return"), td.get(physics ? 4 : 5), step + " return");
                int base = physics ? 6 : 9;
                assertCell(d(d, "pnl_funding"), td.get(base), step + " funding");
                assertCell(d(d, "pnl_basis"), td.get(base + 1), step + " basis");
                assertCell(d(d, "pnl_fees"), td.get(base + 2), step + " fees");
                checked++;
            }
        }
        assertEquals(decomposition.size(), checked);
    }

    @Test
    void dataTable_equalsTheStoresInventory() {
        Elements rows = doc.getElementById("demousdt-data").select("tbody tr");
        int i = 0;
        for (StoreInfo.SeriesInfo s : info.series()) {
            Elements td = rows.get(i++).select("td");
            assertEquals(s.market().name().toLowerCase(Locale.ROOT), td.get(0).text());
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
    void physicsTable_kappaEqualsAnAr1FitOfTheStoredBasis() {
        OuFit fit = OuEstimator.fit(basis, 0, basis.length, 1.0, KappaMethod.THROUGH_ORIGIN);
        Elements td = doc.getElementById("physics-table").select("tbody tr").get(0).select("td");
        assertEquals("DEMOUSDT", td.get(0).text());
        assertEquals(fit.kappaPerHour(), v(td.get(2)));
        assertEquals(fit.beta(), v(td.get(6)));
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
        for (String id : List.of("demousdt-metrics", "demousdt-regime-pnl-16", "physics-table", "demousdt-data",
                "significance", "demousdt-buckets")) {
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
