package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Universe selection (SPEC §12): which symbols are candidates at all, and which candidates a carry book may
 * hold at a rebalance ({@link UniverseSpec}). Stateless; a selection at {@code T} reads only data available at
 * or before {@code T}, so changing anything later changes no past selection.
 */
public final class Universe {
    private static final double MS_PER_HOUR = 3_600_000.0;

    private Universe() {
    }

    /**
     * What the store holds for one symbol (hourly klines per market, funding).
     *
     * @param symbol symbol
     * @param spot hourly spot klines present
     * @param perp hourly perp klines present
     * @param funding funding settlements present
     */
    public record Holdings(Symbol symbol, boolean spot, boolean perp, boolean funding) {
        /** Validates. */
        public Holdings {
            Checks.notNull(symbol, "symbol");
        }
    }

    /**
     * Candidates and static exclusions.
     *
     * @param candidates symbols with spot, perp and funding, in symbol order
     * @param exclusions the others, with the first missing series as the reason
     */
    public record Candidates(List<Symbol> candidates, List<Exclusion> exclusions) {
        /** Copies the lists. */
        public Candidates {
            candidates = List.copyOf(candidates);
            exclusions = List.copyOf(exclusions);
        }
    }

    /** Splits what the store holds into candidates (spot + perp + funding) and exclusions, in symbol order. */
    public static Candidates candidates(List<Holdings> holdings) {
        List<Holdings> sorted = new ArrayList<>(holdings);
        sorted.sort(Comparator.comparing(Holdings::symbol));
        List<Symbol> in = new ArrayList<>();
        List<Exclusion> out = new ArrayList<>();
        for (Holdings h : sorted) {
            if (!h.spot()) {
                out.add(new Exclusion(h.symbol(), ExclusionReason.NO_SPOT, "no 1h spot klines" + present(h)));
            } else if (!h.perp()) {
                out.add(new Exclusion(h.symbol(), ExclusionReason.NO_PERP, "no 1h perp klines" + present(h)));
            } else if (!h.funding()) {
                out.add(new Exclusion(h.symbol(), ExclusionReason.NO_FUNDING, "no funding settlements" + present(h)));
            } else {
                in.add(h.symbol());
            }
        }
        return new Candidates(in, out);
    }

    private static String present(Holdings h) {
        List<String> p = new ArrayList<>();
        if (h.spot()) {
            p.add("spot");
        }
        if (h.perp()) {
            p.add("perp");
        }
        if (h.funding()) {
            p.add("funding");
        }
        return p.isEmpty() ? "" : " (has " + String.join(", ", p) + ")";
    }

    /**
     * The static exclusion of a candidate whose spot, perp and funding never overlap (not a single funding
     * cycle with a basis observation in its whole data), or {@code null}. Judged on all data: use it to drop
     * candidates before any selection, not inside one.
     */
    public static Exclusion withoutOverlap(SymbolMarket market) {
        if (market.basisCyclesEndedBy(Long.MAX_VALUE) > 0) {
            return null;
        }
        return new Exclusion(market.symbol(), ExclusionReason.NO_OVERLAP, "spot, perp and funding never overlap: "
                + market.cycles().size() + " funding cycles, none with a basis observation");
    }

