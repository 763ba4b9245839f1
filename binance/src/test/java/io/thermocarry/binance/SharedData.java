package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real Binance data of {@code ../shared/data/binance}: system property
 * {@code thermocarry.sharedDir} (set by surefire from the root pom), then {@code ../shared} and
 * {@code ../../shared} relative to the working directory. When absent, real-data tests are skipped with a
 * clear message, unless {@code -Dthermocarry.requireSharedData=true} (CI), which makes them fail.
 */
final class SharedData {
    private SharedData() {
    }

    /** The {@code data/binance} folder, or aborts/fails the calling test when it is missing. */
    static Path binance() {
        List<Path> tried = new ArrayList<>();
        String prop = System.getProperty("thermocarry.sharedDir");
        if (prop != null && !prop.isBlank()) {
            tried.add(Path.of(prop));
        }
        tried.add(Path.of("../shared"));
        tried.add(Path.of("../../shared"));
        for (Path shared : tried) {
            Path dir = shared.resolve("data").resolve("binance");
            if (Files.isDirectory(dir.resolve("klines")) && Files.isDirectory(dir.resolve("funding"))) {
                return dir.toAbsolutePath().normalize();
            }
        }
        String message = "real Binance data not found under " + tried.stream().map(p -> p.toAbsolutePath().normalize()
                + "/data/binance").toList() + "; set -Dthermocarry.sharedDir=<path to shared>";
        if (Boolean.getBoolean("thermocarry.requireSharedData")) {
            fail(message + " (required: thermocarry.requireSharedData=true)");
        }
        Assumptions.abort(message + ": real-data test skipped");
        throw new AssertionError("unreachable");
    }

    /** A file under {@code data/binance}, e.g. {@code klines/1h/futures/BTCUSDT.csv.gz}. */
    static Path file(String relative) {
        Path p = binance().resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("expected real data file " + p + " (see SOURCES.md)");
        }
        return p;
    }
}
