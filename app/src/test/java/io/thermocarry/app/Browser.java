package io.thermocarry.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Chromium and Debian's chromedriver for browser tests. Absent: the test skips with a message,
 * unless {@code thermocarry.requireSharedData} is true (CI, where {@code .ci/run} installs them), where it fails.
 */
final class Browser {
    static final Path CHROMIUM = first(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    static final Path DRIVER = first(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));

    private Browser() {
    }

    private static Path first(Path... paths) {
        for (Path p : paths) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Skips (or fails in CI) when Chromium or chromedriver is missing. */
    static void require() {
        if (CHROMIUM != null && DRIVER != null) {
            return;
        }
        String msg = "headless Chromium not available (need /usr/bin/chromium and /usr/bin/chromedriver: "
                + "apt-get install chromium chromium-driver)";
        if (Boolean.getBoolean("thermocarry.requireSharedData")
                || "true".equals(System.getenv("THERMOCARRY_REQUIRE_SHARED_DATA"))) {
            Assertions.fail(msg + " but thermocarry.requireSharedData=true: CI must have it (.ci/run installs it)");
        }
        Assumptions.abort(msg + ": skipping the browser test");
    }
}
