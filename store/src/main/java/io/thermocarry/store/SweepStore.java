package io.thermocarry.store;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.sweep.SweepPoint;
import io.thermocarry.core.sweep.SweepRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * The sweep tables of a {@link Store}: {@code sweep_runs} (one row per sweep request) and {@code sweep} (one row
 * per grid point and symbol). A run streams its rows in batches, each batch one transaction through the DuckDB
 * appender, tagged with the run's token; {@link #finish} then deletes, in one transaction, the rows of every other
 * run of the same sweep: re-running a sweep replaces its rows, never duplicates them, and a run that died half-way
 * leaves the last complete run readable ({@link #rows} reads the completed run only).
 *
 * <p>Obtained from {@link Store#sweeps()}; every method holds the store's lock.
 */
public final class SweepStore {
    private static final String COLUMNS = "sweep_id, run_token, point, symbol, basis_window, beta_history,"
            + " entropy_window, je_window, ness_r, equilibrium_r, base_fraction, resize_threshold, fee_bps, folds,"
            + " cycles, oos_start_ms, oos_end_ms, sharpe, sortino, total_return, annual_return, max_drawdown, cvar5,"
            + " pnl_funding, pnl_basis, pnl_fees, pnl_total, trades, turnover, fold_sharpe_min, fold_sharpe_median,"
            + " folds_positive, equilibrium_share, ness_share";

    private final Store store;

    SweepStore(Store store) {
        this.store = store;
    }

    /**
     * Starts a run of sweep {@code sweepId}: records the request and returns the run's token (distinct from every
     * earlier token of the sweep). The previous complete run stays readable until {@link #finish}.
     *
     * @param request the canonical request text (what the id digests)
     * @param symbols the symbols swept
     * @param points grid points
     */
    public long begin(String sweepId, String request, List<Symbol> symbols, int points) {
        Checks.notNull(sweepId, "sweepId");
        Checks.notNull(request, "request");
        Checks.notNull(symbols, "symbols");
        synchronized (store) {
            return store.inTransaction("starting sweep " + sweepId, () -> {
                long now = System.currentTimeMillis();
                long last = store.queryLong("SELECT coalesce(max(run_token), 0) FROM sweep WHERE sweep_id = ?",
                        sweepId);
                long lastRun = store.queryLong("SELECT coalesce(max(greatest(coalesce(run_token, 0),"
                        + " coalesce(running_token, 0))), 0) FROM sweep_runs WHERE sweep_id = ?", sweepId);
                long token = Math.max(now, Math.max(last, lastRun) + 1);
                String syms = String.join(",", symbols.stream().map(Symbol::name).toList());
                long exists = store.queryLong("SELECT count(*) FROM sweep_runs WHERE sweep_id = ?", sweepId);
                if (exists == 0) {
                    store.update("INSERT INTO sweep_runs (sweep_id, run_token, running_token, status, request, symbols,"
                            + " points, started_ms) VALUES (?, NULL, ?, 'running', ?, ?, ?, ?)", sweepId, token,
                            request, syms, (long) points, now);
                } else {
                    store.update("UPDATE sweep_runs SET running_token = ?, status = 'running', request = ?,"
                            + " symbols = ?, points = ?, started_ms = ? WHERE sweep_id = ?", token, request, syms,
                            (long) points, now, sweepId);
                }
                return token;
            });
        }
    }

    /** Appends a batch of rows of run {@code runToken}, in one transaction. */
    public void append(String sweepId, long runToken, List<SweepRow> rows) {
        Checks.notNull(sweepId, "sweepId");
        Checks.notNull(rows, "rows");
        if (rows.isEmpty()) {
            return;
        }
        synchronized (store) {
            store.inTransaction("writing " + rows.size() + " sweep rows", () -> {
                try (DuckDBAppender ap = store.connection().createAppender("main", "sweep")) {
                    for (SweepRow r : rows) {
                        SweepPoint p = r.parameters();
                        ap.beginRow().append(sweepId).append(runToken).append(r.point()).append(r.symbol().name())
                                .append(p.basisWindow()).append(p.betaHistory()).append(p.entropyWindow())
                                .append(p.jeWindow()).append(p.nessR()).append(p.equilibriumR())
                                .append(p.baseFraction()).append(p.resizeThreshold()).append(p.feeBps())
                                .append(r.folds()).append(r.cycles()).append(r.oosStartMs()).append(r.oosEndMs());
                        num(ap, r.sharpe());
                        num(ap, r.sortino());
                        num(ap, r.totalReturn());
                        num(ap, r.annualReturn());
                        num(ap, r.maxDrawdown());
                        num(ap, r.cvar5());
                        num(ap, r.pnlFunding());
                        num(ap, r.pnlBasis());
                        num(ap, r.pnlFees());
                        num(ap, r.pnlTotal());
                        ap.append(r.trades());
                        num(ap, r.turnover());
                        num(ap, r.foldSharpeMin());
                        num(ap, r.foldSharpeMedian());
                        num(ap, r.foldsPositive());
                        num(ap, r.equilibriumShare());
                        num(ap, r.nessShare());
                        ap.endRow();
                    }
                }
                return null;
            });
        }
    }

    private static void num(DuckDBAppender ap, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ap.append(v);
        } else {
            ap.appendNull();
        }
    }

    /**
     * Completes run {@code runToken}: deletes the sweep's rows of every other run and records the run, in one
     * transaction.
     *
     * @param seconds wall time of the run
     * @param bestPoint the chosen grid point, −1 for none
     * @return the rows the sweep now holds
     */
    public long finish(String sweepId, long runToken, double seconds, int bestPoint) {
        Checks.notNull(sweepId, "sweepId");
        synchronized (store) {
            return store.inTransaction("completing sweep " + sweepId, () -> {
                store.update("DELETE FROM sweep WHERE sweep_id = ? AND run_token <> ?", sweepId, runToken);
                long rows = store.queryLong("SELECT count(*) FROM sweep WHERE sweep_id = ?", sweepId);
                long updated = store.update("UPDATE sweep_runs SET run_token = ?, running_token = NULL,"
                        + " status = 'complete', finished_ms = ?, rows_written = ?, seconds = ?, best_point = ?"
                        + " WHERE sweep_id = ?", runToken, System.currentTimeMillis(), rows,
                        Double.isFinite(seconds) ? seconds : 0.0, (long) bestPoint, sweepId);
                if (updated != 1) {
                    throw new StoreException("sweep " + sweepId + " was not started with begin()");
                }
                return rows;
            });
        }
    }

    /** The rows of the sweep's last complete run, by point then symbol; empty if none completed. */
    public List<SweepRow> rows(String sweepId) {
        return read(sweepId, "", sweepId, sweepId);
    }

    /** The rows of one grid point in the sweep's last complete run, by symbol. */
    public List<SweepRow> rowsOfPoint(String sweepId, int point) {
        return read(sweepId, " AND point = ?", sweepId, sweepId, point);
    }

    private List<SweepRow> read(String sweepId, String filter, Object... params) {
        Checks.notNull(sweepId, "sweepId");
        synchronized (store) {
            try (PreparedStatement ps = store.prepare("SELECT " + COLUMNS + " FROM sweep WHERE sweep_id = ? AND"
                    + " run_token = (SELECT run_token FROM sweep_runs WHERE sweep_id = ?)" + filter
                    + " ORDER BY point, symbol", params); ResultSet rs = ps.executeQuery()) {
                List<SweepRow> out = new ArrayList<>();
                while (rs.next()) {
                    SweepPoint p = new SweepPoint(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                            rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13));
                    out.add(new SweepRow(rs.getInt(3), Symbol.of(rs.getString(4)), p, rs.getInt(14), rs.getInt(15),
                            rs.getLong(16), rs.getLong(17), dbl(rs, 18), dbl(rs, 19), dbl(rs, 20), dbl(rs, 21),
                            dbl(rs, 22), dbl(rs, 23), dbl(rs, 24), dbl(rs, 25), dbl(rs, 26), dbl(rs, 27),
                            rs.getInt(28), dbl(rs, 29), dbl(rs, 30), dbl(rs, 31), dbl(rs, 32), dbl(rs, 33),
                            dbl(rs, 34)));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("reading sweep " + sweepId + ": " + e.getMessage(), e);
            }
        }
    }

    private static double dbl(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }
}
