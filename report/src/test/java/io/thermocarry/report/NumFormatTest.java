package io.thermocarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumFormatTest {
    @Test
    void percent_scalesFractions_andUsesTypographicMinus() {
        assertEquals("12.35", NumFormat.PERCENT.format(0.123456));
        assertEquals("\u22120.50", NumFormat.PERCENT.format(-0.005));
        assertEquals("0.00", NumFormat.PERCENT.format(-0.00001));
    }

    @Test
    void specialValues_haveTheirOwnSigns() {
        assertEquals("–", NumFormat.FIXED2.format(Double.NaN));
        assertEquals("∞", NumFormat.FIXED2.format(Double.POSITIVE_INFINITY));
        assertEquals("−∞", NumFormat.FIXED2.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void bpsAndIntegers() {
        assertEquals("1.5", NumFormat.BPS.format(0.00015));
        assertEquals("1235", NumFormat.INTEGER.format(1234.5));
    }
}
