package io.thermocarry.app;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.SyntheticIntradayMarket;
import io.thermocarry.core.physics.SyntheticIntradayOuMarket;
import io.thermocarry.core.physics.SyntheticIntradaySpec;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.physics.SyntheticTruth;
import io.thermocarry.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: a synthetic OU market with analytic truth, written into the store as real series. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a synthetic OU market (SPEC §3) into the store as real series: 8 h funding events and "
                + "spot and perp 1 h klines, so every later stage runs on it unchanged. Prints the analytic truth.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--preset", defaultValue = "realistic", paramLabel = "realistic|strong",
            description = "parameter preset (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cycles", paramLabel = "N", description = "number of 8 h funding cycles (default: the preset's)")
    Integer cycles;

    @Option(names = "--intraday", paramLabel = "1m|5m",
            description = "also write intraday spot, perp, mark and index bars at this resolution (SPEC §15); the 1 h bars "
                    + "are then their resample")
    String intraday;

    @Option(names = "--intraday-cycles", paramLabel = "N",
            description = "with --intraday: intraday bars for the last N cycles only (default: all)")
    Integer intradayCycles;

    @Option(names = "--spread-bps", defaultValue = "0", paramLabel = "BPS",
            description = "with --intraday: bid/ask spread of the trade prints, bps of the mid (default ${DEFAULT-VALUE})")
    double spreadBps;

    @Option(names = "--slow", paramLabel = "FROM:TO:KAPPA", split = ",",
            description = "κ segments (a regime switch): cycles [FROM, TO) relax with KAPPA per hour, e.g. 2000:3500:0.02")
    List<String> slow;

    static SyntheticSpec spec(String preset, long seed, Integer cycles, List<String> segments, Symbol symbol) {
        SyntheticSpec s = switch (preset.trim().toLowerCase(Locale.ROOT)) {
            case "realistic" -> SyntheticSpec.REALISTIC;
            case "strong" -> SyntheticSpec.STRONG;
            default -> throw new UsageError("--preset '" + preset + "': realistic or strong");
        };
        s = s.withSeed(seed).withSymbol(symbol);
        if (cycles != null) {
            s = s.withCycles(cycles);
        }
        if (segments != null && !segments.isEmpty()) {
            List<KappaSegment> k = new ArrayList<>();
            for (String seg : segments) {
                String[] p = seg.split(":");
                try {
                    k.add(new KappaSegment(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Double.parseDouble(p[2])));
                } catch (RuntimeException e) {
                    throw new UsageError("--slow '" + seg + "': expected FROM:TO:KAPPA, e.g. 2000:3500:0.02");
                }
            }
            s = s.withKappaSegments(k);
        }
        return s;
    }

    /** Simulates and writes the market; returns it. */
    static SyntheticMarket write(Store store, SyntheticSpec spec) {
        SyntheticMarket m = SyntheticOuMarket.simulate(spec);
        String source = "simulate:" + spec.symbol() + ":seed=" + spec.seed();
        store.writeFunding(m.funding(), source);
        store.writeBars(m.perp(), source);
        store.writeBars(m.spot(), source);
        return m;
    }

    /**
     * Simulates the market at an intraday resolution and writes funding, the 1 h resample of both legs (whole
     * history) and the intraday perp, spot, mark and index bars of the last {@code lastCycles} cycles (all when
     * null); returns the number of intraday bars written per leg.
     */
    static int writeIntraday(Store store, SyntheticIntradaySpec spec, Integer lastCycles) {
        SyntheticIntradayMarket m = SyntheticIntradayOuMarket.simulate(spec);
        String source = "simulate:" + spec.ou().symbol() + ":seed=" + spec.ou().seed() + ":" + spec.resolution().code();
        store.writeFunding(m.funding(), source);
        store.writeBars(SyntheticIntradayMarket.hourly(m.perp()), source);
        store.writeBars(SyntheticIntradayMarket.hourly(m.spot()), source);
        int cycles = spec.ou().cycles();
        int keep = lastCycles == null ? cycles : Math.max(0, Math.min(cycles, lastCycles));
        long from = m.funding().timeMs(cycles - keep) - spec.resolution().millis();
        int n = 0;
        for (BarSeries b : List.of(m.perp(), m.spot(), m.mark(), m.index())) {
            BarSeries part = b.slice(from, Long.MAX_VALUE);
            store.writeBars(part, source);
            n = part.size();
        }
        return n;
    }

    @Override
    public Integer call() {
        Symbol symbol = common.symbol == null ? SyntheticSpec.DEFAULT_SYMBOL : Symbol.of(common.symbol);
        SyntheticSpec spec = spec(preset, seed, cycles, slow, symbol);
        SyntheticIntradaySpec intradaySpec = null;
        if (intraday != null) {
            BarInterval res;
            try {
                res = BarInterval.parse(intraday);
                intradaySpec = new SyntheticIntradaySpec(spec, res, spreadBps);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--intraday/--spread-bps: " + e.getMessage());
            }
        }
        SyntheticTruth t;
        int barsPerLeg;
        int intradayBars = 0;
        try (Store store = Stores.open(common.db)) {
            if (intradaySpec == null) {
                SyntheticMarket m = write(store, spec);
                t = m.truth();
                barsPerLeg = m.perp().size();
            } else {
                intradayBars = writeIntraday(store, intradaySpec, intradayCycles);
                t = SyntheticTruth.of(spec);
                barsPerLeg = spec.cycles() * spec.hoursPerCycle() + 1;
            }
        }
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("symbol", symbol.name());
            doc.put("preset", preset);
            doc.put("seed", seed);
            doc.put("cycles", spec.cycles());
            Map<String, Object> truth = Out.obj();
            truth.put("kappaPerHour", t.kappa());
            truth.put("temperature", t.temperature());
            truth.put("beta", t.beta());
            truth.put("varianceEq", t.varianceEq());
            doc.put("truth", truth);
            doc.put("funding", spec.cycles() + 1);
            doc.put("barsPerLeg", barsPerLeg);
            if (intradaySpec != null) {
                doc.put("intraday", intradaySpec.resolution().code());
                doc.put("intradayBarsPerLeg", intradayBars);
                doc.put("spreadBps", intradaySpec.spreadBps());
            }
            Out.json(System.out, doc);
        } else {
            System.out.printf(Locale.ROOT, "%s: %d cycles, %d funding events, %d 1h bars per leg written to %s%n",
                    symbol, spec.cycles(), spec.cycles() + 1, barsPerLeg, common.db);
            if (intradaySpec != null) {
                System.out.printf(Locale.ROOT, "intraday: %d %s bars per leg (perp, spot, mark, index), spread %s bps%n",
                        intradayBars, intradaySpec.resolution().code(), Out.fmt(intradaySpec.spreadBps(), 2));
            }
            System.out.printf(Locale.ROOT, "truth: kappa %.4f /h, T %.6g, beta %.6g, Var_eq %.6g%n", t.kappa(),
                    t.temperature(), t.beta(), t.varianceEq());
        }
        return 0;
    }
}
