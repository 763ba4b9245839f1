package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo report in a real browser (headless Chromium through Selenium and Debian's chromedriver): it draws
 * every chart, logs no error, makes no network request, and looks right (screenshots saved as build artifacts
 * under {@code report/target/browser/} for a person to look at).
 */
class ReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path artifacts;
    private static ChromeDriver driver;
    private static Path profile;
    private static JsonNode demo;
    private static long drawMillis;
    private static List<LogEntry> browserLog;
    private static List<LogEntry> perfLog;

    @BeforeAll
    static void openDemoReport() throws Exception {
        Browser.require();
        artifacts = Path.of(System.getProperty("thermocarry.reportArtifacts", "target/browser")).toAbsolutePath()
                .normalize();
        Files.createDirectories(artifacts);
        demo = DemoFixture.get(true);
        profile = Files.createTempDirectory("thermocarry-selenium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(Browser.CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Browser.DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        long t0 = System.nanoTime();
        driver.get(Path.of(demo.get("report").asText()).toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                d -> "true".equals(driver.executeScript("return document.documentElement.getAttribute('data-ready')")));
        drawMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("demo report: loaded and drawn in headless Chromium in " + drawMillis + " ms");
        browserLog = driver.manage().logs().get(LogType.BROWSER).getAll();
        perfLog = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
    }

    @AfterAll
    static void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var s = Files.walk(profile)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void consoleHasNoErrorsOrWarnings() {
        List<String> bad = new ArrayList<>();
        for (LogEntry e : browserLog) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                bad.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertTrue(bad.isEmpty(), "browser console: " + bad);
        assertEquals("[]", driver.executeScript("return JSON.stringify(window.thermocarry.errors)"));
    }

    @Test
    void pageMakesNoNetworkRequest_butItsOwnFile() throws Exception {
        String self = Path.of(demo.get("report").asText()).toUri().toString();
        List<String> fromReport = new ArrayList<>();
        List<String> network = new ArrayList<>();
        for (LogEntry e : perfLog) {
            JsonNode m = JSON.readTree(e.getMessage()).path("message");
            if (m.path("method").asText().equals("Network.requestWillBeSent")) {
                JsonNode p = m.path("params");
                String url = p.path("request").path("url").asText();
                // the browser's own start page loads chrome:// resources before the report opens: not the report's
                if (p.path("documentURL").asText().equals(self)) {
                    fromReport.add(url);
                }
                if (url.matches("(?i)(https?|wss?|ftp)://.*")) {
                    network.add(url);
                }
            }
        }
        assertTrue(fromReport.contains(self), "the performance log must see the page itself (else it saw nothing)");
        List<String> others = fromReport.stream().filter(u -> !u.equals(self) && !u.startsWith("data:")).toList();
        assertTrue(others.isEmpty(), "the report requested: " + others);
        assertTrue(network.isEmpty(), "network requests: " + network);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyChartIsPresentAndDrawn() {
        int charts = demo.get("charts").asInt();
        List<Map<String, Object>> figures = (List<Map<String, Object>>) driver.executeScript(
                "return Array.from(document.querySelectorAll('[data-figure]')).map(function (f) {"
                        + "  var id = f.getAttribute('data-figure');"
                        + "  var spec = JSON.parse(document.getElementById('report-data').textContent).charts"
                        + "     .filter(function (c) { return c.id === id; })[0];"
                        + "  var canvas = f.querySelector('canvas');"
                        + "  var res = {id: id, canvas: !!canvas, inked: 0, seriesInk: 0, heatCells: 0};"
                        + "  if (canvas) {"
                        + "    var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
                        + "    var colors = spec.series.map(function (s) { return s.color; })"
                        + "       .filter(function (c) { return /^#[0-9a-f]{6}$/i.test(c); })"
                        + "       .map(function (c) { return [1, 3, 5].map(function (i) { return parseInt(c.substr(i, 2), 16); }); });"
                        + "    for (var i = 0; i < px.length; i += 4) {"
                        + "      if (px[i + 3] === 0) { continue; }"
                        + "      if (px[i] < 245 || px[i + 1] < 245 || px[i + 2] < 245) { res.inked++; }"
                        + "      for (var k = 0; k < colors.length; k++) {"
                        + "        var c = colors[k];"
                        + "        if (Math.abs(px[i] - c[0]) < 30 && Math.abs(px[i + 1] - c[1]) < 30 && Math.abs(px[i + 2] - c[2]) < 30) {"
                        + "          res.seriesInk++; break; }"
                        + "      }"
                        + "    }"
                        + "  } else {"
                        + "    res.heatCells = Array.from(f.querySelectorAll('td')).filter(function (td) {"
                        + "      return td.style.background.indexOf('rgb') === 0; }).length;"
                        + "  }"
                        + "  return res;"
                        + "});");
        assertEquals(charts, figures.size(), "figures on the page");
        for (Map<String, Object> f : figures) {
            if ((Boolean) f.get("canvas")) {
                assertTrue(((Number) f.get("inked")).longValue() > 2_000, "chart " + f.get("id") + " draws little: " + f);
                assertTrue(((Number) f.get("seriesInk")).longValue() > 100,
                        "chart " + f.get("id") + " shows no pixel of its series' colours: " + f);
            } else {
                assertTrue(((Number) f.get("heatCells")).longValue() > 0, "heat map " + f.get("id") + " is empty");
            }
        }
    }

    @Test
    void screenshotsAreSaved_andEveryChartExportsAsPng() throws Exception {
        Long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        Map<String, Object> top = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(artifacts.resolve("demo-report-top.png"), Base64.getDecoder().decode((String) top.get("data")));
        Map<String, Object> full = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height,
                        "scale", 1)));
        Path page = artifacts.resolve("demo-report-full.png");
        Files.write(page, Base64.getDecoder().decode((String) full.get("data")));
        assertTrue(Files.size(page) > 50_000, "full-page screenshot too small");

        Path pngDir = Path.of(demo.get("png").asText());
        List<Path> pngs;
        try (var s = Files.list(pngDir)) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertEquals(demo.get("charts").asInt(), pngs.size());
        Path charts = Files.createDirectories(artifacts.resolve("charts"));
        for (Path p : pngs) {
            byte[] b = Files.readAllBytes(p);
            assertTrue(b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', p + " is no PNG");
            int width = ((b[16] & 0xff) << 24) | ((b[17] & 0xff) << 16) | ((b[18] & 0xff) << 8) | (b[19] & 0xff);
            assertTrue(width >= 600, p + " is only " + width + " px wide");
            Files.copy(p, charts.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
