package io.thermocarry.app;

import io.thermocarry.core.features.Feature;
import io.thermocarry.core.features.FeatureEngine;
import io.thermocarry.core.features.FeatureFrame;
import io.thermocarry.core.features.FeatureSpec;
import io.thermocarry.core.features.MicroInputs;
import io.thermocarry.core.features.PremiumSource;
import io.thermocarry.core.features.VetoPath;
import io.thermocarry.core.features.VetoSpec;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.stats.Percentiles;
import io.thermocarry.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code features}: the microstructure features and vetoes at each decision (SPEC §8), with what could not be
 * evaluated. Decisions are the funding settlements in {@code [--from, --to)}, or a regular grid with
 * {@code --every}.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Microstructure features and vetoes per decision (SPEC §8): quoted spread of both legs, book depth"
                + " within ±1/2/5 %%, OI change (%% and z), predicted funding by Binance's formula (premium index, or a"
                + " perp-spot proxy, labelled), liquidations per interval, each with its percentile against its own past;"
                + " 'not evaluated' counts for every feature.")
final class FeaturesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    VetoOptions veto;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "decide on a regular grid (e.g. 5m, 1h) instead of at the funding settlements")
    String every;

    @Option(names = "--lead", paramLabel = "DURATION",
            description = "decide this long before each funding settlement (e.g. 5m: how well the predicted rate"
                    + " lands just before it settles); default: at the settlements")
    String lead;

    @Override
    public Integer call() {
        Symbol symbol = common.requireOneSymbol();
        Instant from = common.fromInstant();
        Instant to = common.toInstant();
        FeatureSpec spec = veto.featureSpec();
        VetoSpec vs = veto.vetoSpec();
        FundingSeries funding;
        MicroInputs in;
        try (Store store = Stores.open(common.db)) {
            funding = store.funding(symbol, null, null);
            if (funding.isEmpty()) {
                throw new JobFailed("no funding events for " + symbol + " in the store: the decisions and the predicted"
                        + " funding need the settlement schedule; run 'thermocarry ingest <funding files>'");
            }
            in = MicroLoader.load(store, symbol, funding, from, to, spec.window().plusDays(2), veto.premiumChoice());
        }
        long[][] grid = decisions(funding, in, from, to);
        FeatureFrame f = FeatureEngine.compute(in, grid[0], grid[1], spec);
        VetoPath v = VetoPath.evaluate(f, vs);
        boolean proxy = f.premiumSource() == PremiumSource.PERP_SPOT_PROXY;
        if (common.csv != null) {
            Out.csv(common.csv, header(), rows(f, v));
        }
        Map<String, Object> summary = summary(f, v);
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("symbol", symbol.name());
            doc.put("decisionsAt", every != null ? "every " + every
                    : lead != null ? lead + " before each settlement" : "settlements");
            doc.put("premiumSource", proxy ? "perp-spot proxy" : "premium index");
            doc.put("vetoAction", vs.action().name());
            List<Object> list = new ArrayList<>(f.size());
            for (int i = 0; i < f.size(); i++) {
                list.add(decision(f, v, i, proxy));
            }
            doc.put("decisions", list);
            doc.putAll(summary);
            Out.json(System.out, doc);
            return 0;
        }
        List<List<String>> shown = new ArrayList<>();
        List<List<String>> all = rows(f, v);
        for (int i = 0; i < all.size(); i++) {
            if (all.size() > 40 && i == 10) {
                i = all.size() - 10;
            }
            List<String> r = all.get(i);
            shown.add(List.of(r.get(0), fmt(f.spreadPerpBps(i), 2), fmt(f.spreadSpotBps(i), 2),
                    fmt(f.depthNotional1pct(i) / 1e6, 1), fmt(f.oiChangePct(i), 2), fmt(f.oiZscore(i), 2),
                    fmt(f.predictedFunding(i) * 1e4, 2), fmt(f.liquidationUsd(i) / 1e3, 1), r.get(r.size() - 2)));
        }
        System.out.print(Out.table(List.of("time", "spread perp bp", "spread spot bp", "depth±1% M$", "OI chg %",
                "OI z", proxy ? "pred F bp (proxy)" : "pred F bp", "liq k$", "veto"), shown));
        System.out.printf(Locale.ROOT, "%s: %d decisions%s, %d vetoed; not evaluated: %s%n", symbol, f.size(),
                f.size() > 40 ? " (first and last 10 shown)" : "", v.counts().vetoed(), summary.get("notEvaluated"));
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) summary.get("prediction");
        System.out.printf(Locale.ROOT, "predicted funding (%s): %s decisions with a settled rate, median |error| %s bp,"
                + " sign agreement %s%n", proxy ? "PROXY from perp-spot closes" : "premium index", p.get("evaluated"),
                p.get("medianAbsErrorBps"), p.get("signAgreement"));
        return 0;
    }

    private static String fmt(double v, int d) {
        return Out.fmt(v, d);
    }

    /** Settlements in [from, to), or the grid; each with the funding interval in force. */
    private long[][] decisions(FundingSeries funding, MicroInputs in, Instant from, Instant to) {
        long a = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long b = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        if (every != null && lead != null) {
            throw new UsageError("--every and --lead exclude each other");
        }
        if (every == null) {
            long before = lead == null ? 0 : VetoOptions.duration(lead, "--lead").toMillis();
            if (before < 0) {
                throw new UsageError("--lead must not be negative");
            }
            List<long[]> out = new ArrayList<>();
            for (int i = 0; i < funding.size(); i++) {
                long t = funding.timeMs(i);
                if (t >= a && t < b) {
                    out.add(new long[] {t - before, FeatureEngine.intervalAt(funding, t - before)});
                }
            }
            return columns(out);
        }
        Duration step = VetoOptions.duration(every, "--every");
        long s = step.toMillis();
        if (s <= 0) {
            throw new UsageError("--every must be positive");
        }
        long first = a != Long.MIN_VALUE ? a : firstData(in, funding);
        long last = b != Long.MAX_VALUE ? b : lastData(in, funding) + 1;
        long start = Math.floorDiv(first + s - 1, s) * s;
        if ((last - start) / s > 5_000_000) {
            throw new UsageError("--every " + every + " gives more than 5 million decisions: narrow --from/--to");
        }
        List<long[]> out = new ArrayList<>();
        for (long t = start; t < last; t += s) {
            out.add(new long[] {t, FeatureEngine.intervalAt(funding, t)});
        }
        return columns(out);
    }

    private static long[][] columns(List<long[]> rows) {
        long[] t = new long[rows.size()];
        long[] iv = new long[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[0];
            iv[i] = rows.get(i)[1];
        }
        return new long[][] {t, iv};
    }

    private static long firstData(MicroInputs in, FundingSeries funding) {
        long t = funding.timeMs(0);
        if (!in.perpTicker().isEmpty()) {
            t = Math.min(t, in.perpTicker().eventTimeMs(0));
        }
        if (!in.depth().isEmpty()) {
            t = Math.min(t, in.depth().timeMs(0));
        }
        if (!in.openInterest().isEmpty()) {
            t = Math.min(t, in.openInterest().timeMs(0));
        }
        return t;
    }

    private static long lastData(MicroInputs in, FundingSeries funding) {
        long t = funding.timeMs(funding.size() - 1);
        if (!in.perpTicker().isEmpty()) {
            t = Math.max(t, in.perpTicker().eventTimeMs(in.perpTicker().size() - 1));
        }
        if (!in.depth().isEmpty()) {
            t = Math.max(t, in.depth().timeMs(in.depth().size() - 1));
        }
        if (!in.openInterest().isEmpty()) {
            t = Math.max(t, in.openInterest().timeMs(in.openInterest().size() - 1));
        }
        return t;
    }

    private static List<String> names(int mask) {
        List<String> out = new ArrayList<>();
        for (Feature x : Feature.values()) {
            if ((mask & x.bit()) != 0) {
                out.add(x.jsonName());
            }
        }
        return out;
    }

    private static Map<String, Object> decision(FeatureFrame f, VetoPath v, int i, boolean proxy) {
        Map<String, Object> m = Out.obj();
        m.put("time", Out.time(f.timeMs(i)));
        m.put("spreadBps", Out.num(f.spreadPerpBps(i)));
        m.put("spreadPercentile", Out.num(f.spreadPerpPercentile(i)));
        m.put("spreadSpotBps", Out.num(f.spreadSpotBps(i)));
        m.put("spreadSpotPercentile", Out.num(f.spreadSpotPercentile(i)));
        m.put("depthNotional1pct", Out.num(f.depthNotional1pct(i)));
        m.put("depthNotional2pct", Out.num(f.depthNotional2pct(i)));
        m.put("depthNotional5pct", Out.num(f.depthNotional5pct(i)));
        m.put("depthPercentile", Out.num(f.depthPercentile(i)));
        m.put("oiChangePct", Out.num(f.oiChangePct(i)));
        m.put("oiZscore", Out.num(f.oiZscore(i)));
        m.put("oiPercentile", Out.num(f.oiPercentile(i)));
        m.put("predictedFunding", Out.num(f.predictedFunding(i)));
        m.put("predictedFundingProxy", proxy);
        m.put("predictionPoints", f.predictionPoints(i));
        m.put("settledFunding", Out.num(f.settledFunding(i)));
        m.put("predictionError", Out.num(f.predictionError(i)));
        m.put("signFlip", f.notEvaluated(i, Feature.FUNDING_FLIP) ? null : v.fired(i, Feature.FUNDING_FLIP));
        m.put("liquidationUsd", Out.num(f.liquidationUsd(i)));
        m.put("liquidationPercentile", Out.num(f.liquidationPercentile(i)));
        m.put("veto", names(v.vetoMask(i)));
        m.put("notEvaluated", names(v.notEvaluatedMask(i)));
        return m;
    }

    private static Map<String, Object> counts(Map<Feature, Integer> c) {
        Map<String, Object> m = Out.obj();
        for (Feature x : Feature.values()) {
            m.put(x.jsonName(), c.getOrDefault(x, 0));
        }
        return m;
    }

    /** Counts and the prediction's error distribution (ex post, against the settled rate). */
    static Map<String, Object> summary(FeatureFrame f, VetoPath v) {
        Map<String, Object> m = Out.obj();
        m.put("decisionCount", f.size());
        m.put("vetoed", v.counts().vetoed());
        m.put("fired", counts(v.counts().fired()));
        m.put("notEvaluated", counts(f.notEvaluatedCounts()));
        m.put("noData", counts(f.noDataCounts()));
        List<Double> err = new ArrayList<>();
        int agree = 0;
        for (int i = 0; i < f.size(); i++) {
            double p = f.predictedFunding(i);
            double s = f.settledFunding(i);
            if (Double.isFinite(p) && Double.isFinite(s)) {
                err.add(Math.abs(p - s) * 1e4);
                if (Math.signum(p) == Math.signum(s)) {
                    agree++;
                }
            }
        }
        Map<String, Object> p = Out.obj();
        p.put("source", f.premiumSource() == PremiumSource.PERP_SPOT_PROXY ? "perp-spot proxy" : "premium index");
        p.put("evaluated", err.size());
        double[] e = err.stream().mapToDouble(Double::doubleValue).toArray();
        p.put("medianAbsErrorBps", e.length == 0 ? null : Out.num(Percentiles.of(e, 50)));
        p.put("p90AbsErrorBps", e.length == 0 ? null : Out.num(Percentiles.of(e, 90)));
        p.put("signAgreement", e.length == 0 ? null : Out.num(agree / (double) e.length));
        m.put("prediction", p);
        return m;
    }

    private static List<String> header() {
        return List.of("time", "spreadPerpBps", "spreadPerpPercentile", "spreadSpotBps", "spreadSpotPercentile",
                "depthNotional1pct", "depthNotional2pct", "depthNotional5pct", "depthPercentile", "oiChangePct",
                "oiZscore", "oiPercentile", "predictedFunding", "predictionPoints", "settledFunding", "predictionError",
                "liquidationUsd", "liquidationPercentile", "veto", "notEvaluated");
    }

    private static List<List<String>> rows(FeatureFrame f, VetoPath v) {
        List<List<String>> rows = new ArrayList<>(f.size());
        for (int i = 0; i < f.size(); i++) {
            rows.add(List.of(Out.time(f.timeMs(i)), Out.csvNum(f.spreadPerpBps(i)), Out.csvNum(f.spreadPerpPercentile(i)),
                    Out.csvNum(f.spreadSpotBps(i)), Out.csvNum(f.spreadSpotPercentile(i)),
                    Out.csvNum(f.depthNotional1pct(i)), Out.csvNum(f.depthNotional2pct(i)),
                    Out.csvNum(f.depthNotional5pct(i)), Out.csvNum(f.depthPercentile(i)), Out.csvNum(f.oiChangePct(i)),
                    Out.csvNum(f.oiZscore(i)), Out.csvNum(f.oiPercentile(i)), Out.csvNum(f.predictedFunding(i)),
                    Integer.toString(f.predictionPoints(i)), Out.csvNum(f.settledFunding(i)),
                    Out.csvNum(f.predictionError(i)), Out.csvNum(f.liquidationUsd(i)),
                    Out.csvNum(f.liquidationPercentile(i)), String.join(" ", names(v.vetoMask(i))),
                    String.join(" ", names(v.notEvaluatedMask(i)))));
        }
        return rows;
    }
}
