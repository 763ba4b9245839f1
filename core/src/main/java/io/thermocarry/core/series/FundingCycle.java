package io.thermocarry.core.series;

import java.time.Instant;

/**
 * One funding cycle {@code [t_k, t_{k+1})} as a value (SPEC §2); {@link FundingCycles} holds many in
 * column form.
 *
 * @param start settlement t_k (decision time)
 * @param end next settlement t_{k+1}
 * @param fundingRate F_k, fraction per interval
 * @param intervalHours actual spacing t_{k+1} − t_k in hours
 * @param basisStartPct last basis observation available at or before t_k (percent; NaN if none)
 * @param basisEndPct same at t_{k+1}
 * @param basisMeanPct mean of the observations that became available inside {@code (t_k, t_{k+1}]}
 * @param basisStdPct population std of the same (NaN if none)
 * @param basisObs number of those observations
 * @param markStart mark price at t_k (NaN if unknown)
 * @param markEnd mark price at t_{k+1}
 * @param basisSource where the cycle's basis came from
 */
public record FundingCycle(Instant start, Instant end, double fundingRate, double intervalHours,
        double basisStartPct, double basisEndPct, double basisMeanPct, double basisStdPct, int basisObs,
        double markStart, double markEnd, BasisSource basisSource) {
}
