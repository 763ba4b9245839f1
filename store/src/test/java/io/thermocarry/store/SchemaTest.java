package io.thermocarry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {

    @Test
    void aNewStore_isAtTheLatestVersion_withOneSchemaVersionRowPerMigration() {
        try (Store store = Store.inMemory()) {
            assertEquals(Schema.latestVersion(), store.schemaVersion());
            assertEquals((long) Schema.MIGRATIONS.size(),
                    store.sqlForTests("SELECT count(*) FROM schema_version").get(0).get(0));
            for (String t : Schema.tables().keySet()) {
                assertTrue(store.tables().contains(t), t);
            }
        }
    }

    @Test
    void reopeningAStore_appliesNoMigrationTwice(@TempDir Path dir) {
        Path db = dir.resolve("s.duckdb");
        List<List<Object>> versions;
        try (Store store = Store.open(db)) {
            versions = store.sqlForTests("SELECT * FROM schema_version ORDER BY version");
        }
        try (Store store = Store.open(db)) {
            assertEquals(versions, store.sqlForTests("SELECT * FROM schema_version ORDER BY version"));
        }
    }

    @Test
    void aStoreWrittenByNewerCode_isRefused(@TempDir Path dir) {
        Path db = dir.resolve("s.duckdb");
        try (Store store = Store.open(db)) {
            store.sqlForTests("INSERT INTO schema_version VALUES (" + (Schema.latestVersion() + 1) + ", 'future', 0)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void everyTableDefinition_namesItsKeyColumns_asColumnsOfTheTable() {
        try (Store store = Store.inMemory()) {
            for (Schema.TableDef t : Schema.tables().values()) {
                List<Object> cols = store.sqlForTests("SELECT column_name FROM duckdb_columns() WHERE table_name = '"
                        + t.name() + "'").stream().map(r -> r.get(0)).toList();
                assertTrue(cols.containsAll(t.keyColumns()), t.name() + " " + cols);
                assertTrue(cols.containsAll(t.valueColumns()), t.name() + " " + cols);
                assertTrue(!t.keyColumns().isEmpty(), t.name());
            }
        }
    }

    @Test
    void theDuplicateKeyCheckUsedByOtherTests_seesARowWrittenBehindTheStoresBack() {
        try (Store store = Store.inMemory()) {
            store.ingest(Fixtures.bars("a", Fixtures.walk(Fixtures.BTC, io.thermocarry.core.market.Market.SPOT, 3, 1)));
            assertEquals(0, Fixtures.duplicateKeys(store));
            store.sqlForTests("INSERT INTO bars SELECT * FROM bars LIMIT 1");
            assertEquals(1, Fixtures.duplicateKeys(store));
        }
    }

    @Test
    void sqlForTests_returnsRowsOfJdbcObjects_andNothingForStatements() {
        try (Store store = Store.inMemory()) {
            assertEquals(List.of(), store.sqlForTests("CREATE TEMP TABLE t(x INTEGER)"));
            assertEquals(List.of(List.of(2L, "a")), store.sqlForTests("SELECT 1::BIGINT + 1, 'a'"));
            assertThrows(StoreException.class, () -> store.sqlForTests("SELEC nonsense"));
        }
    }
}
