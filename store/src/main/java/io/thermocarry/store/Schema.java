package io.thermocarry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The store's schema as an ordered list of migrations. Adding a table (runs, metrics, ledger, trades...) is
 * one new {@link Migration} appended to {@link #MIGRATIONS} with its {@link TableDef}: the migration creates it
 * on every store, old or new, and the table is at once known to Parquet export/import and {@code tables()}.
 * Applied migrations are recorded in {@code schema_version}; a migration once released is never edited.
 *
 * <p>Times are {@code BIGINT} epoch milliseconds (UTC) in columns named {@code *_ms}: exact for Binance's
 * jittered funding times, no time-zone setting involved, and read straight into {@code long[]}. In SQL,
 * {@code epoch_ms(open_time_ms)} gives a timestamp.
 *
 * <p>Keys are enforced by the one write path (anti-joins inside each file's transaction), not by DuckDB
 * {@code PRIMARY KEY} indexes: an ART index made bulk ingest two to three times slower on the project's 2-core
 * machines (1.5 M hourly bars: 0.35-0.65 M rows/s with it, about 1.1 M rows/s without, mostly spent maintaining
 * the index at commit) and must be held in memory for tens of millions of 1-minute bars, while adding no guarantee
 * the anti-join does not already give. {@code Store} is the only writer (DuckDB locks the file, its methods are
 * synchronized), and tests check that keys stay unique.
 */
final class Schema {
    /** A table and the columns that identify a row (its logical primary key) and those compared for conflicts. */
    record TableDef(String name, String ddl, List<String> keyColumns, List<String> valueColumns) {
        TableDef {
            keyColumns = List.copyOf(keyColumns);
            valueColumns = List.copyOf(valueColumns);
        }
    }

    /** One schema step: tables to create, then any further statements (indexes, data fixes). */
    record Migration(int version, String description, List<TableDef> tables, List<String> statements) {
        Migration {
            tables = List.copyOf(tables);
            statements = List.copyOf(statements);
        }
    }

    static final TableDef BARS = new TableDef("bars", """
            CREATE TABLE bars (
              symbol VARCHAR NOT NULL,
              market VARCHAR NOT NULL,
              interval VARCHAR NOT NULL,
              open_time_ms BIGINT NOT NULL,
              open DOUBLE NOT NULL,
              high DOUBLE NOT NULL,
              low DOUBLE NOT NULL,
              close DOUBLE NOT NULL,
              volume DOUBLE NOT NULL,
              placeholder BOOLEAN NOT NULL,
              source_file VARCHAR NOT NULL,
              CHECK (isfinite(open) AND isfinite(high) AND isfinite(low) AND isfinite(close)),
              CHECK (high >= low),
              CHECK (isfinite(volume) AND volume >= 0)
            )""", List.of("symbol", "market", "interval", "open_time_ms"),
            List.of("open", "high", "low", "close", "volume"));

    static final TableDef FUNDING = new TableDef("funding", """
            CREATE TABLE funding (
              symbol VARCHAR NOT NULL,
              time_ms BIGINT NOT NULL,
              rate DOUBLE NOT NULL CHECK (isfinite(rate)),
              interval_ms BIGINT NOT NULL CHECK (interval_ms > 0),
              mark_price DOUBLE CHECK (isfinite(mark_price) AND mark_price > 0),
              source_file VARCHAR NOT NULL
            )""", List.of("symbol", "time_ms"), List.of("rate", "interval_ms", "mark_price"));

    static final TableDef INGESTED_FILES = new TableDef("ingested_files", """
            CREATE TABLE ingested_files (
              path VARCHAR NOT NULL,
              sha256 VARCHAR NOT NULL,
              series VARCHAR NOT NULL,
              policy VARCHAR NOT NULL,
              rows_read BIGINT NOT NULL,
              rows_accepted BIGINT NOT NULL,
              rows_rejected BIGINT NOT NULL,
              rows_already_present BIGINT NOT NULL,
              conflicts BIGINT NOT NULL,
              ingested_at_ms BIGINT NOT NULL
            )""", List.of("sha256", "series"), List.of());

    static final TableDef REJECTED_ROWS = new TableDef("rejected_rows", """
            CREATE TABLE rejected_rows (
              file VARCHAR NOT NULL,
              line BIGINT NOT NULL,
              reason VARCHAR NOT NULL,
              sha256 VARCHAR NOT NULL
            )""", List.of("file", "line", "reason", "sha256"), List.of());

    static final TableDef CONFLICTS = new TableDef("conflicts", """
            CREATE TABLE conflicts (
              table_name VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              market VARCHAR,
              interval VARCHAR,
              time_ms BIGINT NOT NULL,
              stored VARCHAR NOT NULL,
              incoming VARCHAR NOT NULL,
              source_file VARCHAR NOT NULL
            )""", List.of("table_name", "symbol", "market", "interval", "time_ms", "stored", "incoming",
            "source_file"), List.of());


    /** The tag columns every evaluation result row starts with (fold −1: the stitched out-of-sample span). */
    static final List<String> RESULT_TAGS = List.of("run_id", "symbol", "strategy", "config", "fee_bps", "compat", "fold");

    static final TableDef RUNS = new TableDef("runs", """
            CREATE TABLE runs (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              request VARCHAR NOT NULL,
              created_at_ms BIGINT NOT NULL,
              from_ms BIGINT,
              to_ms BIGINT,
              train_cycles INTEGER NOT NULL,
              test_cycles INTEGER NOT NULL,
              resamples INTEGER NOT NULL,
              block_length INTEGER NOT NULL,
              seed BIGINT NOT NULL,
              tune VARCHAR,
              cycles INTEGER NOT NULL,
              first_decision INTEGER NOT NULL,
              folds INTEGER NOT NULL,
              oos_cycles INTEGER NOT NULL,
              oos_start_ms BIGINT,
              oos_end_ms BIGINT,
              settlements_after_basis INTEGER NOT NULL
            )""", RESULT_TAGS, List.of());

    static final TableDef METRICS = new TableDef("metrics", """
            CREATE TABLE metrics (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              cycles INTEGER NOT NULL,
              start_ms BIGINT,
              end_ms BIGINT,
              years DOUBLE,
              total_return DOUBLE,
              annual_return DOUBLE,
              sharpe DOUBLE,
              sharpe_ci_low DOUBLE,
              sharpe_ci_high DOUBLE,
              sortino DOUBLE,
              sharpe_per_cycle DOUBLE,
              reference_sharpe DOUBLE,
              max_drawdown DOUBLE,
              calmar DOUBLE,
              worst_cycle DOUBLE,
              cvar5 DOUBLE,
              win_rate DOUBLE,
              profit_factor DOUBLE,
              trades INTEGER NOT NULL,
              avg_hold_cycles DOUBLE,
              turnover DOUBLE,
              fee_drag DOUBLE,
              pnl_funding DOUBLE,
              pnl_basis DOUBLE,
              pnl_price DOUBLE,
              pnl_fees DOUBLE,
              pnl_total DOUBLE,
              equilibrium_cycles INTEGER NOT NULL,
              equilibrium_funding DOUBLE,
              equilibrium_basis DOUBLE,
              equilibrium_fees DOUBLE,
              equilibrium_total DOUBLE,
              warm_cycles INTEGER NOT NULL,
              warm_funding DOUBLE,
              warm_basis DOUBLE,
              warm_fees DOUBLE,
              warm_total DOUBLE,
              ness_cycles INTEGER NOT NULL,
              ness_funding DOUBLE,
              ness_basis DOUBLE,
              ness_fees DOUBLE,
              ness_total DOUBLE,
              none_cycles INTEGER NOT NULL,
              none_funding DOUBLE,
              none_basis DOUBLE,
              none_fees DOUBLE,
              none_total DOUBLE,
              ruined BOOLEAN NOT NULL,
              basis_not_evaluated INTEGER NOT NULL,
              funding_not_evaluated INTEGER NOT NULL
            )""", RESULT_TAGS, List.of());

    static final TableDef LEDGER = new TableDef("ledger", """
            CREATE TABLE ledger (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              cycle INTEGER NOT NULL,
              start_ms BIGINT NOT NULL,
              end_ms BIGINT NOT NULL,
              side VARCHAR NOT NULL,
              notional DOUBLE NOT NULL,
              traded DOUBLE NOT NULL,
              funding DOUBLE NOT NULL,
              basis DOUBLE NOT NULL,
              price DOUBLE NOT NULL,
              fee DOUBLE NOT NULL,
              total DOUBLE NOT NULL,
              equity DOUBLE NOT NULL,
              regime VARCHAR
            )""", concat(RESULT_TAGS, "cycle"), List.of());

    static final TableDef TRADES = new TableDef("trades", """
            CREATE TABLE trades (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              trade INTEGER NOT NULL,
              entry_ms BIGINT NOT NULL,
              exit_ms BIGINT NOT NULL,
              entry_cycle INTEGER NOT NULL,
              exit_cycle INTEGER NOT NULL,
              side VARCHAR NOT NULL,
              entry_notional DOUBLE NOT NULL,
              avg_notional DOUBLE NOT NULL,
              funding DOUBLE NOT NULL,
              basis DOUBLE NOT NULL,
              price DOUBLE NOT NULL,
              fees DOUBLE NOT NULL,
              total DOUBLE NOT NULL,
              cycles_held INTEGER NOT NULL,
              regime_at_entry VARCHAR,
              exit_reason VARCHAR NOT NULL
            )""", concat(RESULT_TAGS, "trade"), List.of());

    static final TableDef BUCKETS = new TableDef("buckets", """
            CREATE TABLE buckets (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              scheme VARCHAR NOT NULL,
              bucket INTEGER NOT NULL,
              entropy_bucket INTEGER NOT NULL,
              label VARCHAR NOT NULL,
              r_low DOUBLE,
              r_high DOUBLE,
              e_low DOUBLE,
              e_high DOUBLE,
              count INTEGER NOT NULL,
              mean_total DOUBLE,
              mean_funding DOUBLE,
              mean_basis DOUBLE,
              median_total DOUBLE,
              median_funding DOUBLE,
              median_basis DOUBLE,
              hit_rate DOUBLE,
              convergence_share DOUBLE,
              worst_decile DOUBLE,
              worst_decile_mean DOUBLE
            )""", concat(RESULT_TAGS, "scheme", "bucket", "entropy_bucket"), List.of());

    static final TableDef SIGNIFICANCE = new TableDef("significance", """
            CREATE TABLE significance (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              versus VARCHAR NOT NULL,
              versus_config VARCHAR NOT NULL,
              sharpe DOUBLE,
              sharpe_versus DOUBLE,
              sharpe_diff DOUBLE,
              ci_low DOUBLE,
              ci_high DOUBLE,
              level DOUBLE NOT NULL,
              p_value DOUBLE,
              resamples INTEGER NOT NULL,
              block_length INTEGER NOT NULL,
              cycles INTEGER NOT NULL
            )""", concat(RESULT_TAGS, "versus", "versus_config"), List.of());

    static final TableDef DECOMPOSITION = new TableDef("decomposition", """
            CREATE TABLE decomposition (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              step INTEGER NOT NULL,
              step_name VARCHAR NOT NULL,
              step_label VARCHAR NOT NULL,
              first_cycle_ms BIGINT NOT NULL,
              cycles INTEGER NOT NULL,
              sharpe DOUBLE,
              reference_sharpe DOUBLE,
              total_return DOUBLE,
              annual_return DOUBLE,
              max_drawdown DOUBLE,
              pnl_funding DOUBLE,
              pnl_basis DOUBLE,
              pnl_fees DOUBLE,
              pnl_total DOUBLE,
              trades INTEGER NOT NULL,
              turnover DOUBLE
            )""", concat(RESULT_TAGS, "step"), List.of());

    static final TableDef FOLD_FITS = new TableDef("fold_fits", """
            CREATE TABLE fold_fits (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              train_start_ms BIGINT NOT NULL,
              test_start_ms BIGINT NOT NULL,
              test_end_ms BIGINT NOT NULL,
              train_cycles INTEGER NOT NULL,
              test_cycles INTEGER NOT NULL,
              entropy_ness_threshold DOUBLE,
              entropy_equilibrium_threshold DOUBLE,
              je_danger_threshold DOUBLE,
              tuned_relaxation_danger DOUBLE,
              tuned_base_fraction DOUBLE,
              training_return DOUBLE,
              training_max_drawdown DOUBLE,
              training_sharpe DOUBLE,
              within_budget BOOLEAN
            )""", RESULT_TAGS, List.of());

    /** The evaluation result tables as migration 2 created them (released: never edit). */
    static final List<TableDef> EVALUATION_TABLES_V2 = List.of(RUNS, METRICS, LEDGER, TRADES, BUCKETS, SIGNIFICANCE,
            DECOMPOSITION, FOLD_FITS);

    /**
     * The per-cycle ledgers in column form, one row per book (run, symbol, strategy, config, tier, compat): each
     * list holds the book's out-of-sample cycles in order, all lists the same length. Appending a book is a few
     * bulk list copies instead of thousands of appended rows (about a second less CPU per {@code evaluate} of three
     * symbols); the {@code ledger} view (migration 6) gives the per-cycle rows with their tags, as the
     * {@code ledger} table of migration 2 did.
     */
    static final TableDef LEDGER_BOOKS = new TableDef("ledger_books", """
            CREATE TABLE ledger_books (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fee_bps DOUBLE,
              compat VARCHAR NOT NULL,
              fold INTEGER[] NOT NULL,
              cycle INTEGER[] NOT NULL,
              start_ms BIGINT[] NOT NULL,
              end_ms BIGINT[] NOT NULL,
              side VARCHAR[] NOT NULL,
              notional DOUBLE[] NOT NULL,
              traded DOUBLE[] NOT NULL,
              funding DOUBLE[] NOT NULL,
              basis DOUBLE[] NOT NULL,
              price DOUBLE[] NOT NULL,
              fee DOUBLE[] NOT NULL,
              total DOUBLE[] NOT NULL,
              equity DOUBLE[] NOT NULL,
              regime VARCHAR[] NOT NULL
            )""", List.of("run_id", "symbol", "strategy", "config", "fee_bps", "compat"), List.of());

    private static final String LEDGER_COLUMNS = "fold, cycle, start_ms, end_ms, side, notional, traded, funding,"
            + " basis, price, fee, total, equity, regime";

    /** Migration 6: a stored {@code ledger} table's rows move into {@code ledger_books}, book by book. */
    private static final String LEDGER_INTO_BOOKS = "INSERT INTO ledger_books SELECT run_id, symbol, strategy, config,"
            + " fee_bps, compat, " + String.join(", ", java.util.Arrays.stream(LEDGER_COLUMNS.split(", "))
                    .map(c -> "list(" + c + " ORDER BY cycle)").toList())
            + " FROM ledger GROUP BY run_id, symbol, strategy, config, fee_bps, compat";

    /**
     * The per-cycle ledger rows of every book, tagged like every result row ({@code run_id, symbol, strategy,
     * config, fee_bps, compat, fold} — the test fold of the cycle), then {@code cycle, start_ms, end_ms, side,
     * notional, traded, funding, basis, price, fee, total, equity, regime}: the columns of migration 2's table.
     */
    private static final String LEDGER_VIEW = "CREATE VIEW ledger AS SELECT run_id, symbol, strategy, config, fee_bps,"
            + " compat, " + String.join(", ", java.util.Arrays.stream(LEDGER_COLUMNS.split(", "))
                    .map(c -> "UNNEST(" + c + ") AS " + c).toList())
            + " FROM ledger_books";

    /** The evaluation result tables written today, in write order. */
    static final List<TableDef> RESULT_TABLES = List.of(RUNS, METRICS, LEDGER_BOOKS, TRADES, BUCKETS, SIGNIFICANCE,
            DECOMPOSITION, FOLD_FITS);

    /** Tables a later migration replaced (by a view of the same name): no longer tables. */
    private static final List<String> REPLACED_TABLES = List.of("ledger");

    private static List<String> concat(List<String> head, String... tail) {
        List<String> out = new java.util.ArrayList<>(head);
        out.addAll(List.of(tail));
        return List.copyOf(out);
    }

    static final TableDef OPEN_INTEREST = new TableDef("open_interest", """
            CREATE TABLE open_interest (
              symbol VARCHAR NOT NULL,
              time_ms BIGINT NOT NULL,
              sum_open_interest DOUBLE NOT NULL CHECK (isfinite(sum_open_interest) AND sum_open_interest >= 0),
              sum_open_interest_value DOUBLE CHECK (isfinite(sum_open_interest_value) AND sum_open_interest_value >= 0),
              source_file VARCHAR NOT NULL
            )""", List.of("symbol", "time_ms"), List.of("sum_open_interest", "sum_open_interest_value"));

    /**
     * One row per sweep request (its id is a digest of the request). {@code run_token} names the rows of
     * {@code sweep} of the run that last completed (NULL before any did), {@code running_token} a run in progress
     * (NULL when none); {@code status} is {@code running} or {@code complete}.
     */
    static final TableDef SWEEP_RUNS = new TableDef("sweep_runs", """
            CREATE TABLE sweep_runs (
              sweep_id VARCHAR NOT NULL,
              run_token BIGINT,
              running_token BIGINT,
              status VARCHAR NOT NULL,
              request VARCHAR NOT NULL,
              symbols VARCHAR NOT NULL,
              points BIGINT NOT NULL,
              started_ms BIGINT NOT NULL,
              finished_ms BIGINT,
              rows_written BIGINT,
              seconds DOUBLE,
              best_point BIGINT
            )""", List.of("sweep_id"), List.of("run_token", "running_token", "status", "request", "symbols", "points",
            "started_ms", "finished_ms", "rows_written", "seconds", "best_point"));

    /**
     * Sweep results: one row per (sweep, run, grid point, symbol), the point's parameters and its out-of-sample
     * figures (see {@code io.thermocarry.core.sweep.SweepRow}); NaN figures are NULL. Once a run completes, the
     * rows of every other run of the same sweep are deleted, so a sweep holds one set of rows.
     */
    static final TableDef SWEEP = new TableDef("sweep", """
            CREATE TABLE sweep (
              sweep_id VARCHAR NOT NULL,
              run_token BIGINT NOT NULL,
              point INTEGER NOT NULL,
              symbol VARCHAR NOT NULL,
              basis_window INTEGER NOT NULL,
              beta_history INTEGER NOT NULL,
              entropy_window INTEGER NOT NULL,
              je_window INTEGER NOT NULL,
              ness_r DOUBLE NOT NULL,
              equilibrium_r DOUBLE NOT NULL,
              base_fraction DOUBLE NOT NULL,
              resize_threshold DOUBLE NOT NULL,
              fee_bps DOUBLE NOT NULL,
              folds INTEGER NOT NULL,
              cycles INTEGER NOT NULL,
              oos_start_ms BIGINT NOT NULL,
              oos_end_ms BIGINT NOT NULL,
              sharpe DOUBLE,
              sortino DOUBLE,
              total_return DOUBLE,
              annual_return DOUBLE,
              max_drawdown DOUBLE,
              cvar5 DOUBLE,
              pnl_funding DOUBLE,
              pnl_basis DOUBLE,
              pnl_fees DOUBLE,
              pnl_total DOUBLE,
              trades INTEGER NOT NULL,
              turnover DOUBLE,
              fold_sharpe_min DOUBLE,
              fold_sharpe_median DOUBLE,
              folds_positive DOUBLE,
              equilibrium_share DOUBLE,
              ness_share DOUBLE
            )""", List.of("sweep_id", "run_token", "point", "symbol"), List.of("sharpe", "total_return",
            "pnl_funding", "pnl_basis", "pnl_fees", "pnl_total"));

    static final TableDef BOOK_DEPTH = new TableDef("book_depth", """
            CREATE TABLE book_depth (
              symbol VARCHAR NOT NULL,
              time_ms BIGINT NOT NULL,
              percentage DOUBLE NOT NULL CHECK (isfinite(percentage) AND percentage <> 0),
              depth DOUBLE NOT NULL CHECK (isfinite(depth) AND depth >= 0),
              notional DOUBLE NOT NULL CHECK (isfinite(notional) AND notional >= 0),
              source_file VARCHAR NOT NULL
            )""", List.of("symbol", "time_ms", "percentage"), List.of("depth", "notional"));

    static final TableDef BOOK_TICKER = new TableDef("book_ticker", """
            CREATE TABLE book_ticker (
              symbol VARCHAR NOT NULL,
              market VARCHAR NOT NULL,
              event_time_ms BIGINT NOT NULL,
              update_id BIGINT NOT NULL,
              transaction_time_ms BIGINT NOT NULL,
              bid DOUBLE NOT NULL,
              bid_qty DOUBLE NOT NULL,
              ask DOUBLE NOT NULL,
              ask_qty DOUBLE NOT NULL,
              source_file VARCHAR NOT NULL,
              CHECK (isfinite(bid) AND isfinite(ask) AND bid > 0 AND ask >= bid)
            )""", List.of("symbol", "market", "event_time_ms", "update_id"),
            List.of("transaction_time_ms", "bid", "bid_qty", "ask", "ask_qty"));

    static final TableDef LIQUIDATIONS = new TableDef("liquidations", """
            CREATE TABLE liquidations (
              symbol VARCHAR NOT NULL,
              start_ms BIGINT NOT NULL,
              end_ms BIGINT NOT NULL,
              side VARCHAR NOT NULL,
              quantity DOUBLE,
              price DOUBLE,
              avg_price DOUBLE,
              notional_usd DOUBLE NOT NULL CHECK (isfinite(notional_usd) AND notional_usd >= 0),
              source_file VARCHAR NOT NULL,
              CHECK (start_ms <= end_ms)
            )""", List.of("symbol", "start_ms", "end_ms", "side", "quantity", "price"),
            List.of("avg_price", "notional_usd"));

    static final TableDef LIQUIDATION_COVERAGE = new TableDef("liquidation_coverage", """
            CREATE TABLE liquidation_coverage (
              scope VARCHAR NOT NULL,
              from_ms BIGINT NOT NULL,
              to_ms BIGINT NOT NULL,
              source_file VARCHAR NOT NULL,
              CHECK (to_ms > from_ms)
            )""", List.of("scope", "from_ms", "to_ms"), List.of());

    static final TableDef FUNDING_INFO = new TableDef("funding_info", """
            CREATE TABLE funding_info (
              symbol VARCHAR NOT NULL,
              cap_rate DOUBLE NOT NULL,
              floor_rate DOUBLE NOT NULL,
              interval_hours INTEGER NOT NULL CHECK (interval_hours > 0),
              source_file VARCHAR NOT NULL,
              CHECK (floor_rate <= cap_rate)
            )""", List.of("symbol"), List.of("cap_rate", "floor_rate", "interval_hours"));

    static final TableDef LIVE_BOOKS = new TableDef("live_books", """
            CREATE TABLE live_books (
              book_id VARCHAR NOT NULL,
              config VARCHAR NOT NULL,
              fill_model VARCHAR NOT NULL,
              start_ms BIGINT NOT NULL,
              created_ms BIGINT NOT NULL
            )""", List.of("book_id"), List.of("config", "fill_model", "start_ms"));

    static final TableDef LIVE_EVENTS = new TableDef("live_events", """
            CREATE TABLE live_events (
              book_id VARCHAR NOT NULL,
              kind VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              time_ms BIGINT NOT NULL,
              detail VARCHAR NOT NULL,
              written_ms BIGINT NOT NULL
            )""", List.of("book_id", "kind", "symbol", "time_ms"), List.of("detail"));

    static final TableDef LIVE_FILLS = new TableDef("live_fills", """
            CREATE TABLE live_fills (
              book_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              decision_ms BIGINT NOT NULL,
              leg VARCHAR NOT NULL,
              fill_ms BIGINT NOT NULL,
              side_from VARCHAR NOT NULL,
              side_to VARCHAR NOT NULL,
              target_notional DOUBLE NOT NULL,
              price DOUBLE NOT NULL,
              traded_notional DOUBLE NOT NULL,
              fee DOUBLE NOT NULL,
              model VARCHAR NOT NULL,
              reason VARCHAR
            )""", List.of("book_id", "symbol", "decision_ms", "leg"),
            List.of("fill_ms", "side_from", "side_to", "target_notional", "price", "traded_notional", "fee"));

    static final TableDef LIVE_FUNDING = new TableDef("live_funding", """
            CREATE TABLE live_funding (
              book_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              settlement_ms BIGINT NOT NULL,
              rate DOUBLE NOT NULL,
              payment DOUBLE NOT NULL,
              status VARCHAR NOT NULL CHECK (status IN ('provisional', 'settled'))
            )""", List.of("book_id", "symbol", "settlement_ms"), List.of("rate", "payment", "status"));

    /** Every schema step, in order. Append only. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "market data: bars, funding, ingested files, rejected rows, conflicts",
                    List.of(BARS, FUNDING, INGESTED_FILES, REJECTED_ROWS, CONFLICTS), List.of()),
            new Migration(2, "evaluation results: runs, metrics, ledger, trades, buckets, significance,"
                    + " decomposition, fold fits", EVALUATION_TABLES_V2, List.of()),
            new Migration(3, "open interest (metrics archive, openInterestHist)", List.of(OPEN_INTEREST), List.of()),
            new Migration(4, "parameter sweeps: sweep_runs, sweep", List.of(SWEEP_RUNS, SWEEP), List.of()),
            new Migration(5, "portfolio results: runs, folds (universe and weights), metrics, symbols, ledger,"
                    + " correlation, holes, multiple testing, reality check", PortfolioTables.TABLES, List.of()),
            new Migration(6, "evaluation ledger kept per book in list columns (ledger_books) behind the per-cycle"
                    + " ledger view", List.of(LEDGER_BOOKS), List.of(LEDGER_INTO_BOOKS, "DROP TABLE ledger",
                    LEDGER_VIEW)),
            new Migration(7, "microstructure (SPEC §8): book depth, book ticker, liquidations and their coverage,"
                    + " funding info; open interest may lack its base amount (aggregators give only the USDT value)",
                    List.of(BOOK_DEPTH, BOOK_TICKER, LIQUIDATIONS, LIQUIDATION_COVERAGE, FUNDING_INFO),
                    List.of("ALTER TABLE open_interest ALTER COLUMN sum_open_interest DROP NOT NULL")),
            new Migration(8, "live paper book (SPEC §14): books, events (checkpoints, decisions, regime changes, vetoes,"
                    + " gaps, reconnects), fills per leg, funding payments (provisional, then settled)",
                    List.of(LIVE_BOOKS, LIVE_EVENTS, LIVE_FILLS, LIVE_FUNDING), List.of()));

    /**
     * The evaluation results as users query them (counts, CSV, reads), in write order, each with the columns its
     * rows are ordered by: every result table, with {@code ledger_books} shown as its per-cycle {@code ledger}
     * view.
     */
    static final Map<String, List<String>> RESULT_RELATIONS;

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (TableDef t : RESULT_TABLES) {
            if (t == LEDGER_BOOKS) {
                m.put("ledger", LEDGER.keyColumns());
            } else {
                m.put(t.name(), t.keyColumns());
            }
        }
        RESULT_RELATIONS = Collections.unmodifiableMap(m);
    }

    /** Session-local staging tables the appender fills before set-based SQL moves rows into real tables. */
    static final List<String> STAGING = List.of(
            "CREATE TEMP TABLE IF NOT EXISTS stage_bars (open_time_ms BIGINT, open DOUBLE, high DOUBLE, low DOUBLE,"
                    + " close DOUBLE, volume DOUBLE)",
            "CREATE TEMP TABLE IF NOT EXISTS stage_funding (time_ms BIGINT, rate DOUBLE, interval_ms BIGINT,"
                    + " mark_price DOUBLE)",
            "CREATE TEMP TABLE IF NOT EXISTS stage_rejected (file VARCHAR, line BIGINT, reason VARCHAR)",
            "CREATE TEMP TABLE IF NOT EXISTS stage_open_interest (time_ms BIGINT, sum_open_interest DOUBLE,"
                    + " sum_open_interest_value DOUBLE)");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Map<String, TableDef> TABLES;

    static {
        Map<String, TableDef> m = new LinkedHashMap<>();
        int expected = 1;
        for (Migration mig : MIGRATIONS) {
            if (mig.version() != expected++) {
                throw new IllegalStateException("migration versions must be 1, 2, 3...: " + mig.version());
            }
            for (TableDef t : mig.tables()) {
                if (!NAME.matcher(t.name()).matches() || m.put(t.name(), t) != null) {
                    throw new IllegalStateException("bad or duplicate table name " + t.name());
                }
            }
        }
        REPLACED_TABLES.forEach(m::remove);
        TABLES = Collections.unmodifiableMap(m);
    }

    private Schema() {
    }

    /** Tables created by migrations, by name, in creation order. */
    static Map<String, TableDef> tables() {
        return TABLES;
    }

    /**
     * The definition of a table named by a caller, or an exception. Only registered names pass, so a name that
     * passes can be put into SQL text as is.
     */
    static TableDef table(String name) {
        TableDef t = name == null ? null : TABLES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown table '" + name + "' (known: " + TABLES.keySet() + ")");
        }
        return t;
    }

    /** Latest schema version this code knows. */
    static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /**
     * Brings the store to the latest version, each pending migration in its own transaction, and creates the
     * session's staging tables. Refuses a store written by newer code (unknown versions).
     */
    static void migrate(Connection c, Clock clock) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, description VARCHAR"
                    + " NOT NULL, applied_at_ms BIGINT NOT NULL)");
        }
        int current;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            current = rs.getInt(1);
        }
        if (current > latestVersion()) {
            throw new StoreException("store schema version " + current + " is newer than this program's "
                    + latestVersion() + ": use a newer thermocarry");
        }
        for (Migration mig : MIGRATIONS) {
            if (mig.version() <= current) {
                continue;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (TableDef t : mig.tables()) {
                    s.execute(t.ddl());
                }
                for (String sql : mig.statements()) {
                    s.execute(sql);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, mig.version());
                    ps.setString(2, mig.description());
                    ps.setLong(3, clock.millis());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : STAGING) {
                s.execute(sql);
            }
        }
    }
}
