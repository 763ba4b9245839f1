package io.thermocarry.core.backtest;

import io.thermocarry.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A desk fee tier: the round-trip cost, in basis points of notional, of opening and later closing the hedged
 * spot/perp pair (SPEC §7). Causal mode charges half of it on every change of notional,
 * {@code fee = |ΔN| · roundTripBps / 2 / 10⁴}, and on the final close. Reference mode charges the full round
 * trip on each change the reference's rule charges (see {@link io.thermocarry.core.Compat#REFERENCE}).
 *
 * @param roundTripBps round-trip cost in bps of notional ({@code >= 0}; 0 for diagnostics)
 */
public record FeeTier(double roundTripBps) {
    /** 8 bps round trip. */
    public static final FeeTier BPS_8 = new FeeTier(8);
    /** 16 bps round trip. */
    public static final FeeTier BPS_16 = new FeeTier(16);
    /** 25 bps round trip. */
    public static final FeeTier BPS_25 = new FeeTier(25);
    /** No fees (diagnostics: isolates funding and basis). */
    public static final FeeTier ZERO = new FeeTier(0);
    /**
     * The reference code's cost: {@code 2 × mean(maker 2 bp, taker 6 bp) + 2 × 1 bp slippage = 10 bps}, charged
     * in full on each change in reference mode.
     */
    public static final FeeTier REFERENCE = new FeeTier(10);
    /** The three tiers always reported: 8, 16, 25 bps. */
    public static final List<FeeTier> STANDARD = List.of(BPS_8, BPS_16, BPS_25);

    /** Validates: finite and non-negative. */
    public FeeTier {
        Checks.nonNegative(roundTripBps, "roundTripBps");
    }

    /** A tier of {@code bps} round trip. */
    public static FeeTier ofBps(double bps) {
        return new FeeTier(bps);
    }

    /** Parses a comma-separated bps list such as {@code 8,16,25}. */
    public static List<FeeTier> parseList(String csv) {
        List<FeeTier> out = new ArrayList<>();
        for (String part : Checks.notNull(csv, "fee list").split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT).replace("bps", "");
            try {
                out.add(new FeeTier(Double.parseDouble(p)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fee tier '" + part.trim() + "' is not a number of bps", e);
            }
        }
        Checks.check(!out.isEmpty(), "empty fee tier list");
        return List.copyOf(out);
    }

    /** Causal fee per unit of notional changed: {@code roundTripBps / 2 / 10⁴} (fraction). */
    public double perChangeFraction() {
        return roundTripBps / 2.0 / 10_000.0;
    }

    /** The full round trip as a fraction of notional: {@code roundTripBps / 10⁴}. */
    public double roundTripFraction() {
        return roundTripBps / 10_000.0;
    }
}
