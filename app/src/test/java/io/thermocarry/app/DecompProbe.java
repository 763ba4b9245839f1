package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.*;
import io.thermocarry.core.evaluation.*;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.strategy.*;
import io.thermocarry.store.Store;
import java.nio.file.Path;

public final class DecompProbe {
    public static void main(String[] a) {
        try (Store store = Store.open(Path.of(a[0]))) {
            Symbol s = Symbol.of(a[1]);
            MarketLoader.Loaded l = MarketLoader.load(store, s, null, null);
            SymbolData d = new SymbolData(s, l.funding(), l.basis(), l.mark().isEmpty() ? null : l.mark(), null);
            EvaluationSpec spec = EvaluationSpec.defaults();
            CompatInputs ref = CompatInputs.of(d, Compat.REFERENCE, spec.signalSpec(), spec.regimeSpec());
            CompatInputs cau = CompatInputs.of(d, Compat.CAUSAL, spec.signalSpec(), spec.regimeSpec());
            long w = ref.run().timeMs(0);
            int rf = ref.firstDecision();
            int cf = cau.cycles().lowerBound(w);
            BacktestResult r1 = BacktestEngine.run(new BacktestRequest(ref.cycles(), SignalPath.none(ref.cycles().size()), spec.naive(), FeeTier.ZERO, Compat.REFERENCE, 1.0, rf, FundingAccrual.RATE_AT_CYCLE_START));
            BacktestResult r2 = BacktestEngine.run(new BacktestRequest(cau.cycles(), SignalPath.none(cau.cycles().size()), spec.naive(), FeeTier.ZERO, Compat.REFERENCE, 1.0, cf, FundingAccrual.RATE_AT_CYCLE_START));
            System.out.println("ref cycles " + (ref.cycles().size() - rf) + " causal " + (cau.cycles().size() - cf));
            System.out.println(r1.performance().sharpePerCycle() + " vs " + r2.performance().sharpePerCycle());
            System.out.println("clipped " + r1.diagnostics().clippedBasisCycles() + " " + r1.diagnostics().clippedFundingCycles());
            double[] x1 = Slices.returns(r1), x2 = Slices.returns(r2);
            double s1=0,s2=0; for (double v: x1) s1+=v*v; for (double v: x2) s2+=v*v;
            System.out.println("rms " + Math.sqrt(s1/x1.length) + " " + Math.sqrt(s2/x2.length));
            // largest per-cycle returns
            for (int pass = 0; pass < 2; pass++) {
                BacktestResult r = pass == 0 ? r1 : r2;
                Ledger lg = r.ledger();
                java.util.List<Integer> idx = new java.util.ArrayList<>();
                for (int k = lg.firstCycle(); k < lg.size(); k++) idx.add(k);
                idx.sort((p, q) -> Double.compare(Math.abs(lg.total(q)), Math.abs(lg.total(p))));
                for (int i = 0; i < 6; i++) { int k = idx.get(i);
                    var c = pass == 0 ? ref.cycles() : cau.cycles();
                    System.out.printf("%d %s f=%.5f b=%.5f bs=%.4f be=%.4f%n", pass, java.time.Instant.ofEpochMilli(lg.startMs(k)), lg.funding(k), lg.basis(k), c.basisStart(k), c.basisEnd(k)); }
            }
        }
    }
}
