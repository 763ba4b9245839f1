package io.thermocarry.report;

import io.thermocarry.core.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a number is shown: multiplied by {@code scale} (100 for a fraction shown in percent, 10⁴ for bps) and
 * rounded half-up to {@code decimals} places; NaN shows as "–", infinities as "∞"/"−∞". Minus signs are
 * typographic (U+2212).
 *
 * @param scale factor applied before display
 * @param decimals decimals shown ({@code 0..12})
 */
public record NumFormat(double scale, int decimals) {
    /** A fraction shown in percent with 2 decimals. */
    public static final NumFormat PERCENT = new NumFormat(100, 2);
    /** A fraction shown in bps with 1 decimal. */
    public static final NumFormat BPS = new NumFormat(10_000, 1);
    /** An integer. */
    public static final NumFormat INTEGER = new NumFormat(1, 0);
    /** Two decimals. */
    public static final NumFormat FIXED2 = new NumFormat(1, 2);
    /** Three decimals. */
    public static final NumFormat FIXED3 = new NumFormat(1, 3);
    /** Four decimals. */
    public static final NumFormat FIXED4 = new NumFormat(1, 4);

    /** Validates. */
    public NumFormat {
        Checks.finite(scale, "scale");
        Checks.check(decimals >= 0 && decimals <= 12, "decimals must be in 0..12");
    }

    /** Plain decimals, no scaling. */
    public static NumFormat fixed(int decimals) {
        return new NumFormat(1, decimals);
    }

    /** The text of {@code v}. */
    public String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double x = v * scale;
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "−∞";
        }
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (s.startsWith("-")) {
            boolean zero = s.chars().allMatch(c -> c == '-' || c == '0' || c == '.');
            s = zero ? s.substring(1) : "\u2212" + s.substring(1);
        }
        return s;
    }
}
