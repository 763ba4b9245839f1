package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.stats.RealityCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One portfolio study as a desk asks for it: which symbols (a fixed list, or every candidate of the store),
 * the UTC range, the portfolio (walk-forward, universe filter, sleeve strategy), the allocations to compare, the
 * fee tiers, and the per-symbol evaluation with its multiple-testing layer. Its identity ({@link #runId()}) is a
 * hash of its canonical text, so re-running the same request replaces its own rows in the store.
 *
 * @param symbols the symbols given with {@code --symbols}, or empty for the automatic universe (every candidate)
 * @param from range start, inclusive, or null
 * @param to range end, exclusive, or null
 * @param spec the portfolio (its allocation is replaced by each of {@code allocations})
 * @param allocations allocations to run, the first being the headline
 * @param tiers fee tiers
 * @param evaluation the per-symbol walk-forward evaluation, or null to skip it (and the multiple testing)
 * @param fdrLevel false discovery rate of the BH families, in (0, 1)
 * @param realityCheck the SPA / reality-check bootstrap
 * @param bucketHours calendar bucket of the reality check and the correlations, hours
 */
public record PortfolioRequest(List<Symbol> symbols, Instant from, Instant to, PortfolioSpec spec,
        List<AllocationSpec> allocations, List<FeeTier> tiers, EvaluationSpec evaluation, double fdrLevel,
        RealityCheck.Spec realityCheck, int bucketHours) {
    /** Validates and copies. */
    public PortfolioRequest {
        symbols = List.copyOf(Checks.notNull(symbols, "symbols"));
        Checks.check(symbols.stream().distinct().count() == symbols.size(), "symbols repeat");
        Checks.notNull(spec, "spec");
        allocations = List.copyOf(Checks.notNull(allocations, "allocations"));
        Checks.check(!allocations.isEmpty(), "at least one allocation");
        tiers = List.copyOf(Checks.notNull(tiers, "tiers"));
        Checks.check(!tiers.isEmpty(), "at least one fee tier");
        Checks.check(fdrLevel > 0 && fdrLevel < 1, "fdrLevel must be in (0, 1), was " + fdrLevel);
        Checks.notNull(realityCheck, "realityCheck");
        Checks.positive(bucketHours, "bucketHours");
        Checks.check(from == null || to == null || from.isBefore(to), "from must be before to");
    }

    /** Whether the universe is every candidate of the store ({@code --universe auto}). */
    public boolean automatic() {
        return symbols.isEmpty();
    }

    /** Every field as text, in a fixed order. */
    public String canonical() {
        StringBuilder sb = new StringBuilder("portfolio;symbols=").append(automatic() ? "auto" : symbols)
                .append(";from=").append(from).append(";to=").append(to).append(";train=").append(spec.train())
                .append(";test=").append(spec.test()).append(";universe=").append(spec.universe())
                .append(";sleeve=").append(spec.sleeve()).append(";capital=").append(spec.startingCapital())
                .append(";allocations=").append(allocations).append(";tiers=");
        for (FeeTier t : tiers) {
            sb.append(t.roundTripBps()).append(',');
        }
        sb.append(";evaluation=").append(evaluation == null ? "none" : evaluation.canonical()).append(";fdr=")
                .append(fdrLevel).append(";rc=").append(realityCheck).append(";bucket=").append(bucketHours);
        return sb.toString();
    }

    /** The first 16 hex digits of the SHA-256 of {@link #canonical()}. */
    public String runId() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
