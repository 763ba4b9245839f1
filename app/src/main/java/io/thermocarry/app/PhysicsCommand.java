package io.thermocarry.app;

import io.thermocarry.core.physics.FitMethod;
import io.thermocarry.core.physics.JarzynskiEstimate;
import io.thermocarry.core.physics.PhysicsAnalyzer;
import io.thermocarry.core.physics.PhysicsReport;
import io.thermocarry.core.physics.PhysicsSpec;
import io.thermocarry.core.physics.CycleStart;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code physics}: the whole-range physics table of SPEC §3 / §11 for one symbol. */
@Command(name = "physics", mixinStandardHelpOptions = true,
        description = "Whole-range physics table (SPEC §3, §11): κ, τ_relax, relaxation ratio, T, β, Jarzynski "
                + "(naive, cumulant, BAR; raw and winsorized, bootstrap CIs), detailed fluctuation theorem, second law.")
final class PhysicsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--kappa-method", defaultValue = "through-origin", paramLabel = "through-origin|demeaned",
            description = "AR(1) κ estimator (default ${DEFAULT-VALUE})")
    String kappaMethod;

    @Option(names = "--fit", defaultValue = "window", paramLabel = "window|driven",
            description = "window: SPEC §3's AR(1) on the hourly basis; driven: the exact discretisation with the "
                    + "funding force (unbiased on strongly driven markets) (default ${DEFAULT-VALUE})")
    String fit;

    @Option(names = "--resamples", defaultValue = "10000", description = "JE bootstrap resamples (default ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", defaultValue = "42", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        Symbol symbol = common.requireOneSymbol();
        MarketLoader.Loaded l;
        try (Store store = Stores.open(common.db)) {
            l = MarketLoader.load(store, symbol, common.fromInstant(), common.toInstant());
        }
        PhysicsSpec d = PhysicsSpec.defaults();
        SignalOptions so = new SignalOptions();
        so.kappaMethod = kappaMethod;
        FitMethod fm = switch (fit.trim().toLowerCase(Locale.ROOT)) {
            case "window" -> FitMethod.WINDOW_AR1;
            case "driven" -> FitMethod.DRIVEN_EXACT;
            default -> throw new UsageError("--fit '" + fit + "': window or driven");
        };
        if (resamples < 100) {
            throw new UsageError("--resamples must be at least 100");
        }
        PhysicsSpec spec = d.withKappaMethod(so.kappa()).withFit(fm, CycleStart.CONTINUOUS)
                .withResamples(resamples, d.barResamples(), d.dftResamples()).withSeed(seed);
        var basis = l.basis();
        if (common.fromInstant() != null || common.toInstant() != null) {
            // hours available inside [from, to]: the window of the whole-range table
            long a = common.fromInstant() == null ? basis.timeMs(0) : common.fromInstant().toEpochMilli();
            long b = common.toInstant() == null ? basis.timeMs(basis.size() - 1) + 1 : common.toInstant().toEpochMilli() + 1;
            basis = basis.slice(a, b);
        }
        PhysicsReport r = PhysicsAnalyzer.analyze(basis, l.cycles(), spec);
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("symbol", symbol.name());
            doc.put("kappaPerHour", Out.num(r.kappaPerHour()));
            doc.put("tauRelaxHours", Out.num(r.tauRelaxHours()));
            doc.put("relaxationRatio", Out.num(r.relaxationRatio()));
            doc.put("fundingIntervalHours", Out.num(r.fundingIntervalHours()));
            doc.put("temperature", Out.num(r.temperature()));
            doc.put("beta", Out.num(r.beta()));
            Map<String, Object> je = Out.obj();
            je.put("naive", Out.num(r.je().naive().value()));
            je.put("cumulant", Out.num(r.je().cumulant().value()));
            je.put("bar", Out.num(r.je().bar().value()));
            je.put("naiveWinsorized", Out.num(r.jeWinsorized().naive().value()));
            je.put("ciLow", Out.num(r.je().naive().ci().low()));
            je.put("ciHigh", Out.num(r.je().naive().ci().high()));
            je.put("winsorizedCiLow", Out.num(r.jeWinsorized().naive().ci().low()));
            je.put("winsorizedCiHigh", Out.num(r.jeWinsorized().naive().ci().high()));
            je.put("holds", r.je().naive().holds());
            je.put("state", r.je().naive().state().name());
            doc.put("je", je);
            Map<String, Object> dft = Out.obj();
            dft.put("slope", Out.num(r.dft().slope()));
            dft.put("r2", Out.num(r.dft().r2()));
            dft.put("slopeCiLow", Out.num(r.dft().slopeCi().low()));
            dft.put("slopeCiHigh", Out.num(r.dft().slopeCi().high()));
            doc.put("dft", dft);
            Map<String, Object> sl = Out.obj();
            sl.put("meanEntropyProduction", Out.num(r.secondLaw().meanEntropyProduction()));
            sl.put("pValue", Out.num(r.secondLaw().pValue()));
            sl.put("fractionNegative", Out.num(r.secondLaw().fractionNegative()));
            sl.put("holds", r.secondLaw().holds());
            doc.put("secondLaw", sl);
            doc.put("meanDissipation", Out.num(r.meanDissipation()));
            doc.put("cycles", r.cycles());
            doc.put("cyclesSkipped", r.cyclesSkipped());
            doc.put("basisPoints", r.basisPoints());
            Out.json(System.out, doc);
            return 0;
        }
        System.out.print(Out.table(List.of("symbol", "κ (1/h)", "τ_relax (h)", "r", "T", "β", "JE raw", "JE wins.",
                "JE CI", "⟨βσ⟩ (p)", "DFT slope", "cycles"), List.of(List.of(symbol.name(), Out.fmt(r.kappaPerHour(), 5),
                Out.fmt(r.tauRelaxHours(), 3), Out.fmt(r.relaxationRatio(), 4), Out.fmt(r.temperature(), 6),
                Out.fmt(r.beta(), 4), je(r.je().naive()), je(r.jeWinsorized().naive()),
                "[" + Out.fmt(r.je().naive().ci().low(), 4) + ", " + Out.fmt(r.je().naive().ci().high(), 4) + "]",
                Out.fmt(r.secondLaw().meanEntropyProduction(), 4) + " (" + Out.fmt(r.secondLaw().pValue(), 3) + ")",
                Out.fmt(r.dft().slope(), 4), Integer.toString(r.cycles())))));
        return 0;
    }

    private static String je(JarzynskiEstimate e) {
        return switch (e.state()) {
            case OK -> Out.fmt(e.value(), 5);
            default -> e.state().name().toLowerCase(Locale.ROOT);
        };
    }
}
