package io.thermocarry.app;

import io.thermocarry.store.Store;
import java.nio.file.Path;

/** Opens the store named by {@code --db} with a clear message when it cannot be opened. */
final class Stores {
    private Stores() {
    }

    static Store open(Path db) {
        try {
            return Store.open(db);
        } catch (RuntimeException e) {
            throw new JobFailed("cannot open the store " + db + ": " + e.getMessage()
                    + " (is another thermocarry process using it? pass another file with --db)", e);
        }
    }
}
