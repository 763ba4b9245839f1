package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.CycleRule;
import io.thermocarry.core.strategy.Decision;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.FeeBooking;
import io.thermocarry.core.strategy.PositionView;
import io.thermocarry.core.strategy.RuleContext;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.Unevaluated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio of carries (SPEC §12): one capital across the symbols of a {@link PortfolioPlan}, each symbol's
 * sleeve run by its own compiled strategy rule on its own regime path, in causal mode.
 *
 * <p><b>Sizing.</b> A sleeve decides at its own settlements {@code t_k} exactly as the single-symbol engine
 * ({@link io.thermocarry.core.backtest.BacktestEngine}) would, except that the capital it is shown is
 * {@code E·w_s}: the portfolio equity at the decision (all PnL booked by cycles that have ended, and all fees)
 * times the symbol's weight of the fold in force. The physics carry thus targets {@code E·w_s·0.5·exposure_k}
 * and keeps its 20 % re-size band. Then the gross caps ({@link AllocationSpec}) cut the targets. A symbol outside
 * the universe (or with weight 0) is closed ({@link ExitReason#UNIVERSE}, {@link ExitReason#TARGET_ZERO}); a data
 * hole cycle ({@link SymbolMarket#tradable}) is held flat ({@link ExitReason#DATA_HOLE}); after a ruin every
 * sleeve closes ({@link ExitReason#RUIN}).
 *
 * <p><b>PnL and fees</b> are the engine's: per held cycle funding {@code s·N·F} at the rate settled at the cycle's
 * end ({@link FundingAccrual#RATE_AT_CYCLE_END}, the causal convention), basis {@code −s·N·(b_end − b_start)/100},
 * fee {@code |ΔN|·tier/2} on every change (rebalancing included), and what is open when a symbol's data ends is
 * closed and charged then. With one symbol, weight 1 and non-binding caps a portfolio is therefore the
 * single-symbol backtest of that strategy from the first rebalance, to the last bit.
 *
 * <p><b>Time.</b> Events are processed in time order over the merged grid of all sleeves' cycle starts and ends;
 * at each time: first the cycles ending then are booked (the portfolio row closes and its equity is floored at
 * 0), then sleeves whose data ends then are closed, then the sleeves whose cycles start then decide, all on
 * the same equity (no order dependence among them). Symbols on different funding intervals (8 h and 4 h) each
 * decide at their own settlements; caps are enforced at each decision against the others' current notional.
 */
public final class PortfolioEngine {
    private PortfolioEngine() {
    }

    /** Runs the plan at every tier (the sleeves' rules are compiled once and shared); results in tier order. */
    public static List<PortfolioResult> runTiers(PortfolioPlan plan, List<FeeTier> tiers) {
        Checks.notNull(plan, "plan");
        Checks.notNull(tiers, "tiers");
        List<Compiled> compiled = compile(plan);
        List<PortfolioResult> out = new ArrayList<>(tiers.size());
        for (FeeTier t : tiers) {
            out.add(new Run(plan, compiled, t).run());
        }
        return out;
    }

    /** Runs the plan at one fee tier. */
    public static PortfolioResult run(PortfolioPlan plan, FeeTier tier) {
        return runTiers(plan, List.of(tier)).get(0);
    }

    /** A market with an out-of-sample cycle and its compiled rule. */
    private record Compiled(SymbolMarket market, int first, CycleRule rule) {
    }

    private static List<Compiled> compile(PortfolioPlan plan) {
        List<Compiled> out = new ArrayList<>();
        long t0 = plan.startMs();
        if (plan.folds().isEmpty()) {
            return out;
        }
        for (SymbolMarket m : plan.markets()) {
            FundingCycles c = m.cycles();
            int first = c.lowerBound(t0);
            if (first >= c.size()) {
                continue;
            }
            CycleRule rule = plan.spec().sleeve().rule(new RuleContext(c, m.signals(), Compat.CAUSAL, first));
            Checks.check(rule.feeBooking() == FeeBooking.OPENED_CYCLE && rule.perpMarks() == null,
                    "a portfolio sleeve must be a delta-neutral carry booked at its decisions, not "
                            + plan.spec().sleeve().name());
            out.add(new Compiled(m, first, rule));
        }
        return out;
    }

    /** One run's scratch: the shared book and its sleeves. */
    private static final class Run {
        private final PortfolioPlan plan;
        private final FeeTier tier;
        private final double feeFraction;
        private final double startingCapital;
        private final double symbolCap;
        private final double grossCap;
        private final Sleeve[] sleeves;
        private final long[] grid;

        // portfolio rows
        private final byte[] sideCol;
        private final double[] notionalCol;
        private final double[] tradedCol;
        private final double[] fundingCol;
        private final double[] basisCol;
        private final double[] priceCol;
        private final double[] feeCol;
        private final double[] totalCol;
        private final double[] equityCol;
        private final double[] shortNotional;
        private final double[] longNotional;

        private double capital;
        private boolean ruined;
        private int ruinRow = -1;
        private double shortfall;
        private double pendingFee;
        private int currentRow;

        // decision checks
        private long[] cTime = new long[64];
        private double[] cEquity = new double[64];
        private double[] cGross = new double[64];
        private double[] cMax = new double[64];
        private int[] cSymbolCuts = new int[64];
        private boolean[] cGrossCut = new boolean[64];
        private int checks;

        Run(PortfolioPlan plan, List<Compiled> compiled, FeeTier tier) {
            this.plan = plan;
            this.tier = tier;
            this.feeFraction = tier.perChangeFraction();
            this.startingCapital = plan.spec().startingCapital();
            this.symbolCap = plan.spec().allocation().symbolCap();
            this.grossCap = plan.spec().allocation().grossCap();
            this.capital = startingCapital;
            this.sleeves = new Sleeve[compiled.size()];
            int events = 0;
            for (int i = 0; i < sleeves.length; i++) {
                sleeves[i] = new Sleeve(this, compiled.get(i));
                events += 2 * sleeves[i].rows;
            }
            long[] all = new long[events];
            int e = 0;
            for (Sleeve s : sleeves) {
                for (int k = s.first; k < s.n; k++) {
                    all[e++] = s.startMs[k];
                    all[e++] = s.endMs[k];
                }
            }
            Arrays.sort(all);
            int g = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    all[g++] = all[i];
                }
            }
            this.grid = Arrays.copyOf(all, g);
            int rows = Math.max(g - 1, 0);
            sideCol = new byte[rows];
            notionalCol = new double[rows];
            tradedCol = new double[rows];
            fundingCol = new double[rows];
            basisCol = new double[rows];
            priceCol = new double[rows];
            feeCol = new double[rows];
            totalCol = new double[rows];
            equityCol = new double[rows];
            shortNotional = new double[rows];
            longNotional = new double[rows];
        }

        PortfolioResult run() {
            int g = grid.length;
            for (int j = 0; j < g; j++) {
                long t = grid[j];
                if (j > 0) {
                    closeRow(j - 1, t);
                }
                decideAt(j, t);
            }
            return result();
        }

        /** Books the cycles ending at {@code t} into row r, floors the equity, closes sleeves whose data ends. */
        private void closeRow(int r, long t) {
            double funding = 0;
            double basis = 0;
            double pnl = 0;
            for (Sleeve s : sleeves) {
                if (s.open >= 0 && s.endMs[s.open] == t) {
                    s.book(s.open);
                    funding += s.lastFunding;
                    basis += s.lastBasis;
                    pnl += s.lastFunding + s.lastBasis + 0.0;
                    s.open = -1;
                }
            }
            double fee = pendingFee;
            pendingFee = 0;
            fundingCol[r] = funding;
            basisCol[r] = basis;
            feeCol[r] += fee;
            totalCol[r] = pnl - fee;
            currentRow = r;
            floor((capital - fee) + pnl);
            equityCol[r] = capital;
            for (Sleeve s : sleeves) {
                if (s.next >= s.n && s.open < 0 && !s.closedAtEnd && s.endMs[s.n - 1] == t) {
                    s.closeAtEnd(r);
                }
            }
        }

        /** Charges a fee into an already closed row and re-floors its equity. */
        void chargeClosedRow(int r, double fee) {
            currentRow = r;
            feeCol[r] += fee;
            totalCol[r] -= fee;
            floor(equityCol[r] - fee);
            equityCol[r] = capital;
        }

        private void floor(double raw) {
            if (raw <= 0) {
                shortfall += -raw;
                if (!ruined) {
                    ruined = true;
                    ruinRow = currentRow;
                }
                capital = 0;
            } else {
                capital = raw;
            }
        }

        /** Decisions of the sleeves whose cycles start at {@code t}. */
        private void decideAt(int j, long t) {
            List<Sleeve> deciding = null;
            for (Sleeve s : sleeves) {
                if (s.next < s.n && s.startMs[s.next] == t) {
                    if (deciding == null) {
                        deciding = new ArrayList<>(sleeves.length);
                    }
                    deciding.add(s);
                }
            }
            if (deciding == null) {
                return;
            }
            double equity = capital;
            PortfolioFold fold = plan.foldAt(t);
            for (Sleeve s : deciding) {
                s.target(s.next, equity, fold);
            }
            int symbolCuts = 0;
            double desired = 0;
            for (Sleeve s : deciding) {
                if (s.newSide != Side.FLAT && s.newNotional > symbolCap * equity) {
                    s.newNotional = symbolCap * equity;
                    s.symbolCapCuts++;
                    symbolCuts++;
                }
                desired += s.newNotional;
            }
            double others = 0;
            for (Sleeve s : sleeves) {
                if (!deciding.contains(s)) {
                    others += s.notional;
                }
            }
            double headroom = grossCap * equity - others;
            boolean grossCut = false;
            if (desired > headroom && desired > 0) {
                double f = Math.max(headroom, 0.0) / desired;
                grossCut = true;
                for (Sleeve s : deciding) {
                    if (s.newNotional > 0) {
                        s.grossCapCuts++;
                    }
                    s.newNotional *= f;
                    if (s.newNotional <= 0 && s.newSide != Side.FLAT) {
                        s.newSide = Side.FLAT;
                        s.newNotional = 0;
                        if (s.exitReason == null) {
                            s.exitReason = ExitReason.TARGET_ZERO;
                        }
                    }
                }
            }
            for (Sleeve s : deciding) {
                s.apply(s.next, j);
                s.open = s.next;
                s.next++;
            }
            double gross = 0;
            double max = 0;
            for (Sleeve s : sleeves) {
                gross += s.notional;
                max = Math.max(max, s.notional);
            }
            recordCheck(t, equity, gross, max, symbolCuts, grossCut);
            if (j < sideCol.length) {
                markHeld(j, t);
            }
        }

        /** Adds the notional held from time {@code t} to every row until each sleeve's cycle ends. */
        private void markHeld(int j, long t) {
            for (Sleeve s : sleeves) {
                if (s.open >= 0 && s.startMs[s.open] == t && s.side != Side.FLAT) {
                    long end = s.endMs[s.open];
                    for (int r = j; r < sideCol.length && grid[r] < end; r++) {
                        if (s.side.carrySign() > 0) {
                            shortNotional[r] += s.notional;
                        } else {
                            longNotional[r] += s.notional;
                        }
                        notionalCol[r] += s.notional;
                    }
                }
            }
        }

        private void recordCheck(long t, double equity, double gross, double max, int cuts, boolean grossCut) {
            if (checks == cTime.length) {
                int cap = checks * 2;
                cTime = Arrays.copyOf(cTime, cap);
                cEquity = Arrays.copyOf(cEquity, cap);
                cGross = Arrays.copyOf(cGross, cap);
                cMax = Arrays.copyOf(cMax, cap);
                cSymbolCuts = Arrays.copyOf(cSymbolCuts, cap);
                cGrossCut = Arrays.copyOf(cGrossCut, cap);
            }
            cTime[checks] = t;
            cEquity[checks] = equity;
            cGross[checks] = gross;
            cMax[checks] = max;
            cSymbolCuts[checks] = cuts;
            cGrossCut[checks] = grossCut;
            checks++;
        }

        PortfolioResult result() {
            int rows = sideCol.length;
            long[] start = new long[rows];
            long[] end = new long[rows];
            byte[] regime = new byte[rows];
            for (int r = 0; r < rows; r++) {
                start[r] = grid[r];
                end[r] = grid[r + 1];
                regime[r] = -1;
                Side side = notionalCol[r] <= 0 ? Side.FLAT
                        : shortNotional[r] >= longNotional[r] ? Side.SHORT_BASIS : Side.LONG_BASIS;
                sideCol[r] = (byte) side.ordinal();
            }
            Ledger ledger = new Ledger(start, end, sideCol, notionalCol, tradedCol, fundingCol, basisCol, priceCol,
                    feeCol, totalCol, equityCol, regime, 0);
            List<SleeveResult> results = new ArrayList<>(sleeves.length);
            List<Trade> trades = new ArrayList<>();
            for (Sleeve s : sleeves) {
                SleeveResult sr = s.result();
                results.add(sr);
                trades.addAll(sr.trades());
            }
            trades.sort(Comparator.comparing(Trade::exitTime).thenComparing(Trade::entryTime));
            Performance performance = Performance.of(ledger, trades, startingCapital);
            var decisions = new PortfolioResult.DecisionChecks(Arrays.copyOf(cTime, checks),
                    Arrays.copyOf(cEquity, checks), Arrays.copyOf(cGross, checks), Arrays.copyOf(cMax, checks),
                    Arrays.copyOf(cSymbolCuts, checks), Arrays.copyOf(cGrossCut, checks));
            return new PortfolioResult(plan, tier, ledger, performance, results, trades, decisions,
                    ruinRow >= 0 ? end[ruinRow] : Long.MIN_VALUE, shortfall);
        }
    }

    /** One symbol's sleeve: the engine's per-position state, shown to the rule as its {@link PositionView}. */
    private static final class Sleeve implements PositionView {
        private static final Unevaluated[] UNEVALUATED = Unevaluated.values();

        private final Run run;
        private final Symbol symbol;
        private final SymbolMarket market;
        private final CycleRule rule;
        private final SignalPath signals;
        private final int first;
        private final int n;
        private final int rows;
        private final long[] startMs;
        private final long[] endMs;
        private final double[] rate;
        private final double[] basisStart;
        private final double[] basisEnd;
        private final Decision out = new Decision();

        // sleeve rows (index k − first)
        private final byte[] sideCol;
        private final double[] notionalCol;
        private final double[] tradedCol;
        private final double[] fundingCol;
        private final double[] basisCol;
        private final double[] feeCol;
        private final double[] totalCol;
        private final double[] weightCol;
        private final byte[] regimeCol;
        private final List<Trade> trades = new ArrayList<>();
        private final int[] unevaluated = new int[UNEVALUATED.length];

        // position
        private Side side = Side.FLAT;
        private double notional;
        private double sleeveCapital;
        private double weight;
        private int entryCycle = -1;
        private int cyclesHeld;
        int next;
        int open = -1;
        boolean closedAtEnd;
        double lastFunding;
        double lastBasis;

        // decision scratch
        Side newSide;
        double newNotional;
        ExitReason exitReason;

        // open trade
        private double tEntryNotional;
        private double tNotionalSum;
        private double tFunding;
        private double tBasis;
        private double tFees;
        private int tRegime = -1;

        // diagnostics
        private int holeCycles;
        private int excludedCycles;
        int symbolCapCuts;
        int grossCapCuts;
        private int fundingNotEvaluated;
        private int basisNotEvaluated;

        Sleeve(Run run, Compiled c) {
            this.run = run;
            this.market = c.market();
            this.symbol = market.symbol();
            this.rule = c.rule();
            this.signals = market.signals();
            FundingCycles cycles = market.cycles();
            this.first = c.first();
            this.n = cycles.size();
            this.rows = n - first;
            this.startMs = cycles.starts();
            this.endMs = cycles.ends();
            this.rate = cycles.rates();
            this.basisStart = cycles.basisStarts();
            this.basisEnd = cycles.basisEnds();
            this.next = first;
            sideCol = new byte[rows];
            notionalCol = new double[rows];
            tradedCol = new double[rows];
            fundingCol = new double[rows];
            basisCol = new double[rows];
            feeCol = new double[rows];
            totalCol = new double[rows];
            weightCol = new double[rows];
            regimeCol = new byte[rows];
        }

        /** Phase 1: the target of decision k on capital {@code equity × weight} (no fees yet). */
        void target(int k, double equity, PortfolioFold fold) {
            int row = k - first;
            regimeCol[row] = (byte) signals.regimeCode(k);
            boolean member = fold != null && fold.selection().contains(symbol);
            double w = member ? fold.weight(symbol) : 0.0;
            weightCol[row] = w;
            weight = w;
            sleeveCapital = equity * w;
            out.reset(side, notional);
            if (run.ruined) {
                if (side != Side.FLAT) {
                    out.close(ExitReason.RUIN);
                }
            } else if (!member || w <= 0) {
                excludedCycles++;
                if (side != Side.FLAT) {
                    out.close(member ? ExitReason.TARGET_ZERO : ExitReason.UNIVERSE);
                }
            } else if (!market.tradable(k)) {
                holeCycles++;
                if (side != Side.FLAT) {
                    out.close(ExitReason.DATA_HOLE);
                }
            } else {
                rule.decide(k, this, out);
            }
            int mask = out.unevaluatedMask();
            if (mask != 0) {
                for (Unevaluated u : UNEVALUATED) {
                    if ((mask & u.bit()) != 0) {
                        unevaluated[u.ordinal()]++;
                    }
                }
            }
            Side s = out.side();
            double target = out.notional();
            if (s == Side.FLAT || target == 0) {
                s = Side.FLAT;
                target = 0;
            }
            Checks.check(s == Side.FLAT || s.isBasisPair(), "sleeve rule of " + symbol + " chose " + s);
            newSide = s;
            newNotional = target;
            exitReason = out.exitReason();
        }

        /** Phase 3: trades to the (capped) target, fees into portfolio row {@code j} and sleeve row k. */
        void apply(int k, int j) {
            int row = k - first;
            boolean sideChange = newSide != side;
            boolean sizeChange = !sideChange && newNotional != notional;
            double traded = sideChange ? notional + newNotional : Math.abs(newNotional - notional);
            double fee = traded * run.feeFraction;
            if (!sideChange && !sizeChange && fee == 0) {
                return;
            }
            tradedCol[row] += traded;
            feeCol[row] += fee;
            run.tradedCol[j] += traded;
            run.pendingFee += fee;
            if (sideChange) {
                double exitFee = 0;
                if (side != Side.FLAT) {
                    exitFee = newSide == Side.FLAT ? fee : fee * (notional / traded);
                    ExitReason reason = exitReason != null ? exitReason
                            : newSide == Side.FLAT ? ExitReason.TARGET_ZERO : ExitReason.SIDE_FLIP;
                    closeTrade(k, exitFee, reason);
                }
                if (newSide != Side.FLAT) {
                    openTrade(k, newSide, newNotional, fee - exitFee);
                } else {
                    side = Side.FLAT;
                    notional = 0;
                    entryCycle = -1;
                    cyclesHeld = 0;
                }
            } else {
                tFees += fee;
                notional = newNotional;
            }
        }

        private void openTrade(int k, Side s, double size, double entryFee) {
            side = s;
            notional = size;
            entryCycle = k;
            cyclesHeld = 0;
            tEntryNotional = size;
            tNotionalSum = 0;
            tFunding = 0;
            tBasis = 0;
            tFees = entryFee;
            tRegime = k < n ? signals.regimeCode(k) : -1;
        }

        private void closeTrade(int k, double exitFee, ExitReason reason) {
            tFees += exitFee;
            Instant exitTime = Instant.ofEpochMilli(k < n ? startMs[k] : endMs[n - 1]);
            Instant entryTime = Instant.ofEpochMilli(entryCycle < n ? startMs[entryCycle] : endMs[n - 1]);
            double avg = cyclesHeld > 0 ? tNotionalSum / cyclesHeld : tEntryNotional;
            trades.add(new Trade(entryTime, exitTime, entryCycle, k, side, tEntryNotional, avg, tFunding, tBasis, 0.0,
                    tFees, cyclesHeld, tRegime < 0 ? null : Regime.values()[tRegime], reason));
        }

        /** The rate cycle k is paid on (the one settled at its end), NaN when not in the data. */
        private double accruedRate(int k) {
            return k + 1 < n && startMs[k + 1] == endMs[k] ? rate[k + 1] : Double.NaN;
        }

        /** PnL of cycle k with the position held through it; writes the sleeve row. */
        void book(int k) {
            int row = k - first;
            double n0 = notional;
            double funding = 0;
            double basis = 0;
            if (side.isBasisPair()) {
                double signed = side.carrySign() * n0;
                double f = accruedRate(k);
                if (Double.isFinite(f)) {
                    funding = signed * f;
                } else {
                    fundingNotEvaluated++;
                }
                double bs = basisStart[k];
                double be = basisEnd[k];
                if (Double.isFinite(bs) && Double.isFinite(be)) {
                    basis = -signed * (be - bs) / 100.0;
                } else {
                    basisNotEvaluated++;
                }
            }
            double fee = feeCol[row];
            double pnl = funding + basis + 0.0;
            sideCol[row] = (byte) side.ordinal();
            notionalCol[row] = n0;
            fundingCol[row] = funding;
            basisCol[row] = basis;
            totalCol[row] = pnl - fee;
            lastFunding = funding;
            lastBasis = basis;
            if (side != Side.FLAT) {
                cyclesHeld++;
                tNotionalSum += n0;
                tFunding += funding;
                tBasis += basis;
            }
        }

        /** Closes what is open after the symbol's last cycle, charged into portfolio row r and its last row. */
        void closeAtEnd(int r) {
            closedAtEnd = true;
            if (side == Side.FLAT) {
                return;
            }
            double fee = notional * run.feeFraction;
            int row = rows - 1;
            tradedCol[row] += notional;
            run.tradedCol[r] += notional;
            if (fee > 0) {
                feeCol[row] += fee;
                totalCol[row] -= fee;
                run.chargeClosedRow(r, fee);
            }
            closeTrade(n, fee, run.ruined ? ExitReason.RUIN : ExitReason.END_OF_DATA);
            side = Side.FLAT;
            notional = 0;
        }

        SleeveResult result() {
            Map<Unevaluated, Integer> counts = new EnumMap<>(Unevaluated.class);
            for (Unevaluated u : UNEVALUATED) {
                if (unevaluated[u.ordinal()] > 0) {
                    counts.put(u, unevaluated[u.ordinal()]);
                }
            }
            var d = new SleeveResult.Diagnostics(holeCycles, excludedCycles, symbolCapCuts, grossCapCuts,
                    fundingNotEvaluated, basisNotEvaluated, counts);
            return new SleeveResult(symbol, first, Arrays.copyOfRange(startMs, first, n),
                    Arrays.copyOfRange(endMs, first, n), sideCol, notionalCol, tradedCol, fundingCol, basisCol, feeCol,
                    totalCol, weightCol, regimeCol, trades, run.startingCapital, d);
        }

        @Override
        public Side side() {
            return side;
        }

        @Override
        public double notional() {
            return notional;
        }

        @Override
        public double capital() {
            return sleeveCapital;
        }

        /** The sleeve's book as if on its own: the portfolio's starting capital times the weight in force. */
        @Override
        public double startingCapital() {
            return run.startingCapital * weight;
        }

        @Override
        public int entryCycle() {
            return entryCycle;
        }

        @Override
        public int cyclesHeld() {
            return cyclesHeld;
        }

        @Override
        public double feePerNotional() {
            return run.feeFraction;
        }
    }
}
