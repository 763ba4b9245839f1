package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.market.Symbol;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Flags common to every subcommand (CLI.md). */
public final class CommonOptions {
    @Option(names = "--db", paramLabel = "PATH", description = "the DuckDB store (default: ${DEFAULT-VALUE})",
            defaultValue = "thermocarry.duckdb")
    Path db;

    @Option(names = "--symbol", paramLabel = "S", description = "Binance symbol, e.g. BTCUSDT")
    String symbol;

    @Option(names = "--symbols", paramLabel = "S,S", split = ",", description = "Binance symbols")
    List<String> symbols;

    @Option(names = "--from", paramLabel = "DATE", description = "UTC start, inclusive: 2020-01-01 or an ISO instant")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "UTC end, exclusive: 2026-03-31 or an ISO instant")
    String to;

    @Option(names = "--compat", paramLabel = "causal|reference", defaultValue = "causal",
            description = "causal (default) or the reference code's flawed rules (SPEC §4, §7)")
    String compat;

    @Option(names = "--json", description = "print one JSON document on stdout instead of tables")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the main table as CSV")
    Path csv;

    /** The symbols given by --symbol and --symbols, in order, without duplicates. */
    public List<Symbol> symbolList() {
        List<Symbol> out = new ArrayList<>();
        if (symbol != null) {
            out.add(Symbol.of(symbol));
        }
        if (symbols != null) {
            for (String s : symbols) {
                Symbol sym = Symbol.of(s);
                if (!out.contains(sym)) {
                    out.add(sym);
                }
            }
        }
        return out;
    }

    /** The single symbol this command needs; a usage error when none or several were given. */
    public Symbol requireOneSymbol() {
        List<Symbol> l = symbolList();
        if (l.size() != 1) {
            throw new UsageError("give exactly one symbol with --symbol (e.g. --symbol BTCUSDT)");
        }
        return l.get(0);
    }

    public Instant fromInstant() {
        return parseTime(from, "--from");
    }

    public Instant toInstant() {
        return parseTime(to, "--to");
    }

    public Compat compatMode() {
        try {
            return Compat.parse(compat);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    static Instant parseTime(String s, String flag) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageError(flag + " '" + s + "' is not a date (2020-01-01) or an ISO instant (2020-01-01T08:00:00Z)");
        }
    }
}
