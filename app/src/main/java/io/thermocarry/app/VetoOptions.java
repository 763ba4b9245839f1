package io.thermocarry.app;

import io.thermocarry.core.features.CarrySide;
import io.thermocarry.core.features.Feature;
import io.thermocarry.core.features.FeatureSpec;
import io.thermocarry.core.features.VetoAction;
import io.thermocarry.core.features.VetoSpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Microstructure feature and veto parameters (SPEC §8), shared by {@code features}, {@code signals}, {@code backtest}.
 * Fields start at their defaults, so an instance made in code (not parsed) is the default configuration.
 */
final class VetoOptions {
    @Option(names = "--feature-window", defaultValue = "30d", paramLabel = "DURATION",
            description = "look-back of every feature's percentile / z-score (default ${DEFAULT-VALUE}; 12h, 7d, ...)")
    String window = "30d";

    @Option(names = "--oi-horizon", defaultValue = "interval", paramLabel = "interval|DURATION",
            description = "span of the OI change: the funding interval, or e.g. 1d for daily data (default ${DEFAULT-VALUE})")
    String oiHorizon = "interval";

    @Option(names = "--oi-max-age", defaultValue = "1h", paramLabel = "DURATION",
            description = "an OI observation this far from the time it stands for is stale (default ${DEFAULT-VALUE};"
                    + " 1d for daily aggregator data)")
    String oiMaxAge = "1h";

    @Option(names = "--liq-horizon", defaultValue = "interval", paramLabel = "interval|DURATION",
            description = "span of the liquidation sum: the funding interval, or e.g. 1d for daily totals (default ${DEFAULT-VALUE})")
    String liqHorizon = "interval";

    @Option(names = "--veto-action", defaultValue = "ness", paramLabel = "ness|zero",
            description = "full+veto: a veto forces the NESS floor or zero exposure (default ${DEFAULT-VALUE})")
    String action = "ness";

    @Option(names = "--vetoes", defaultValue = "spread-perp,spread-spot,depth,oi,flip,liquidations", split = ",",
            paramLabel = "NAME,...", description = "active vetoes: spread-perp, spread-spot, depth, oi, flip, liquidations"
                    + " (default all)")
    List<String> active = List.of("spread-perp", "spread-spot", "depth", "oi", "flip", "liquidations");

    @Option(names = "--veto-spread-pct", defaultValue = "99", paramLabel = "P",
            description = "a spread at or above this percentile of its past vetoes (default ${DEFAULT-VALUE})")
    double spreadPct = 99;

    @Option(names = "--veto-depth-pct", defaultValue = "1", paramLabel = "P",
            description = "±1 %% depth at or below this percentile of its past vetoes (default ${DEFAULT-VALUE})")
    double depthPct = 1;

    @Option(names = "--veto-oi-z", defaultValue = "3", paramLabel = "Z",
            description = "|z| of the OI change at or above this vetoes (default ${DEFAULT-VALUE})")
    double oiZ = 3;

    @Option(names = "--veto-liq-pct", defaultValue = "99", paramLabel = "P",
            description = "liquidation notional at or above this percentile of past intervals vetoes (default ${DEFAULT-VALUE})")
    double liqPct = 99;

    @Option(names = "--premium", defaultValue = "auto", paramLabel = "auto|index|proxy",
            description = "predicted funding from premium index klines, or from a perp-spot proxy (labelled so). auto:"
                    + " 'features' falls back to the proxy where the store has no index; signals and backtest decide on"
                    + " the index only unless --premium proxy is given (default ${DEFAULT-VALUE})")
    String premium = "auto";

    static Duration duration(String s, String flag) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("[0-9]+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(s.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageError(flag + " '" + s + "': a duration like 30d, 12h, 5m or PT8H");
        }
    }

    private static Duration horizon(String s, String flag) {
        return s.trim().equalsIgnoreCase("interval") ? Duration.ZERO : duration(s, flag);
    }

    FeatureSpec featureSpec() {
        FeatureSpec d = FeatureSpec.defaults();
        try {
            return new FeatureSpec(duration(window, "--feature-window"), d.minHistory(), d.quoteMaxAge(),
                    d.quoteSampleStep(), d.depthMaxAge(), duration(oiMaxAge, "--oi-max-age"),
                    horizon(oiHorizon, "--oi-horizon"), horizon(liqHorizon, "--liq-horizon"));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    VetoSpec vetoSpec() {
        EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
        for (String a : active) {
            set.add(switch (a.trim().toLowerCase(Locale.ROOT)) {
                case "spread-perp" -> Feature.SPREAD_PERP;
                case "spread-spot" -> Feature.SPREAD_SPOT;
                case "depth" -> Feature.DEPTH;
                case "oi", "oi-change" -> Feature.OI_CHANGE;
                case "flip", "funding-flip" -> Feature.FUNDING_FLIP;
                case "liquidations", "liq" -> Feature.LIQUIDATIONS;
                default -> throw new UsageError("--vetoes '" + a + "': spread-perp, spread-spot, depth, oi, flip, liquidations");
            });
        }
        try {
            return new VetoSpec(spreadPct, depthPct, oiZ, 0.0, liqPct, CarrySide.SHORT_BASIS, VetoAction.parse(action),
                    set);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** {@code auto}, {@code index} or {@code proxy}. */
    String premiumChoice() {
        String p = premium.trim().toLowerCase(Locale.ROOT);
        if (!p.equals("auto") && !p.equals("index") && !p.equals("proxy")) {
            throw new UsageError("--premium '" + premium + "': auto, index or proxy");
        }
        return p;
    }
}
