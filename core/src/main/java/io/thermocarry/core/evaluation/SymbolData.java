package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import java.time.Instant;

/**
 * What one symbol's evaluation reads: its funding settlements and hourly basis up to the end of the evaluation
 * range (all history before {@code from} included: the causal signals warm up on it), optional mark-price bars,
 * and where the evaluation starts.
 *
 * <p>Coverage rule: a cycle needs the basis at both ends, so settlements after the last basis observation are
 * left out ({@link #settlementsAfterBasis()} counts them; e.g. a funding file that runs months past the klines
 * would otherwise add cycles with a stale basis and free funding).
 *
 * @param symbol symbol
 * @param funding settlements (times strictly increasing)
 * @param basis hourly basis observations, availability-stamped
 * @param mark hourly mark-price bars, or {@code null}
 * @param from evaluation start (inclusive), or {@code null} for the start of the data: causal folds start no
 *     earlier; the reference's own construction uses only the data from it
 */
public record SymbolData(Symbol symbol, FundingSeries funding, BasisSeries basis, BarSeries mark, Instant from) {
    /** Validates: same symbol, some basis. */
    public SymbolData {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(funding, "funding");
        Checks.notNull(basis, "basis");
        Checks.check(funding.symbol().equals(symbol) && basis.symbol().equals(symbol),
                "funding and basis must both be " + symbol);
        Checks.check(basis.size() > 0, "no basis observations for " + symbol);
    }

    /** Availability time of the last basis observation (epoch ms). */
    public long basisEndMs() {
        return basis.timeMs(basis.size() - 1);
    }

    /** The settlements the cycles are built from: those at or before the last basis observation. */
    public FundingSeries coveredFunding() {
        return funding.slice(Long.MIN_VALUE, basisEndMs() + 1);
    }

    /** Settlements left out because they come after the last basis observation. */
    public int settlementsAfterBasis() {
        return funding.size() - coveredFunding().size();
    }
}
