package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep covers: for every {@link SweepParameter} an ascending list of distinct values (one value, the
 * default, for a parameter that is not swept). Points are the full product, numbered in mixed radix over the
 * parameters in declaration order with the last ({@link SweepParameter#FEE_BPS}) fastest, so
 * {@code point = ((s·R + r)·T + t)·F + f} with {@code s} the signal-window combination, {@code r} the regime
 * threshold pair, {@code t} the strategy pair and {@code f} the fee tier: points sharing a signal run, and within
 * it a regime path, are contiguous.
 *
 * <p><b>Neighbours</b> of a point are the points one step away along exactly one axis (the next lower or higher
 * value of one parameter, all others equal): at most two per swept parameter.
 */
public final class SweepGrid {
    /** Largest number of points a grid may have. */
    public static final int MAX_POINTS = 10_000_000;

    private static final SweepParameter[] PARAMS = SweepParameter.values();
    private static final SweepParameter.Stage[] STAGES = SweepParameter.Stage.values();

    private final double[][] values;
    /** stride[i] = product of the axis lengths after axis i. */
    private final int[] stride;
    private final int size;
    /** points per stage block: combos of the axes of stage s, indexed by Stage ordinal. */
    private final int[] stageCombos;

    private SweepGrid(double[][] values) {
        this.values = values;
        this.stride = new int[PARAMS.length];
        long n = 1;
        for (int i = PARAMS.length - 1; i >= 0; i--) {
            stride[i] = (int) n;
            n *= values[i].length;
            Checks.check(n <= MAX_POINTS, "the grid has more than " + MAX_POINTS + " points");
        }
        this.size = (int) n;
        this.stageCombos = new int[STAGES.length];
        Arrays.fill(stageCombos, 1);
        for (int i = 0; i < PARAMS.length; i++) {
            stageCombos[PARAMS[i].stage().ordinal()] *= values[i].length;
        }
    }

    /** The one-point grid of every default. */
    public static SweepGrid defaults() {
        return of(Map.of());
    }

    /**
     * A grid sweeping the given parameters over the given values (sorted here; duplicates refused); every other
     * parameter at its default.
     *
     * @throws IllegalArgumentException for an empty list, a duplicate or an invalid value
     */
    public static SweepGrid of(Map<SweepParameter, double[]> swept) {
        Checks.notNull(swept, "swept");
        double[][] v = new double[PARAMS.length][];
        for (SweepParameter p : PARAMS) {
            double[] given = swept.get(p);
            if (given == null) {
                v[p.ordinal()] = new double[] {p.defaultValue()};
                continue;
            }
            Checks.check(given.length > 0, p.cliName() + ": no values");
            double[] s = given.clone();
            for (double x : s) {
                p.validate(x);
            }
            Arrays.sort(s);
            for (int i = 1; i < s.length; i++) {
                Checks.check(s[i] != s[i - 1], p.cliName() + ": value " + s[i] + " given twice");
            }
            v[p.ordinal()] = s;
        }
        return new SweepGrid(v);
    }

    /**
     * Parses {@code name=v1,v2,...} items (one per parameter): values as a comma list, or a range
     * {@code start:stop:step} with {@code stop} included when a whole number of steps reaches it (decimal
     * arithmetic, so {@code 1.2:1.6:0.1} is exactly 1.2, 1.3, 1.4, 1.5, 1.6).
     *
     * @throws IllegalArgumentException naming the bad item
     */
    public static SweepGrid parse(List<String> items) {
        Map<SweepParameter, double[]> m = new EnumMap<>(SweepParameter.class);
        for (String item : Checks.notNull(items, "items")) {
            int eq = item.indexOf('=');
            Checks.check(eq > 0, "grid item '" + item + "' is not name=v1,v2,...");
            SweepParameter p = SweepParameter.parse(item.substring(0, eq));
            Checks.check(!m.containsKey(p), p.cliName() + " given twice");
            m.put(p, values(p, item.substring(eq + 1)));
        }
        return of(m);
    }

    /** Parses one parameter's values: {@code v1,v2,...} or {@code start:stop:step}. */
    public static double[] values(SweepParameter p, String text) {
        String t = Checks.notNull(text, "values").trim();
        try {
            if (t.contains(":")) {
                String[] r = t.split(":");
                Checks.check(r.length == 3, p.cliName() + ": range '" + t + "' is not start:stop:step");
                BigDecimal start = new BigDecimal(r[0].trim());
                BigDecimal stop = new BigDecimal(r[1].trim());
                BigDecimal step = new BigDecimal(r[2].trim());
                Checks.check(step.signum() > 0 && stop.compareTo(start) >= 0,
                        p.cliName() + ": range '" + t + "' needs start <= stop and step > 0");
                List<Double> out = new ArrayList<>();
                for (BigDecimal x = start; x.compareTo(stop) <= 0; x = x.add(step)) {
                    Checks.check(out.size() < MAX_POINTS, p.cliName() + ": range '" + t + "' has too many values");
                    out.add(x.doubleValue());
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            }
            String[] parts = t.split(",");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i].trim());
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(p.cliName() + ": '" + t + "' is not a list of numbers", e);
        }
    }

    /** Number of points. */
    public int size() {
        return size;
    }

    /** The values of a parameter, ascending (a copy). */
    public double[] values(SweepParameter p) {
        return values[p.ordinal()].clone();
    }

    /** Number of values of a parameter. */
    public int length(SweepParameter p) {
        return values[p.ordinal()].length;
    }

    /** The parameters with more than one value, in axis order. */
    public List<SweepParameter> swept() {
        List<SweepParameter> out = new ArrayList<>();
        for (SweepParameter p : PARAMS) {
            if (values[p.ordinal()].length > 1) {
                out.add(p);
            }
        }
        return out;
    }

    /** Number of distinct combinations of the parameters of one stage (1 if none is swept). */
    public int combos(SweepParameter.Stage stage) {
        return stageCombos[stage.ordinal()];
    }

    /** Index of the value of {@code p} at {@code point}. */
    public int coordinate(int point, SweepParameter p) {
        checkPoint(point);
        int i = p.ordinal();
        return (point / stride[i]) % values[i].length;
    }

    /**
     * The index of the block of {@code stage} that {@code point} belongs to, i.e. the combination of that stage's
     * values (e.g. the signal-window combination for {@link SweepParameter.Stage#SIGNAL}).
     */
    public int comboOf(int point, SweepParameter.Stage stage) {
        checkPoint(point);
        int c = 0;
        for (SweepParameter p : PARAMS) {
            if (p.stage() == stage) {
                c = c * values[p.ordinal()].length + coordinate(point, p);
            }
        }
        return c;
    }

    /** The point with signal combination {@code s}, regime pair {@code r}, strategy pair {@code t}, fee {@code f}. */
    public int pointOf(int s, int r, int t, int f) {
        int[] c = {s, r, t, f};
        for (int i = 0; i < c.length; i++) {
            Checks.check(c[i] >= 0 && c[i] < stageCombos[i], "combination index out of range");
        }
        return ((s * stageCombos[1] + r) * stageCombos[2] + t) * stageCombos[3] + f;
    }

    /** The parameters of one point. */
    public SweepPoint point(int point) {
        checkPoint(point);
        double[] v = new double[PARAMS.length];
        for (SweepParameter p : PARAMS) {
            v[p.ordinal()] = values[p.ordinal()][coordinate(point, p)];
        }
        return new SweepPoint((int) v[0], (int) v[1], (int) v[2], (int) v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    /** The points one step away from {@code point} along one axis, ascending by axis then direction. */
    public int[] neighbours(int point) {
        checkPoint(point);
        int[] out = new int[2 * PARAMS.length];
        int n = 0;
        for (SweepParameter p : PARAMS) {
            int i = p.ordinal();
            int c = coordinate(point, p);
            if (c > 0) {
                out[n++] = point - stride[i];
            }
            if (c + 1 < values[i].length) {
                out[n++] = point + stride[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The axis along which {@code a} and {@code b} differ if they are neighbours, else null. */
    public SweepParameter axisBetween(int a, int b) {
        SweepParameter axis = null;
        for (SweepParameter p : PARAMS) {
            int d = coordinate(a, p) - coordinate(b, p);
            if (d == 0) {
                continue;
            }
            if (axis != null || Math.abs(d) != 1) {
                return null;
            }
            axis = p;
        }
        return axis;
    }

    /** A canonical text of the grid: every parameter {@code name=v1,v2} in axis order, joined by {@code ;}. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        for (SweepParameter p : PARAMS) {
            sb.append(sb.length() == 0 ? "" : ";").append(p.cliName()).append('=');
            double[] v = values[p.ordinal()];
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ",").append(format(p, v[i]));
            }
        }
        return sb.toString();
    }

    /** A value as text: whole numbers without a decimal point for window parameters. */
    public static String format(SweepParameter p, double v) {
        return p.integer() ? Long.toString((long) v) : Double.toString(v);
    }

    private void checkPoint(int point) {
        Checks.check(point >= 0 && point < size, "point " + point + " outside [0, " + size + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepGrid g && Arrays.deepEquals(values, g.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "SweepGrid[" + size + " points: " + canonical() + "]";
    }
}
