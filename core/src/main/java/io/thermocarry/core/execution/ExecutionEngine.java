package io.thermocarry.core.execution;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.CycleRule;
import io.thermocarry.core.strategy.Decision;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.PositionView;
import io.thermocarry.core.strategy.RuleContext;
import io.thermocarry.core.margin.Liquidation;
import io.thermocarry.core.margin.MarginAccount;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginOutcome;
import io.thermocarry.core.margin.OpenPerpLeg;
import io.thermocarry.core.margin.PerpLeg;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.Unevaluated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stateless intraday execution engine (SPEC §7, §15): runs one {@link ExecutionRequest} into an
 * {@link ExecutionResult}. The settlement-only engine is this same code with {@link Child#SETTLEMENT}.
 *
 * <p><b>Events.</b> The engine walks time forward over four streams: the closes of the child's bars (and of the
 * state bar at or before each settlement), where the position is marked and the child decides; the funding
 * settlements {@code t_k}; the settlement-only child's decisions at each {@code t_k}; and the fill of the order
 * pending, at the open of the state bar after the decision. At one instant they run in that order: mark,
 * settle, decide, fill. So an order decided at a bar's close fills at the next bar's open, after the decision,
 * and never at the close that produced it; a settlement pays what was open before any fill at that instant.
 * A later decision before the fill replaces the pending order; one whose fill would fall at or after the window
 * end is cancelled (counted).
 *
 * <p><b>Funding</b> (SPEC §7): at each settlement {@code t_k} inside the window, the position open at that
 * instant is paid {@code F_k}, the rate settled then: {@code s · q_perp · mark(t_k) · F_k}
 * ({@link ExecutionModel#EXCHANGE}; mark from the cycles' settlement mark, else the intraday mark bar closing at
 * {@code t_k}, else the perp close then, counted) or {@code s · N · F_k} ({@link ExecutionModel#CYCLE_MODEL}). A
 * position closed one bar before the settlement is paid nothing; one opened one bar before is paid the whole
 * interval's rate. The rate at the window's last settlement is paid when the cycles hold it (they do not: the
 * last cycle's end rate is not in the data, so it is counted as not evaluated, as in the cycle engine).
 *
 * <p><b>Decisions</b> follow {@link ExecutionRules}; the hourly regime and signals of the last settlement are
 * read from the {@link SignalPath} as they stand (never recomputed), the basis and its rolling median from the
 * {@link IntradayState} at the decision bar's close, and the premium index's predicted funding from the bars
 * closed inside the running interval.
 *
 * <p><b>Ledger</b> per funding cycle as {@link io.thermocarry.core.backtest.BacktestEngine}'s: row {@code k}
 * books the fees of the fills in {@code [t_k, t_{k+1})}, the funding paid at {@code t_{k+1}} and the basis marked
 * up to it; {@code E_k = max(0, (E_{k−1} − fee_k) + (funding_k + basis_k))}; the first row ending at 0 is ruin,
 * after which every decision closes what is held. What is open at the window end is closed at the next open (the
 * decision basis in the cycle model), charged, and booked in the last row.
 *
 * <p><b>Margin path</b> (SPEC §13, {@link #run(ExecutionRequest, MarginInputs)}, exchange model only): the perp leg's
 * futures wallet is opened at every fill that opens, flips or re-sizes the pair (its target re-split, the perp's
 * half of the fill's fee charged), paid the perp's funding at each settlement, and checked at every state bar
 * before the bar is marked, on that bar's worst price (mark where the inputs have it). A breach closes the perp at
 * the liquidation price with the clearance fee and the spot leg at the next state bar's close, books the pair's
 * move and the fees in the running row, cancels the order pending, and ends the trade with
 * {@link ExitReason#LIQUIDATION}; the child may re-enter at its next decision. Leverage 0 is the run without it.
 * The leg still held before the window end's close is reported ({@link MarginOutcome#openLeg()}: the live book's
 * running margin).
 */
public final class ExecutionEngine {
    private static final Unevaluated[] UNEVALUATED = Unevaluated.values();

    private ExecutionEngine() {
    }

    /** Runs one request. */
    public static ExecutionResult run(ExecutionRequest request) {
        return new Run(request, Plan.of(request), null).run();
    }

    /**
     * Runs one request with the margin path of its perp leg on {@code margin}'s bars (at the state's resolution,
     * matched by open time); at leverage 0 it is {@link #run(ExecutionRequest)} and the outcome is null.
     *
     * @throws IllegalArgumentException when the margin is on and the model is not {@link ExecutionModel#EXCHANGE}
     */
    public static MarginExecution run(ExecutionRequest request, MarginInputs margin) {
        Run r = new Run(request, Plan.of(request), margin.spec().enabled() ? margin : null);
        ExecutionResult result = r.run();
        return new MarginExecution(result, r.marginOutcome());
    }

    /** {@link #run(ExecutionRequest, MarginInputs)} at several fee tiers, the schedule compiled once. */
    public static List<MarginExecution> runTiers(ExecutionRequest request, List<FeeTier> tiers, MarginInputs margin) {
        Plan plan = Plan.of(request);
        MarginInputs m = margin.spec().enabled() ? margin : null;
        List<MarginExecution> out = new ArrayList<>(tiers.size());
        for (FeeTier t : tiers) {
            Run r = new Run(request.withFee(t), plan, m);
            ExecutionResult result = r.run();
            out.add(new MarginExecution(result, r.marginOutcome()));
        }
        return out;
    }

    /**
     * Runs the request at several fee tiers, compiling its schedule and rules once; results in the order of
     * {@code tiers}.
     */
    public static List<ExecutionResult> runTiers(ExecutionRequest request, List<FeeTier> tiers) {
        Plan plan = Plan.of(request);
        List<ExecutionResult> out = new ArrayList<>(tiers.size());
        for (FeeTier t : tiers) {
            out.add(new Run(request.withFee(t), plan, null).run());
        }
        return out;
    }

    /**
     * The settlement-only cycle engine's request for the same window, rules and tier: the desk strategy on the
     * request's cycles and signals, causal rules, the rate settled at each cycle's end. The settlement-only child
     * under {@link ExecutionModel#CYCLE_MODEL} with {@link Sizing#AT_ENTRY} reproduces its result.
     */
    public static BacktestRequest cycleEngineRequest(ExecutionRequest r) {
        return new BacktestRequest(r.cycles(), r.signals(), r.spec().rules().desk(), r.spec().fee(), Compat.CAUSAL,
                r.startingCapital(), r.firstCycle(), FundingAccrual.RATE_AT_CYCLE_END);
    }

    /** The tier-independent part of a run: the event schedule and the compiled desk rule. */
    private record Plan(int[] markBars, boolean[] decides, int[] settlementDecisionBars, int incompleteChildBars,
            CycleRule deskRule) {

        static Plan of(ExecutionRequest r) {
            FundingCycles c = r.cycles();
            IntradayState st = r.state();
            int n = c.size();
            int first = r.firstCycle();
            CycleRule rule = r.spec().rules().desk().rule(new RuleContext(c, r.signals(), Compat.CAUSAL, first));
            if (first >= n) {
                return new Plan(new int[0], new boolean[0], new int[0], 0, rule);
            }
            long tStart = c.startMs(first);
            long tEnd = c.endMs(n - 1);
            int[] settle = new int[n - first];
            for (int k = first + 1; k <= n; k++) {
                settle[k - first - 1] = st.asOfClose(c.endMs(k - 1));
            }
            if (r.spec().child() instanceof Child.Every every) {
                long width = every.interval().millis();
                long res = st.interval().millis();
                int expected = (int) Math.max(1, width / res);
                int size = st.size();
                int[] dec = new int[size];
                int m = 0;
                int incomplete = 0;
                int at = Math.max(0, st.asOfClose(tStart));
                int lo = st.firstOpenAtOrAfter(Math.floorDiv(st.openMs(at), width) * width);
                long bucketEnd = Long.MIN_VALUE;
                int inBucket = 0;
                for (int i = lo; i < size; i++) {
                    long open = st.openMs(i);
                    if (open >= bucketEnd) {
                        bucketEnd = Math.floorDiv(open, width) * width + width;
                        inBucket = 0;
                    }
                    inBucket++;
                    boolean last = i + 1 == size || st.openMs(i + 1) >= bucketEnd;
                    if (last) {
                        long close = st.closeMs(i);
                        if (close > tEnd) {
                            break;
                        }
                        if (close >= tStart) {
                            dec[m++] = i;
                            if (inBucket < expected && close < tEnd) {
                                incomplete++;
                            }
                        }
                    }
                }
                int[] bars = new int[m + settle.length];
                boolean[] flags = new boolean[bars.length];
                int a = 0;
                int b = 0;
                int p = 0;
                while (a < m || b < settle.length) {
                    int x = a < m ? dec[a] : Integer.MAX_VALUE;
                    int y = b < settle.length ? settle[b] : Integer.MAX_VALUE;
                    int v = Math.min(x, y);
                    boolean decide = false;
                    if (x == v) {
                        decide = st.closeMs(v) < tEnd;
                        a++;
                    }
                    while (b < settle.length && settle[b] == v) {
                        b++;
                    }
                    if (p > 0 && bars[p - 1] == v) {
                        flags[p - 1] |= decide;
                    } else {
                        bars[p] = v;
                        flags[p] = decide;
                        p++;
                    }
                }
                return new Plan(Arrays.copyOf(bars, p), Arrays.copyOf(flags, p), new int[0], incomplete, rule);
            }
            int[] decisionBars = new int[n - first];
            for (int k = first; k < n; k++) {
                decisionBars[k - first] = st.asOfClose(c.startMs(k));
            }
            int[] bars = new int[settle.length];
            int p = 0;
            for (int v : settle) {
                if (p == 0 || bars[p - 1] != v) {
                    bars[p++] = v;
                }
            }
            return new Plan(Arrays.copyOf(bars, p), new boolean[p], decisionBars, 0, rule);
        }
    }

    /** One run's mutable scratch: the position (shown read-only to the desk rule), the order, the ledger. */
    private static final class Run implements PositionView {
        private final ExecutionRequest request;
        private final Plan plan;
        private final IntradayState st;
        private final SignalPath signals;
        private final ExecutionRules rules;
        private final DeskStrategy desk;
        private final boolean exchange;
        private final boolean settlementChild;
        private final double feeFraction;
        private final double startingCapital;
        private final int n;
        private final int first;
        private final long[] startMs;
        private final long[] endMs;
        private final double[] rates;
        private final double[] hours;
        private final double[] markStart;
        private final double[] markEnd;
        private final long[] stOpen;
        private final long stStep;
        private final double[] perpOpen;
        private final double[] perpClose;
        private final double[] spotOpen;
        private final double[] spotClose;
        private final double[] basis;
        private final double[] median;
        private final BarSeries premium;
        private final PredictedFunding predictor = new PredictedFunding();
        private final Decision out = new Decision();
        private final int[] unevaluated = new int[UNEVALUATED.length];
        private final Map<ExitReason, Integer> exits = new EnumMap<>(ExitReason.class);
        private final List<Trade> trades = new ArrayList<>();
        private final List<Fill> blotter = new ArrayList<>();
        private final long tEnd;

        // ledger columns
        private final byte[] sideCol;
        private final double[] notionalCol;
        private final double[] tradedCol;
        private final double[] fundingCol;
        private final double[] basisCol;
        private final double[] priceCol;
        private final double[] feeCol;
        private final double[] totalCol;
        private final double[] equityCol;
        private final byte[] regimeCol;

        // position
        private Side side = Side.FLAT;
        private double notional;
        private double qSpot;
        private double qPerp;
        private double markSpot;
        private double markPerp;
        private double anchorBasis;
        private double sizeNotional;
        private long sizeSince;
        private int entryRow = -1;
        private int settlementsHeld;

        // order pending (exchange model)
        private int pendingBar = -1;
        private Side pendingSide;
        private double pendingNotional;
        private double pendingFromNotional;
        private ExitReason pendingReason;
        private int pendingRow;
        private long pendingDecision;

        // current row
        private int row;
        private double capital;
        private double rowFunding;
        private double rowBasis;
        private double rowFee;
        private double rowTraded;
        private double rowNotionalTime;
        private double rowShortTime;
        private double rowLongTime;
        private int lastDecidedRow = -1;
        private int exitRow = -1;
        private int predRow = -1;
        private int premiumCursor;

        // open trade
        private long tEntryTime;
        private double tEntryNotional;
        private double tNotionalTime;
        private double tFunding;
        private double tBasis;
        private double tFees;
        private int tRegime;

        // diagnostics
        private int decisions;
        private int settlementDecisions;
        private int lateSettlementDecisions;
        private int fills;
        private int entries;
        private int intraExits;
        private int shrinks;
        private int blockedAdmissions;
        private int medianNotEvaluated;
        private int predictedNotEvaluated;
        private int fundingNotEvaluated;
        private int markProxied;
        private int cancelled;
        private int ruinRow = -1;
        private double markPeak;
        private double markDrawdown;
        private double shortfall;
        private double finalCloseFee;

        // margin path (null when off)
        private final MarginInputs marginInputs;
        private final MarginAccount account;
        private final MarginBars mbars;
        private final int[] marginBar;
        private final List<Liquidation> liquidations;
        private long barsWalked;
        private int marginFrom;
        private OpenPerpLeg openLeg;

        Run(ExecutionRequest request, Plan plan, MarginInputs margin) {
            this.request = request;
            this.plan = plan;
            this.st = request.state();
            this.signals = request.signals();
            this.rules = request.spec().rules();
            this.desk = rules.desk();
            this.exchange = request.spec().model() == ExecutionModel.EXCHANGE;
            this.settlementChild = request.spec().child() == Child.SETTLEMENT;
            this.feeFraction = request.spec().fee().perChangeFraction();
            this.startingCapital = request.startingCapital();
            this.capital = startingCapital;
            this.markPeak = startingCapital;
            FundingCycles c = request.cycles();
            this.n = c.size();
            this.first = request.firstCycle();
            this.startMs = c.starts();
            this.endMs = c.ends();
            this.rates = c.rates();
            this.hours = c.intervalsHours();
            this.markStart = c.markStarts();
            this.markEnd = c.markEnds();
            this.stOpen = st.openTimes();
            this.stStep = st.interval().millis();
            this.perpOpen = st.perpOpens();
            this.perpClose = st.perpCloses();
            this.spotOpen = st.spotOpens();
            this.spotClose = st.spotCloses();
            this.basis = st.basisValues();
            this.median = st.medians();
            this.premium = request.premium();
            this.tEnd = n > first ? endMs[n - 1] : Long.MIN_VALUE;
            sideCol = new byte[n];
            notionalCol = new double[n];
            tradedCol = new double[n];
            fundingCol = new double[n];
            basisCol = new double[n];
            priceCol = new double[n];
            feeCol = new double[n];
            totalCol = new double[n];
            equityCol = new double[n];
            regimeCol = new byte[n];
            this.marginInputs = margin;
            if (margin != null) {
                if (!exchange) {
                    throw new IllegalArgumentException("the margin path needs the exchange model (leg quantities and "
                            + "prices), not " + request.spec().model());
                }
                account = new MarginAccount(margin.spec());
                mbars = margin.bars();
                marginBar = new int[st.size()];
                int j = 0;
                for (int i = 0; i < marginBar.length; i++) {
                    while (j < mbars.size() && mbars.openMs(j) < stOpen[i]) {
                        j++;
                    }
                    marginBar[i] = j < mbars.size() && mbars.openMs(j) == stOpen[i] ? j : -1;
                }
                liquidations = new ArrayList<>();
            } else {
                account = null;
                mbars = null;
                marginBar = null;
                liquidations = null;
            }
        }

        MarginOutcome marginOutcome() {
            if (account == null) {
                return null;
            }
            long ms = account.minCoverageMs();
            return new MarginOutcome(marginInputs.spec(), account.minCoverage(),
                    ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms), account.minCoverageWorst(),
                    account.minCoverageStrike(), liquidations, account.transfers(), account.transferred(), barsWalked,
                    0, account.overLeveraged(), openLeg);
        }

        /**
         * The perp leg's margin over the state bars since the last check up to bar {@code i} (marks fall on the
         * child's bars and the settlement bars; the margin path walks every state bar between), before bar {@code i}
         * is marked; true when it was liquidated in one of them.
         */
        private boolean marginUpTo(int i) {
            for (int b = Math.max(marginFrom, 0); b <= i; b++) {
                if (marginBar(b)) {
                    marginFrom = i + 1;
                    return true;
                }
            }
            marginFrom = i + 1;
            return false;
        }

        /** The perp leg's margin at state bar {@code i}; true when it was liquidated (booked at that bar's close). */
        private boolean marginBar(int i) {
            int j = marginBar[i];
            if (j < 0) {
                return false;
            }
            barsWalked++;
            double wallet = account.wallet();
            if (!account.bar(mbars.openMs(j), mbars.closeMs(j), mbars.high(j), mbars.low(j), mbars.close(j))) {
                return false;
            }
            int cs = side.carrySign();
            PerpLeg leg = PerpLeg.ofCarrySign(cs);
            double lp = account.liquidationPrice();
            int ex = i + 1 < st.size() ? i + 1 : i;
            double sExit = spotClose[ex];
            long t = stOpen[i] + stStep;
            double perpPnl = -cs * qPerp * (lp - markPerp);
            double spotPnl = cs * qSpot * (sExit - markSpot);
            double traded = (qSpot * sExit + qPerp * lp) / 2.0;
            double clearance = marginInputs.spec().clearanceFeeRate() * qPerp * lp;
            double closeFee = traded * feeFraction;
            double worst = leg == PerpLeg.SHORT ? mbars.high(j) : mbars.low(j);
            liquidations.add(new Liquidation(row, Instant.ofEpochMilli(mbars.openMs(j)),
                    Instant.ofEpochMilli(stOpen[ex] + stStep), leg, account.notional(), account.entry(), lp, worst,
                    markSpot, sExit, wallet, perpPnl, spotPnl, clearance, closeFee));
            rowBasis += perpPnl + spotPnl;
            tBasis += perpPnl + spotPnl;
            rowFee += clearance + closeFee;
            rowTraded += traded;
            accrueTime(t);
            fills++;
            blotter.add(new Fill(Instant.ofEpochMilli(t), Instant.ofEpochMilli(t), side, Side.FLAT, 0.0, sExit, lp,
                    (lp - sExit) / sExit * 100.0, traded, clearance + closeFee, ExitReason.LIQUIDATION));
            closeTrade(t, row, clearance + closeFee, ExitReason.LIQUIDATION);
            exitRow = row;
            if (pendingBar >= 0) {
                cancelled++;
                pendingBar = -1;
            }
            flatten();
            watchEquity();
            return true;
        }

        ExecutionResult run() {
            for (int k = 0; k < n; k++) {
                regimeCol[k] = (byte) signals.regimeCode(k);
                if (k < first) {
                    equityCol[k] = capital;
                }
            }
            if (n > first) {
                loop();
                if (account != null && side.isBasisPair()) {
                    openLeg = OpenPerpLeg.of(account);
                }
                finalClose();
            }
            return result();
        }

        private void loop() {
            int[] marks = plan.markBars();
            boolean[] decides = plan.decides();
            int[] sd = plan.settlementDecisionBars();
            int p = 0;
            int k = first + 1;
            int kd = first;
            row = first;
            sizeSince = startMs[first];
            while (true) {
                long tA = p < marks.length ? stOpen[marks[p]] + stStep : Long.MAX_VALUE;
                long tB = k <= n ? endMs[k - 1] : Long.MAX_VALUE;
                long tC = settlementChild && kd < n ? startMs[kd] : Long.MAX_VALUE;
                long tD = pendingBar >= 0 ? stOpen[pendingBar] : Long.MAX_VALUE;
                long t = Math.min(Math.min(tA, tB), Math.min(tC, tD));
                if (t == Long.MAX_VALUE) {
                    break;
                }
                boolean fillNow = tD == t;
                if (tA == t) {
                    mark(marks[p]);
                }
                if (tB == t) {
                    settle(k);
                    k++;
                }
                if (tA == t) {
                    if (decides[p]) {
                        decide(marks[p], t);
                    }
                    p++;
                }
                if (tC == t) {
                    decide(sd[kd - first], t);
                    kd++;
                }
                if (fillNow && pendingBar >= 0 && stOpen[pendingBar] == t) {
                    fill();
                }
            }
        }

        // ---------------------------------------------------------------------------------------------- marks

        /** Marks the held pair to the closes of state bar {@code i}; the PnL goes to the current row. */
        private void mark(int i) {
            if (!side.isBasisPair()) {
                return;
            }
            if (account != null && marginUpTo(i)) {
                return;
            }
            double pnl;
            if (exchange) {
                double s = spotClose[i];
                double pp = perpClose[i];
                pnl = side.carrySign() * (qSpot * (s - markSpot) - qPerp * (pp - markPerp));
                markSpot = s;
                markPerp = pp;
            } else {
                double b = basis[i];
                pnl = -(side.carrySign() * notional) * (b - anchorBasis) / 100.0;
                anchorBasis = b;
            }
            rowBasis += pnl;
            tBasis += pnl;
            watchEquity();
        }

        /** Tracks the peak-to-trough fall of the equity marked at child resolution. */
        private void watchEquity() {
            double e = (capital - rowFee) + (rowFunding + rowBasis);
            if (e > markPeak) {
                markPeak = e;
            } else if (markPeak > 0 && (markPeak - e) / markPeak > markDrawdown) {
                markDrawdown = (markPeak - e) / markPeak;
            }
        }

        // ----------------------------------------------------------------------------------------- settlements

        /** Settlement {@code t_k}: pays the position open now, closes row {@code k − 1}, opens row {@code k}. */
        private void settle(int k) {
            long t = endMs[k - 1];
            if (side.isBasisPair()) {
                double f = k < n && startMs[k] == t ? rates[k] : Double.NaN;
                if (Double.isFinite(f)) {
                    double pay;
                    if (exchange) {
                        pay = side.carrySign() * qPerp * markAt(k, t) * f;
                    } else {
                        double signed = side.carrySign() * notional;
                        pay = signed * f;
                    }
                    rowFunding += pay;
                    tFunding += pay;
                    if (account != null) {
                        account.credit(pay);
                    }
                } else {
                    fundingNotEvaluated++;
                }
                settlementsHeld++;
            }
            closeRow(k - 1, t);
            if (k < n) {
                row = k;
            }
        }

        /** Mark price at settlement {@code k} (time {@code t}). */
        private double markAt(int k, long t) {
            double m = k < n ? markStart[k] : markEnd[n - 1];
            if (m > 0 && Double.isFinite(m)) {
                return m;
            }
            int i = st.asOfClose(t);
            double intraday = st.markClose(i);
            if (st.closeMs(i) == t && intraday > 0 && Double.isFinite(intraday)) {
                return intraday;
            }
            markProxied++;
            return perpClose[i];
        }

        private void accrueTime(long t) {
            long dt = t - sizeSince;
            if (dt > 0 && side != Side.FLAT) {
                double w = sizeNotional * dt;
                rowNotionalTime += w;
                tNotionalTime += w;
                if (side == Side.SHORT_BASIS) {
                    rowShortTime += dt;
                } else {
                    rowLongTime += dt;
                }
            }
            sizeSince = t;
        }

        private void closeRow(int r, long t) {
            accrueTime(t);
            double pnl = rowFunding + rowBasis + 0.0;
            sideCol[r] = (byte) (rowShortTime == 0 && rowLongTime == 0 ? Side.FLAT
                    : rowShortTime >= rowLongTime ? Side.SHORT_BASIS : Side.LONG_BASIS).ordinal();
            notionalCol[r] = rowNotionalTime / (endMs[r] - startMs[r]);
            tradedCol[r] = rowTraded;
            fundingCol[r] = rowFunding;
            basisCol[r] = rowBasis;
            priceCol[r] = 0.0;
            feeCol[r] = rowFee;
            totalCol[r] = pnl - rowFee;
            floorAndCheckRuin(r, (capital - rowFee) + pnl);
            equityCol[r] = capital;
            rowFunding = 0;
            rowBasis = 0;
            rowFee = 0;
            watchEquity();
            rowTraded = 0;
            rowNotionalTime = 0;
            rowShortTime = 0;
            rowLongTime = 0;
        }

        private void floorAndCheckRuin(int r, double raw) {
            if (raw <= 0) {
                shortfall += -raw;
                if (ruinRow < 0) {
                    ruinRow = r;
                }
                capital = 0;
            } else {
                capital = raw;
            }
        }

        // ------------------------------------------------------------------------------------------- decisions

        /** A child decision at time {@code d} on the state as of bar {@code i}'s close. */
        private void decide(int i, long d) {
            if (d < startMs[first] || d >= tEnd) {
                return;
            }
            int r = row;
            boolean settlement = settlementChild || lastDecidedRow != r;
            lastDecidedRow = r;
            decisions++;
            double view = notional();
            out.reset(side, view);
            if (ruinRow >= 0) {
                if (side != Side.FLAT) {
                    out.close(ExitReason.RUIN);
                }
            } else if (settlement) {
                settlementDecisions++;
                if (d != startMs[r]) {
                    lateSettlementDecisions++;
                }
                plan.deskRule().decide(r, this, out);
                if (!settlementChild) {
                    intraAtSettlement(i, r, d);
                }
                sizing(r, view);
            } else {
                intra(i, r, d);
            }
            int mask = out.unevaluatedMask();
            if (mask != 0) {
                for (Unevaluated u : UNEVALUATED) {
                    if ((mask & u.bit()) != 0) {
                        unevaluated[u.ordinal()]++;
                    }
                }
            }
            submit(i, d, r, view);
        }

        /** Intra-interval exits after the desk's settlement rule (children deciding at bar closes). */
        private void intraAtSettlement(int i, int r, long d) {
            Side target = out.side();
            if (!target.isBasisPair() || out.notional() == 0) {
                return;
            }
            ExitReason why = intraExit(target, i, r, d);
            if (why == null) {
                return;
            }
            if (target == side) {
                out.close(why);
                intraExits++;
            } else if (side == Side.FLAT) {
                out.hold(Side.FLAT, 0.0);
                blockedAdmissions++;
            }
        }

        /** Shrink to the regime target at a settlement that keeps the position ({@link Sizing#FOLLOW_REGIME}). */
        private void sizing(int r, double view) {
            if (rules.sizing() != Sizing.FOLLOW_REGIME || !side.isBasisPair() || out.side() != side
                    || out.notional() != view) {
                return;
            }
            double target = capital() * desk.baseFraction() * signals.exposure(r);
            if (Double.isFinite(target) && target < view * (1.0 - rules.shrinkThreshold())) {
                out.hold(side, Math.max(0.0, target));
                shrinks++;
            }
        }

        /** A decision between settlements: intra-interval exits when held, admission when flat. */
        private void intra(int i, int r, long d) {
            if (side.isBasisPair()) {
                ExitReason why = intraExit(side, i, r, d);
                if (why != null) {
                    out.close(why);
                    intraExits++;
                }
                return;
            }
            if (rules.readmission() == Readmission.NEXT_SETTLEMENT && exitRow == r) {
                return;
            }
            Side s = desk.entrySide(rates[r], basis[i], signals, r, out);
            if (s == Side.FLAT) {
                return;
            }
            if (intraExit(s, i, r, d) != null) {
                blockedAdmissions++;
                return;
            }
            double target = capital() * desk.baseFraction() * signals.exposure(r);
            if (target > 0) {
                out.hold(s, target);
            }
        }

        /**
         * The intra-interval exit that fires for {@code held} at bar {@code i} (time {@code d}, row {@code r}), or
         * null: basis back within the desk's tolerance of its rolling median; predicted funding against the carry.
         */
        private ExitReason intraExit(Side held, int i, int r, long d) {
            double med = median[i];
            if (Double.isNaN(med)) {
                medianNotEvaluated++;
            } else if (Math.abs(basis[i] - med) < desk.medianTolerancePct()) {
                return ExitReason.BASIS_AT_MEDIAN;
            }
            double predicted = predictedFunding(r, d);
            if (Double.isNaN(predicted)) {
                predictedNotEvaluated++;
            } else if (held.carrySign() * predicted < 0) {
                return ExitReason.PREDICTED_FUNDING_FLIP;
            }
            return null;
        }

        /** Funding predicted from the premium bars closed in {@code (t_r, d]}, NaN when there are none. */
        private double predictedFunding(int r, long d) {
            if (premium.isEmpty()) {
                return Double.NaN;
            }
            long step = premium.interval().millis();
            long[] pt = premium.openTimes();
            if (predRow != r) {
                predRow = r;
                predictor.reset(hours[r]);
                while (premiumCursor < pt.length && pt[premiumCursor] + step <= startMs[r]) {
                    premiumCursor++;
                }
            }
            while (premiumCursor < pt.length && pt[premiumCursor] + step <= d) {
                predictor.add(premium.close(premiumCursor));
                premiumCursor++;
            }
            return predictor.predicted();
        }

        /** Turns the decision in {@code out} into an order (exchange) or a fill at the decision (cycle model). */
        private void submit(int i, long d, int r, double view) {
            Side ns = out.side();
            double nn = out.notional();
            if (ns == Side.FLAT || nn == 0) {
                ns = Side.FLAT;
                nn = 0;
            }
            boolean change = ns != side || nn != view;
            if (change && side != Side.FLAT && ns != side) {
                exitRow = r;
            }
            if (!exchange) {
                fillAtDecision(ns, nn, out.exitReason(), basis[i], d, r);
                return;
            }
            pendingBar = -1;
            if (!change) {
                return;
            }
            if (i + 1 >= st.size() || stOpen[i + 1] >= tEnd) {
                cancelled++;
                return;
            }
            pendingBar = i + 1;
            pendingSide = ns;
            pendingNotional = nn;
            pendingFromNotional = view;
            pendingReason = out.exitReason();
            pendingRow = r;
            pendingDecision = d;
        }

        // ----------------------------------------------------------------------------------------------- fills

        /** Cycle model: the order fills at the decision's own basis, the cycle engine's fee rule. */
        private void fillAtDecision(Side ns, double nn, ExitReason reason, double b, long d, int r) {
            boolean sideChange = ns != side;
            boolean sizeChange = !sideChange && nn != notional;
            double traded = sideChange ? notional + nn : Math.abs(nn - notional);
            double fee = traded * feeFraction;
            if (!sideChange && !sizeChange && fee == 0) {
                return;
            }
            accrueTime(d);
            fills++;
            rowTraded += traded;
            rowFee += fee;
            Instant at = Instant.ofEpochMilli(d);
            blotter.add(new Fill(at, at, side, ns, nn, Double.NaN, Double.NaN, b, traded, fee,
                    sideChange && side != Side.FLAT ? exitReason(reason, ns) : null));
            if (sideChange) {
                double exitFee = 0;
                if (side != Side.FLAT) {
                    exitFee = ns == Side.FLAT ? fee : fee * (notional / traded);
                    closeTrade(d, row, exitFee, exitReason(reason, ns));
                }
                if (ns != Side.FLAT) {
                    openTrade(d, ns, nn, fee - exitFee, r);
                    anchorBasis = b;
                } else {
                    flatten();
                }
            } else {
                tFees += fee;
                notional = nn;
                sizeNotional = nn;
            }
        }

        /** Exchange: the pending order fills at the opens of its bar. */
        private void fill() {
            int f = pendingBar;
            pendingBar = -1;
            long t = stOpen[f];
            double so = spotOpen[f];
            double po = perpOpen[f];
            if (side.isBasisPair()) {
                double move = side.carrySign() * (qSpot * (so - markSpot) - qPerp * (po - markPerp));
                rowBasis += move;
                tBasis += move;
                markSpot = so;
                markPerp = po;
            }
            accrueTime(t);
            fills++;
            Side ns = pendingSide;
            Side from = side;
            double nn = pendingNotional;
            double traded;
            double fee;
            if (ns != side) {
                double closing = side.isBasisPair() ? (qSpot * so + qPerp * po) / 2.0 : 0.0;
                traded = closing + nn;
                fee = traded * feeFraction;
                double exitFee = 0;
                if (side != Side.FLAT) {
                    exitFee = ns == Side.FLAT ? fee : fee * (closing / traded);
                    closeTrade(t, row, exitFee, exitReason(pendingReason, ns));
                }
                if (ns != Side.FLAT) {
                    openTrade(t, ns, nn, fee - exitFee, pendingRow);
                    qSpot = nn / so;
                    qPerp = nn / po;
                    markSpot = so;
                    markPerp = po;
                } else {
                    flatten();
                }
            } else {
                double lambda = pendingFromNotional > 0 ? nn / pendingFromNotional : 0.0;
                double newSpot = qSpot * lambda;
                double newPerp = qPerp * lambda;
                traded = (Math.abs(newSpot - qSpot) * so + Math.abs(newPerp - qPerp) * po) / 2.0;
                fee = traded * feeFraction;
                qSpot = newSpot;
                qPerp = newPerp;
                notional = nn;
                sizeNotional = nn;
                tFees += fee;
            }
            rowTraded += traded;
            rowFee += fee;
            if (account != null && side.isBasisPair()) {
                account.open(PerpLeg.ofCarrySign(side.carrySign()), qPerp * po, po, capital());
                account.credit(-0.5 * fee);
                marginFrom = f;
            }
            blotter.add(new Fill(Instant.ofEpochMilli(pendingDecision), Instant.ofEpochMilli(t), from, ns, nn, so, po,
                    (po - so) / so * 100.0, traded, fee, from != ns && from != Side.FLAT ? exitReason(pendingReason, ns)
                            : null));
        }

        private static ExitReason exitReason(ExitReason given, Side ns) {
            return given != null ? given : ns == Side.FLAT ? ExitReason.TARGET_ZERO : ExitReason.SIDE_FLIP;
        }

        private void openTrade(long t, Side ns, double nn, double entryFee, int decisionRow) {
            side = ns;
            notional = nn;
            sizeNotional = nn;
            entryRow = row;
            settlementsHeld = 0;
            entries++;
            tEntryTime = t;
            tEntryNotional = nn;
            tNotionalTime = 0;
            tFunding = 0;
            tBasis = 0;
            tFees = entryFee;
            tRegime = signals.regimeCode(decisionRow);
        }

        private void closeTrade(long t, int exitCycle, double exitFee, ExitReason reason) {
            tFees += exitFee;
            long held = t - tEntryTime;
            double avg = held > 0 ? tNotionalTime / held : tEntryNotional;
            trades.add(new Trade(Instant.ofEpochMilli(tEntryTime), Instant.ofEpochMilli(t), entryRow, exitCycle, side,
                    tEntryNotional, avg, tFunding, tBasis, 0.0, tFees, settlementsHeld,
                    tRegime < 0 ? null : Regime.values()[tRegime], reason));
            exits.merge(reason, 1, Integer::sum);
        }

        private void flatten() {
            side = Side.FLAT;
            notional = 0;
            sizeNotional = 0;
            qSpot = 0;
            qPerp = 0;
            entryRow = -1;
            settlementsHeld = 0;
        }

        /** Closes what is open at the window end; the fee (and the move to the exit price) go to the last row. */
        private void finalClose() {
            if (pendingBar >= 0) {
                cancelled++;
                pendingBar = -1;
            }
            if (side == Side.FLAT) {
                return;
            }
            int last = n - 1;
            double move = 0.0;
            double traded;
            double so = Double.NaN;
            double po = Double.NaN;
            double fillBasis = anchorBasis;
            long fillTime = tEnd;
            if (exchange) {
                int f = st.firstOpenAtOrAfter(tEnd);
                so = markSpot;
                po = markPerp;
                if (f < st.size()) {
                    fillTime = stOpen[f];
                    so = spotOpen[f];
                    po = perpOpen[f];
                    move = side.carrySign() * (qSpot * (so - markSpot) - qPerp * (po - markPerp));
                }
                traded = (qSpot * so + qPerp * po) / 2.0;
                fillBasis = (po - so) / so * 100.0;
            } else {
                traded = notional;
            }
            double fee = traded * feeFraction;
            tradedCol[last] += traded;
            basisCol[last] += move;
            feeCol[last] += fee;
            totalCol[last] += move - fee;
            tBasis += move;
            floorAndCheckRuin(last, (equityCol[last] - fee) + move);
            equityCol[last] = capital;
            finalCloseFee = fee;
            fills++;
            ExitReason why = ruinRow >= 0 ? ExitReason.RUIN : ExitReason.END_OF_DATA;
            blotter.add(new Fill(Instant.ofEpochMilli(tEnd), Instant.ofEpochMilli(fillTime), side, Side.FLAT, 0.0, so, po,
                    fillBasis, traded, fee, why));
            closeTrade(tEnd, n, fee, why);
            flatten();
        }

        ExecutionResult result() {
            Ledger ledger = new Ledger(startMs, endMs, sideCol, notionalCol, tradedCol, fundingCol, basisCol, priceCol,
                    feeCol, totalCol, equityCol, regimeCol, first);
            Map<Unevaluated, Integer> counts = new EnumMap<>(Unevaluated.class);
            for (Unevaluated u : UNEVALUATED) {
                if (unevaluated[u.ordinal()] > 0) {
                    counts.put(u, unevaluated[u.ordinal()]);
                }
            }
            ExecutionDiagnostics d = new ExecutionDiagnostics(decisions, settlementDecisions, lateSettlementDecisions,
                    plan.incompleteChildBars(), fills, entries, exits, intraExits, shrinks, blockedAdmissions,
                    medianNotEvaluated, predictedNotEvaluated, counts, fundingNotEvaluated, markProxied, cancelled,
                    markDrawdown, ruinRow, ruinRow >= 0 ? Instant.ofEpochMilli(endMs[ruinRow]) : null, shortfall, finalCloseFee);
            return new ExecutionResult(request, ledger, trades, blotter, Performance.of(ledger, trades, startingCapital), d);
        }

        // ------------------------------------------------------------------------------------- PositionView

        @Override
        public Side side() {
            return side;
        }

        /** Cycle model: the constant notional; exchange: the legs' mean notional at the last marks. */
        @Override
        public double notional() {
            if (!side.isBasisPair()) {
                return 0.0;
            }
            return exchange ? (qSpot * markSpot + qPerp * markPerp) / 2.0 : notional;
        }

        @Override
        public double capital() {
            double e = (capital - rowFee) + (rowFunding + rowBasis);
            return e > 0 ? e : 0.0;
        }

        @Override
        public double startingCapital() {
            return startingCapital;
        }

        @Override
        public int entryCycle() {
            return entryRow;
        }

        @Override
        public int cyclesHeld() {
            return settlementsHeld;
        }

        @Override
        public double feePerNotional() {
            return feeFraction;
        }
    }
}
