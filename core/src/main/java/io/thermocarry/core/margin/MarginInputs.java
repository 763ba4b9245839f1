package io.thermocarry.core.margin;

import io.thermocarry.core.Checks;

/**
 * What the engine needs to run the margin path: the policy and the bars of the run's resolution. The per-cycle
 * extremes of the bars ({@link MarginBars#extremes}) are computed once per cycle grid and kept, so the runs of one
 * request (several fee tiers, a study's variants) share them.
 */
public final class MarginInputs {
    private final MarginSpec spec;
    private final MarginBars bars;
    private final boolean walkEveryBar;
    private volatile Object[] cache;

    /**
     * @param spec the margin policy (leverage 0: the engine runs its margin-free path, exactly)
     * @param bars perp/spot/mark bars covering the backtest's cycles
     */
    public MarginInputs(MarginSpec spec, MarginBars bars) {
        this(spec, bars, false);
    }

    private MarginInputs(MarginSpec spec, MarginBars bars, boolean walkEveryBar) {
        this.spec = Checks.notNull(spec, "spec");
        this.bars = Checks.notNull(bars, "bars");
        this.walkEveryBar = walkEveryBar;
    }

    /** The margin policy. */
    public MarginSpec spec() {
        return spec;
    }

    /** The bars. */
    public MarginBars bars() {
        return bars;
    }

    /**
     * The same inputs with the per-cycle shortcut off: every bar of every held cycle is walked (the reference the
     * shortcut is tested against).
     */
    public MarginInputs walkingEveryBar() {
        return new MarginInputs(spec, bars, true);
    }

    /** True when every bar is walked (no per-cycle shortcut). */
    public boolean walkEveryBar() {
        return walkEveryBar;
    }

    /** The same bars under another policy (the extremes are shared). */
    public MarginInputs withSpec(MarginSpec other) {
        MarginInputs m = new MarginInputs(other, bars, walkEveryBar);
        m.cache = cache;
        return m;
    }

    /** The bars' extremes per cycle of the grid {@code starts}/{@code ends} (cached by the grid's identity). */
    public CycleExtremes extremes(long[] starts, long[] ends) {
        Object[] c = cache;
        if (c != null && c[0] == starts && c[1] == ends) {
            return (CycleExtremes) c[2];
        }
        CycleExtremes x = bars.extremes(starts, ends);
        cache = new Object[] {starts, ends, x};
        return x;
    }
}
