package io.thermocarry.store;

import java.util.List;

/**
 * The portfolio study's result tables (schema version 3), every row keyed by {@code run_id} (the request's hash:
 * re-running a request replaces its rows). Times are epoch milliseconds; money in units of starting capital;
 * weights and caps fractions of equity; the per-symbol evaluation itself goes into the evaluation tables of
 * version 2 under its own run id ({@code portfolio_runs.evaluation_run_id}).
 */
final class PortfolioTables {
    private PortfolioTables() {
    }

    static final Schema.TableDef RUNS = new Schema.TableDef("portfolio_runs", """
            CREATE TABLE portfolio_runs (
              run_id VARCHAR NOT NULL,
              request VARCHAR NOT NULL,
              created_at_ms BIGINT NOT NULL,
              universe VARCHAR NOT NULL,
              candidates VARCHAR NOT NULL,
              from_ms BIGINT,
              to_ms BIGINT,
              sleeve VARCHAR NOT NULL,
              allocations VARCHAR NOT NULL,
              tiers VARCHAR NOT NULL,
              evaluation_run_id VARCHAR
            )""", List.of("run_id"), List.of());

    static final Schema.TableDef FOLDS = new Schema.TableDef("portfolio_folds", """
            CREATE TABLE portfolio_folds (
              run_id VARCHAR NOT NULL,
              allocation VARCHAR NOT NULL,
              fold INTEGER NOT NULL,
              start_ms BIGINT NOT NULL,
              end_ms BIGINT NOT NULL,
              symbol VARCHAR NOT NULL,
              member BOOLEAN NOT NULL,
              reason VARCHAR,
              detail VARCHAR,
              weight DOUBLE NOT NULL,
              capped BOOLEAN NOT NULL,
              training_cycles INTEGER,
              basis_volatility DOUBLE,
              carry DOUBLE,
              score DOUBLE,
              history_cycles INTEGER,
              funding_coverage DOUBLE,
              basis_coverage DOUBLE,
              perp_quote_volume DOUBLE,
              spot_quote_volume DOUBLE
            )""", List.of("run_id", "allocation", "fold", "symbol"), List.of());

    static final Schema.TableDef METRICS = new Schema.TableDef("portfolio_metrics", """
            CREATE TABLE portfolio_metrics (
              run_id VARCHAR NOT NULL,
              allocation VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              fee_bps DOUBLE NOT NULL,
              rows INTEGER NOT NULL,
              start_ms BIGINT,
              end_ms BIGINT,
              years DOUBLE,
              total_return DOUBLE,
              annual_return DOUBLE,
              sharpe DOUBLE,
              sortino DOUBLE,
              sharpe_per_cycle DOUBLE,
              max_drawdown DOUBLE,
              calmar DOUBLE,
              worst_cycle DOUBLE,
              cvar5 DOUBLE,
              win_rate DOUBLE,
              profit_factor DOUBLE,
              trades INTEGER NOT NULL,
              turnover DOUBLE,
              fee_drag DOUBLE,
              pnl_funding DOUBLE,
              pnl_basis DOUBLE,
              pnl_fees DOUBLE,
              pnl_total DOUBLE,
              ruined BOOLEAN NOT NULL,
              versus VARCHAR,
              sharpe_diff DOUBLE,
              ci_low DOUBLE,
              ci_high DOUBLE,
              p_value DOUBLE
            )""", List.of("run_id", "allocation", "strategy", "fee_bps"), List.of());

    static final Schema.TableDef SYMBOLS = new Schema.TableDef("portfolio_symbols", """
            CREATE TABLE portfolio_symbols (
              run_id VARCHAR NOT NULL,
              allocation VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              fee_bps DOUBLE NOT NULL,
              symbol VARCHAR NOT NULL,
              first_cycle INTEGER NOT NULL,
              cycles INTEGER NOT NULL,
              cycles_held INTEGER NOT NULL,
              mean_weight DOUBLE NOT NULL,
              trades INTEGER NOT NULL,
              pnl_funding DOUBLE NOT NULL,
              pnl_basis DOUBLE NOT NULL,
              pnl_fees DOUBLE NOT NULL,
              pnl_total DOUBLE NOT NULL,
              hole_cycles INTEGER NOT NULL,
              excluded_cycles INTEGER NOT NULL,
              symbol_cap_cuts INTEGER NOT NULL,
              gross_cap_cuts INTEGER NOT NULL,
              funding_not_evaluated INTEGER NOT NULL,
              basis_not_evaluated INTEGER NOT NULL
            )""", List.of("run_id", "allocation", "strategy", "fee_bps", "symbol"), List.of());

