package io.thermocarry.app;

import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalSpec;
import picocli.CommandLine.Option;

/** Signal windows, κ estimator and regime configuration shared by the commands that compute signals. */
final class SignalOptions {
    @Option(names = "--config", defaultValue = "full", paramLabel = "full|relaxation-only|relaxation+entropy|full+veto",
            description = "regime configuration (SPEC §5 ablations; default ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--kappa-method", defaultValue = "through-origin", paramLabel = "through-origin|demeaned",
            description = "AR(1) κ estimator: through the origin (the reference's) or demeaned (default ${DEFAULT-VALUE})")
    String kappaMethod;

    @Option(names = "--basis-window", defaultValue = "720", paramLabel = "HOURS",
            description = "hourly basis window of κ, T, β (default ${DEFAULT-VALUE})")
    int basisWindow;

    @Option(names = "--beta-history", defaultValue = "359", paramLabel = "DECISIONS",
            description = "previous decisions of the β z-score (default ${DEFAULT-VALUE})")
    int betaHistory;

    @Option(names = "--entropy-window", defaultValue = "90", paramLabel = "CYCLES",
            description = "completed cycles of the entropy rate (default ${DEFAULT-VALUE})")
    int entropyWindow;

    @Option(names = "--je-window", defaultValue = "180", paramLabel = "CYCLES",
            description = "completed cycles of the JE health (default ${DEFAULT-VALUE})")
    int jeWindow;

    /** The defaults of every option (what a command gets without flags), read from the annotations. */
    static SignalOptions defaults() {
        return picocli.CommandLine.populateCommand(new SignalOptions());
    }

    RegimeConfig regimeConfig() {
        return parseConfig(config);
    }

    KappaMethod kappa() {
        return parseKappa(kappaMethod);
    }

    /** Parses a {@code --kappa-method} value; a usage error otherwise. */
    static KappaMethod parseKappa(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "through-origin", "origin" -> KappaMethod.THROUGH_ORIGIN;
            case "demeaned" -> KappaMethod.DEMEANED;
            default -> throw new UsageError("--kappa-method '" + text + "': through-origin or demeaned");
        };
    }

    /** Parses a {@code --config} value that can be computed now; a usage error or a job failure otherwise. */
    static RegimeConfig parseConfig(String text) {
        try {
            RegimeConfig c = RegimeConfig.parse(text);
            c.requireAvailable();
            return c;
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new JobFailed(e.getMessage());
        }
    }

    SignalSpec signalSpec() {
        SignalSpec d = SignalSpec.defaults();
        try {
            return new SignalSpec(basisWindow, betaHistory, entropyWindow, jeWindow,
                    SignalSpec.referenceWarmup(betaHistory, entropyWindow, jeWindow), kappa(), d.referenceFundingHours());
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    RegimeSpec regimeSpec() {
        return RegimeSpec.defaults();
    }
}
