package io.thermocarry.core.features;

import io.thermocarry.core.market.Symbol;
import java.util.EnumMap;
import java.util.Map;

/**
 * The features at each decision in column form (SPEC §8). Row {@code i} is decision time {@code timeMs(i)};
 * every value is what was known at that time, except {@link #settledFunding} and {@link #predictionError}, which
 * are filled in after the fact to judge the prediction and never feed a veto. Undefined values are NaN.
 *
 * <p>Units: spreads in bps of mid; depth in USDT (bid + ask notional inside the band); OI change in percent of
 * the earlier OI; rates as fractions per interval; liquidations in USDT; percentiles 0..100 (mean rank against
 * the past window). For each feature, {@link #noData} says a decision had no (fresh) data, {@link #noHistory} that
 * the value existed but its past held fewer than {@code minHistory} values: both make the feature <em>not
 * evaluated</em> at that decision.
 */
public final class FeatureFrame {
    private final Symbol symbol;
    private final PremiumSource premiumSource;
    final long[] time;
    final long[] interval;
    final double[] spreadPerpBps;
    final double[] spreadPerpPct;
    final double[] spreadSpotBps;
    final double[] spreadSpotPct;
    final double[] depth1;
    final double[] depth2;
    final double[] depth5;
    final double[] depth1Pct;
    final double[] oiChangePct;
    final double[] oiZscore;
    final double[] oiPct;
    final double[] predictedFunding;
    final int[] predictionPoints;
    final double[] settledFunding;
    final double[] liquidationUsd;
    final double[] liquidationPct;
    final int[] noData;
    final int[] noHistory;

    FeatureFrame(Symbol symbol, PremiumSource premiumSource, long[] time, long[] interval) {
        this.symbol = symbol;
        this.premiumSource = premiumSource;
        int n = time.length;
        this.time = time.clone();
        this.interval = interval.clone();
        spreadPerpBps = nan(n);
        spreadPerpPct = nan(n);
        spreadSpotBps = nan(n);
        spreadSpotPct = nan(n);
        depth1 = nan(n);
        depth2 = nan(n);
        depth5 = nan(n);
        depth1Pct = nan(n);
        oiChangePct = nan(n);
        oiZscore = nan(n);
        oiPct = nan(n);
        predictedFunding = nan(n);
        predictionPoints = new int[n];
        settledFunding = nan(n);
        liquidationUsd = nan(n);
        liquidationPct = nan(n);
        noData = new int[n];
        noHistory = new int[n];
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    public Symbol symbol() {
        return symbol;
    }

    /** What the predicted funding was computed from (a proxy is labelled so). */
    public PremiumSource premiumSource() {
        return premiumSource;
    }

    /** Decisions. */
    public int size() {
        return time.length;
    }

    /** Decision time, epoch ms. */
    public long timeMs(int i) {
        return time[i];
    }

    /** Funding interval in force at the decision, ms. */
    public long intervalMs(int i) {
        return interval[i];
    }

    /** Perp quoted spread, bps of mid. */
    public double spreadPerpBps(int i) {
        return spreadPerpBps[i];
    }

    /** Percentile of the perp spread against its past window. */
    public double spreadPerpPercentile(int i) {
        return spreadPerpPct[i];
    }

    /** Spot quoted spread, bps of mid. */
    public double spreadSpotBps(int i) {
        return spreadSpotBps[i];
    }

    /** Percentile of the spot spread against its past window. */
    public double spreadSpotPercentile(int i) {
        return spreadSpotPct[i];
    }

    /** Book notional within ±1 % of mid (bid + ask), USDT. */
    public double depthNotional1pct(int i) {
        return depth1[i];
    }

    /** Book notional within ±2 % of mid, USDT. */
    public double depthNotional2pct(int i) {
        return depth2[i];
    }

    /** Book notional within ±5 % of mid, USDT. */
    public double depthNotional5pct(int i) {
        return depth5[i];
    }

    /** Percentile of the ±1 % depth against its past window (low = thin). */
    public double depthPercentile(int i) {
        return depth1Pct[i];
    }

    /** Open-interest change over the horizon ending at the decision, percent. */
    public double oiChangePct(int i) {
        return oiChangePct[i];
    }

    /** z-score of the OI change against the past window's changes (population std). */
    public double oiZscore(int i) {
        return oiZscore[i];
    }

    /** Percentile of the OI change against its past window. */
    public double oiPercentile(int i) {
        return oiPct[i];
    }

    /** Predicted rate of the next settlement, fraction per interval (see {@link FundingFormula}). */
    public double predictedFunding(int i) {
        return predictedFunding[i];
    }

    /** Premium points the prediction used (0 when not evaluated). */
    public int predictionPoints(int i) {
        return predictionPoints[i];
    }

    /** Ex post: the rate actually settled at the end of the decision's interval (NaN if not in the data). */
    public double settledFunding(int i) {
        return settledFunding[i];
    }

    /** Ex post: predicted − settled, fraction per interval. */
    public double predictionError(int i) {
        return predictedFunding[i] - settledFunding[i];
    }

    /** Liquidated notional over the horizon ending at the decision, USDT. */
    public double liquidationUsd(int i) {
        return liquidationUsd[i];
    }

    /** Percentile of the liquidation notional against the previous intervals of the window. */
    public double liquidationPercentile(int i) {
        return liquidationPct[i];
    }

    /** Whether {@code f} lacked data at decision i. */
    public boolean noData(int i, Feature f) {
        return (noData[i] & f.bit()) != 0;
    }

    /** Whether {@code f} had a value but too short a past at decision i. */
    public boolean noHistory(int i, Feature f) {
        return (noHistory[i] & f.bit()) != 0;
    }

    /** Whether {@code f} is not evaluated at decision i (no data or no history). */
    public boolean notEvaluated(int i, Feature f) {
        return ((noData[i] | noHistory[i]) & f.bit()) != 0;
    }

    /** Decisions at which each feature was not evaluated. */
    public Map<Feature, Integer> notEvaluatedCounts() {
        Map<Feature, Integer> m = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            int c = 0;
            for (int i = 0; i < size(); i++) {
                if (notEvaluated(i, f)) {
                    c++;
                }
            }
            m.put(f, c);
        }
        return m;
    }

    /** Decisions at which each feature had no data (a subset of {@link #notEvaluatedCounts()}). */
    public Map<Feature, Integer> noDataCounts() {
        Map<Feature, Integer> m = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            int c = 0;
            for (int i = 0; i < size(); i++) {
                if (noData(i, f)) {
                    c++;
                }
            }
            m.put(f, c);
        }
        return m;
    }
}