    static final Schema.TableDef LEDGER = new Schema.TableDef("portfolio_ledger", """
            CREATE TABLE portfolio_ledger (
              run_id VARCHAR NOT NULL,
              allocation VARCHAR NOT NULL,
              strategy VARCHAR NOT NULL,
              fee_bps DOUBLE NOT NULL,
              row INTEGER NOT NULL,
              start_ms BIGINT NOT NULL,
              end_ms BIGINT NOT NULL,
              side VARCHAR NOT NULL,
              notional DOUBLE NOT NULL,
              traded DOUBLE NOT NULL,
              funding DOUBLE NOT NULL,
              basis DOUBLE NOT NULL,
              fee DOUBLE NOT NULL,
              total DOUBLE NOT NULL,
              equity DOUBLE NOT NULL
            )""", List.of("run_id", "allocation", "strategy", "fee_bps", "row"), List.of());

    static final Schema.TableDef CORRELATION = new Schema.TableDef("portfolio_correlation", """
            CREATE TABLE portfolio_correlation (
              run_id VARCHAR NOT NULL,
              allocation VARCHAR NOT NULL,
              what VARCHAR NOT NULL,
              symbol_a VARCHAR NOT NULL,
              symbol_b VARCHAR NOT NULL,
              correlation DOUBLE,
              overlap INTEGER NOT NULL
            )""", List.of("run_id", "allocation", "what", "symbol_a", "symbol_b"), List.of());

    static final Schema.TableDef HOLES = new Schema.TableDef("portfolio_holes", """
            CREATE TABLE portfolio_holes (
              run_id VARCHAR NOT NULL,
              symbol VARCHAR NOT NULL,
              first_cycle INTEGER NOT NULL,
              kind VARCHAR NOT NULL,
              cycles INTEGER NOT NULL,
              start_ms BIGINT NOT NULL,
              end_ms BIGINT NOT NULL
            )""", List.of("run_id", "symbol", "first_cycle"), List.of());

    static final Schema.TableDef MULTIPLE_TESTING = new Schema.TableDef("multiple_testing", """
            CREATE TABLE multiple_testing (
              run_id VARCHAR NOT NULL,
              fee_bps DOUBLE NOT NULL,
              symbol VARCHAR NOT NULL,
              cycles INTEGER NOT NULL,
              sharpe_physics DOUBLE,
              sharpe_naive DOUBLE,
              sharpe_diff DOUBLE,
              ci_low DOUBLE,
              ci_high DOUBLE,
              p_two_sided DOUBLE,
              p_one_sided DOUBLE,
              q_value DOUBLE,
              discovery BOOLEAN NOT NULL,
              fdr_level DOUBLE NOT NULL
            )""", List.of("run_id", "fee_bps", "symbol"), List.of());

    static final Schema.TableDef REALITY_CHECK = new Schema.TableDef("reality_check", """
            CREATE TABLE reality_check (
              run_id VARCHAR NOT NULL,
              fee_bps DOUBLE NOT NULL,
              model VARCHAR NOT NULL,
              best BOOLEAN NOT NULL,
              mean_excess DOUBLE NOT NULL,
              t_statistic DOUBLE,
              models INTEGER NOT NULL,
              periods INTEGER NOT NULL,
              bucket_hours INTEGER NOT NULL,
              white_statistic DOUBLE NOT NULL,
              white_p DOUBLE NOT NULL,
              spa_statistic DOUBLE NOT NULL,
              spa_p_consistent DOUBLE NOT NULL,
              spa_p_lower DOUBLE NOT NULL,
              spa_p_upper DOUBLE NOT NULL,
              resamples INTEGER NOT NULL,
              mean_block_length DOUBLE NOT NULL
            )""", List.of("run_id", "fee_bps", "model"), List.of());

    /** The tables, in write order. */
    static final List<Schema.TableDef> TABLES = List.of(RUNS, FOLDS, METRICS, SYMBOLS, LEDGER, CORRELATION, HOLES,
            MULTIPLE_TESTING, REALITY_CHECK);
}
