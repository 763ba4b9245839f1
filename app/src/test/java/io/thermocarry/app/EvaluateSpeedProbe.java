package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.evaluation.CompatInputs;
import io.thermocarry.core.evaluation.EvaluationRequest;
import io.thermocarry.core.evaluation.EvaluationRun;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual speed probe (not a test; speed belongs in {@code bench}): where the time of {@code evaluate} goes on a
 * store holding the real data. Run with the app's test class path and the store path as the argument.
 */
public final class EvaluateSpeedProbe {
    private EvaluateSpeedProbe() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        List<Symbol> syms = List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"), Symbol.of("SOLUSDT"));
        EvaluationSpec spec = EvaluationSpec.defaults();
        for (int rep = 0; rep < Integer.parseInt(args.length > 1 ? args[1] : "1"); rep++) {
            try (Store store = Store.open(Path.of(args[0]))) {
                lap("open", t0);
                List<SymbolData> data = new ArrayList<>();
                for (Symbol s : syms) {
                    MarketLoader.Loaded l = MarketLoader.load(store, s, null, null);
                    data.add(new SymbolData(s, l.funding(), l.basis(), l.mark().isEmpty() ? null : l.mark(), null));
                }
                lap("load", t0);
                for (SymbolData d : data) {
                    for (Compat c : Compat.values()) {
                        CompatInputs.of(d, c, spec.signalSpec(), spec.regimeSpec());
                    }
                }
                lap("signals x2 compat", t0);
                List<SymbolEvaluation> ev = new ArrayList<>();
                for (SymbolData d : data) {
                    ev.add(SymbolEvaluator.evaluate(d, spec, null));
                    lap("evaluate " + d.symbol(), t0);
                }
                EvaluationRun run = new EvaluationRun(new EvaluationRequest(syms, null, null, spec), ev);
                store.replaceEvaluation(run);
                lap("store", t0);
            }
            lap("close", t0);
        }
    }

    private static long cpu0;

    /** Wall time since start, and this thread's CPU time since the previous lap (robust on a busy machine). */
    private static void lap(String what, long t0) {
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.out.printf("%8.3f s wall  %7.3f s cpu  %s%n", (System.nanoTime() - t0) / 1e9, (cpu - cpu0) / 1e9, what);
        cpu0 = cpu;
    }
}
