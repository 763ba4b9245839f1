package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written number and time parsing agrees with the JDK (the oracle) and is strict. */
class AsciiTest {
    private final Ascii ascii = new Ascii();

    private double dbl(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return ascii.toDouble(b, 0, b.length);
    }

    private long lng(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return ascii.toLong(b, 0, b.length);
    }

    private long time(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return ascii.dateTimeMillis(b, 0, b.length);
    }

    @Property(tries = 3000)
    void toDouble_roundTripsEveryDoubleJavaPrints(@ForAll double d) {
        if (!Double.isFinite(d)) {
            return;
        }
        double parsed = dbl(Double.toString(d));
        assertTrue(ascii.ok);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(parsed), () -> Double.toString(d));
    }

    @Property(tries = 3000)
    void toDouble_equalsParseDouble_onPlainDecimals(@ForAll long unscaled, @ForAll @IntRange(min = -5, max = 30) int scale) {
        String text = BigDecimal.valueOf(unscaled, scale).toPlainString();
        double parsed = dbl(text);
        assertTrue(ascii.ok, text);
        assertEquals(Double.parseDouble(text), parsed, 0.0, text);
    }

    @Test
    void toDouble_handlesExchangeStyleNumbers() {
        assertEquals(0.0001, dbl("0.00010000"));
        assertEquals(-7.45e-06, dbl("-7.45e-06"));
        assertEquals(42283.58, dbl("42283.58"));
        assertEquals(168290.0, dbl("168290.0"));
        assertEquals(12.5, dbl(" 12.5 "));
        assertEquals(0.5, dbl(".5"));
        assertEquals(5.0, dbl("5."));
        assertEquals(1.2345678901234567e21, dbl("1234567890123456789012"), 1e6);
        assertTrue(Double.isNaN(dbl("NaN")) && ascii.ok, "NaN is a number, reported later as not finite");
        assertEquals(Double.NEGATIVE_INFINITY, dbl("-Infinity"));
        assertTrue(ascii.ok);
        assertEquals(Double.POSITIVE_INFINITY, dbl("inf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1d", "1f", "0x1p3", "1e", "1e+", ".", "-", "+", "1.2.3", "--1", "1,5", "12a",
        "nanx", "Infinityy"})
    void toDouble_rejectsWhatIsNotAPlainNumber(String text) {
        dbl(text);
        assertFalse(ascii.ok, "'" + text + "'");
    }

    @Test
    void toLong_acceptsWholeNumbersAndZeroFractions_only() {
        assertEquals(1704067200000L, lng("1704067200000"));
        assertTrue(ascii.ok);
        assertEquals(1704067200000L, lng("1704067200000.0"));
        assertTrue(ascii.ok);
        assertEquals(-5, lng("-5"));
        lng("1704067200000.5");
        assertFalse(ascii.ok);
        lng("");
        assertFalse(ascii.ok);
        lng("17e");
        assertFalse(ascii.ok);
    }

    @Property(tries = 2000)
    void dateTime_equalsJavaTime_forAnyInstantAndOffset(
            @ForAll @LongRange(min = 1_262_304_000_000L, max = 4_102_444_800_000L) long epochMs,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarterHours, @ForAll boolean isoT) {
        ZoneOffset off = ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60);
        OffsetDateTime t = Instant.ofEpochMilli(epochMs).atOffset(off);
        String text = t.format(DateTimeFormatter.ofPattern(isoT ? "yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx" : "yyyy-MM-dd HH:mm:ss.SSSxxx"));
        assertEquals(epochMs, time(text), text);
        assertTrue(ascii.ok && ascii.hadZone, text);
    }

    @Test
    void dateTime_readsTheSourcesFormats() {
        assertEquals(Instant.parse("2020-10-23T08:00:00Z").toEpochMilli(), time("2020-10-23 11:00:00+03:00"));
        assertEquals(Instant.parse("2021-05-01T00:00:00.002Z").toEpochMilli(), time("2021-05-01 00:00:00.002000+00:00"));
        assertEquals(Instant.parse("2025-08-21T16:00:00.003Z").toEpochMilli(), time("2025-08-21T16:00:00.003Z"));
        assertEquals(Instant.parse("2024-02-29T23:00:00Z").toEpochMilli(), time("2024-02-29T23:00:00Z"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), time("2024-01-01 05:30:00+0530"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), time("2024-01-01 00:00:00"));
        assertTrue(ascii.ok);
        assertFalse(ascii.hadZone, "a naive time is flagged so that callers can refuse it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29 00:00:00Z", "2024-13-01 00:00:00Z", "2024-01-01 24:00:00Z", "2024-01-01 00:60:00Z",
        "2024-01-01", "2024/01/01 00:00:00", "2024-01-01 00:00:00+3", "2024-01-01 00:00:00.Z", "2024-01-01 00:00:00X",
        "2024-01-01 00:00:00+19:00"})
    void dateTime_rejectsImpossibleOrUnknownForms(String text) {
        time(text);
        assertFalse(ascii.ok, text);
    }
}
