package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.FundingCycles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Correlation of symbol carries (SPEC §12) on a common time grid: series of different symbols (and of 8 h and
 * 4 h settlements) are aligned by summing each symbol's per-cycle values into buckets of {@code bucketMs} by the
 * cycle's end time ({@code ⌊(end − 1) / bucket⌋}, so an 8 h bucket 00:00–08:00 takes the cycle ending at 08:00
 * and both 4 h cycles inside it). Pearson correlation over the buckets both symbols have (pairwise complete);
 * NaN with fewer than {@link #MIN_OVERLAP} common buckets or without dispersion.
 */
public final class Correlations {
    /** Fewest common buckets a correlation is computed on. */
    public static final int MIN_OVERLAP = 30;

    private Correlations() {
    }

    /**
     * A symmetric correlation matrix.
     *
     * @param symbols row/column order
     * @param correlation Pearson correlations ({@code 1} on the diagonal where defined)
     * @param overlap common buckets per pair
     * @param what what was correlated
     */
    public record Matrix(List<Symbol> symbols, double[][] correlation, int[][] overlap, String what) {
        /** Copies. */
        public Matrix {
            symbols = List.copyOf(symbols);
            correlation = deepCopy(correlation);
            int[][] o = new int[overlap.length][];
            for (int i = 0; i < o.length; i++) {
                o[i] = overlap[i].clone();
            }
            overlap = o;
        }

        /** Correlation of symbols {@code i} and {@code j}. */
        public double get(int i, int j) {
            return correlation[i][j];
        }

        /** Mean of the defined off-diagonal correlations, NaN when none. */
        public double meanOffDiagonal() {
            double s = 0;
            int c = 0;
            for (int i = 0; i < correlation.length; i++) {
                for (int j = i + 1; j < correlation.length; j++) {
                    if (Double.isFinite(correlation[i][j])) {
                        s += correlation[i][j];
                        c++;
                    }
                }
            }
            return c == 0 ? Double.NaN : s / c;
        }

        @Override
        public double[][] correlation() {
            return deepCopy(correlation);
        }

        private static double[][] deepCopy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /**
     * Correlation of the unit short-basis carry of each symbol over cycles starting in {@code [fromMs, toMs)}:
     * per tradable cycle {@code F_{k+1} − (b_end − b_start)/100} (funding settled at the cycle's end, basis
     * change), a fraction of notional — what one unit of the carry trade earned, before any sizing.
     */
    public static Matrix unitCarry(List<SymbolMarket> markets, long fromMs, long toMs, long bucketMs) {
        Checks.positive(bucketMs, "bucketMs");
        List<Symbol> symbols = new ArrayList<>();
        List<long[]> ends = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (SymbolMarket m : markets) {
            FundingCycles c = m.cycles();
            int a = c.lowerBound(fromMs);
            int b = c.lowerBound(toMs);
            long[] e = new long[Math.max(b - a, 0)];
            double[] v = new double[e.length];
            int cnt = 0;
            for (int k = a; k < b; k++) {
                if (!m.tradable(k) || k + 1 >= c.size() || c.startMs(k + 1) != c.endMs(k)) {
                    continue;
                }
                e[cnt] = c.endMs(k);
                v[cnt] = c.rate(k + 1) - (c.basisEnd(k) - c.basisStart(k)) / 100.0;
                cnt++;
            }
            symbols.add(m.symbol());
            ends.add(Arrays.copyOf(e, cnt));
            values.add(Arrays.copyOf(v, cnt));
        }
        return of(symbols, ends, values, bucketMs, "unit short-basis carry per " + bucketMs / 3_600_000L + " h");
    }

    /** Correlation of the sleeves' realised PnL (funding + basis − fees per cycle) of a portfolio run. */
    public static Matrix sleeves(PortfolioResult result, long bucketMs) {
        List<Symbol> symbols = new ArrayList<>();
        List<long[]> ends = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (SleeveResult s : result.sleeves()) {
            symbols.add(s.symbol());
            ends.add(s.ends());
            values.add(s.totals());
        }
        return of(symbols, ends, values, bucketMs, "sleeve PnL per " + bucketMs / 3_600_000L + " h");
    }

    /** Pairwise-complete Pearson correlation of bucketed series. */
    static Matrix of(List<Symbol> symbols, List<long[]> ends, List<double[]> values, long bucketMs, String what) {
        int q = symbols.size();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long[] e : ends) {
            if (e.length > 0) {
                lo = Math.min(lo, Math.floorDiv(e[0] - 1, bucketMs));
                hi = Math.max(hi, Math.floorDiv(e[e.length - 1] - 1, bucketMs));
            }
        }
        int buckets = lo == Long.MAX_VALUE ? 0 : Math.toIntExact(hi - lo + 1);
        double[][] x = new double[q][buckets];
        for (int i = 0; i < q; i++) {
            Arrays.fill(x[i], Double.NaN);
            long[] e = ends.get(i);
            double[] v = values.get(i);
            for (int k = 0; k < e.length; k++) {
                int b = (int) (Math.floorDiv(e[k] - 1, bucketMs) - lo);
                x[i][b] = Double.isNaN(x[i][b]) ? v[k] : x[i][b] + v[k];
            }
        }
        double[][] corr = new double[q][q];
        int[][] overlap = new int[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = i; j < q; j++) {
                double sx = 0;
                double sy = 0;
                int n = 0;
                for (int b = 0; b < buckets; b++) {
                    if (!Double.isNaN(x[i][b]) && !Double.isNaN(x[j][b])) {
                        sx += x[i][b];
                        sy += x[j][b];
                        n++;
                    }
                }
                double r = Double.NaN;
                if (n >= MIN_OVERLAP) {
                    double mx = sx / n;
                    double my = sy / n;
                    double cxy = 0;
                    double cxx = 0;
                    double cyy = 0;
                    for (int b = 0; b < buckets; b++) {
                        if (!Double.isNaN(x[i][b]) && !Double.isNaN(x[j][b])) {
                            double dx = x[i][b] - mx;
                            double dy = x[j][b] - my;
                            cxy += dx * dy;
                            cxx += dx * dx;
                            cyy += dy * dy;
                        }
                    }
                    r = cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : Double.NaN;
                }
                corr[i][j] = r;
                corr[j][i] = r;
                overlap[i][j] = n;
                overlap[j][i] = n;
            }
        }
        return new Matrix(symbols, corr, overlap, what);
    }
}
