package io.thermocarry.core.execution;

import io.thermocarry.core.backtest.Markets;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import java.time.Duration;
import java.util.function.LongToDoubleFunction;

/**
 * Hand-made 1 m markets for fixtures: spot at a constant 100, perp close {@code 100·(1 + b(close)/100)}, perp open
 * the previous perp close plus {@link #OPEN_OFFSET} (so a fill at an open is told apart from the close before
 * it), from {@code T0 − history} to {@code T0 + cycles·hours + 1 h}. Cycles from {@link Markets} at {@code T0}.
 */
final class HandMarket {
    static final long T0 = Markets.T0;
    static final long MIN = 60_000L;
    static final long HOUR = 3_600_000L;
    static final double OPEN_OFFSET = 0.001;

    private HandMarket() {
    }

    /** 1 m spot and perp bars whose close-basis is {@code basis.applyAsDouble(closeMs)} (percent). */
    static BarSeries[] bars(LongToDoubleFunction basis, long fromMs, long toMs) {
        int n = (int) ((toMs - fromMs) / MIN);
        long[] t = new long[n];
        double[] so = new double[n];
        double[] sc = new double[n];
        double[] po = new double[n];
        double[] pc = new double[n];
        double prevPerp = 100.0 * (1 + basis.applyAsDouble(fromMs) / 100.0);
        for (int i = 0; i < n; i++) {
            t[i] = fromMs + i * MIN;
            so[i] = 100.0;
            sc[i] = 100.0;
            pc[i] = 100.0 * (1 + basis.applyAsDouble(t[i] + MIN) / 100.0);
            po[i] = prevPerp + OPEN_OFFSET;
            prevPerp = pc[i];
        }
        double[] ph = new double[n];
        double[] pl = new double[n];
        for (int i = 0; i < n; i++) {
            ph[i] = Math.max(po[i], pc[i]);
            pl[i] = Math.min(po[i], pc[i]);
        }
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0);
        var sym = Markets.SYMBOL;
        return new BarSeries[] {
            new BarSeries(sym, Market.PERP, BarInterval.M1, t, po, ph, pl, pc, v),
            new BarSeries(sym, Market.SPOT, BarInterval.M1, t.clone(), so, sc.clone(), sc.clone(), sc, v.clone())};
    }

    /** State over {@code [T0 − history, T0 + span + 1 h)} with a 24 h median window. */
    static IntradayState state(LongToDoubleFunction basis, long span) {
        BarSeries[] b = bars(basis, T0 - 24 * HOUR, T0 + span + HOUR);
        return IntradayState.build(b[0], b[1], null, null, Duration.ofHours(24));
    }

    /** {@code k} contiguous cycles of {@code hours} from T0 with settlement marks. */
    static FundingCycles cycles(double[] rates, double[] basisStarts, double[] marks, int hours) {
        double[] h = new double[rates.length];
        java.util.Arrays.fill(h, hours);
        return Markets.cycles(rates, basisStarts, marks, h);
    }
}
