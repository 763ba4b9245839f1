package io.thermocarry.app;

import io.thermocarry.store.ImportReport;
import io.thermocarry.store.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export} / {@code import}: any store table to or from Parquet (pandas, Polars, Spark users). */
final class ParquetCommand {
    private ParquetCommand() {
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a store table to a Parquet file (COPY ... TO ... (FORMAT PARQUET)).")
    static final class Export implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--table", required = true, description = "table name (see 'thermocarry info')")
        String table;

        @Parameters(index = "0", paramLabel = "FILE", description = "the Parquet file to write")
        Path file;

        @Override
        public Integer call() {
            try (Store store = Stores.open(common.db)) {
                if (!store.tables().contains(table)) {
                    throw new UsageError("no table '" + table + "'; tables: " + store.tables());
                }
                store.exportParquet(table, file);
            }
            if (common.json) {
                Map<String, Object> doc = Out.obj();
                doc.put("table", table);
                doc.put("out", file.toString());
                Out.json(System.out, doc);
            } else {
                System.out.println(table + " -> " + file);
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load a Parquet file into a store table; rows already present are skipped, conflicting "
                    + "rows reported and the stored value kept (idempotent, like ingest).")
    static final class Import implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--table", required = true, description = "table name")
        String table;

        @Parameters(index = "0", paramLabel = "FILE", description = "the Parquet file to read")
        Path file;

        @Override
        public Integer call() {
            ImportReport r;
            try (Store store = Stores.open(common.db)) {
                r = store.importParquet(table, file);
            }
            if (common.json) {
                Map<String, Object> doc = Out.obj();
                doc.put("table", r.table());
                doc.put("rowsInserted", r.rowsInserted());
                doc.put("rowsAlreadyPresent", r.rowsAlreadyPresent());
                doc.put("conflicts", r.conflicts());
                Out.json(System.out, doc);
            } else {
                System.out.printf("%s: %d rows inserted, %d already present, %d conflicts%n", r.table(), r.rowsInserted(),
                        r.rowsAlreadyPresent(), r.conflicts());
            }
            return 0;
        }
    }
}
