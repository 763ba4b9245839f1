package io.thermocarry.core.features;

import io.thermocarry.core.Checks;
import java.util.EnumMap;
import java.util.Map;

/**
 * The vetoes at each decision of a {@link FeatureFrame} under a {@link VetoSpec}: which features fired, which were
 * not evaluated. Pure function of the frame's causal columns (never of the ex-post settled rate), so it is as
 * causal as the features.
 */
public final class VetoPath {
    private final VetoSpec spec;
    private final long[] time;
    private final int[] fired;
    private final int[] notEvaluated;

    private VetoPath(VetoSpec spec, long[] time, int[] fired, int[] notEvaluated) {
        this.spec = spec;
        this.time = time;
        this.fired = fired;
        this.notEvaluated = notEvaluated;
    }

    /**
     * A path from per-decision masks ({@link Feature#bit()}): which features fired and which were not evaluated
     * (e.g. replayed from a store, or set by hand). A feature cannot be both.
     */
    public static VetoPath of(VetoSpec spec, long[] timeMs, int[] firedMask, int[] notEvaluatedMask) {
        Checks.notNull(spec, "spec");
        int n = timeMs.length;
        Checks.check(firedMask.length == n && notEvaluatedMask.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check((firedMask[i] & notEvaluatedMask[i]) == 0, "decision " + i + ": a feature both fired and not"
                    + " evaluated");
        }
        return new VetoPath(spec, timeMs.clone(), firedMask.clone(), notEvaluatedMask.clone());
    }

    /** Judges every decision of {@code frame} by {@code spec}. */
    public static VetoPath evaluate(FeatureFrame frame, VetoSpec spec) {
        Checks.notNull(frame, "frame");
        Checks.notNull(spec, "spec");
        int n = frame.size();
        int[] fired = new int[n];
        int[] ne = new int[n];
        for (int i = 0; i < n; i++) {
            int f = 0;
            for (Feature x : Feature.values()) {
                if (frame.notEvaluated(i, x)) {
                    ne[i] |= x.bit();
                    continue;
                }
                boolean past = switch (x) {
                    case SPREAD_PERP -> frame.spreadPerpPercentile(i) >= spec.spreadPercentile();
                    case SPREAD_SPOT -> frame.spreadSpotPercentile(i) >= spec.spreadPercentile();
                    case DEPTH -> frame.depthPercentile(i) <= spec.depthPercentile();
                    case OI_CHANGE -> Math.abs(frame.oiZscore(i)) >= spec.oiAbsZscore();
                    case FUNDING_FLIP -> spec.carry().sign() * frame.predictedFunding(i) < -spec.flipDeadbandRate();
                    case LIQUIDATIONS -> frame.liquidationPercentile(i) >= spec.liquidationPercentile();
                };
                if (past) {
                    f |= x.bit();
                }
            }
            fired[i] = f;
        }
        return new VetoPath(spec, frame.time.clone(), fired, ne);
    }

    /** The spec judged by. */
    public VetoSpec spec() {
        return spec;
    }

    /** Decisions. */
    public int size() {
        return time.length;
    }

    /** Decision time, epoch ms. */
    public long timeMs(int i) {
        return time[i];
    }

    /** Whether {@code f} is past its threshold at decision i (whether or not its veto is active). */
    public boolean fired(int i, Feature f) {
        return (fired[i] & f.bit()) != 0;
    }

    /** Whether {@code f} was not evaluated at decision i. */
    public boolean notEvaluated(int i, Feature f) {
        return (notEvaluated[i] & f.bit()) != 0;
    }

    /** Whether an active feature fired at decision i: the decision is vetoed. */
    public boolean vetoed(int i) {
        for (Feature f : spec.active()) {
            if (fired(i, f)) {
                return true;
            }
        }
        return false;
    }

    /** Bit mask of fired active features at decision i ({@link Feature#bit()}). */
    public int vetoMask(int i) {
        int m = 0;
        for (Feature f : spec.active()) {
            m |= fired[i] & f.bit();
        }
        return m;
    }

    /** Bit mask of not-evaluated features at decision i. */
    public int notEvaluatedMask(int i) {
        return notEvaluated[i];
    }

    /** The vetoed exposure at decision i: {@code exposure} cut by the spec's action when vetoed, else unchanged. */
    public double exposure(int i, double exposure, double nessExposure) {
        return vetoed(i) ? spec.action().apply(exposure, nessExposure) : exposure;
    }

    /**
     * The desk's spread gate: FAIL when either leg's spread fired, PASS when both legs were evaluated and neither
     * fired, else NOT_EVALUATED.
     */
    public Gate spreadGate(int i) {
        if (fired(i, Feature.SPREAD_PERP) || fired(i, Feature.SPREAD_SPOT)) {
            return Gate.FAIL;
        }
        return notEvaluated(i, Feature.SPREAD_PERP) || notEvaluated(i, Feature.SPREAD_SPOT) ? Gate.NOT_EVALUATED
                : Gate.PASS;
    }

    /** The desk's depth gate: FAIL when the ±1 % depth fired, PASS when evaluated and within, else NOT_EVALUATED. */
    public Gate depthGate(int i) {
        if (fired(i, Feature.DEPTH)) {
            return Gate.FAIL;
        }
        return notEvaluated(i, Feature.DEPTH) ? Gate.NOT_EVALUATED : Gate.PASS;
    }

    /** Decisions vetoed, and per feature: fired (active or not) and not evaluated. */
    public Counts counts() {
        Map<Feature, Integer> f = new EnumMap<>(Feature.class);
        Map<Feature, Integer> ne = new EnumMap<>(Feature.class);
        int vetoed = 0;
        for (Feature x : Feature.values()) {
            f.put(x, 0);
            ne.put(x, 0);
        }
        for (int i = 0; i < size(); i++) {
            if (vetoed(i)) {
                vetoed++;
            }
            for (Feature x : Feature.values()) {
                if (fired(i, x)) {
                    f.merge(x, 1, Integer::sum);
                }
                if (notEvaluated(i, x)) {
                    ne.merge(x, 1, Integer::sum);
                }
            }
        }
        return new Counts(size(), vetoed, f, ne);
    }

    /**
     * Summary counts.
     *
     * @param decisions decisions judged
     * @param vetoed decisions with at least one active feature fired
     * @param fired per feature, decisions past its threshold
     * @param notEvaluated per feature, decisions without data or history
     */
    public record Counts(int decisions, int vetoed, Map<Feature, Integer> fired, Map<Feature, Integer> notEvaluated) {
        /** Copies the maps. */
        public Counts {
            fired = Map.copyOf(fired);
            notEvaluated = Map.copyOf(notEvaluated);
        }
    }
}
