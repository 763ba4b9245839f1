package io.thermocarry.core.execution;

import io.thermocarry.core.strategy.ExitReason;
import io.thermocarry.core.strategy.Unevaluated;
import java.time.Instant;
import java.util.Map;

/**
 * What an execution run did and what it could not evaluate: never silent.
 *
 * @param decisions child decisions taken inside the window
 * @param settlementDecisions decisions that ran the desk's settlement rule
 * @param lateSettlementDecisions settlement rules run after their settlement because no bar closed at it
 * @param incompleteChildBars child bars decided on although some of their state bars were missing
 * @param fills orders filled
 * @param entries positions opened
 * @param exits positions closed, by reason (end of data included)
 * @param intraIntervalExits exits decided between settlements (basis at the intraday median, predicted funding)
 * @param shrinks held positions shrunk to the regime target ({@link Sizing#FOLLOW_REGIME})
 * @param blockedAdmissions admissions the desk's entry test allowed but the same bar's intra-interval exits
 *     would have closed
 * @param medianNotEvaluated intra-interval checks without a rolling median (state warm-up)
 * @param predictedFundingNotEvaluated intra-interval checks without premium-index bars in the running interval
 * @param unevaluated the desk rule's not-evaluated gates and inputs (spread and depth gates, signals, basis)
 * @param fundingNotEvaluated settlements of a held position whose rate is not in the data
 * @param markProxied settlements of a held position paid at the perp close for want of a mark price
 *     ({@link ExecutionModel#EXCHANGE})
 * @param cancelledOrders orders still unfilled at the end of the window
 * @param markedMaxDrawdown largest peak-to-trough fall of the equity marked at every child close (and settlement),
 *     a fraction of the peak: the intraday risk the per-cycle ledger nets away
 * @param ruinCycle cycle at whose end equity first reached 0, {@code -1} if never
 * @param ruinTime that cycle's end, {@code null} if never
 * @param ruinShortfall losses beyond zero equity absorbed by the floor
 * @param finalCloseFee fee of closing what was open at the end
 */
public record ExecutionDiagnostics(int decisions, int settlementDecisions, int lateSettlementDecisions,
        int incompleteChildBars, int fills, int entries, Map<ExitReason, Integer> exits, int intraIntervalExits,
        int shrinks, int blockedAdmissions, int medianNotEvaluated, int predictedFundingNotEvaluated,
        Map<Unevaluated, Integer> unevaluated, int fundingNotEvaluated, int markProxied, int cancelledOrders,
        double markedMaxDrawdown, int ruinCycle, Instant ruinTime, double ruinShortfall, double finalCloseFee) {
    /** Copies the maps. */
    public ExecutionDiagnostics {
        exits = Map.copyOf(exits);
        unevaluated = Map.copyOf(unevaluated);
    }

    /** Exits for one reason (0 when none). */
    public int exits(ExitReason reason) {
        return exits.getOrDefault(reason, 0);
    }

    /** True if capital reached zero. */
    public boolean ruined() {
        return ruinCycle >= 0;
    }
}
