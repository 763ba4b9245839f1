package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.features.FeatureEngine;
import io.thermocarry.core.features.FeatureFrame;
import io.thermocarry.core.features.MicroInputs;
import io.thermocarry.core.features.VetoPath;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.store.Store;
import java.time.Instant;

/**
 * A symbol's cycles and signal path ready for backtests, built the way the compat mode says.
 * Causal: every cycle before {@code to}, signals warmed up on history before {@code from}, evaluation from the
 * first cycle at or after {@code from}. Reference: the reference's own cycle construction over the range only,
 * evaluation from its first signal cycle (as its backtests do).
 *
 * @param firstCycle first cycle of the evaluation window (earlier cycles are history only)
 * @param accrual the funding convention of the compat mode: causal pays the rate settled at the cycle's end
 *     (the exchange pays whoever is open at the settlement instant, and a decision taken at t_k cannot have
 *     been open at t_k); reference pays the rate settled at its start, as the reference code does
 * @param features causal mode: the microstructure features at every cycle start (SPEC §8); null in reference mode
 * @param vetoes causal mode: the vetoes of {@code features} (applied to {@code path} under {@code full+veto}, the
 *     desk's spread/depth gates in every configuration); null in reference mode
 */
record Prepared(Symbol symbol, Compat compat, FundingCycles cycles, SignalRun run, SignalPath path, int firstCycle,
        FundingAccrual accrual, FeatureFrame features, VetoPath vetoes) {

    static Prepared of(Store store, Symbol symbol, Instant from, Instant to, Compat compat, SignalOptions o) {
        var config = o.regimeConfig();
        if (compat == Compat.REFERENCE && config.hasVetoes()) {
            throw new UsageError("--config full+veto is causal only: the reference code has no microstructure layer");
        }
        if (compat == Compat.REFERENCE) {
            // the reference's inputs are exactly the range: no look-back (its windows count rows from the start)
            MarketLoader.Loaded l = MarketLoader.load(store, symbol, from, to, java.time.Duration.ZERO);
            var ref = ReferenceCycleBuilder.fromProductData(l.funding(), l.basis(), o.kappa());
            SignalRun run = SignalRunner.runReference(ref, o.signalSpec(), o.regimeSpec(), config);
            FundingCycles c = ref.cycles();
            // the reference's backtests (physics, naive, threshold) start at its first signal cycle
            int first = run.size() > 0 ? run.cycleIndex(0) : c.size();
            return new Prepared(symbol, compat, c, run, SignalPath.of(run, c.size()), first,
                    FundingAccrual.RATE_AT_CYCLE_START, null, null);
        }
        return causal(store, MarketLoader.load(store, symbol, null, to), from, to, o);
    }

    /** Causal preparation from a market loaded with all history before {@code to}, with its microstructure data. */
    static Prepared causal(Store store, MarketLoader.Loaded l, Instant from, Instant to, SignalOptions o) {
        FundingCycles cycles = l.cycles();
        // features at every cycle start: the cycles run from the first stored settlement, so the micro data is
        // loaded from the first cycle on (the percentile windows look back from each decision)
        Instant microFrom = cycles.size() == 0 ? from : Instant.ofEpochMilli(cycles.startMs(0));
        // decisions use a perp-spot proxy premium only when asked (--premium proxy): 'auto' means the index here
        String premium = o.veto.premiumChoice().equals("proxy") ? "proxy" : "index";
        MicroInputs in = MicroLoader.load(store, l.symbol(), l.funding(), microFrom, to,
                o.veto.featureSpec().window().plusDays(2), premium);
        return causal(l, from, o, in);
    }

    /**
     * Causal preparation from a market already loaded with all history before {@code to}, without microstructure
     * data: every feature is "not evaluated" (the desk's gates pass as such and are counted; under
     * {@code full+veto} nothing is vetoed and every decision reports its vetoes as not evaluated).
     */
    static Prepared causal(MarketLoader.Loaded l, Instant from, SignalOptions o) {
        return causal(l, from, o, MicroInputs.none(l.funding()));
    }

    /** Causal preparation from a loaded market and its microstructure inputs. */
    static Prepared causal(MarketLoader.Loaded l, Instant from, SignalOptions o, MicroInputs in) {
        Symbol symbol = l.symbol();
        var config = o.regimeConfig();
        SignalRun run = SignalRunner.run(l.cycles(), l.basis(), o.signalSpec(), o.regimeSpec(), o.regimeConfig(),
                Compat.CAUSAL);
        FundingCycles c = l.cycles();
        int first = from == null ? 0 : c.lowerBound(from.toEpochMilli());
        FeatureFrame frame = FeatureEngine.atCycles(in, c, o.veto.featureSpec());
        VetoPath vetoes = VetoPath.evaluate(frame, o.veto.vetoSpec());
        SignalPath path = config.hasVetoes()
                ? SignalPath.of(run, c.size(), vetoes, o.regimeSpec().exposureNess())
                : SignalPath.of(run, c.size()).withGates(vetoes);
        return new Prepared(symbol, Compat.CAUSAL, c, run, path, first, FundingAccrual.RATE_AT_CYCLE_END, frame, vetoes);
    }

    /** The same preparation without the veto overlay ({@code full} for a {@code full+veto} run): the baseline. */
    Prepared withoutVetoes() {
        if (vetoes == null || !path.vetoesApplied()) {
            return this;
        }
        // the full+veto run's regimes and exposures are the full classification's (RegimeConfig.classification)
        SignalPath base = SignalPath.baselineWithoutVetoes(run, cycles.size()).withGates(vetoes);
        return new Prepared(symbol, compat, cycles, run, base, firstCycle, accrual, features, vetoes);
    }
}
