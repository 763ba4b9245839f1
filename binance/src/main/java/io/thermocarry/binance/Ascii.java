package io.thermocarry.binance;

/**
 * Strict, allocation-free parsing of numbers and timestamps from ASCII bytes. One instance per read:
 * after each call {@link #ok} tells whether the text was valid, because every value (including NaN,
 * which {@code "NaN"} legitimately parses to) is a possible result.
 *
 * <p>Why not {@link Double#parseDouble} directly: it needs a String per field (allocation in the hot
 * loop) and accepts text no exchange writes ({@code "1d"}, {@code "0x1p3"}, surrounding control
 * characters). Plain decimals with at most 18 significant digits and a small exponent take Clinger's
 * exact fast path (an exact long mantissa times or divided by an exact power of ten is correctly
 * rounded); anything else is validated here and handed to {@code parseDouble}, so results are always
 * the correctly rounded double.
 */
final class Ascii {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;

    /** Whether the last parse succeeded. */
    boolean ok;
    /** Whether the last {@link #dateTimeMillis} text carried a zone ({@code Z} or an offset). */
    boolean hadZone;

    /**
     * Parses a decimal number ({@code -1.5e-3}); also {@code NaN} / {@code Infinity} / {@code inf}
     * (any case, optional sign) so that callers can report them as non-finite rather than non-numeric.
     */
    double toDouble(byte[] b, int s, int e) {
        ok = false;
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        if (s >= e) {
            return Double.NaN;
        }
        int i = s;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        if (i < e && (b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z') {
            return special(b, i, e, neg);
        }
        long m = 0;
        int sig = 0;
        int exp = 0;
        boolean digits = false;
        boolean truncated = false;
        while (i < e) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            digits = true;
            if (m != 0 || d != 0) {
                if (sig < 18) {
                    m = m * 10 + d;
                    sig++;
                } else {
                    exp++;
                    truncated |= d != 0;
                }
            }
            i++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                digits = true;
                if (m != 0 || d != 0) {
                    if (sig < 18) {
                        m = m * 10 + d;
                        sig++;
                        exp--;
                    } else {
                        truncated |= d != 0;
                    }
                } else {
                    exp--;
                }
                i++;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int x = 0;
            boolean edigits = false;
            while (i < e) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                edigits = true;
                if (x < 100_000) {
                    x = x * 10 + d;
                }
                i++;
            }
            if (!edigits) {
                return Double.NaN;
            }
            exp += eneg ? -x : x;
        }
        if (i != e) {
            return Double.NaN;
        }
        ok = true;
        if (m == 0) {
            return neg ? -0.0 : 0.0;
        }
        if (!truncated && m <= MAX_EXACT && exp >= -22 && exp <= 22) {
            double v = exp >= 0 ? m * POW10[exp] : m / POW10[-exp];
            return neg ? -v : v;
        }
        // Syntax is validated above, so parseDouble sees only plain decimals.
        return Double.parseDouble(new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private double special(byte[] b, int i, int e, boolean neg) {
        int n = e - i;
        if (n == 3 && lower(b, i, "nan")) {
            ok = true;
            return Double.NaN;
        }
        if ((n == 3 && lower(b, i, "inf")) || (n == 8 && lower(b, i, "infinity"))) {
            ok = true;
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private static boolean lower(byte[] b, int i, String word) {
        for (int k = 0; k < word.length(); k++) {
            if ((b[i + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a whole number ({@code 1704067200000}); a decimal form with a zero fraction
     * ({@code 1704067200000.0}, as pandas writes) is accepted too.
     */
    long toLong(byte[] b, int s, int e) {
        ok = false;
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i >= e || e - i > 18) {
            return decimalWhole(b, s, e);
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return decimalWhole(b, s, e);
            }
            v = v * 10 + d;
        }
        ok = true;
        return neg ? -v : v;
    }

    private long decimalWhole(byte[] b, int s, int e) {
        double d = toDouble(b, s, e);
        if (ok && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
            return (long) d;
        }
        ok = false;
        return 0;
    }

    /**
     * Parses {@code YYYY-MM-DD[T| ]hh:mm:ss[.fraction][Z|±hh:mm|±hhmm|±hh]} to epoch milliseconds (UTC),
     * applying the offset; sub-millisecond digits are truncated. Without a zone the text is read as UTC
     * and {@link #hadZone} is false (callers decide whether that is acceptable).
     */
    long dateTimeMillis(byte[] b, int s, int e) {
        ok = false;
        hadZone = false;
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        if (e - s < 19 || b[s + 4] != '-' || b[s + 7] != '-' || (b[s + 10] != ' ' && b[s + 10] != 'T')
                || b[s + 13] != ':' || b[s + 16] != ':') {
            return 0;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        int second = digits(b, s + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return 0;
        }
        int i = s + 19;
        int millis = 0;
        if (i < e && b[i] == '.') {
            i++;
            int fracDigits = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (fracDigits < 3) {
                    millis = millis * 10 + (b[i] - '0');
                }
                fracDigits++;
                i++;
            }
            if (fracDigits == 0 || fracDigits > 9) {
                return 0;
            }
            for (int k = fracDigits; k < 3; k++) {
                millis *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < e) {
            if (b[i] == 'Z' && i + 1 == e) {
                hadZone = true;
            } else if (b[i] == '+' || b[i] == '-') {
                int sign = b[i] == '-' ? -1 : 1;
                int n = e - i - 1;
                int oh;
                int om = 0;
                if (n == 2) {
                    oh = digits(b, i + 1, 2);
                } else if (n == 4) {
                    oh = digits(b, i + 1, 2);
                    om = digits(b, i + 3, 2);
                } else if (n == 5 && b[i + 3] == ':') {
                    oh = digits(b, i + 1, 2);
                    om = digits(b, i + 4, 2);
                } else {
                    return 0;
                }
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return 0;
                }
                offsetSeconds = sign * (oh * 3600 + om * 60);
                hadZone = true;
            } else {
                return 0;
            }
        }
        long days = daysFromCivil(year, month, day);
        long secs = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        ok = true;
        return secs * 1000L + millis;
    }

    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int d = b[s + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
