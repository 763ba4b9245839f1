package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.binance.stream.BookTickerEvent;
import io.thermocarry.binance.stream.KlineEvent;
import io.thermocarry.binance.stream.MarkPriceEvent;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.live.FillModel;
import io.thermocarry.live.LiveBook;
import io.thermocarry.live.LiveConfig;
import io.thermocarry.live.StatusServer;
import io.thermocarry.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live status page in headless Chromium: it loads with no console error or warning, updates by itself, and every
 * value it shows equals the JSON endpoint's (time-dependent ages and countdowns aside).
 */
class LiveStatusPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statusPage_showsTheJsonEndpointsValues_withoutConsoleErrors(@TempDir Path dir) throws Exception {
        Browser.require();
        LiveFixture f = new LiveFixture(7, 380, 2);
        Path db = dir.resolve("status.duckdb");
        f.writeHistory(db);
        Symbol s = Symbol.of(LiveFixture.SYMBOL);
        try (Store store = Store.open(db)) {
            LiveConfig d = LiveConfig.defaults("status", List.of(s), f.startMs, new FeeTier(16), FillModel.BAR);
            LiveConfig c = new LiveConfig("status", d.symbols(), f.startMs, Child.parse("5m"),
                    CommandLineRules.open(), d.fee(), d.signalSpec(), d.regimeSpec(), d.regimeConfig(),
                    d.featureSpec(), d.vetoSpec(), d.medianWindow(), FillModel.BAR)
                    .withMargin(x -> MarginSpec.of(x.name(), 3, 0.0)); // the margin cells show numbers too
            LiveBook book = new LiveBook(store, c, x -> { });
            FundingSeries funding = f.market.funding();
            book.settledSource((sym, t, now) -> {
                int i = funding.lowerBound(t);
                return i < funding.size() && funding.timeMs(i) == t ? Optional.of(funding.event(i)) : Optional.empty();
            });
            book.start();
            feed(book, s, f.market.perp(), f.market.spot(), funding, f.startMs, f.startMs + 90 * 60_000L);
            try (StatusServer server = StatusServer.start(0, book::status)) {
                check(server.port(), dir);
            }
        }
    }

    private static void feed(LiveBook book, Symbol s, BarSeries perp, BarSeries spot, FundingSeries funding, long from,
            long to) {
        long u = 1;
        for (int i = perp.lowerBound(from); i < perp.size() && perp.closeTimeMs(i) <= to; i++) {
            long open = perp.openTimeMs(i);
            long close = open + 60_000L;
            int j = spot.lowerBound(open);
            int k = funding.lowerBound(close);
            double pc = perp.close(i);
            book.onEvent(new MarkPriceEvent(s, close - 500, pc, spot.close(j), funding.rate(k), funding.timeMs(k)));
            book.onEvent(new BookTickerEvent(s, Market.PERP, u++, close - 400, pc * 0.9999, 1, pc * 1.0001, 1));
            book.onEvent(new BookTickerEvent(s, Market.SPOT, u++, close - 300, spot.close(j) * 0.9999, 1,
                    spot.close(j) * 1.0001, 1));
            book.onEvent(new KlineEvent(s, Market.PERP, "1m", open, close - 1, perp.open(i), perp.high(i), perp.low(i),
                    pc, perp.volume(i), true, close));
            book.onEvent(new KlineEvent(s, Market.SPOT, "1m", open, close - 1, spot.open(j), spot.high(j), spot.low(j),
                    spot.close(j), spot.volume(j), true, close));
        }
    }

    private static void check(int port, Path dir) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(Browser.CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Browser.DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, o);
        try {
            String base = "http://127.0.0.1:" + port + "/";
            driver.get(base);
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(
                    driver.executeScript("return document.documentElement.getAttribute('data-ready')")));
            // it polls: a second update arrives by itself
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) driver.executeScript(
                    "return window.thermocarry.updates")).intValue() >= 2);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "status.json")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            JsonNode status = JSON.readTree(r.body());
            List<WebElement> cells = driver.findElements(By.cssSelector("td[data-key]"));
            assertTrue(cells.size() > 20, "cells: " + cells.size());
            List<String> bad = new ArrayList<>();
            int compared = 0;
            for (WebElement cell : cells) {
                String key = cell.getAttribute("data-key");
                if (key.contains("Seconds") || key.startsWith("health.lastEventAge")) {
                    continue; // ages and countdowns move with the wall clock between the two reads
                }
                JsonNode want = at(status, key);
                JsonNode got = JSON.readTree(cell.getAttribute("data-value"));
                boolean same = want.isNumber() && got.isNumber() ? want.asDouble() == got.asDouble()
                        : (want.isMissingNode() ? "null" : want.toString()).equals(got.toString());
                if (!same) {
                    bad.add(key + ": page " + got + ", json " + want);
                }
                compared++;
            }
            assertTrue(bad.isEmpty(), "page differs from /status.json: " + bad);
            assertTrue(compared > 20, "compared " + compared);
            assertTrue(status.path("symbols").path(0).path("regime").isTextual(), status.toString());
            assertEquals(3.0, status.path("symbols").path(0).path("leverage").asDouble(), status.toString());
            assertTrue(status.path("symbols").path(0).path("liquidations").isNumber(), status.toString());
            List<String> errors = new ArrayList<>();
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER).getAll()) {
                if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                    errors.add(e.getLevel() + " " + e.getMessage());
                }
            }
            assertTrue(errors.isEmpty(), "browser console: " + errors);
            assertEquals("[]", driver.executeScript("return JSON.stringify(window.thermocarry.errors)"));
        } finally {
            driver.quit();
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String p : path.split("\\.")) {
            n = n.isArray() ? n.path(Integer.parseInt(p)) : n.path(p);
        }
        return n;
    }

    /** The desk rules with the relaxation gate opened (as the other live tests). */
    static final class CommandLineRules {
        static io.thermocarry.core.execution.ExecutionRules open() {
            return picocli.CommandLine.populateCommand(new RuleOptions(), "--relaxation-safe", "100", "--readmit",
                    "any-bar").rules();
        }
    }
}
