package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import java.util.List;

/**
 * Everything fitted for one test fold, as decided at the settlement that opens it ({@code decisionTimeMs}),
 * from the training part and earlier history only:
 * <ul>
 * <li>the adaptive regime thresholds in force at the fold's first decision (SPEC §5): percentiles of the
 * previous 360 decisions' entropy rates and Jarzynski healths, i.e. of the training window (within the fold they
 * keep rolling forward on past decisions only, as a live desk's would);</li>
 * <li>with a tuning grid, the point chosen per fee tier ({@link TunedChoice}).</li>
 * </ul>
 * Perturbing any data that becomes available after {@code decisionTimeMs} leaves this record unchanged (the
 * walk-forward leak test).
 *
 * @param compat rules
 * @param fold the fold
 * @param trainStartMs start of the first training cycle (epoch ms)
 * @param decisionTimeMs time of the fold's first decision = start of its first test cycle (epoch ms)
 * @param testEndMs end of its last test cycle (epoch ms)
 * @param entropyNessThreshold entropy NESS threshold at that decision (NaN without a decision there)
 * @param entropyEquilibriumThreshold entropy EQUILIBRIUM threshold at that decision
 * @param jeDangerThreshold Jarzynski danger threshold at that decision
 * @param tuned tuned choices per fee tier (empty without tuning)
 */
public record FoldFit(Compat compat, Fold fold, long trainStartMs, long decisionTimeMs, long testEndMs, double entropyNessThreshold,
        double entropyEquilibriumThreshold, double jeDangerThreshold, List<TunedChoice> tuned) {
    /** Copies the list. */
    public FoldFit {
        tuned = List.copyOf(tuned);
    }
}
