package io.thermocarry.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Writes every figure of a rendered report as a PNG, exactly as the browser draws it: starts headless Chromium
 * (the machine's own, found on the PATH or named by {@code -Dthermocarry.chromium}), opens the report file,
 * waits until every chart is drawn, and screenshots each figure element through the DevTools protocol
 * (a local WebSocket on 127.0.0.1; the JDK's HTTP client, no further dependency). Chromium is started with
 * networking features off and a fresh profile that is deleted afterwards. Device scale 2 (crisp on slides).
 */
public final class ChromiumPngExporter {
    /** Browser names looked up on the PATH, in order. */
    public static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "headless_shell");
    /** Flags every headless start uses. */
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars");
    private static final int WIDTH = 1280;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ChromiumPngExporter() {
    }

    /** Export failed (no browser, page errors, timeout). */
    public static final class ExportException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The Chromium executable: {@code -Dthermocarry.chromium}, else the first of {@link #BROWSERS} on the PATH. */
    public static Path findBrowser() {
        String prop = System.getProperty("thermocarry.chromium");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : BROWSERS) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Screenshots each figure ({@code [data-figure]} element: charts and heat maps) of the report file into
     * {@code dir} as {@code <id>.png}; returns the files in page order.
     *
     * @param html the report written by {@link ReportRenderer}
     * @param dir output folder (created)
     * @param model the model it was rendered from (the figure ids expected)
     */
    public static List<Path> export(Path html, Path dir, ReportModel model) {
        Path browser = findBrowser();
        if (browser == null) {
            throw new ExportException("PNG export needs Chromium: none found on the PATH (" + String.join(", ", BROWSERS)
                    + "); install it (Debian: apt-get install chromium) or name it with -Dthermocarry.chromium=PATH", null);
        }
        Path profile = null;
        Process proc = null;
        try {
            Files.createDirectories(dir);
            profile = Files.createTempDirectory("thermocarry-chromium-");
            List<String> cmd = new ArrayList<>();
            cmd.add(browser.toString());
            cmd.addAll(FLAGS);
            cmd.add("--user-data-dir=" + profile);
            cmd.add("--remote-debugging-address=127.0.0.1");
            cmd.add("--remote-debugging-port=0");
            cmd.add("--window-size=" + WIDTH + ",900");
            cmd.add("about:blank");
            proc = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(profile.resolve("chromium.log").toFile()).start();
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (!proc.isAlive()) {
                    throw new ExportException("Chromium exited (" + proc.exitValue() + ") before opening DevTools: "
                            + tail(profile.resolve("chromium.log")), null);
                }
                if (System.nanoTime() > deadline) {
                    throw new ExportException("Chromium did not open DevTools within " + TIMEOUT.toSeconds() + " s", null);
                }
                Thread.sleep(50);
            }
            List<String> lines = Files.readAllLines(portFile);
            URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
            try (Cdp cdp = Cdp.connect(ws)) {
                return capture(cdp, html, dir, model);
            }
        } catch (IOException e) {
            throw new ExportException("PNG export failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("PNG export interrupted", e);
        } finally {
            if (proc != null) {
                proc.destroy();
                try {
                    if (!proc.waitFor(5, TimeUnit.SECONDS)) {
                        proc.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            deleteTree(profile);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Path> capture(Cdp cdp, Path html, Path dir, ReportModel model) throws InterruptedException {
        Map<String, Object> target = cdp.call(null, "Target.createTarget", "{\"url\":\"about:blank\"}");
        String targetId = (String) target.get("targetId");
        Map<String, Object> attached = cdp.call(null, "Target.attachToTarget",
                "{\"targetId\":" + ReportRenderer.str(targetId) + ",\"flatten\":true}");
        String session = (String) attached.get("sessionId");
        cdp.call(session, "Emulation.setDeviceMetricsOverride",
                "{\"width\":" + WIDTH + ",\"height\":900,\"deviceScaleFactor\":2,\"mobile\":false}");
        cdp.call(session, "Page.enable", "{}");
        cdp.call(session, "Page.navigate", "{\"url\":" + ReportRenderer.str(html.toAbsolutePath().toUri().toString()) + "}");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!"true".equals(eval(cdp, session, "String(document.documentElement.getAttribute('data-ready'))"))) {
            if (System.nanoTime() > deadline) {
                throw new ExportException("the report did not finish drawing within " + TIMEOUT.toSeconds() + " s", null);
            }
            Thread.sleep(50);
        }
        String errors = (String) eval(cdp, session, "JSON.stringify(window.thermocarry.errors)");
        if (!"[]".equals(errors)) {
            throw new ExportException("the report's charts failed in the browser: " + errors, null);
        }
        String rects = (String) eval(cdp, session, "JSON.stringify(Array.from(document.querySelectorAll('[data-figure]'))"
                + ".map(function(e){var r=e.getBoundingClientRect();return {id:e.getAttribute('data-figure'),"
                + "x:r.left+window.scrollX,y:r.top+window.scrollY,w:r.width,h:r.height};}))");
        List<Object> list = (List<Object>) MiniJson.parse(rects);
        List<Path> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> r = (Map<String, Object>) o;
            String id = (String) r.get("id");
            if (!Block.ID.matcher(id).matches()) {
                throw new ExportException("unexpected figure id '" + id + "'", null);
            }
            String clip = String.format(java.util.Locale.ROOT,
                    "{\"format\":\"png\",\"captureBeyondViewport\":true,\"clip\":{\"x\":%.2f,\"y\":%.2f,\"width\":%.2f,"
                            + "\"height\":%.2f,\"scale\":1}}", num(r.get("x")), num(r.get("y")), num(r.get("w")),
                    num(r.get("h")));
            Map<String, Object> shot = cdp.call(session, "Page.captureScreenshot", clip);
            Path file = dir.resolve(id + ".png");
            try {
                Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            } catch (IOException e) {
                throw new ExportException("cannot write " + file + ": " + e.getMessage(), e);
            }
            out.add(file);
        }
        int expected = model.figureCount();
        if (out.size() != expected) {
            throw new ExportException("the page shows " + out.size() + " figures, the report has " + expected, null);
        }
        return out;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Object eval(Cdp cdp, String session, String expression) {
        Map<String, Object> r = cdp.call(session, "Runtime.evaluate",
                "{\"expression\":" + ReportRenderer.str(expression) + ",\"returnByValue\":true}");
        Map<String, Object> result = (Map<String, Object>) r.get("result");
        return result == null ? null : result.get("value");
    }

    private static String tail(Path log) {
        try {
            List<String> l = Files.readAllLines(log);
            return String.join(" | ", l.subList(Math.max(0, l.size() - 5), l.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary profile left behind is harmless; Chromium's helper processes may still be adding or
            // removing files in it while the walk runs (the walk then throws NoSuchFileException, unchecked)
        }
    }

    /** A minimal DevTools-protocol client: one WebSocket, request ids, replies matched by id. */
    private static final class Cdp implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Cdp connect(URI uri) {
            Cdp c = new Cdp();
            try {
                c.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(uri, c).get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExportException("interrupted while connecting to Chromium", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new ExportException("cannot connect to Chromium's DevTools at " + uri + ": " + e.getMessage(), e);
            }
            return c;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> call(String session, String method, String params) {
            int id = ids.incrementAndGet();
            CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
            pending.put(id, f);
            String msg = "{\"id\":" + id + ",\"method\":" + ReportRenderer.str(method) + ",\"params\":" + params
                    + (session == null ? "" : ",\"sessionId\":" + ReportRenderer.str(session)) + "}";
            socket.sendText(msg, true);
            Map<String, Object> reply;
            try {
                reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExportException("interrupted waiting for " + method, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new ExportException("no reply from Chromium to " + method + ": " + e, e);
            } finally {
                pending.remove(id);
            }
            if (reply.containsKey("error")) {
                throw new ExportException("Chromium refused " + method + ": " + reply.get("error"), null);
            }
            Object result = reply.get("result");
            return result instanceof Map ? (Map<String, Object>) result : Map.of();
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Object o = MiniJson.parse(text);
                if (o instanceof Map<?, ?> m && m.get("id") instanceof Number n) {
                    CompletableFuture<Map<String, Object>> f = pending.get(n.intValue());
                    if (f != null) {
                        f.complete((Map<String, Object>) m);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public void close() {
            try {
                call(null, "Browser.close", "{}");
            } catch (ExportException e) {
                // the browser may close the socket before it answers; the process is ended by the caller anyway
            }
            socket.abort();
        }
    }
}
