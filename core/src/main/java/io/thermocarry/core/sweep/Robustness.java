package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * How the out-of-sample figures vary around the chosen point of a sweep: among its grid neighbours (one step
 * along one axis, {@link SweepGrid#neighbours}), the fraction whose figure lies within a relative tolerance of
 * the chosen point's. A figure {@code x} of a neighbour is <em>within</em> when both are finite and
 * {@code |x − x_best| ≤ tolerance · |x_best|} (so a zero reference admits only zero; a small PnL component is
 * judged strictly, which is the point: its sign or size flips with the parameters).
 *
 * <p>The chosen point is the one with the highest finite Sharpe ({@link #best}); the figures per point are
 * whatever the caller aggregated (the engine uses the mean over symbols).
 *
 * @param best the chosen point, or −1 when no point has a finite Sharpe
 * @param tolerance relative tolerance (0.2 = 20 %)
 * @param neighbours number of neighbours of the chosen point
 * @param sharpeWithin fraction of neighbours whose Sharpe is within tolerance (the headline,
 *     {@code fractionOfNeighboursWithin20pct}); NaN without neighbours
 * @param fundingWithin fraction whose funding PnL is within tolerance
 * @param basisWithin fraction whose basis PnL is within tolerance
 * @param feesWithin fraction whose fees are within tolerance
 * @param totalWithin fraction whose total PnL is within tolerance
 * @param splitWithin fraction whose funding, basis and fees are all within tolerance
 * @param allWithin fraction whose Sharpe and whole PnL split are within tolerance
 * @param detail every neighbour with its figures
 */
public record Robustness(int best, double tolerance, int neighbours, double sharpeWithin, double fundingWithin,
        double basisWithin, double feesWithin, double totalWithin, double splitWithin, double allWithin,
        List<Neighbour> detail) {

    /** The default tolerance: 20 %. */
    public static final double DEFAULT_TOLERANCE = 0.2;

    /** Copies the detail list. */
    public Robustness {
        detail = List.copyOf(detail);
    }

    /**
     * One neighbour of the chosen point.
     *
     * @param point grid point
     * @param axis the parameter along which it is one step away
     * @param value that parameter's value at the neighbour
     * @param sharpe its Sharpe
     * @param funding its funding PnL
     * @param basis its basis PnL
     * @param fees its fees
     * @param total its total PnL
     * @param sharpeWithin whether its Sharpe is within tolerance
     * @param splitWithin whether funding, basis and fees are all within tolerance
     */
    public record Neighbour(int point, SweepParameter axis, double value, double sharpe, double funding,
            double basis, double fees, double total, boolean sharpeWithin, boolean splitWithin) {
    }

    /** The point with the highest finite value (ties: the lower index), −1 if none is finite. */
    public static int best(double[] sharpe) {
        int best = -1;
        for (int p = 0; p < sharpe.length; p++) {
            if (Double.isFinite(sharpe[p]) && (best < 0 || sharpe[p] > sharpe[best])) {
                best = p;
            }
        }
        return best;
    }

    /** Whether {@code x} is within {@code tolerance} of {@code ref} (relative, see the class comment). */
    public static boolean within(double x, double ref, double tolerance) {
        return Double.isFinite(x) && Double.isFinite(ref) && Math.abs(x - ref) <= tolerance * Math.abs(ref);
    }

    /**
     * The robustness of the best point of {@code grid} under per-point figures (arrays of {@link SweepGrid#size}).
     */
    public static Robustness of(SweepGrid grid, double[] sharpe, double[] funding, double[] basis, double[] fees,
            double[] total, double tolerance) {
        int n = grid.size();
        Checks.check(sharpe.length == n && funding.length == n && basis.length == n && fees.length == n
                && total.length == n, "one figure per grid point");
        Checks.nonNegative(tolerance, "tolerance");
        int b = best(sharpe);
        if (b < 0) {
            return new Robustness(-1, tolerance, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, List.of());
        }
        int[] nb = grid.neighbours(b);
        int s = 0;
        int fu = 0;
        int ba = 0;
        int fe = 0;
        int to = 0;
        int sp = 0;
        int all = 0;
        List<Neighbour> detail = new ArrayList<>(nb.length);
        for (int q : nb) {
            boolean ws = within(sharpe[q], sharpe[b], tolerance);
            boolean wf = within(funding[q], funding[b], tolerance);
            boolean wb = within(basis[q], basis[b], tolerance);
            boolean we = within(fees[q], fees[b], tolerance);
            boolean wt = within(total[q], total[b], tolerance);
            boolean split = wf && wb && we;
            s += ws ? 1 : 0;
            fu += wf ? 1 : 0;
            ba += wb ? 1 : 0;
            fe += we ? 1 : 0;
            to += wt ? 1 : 0;
            sp += split ? 1 : 0;
            all += ws && split ? 1 : 0;
            SweepParameter axis = grid.axisBetween(b, q);
            detail.add(new Neighbour(q, axis, grid.point(q).value(axis), sharpe[q], funding[q], basis[q], fees[q],
                    total[q], ws, split));
        }
        double m = nb.length;
        if (nb.length == 0) {
            return new Robustness(b, tolerance, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, detail);
        }
        return new Robustness(b, tolerance, nb.length, s / m, fu / m, ba / m, fe / m, to / m, sp / m, all / m, detail);
    }
}
