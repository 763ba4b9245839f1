package io.thermocarry.app;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code signals}: the four causal signals and the regime at each funding settlement (SPEC §4–§5). */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = "The four signals (relaxation ratio, temperature z-score, entropy rate, JE health) and the regime "
                + "with its exposure at each funding settlement. Causal mode warms up on history before --from; "
                + "--compat reference rebuilds the reference code's inputs from the range and reproduces its flaws.")
final class SignalsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SignalOptions signal;

    @Override
    public Integer call() {
        Symbol symbol = common.requireOneSymbol();
        Instant from = common.fromInstant();
        SignalRun run;
        Prepared prepared;
        try (Store store = Stores.open(common.db)) {
            prepared = Prepared.of(store, symbol, from, common.toInstant(), common.compatMode(), signal);
            run = prepared.run();
        }
        // full+veto: the exposure strategies read is the path's, cut by the veto overlay (SPEC §8)
        io.thermocarry.core.strategy.SignalPath path = prepared.path();
        boolean vetoes = path.vetoesApplied();
        int first = from == null ? 0 : run.lowerBound(from.toEpochMilli());
        int n = run.size() - first;
        List<String> header = List.of("time", "relaxationRatio", "temperatureZscore", "entropyRate", "jeHealth", "beta",
                "kappaPerHour", "entropyNessThreshold", "entropyEquilibriumThreshold", "jeDangerThreshold", "regime",
                "exposure");
        List<List<String>> rows = new ArrayList<>(n);
        int[] counts = new int[Regime.values().length];
        for (int i = first; i < run.size(); i++) {
            counts[run.regime(i).ordinal()]++;
            rows.add(List.of(Out.time(run.timeMs(i)), Out.csvNum(run.relaxationRatio(i)),
                    Out.csvNum(run.temperatureZscore(i)), Out.csvNum(run.entropyRate(i)), Out.csvNum(run.jeHealth(i)),
                    Out.csvNum(run.beta(i)), Out.csvNum(run.kappa(i)), Out.csvNum(run.entropyNessThreshold(i)),
                    Out.csvNum(run.entropyEquilibriumThreshold(i)), Out.csvNum(run.jeDangerThreshold(i)),
                    run.regime(i).name(), Out.csvNum(path.exposure(run.cycleIndex(i)))));
        }
        if (common.csv != null) {
            Out.csv(common.csv, header, rows);
        }
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("symbol", symbol.name());
            doc.put("compat", run.compat().name().toLowerCase(java.util.Locale.ROOT));
            doc.put("config", run.config().cliName());
            doc.put("regimeShare", shares(counts, n));
            List<Object> list = new ArrayList<>(n);
            for (int i = first; i < run.size(); i++) {
                Map<String, Object> m = Out.obj();
                m.put("time", Out.time(run.timeMs(i)));
                m.put("relaxationRatio", Out.num(run.relaxationRatio(i)));
                m.put("temperatureZscore", Out.num(run.temperatureZscore(i)));
                m.put("entropyRate", Out.num(run.entropyRate(i)));
                m.put("jeHealth", Out.num(run.jeHealth(i)));
                m.put("regime", run.regime(i).name());
                m.put("exposure", Out.num(path.exposure(run.cycleIndex(i))));
                if (vetoes) {
                    int k = run.cycleIndex(i);
                    m.put("exposureBeforeVeto", run.exposure(i));
                    m.put("veto", featureNames(path.vetoMask(k)));
                    m.put("notEvaluated", featureNames(path.vetoNotEvaluatedMask(k)));
                }
                m.put("beta", Out.num(run.beta(i)));
                m.put("kappaPerHour", Out.num(run.kappa(i)));
                list.add(m);
            }
            doc.put("decisions", list);
            if (vetoes) {
                doc.put("vetoes", vetoSummary(path, run, first));
            }
            Out.json(System.out, doc);
            return 0;
        }
        List<List<String>> shown = new ArrayList<>();
        for (int i = first; i < run.size(); i++) {
            if (n > 40 && i == first + 10) {
                i = run.size() - 10;
            }
            shown.add(List.of(Out.time(run.timeMs(i)), Out.fmt(run.relaxationRatio(i), 3),
                    Out.fmt(run.temperatureZscore(i), 3), Out.fmt(run.entropyRate(i), 4), Out.fmt(run.jeHealth(i), 4),
                    run.regime(i).name(), Out.fmt(path.exposure(run.cycleIndex(i)), 2),
                    vetoes ? String.join(" ", featureNames(path.vetoMask(run.cycleIndex(i)))) : ""));
        }
        System.out.print(Out.table(List.of("time", "r", "T z", "entropy rate", "JE health", "regime", "exposure",
                vetoes ? "veto" : ""), shown));
        if (vetoes) {
            Map<String, Object> v = vetoSummary(path, run, first);
            System.out.printf("full+veto: %s of %d decisions vetoed; not evaluated per feature %s%n", v.get("vetoed"), n,
                    v.get("notEvaluated"));
        }
        System.out.printf("%s %s %s: %d decisions%s; EQUILIBRIUM %.1f%%, WARM %.1f%%, NESS %.1f%%%n", symbol,
                run.compat().name().toLowerCase(java.util.Locale.ROOT), run.config().cliName(), n,
                n > 40 ? " (first and last 10 shown)" : "", pct(counts[0], n), pct(counts[1], n), pct(counts[2], n));
        return 0;
    }

    static List<String> featureNames(int mask) {
        List<String> out = new ArrayList<>();
        for (io.thermocarry.core.features.Feature f : io.thermocarry.core.features.Feature.values()) {
            if ((mask & f.bit()) != 0) {
                out.add(f.jsonName());
            }
        }
        return out;
    }

    /** Vetoed decisions and per-feature not-evaluated counts over the decisions shown. */
    static Map<String, Object> vetoSummary(io.thermocarry.core.strategy.SignalPath path, SignalRun run, int first) {
        int vetoed = 0;
        Map<String, Object> ne = Out.obj();
        Map<String, Object> fired = Out.obj();
        for (io.thermocarry.core.features.Feature f : io.thermocarry.core.features.Feature.values()) {
            ne.put(f.jsonName(), 0);
            fired.put(f.jsonName(), 0);
        }
        for (int i = first; i < run.size(); i++) {
            int k = run.cycleIndex(i);
            if (path.vetoed(k)) {
                vetoed++;
            }
            for (String x : featureNames(path.vetoNotEvaluatedMask(k))) {
                ne.put(x, (Integer) ne.get(x) + 1);
            }
            for (String x : featureNames(path.vetoMask(k))) {
                fired.put(x, (Integer) fired.get(x) + 1);
            }
        }
        Map<String, Object> m = Out.obj();
        m.put("vetoed", vetoed);
        m.put("vetoedBy", fired);
        m.put("notEvaluated", ne);
        return m;
    }

    static Map<String, Object> shares(int[] counts, int n) {
        Map<String, Object> m = Out.obj();
        for (Regime r : Regime.values()) {
            m.put(r.name(), n == 0 ? 0.0 : counts[r.ordinal()] / (double) n);
        }
        return m;
    }

    private static double pct(int c, int n) {
        return n == 0 ? 0 : 100.0 * c / n;
    }
}
