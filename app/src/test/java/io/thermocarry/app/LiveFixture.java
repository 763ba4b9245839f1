package io.thermocarry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.physics.SyntheticIntradayOuMarket;
import io.thermocarry.core.physics.SyntheticIntradaySpec;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.series.Resampler;
import io.thermocarry.store.Store;
import io.thermocarry.testkit.FakeBinanceStreams;
import io.thermocarry.testkit.StreamRecording;
import io.thermocarry.testkit.SyntheticMarket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic market for the live book's end-to-end tests: 1 h funding cycles and 1 m bars of an OU carry
 * (SyntheticIntradayOuMarket), {@code historyCycles} written to a store as history (hourly bars, funding, and the
 * last day of 1 m bars), then {@code liveCycles} as a {@link StreamRecording} (Binance's exact payloads, sparse
 * cadence) for {@link FakeBinanceStreams}; and {@code live} as a subprocess
 * ({@code java -cp <test classpath> io.thermocarry.app.Main live ...}), so that it can be killed with SIGKILL.
 */
final class LiveFixture {
    static final String SYMBOL = "SYNTHUSDT";
    private static final ObjectMapper JSON = new ObjectMapper();
    final SyntheticIntradayMarket market;
    final long startMs;
    final long endMs;
    final StreamRecording recording;
    /**
     * The recording runs a few minutes past {@code endMs}: REST serves the bar still open with provisional values,
     * so the book takes a backfilled bar as final only once a later one exists; the comparison stops at
     * {@code endMs}.
     */
    static final long TAIL_MS = 5 * 60_000L;

    LiveFixture(long seed, int historyCycles, int liveCycles) {
        SyntheticSpec ou = new SyntheticSpec(SyntheticSpec.DEFAULT_SYMBOL, 0.2, 0.05, 1e-4, 1.5e-4,
                historyCycles + liveCycles + 2, 1, CycleStart.CONTINUOUS, seed, SyntheticSpec.DEFAULT_START, 30_000.0,
                0.004, List.of());
        market = SyntheticIntradayOuMarket.simulate(new SyntheticIntradaySpec(ou, BarInterval.M1, 1.0));
        startMs = market.funding().timeMs(historyCycles);
        endMs = market.funding().timeMs(historyCycles + liveCycles);
        recording = StreamRecording.fromBars(SYMBOL, klines(market.perp()), klines(market.spot()), List.of(),
                funding(market.funding()), Instant.ofEpochMilli(startMs), Instant.ofEpochMilli(endMs + TAIL_MS),
                StreamRecording.Cadence.sparse());
    }

    /** The history before the start, as ingest would have stored it. */
    void writeHistory(Path db) {
        try (Store store = Store.open(db)) {
            BarSeries perp = market.perp().slice(Long.MIN_VALUE, startMs);
            BarSeries spot = market.spot().slice(Long.MIN_VALUE, startMs);
            store.writeBars(Resampler.resample(perp, BarInterval.H1).bars(), "history perp 1h");
            store.writeBars(Resampler.resample(spot, BarInterval.H1).bars(), "history spot 1h");
            store.writeBars(perp.slice(startMs - 86_400_000L, startMs), "history perp 1m");
            store.writeBars(spot.slice(startMs - 86_400_000L, startMs), "history spot 1m");
            store.writeFunding(market.funding().slice(Long.MIN_VALUE, startMs + 1), "history funding");
        }
    }

    private static List<SyntheticMarket.Kline> klines(BarSeries s) {
        List<SyntheticMarket.Kline> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            String v = Double.toString(s.volume(i));
            out.add(new SyntheticMarket.Kline(s.openTimeMs(i), s.openTimeMs(i) + 59_999, Double.toString(s.open(i)),
                    Double.toString(s.high(i)), Double.toString(s.low(i)), Double.toString(s.close(i)), v, v, 1, "0",
                    "0"));
        }
        return out;
    }

    private static List<SyntheticMarket.Funding> funding(FundingSeries f) {
        List<SyntheticMarket.Funding> out = new ArrayList<>(f.size());
        for (int i = 0; i < f.size(); i++) {
            double m = f.markPrice(i);
            out.add(new SyntheticMarket.Funding(f.timeMs(i), f.timeMs(i), (int) (f.intervalMs(i) / 3_600_000L),
                    Double.toString(f.rate(i)), Double.isFinite(m) ? Double.toString(m) : "0"));
        }
        return out;
    }

    /** The rules of the tests: the relaxation gate opened, re-admission at any bar, 16 bps (more fills). */
    static List<String> ruleArgs() {
        return List.of("--relaxation-safe", "100", "--readmit", "any-bar", "--fee-bps", "16", "--child", "5m");
    }

    /** A running {@code live} process; stdout and stderr go to files beside the store. */
    static final class LiveProcess {
        final Process process;
        final Path outFile;
        final Path errFile;

        LiveProcess(Process p, Path outFile, Path errFile) {
            this.process = p;
            this.outFile = outFile;
            this.errFile = errFile;
        }

        String stderr() {
            try {
                return Files.readString(errFile);
            } catch (IOException e) {
                return "";
            }
        }

        int port() throws Exception {
            Pattern portLine = Pattern.compile("status page http://127\\.0\\.0\\.1:(\\d+)/");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                Matcher m = portLine.matcher(stderr());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("live ended (exit " + process.exitValue() + "): " + stderr());
                }
                Thread.sleep(50);
            }
            throw new AssertionError("live never served its status page: " + stderr());
        }

        /** The status document. */
        JsonNode status() throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port() + "/status.json")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }

        /** Waits until the symbol's checkpoint reaches {@code ms} and nothing is pending. */
        void awaitCheckpoint(long ms, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            String want = Instant.ofEpochMilli(ms).toString();
            while (true) {
                JsonNode s = status();
                String cp = s.path("symbols").path(0).path("checkpoint").asText();
                if (cp.startsWith("20") && Instant.parse(cp).toEpochMilli() >= ms
                        && s.path("symbols").path(0).path("pendingSettlements").asInt(-1) == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("checkpoint " + s.path("symbols").path(0).path("checkpoint") + " never"
                            + " reached " + want + "; stderr:\n" + stderr());
                }
                Thread.sleep(100);
            }
        }

        /** SIGTERM, then the stop summary on stdout. */
        JsonNode stop() throws Exception {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("live did not stop on SIGTERM; stderr:\n" + stderr());
            }
            String text = Files.readString(outFile).trim();
            if (process.exitValue() != 0) {
                throw new AssertionError("live exit " + process.exitValue() + "; stderr:\n" + stderr());
            }
            String last = text.substring(text.lastIndexOf('\n') + 1);
            if (!last.startsWith("{")) {
                throw new AssertionError("no stop summary on stdout (exit " + process.exitValue() + "): '" + text
                        + "'; stderr:\n" + stderr());
            }
            return JSON.readTree(last);
        }

        /** SIGKILL. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Starts {@code live} on {@code db} against the replay server. */
    LiveProcess start(Path db, FakeBinanceStreams server, String book, String fill) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "io.thermocarry.app.Main", "live", "--db", db.toString(),
                "--symbols", SYMBOL, "--from", Instant.ofEpochMilli(startMs).toString(), "--port", "0", "--book", book,
                "--fill", fill, "--ws-url", server.futuresWsUrl(), "--spot-ws-url", server.spotWsUrl(), "--base-url",
                server.restUrl()));
        cmd.addAll(ruleArgs());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path out = Files.createTempFile(db.getParent(), "live-", ".out");
        Path err = Files.createTempFile(db.getParent(), "live-", ".err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return new LiveProcess(pb.start(), out, err);
    }
}
