package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.SignalPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol of a universe, ready for causal selection and for a carry sleeve: its causal funding cycles and
 * regime path (SPEC §2, §4–§5), the funding interval in force per cycle, which cycles are data holes, and the
 * liquidity and coverage columns the universe filter reads.
 *
 * <p><b>Coverage rule.</b> Settlements after the last basis observation are left out (a funding file that runs
 * past the klines would otherwise add cycles with a stale basis and free funding);
 * {@link #settlementsAfterBasis()} counts them.
 *
 * <p><b>Holes.</b> Cycle {@code k} is untradable when the spacing {@code t_{k+1} − t_k} exceeds 1.5 times the
 * funding interval in force (the larger of the two settlements' declared intervals, so an 8 h → 4 h switch is
 * not a hole) — {@link HoleKind#MISSING_SETTLEMENTS} — or when no basis observation became available inside it
 * or either end's basis is unknown — {@link HoleKind#NO_BASIS} (e.g. between stitched perp parts). Runs of
 * such cycles are listed as {@link CycleHole}s.
 *
 * <p>Arrays are owned by this object (the accessors return them for speed: do not mutate).
 */
public final class SymbolMarket {
    private final Symbol symbol;
    private final FundingCycles cycles;
    private final SignalPath signals;
    private final long[] nominalIntervalMs;
    private final boolean[] tradable;
    private final List<CycleHole> holes;
    private final int[] basisCyclesBefore;
    private final long[] settlementMs;
    private final long[] settlementIntervalMs;
    private final long[] basisMs;
    private final DailyQuoteVolume perpVolume;
    private final DailyQuoteVolume spotVolume;
    private final long[] depthMs;
    private final double[] depthNotional;
    private final int settlementsAfterBasis;

    private SymbolMarket(Symbol symbol, FundingCycles cycles, SignalPath signals, long[] settlementMs,
            long[] settlementIntervalMs, long[] basisMs, DailyQuoteVolume perpVolume, DailyQuoteVolume spotVolume,
            long[] depthMs, double[] depthNotional, int settlementsAfterBasis) {
        this.symbol = symbol;
        this.cycles = cycles;
        this.signals = signals;
        int n = cycles.size();
        Checks.check(signals.size() == n, "signal path has " + signals.size() + " entries for " + n + " cycles");
        Checks.check(n == 0 || settlementMs.length == n + 1,
                "cycles must be built from the covered settlements (" + settlementMs.length + " for " + n + " cycles)");
        this.nominalIntervalMs = new long[n];
        this.tradable = new boolean[n];
        this.basisCyclesBefore = new int[n + 1];
        List<CycleHole> hs = new ArrayList<>();
        HoleKind open = null;
        int openAt = -1;
        for (int k = 0; k < n; k++) {
            Checks.check(settlementMs[k] == cycles.startMs(k), "cycle " + k + " does not start at settlement " + k);
            long nominal = Math.max(settlementIntervalMs[k], settlementIntervalMs[k + 1]);
            nominalIntervalMs[k] = nominal;
            long spacing = cycles.endMs(k) - cycles.startMs(k);
            boolean basisOk = cycles.basisObs(k) > 0 && Double.isFinite(cycles.basisStart(k))
                    && Double.isFinite(cycles.basisEnd(k));
            HoleKind kind = spacing * 2 > nominal * 3 ? HoleKind.MISSING_SETTLEMENTS : basisOk ? null : HoleKind.NO_BASIS;
            tradable[k] = kind == null;
            basisCyclesBefore[k + 1] = basisCyclesBefore[k] + (cycles.basisObs(k) > 0 ? 1 : 0);
            if (kind != null && open == null) {
                open = kind;
                openAt = k;
            } else if (kind == null && open != null) {
                hs.add(new CycleHole(open, openAt, k - openAt, cycles.startMs(openAt), cycles.endMs(k - 1)));
                open = null;
            }
        }
        if (open != null) {
            hs.add(new CycleHole(open, openAt, n - openAt, cycles.startMs(openAt), cycles.endMs(n - 1)));
        }
        this.holes = List.copyOf(hs);
        this.settlementMs = settlementMs;
        this.settlementIntervalMs = settlementIntervalMs;
        this.basisMs = basisMs;
        this.perpVolume = perpVolume;
        this.spotVolume = spotVolume;
        this.depthMs = depthMs;
        this.depthNotional = depthNotional;
        this.settlementsAfterBasis = settlementsAfterBasis;
    }

    /**
     * Builds a symbol's market from stored series: causal cycles ({@link CycleBuilder}) from the settlements
     * covered by the basis, and the causal signal run ({@link SignalRunner}, {@link Compat#CAUSAL}) under
     * {@code config}.
     *
     * @param funding settlements (all history: signals warm up on it)
     * @param basis hourly spot–perp basis, availability-stamped
     * @param perp hourly perp bars (quote volume)
     * @param spot hourly spot bars (quote volume)
     * @param mark hourly mark bars, or {@code null}
     */
    public static SymbolMarket build(FundingSeries funding, BasisSeries basis, BarSeries perp, BarSeries spot,
            BarSeries mark, SignalSpec signalSpec, RegimeSpec regimeSpec, RegimeConfig config) {
        Checks.notNull(funding, "funding");
        Checks.notNull(basis, "basis");
        Checks.check(basis.size() > 0, "no basis observations for " + funding.symbol());
        FundingSeries covered = funding.slice(Long.MIN_VALUE, basis.timeMs(basis.size() - 1) + 1);
        FundingCycles cycles = CycleBuilder.build(covered, basis, mark);
        SignalRun run = SignalRunner.run(cycles, basis, signalSpec, regimeSpec, config, Compat.CAUSAL);
        return new SymbolMarket(funding.symbol(), cycles, SignalPath.of(run, cycles.size()), covered.times(),
                covered.intervals(), basis.times(), DailyQuoteVolume.of(perp), DailyQuoteVolume.of(spot), null, null,
                funding.size() - covered.size());
    }

    /**
     * A symbol's market from cycles and a signal path computed elsewhere (tests, other signal settings).
     *
     * @param funding the settlements {@code cycles} were built from (cycle k starts at settlement k; one more
     *     settlement than cycles)
     */
    public static SymbolMarket of(FundingSeries funding, FundingCycles cycles, SignalPath signals, BasisSeries basis,
            BarSeries perp, BarSeries spot) {
        Checks.notNull(funding, "funding");
        Checks.check(funding.symbol().equals(cycles.symbol()), "funding and cycles differ in symbol");
        return new SymbolMarket(funding.symbol(), cycles, signals, funding.times(), funding.intervals(),
                basis.times(), DailyQuoteVolume.of(perp), DailyQuoteVolume.of(spot), null, null, 0);
    }

    /**
     * This market with book-depth observations for the universe's optional depth filter.
     *
     * @param timeMs availability times, strictly increasing
     * @param notionalUsd depth within ±1 % of mid, quote currency
     */
    public SymbolMarket withDepth(long[] timeMs, double[] notionalUsd) {
        Checks.check(timeMs.length == notionalUsd.length, "depth columns differ in length");
        for (int i = 1; i < timeMs.length; i++) {
            Checks.check(timeMs[i] > timeMs[i - 1], "depth times not strictly increasing at " + i);
        }
        return new SymbolMarket(symbol, cycles, signals, settlementMs, settlementIntervalMs, basisMs, perpVolume,
                spotVolume, timeMs.clone(), notionalUsd.clone(), settlementsAfterBasis);
    }

    /** The symbol. */
    public Symbol symbol() {
        return symbol;
    }

    /** Causal funding cycles (SPEC §2). */
    public FundingCycles cycles() {
        return cycles;
    }

    /** The regime path, one entry per cycle. */
    public SignalPath signals() {
        return signals;
    }

    /** Funding interval in force over cycle k, ms. */
    public long nominalIntervalMs(int k) {
        return nominalIntervalMs[k];
    }

    /** Whether cycle k can be traded and valued from the data (not a hole). */
    public boolean tradable(int k) {
        return tradable[k];
    }

    /** Runs of untradable cycles, in time order. */
    public List<CycleHole> holes() {
        return holes;
    }

    /** Settlements left out because they come after the last basis observation. */
    public int settlementsAfterBasis() {
        return settlementsAfterBasis;
    }

    /** Perp quote volume per day. */
    public DailyQuoteVolume perpVolume() {
        return perpVolume;
    }

    /** Spot quote volume per day. */
    public DailyQuoteVolume spotVolume() {
        return spotVolume;
    }

    /** Whether depth observations were supplied. */
    public boolean hasDepth() {
        return depthMs != null;
    }

    /** Number of cycles that ended at or before {@code atMs}. */
    public int cyclesEndedBy(long atMs) {
        return upperBound(cycles.ends(), atMs);
    }

    /** Cycles with at least one basis observation among those that ended at or before {@code atMs}. */
    public int basisCyclesEndedBy(long atMs) {
        return basisCyclesBefore[cyclesEndedBy(atMs)];
    }

    /** Availability time of the last basis observation at or before {@code atMs}, or {@code Long.MIN_VALUE}. */
    public long lastBasisAtOrBefore(long atMs) {
        int i = upperBound(basisMs, atMs);
        return i == 0 ? Long.MIN_VALUE : basisMs[i - 1];
    }

    /** Basis observations available in {@code (fromMs, toMs]}. */
    public int basisObservations(long fromMs, long toMs) {
        return upperBound(basisMs, toMs) - upperBound(basisMs, fromMs);
    }

    /**
     * Funding coverage of {@code (fromMs, toMs]}: settlements present divided by settlements present plus
     * missing, where the missing ones are counted on the grid of the interval in force — between consecutive
     * present settlements {@code round(spacing / interval) − 1}, before the first {@code ⌈(t_first − from) /
     * interval⌉ − 1}, after the last {@code ⌊(to − t_last) / interval⌋}. NaN for an empty window.
     */
    public double fundingCoverage(long fromMs, long toMs) {
        if (toMs <= fromMs) {
            return Double.NaN;
        }
        int a = upperBound(settlementMs, fromMs);
        int b = upperBound(settlementMs, toMs);
        int present = b - a;
        if (present == 0) {
            return 0.0;
        }
        double missing = 0;
        for (int i = a + 1; i < b; i++) {
            long inForce = Math.max(settlementIntervalMs[i], settlementIntervalMs[i - 1]);
            long spacing = settlementMs[i] - settlementMs[i - 1];
            missing += Math.max(0, Math.round((double) spacing / inForce) - 1);
        }
        missing += Math.max(0, Math.ceil((double) (settlementMs[a] - fromMs) / settlementIntervalMs[a]) - 1);
        long last = settlementMs[b - 1];
        missing += Math.floor((double) (toMs - last) / settlementIntervalMs[b - 1]);
        return present / (present + missing);
    }

    /** Median depth notional over observations available in {@code (fromMs, toMs]}, NaN without any. */
    public double medianDepth(long fromMs, long toMs) {
        if (depthMs == null) {
            return Double.NaN;
        }
        int a = upperBound(depthMs, fromMs);
        int b = upperBound(depthMs, toMs);
        if (b <= a) {
            return Double.NaN;
        }
        double[] w = Arrays.copyOfRange(depthNotional, a, b);
        Arrays.sort(w);
        int c = w.length;
        return c % 2 == 1 ? w[c / 2] : 0.5 * (w[c / 2 - 1] + w[c / 2]);
    }

    /** First index whose value is {@code > x} in a non-decreasing array. */
    static int upperBound(long[] a, long x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "SymbolMarket[" + symbol + " cycles=" + cycles.size() + " holes=" + holes.size() + "]";
    }
}
