package io.thermocarry.app;

import io.thermocarry.core.strategy.BuyHoldStrategy;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.ThresholdStrategy;
import java.util.List;
import java.util.Locale;

/** The strategy names of the command line and their specs with default parameters (SPEC §6). */
final class Strategies {
    static final List<String> NAMES = List.of("physics", "desk", "naive", "threshold", "buy-hold");

    private Strategies() {
    }

    static StrategySpec parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "physics" -> PhysicsStrategy.defaults();
            case "desk" -> DeskStrategy.defaults();
            case "naive" -> NaiveStrategy.defaults();
            case "threshold" -> ThresholdStrategy.defaults();
            case "buy-hold", "buyhold" -> BuyHoldStrategy.defaults();
            default -> throw new UsageError("unknown strategy '" + name + "' (" + String.join(", ", NAMES) + ")");
        };
    }
}
