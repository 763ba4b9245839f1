package io.thermocarry.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maintenance, margin ratio and liquidation price against hand computations with Binance's BTCUSDT table
 * (0.4 % to 50 k USDT; 0.5 %, cum 50 to 600 k; 0.65 %, cum 950 to 3 M; ...). Every expected value is worked
 * out in the comment above it.
 */
class MarginMathTest {
    private static final BracketTable BTC = BracketTable.BTCUSDT;

    @Test
    void maintenance_isNotionalTimesRateMinusCum_ofTheBracketContainingTheNotional() {
        assertEquals(160.0, BTC.maintenance(40_000), 1e-9); // 40 000 · 0.004
        assertEquals(450.0, BTC.maintenance(100_000), 1e-9); // 100 000 · 0.005 − 50
        assertEquals(5_550.0, BTC.maintenance(1_000_000), 1e-9); // 1 000 000 · 0.0065 − 950
        // continuous at a floor: 600 000 · 0.005 − 50 = 600 000 · 0.0065 − 950 = 2 950
        assertEquals(2_950.0, BTC.maintenance(599_999.999999), 1e-5);
        assertEquals(2_950.0, BTC.maintenance(600_000), 1e-9);
        assertEquals(2, BTC.indexOf(600_000));
        assertEquals(1, BTC.indexOf(599_999));
        // above the last cap: the last bracket (0.5 %, cum 421 481 450)
        assertEquals(2e9 * 0.5 - 421_481_450, BTC.maintenance(2e9), 1e-3);
    }

    @Test
    void defaultTables_carryBinancesMaintenanceAmounts() {
        assertEquals(131_450, BTC.cum(4), 1e-9);
        assertEquals(421_481_450, BTC.cum(11), 1e-6);
        assertEquals(280_506_450, BracketTable.ETHUSDT.cum(11), 1e-6);
        assertEquals(BracketTable.SOLUSDT, BracketTable.defaultFor("SOLUSDT"));
        assertEquals(BracketTable.GENERIC, BracketTable.defaultFor("AVAXUSDT"));
        assertEquals(125, BTC.maxLeverage(10_000));
    }

    @Test
    void table_refusesAmountsThatBreakContinuity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BracketTable.of("X",
                List.of(new MaintenanceBracket(1, 125, 0, 50_000, 0.004, 0),
                        new MaintenanceBracket(2, 100, 50_000, 600_000, 0.005, 70))));
        assertTrue(e.getMessage().contains("bracket 2 cum 70.00 breaks continuity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BracketTable.of("X",
                List.of(new MaintenanceBracket(1, 125, 0, 50_000, 0.004, 0),
                        new MaintenanceBracket(2, 100, 60_000, 600_000, 0.005, 50))));
    }

    @Test
    void shortLiquidationPrice_inTheFirstBracket() {
        // 1 BTC short at 40 000 with 4 000 wallet (10x): 4 000 − (P − 40 000) = 0.004·P → P = 44 000 / 1.004
        double p = MarginMath.liquidationPrice(BTC, PerpLeg.SHORT, 1, 40_000, 4_000);
        assertEquals(44_000 / 1.004, p, 1e-9);
        assertEquals(43_824.7011952, p, 1e-6);
    }

    @Test
    void shortLiquidationPrice_crossesIntoTheNextBracket() {
        // 10 BTC short at 50 000 (notional 500 k: bracket 2) with 200 000 wallet (2.5x). Bracket 2's root
        // (200 050 + 500 000)/(10·1.005) = 69 656.7 has notional 696 567 >= 600 k: outside bracket 2. Bracket 3:
        // 700 000 − 10·P = 0.065·P − 950 → P = 700 950 / 10.065 = 69 642.3249 (notional 696 423: inside)
        double p = MarginMath.liquidationPrice(BTC, PerpLeg.SHORT, 10, 50_000, 200_000);
        assertEquals(700_950 / 10.065, p, 1e-8);
        assertEquals(2, BTC.indexOf(10 * p));
        // at the liquidation price the balance equals maintenance
        assertEquals(MarginMath.maintenance(BTC, 10, p), MarginMath.marginBalance(PerpLeg.SHORT, 10, 50_000,
                200_000, p), 1e-6);
    }

    @Test
    void longLiquidationPrice_inItsBracket_andCrossingDown() {
        // 10 BTC long at 50 000 with 100 000 wallet: 100 000 + 10(P − 50 000) = 0.05·P − 50 → P = 399 950 / 9.95
        assertEquals(399_950 / 9.95, MarginMath.liquidationPrice(BTC, PerpLeg.LONG, 10, 50_000, 100_000), 1e-8);
        // 10 BTC long at 70 000 (700 k: bracket 3) with 200 000: bracket 3's root 499 050/9.935 = 50 231.5 has
        // notional 502 315 < 600 k; bracket 2: 10·P − 500 000 = 0.05·P − 50 → P = 499 950 / 9.95 = 50 246.23
        double p = MarginMath.liquidationPrice(BTC, PerpLeg.LONG, 10, 70_000, 200_000);
        assertEquals(499_950 / 9.95, p, 1e-8);
        assertEquals(1, BTC.indexOf(10 * p));
        // a fully collateralised long (wallet = notional) cannot be liquidated: 0
        assertEquals(0.0, MarginMath.liquidationPrice(BTC, PerpLeg.LONG, 1, 40_000, 40_000));
    }

    @Test
    void marginRatio_binanceAndCoverage_areReciprocal() {
        // short 1 BTC at 40 000, wallet 4 000, price 42 000: balance 2 000, maintenance 168
        assertEquals(168.0 / 2_000, MarginMath.binanceMarginRatio(BTC, PerpLeg.SHORT, 1, 40_000, 4_000, 42_000),
                1e-12);
        assertEquals(2_000 / 168.0, MarginMath.coverage(BTC, PerpLeg.SHORT, 1, 40_000, 4_000, 42_000), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY,
                MarginMath.binanceMarginRatio(BTC, PerpLeg.SHORT, 1, 40_000, 4_000, 45_000));
    }

    @Test
    void oneTimesShort_isLiquidatedJustBelowADoubling() {
        // wallet = notional = 40 000 (1x): the liquidation notional ~80 k is in bracket 2 (0.5 %, cum 50):
        // 80 000 − P = 0.005·P − 50 → P = 80 050 / 1.005 (a rise of 99.13 %)
        double p = MarginMath.liquidationPrice(BTC, PerpLeg.SHORT, 1, 40_000, 40_000);
        assertEquals(80_050 / 1.005, p, 1e-9);
        assertTrue(MarginMath.coverage(BTC, PerpLeg.SHORT, 1, 40_000, 40_000, 0.999 * p) > 1);
        assertTrue(MarginMath.coverage(BTC, PerpLeg.SHORT, 1, 40_000, 40_000, 1.001 * p) < 1);
    }
}
