package io.thermocarry.live;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.execution.ExecutionModel;
import io.thermocarry.core.execution.ExecutionRules;
import io.thermocarry.core.execution.ExecutionSpec;
import io.thermocarry.core.features.FeatureSpec;
import io.thermocarry.core.features.VetoSpec;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalSpec;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a live book runs: the same objects as {@code execute} (signal windows, regime, features and vetoes, the
 * execution child with its rules and fee tier) on a list of symbols, from a start time, with a fill model.
 *
 * @param bookId the book's name in the store (a book's configuration never changes)
 * @param symbols symbols traded, each its own sleeve of {@code capitalPerSymbol}
 * @param startMs the book starts at the first funding settlement at or after this time (epoch ms)
 * @param child the execution child (5 m by default)
 * @param rules desk rules plus intra-interval exits
 * @param fee round-trip fee tier
 * @param medianWindow window of the intraday rolling basis median ({@code execute --median-hours})
 * @param fill fill model
 */
public record LiveConfig(String bookId, List<Symbol> symbols, long startMs, Child child, ExecutionRules rules,
        FeeTier fee, SignalSpec signalSpec, RegimeSpec regimeSpec, RegimeConfig regimeConfig, FeatureSpec featureSpec,
        VetoSpec vetoSpec, Duration medianWindow, FillModel fill) {
    /** Validates. */
    public LiveConfig {
        Checks.notNull(bookId, "bookId");
        symbols = List.copyOf(symbols);
        Checks.check(!symbols.isEmpty(), "a live book needs at least one symbol");
        Checks.notNull(child, "child");
        Checks.notNull(rules, "rules");
        Checks.notNull(fee, "fee");
        Checks.notNull(signalSpec, "signalSpec");
        Checks.notNull(regimeSpec, "regimeSpec");
        Checks.notNull(regimeConfig, "regimeConfig");
        Checks.notNull(featureSpec, "featureSpec");
        Checks.notNull(vetoSpec, "vetoSpec");
        Checks.notNull(medianWindow, "medianWindow");
        Checks.notNull(fill, "fill");
        Checks.check(!regimeConfig.hasVetoes(), "the live book runs without microstructure data: full+veto is not"
                + " available (the desk's gates pass as not evaluated)");
    }

    /** {@code execute}'s defaults: 5 m child, default desk rules, 24 h median, the given tier and fill model. */
    public static LiveConfig defaults(String bookId, List<Symbol> symbols, long startMs, FeeTier fee, FillModel fill) {
        return new LiveConfig(bookId, symbols, startMs, Child.parse("5m"), ExecutionRules.defaults(), fee,
                SignalSpec.defaults(), RegimeSpec.defaults(), RegimeConfig.parse("full"), FeatureSpec.defaults(),
                VetoSpec.defaults(), Duration.ofHours(24), fill);
    }

    /** The execution spec of every symbol's run (exchange accounting: fills at the next open). */
    public ExecutionSpec spec() {
        return new ExecutionSpec(child, rules, fee, ExecutionModel.EXCHANGE);
    }

    /** Sorts the elements of every {@code [..]} list in a record's text (sets print in no fixed order). */
    static String canonicalSets(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\[\\]]*)\\]").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String[] parts = m.group(1).split(", ");
            java.util.Arrays.sort(parts);
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("[" + String.join(", ", parts) + "]"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A canonical text of what the book runs (stored with the book; a restart must run the same). */
    public String describe() {
        return "symbols=" + symbols.stream().map(Symbol::name).collect(Collectors.joining(",")) + ";start=" + startMs
                + ";child=" + child.code() + ";fee=" + fee.roundTripBps() + ";rules=" + rules + ";signals="
                + signalSpec + ";regime=" + regimeSpec + ";config=" + regimeConfig + ";features=" + featureSpec
                + ";vetoes=" + canonicalSets(vetoSpec.toString()) + ";median=" + medianWindow;
    }
}
