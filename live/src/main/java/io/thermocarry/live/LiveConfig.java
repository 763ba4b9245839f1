package io.thermocarry.live;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.execution.ExecutionModel;
import io.thermocarry.core.execution.ExecutionRules;
import io.thermocarry.core.execution.ExecutionSpec;
import io.thermocarry.core.features.FeatureSpec;
import io.thermocarry.core.features.VetoSpec;
import io.thermocarry.core.margin.MarginSpec;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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
 * @param margins the margin policy of each symbol's perp leg ({@code execute --leverage}, SPEC §13), by symbol
 *     name; empty = margin off (leverage 0: the book as without margin, its configuration text unchanged)
 */
public record LiveConfig(String bookId, List<Symbol> symbols, long startMs, Child child, ExecutionRules rules,
        FeeTier fee, SignalSpec signalSpec, RegimeSpec regimeSpec, RegimeConfig regimeConfig, FeatureSpec featureSpec,
        VetoSpec vetoSpec, Duration medianWindow, FillModel fill, Map<String, MarginSpec> margins) {
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
        margins = Map.copyOf(Checks.notNull(margins, "margins"));
        if (!margins.isEmpty()) {
            for (Symbol s : symbols) {
                MarginSpec m = margins.get(s.name());
                Checks.check(m != null && m.enabled(), "margin on: every symbol needs an enabled margin spec, "
                        + s.name() + " has " + m);
            }
            Checks.check(margins.size() == symbols.size(), "margin specs of symbols not traded: " + margins.keySet());
        }
        Checks.check(!regimeConfig.hasVetoes(), "the live book runs without microstructure data: full+veto is not"
                + " available (the desk's gates pass as not evaluated)");
    }

    /** A book without margin (leverage 0). */
    public LiveConfig(String bookId, List<Symbol> symbols, long startMs, Child child, ExecutionRules rules,
            FeeTier fee, SignalSpec signalSpec, RegimeSpec regimeSpec, RegimeConfig regimeConfig,
            FeatureSpec featureSpec, VetoSpec vetoSpec, Duration medianWindow, FillModel fill) {
        this(bookId, symbols, startMs, child, rules, fee, signalSpec, regimeSpec, regimeConfig, featureSpec, vetoSpec,
                medianWindow, fill, Map.of());
    }

    /**
     * The same book with the margin path on: {@code spec} gives each symbol's policy (leverage 0 for all = off).
     */
    public LiveConfig withMargin(Function<Symbol, MarginSpec> spec) {
        Map<String, MarginSpec> m = new TreeMap<>();
        for (Symbol s : symbols) {
            MarginSpec x = spec.apply(s);
            if (x.enabled()) {
                m.put(s.name(), x);
            }
        }
        return new LiveConfig(bookId, symbols, startMs, child, rules, fee, signalSpec, regimeSpec, regimeConfig,
                featureSpec, vetoSpec, medianWindow, fill, m);
    }

    /** The margin policy of a symbol's perp leg, null when the margin is off. */
    public MarginSpec margin(Symbol s) {
        return margins.get(s.name());
    }

    /** True when the margin path runs (leverage > 0). */
    public boolean marginOn() {
        return !margins.isEmpty();
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
                + ";vetoes=" + canonicalSets(vetoSpec.toString()) + ";median=" + medianWindow + marginText();
    }

    /** The margin part of {@link #describe()}: empty when off, so books without margin keep their stored text. */
    private String marginText() {
        if (margins.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(";margin=");
        for (Symbol s : symbols) {
            MarginSpec m = margins.get(s.name());
            sb.append(s.name()).append(":leverage=").append(m.leverage()).append(",futuresShare=")
                    .append(m.futuresShare()).append(",transferDelay=").append(m.transferDelay()).append(",transferAt=")
                    .append(m.transferAt()).append(",clearance=").append(m.clearanceFeeRate()).append(",capitalUsdt=")
                    .append(m.capitalUsdt()).append(",brackets=");
            for (int b = 0; b < m.table().size(); b++) {
                sb.append(b == 0 ? "" : "|").append(m.table().bracket(b));
            }
            sb.append(';');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
