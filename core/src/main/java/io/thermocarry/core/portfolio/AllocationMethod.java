package io.thermocarry.core.portfolio;

import java.util.Locale;

/**
 * How one capital is split across the symbols of a universe at each rebalance (SPEC §12). Raw scores are
 * fitted on each member's training window only (cycles that ended in {@code (T − train, T]}), normalised to
 * sum to 1, then capped ({@link AllocationSpec}).
 */
public enum AllocationMethod {
    /** Score 1 for every member: {@code w = 1/n}. */
    EQUAL("equal"),
    /**
     * Score {@code 1/σ}: {@code σ} the annualised volatility of the basis change per cycle,
     * {@code std((b_end − b_start)/100 / √h) · √8766} over the training cycles ({@code h} the cycle's hours, so
     * 4 h and 8 h cycles are comparable): the basis risk a unit carry takes.
     */
    INVERSE_VOL("inverse-vol"),
    /**
     * Score {@code min(max(μ/σ, 0), cap)}: {@code μ} the annualised funding carry
     * {@code mean(F / h) · 8766} of the settlements in the training window (short basis earns {@code F}),
     * {@code σ} as for {@link #INVERSE_VOL}; members with no positive carry get nothing, and no member's
     * carry-to-risk counts above the cap ({@link AllocationSpec#carryRiskCap()}), so one quiet symbol cannot take
     * the book.
     */
    CARRY_RISK("carry-risk");

    private final String cliName;

    AllocationMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The command-line name. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name ({@code equal}, {@code inverse-vol}, {@code carry-risk}). */
    public static AllocationMethod parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (AllocationMethod m : values()) {
            if (m.cliName.equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown allocation '" + s + "' (equal, inverse-vol, carry-risk)");
    }
}
