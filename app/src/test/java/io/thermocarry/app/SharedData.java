package io.thermocarry.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared} (real Binance data and golden files). Where it is absent, tests skip with a
 * clear message — unless {@code -Dthermocarry.requireSharedData=true} (set by {@code .ci/run}), where the
 * absence is a failure.
 */
final class SharedData {
    private SharedData() {
    }

    /** The shared folder, or a skip/failure when it is absent. */
    static Path root() {
        String prop = System.getProperty("thermocarry.sharedDir");
        Path[] candidates = {prop == null ? null : Path.of(prop), Path.of("../shared"), Path.of("../../shared")};
        for (Path p : candidates) {
            if (p != null && Files.isDirectory(p.resolve("data/binance"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        String msg = "real Binance data not found (looked for ../shared/data/binance beside the repo"
                + (prop == null ? "" : " and " + prop) + ")";
        if (Boolean.getBoolean("thermocarry.requireSharedData")
                || "true".equals(System.getenv("THERMOCARRY_REQUIRE_SHARED_DATA"))) {
            Assertions.fail(msg + " but thermocarry.requireSharedData=true: CI must have it");
        }
        Assumptions.abort(msg + ": skipping real-data test");
        return null;
    }

    static Path binance() {
        return root().resolve("data/binance");
    }
}
