package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One evaluation as a desk asks for it: symbols, UTC range and the spec. Its identity ({@link #runId()}) is a
 * hash of its canonical text, so re-running the same request names the same run (the store replaces it).
 *
 * @param symbols symbols in the order given (no repeats)
 * @param from range start, inclusive, or {@code null} for all data
 * @param to range end, exclusive, or {@code null} for all data
 * @param spec what to evaluate
 */
public record EvaluationRequest(List<Symbol> symbols, Instant from, Instant to, EvaluationSpec spec) {
    /** Validates and copies. */
    public EvaluationRequest {
        symbols = List.copyOf(Checks.notNull(symbols, "symbols"));
        Checks.check(!symbols.isEmpty(), "at least one symbol");
        Checks.check(symbols.stream().distinct().count() == symbols.size(), "symbols repeat");
        Checks.notNull(spec, "spec");
        Checks.check(from == null || to == null || from.isBefore(to), "from must be before to");
    }

    /** Every field as text, in a fixed order. */
    public String canonical() {
        return "symbols=" + symbols + ";from=" + from + ";to=" + to + ";" + spec.canonical();
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