    /**
     * The universe at {@code atMs} among {@code markets} (candidates), by {@code spec}: members most liquid first
     * (ties by symbol), exclusions in the order of {@code markets}.
     */
    public static UniverseSelection select(List<SymbolMarket> markets, long atMs, UniverseSpec spec) {
        Checks.notNull(markets, "markets");
        Checks.notNull(spec, "spec");
        long lookbackMs = spec.lookback().toMillis();
        long from = atMs - lookbackMs;
        List<UniverseMember> members = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (SymbolMarket m : markets) {
            Symbol s = m.symbol();
            int ended = m.cyclesEndedBy(atMs);
            if (ended == 0) {
                exclusions.add(new Exclusion(s, ExclusionReason.NOT_LISTED, "no funding cycle ended by " + time(atMs)));
                continue;
            }
            long lastBasis = m.lastBasisAtOrBefore(atMs);
            if (lastBasis == Long.MIN_VALUE || atMs - lastBasis > spec.staleAfter().toMillis()) {
                exclusions.add(new Exclusion(s, ExclusionReason.STALE, lastBasis == Long.MIN_VALUE
                        ? "no basis observation by " + time(atMs)
                        : String.format(Locale.ROOT, "last basis %s, %.1f h before the rebalance", time(lastBasis),
                                (atMs - lastBasis) / MS_PER_HOUR)));
                continue;
            }
            int history = m.basisCyclesEndedBy(atMs);
            if (history < spec.minHistoryCycles()) {
                exclusions.add(new Exclusion(s, ExclusionReason.SHORT_HISTORY,
                        "history " + history + " cycles < " + spec.minHistoryCycles()));
                continue;
            }
            double fc = m.fundingCoverage(from, atMs);
            if (!(fc >= spec.minFundingCoverage())) {
                exclusions.add(new Exclusion(s, ExclusionReason.FUNDING_COVERAGE,
                        String.format(Locale.ROOT, "funding coverage %.3f < %.3f over %d days", fc,
                                spec.minFundingCoverage(), spec.lookback().toDays())));
                continue;
            }
            double bc = m.basisObservations(from, atMs) / (lookbackMs / MS_PER_HOUR);
            if (!(bc >= spec.minBasisCoverage())) {
                exclusions.add(new Exclusion(s, ExclusionReason.BASIS_COVERAGE,
                        String.format(Locale.ROOT, "basis coverage %.3f < %.3f over %d days", bc,
                                spec.minBasisCoverage(), spec.lookback().toDays())));
                continue;
            }
            double perpQ = m.perpVolume().median(from, atMs);
            double spotQ = m.spotVolume().median(from, atMs);
            double pair = Math.min(perpQ, spotQ);
            if (spec.minQuoteVolume() > 0 && !(pair >= spec.minQuoteVolume())) {
                exclusions.add(new Exclusion(s, ExclusionReason.LOW_VOLUME,
                        String.format(Locale.ROOT, "median daily quote volume %.3g (perp %.3g, spot %.3g) < %.3g", pair,
                                perpQ, spotQ, spec.minQuoteVolume())));
                continue;
            }
            double depth = Double.NaN;
            if (spec.usesDepth()) {
                depth = m.medianDepth(from, atMs);
                if (Double.isNaN(depth)) {
                    exclusions.add(new Exclusion(s, ExclusionReason.DEPTH_NOT_EVALUATED,
                            "no depth observation in the " + spec.lookback().toDays() + "-day window"));
                    continue;
                }
                if (depth < spec.minDepthNotional()) {
                    exclusions.add(new Exclusion(s, ExclusionReason.LOW_DEPTH,
                            String.format(Locale.ROOT, "median ±1%% depth %.3g < %.3g", depth, spec.minDepthNotional())));
                    continue;
                }
            }
            members.add(new UniverseMember(s, history, fc, bc, perpQ, spotQ, depth));
        }
        members.sort(Comparator.comparingDouble(UniverseMember::pairQuoteVolume).reversed()
                .thenComparing(UniverseMember::symbol));
        if (spec.maxSymbols() > 0 && members.size() > spec.maxSymbols()) {
            List<UniverseMember> cut = members.subList(spec.maxSymbols(), members.size());
            for (UniverseMember u : cut) {
                exclusions.add(new Exclusion(u.symbol(), ExclusionReason.RANK, String.format(Locale.ROOT,
                        "ranked beyond the %d most liquid (median daily quote volume %.3g)", spec.maxSymbols(),
                        u.pairQuoteVolume())));
            }
            members = new ArrayList<>(members.subList(0, spec.maxSymbols()));
        }
        return new UniverseSelection(atMs, members, exclusions);
    }

    private static String time(long ms) {
        return java.time.Instant.ofEpochMilli(ms).toString();
    }
}
