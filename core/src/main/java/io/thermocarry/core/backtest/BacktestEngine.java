package io.thermocarry.core.backtest;

import io.thermocarry.core.Compat;
import io.thermocarry.core.margin.CycleExtremes;
import io.thermocarry.core.margin.Liquidation;
import io.thermocarry.core.margin.MarginAccount;
import io.thermocarry.core.margin.MarginBars;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.margin.MarginOutcome;
import io.thermocarry.core.margin.PerpLeg;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.CycleRule;
import io.thermocarry.core.strategy.Decision;
import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.FeeBooking;
import io.thermocarry.core.strategy.PerpMarks;
import io.thermocarry.core.strategy.PositionView;
import io.thermocarry.core.strategy.RuleContext;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.Unevaluated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stateless two-leg carry engine (SPEC §7): runs one {@link BacktestRequest} into a
 * {@link BacktestResult}.
 *
 * <p><b>Timing.</b> Decision {@code k} is taken at settlement {@code t_k}, the start of cycle {@code k}, by the
 * strategy's {@link CycleRule} with only what is known then (the rate {@code F_k} settled at {@code t_k}
 * included, as the cycle model pairs it with the cycle it starts); the resulting position is held through
 * {@code [t_k, t_{k+1})}. Rows before the request's {@code firstCycle} are history: no decision, flat.
 *
 * <p><b>PnL of cycle k</b> for notional {@code N} and carry sign {@code s} (+1 short basis, −1 long basis):
 * funding {@code s·N·F_k} (signed: short basis pays when {@code F < 0}); basis {@code −s·N·(b_end − b_start)/100}
 * (basis in percent; a NaN end point books 0 and is counted as not evaluated). A perp-only position
 * ({@link Side#LONG_PERP}) books the price move of its value and, in causal mode, pays {@code N·F_k}. Funding
 * rates are per actual interval: no 8 h assumption anywhere in the engine. With
 * {@link FundingAccrual#RATE_AT_CYCLE_END} the cycle earns the rate settled at its end instead (see there).
 *
 * <p><b>Fees.</b> Causal: every change of notional costs {@code |ΔN| · tier/2} (a side flip changes
 * {@code N_old + N_new}), and what is open at the end is closed and charged. Reference
 * ({@link Compat#REFERENCE}): the tier's full round trip on the notional the reference's rule charges (default
 * {@code |ΔN|}, or the rule's {@linkplain Decision#feeBase(double) fee base} unless the request's
 * {@link ReferenceFeeBase} says {@code TRADED_NOTIONAL}), nothing at the end; funding PnL clipped to ±1 % and
 * basis PnL to ±5 % of notional per cycle (unless the request's {@link PnlClipping} is {@code NONE}); a perp-only
 * position pays no funding.
 *
 * <p><b>Capital.</b> {@code E_k = max(0, (E_{k−1} − fee_k) + (funding_k + basis_k + price_k))}; the first time it
 * reaches 0 is reported as ruin (time and the shortfall absorbed) and every later decision is flat
 * ({@link ExitReason#RUIN}); the liquidation fee is still charged and absorbed by the floor. No clipping of PnL
 * in causal mode.
 *
 * <p><b>Margin path</b> (SPEC §13, {@link #run(BacktestRequest, MarginInputs)}): with leverage {@code > 0}, every
 * held cycle of a basis pair walks the bars inside it through a {@link MarginAccount} (wallet re-split at every
 * entry or re-size, the leg struck at the first bar's open, the perp leg's half of the decision's fee and its
 * funding moving the futures wallet). A breach liquidates: the cycle's row books the pair's price PnL up to the
 * fills (perp at the liquidation price, spot at the next bar's close) as basis, no funding when the accrual is
 * at the cycle end (nothing is open at the settlement), and the clearance fee plus the tier's close fee; the
 * trade closes with {@link ExitReason#LIQUIDATION} and the next decision starts flat (the strategy may re-enter).
 * With leverage 0 the run takes the margin-free path itself: no account, no branch taken.
 *
 * <p>The cycle loop allocates nothing: primitive columns are preallocated, the decision slot is reused, and a
 * {@link Trade} record is created only when a trade closes.
 */
public final class BacktestEngine {
    private static final Instant NO_TIME = null;
    private static final Unevaluated[] UNEVALUATED = Unevaluated.values();

    private BacktestEngine() {
    }

    /** Runs one backtest. */
    public static BacktestResult run(BacktestRequest request) {
        return run(request, compile(request));
    }

    /**
     * Runs the same request at several fee tiers, compiling the strategy (and its precomputed inputs) once.
     * Results in the order of {@code tiers}.
     */
    public static List<BacktestResult> runTiers(BacktestRequest request, List<FeeTier> tiers) {
        List<BacktestResult> out = new ArrayList<>(tiers.size());
        CycleRule shared = compile(request);
        for (FeeTier tier : tiers) {
            out.add(run(request.withFee(tier), shared));
        }
        return out;
    }

    private static CycleRule compile(BacktestRequest request) {
        return request.strategy().rule(new RuleContext(request.cycles(), request.signals(), request.compat(),
                request.firstCycle()));
    }

    private static BacktestResult run(BacktestRequest request, CycleRule rule) {
        Run run = new Run(request, rule, null);
        run.loop();
        return run.result();
    }

    /**
     * Runs one backtest with the margin path of the perp leg (SPEC §13). With {@code margin.spec()} at leverage
     * 0 it is {@link #run(BacktestRequest)} exactly, and the outcome is null.
     */
    public static MarginBacktest run(BacktestRequest request, MarginInputs margin) {
        Run run = new Run(request, compile(request), margin.spec().enabled() ? margin : null);
        run.loop();
        return new MarginBacktest(run.result(), run.marginOutcome());
    }

    /** {@link #run(BacktestRequest, MarginInputs)} at several fee tiers, compiling the strategy once. */
    public static List<MarginBacktest> runTiers(BacktestRequest request, List<FeeTier> tiers, MarginInputs margin) {
        List<MarginBacktest> out = new ArrayList<>(tiers.size());
        CycleRule shared = compile(request);
        MarginInputs m = margin.spec().enabled() ? margin : null;
        for (FeeTier tier : tiers) {
            Run run = new Run(request.withFee(tier), shared, m);
            run.loop();
            out.add(new MarginBacktest(run.result(), run.marginOutcome()));
        }
        return out;
    }

    /** One run's mutable scratch: the carried position (shown read-only to the rule) and the ledger columns. */
    private static final class Run implements PositionView {
        private final BacktestRequest request;
        private final CycleRule rule;
        private final boolean reference;
        private final boolean ruleFeeBase;
        private final boolean clip;
        private final boolean bookClosed;
        private final double feeFraction;
        private final double startingCapital;
        private final int n;
        private final int first;
        private final long[] startMs;
        private final long[] endMs;
        private final double[] rate;
        private final boolean rateAtEnd;
        private final double[] basisStart;
        private final double[] basisEnd;
        private final SignalPath signals;
        private final double[] markFrom;
        private final double[] markTo;
        private final Decision out = new Decision();
        private final int[] unevaluated = new int[Unevaluated.values().length];
        private final List<Trade> trades = new ArrayList<>();

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

        // carried position
        private Side side = Side.FLAT;
        private double notional;
        private double capital;
        private int entryCycle = -1;
        private int cyclesHeld;
        private double lastMark = Double.NaN;
        private double pendingFee;

        // open trade accumulators
        private double tEntryNotional;
        private double tNotionalSum;
        private double tFunding;
        private double tBasis;
        private double tPrice;
        private double tFees;
        private int tRegime = -1;

        // diagnostics
        private int basisNotEvaluated;
        private int fundingNotEvaluated;
        private int clippedFunding;
        private int clippedBasis;
        private int ruinCycle = -1;
        private double shortfall;
        private double finalCloseFee;

        // margin path (null when off)
        private final MarginInputs marginInputs;
        private final MarginAccount account;
        private final MarginBars bars;
        private final int[] barFrom;
        private final int[] barTo;
        private final CycleExtremes extremes;
        private final boolean walkEveryBar;
        private final List<Liquidation> liquidations;
        private int marginEntryCycle = -1;
        private double marginNotional;
        private long barsWalked;
        private int cyclesWithoutBars;

        Run(BacktestRequest request, CycleRule rule, MarginInputs margin) {
            this.request = request;
            this.rule = rule;
            FundingCycles cycles = request.cycles();
            this.reference = request.compat() == Compat.REFERENCE;
            this.ruleFeeBase = reference && request.feeBase() == ReferenceFeeBase.STRATEGY_RULE;
            this.clip = request.clipping() == PnlClipping.REFERENCE_CAPS;
            this.bookClosed = rule.feeBooking() == FeeBooking.CLOSED_CYCLE;
            this.feeFraction = reference ? request.fee().roundTripFraction() : request.fee().perChangeFraction();
            this.startingCapital = request.startingCapital();
            this.capital = startingCapital;
            this.n = cycles.size();
            this.first = request.firstCycle();
            this.startMs = cycles.starts();
            this.endMs = cycles.ends();
            this.rate = cycles.rates();
            this.rateAtEnd = request.fundingAccrual() == FundingAccrual.RATE_AT_CYCLE_END;
            this.basisStart = cycles.basisStarts();
            this.basisEnd = cycles.basisEnds();
            this.signals = request.signals();
            PerpMarks marks = rule.perpMarks();
            this.markFrom = marks != null ? marks.from() : null;
            this.markTo = marks != null ? marks.to() : null;
            if (marks != null && markFrom.length != n) {
                throw new IllegalArgumentException("perp marks have " + markFrom.length + " rows for " + n);
            }
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
                account = new MarginAccount(margin.spec());
                bars = margin.bars();
                extremes = margin.extremes(startMs, endMs);
                barFrom = extremes.from();
                barTo = extremes.to();
                walkEveryBar = margin.walkEveryBar();
                liquidations = new ArrayList<>();
            } else {
                account = null;
                bars = null;
                barFrom = null;
                barTo = null;
                extremes = null;
                walkEveryBar = false;
                liquidations = null;
            }
        }

        void loop() {
            for (int k = 0; k < n; k++) {
                regimeCol[k] = (byte) signals.regimeCode(k);
                if (k < first) {
                    equityCol[k] = capital;
                    continue;
                }
                decide(k);
                book(k);
            }
            if (n > first) {
                if (bookClosed) {
                    decide(n);
                }
                closeAtEnd();
            }
        }

        /** Decision at settlement t_k (k == n: the end of the data, fees into the last row). */
        private void decide(int k) {
            out.reset(side, notional);
            if (ruinCycle >= 0) {
                if (side != Side.FLAT) {
                    out.close(ExitReason.RUIN);
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
            Side newSide = out.side();
            double newNotional = out.notional();
            if (newSide == Side.FLAT || newNotional == 0) {
                newSide = Side.FLAT;
                newNotional = 0;
            }
            boolean sideChange = newSide != side;
            boolean sizeChange = !sideChange && newNotional != notional;
            double traded = sideChange ? notional + newNotional : Math.abs(newNotional - notional);
            double base = ruleFeeBase && !Double.isNaN(out.feeBase()) ? out.feeBase() : traded;
            double fee = base * feeFraction;
            if (!sideChange && !sizeChange && fee == 0) {
                return;
            }
            int row = k >= n || (bookClosed && k - 1 >= first) ? k - 1 : k;
            tradedCol[row] += traded;
            if (row == k) {
                pendingFee += fee;
            } else {
                chargeClosedRow(row, fee);
            }
            if (sideChange) {
                double exitFee = 0;
                if (side != Side.FLAT) {
                    exitFee = newSide == Side.FLAT ? fee : fee * (notional / traded);
                    ExitReason reason = out.exitReason() != null ? out.exitReason()
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

        /** Books a fee into an already written row (closed-cycle booking): equity re-floored. */
        private void chargeClosedRow(int row, double fee) {
            feeCol[row] += fee;
            totalCol[row] -= fee;
            double raw = equityCol[row] - fee;
            floorAndCheckRuin(row, raw);
            equityCol[row] = capital;
        }

        private void floorAndCheckRuin(int row, double raw) {
            if (raw <= 0) {
                shortfall += -raw;
                if (ruinCycle < 0) {
                    ruinCycle = row;
                }
                capital = 0;
            } else {
                capital = raw;
            }
        }

        private void openTrade(int k, Side newSide, double newNotional, double entryFee) {
            side = newSide;
            notional = newNotional;
            entryCycle = k;
            cyclesHeld = 0;
            tEntryNotional = newNotional;
            tNotionalSum = 0;
            tFunding = 0;
            tBasis = 0;
            tPrice = 0;
            tFees = entryFee;
            tRegime = k < n ? signals.regimeCode(k) : -1;
            if (newSide == Side.LONG_PERP) {
                lastMark = k < n ? markFrom[k] : markTo[n - 1];
            }
        }

        private void closeTrade(int k, double exitFee, ExitReason reason) {
            closeTrade(k, exitFee, reason, k < n ? startMs[k] : endMs[n - 1]);
        }

        private void closeTrade(int k, double exitFee, ExitReason reason, long exitMs) {
            tFees += exitFee;
            Instant exitTime = Instant.ofEpochMilli(exitMs);
            Instant entryTime = Instant.ofEpochMilli(entryCycle < n ? startMs[entryCycle] : endMs[n - 1]);
            double avg = cyclesHeld > 0 ? tNotionalSum / cyclesHeld : tEntryNotional;
            trades.add(new Trade(entryTime, exitTime, entryCycle, k, side, tEntryNotional, avg, tFunding, tBasis,
                    tPrice, tFees, cyclesHeld, tRegime < 0 ? null : Regime.values()[tRegime], reason));
        }

        /** The settled rate cycle k's position is paid on, NaN when it is not in the data. */
        private double accruedRate(int k) {
            if (!rateAtEnd) {
                return rate[k];
            }
            return k + 1 < n && startMs[k + 1] == endMs[k] ? rate[k + 1] : Double.NaN;
        }

        /** PnL of cycle k with the position just decided; writes row k. */
        private void book(int k) {
            double n0 = notional;
            double funding = 0;
            double basis = 0;
            double price = 0;
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
                if (clip) {
                    double capF = n0 * 0.01;
                    double capB = n0 * 0.05;
                    if (funding > capF || funding < -capF) {
                        funding = Math.max(-capF, Math.min(capF, funding));
                        clippedFunding++;
                    }
                    if (basis > capB || basis < -capB) {
                        basis = Math.max(-capB, Math.min(capB, basis));
                        clippedBasis++;
                    }
                }
            } else if (side == Side.LONG_PERP) {
                double f = accruedRate(k);
                if (!reference) {
                    if (Double.isFinite(f)) {
                        funding = -n0 * f;
                    } else {
                        fundingNotEvaluated++;
                    }
                }
                double to = markTo[k];
                if (to > 0 && Double.isFinite(to)) {
                    double value = n0 * (to / lastMark);
                    price = value - n0;
                    notional = value;
                    lastMark = to;
                } else {
                    unevaluated[Unevaluated.MARK_PRICE.ordinal()]++;
                }
            }
            double fee = pendingFee;
            pendingFee = 0;
            Liquidation liq = null;
            if (account != null && side.isBasisPair() && n0 > 0) {
                liq = marginCycle(k, n0, funding, fee);
                if (liq != null) {
                    if (rateAtEnd) {
                        funding = 0; // closed before the settlement at the cycle's end: not paid
                    }
                    basis = liq.perpPnl() + liq.spotPnl();
                    fee += liq.clearanceFee() + liq.closeFee();
                    tradedCol[k] += n0;
                }
            }
            double pnl = funding + basis + price;
            sideCol[k] = (byte) side.ordinal();
            notionalCol[k] = n0;
            fundingCol[k] = funding;
            basisCol[k] = basis;
            priceCol[k] = price;
            feeCol[k] = fee;
            totalCol[k] = pnl - fee;
            floorAndCheckRuin(k, (capital - fee) + pnl);
            equityCol[k] = capital;
            if (side != Side.FLAT) {
                cyclesHeld++;
                tNotionalSum += n0;
                tFunding += funding;
                tBasis += basis;
                tPrice += price;
            }
            if (liq != null) {
                closeTrade(k + 1, liq.clearanceFee() + liq.closeFee(), ExitReason.LIQUIDATION,
                        liq.barOpen().toEpochMilli());
                side = Side.FLAT;
                notional = 0;
                entryCycle = -1;
                cyclesHeld = 0;
                marginEntryCycle = -1;
            }
        }

        /**
         * Walks cycle k's bars for the perp leg of notional {@code n0}; returns the liquidation, or null.
         * {@code fee} is the fee charged at decision k (the perp leg pays half of it from the futures wallet).
         */
        private Liquidation marginCycle(int k, double n0, double funding, double fee) {
            int from = barFrom[k];
            int to = barTo[k];
            if (from >= to) {
                cyclesWithoutBars++;
                return null;
            }
            double p0 = bars.perpOpen(from);
            double inv = extremes.inverseStrike()[k];
            PerpLeg leg = side.carrySign() > 0 ? PerpLeg.SHORT : PerpLeg.LONG;
            if (entryCycle != marginEntryCycle || n0 != marginNotional) {
                account.open(leg, n0, p0, inv, capital);
                marginEntryCycle = entryCycle;
                marginNotional = n0;
            } else {
                account.strike(n0, p0, inv, capital);
            }
            account.credit(-0.5 * fee);
            if (!rateAtEnd) {
                account.credit(funding);
            }
            if (!walkEveryBar) {
                CycleExtremes x = extremes;
                int ih = x.maxHigh()[k];
                int il = x.minLow()[k];
                int ilx = x.maxLow()[k];
                if (account.quietCycle(bars.high(ih), bars.openMs(ih), bars.low(il), bars.openMs(il), bars.low(ilx),
                        bars.openMs(ilx), bars.close(x.maxClose()[k]), bars.close(x.minClose()[k]))) {
                    barsWalked += to - from;
                    if (rateAtEnd) {
                        account.credit(funding);
                    }
                    return null;
                }
            }
            for (int j = from; j < to; j++) {
                barsWalked++;
                double wallet = account.wallet();
                if (account.bar(bars.openMs(j), bars.closeMs(j), bars.high(j), bars.low(j), bars.close(j))) {
                    double lp = account.liquidationPrice();
                    int exitBar = j + 1 < bars.size() ? j + 1 : j;
                    double s0 = bars.spotOpen(from);
                    double s1 = bars.spotClose(exitBar);
                    int cs = side.carrySign();
                    double perpPnl = -cs * n0 * (lp / p0 - 1);
                    double spotPnl = cs * n0 * (s1 / s0 - 1);
                    double clearance = marginInputs.spec().clearanceFeeRate() * n0 * lp / p0;
                    double closeFee = reference ? 0.0 : n0 * feeFraction;
                    double worst = leg == PerpLeg.SHORT ? bars.high(j) : bars.low(j);
                    Liquidation l = new Liquidation(k, Instant.ofEpochMilli(bars.openMs(j)),
                            Instant.ofEpochMilli(bars.closeMs(exitBar)), leg, n0, p0, lp, worst, s0, s1, wallet,
                            perpPnl, spotPnl, clearance, closeFee);
                    liquidations.add(l);
                    return l;
                }
            }
            if (rateAtEnd) {
                account.credit(funding);
            }
            return null;
        }

        MarginOutcome marginOutcome() {
            if (account == null) {
                return null;
            }
            long ms = account.minCoverageMs();
            return new MarginOutcome(marginInputs.spec(), account.minCoverage(),
                    ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms), account.minCoverageWorst(),
                    account.minCoverageStrike(), liquidations, account.transfers(),
                    account.transferred(), barsWalked, cyclesWithoutBars,
                    account.overLeveraged());
        }

        /** Closes what is still open after the last cycle (charged in causal mode only). */
        private void closeAtEnd() {
            if (side == Side.FLAT) {
                return;
            }
            double fee = reference ? 0.0 : notional * feeFraction;
            int row = n - 1;
            tradedCol[row] += notional;
            if (fee > 0) {
                chargeClosedRow(row, fee);
            }
            finalCloseFee = fee;
            closeTrade(n, fee, ruinCycle >= 0 ? ExitReason.RUIN : ExitReason.END_OF_DATA);
            side = Side.FLAT;
            notional = 0;
        }

        BacktestResult result() {
            Ledger ledger = new Ledger(startMs, endMs, sideCol, notionalCol, tradedCol, fundingCol, basisCol,
                    priceCol, feeCol, totalCol, equityCol, regimeCol, first);
            Map<Unevaluated, Integer> counts = new EnumMap<>(Unevaluated.class);
            for (Unevaluated u : Unevaluated.values()) {
                if (unevaluated[u.ordinal()] > 0) {
                    counts.put(u, unevaluated[u.ordinal()]);
                }
            }
            Diagnostics diagnostics = new Diagnostics(first, basisNotEvaluated, fundingNotEvaluated, counts,
                    clippedFunding, clippedBasis, ruinCycle,
                    ruinCycle >= 0 ? Instant.ofEpochMilli(endMs[ruinCycle]) : NO_TIME, shortfall, finalCloseFee);
            Performance performance = Performance.of(ledger, trades, startingCapital);
            return new BacktestResult(request, ledger, trades, performance, diagnostics);
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
            return capital;
        }

        @Override
        public double startingCapital() {
            return startingCapital;
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
            return feeFraction;
        }
    }
}
