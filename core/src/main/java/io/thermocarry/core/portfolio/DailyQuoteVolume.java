package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;
import java.util.Arrays;

/**
 * Quote volume of one market per UTC day, from its bars: {@code Σ volume × close} over the bars that opened
 * in the day (volume in base asset, close in quote currency, so the sum is in quote currency, USDT for the
 * symbols here). A day's total is known at the day's end (its last bar closes then), and only then.
 *
 * <p>Days without a single bar inside the covered span count as 0: no data is no evidence of liquidity, which
 * is what a universe filter should see over a data hole.
 */
public final class DailyQuoteVolume {
    static final long DAY_MS = 86_400_000L;

    private final long firstDay;
    private final double[] quote;

    private DailyQuoteVolume(long firstDay, double[] quote) {
        this.firstDay = firstDay;
        this.quote = quote;
    }

    /** Daily sums of {@code bars} (empty for an empty series). */
    public static DailyQuoteVolume of(BarSeries bars) {
        Checks.notNull(bars, "bars");
        int n = bars.size();
        if (n == 0) {
            return new DailyQuoteVolume(0, new double[0]);
        }
        long first = Math.floorDiv(bars.openTimeMs(0), DAY_MS);
        long last = Math.floorDiv(bars.openTimeMs(n - 1), DAY_MS);
        double[] q = new double[Math.toIntExact(last - first + 1)];
        long[] t = bars.openTimes();
        double[] c = bars.closes();
        double[] v = bars.volumes();
        for (int i = 0; i < n; i++) {
            q[(int) (Math.floorDiv(t[i], DAY_MS) - first)] += v[i] * c[i];
        }
        return new DailyQuoteVolume(first, q);
    }

    /** Number of days from the first to the last day with a bar. */
    public int days() {
        return quote.length;
    }

    /**
     * Median daily quote volume over the UTC days that lie wholly inside {@code [fromMs, toMs]} (a day counts
     * when it starts at or after {@code fromMs} and ends at or before {@code toMs}); days outside the covered
     * span or without bars count as 0. NaN when the window holds no whole day.
     */
    public double median(long fromMs, long toMs) {
        long d0 = Math.floorDiv(fromMs + DAY_MS - 1, DAY_MS);
        long d1 = Math.floorDiv(toMs, DAY_MS);
        int count = (int) Math.max(0, d1 - d0);
        if (count == 0) {
            return Double.NaN;
        }
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
            long day = d0 + i - firstDay;
            w[i] = day >= 0 && day < quote.length ? quote[(int) day] : 0.0;
        }
        Arrays.sort(w);
        return count % 2 == 1 ? w[count / 2] : 0.5 * (w[count / 2 - 1] + w[count / 2]);
    }
}
