package io.thermocarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    private static Fixture fx;
    private static String html;
    private static Document doc;

    @BeforeAll
    static void render() {
        fx = new Fixture();
        html = ReportRenderer.render(fx.model);
        doc = Jsoup.parse(html);
    }

    @Test
    void everyTableCell_carriesTheModelsExactNumber_andItsFormattedText() {
        int checked = 0;
        for (Block.Table t : fx.model.tables()) {
            Element table = doc.getElementById(t.id());
            assertNotNull(table, "table " + t.id() + " missing");
            Elements headers = table.select("thead th");
            assertEquals(t.columns().size(), headers.size(), t.id());
            for (int c = 0; c < t.columns().size(); c++) {
                assertEquals(t.columns().get(c).header(), headers.get(c).ownText(), "header of " + t.id());
                Element unit = headers.get(c).selectFirst("small");
                assertEquals(t.columns().get(c).unit(), unit == null ? "" : unit.text(), "unit of " + t.id());
            }
            Elements rows = table.select("tbody tr");
            assertEquals(t.rows().size(), rows.size(), t.id());
            for (int r = 0; r < t.rows().size(); r++) {
                Elements tds = rows.get(r).select("td");
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = t.rows().get(r).get(c);
                    Element td = tds.get(c);
                    assertEquals(cell.display(), td.text(), t.id() + " row " + r + " col " + c);
                    if (cell instanceof Cell.Num n) {
                        assertEquals(Double.doubleToLongBits(n.value()),
                                Double.doubleToLongBits(Double.parseDouble(td.attr("data-v"))),
                                t.id() + " row " + r + " col " + c);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 100, "numbers checked: " + checked);
    }

    @Test
    void metricsTable_showsThePerformanceOfEachResult() {
        Element table = doc.getElementById("synthusdt-metrics");
        Elements rows = table.select("tbody tr");
        for (int i = 0; i < fx.results.size(); i++) {
            StrategyResult r = fx.results.get(i);
            Elements tds = rows.get(i).select("td");
            assertEquals(r.strategy(), tds.get(0).text());
            assertEquals(r.performance().sharpe(), Double.parseDouble(tds.get(6).attr("data-v")));
            assertEquals(r.performance().pnl().fees(), Double.parseDouble(tds.get(21).attr("data-v")));
        }
    }

    @Test
    void heatMapCells_carryValuesAndCounts() {
        Element t = doc.getElementById("synthusdt-heat");
        Elements cells = t.select("tbody td");
        assertEquals(6, cells.size());
        assertEquals(1.5e-4, Double.parseDouble(cells.get(0).attr("data-v")));
        assertEquals("10", cells.get(0).attr("data-n"));
        assertEquals("1.5n = 10", cells.get(0).text().replace(" ", " "));
        assertTrue(cells.get(0).attr("style").contains("rgb("));
        assertEquals("–n = 0", cells.get(2).text());
    }

    @Test
    void page_isSelfContained_withAStrictContentSecurityPolicy() {
        Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertNotNull(csp);
        String policy = csp.attr("content");
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline'; img") && policy.contains("script-src 'unsafe-inline'"), policy);
        for (Element s : doc.select("script")) {
            assertFalse(s.hasAttr("src"), "external script " + s.attr("src"));
            if (!"application/json".equals(s.attr("type"))) {
                assertTrue(policy.contains(ReportRenderer.cspHash(s.data())), "inline script not allowed by its hash");
            }
        }
        assertTrue(doc.select("link, img, iframe, object, embed").isEmpty(), "external resource element");
        Matcher m = Pattern.compile("(src|href)\\s*=\\s*\"(?!#)([^\"]*)\"").matcher(html);
        while (m.find()) {
            assertTrue(m.group(2).startsWith("data:"), "resource reference " + m.group());
        }
    }

    @Test
    void textIsEscaped_andTheEmbeddedDataCannotCloseItsScript() {
        assertTrue(doc.getElementById("summary").selectFirst("p.lead").text().contains("<b>not bold</b> & co"));
        Element data = doc.getElementById("report-data");
        assertFalse(data.data().contains("</"), "data contains </");
        assertEquals("bucket </script> heat", doc.getElementById("fig-synthusdt-heat").selectFirst("h3").text());
    }

    @Test
    void everyChart_hasItsHolderAndItsData() {
        String data = doc.getElementById("report-data").data();
        List<Block.Chart> charts = fx.model.charts();
        assertEquals(charts.size() + fx.model.heatMaps().size(), fx.model.figureCount());
        for (Block.Chart c : charts) {
            assertNotNull(doc.getElementById("chart-" + c.id()), c.id());
            assertTrue(data.contains("{\"id\":\"" + c.id() + "\""), c.id());
            assertTrue(c.finitePoints() > 0, c.id() + " is empty");
            assertFalse(c.yAxes().get(0).label().isBlank());
        }
        assertEquals(fx.model.figureCount(), doc.select("[data-figure]").size());
    }

    @Test
    void write_reportsBytesAndFigures(@TempDir Path dir) throws Exception {
        ReportRenderer.Written w = ReportRenderer.write(fx.model, dir.resolve("sub/r.html"));
        assertEquals(Files.size(dir.resolve("sub/r.html")), w.bytes());
        assertEquals(fx.model.figureCount(), w.figures());
    }

    @Test
    void model_refusesDuplicateIds_andChartsWithoutUnits() {
        Block.Chart c = fx.model.charts().get(0);
        assertThrows(IllegalArgumentException.class, () -> new ReportModel("t", "s", java.time.Instant.EPOCH,
                List.of(new ReportModel.Section("a", "A", "", List.of(c, c)))));
        assertThrows(IllegalArgumentException.class, () -> Block.YAxis.linear(" "));
        assertThrows(IllegalArgumentException.class, () -> new Block.Chart("x", "t", "", Block.XAxis.time(),
                List.of(Block.YAxis.linear("y (%)")), new double[] {1, 2},
                List.of(Block.Series.line("s", "#000", new double[] {1})), List.of(), List.of(), Block.Width.FULL, 100,
                ""));
    }

    @Test
    void chartNumbers_areRoundedToSixSignificantDigits_timesKeptExact() {
        StringBuilder b = new StringBuilder();
        ReportRenderer.number(b, 0.000123456789, false);
        b.append(' ');
        ReportRenderer.number(b, 1.7e9, false);
        b.append(' ');
        ReportRenderer.number(b, Double.NaN, false);
        assertEquals("1.23457E-4 1700000000 null", b.toString());
    }
}
