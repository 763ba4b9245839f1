package io.thermocarry.core.signal;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared}: system property {@code thermocarry.sharedDir} (set by surefire), else
 * {@code ../shared} or {@code ../../shared} from the working directory. Absent: the calling test is skipped
 * with a clear message, or fails when {@code thermocarry.requireSharedData=true} (CI).
 */
final class SharedData {
    private SharedData() {
    }

    static Path referenceDir() {
        Path dir = find();
        String why = "shared data not found (system property thermocarry.sharedDir="
                + System.getProperty("thermocarry.sharedDir") + ", ../shared, ../../shared): golden-file test skipped";
        if (dir == null) {
            if (Boolean.getBoolean("thermocarry.requireSharedData")) {
                fail(why.replace("skipped", "required by thermocarry.requireSharedData=true"));
            }
            Assumptions.assumeTrue(false, why);
        }
        return dir.resolve("reference");
    }

    private static Path find() {
        String prop = System.getProperty("thermocarry.sharedDir");
        if (prop != null && !prop.isBlank() && hasReference(Paths.get(prop))) {
            return Paths.get(prop);
        }
        for (String c : new String[] {"../shared", "../../shared"}) {
            Path p = Paths.get(c).toAbsolutePath().normalize();
            if (hasReference(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean hasReference(Path p) {
        return Files.isRegularFile(p.resolve("reference").resolve("BTCUSDT.reference-cycles.csv.gz"));
    }
}
