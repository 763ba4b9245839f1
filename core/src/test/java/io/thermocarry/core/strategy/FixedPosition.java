package io.thermocarry.core.strategy;

/** A hand-set {@link PositionView} for testing rules without the engine. */
record FixedPosition(Side side, double notional, double capital, double startingCapital, int entryCycle,
        int cyclesHeld) implements PositionView {
    @Override
    public double feePerNotional() {
        return 0.001;
    }

    static FixedPosition flat(double capital) {
        return new FixedPosition(Side.FLAT, 0, capital, 1.0, -1, 0);
    }

    static FixedPosition holding(Side side, double notional, double capital, int entryCycle, int cyclesHeld) {
        return new FixedPosition(side, notional, capital, 1.0, entryCycle, cyclesHeld);
    }
}
