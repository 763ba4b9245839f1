package io.thermocarry.app;

import io.thermocarry.core.execution.ExecutionRules;
import io.thermocarry.core.execution.Readmission;
import io.thermocarry.core.execution.Sizing;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.Sides;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The desk's execution rules and the intraday state window, shared by {@code execute} and {@code live}. */
final class RuleOptions {
    @Option(names = "--sizing", defaultValue = "at-entry", paramLabel = "at-entry|follow-regime",
            description = "keep the entry size, or shrink to the regime at settlements (default ${DEFAULT-VALUE})")
    String sizing;

    @Option(names = "--readmit", defaultValue = "next-settlement", paramLabel = "next-settlement|any-bar",
            description = "after an exit, admit again from the next settlement or at any child bar (default "
                    + "${DEFAULT-VALUE})")
    String readmit;

    @Option(names = "--median-hours", defaultValue = "24", paramLabel = "HOURS",
            description = "window of the intraday rolling basis median and dispersion (default ${DEFAULT-VALUE})")
    int medianHours;

    @Option(names = "--relaxation-safe", defaultValue = "1.05", paramLabel = "R",
            description = "desk entry gate r < R (SPEC §5: 1.05; a large value opens the gate) (default ${DEFAULT-VALUE})")
    double relaxationSafe;

    @Option(names = "--sides", defaultValue = "short", paramLabel = "short|both",
            description = "short basis only, or the mirrored long basis too (default ${DEFAULT-VALUE})")
    String sides;

    /** The window of the intraday rolling median. */
    Duration medianWindow() {
        if (medianHours < 1) {
            throw new UsageError("--median-hours must be at least 1");
        }
        return Duration.ofHours(medianHours);
    }

    /** The execution rules the flags describe. */
    ExecutionRules rules() {
        Sides s = switch (sides.trim().toLowerCase(Locale.ROOT)) {
            case "short", "short-only" -> Sides.SHORT_ONLY;
            case "both" -> Sides.BOTH;
            default -> throw new UsageError("--sides '" + sides + "': short or both");
        };
        DeskStrategy d = DeskStrategy.defaults();
        DeskStrategy desk;
        try {
            desk = new DeskStrategy(d.baseFraction(), relaxationSafe, d.temperatureFloor(), d.medianWindow(),
                    d.medianTolerancePct(), d.maxHoldCycles(), s);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--relaxation-safe: " + e.getMessage());
        }
        Sizing z = switch (sizing.trim().toLowerCase(Locale.ROOT)) {
            case "at-entry" -> Sizing.AT_ENTRY;
            case "follow-regime" -> Sizing.FOLLOW_REGIME;
            default -> throw new UsageError("--sizing '" + sizing + "': at-entry or follow-regime");
        };
        Readmission r = switch (readmit.trim().toLowerCase(Locale.ROOT)) {
            case "next-settlement" -> Readmission.NEXT_SETTLEMENT;
            case "any-bar" -> Readmission.ANY_CHILD_BAR;
            default -> throw new UsageError("--readmit '" + readmit + "': next-settlement or any-bar");
        };
        return ExecutionRules.defaults().withDesk(desk).withSizing(z).withReadmission(r);
    }
}
