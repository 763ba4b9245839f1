package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.evaluation.Fold;
import io.thermocarry.core.evaluation.WalkForwardSpec;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.sweep.SweepParameter.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link SweepSpec} over markets on a thread pool and streams one {@link SweepRow} per (point, symbol) to
 * a {@link SweepSink}.
 *
 * <p><b>What is shared.</b> The work is cut along the grid's stages ({@link SweepParameter.Stage}). A <em>unit</em>
 * is one symbol and one signal-window combination: its {@link SignalRun} is computed once (the expensive part:
 * rolling κ/β over every hour, the Jarzynski mean at every decision). The unit's (threshold pair, strategy pair)
 * items are split into chunks run in parallel; a chunk builds each regime path it needs once by re-classifying the
 * run ({@link SweepPaths}, O(decisions)), and each item compiles its strategy once for all fee tiers
 * ({@link BacktestEngine#runTiers}).
 *
 * <p><b>Walk-forward.</b> Every point of a symbol is judged on the same out-of-sample cycles: the evaluation's folds
 * ({@link WalkForwardSpec#folds}: {@code train} then {@code test} cycles rolled by {@code test}, SPEC §9) from the
 * later of the range start and the grid's longest signal warm-up, so a point with shorter windows gains no extra
 * history. Nothing is fitted per
 * point, so the stitched test folds are one continuous causal backtest from the first test cycle, with capital 1
 * there; per-fold figures come from its ledger.
 *
 * <p><b>Memory.</b> At most {@code parallelism + 1} units are in flight (a semaphore), rows pass through a bounded
 * queue to the calling thread, which hands them to the sink in batches and keeps only five running sums per grid
 * point for the choice of the best point. Nothing else grows with the number of points.
 *
 * <p><b>Threads.</b> The caller supplies the pool (a fixed pool of {@code availableProcessors} is the intended one)
 * and blocks in {@link #run}: it is the writer, so the sink and the listener are called from the calling thread
 * only. The first failure anywhere stops the sweep and is rethrown once in-flight work has drained.
 */
public final class SweepEngine {
    private static final double MS_PER_YEAR = 365.25 * 24 * 3_600_000.0;
    private static final int ROWS_PER_MESSAGE = 256;

    private SweepEngine() {
    }

    /** Progress of a sweep, called from the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Listener {
        /** {@code done} of {@code total} backtests are finished (called as results arrive, and once at the end). */
        void progress(long done, long total);
    }

    /**
     * Runs the sweep.
     *
     * @param spec the sweep
     * @param markets the symbols (distinct), each with its cycles and basis
     * @param pool the pool to run on (not shut down here)
     * @param parallelism the pool's threads (sizes the work chunks and the units in flight)
     * @param batchRows rows per sink batch
     * @param sink where rows go, batch by batch, from the calling thread
     * @param listener progress, from the calling thread
     * @return counts, speed, per-point figures and the robustness of the best point
     * @throws IllegalArgumentException if a market is too short for one fold
     * @throws SweepFailedException if any backtest or the sink failed (the cause attached)
     */
    public static SweepOutcome run(SweepSpec spec, List<SweepMarket> markets, ExecutorService pool, int parallelism,
            int batchRows, SweepSink sink, Listener listener) {
        Checks.notNull(spec, "spec");
        Checks.notNull(markets, "markets");
        Checks.check(!markets.isEmpty(), "no markets to sweep");
        Checks.notNull(pool, "pool");
        Checks.positive(parallelism, "parallelism");
        Checks.positive(batchRows, "batchRows");
        Checks.notNull(sink, "sink");
        Checks.notNull(listener, "listener");
        for (int i = 0; i < markets.size(); i++) {
            for (int j = 0; j < i; j++) {
                Checks.check(!markets.get(i).symbol().equals(markets.get(j).symbol()),
                        "symbol " + markets.get(i).symbol() + " given twice");
            }
        }
        return new Sweep(spec, markets, pool, parallelism, batchRows, sink, listener).execute();
    }

    /**
     * The layout every point of {@code market} is judged on, given the grid's longest warm-up (completed cycles
     * before the first decision).
     *
     * @throws IllegalArgumentException if there is no test cycle
     */
    public static SweepOutcome.Layout layout(SweepMarket market, int maxWarmup, WalkForwardSpec walkForward) {
        FundingCycles c = market.cycles();
        int end = c.size();
        int first = Math.max(market.firstCycle(), maxWarmup);
        List<Fold> folds = first < end ? walkForward.folds(first, end) : List.of();
        if (folds.isEmpty()) {
            throw new IllegalArgumentException(market.symbol() + ": " + Math.max(end - first, 0)
                    + " cycles after the signal warm-up of " + maxWarmup + " cycles (and the range start), a "
                    + "walk-forward needs more than " + walkForward.trainCycles() + " training cycles; load more "
                    + "history or use shorter windows");
        }
        int oosStart = folds.get(0).testStart();
        return new SweepOutcome.Layout(market.symbol(), first, oosStart, end, folds, c.startMs(oosStart),
                c.endMs(end - 1));
    }

    /** One sweep's shared state. */
    private static final class Sweep {
        private final SweepSpec spec;
        private final SweepGrid grid;
        private final List<SweepMarket> markets;
        private final ExecutorService pool;
        private final int parallelism;
        private final int batchRows;
        private final SweepSink sink;
        private final Listener listener;
        private final int nSignal;
        private final int nRegime;
        private final int nStrategy;
        private final SignalSpec[] signalSpecs;
        private final RegimeSpec[] regimeSpecs;
        private final PhysicsStrategy[] strategies;
        private final List<FeeTier> fees;
        private final SweepOutcome.Layout[] layouts;
        private final int totalUnits;

        private final BlockingQueue<List<SweepRow>> queue = new ArrayBlockingQueue<>(64);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicInteger unitsDone = new AtomicInteger();
        private final AtomicInteger signalRuns = new AtomicInteger();
        private final AtomicLong regimePaths = new AtomicLong();
        private final Semaphore inFlight;

        Sweep(SweepSpec spec, List<SweepMarket> markets, ExecutorService pool, int parallelism, int batchRows,
                SweepSink sink, Listener listener) {
            this.spec = spec;
            this.grid = spec.grid();
            this.markets = List.copyOf(markets);
            this.pool = pool;
            this.parallelism = parallelism;
            this.batchRows = batchRows;
            this.sink = sink;
            this.listener = listener;
            this.nSignal = grid.combos(Stage.SIGNAL);
            this.nRegime = grid.combos(Stage.REGIME);
            this.nStrategy = grid.combos(Stage.STRATEGY);
            int nFee = grid.combos(Stage.FEE);
            signalSpecs = new SignalSpec[nSignal];
            int maxWarmup = 0;
            for (int s = 0; s < nSignal; s++) {
                signalSpecs[s] = grid.point(grid.pointOf(s, 0, 0, 0)).signalSpec(spec.kappaMethod());
                maxWarmup = Math.max(maxWarmup, signalSpecs[s].warmupCycles());
            }
            regimeSpecs = new RegimeSpec[nRegime];
            for (int r = 0; r < nRegime; r++) {
                regimeSpecs[r] = grid.point(grid.pointOf(0, r, 0, 0)).regimeSpec();
            }
            strategies = new PhysicsStrategy[nStrategy];
            for (int t = 0; t < nStrategy; t++) {
                strategies[t] = grid.point(grid.pointOf(0, 0, t, 0)).strategy();
            }
            List<FeeTier> f = new ArrayList<>(nFee);
            for (int i = 0; i < nFee; i++) {
                f.add(grid.point(grid.pointOf(0, 0, 0, i)).fee());
            }
            fees = List.copyOf(f);
            layouts = new SweepOutcome.Layout[markets.size()];
            for (int m = 0; m < markets.size(); m++) {
                layouts[m] = layout(markets.get(m), maxWarmup, spec.walkForward());
            }
            totalUnits = nSignal * markets.size();
            inFlight = new Semaphore(parallelism + 1);
        }

        SweepOutcome execute() {
            long t0 = System.nanoTime();
            int points = grid.size();
            long total = (long) points * markets.size();
            Thread submitter = new Thread(this::submitAll, "sweep-submit");
            submitter.setDaemon(true);
            submitter.start();

            double[] sharpeSum = new double[points];
            int[] sharpeN = new int[points];
            double[] funding = new double[points];
            double[] basis = new double[points];
            double[] feeSum = new double[points];
            double[] totalPnl = new double[points];
            int[] pnlN = new int[points];
            List<SweepRow> batch = new ArrayList<>(batchRows);
            long done = 0;
            long received = 0;
            boolean interrupted = false;
            while (true) {
                List<SweepRow> got;
                try {
                    got = queue.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    fail(new SweepFailedException("sweep interrupted", e));
                    got = null;
                }
                if (got != null && failure.get() == null) {
                    for (SweepRow row : got) {
                        int p = row.point();
                        if (Double.isFinite(row.sharpe())) {
                            sharpeSum[p] += row.sharpe();
                            sharpeN[p]++;
                        }
                        if (Double.isFinite(row.pnlTotal())) {
                            funding[p] += row.pnlFunding();
                            basis[p] += row.pnlBasis();
                            feeSum[p] += row.pnlFees();
                            totalPnl[p] += row.pnlTotal();
                            pnlN[p]++;
                        }
                        batch.add(row);
                        if (batch.size() >= batchRows) {
                            done += flush(batch);
                        }
                    }
                    received += got.size();
                    if (failure.get() == null) {
                        listener.progress(received, total);
                    }
                }
                if (got == null && unitsDone.get() == totalUnits && queue.isEmpty()) {
                    break;
                }
                if (interrupted) {
                    // drain without waiting on workers that will skip their remaining work
                    queue.clear();
                    if (unitsDone.get() == totalUnits) {
                        break;
                    }
                }
            }
            if (failure.get() == null && !batch.isEmpty()) {
                done += flush(batch);
            }
            if (failure.get() != null) {
                Throwable t = failure.get();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw t instanceof SweepFailedException s ? s : new SweepFailedException(t.getMessage(), t);
            }
            listener.progress(done, total);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (int p = 0; p < points; p++) {
                sharpeSum[p] = sharpeN[p] > 0 ? sharpeSum[p] / sharpeN[p] : Double.NaN;
                double n = pnlN[p];
                funding[p] = n > 0 ? funding[p] / n : Double.NaN;
                basis[p] = n > 0 ? basis[p] / n : Double.NaN;
                feeSum[p] = n > 0 ? feeSum[p] / n : Double.NaN;
                totalPnl[p] = n > 0 ? totalPnl[p] / n : Double.NaN;
            }
            SweepOutcome.Scores scores = new SweepOutcome.Scores(sharpeSum, funding, basis, feeSum, totalPnl);
            Robustness rob = Robustness.of(grid, sharpeSum, funding, basis, feeSum, totalPnl,
                    Robustness.DEFAULT_TOLERANCE);
            return new SweepOutcome(spec, Arrays.asList(layouts), done, signalRuns.get(), regimePaths.get(), seconds,
                    scores, rob);
        }

        /** Hands a batch to the sink; a sink failure fails the sweep. Returns the rows handed over. */
        private int flush(List<SweepRow> batch) {
            int n = batch.size();
            try {
                sink.accept(List.copyOf(batch));
            } catch (RuntimeException e) {
                fail(new SweepFailedException("writing sweep results failed: " + e.getMessage(), e));
                batch.clear();
                return 0;
            }
            batch.clear();
            return n;
        }

        private void fail(Throwable t) {
            failure.compareAndSet(null, t);
        }

        /** Submits the units in grid order (signal combination outer, symbol inner), at most parallelism + 1 live. */
        private void submitAll() {
            int submitted = 0;
            try {
                for (int s = 0; s < nSignal; s++) {
                    for (int m = 0; m < markets.size(); m++) {
                        if (failure.get() != null) {
                            break;
                        }
                        inFlight.acquire();
                        int sig = s;
                        int mk = m;
                        try {
                            pool.execute(() -> unit(sig, mk));
                        } catch (RuntimeException e) {
                            inFlight.release();
                            throw e;
                        }
                        submitted++;
                    }
                }
            } catch (InterruptedException e) {
                fail(new SweepFailedException("sweep interrupted", e));
            } catch (RuntimeException e) {
                fail(new SweepFailedException("cannot schedule sweep work: " + e.getMessage(), e));
            } finally {
                unitsDone.addAndGet(totalUnits - submitted);
            }
        }

        private void finishUnit() {
            inFlight.release();
            unitsDone.incrementAndGet();
        }

        /** One symbol and one signal-window combination: the signal run, then its chunks of backtests. */
        private void unit(int s, int m) {
            int items = nRegime * nStrategy;
            int chunks = Math.min(items, 2 * parallelism);
            AtomicInteger pending = new AtomicInteger(chunks + 1);
            int unsubmitted = chunks;
            try {
                if (failure.get() == null) {
                    SweepMarket market = markets.get(m);
                    SignalRun run = SignalRunner.run(market.cycles(), market.basis(), signalSpecs[s],
                            RegimeSpec.defaults(), spec.config(), Compat.CAUSAL);
                    signalRuns.incrementAndGet();
                    for (int c = 0; c < chunks; c++) {
                        int from = (int) ((long) items * c / chunks);
                        int to = (int) ((long) items * (c + 1) / chunks);
                        pool.execute(() -> chunk(s, m, run, from, to, pending));
                        unsubmitted--;
                    }
                }
            } catch (RuntimeException | Error e) {
                fail(new SweepFailedException(markets.get(m).symbol() + ", signal windows " + describe(signalSpecs[s])
                        + ": " + e, e));
            } finally {
                if (pending.addAndGet(-(unsubmitted + 1)) == 0) {
                    finishUnit();
                }
            }
        }

        /** Items {@code [from, to)} of a unit, item = regime pair r × strategy pair t (all fee tiers). */
        private void chunk(int s, int m, SignalRun run, int from, int to, AtomicInteger pending) {
            int point = -1;
            try {
                SweepMarket market = markets.get(m);
                SweepOutcome.Layout layout = layouts[m];
                FundingCycles cycles = market.cycles();
                List<SweepRow> rows = new ArrayList<>(ROWS_PER_MESSAGE);
                int pathOf = -1;
                SignalPath path = null;
                double[] shares = null;
                double[] scratch = new double[layout.folds().size()];
                for (int item = from; item < to && failure.get() == null; item++) {
                    int r = item / nStrategy;
                    int t = item % nStrategy;
                    if (r != pathOf) {
                        path = SweepPaths.reclassified(run, cycles.size(), regimeSpecs[r], spec.config());
                        shares = regimeShares(path, layout.oosStart(), layout.end());
                        pathOf = r;
                        regimePaths.incrementAndGet();
                    }
                    BacktestRequest req = new BacktestRequest(cycles, path, strategies[t], fees.get(0), Compat.CAUSAL,
                            1.0, layout.oosStart(), market.accrual());
                    List<BacktestResult> results = BacktestEngine.runTiers(req, fees);
                    for (int f = 0; f < results.size(); f++) {
                        point = grid.pointOf(s, r, t, f);
                        rows.add(row(point, layout, results.get(f), shares, scratch));
                        if (rows.size() >= ROWS_PER_MESSAGE) {
                            put(rows);
                            rows = new ArrayList<>(ROWS_PER_MESSAGE);
                        }
                    }
                }
                if (!rows.isEmpty()) {
                    put(rows);
                }
            } catch (InterruptedException e) {
                fail(new SweepFailedException("sweep interrupted", e));
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                fail(new SweepFailedException(markets.get(m).symbol() + (point >= 0 ? ", point " + point : "")
                        + ", signal windows " + describe(signalSpecs[s]) + ": " + e, e));
            } finally {
                if (pending.decrementAndGet() == 0) {
                    finishUnit();
                }
            }
        }

        private void put(List<SweepRow> rows) throws InterruptedException {
            while (failure.get() == null) {
                if (queue.offer(rows, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }

        private SweepRow row(int point, SweepOutcome.Layout layout, BacktestResult result, double[] shares,
                double[] scratch) {
            Performance p = result.performance();
            Ledger l = result.ledger();
            double[] eq = l.equities();
            int folds = 0;
            int positive = 0;
            int defined = 0;
            double min = Double.NaN;
            for (Fold fold : layout.folds()) {
                int a = fold.testStart();
                int z = fold.testEnd();
                double before = a == layout.oosStart() ? result.request().startingCapital() : eq[a - 1];
                double sh = foldSharpe(l, eq, a, z, before);
                folds++;
                if (eq[z - 1] > before) {
                    positive++;
                }
                if (Double.isFinite(sh)) {
                    scratch[defined++] = sh;
                    if (!(sh >= min)) {
                        min = sh;
                    }
                }
            }
            double median = Double.NaN;
            if (defined > 0) {
                Arrays.sort(scratch, 0, defined);
                median = defined % 2 == 1 ? scratch[defined / 2]
                        : 0.5 * (scratch[defined / 2 - 1] + scratch[defined / 2]);
            }
            return new SweepRow(point, layout.symbol(), grid.point(point), folds, p.cycles(), layout.oosStartMs(),
                    layout.oosEndMs(), p.sharpe(), p.sortino(), p.totalReturn(), p.annualReturn(), p.maxDrawdown(),
                    p.cvar5(), p.pnl().funding(), p.pnl().basis(), p.pnl().fees(), p.pnl().total(), p.tradeCount(),
                    p.turnover(), min, median, folds > 0 ? (double) positive / folds : Double.NaN, shares[0],
                    shares[1]);
        }
    }

    /**
     * Sharpe of ledger rows {@code [a, z)} alone: per-cycle returns {@code E_k/E_{k−1} − 1} ({@code E_{a−1}} =
     * {@code before}; 0 once equity is 0), {@code mean/std} (ddof 1) annualised by the rows' elapsed time; NaN with
     * fewer than 2 rows or no dispersion.
     */
    static double foldSharpe(Ledger l, double[] eq, int a, int z, double before) {
        int m = z - a;
        if (m < 2) {
            return Double.NaN;
        }
        double prev = before;
        double sum = 0;
        for (int k = a; k < z; k++) {
            double r = prev > 0 ? (eq[k] - prev) / prev : 0.0;
            sum += r;
            prev = eq[k];
        }
        double mean = sum / m;
        prev = before;
        double ss = 0;
        for (int k = a; k < z; k++) {
            double r = (prev > 0 ? (eq[k] - prev) / prev : 0.0) - mean;
            ss += r * r;
            prev = eq[k];
        }
        double sd = Math.sqrt(ss / (m - 1));
        double years = (l.endMs(z - 1) - l.startMs(a)) / MS_PER_YEAR;
        return sd > 0 && years > 0 ? mean / sd * Math.sqrt(m / years) : Double.NaN;
    }

    /** Shares of EQUILIBRIUM and NESS among the defined decisions of {@code [from, to)}. */
    static double[] regimeShares(SignalPath path, int from, int to) {
        int eq = 0;
        int ness = 0;
        int n = 0;
        for (int k = from; k < to; k++) {
            int c = path.regimeCode(k);
            if (c < 0) {
                continue;
            }
            n++;
            if (c == Regime.EQUILIBRIUM.ordinal()) {
                eq++;
            } else if (c == Regime.NESS.ordinal()) {
                ness++;
            }
        }
        return n == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {(double) eq / n, (double) ness / n};
    }

    private static String describe(SignalSpec s) {
        return s.basisWindowHours() + "h/" + s.betaHistoryDecisions() + "/" + s.entropyWindowCycles() + "/"
                + s.jeWindowCycles();
    }
}
