package io.thermocarry.core.series;

/** Where a basis observation (or a cycle's basis) came from (SPEC §2). */
public enum BasisSource {
    /** {@code (P_perp − P_spot) / P_spot × 100} from perp and spot closes of the same hour. */
    SPOT_PERP,
    /** Proxy {@code (mark − index) / index × 100} where spot (or perp) is missing. */
    MARK_INDEX,
    /** A cycle whose observations mix both sources. */
    MIXED,
    /** No observation. */
    NONE
}
