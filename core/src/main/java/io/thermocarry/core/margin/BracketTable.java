package io.thermocarry.core.margin;

import io.thermocarry.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A symbol's tiered maintenance-margin table (Binance USDT-M, {@code leverageBracket}), kept as data in column
 * form. Brackets are contiguous from notional 0; a notional at or above the last cap uses the last bracket.
 *
 * <p>Maintenance margin of a position of notional {@code V} (USDT): {@code MM(V) = V·r_b − cum_b} with
 * {@code b} the bracket whose {@code [floor, cap)} contains {@code V}. Binance's {@code cum} makes {@code MM}
 * continuous across brackets ({@code cum_b = cum_{b−1} + floor_b·(r_b − r_{b−1})}); a table whose amounts break
 * continuity is refused, as it would make the liquidation price ambiguous.
 *
 * <p>The defaults ({@link #defaultFor}) restate Binance's public BTCUSDT, ETHUSDT and SOLUSDT tables as seen in
 * 2024–25 and a generic table for other alts; brackets change over time, so a desk loads the current ones from
 * a {@code leverageBracket} JSON file (the {@code binance} module reads it).
 */
public final class BracketTable {
    private static final double CONTINUITY_TOLERANCE_USDT = 1.0;

    private final String symbol;
    private final int[] number;
    private final double[] leverage;
    private final double[] floor;
    private final double[] cap;
    private final double[] rate;
    private final double[] cum;

    private BracketTable(String symbol, List<MaintenanceBracket> brackets) {
        this.symbol = symbol;
        int n = brackets.size();
        number = new int[n];
        leverage = new double[n];
        floor = new double[n];
        cap = new double[n];
        rate = new double[n];
        cum = new double[n];
        for (int i = 0; i < n; i++) {
            MaintenanceBracket b = brackets.get(i);
            number[i] = b.bracket();
            leverage[i] = b.initialLeverage();
            floor[i] = b.notionalFloor();
            cap[i] = b.notionalCap();
            rate[i] = b.maintMarginRate();
            cum[i] = b.cum();
        }
    }

    /**
     * A validated table: brackets sorted by floor, the first from 0, each starting at the previous cap, rates
     * non-decreasing and maintenance continuous at every floor (within 1 USDT).
     *
     * @throws IllegalArgumentException naming the first bracket that breaks a rule
     */
    public static BracketTable of(String symbol, List<MaintenanceBracket> brackets) {
        Checks.notNull(symbol, "symbol");
        Checks.check(!brackets.isEmpty(), symbol + ": no brackets");
        List<MaintenanceBracket> sorted = new ArrayList<>(brackets);
        sorted.sort((a, b) -> Double.compare(a.notionalFloor(), b.notionalFloor()));
        Checks.check(sorted.get(0).notionalFloor() == 0, symbol + ": bracket " + sorted.get(0).bracket()
                + " starts at notional " + sorted.get(0).notionalFloor() + ", not 0");
        for (int i = 1; i < sorted.size(); i++) {
            MaintenanceBracket p = sorted.get(i - 1);
            MaintenanceBracket b = sorted.get(i);
            Checks.check(b.notionalFloor() == p.notionalCap(), symbol + ": bracket " + b.bracket() + " floor "
                    + b.notionalFloor() + " is not the previous cap " + p.notionalCap());
            Checks.check(b.maintMarginRate() >= p.maintMarginRate(), symbol + ": bracket " + b.bracket()
                    + " rate " + b.maintMarginRate() + " below the previous " + p.maintMarginRate());
            double left = b.notionalFloor() * p.maintMarginRate() - p.cum();
            double right = b.notionalFloor() * b.maintMarginRate() - b.cum();
            Checks.check(Math.abs(left - right) <= CONTINUITY_TOLERANCE_USDT, String.format(Locale.ROOT,
                    "%s: bracket %d cum %.2f breaks continuity at notional %.0f (expected %.2f)", symbol, b.bracket(),
                    b.cum(), b.notionalFloor(), p.cum() + b.notionalFloor() * (b.maintMarginRate()
                            - p.maintMarginRate())));
        }
        return new BracketTable(symbol, sorted);
    }

    /**
     * A table from {@code {floor, cap, leverage, rate}} rows, the maintenance amounts derived by continuity.
     */
    static BracketTable derived(String symbol, double[][] rows) {
        List<MaintenanceBracket> list = new ArrayList<>();
        double c = 0;
        for (int i = 0; i < rows.length; i++) {
            if (i > 0) {
                c += rows[i][0] * (rows[i][3] - rows[i - 1][3]);
            }
            list.add(new MaintenanceBracket(i + 1, rows[i][2], rows[i][0], rows[i][1], rows[i][3], c));
        }
        return of(symbol, list);
    }

    /** Binance BTCUSDT (2024–25): 0.4 % up to 50 k USDT, 0.5 % to 600 k, 0.65 % to 3 M, 1 % to 12 M, ... */
    public static final BracketTable BTCUSDT = derived("BTCUSDT", new double[][] {
        {0, 50_000, 125, 0.004}, {50_000, 600_000, 100, 0.005}, {600_000, 3_000_000, 75, 0.0065},
        {3_000_000, 12_000_000, 50, 0.01}, {12_000_000, 70_000_000, 25, 0.02}, {70_000_000, 100_000_000, 20, 0.025},
        {100_000_000, 230_000_000, 10, 0.05}, {230_000_000, 480_000_000, 5, 0.1},
        {480_000_000, 600_000_000, 4, 0.125}, {600_000_000, 800_000_000, 3, 0.15},
        {800_000_000, 1_200_000_000, 2, 0.25}, {1_200_000_000, 1_800_000_000, 1, 0.5}});

    /** Binance ETHUSDT (2024–25). */
    public static final BracketTable ETHUSDT = derived("ETHUSDT", new double[][] {
        {0, 50_000, 125, 0.004}, {50_000, 600_000, 100, 0.005}, {600_000, 3_000_000, 75, 0.0065},
        {3_000_000, 12_000_000, 50, 0.01}, {12_000_000, 50_000_000, 25, 0.02}, {50_000_000, 65_000_000, 20, 0.025},
        {65_000_000, 150_000_000, 10, 0.05}, {150_000_000, 320_000_000, 5, 0.1},
        {320_000_000, 400_000_000, 4, 0.125}, {400_000_000, 530_000_000, 3, 0.15},
        {530_000_000, 800_000_000, 2, 0.25}, {800_000_000, 1_200_000_000, 1, 0.5}});

    /** Binance SOLUSDT (2024–25). */
    public static final BracketTable SOLUSDT = derived("SOLUSDT", new double[][] {
        {0, 10_000, 75, 0.005}, {10_000, 50_000, 50, 0.01}, {50_000, 250_000, 25, 0.02},
        {250_000, 1_000_000, 20, 0.025}, {1_000_000, 5_000_000, 10, 0.05}, {5_000_000, 10_000_000, 5, 0.1},
        {10_000_000, 15_000_000, 4, 0.125}, {15_000_000, 25_000_000, 3, 0.15}, {25_000_000, 50_000_000, 2, 0.25},
        {50_000_000, 100_000_000, 1, 0.5}});

    /** A generic mid-liquidity alt table (Binance's typical alt shape): 1 % up to 5 k USDT, 2.5 % to 25 k, ... */
    public static final BracketTable GENERIC = derived("GENERIC", new double[][] {
        {0, 5_000, 50, 0.01}, {5_000, 25_000, 20, 0.025}, {25_000, 100_000, 10, 0.05}, {100_000, 250_000, 5, 0.1},
        {250_000, 1_000_000, 4, 0.125}, {1_000_000, 3_000_000, 3, 0.15}, {3_000_000, 5_000_000, 2, 0.25},
        {5_000_000, 10_000_000, 1, 0.5}});

    private static final Map<String, BracketTable> DEFAULTS = Map.of("BTCUSDT", BTCUSDT, "ETHUSDT", ETHUSDT,
            "SOLUSDT", SOLUSDT);

    /** The default table of a symbol: BTC, ETH and SOL their own, every other symbol {@link #GENERIC}. */
    public static BracketTable defaultFor(String symbol) {
        return DEFAULTS.getOrDefault(symbol, GENERIC);
    }

    /** The symbol the table belongs to ({@code GENERIC} for the generic default). */
    public String symbol() {
        return symbol;
    }

    /** Number of brackets. */
    public int size() {
        return rate.length;
    }

    /** Index (0-based) of the bracket containing {@code notionalUsdt} (the last one above its cap). */
    public int indexOf(double notionalUsdt) {
        int last = rate.length - 1;
        for (int i = 0; i < last; i++) {
            if (notionalUsdt < cap[i]) {
                return i;
            }
        }
        return last;
    }

    /** Maintenance margin of a position of notional {@code |V|} USDT: {@code |V|·r_b − cum_b}. */
    public double maintenance(double notionalUsdt) {
        double v = Math.abs(notionalUsdt);
        int b = indexOf(v);
        return v * rate[b] - cum[b];
    }

    /** Bracket {@code i} (0-based) as a record. */
    public MaintenanceBracket bracket(int i) {
        return new MaintenanceBracket(number[i], leverage[i], floor[i], cap[i], rate[i], cum[i]);
    }

    /** Maintenance rate of bracket {@code i}. */
    public double rate(int i) {
        return rate[i];
    }

    /** Maintenance amount of bracket {@code i}, USDT. */
    public double cum(int i) {
        return cum[i];
    }

    /** Floor of bracket {@code i}, USDT. */
    public double floor(int i) {
        return floor[i];
    }

    /** Cap of bracket {@code i}, USDT ({@code +∞} for the last: it extends above its cap). */
    public double cap(int i) {
        return i == rate.length - 1 ? Double.POSITIVE_INFINITY : cap[i];
    }

    /** The highest leverage allowed at notional {@code notionalUsdt}. */
    public double maxLeverage(double notionalUsdt) {
        return leverage[indexOf(Math.abs(notionalUsdt))];
    }

    /** The same brackets under another symbol name. */
    public BracketTable named(String name) {
        List<MaintenanceBracket> list = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            list.add(bracket(i));
        }
        return new BracketTable(name, list);
    }
}
