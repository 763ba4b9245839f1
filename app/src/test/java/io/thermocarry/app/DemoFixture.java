package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Runs {@code demo --json} once per test JVM (with PNG export when Chromium is there) and shares its result. */
final class DemoFixture {
    private static JsonNode result;

    private DemoFixture() {
    }

    /** The demo's JSON ({@code report}, {@code db}, {@code charts}); its output folder is {@code target/demo-test}. */
    static synchronized JsonNode get(boolean png) {
        if (result == null || png && !result.has("png")) {
            Path out = Path.of("target", "demo-test").toAbsolutePath();
            Cli.Result r = png ? Cli.run("demo", "--out", out.toString(), "--png", out.resolve("png").toString(), "--json")
                    : Cli.run("demo", "--out", out.toString(), "--json");
            assertEquals(0, r.exit(), r.err());
            result = r.json();
            if (png) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("png", out.resolve("png").toString());
            }
        }
        return result;
    }
}
