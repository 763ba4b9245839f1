package io.thermocarry.binance.download;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thermocarry.core.Checks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one GET every Binance client here goes through, on the JDK's {@link HttpClient}: request weight kept under
 * the limit, transient failures retried with bounded exponential back-off and jitter, Binance's refusals turned into
 * clear errors, everything counted ({@link #stats()}).
 *
 * <ul>
 * <li>Weight: before each request the host's {@link WeightGovernor} may sleep until the minute rolls; after each
 * response Binance's {@code X-MBX-USED-WEIGHT-1M} resets its count. Count-limited endpoints add a
 * {@link RequestBudget}.</li>
 * <li>Transient, retried: HTTP 5xx; no complete response within {@link NetPolicy#timeout()} (headers and body);
 * connection refused, reset or closed (also mid-body: a body shorter than its {@code Content-Length}); a 200 whose
 * JSON is truncated or malformed. HTTP 429 is retried after its {@code Retry-After} (or the next minute).</li>
 * <li>Final: HTTP 418 ({@link IpBannedException}, nothing more is sent); other 4xx ({@link BinanceApiException}
 * with Binance's code and message); attempts exhausted ({@link NetworkGaveUpException}); an interrupt
 * ({@link NetInterruptedException}).</li>
 * </ul>
 *
 * <p>Clock and sleeper are injected, so tests see every wait without waiting. Calls are sequential (one download
 * runs one request at a time, which is also what Binance's limits favour); the statistics may be read from another
 * thread.
 */
public final class BinanceHttp {
    /** The hosts whose limits Binance counts apart. */
    public enum Host {
        /** USDⓈ-M futures REST ({@code fapi.binance.com}). */
        FUTURES,
        /** Spot REST ({@code api.binance.com}). */
        SPOT,
        /** The bulk archive ({@code data.binance.vision}): no weight. */
        ARCHIVE
    }

    /** What a caller expects in a 200 body; decides whether a 404 is an answer or an error. */
    enum Expect {
        /** A REST JSON document: must be complete; a 404 is an error. */
        JSON,
        /** A file: any bytes; a 404 is an answer ("no such file"). */
        FILE
    }

    /** A response with status 200 (or 404 for {@link Expect#FILE}). */
    record Response(String url, int status, byte[] body) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

    private final NetPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random jitter;
    private final HttpClient client;
    private final Map<Host, WeightGovernor> governors = new EnumMap<>(Host.class);
    private long requests;
    private long retries;
    private long bytes;
    private long http429;
    private long rateLimitWaits;
    private long rateLimitWaitMillis;
    private long backoffMillis;
    private long maxUsedWeight;

    /**
     * @param policy attempts, timeouts, back-off, weight limit
     * @param clock the clock weight minutes and ban ends are read from
     * @param sleeper how to wait
     * @param jitterSeed seed of the back-off jitter (fixed in tests, anything in production)
     */
    public BinanceHttp(NetPolicy policy, Clock clock, Sleeper sleeper, long jitterSeed) {
        this.policy = Checks.notNull(policy, "policy");
        this.clock = Checks.notNull(clock, "clock");
        this.sleeper = Checks.notNull(sleeper, "sleeper");
        this.jitter = new Random(jitterSeed);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        governors.put(Host.FUTURES, new WeightGovernor(policy.maxWeightPerMinute(), policy.minuteMargin()));
        governors.put(Host.SPOT, new WeightGovernor(policy.maxWeightPerMinute(), policy.minuteMargin()));
        governors.put(Host.ARCHIVE, new WeightGovernor(Integer.MAX_VALUE, Duration.ZERO));
    }

    /** Real clock and real sleeps. */
    public static BinanceHttp system(NetPolicy policy) {
        return new BinanceHttp(policy, Clock.systemUTC(), Sleeper.SYSTEM, System.nanoTime());
    }

    /** The policy in force. */
    public NetPolicy policy() {
        return policy;
    }

    /** The clock in use. */
    public Clock clock() {
        return clock;
    }

    /** What was done so far. */
    public synchronized NetStats stats() {
        return new NetStats(requests, retries, bytes, http429, rateLimitWaits, rateLimitWaitMillis, backoffMillis,
                maxUsedWeight);
    }

    /**
     * GETs {@code uri} under the rules in the class comment.
     *
     * @param weight Binance's request weight for this request (0 for the archive)
     * @param budget a count limit this endpoint is under, or null
     * @param subject what is asked, for messages ({@code "BTCUSDT perp klines"})
     */
    Response get(URI uri, Host host, int weight, RequestBudget budget, Expect expect, String subject) {
        String url = uri.toString();
        String last = "no attempt made";
        Throwable lastCause = null;
        int max = policy.maxAttempts();
        for (int attempt = 1; attempt <= max; attempt++) {
            if (attempt > 1) {
                count(() -> retries++);
            }
            waitForLimits(host, weight, budget, url);
            count(() -> requests++);
            HttpResponse<byte[]> r;
            try {
                r = send(uri);
            } catch (TimeoutException | HttpTimeoutException e) {
                last = "no complete response within " + seconds(policy.timeout());
                lastCause = e;
                backoff(attempt, url);
                continue;
            } catch (IOException e) {
                last = "connection failed: " + describe(e);
                lastCause = e;
                backoff(attempt, url);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetInterruptedException(url, e);
            }
            byte[] body = r.body() == null ? new byte[0] : r.body();
            count(() -> bytes += body.length);
            observeWeight(host, r);
            int status = r.statusCode();
            if (status == 200) {
                if (expect == Expect.JSON && !completeJson(body)) {
                    last = "truncated or malformed JSON body (" + body.length + " bytes)";
                    lastCause = null;
                    backoff(attempt, url);
                    continue;
                }
                return new Response(url, 200, body);
            }
            if (status == 404 && expect == Expect.FILE) {
                return new Response(url, 404, body);
            }
            if (status == 429) {
                count(() -> http429++);
                Duration wait = retryAfter(r).orElseGet(this::untilNextMinute);
                last = "HTTP 429 too many requests (Retry-After " + seconds(wait) + ")";
                lastCause = null;
                if (attempt < max) {
                    Duration w = wait;
                    count(() -> backoffMillis += w.toMillis());
                    sleep(wait, url);
                }
                continue;
            }
            if (status == 418) {
                Optional<Duration> ra = retryAfter(r);
                throw new IpBannedException(url, ra.orElse(null),
                        ra.map(d -> Instant.ofEpochMilli(clock.millis()).plus(d)).orElse(null));
            }
            if (status >= 500) {
                last = "HTTP " + status + describeBody(body);
                lastCause = null;
                backoff(attempt, url);
                continue;
            }
            throw apiError(url, status, body, subject);
        }
        throw new NetworkGaveUpException(url, max, last, lastCause);
    }

    /** Counts a retry decided by a caller (a {@code .CHECKSUM} mismatch) and waits the back-off of {@code attempt}. */
    void retryAfterBadContent(int attempt, String url) {
        count(() -> retries++);
        backoff(attempt, url);
    }

    private void waitForLimits(Host host, int weight, RequestBudget budget, String url) {
        WeightGovernor g = governors.get(host);
        // Bounded: after one wait the minute (or the window) has moved on; a sleeper that does not move the clock
        // must not hang the download.
        for (int guard = 0; guard < 8; guard++) {
            long now = clock.millis();
            Duration w = g.waitBefore(weight, now);
            Duration b = budget == null ? Duration.ZERO : budget.waitBefore(now);
            Duration d = w.compareTo(b) >= 0 ? w : b;
            if (d.isZero() || d.isNegative()) {
                break;
            }
            count(() -> {
                rateLimitWaits++;
                rateLimitWaitMillis += d.toMillis();
            });
            sleep(d, url);
        }
        long now = clock.millis();
        g.reserve(weight, now);
        if (budget != null) {
            budget.record(now);
        }
    }

    private void observeWeight(Host host, HttpResponse<byte[]> r) {
        Optional<String> h = r.headers().firstValue(WEIGHT_HEADER);
        if (h.isEmpty()) {
            return;
        }
        try {
            long used = Long.parseLong(h.get().trim());
            governors.get(host).observe(used, clock.millis());
            count(() -> maxUsedWeight = Math.max(maxUsedWeight, used));
        } catch (NumberFormatException e) {
            // A header we cannot read leaves the local count in charge.
        }
    }

    private HttpResponse<byte[]> send(URI uri) throws IOException, TimeoutException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(policy.timeout())
                .header("Accept", "application/json, application/zip, text/plain, */*")
                .header("User-Agent", "thermocarry/0.1 (+funding-carry research)")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request timeout covers the headers only; this deadline also covers a body that stalls.
            return f.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c == null ? "request failed" : describe(c), c);
        } catch (TimeoutException | InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    private void backoff(int attempt, String url) {
        if (attempt >= policy.maxAttempts()) {
            return;
        }
        long wait = policy.backoff(attempt, jitter.nextDouble()).toMillis();
        count(() -> backoffMillis += wait);
        sleep(Duration.ofMillis(wait), url);
    }

    private void sleep(Duration d, String url) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetInterruptedException(url, e);
        }
    }

    private Duration untilNextMinute() {
        long now = clock.millis();
        return Duration.ofMillis(60_000L - Math.floorMod(now, 60_000L)).plus(policy.minuteMargin());
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<?> r) {
        Optional<String> h = r.headers().firstValue("Retry-After");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String v = h.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                long ms = at.toEpochMilli() - clock.millis();
                return Optional.of(Duration.ofMillis(Math.max(0, ms)));
            } catch (DateTimeParseException ex) {
                return Optional.empty();
            }
        }
    }

    private static BinanceApiException apiError(String url, int status, byte[] body, String subject) {
        Integer code = null;
        String msg = null;
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n != null && n.isObject() && n.has("code")) {
                code = n.get("code").asInt();
                msg = n.has("msg") ? n.get("msg").asText() : null;
            }
        } catch (IOException e) {
            // Not a Binance error body: described below from the raw bytes.
        }
        String text;
        if (code != null) {
            String hint = switch (code) {
                case -1121 -> "check the symbol: spelled as Binance does (BTCUSDT) and listed on this market";
                case -1120 -> "check --interval (1m, 5m, 15m, 1h, 4h, 8h, 1d)";
                case -1100, -1101, -1102, -1130, -1128 -> "a parameter Binance does not accept: report this as a bug";
                default -> "see Binance's error codes; retrying will not help";
            };
            text = subject + ": Binance refused the request: code " + code + " '" + msg + "' (HTTP " + status + " from "
                    + url + "); " + hint;
        } else {
            String hint = status == 404
                    ? "; the server has no such path: check --base-url, --spot-base-url or --archive-url (a mirror must"
                            + " serve Binance's paths)"
                    : status == 401 || status == 403 ? "; access refused: a proxy or a region block?" : "";
            text = subject + ": HTTP " + status + " from " + url + describeBody(body) + hint;
        }
        return new BinanceApiException(url, status, code, msg, text);
    }

    /** True when {@code body} is exactly one complete JSON value. */
    static boolean completeJson(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describeBody(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}]+", " ").trim();
        return s.isEmpty() ? "" : " (" + s + (body.length > 160 ? "…" : "") + ")";
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }

    private synchronized void count(Runnable r) {
        r.run();
    }
}
