package io.thermocarry.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.ScheduleStrategy;
import io.thermocarry.core.strategy.Side;
import io.thermocarry.core.strategy.SignalPath;
import org.junit.jupiter.api.Test;

/** The reference engine's PnL clipping and fee base as separate policies (used to decompose the published edge). */
class EngineRulePoliciesTest {
    private static final int N = 60;

    /** A market whose basis jumps by 10 % (beyond the 5 % clip) every tenth cycle and whose funding is 2 %. */
    private static FundingCycles wild() {
        double[] rates = new double[N];
        double[] basis = new double[N + 1];
        for (int k = 0; k < N; k++) {
            rates[k] = k % 7 == 0 ? 0.02 : 1e-4;
            basis[k + 1] = k % 10 == 0 ? basis[k] - 10.0 : basis[k] + 0.01;
        }
        return Markets.cycles(rates, basis);
    }

    @Test
    void referenceDefaults_clip_andTheRuleNamesTheFeeBase() {
        BacktestRequest r = BacktestRequest.of(wild(), SignalPath.none(N), NaiveStrategy.defaults(), FeeTier.REFERENCE,
                Compat.REFERENCE);
        assertEquals(PnlClipping.REFERENCE_CAPS, r.clipping());
        assertEquals(ReferenceFeeBase.STRATEGY_RULE, r.feeBase());
        BacktestRequest c = BacktestRequest.of(wild(), SignalPath.none(N), NaiveStrategy.defaults(), FeeTier.BPS_8,
                Compat.CAUSAL);
        assertEquals(PnlClipping.NONE, c.clipping());
        assertEquals(ReferenceFeeBase.TRADED_NOTIONAL, c.feeBase());
    }

    @Test
    void withoutClipping_referenceBooksTheFullFundingAndBasis_likeCausal() {
        ScheduleStrategy hold = ScheduleStrategy.constant(Side.SHORT_BASIS, 0.5, N);
        BacktestRequest ref = BacktestRequest.of(wild(), SignalPath.none(N), hold, FeeTier.ZERO, Compat.REFERENCE);
        BacktestResult clipped = BacktestEngine.run(ref);
        BacktestResult unclipped = BacktestEngine.run(ref.withClipping(PnlClipping.NONE));
        BacktestResult causal = BacktestEngine.run(ref.withClipping(PnlClipping.NONE)
                .withFeeBase(ReferenceFeeBase.TRADED_NOTIONAL));
        assertTrue(clipped.diagnostics().clippedBasisCycles() >= 5 && clipped.diagnostics().clippedFundingCycles() >= 5);
        assertEquals(0, unclipped.diagnostics().clippedBasisCycles());
        assertEquals(0, unclipped.diagnostics().clippedFundingCycles());
        for (int k = 0; k < N; k++) {
            double n0 = unclipped.ledger().notional(k);
            assertEquals(n0 * wild().rate(k), unclipped.ledger().funding(k), 1e-15, "funding " + k);
            assertEquals(-n0 * (wild().basisEnd(k) - wild().basisStart(k)) / 100, unclipped.ledger().basis(k), 1e-15);
            assertTrue(Math.abs(clipped.ledger().basis(k)) <= 0.05 * clipped.ledger().notional(k) + 1e-15);
        }
        assertEquals(unclipped.performance(), causal.performance(), "no rule names a fee base when fees are 0");
    }

    @Test
    void tradedNotionalFeeBase_chargesTheReferenceNaiveOnlyWhatChangesHands() {
        double[] rates = new double[N];
        java.util.Arrays.fill(rates, 1e-4);
        FundingCycles calm = Markets.cycles(rates, new double[N + 1]);
        BacktestRequest ref = BacktestRequest.of(calm, SignalPath.none(N), NaiveStrategy.defaults(), FeeTier.REFERENCE,
                Compat.REFERENCE);
        BacktestResult whole = BacktestEngine.run(ref);
        BacktestResult traded = BacktestEngine.run(ref.withFeeBase(ReferenceFeeBase.TRADED_NOTIONAL));
        double fee = 10 / 1e4;
        double wholeFees = 0;
        double tradedFees = 0;
        for (int k = 0; k < N; k++) {
            tradedFees += traded.ledger().traded(k) * fee;
            wholeFees += whole.ledger().fee(k);
        }
        assertTrue(wholeFees > 2 * traded.performance().pnl().fees(), "rebalances on the whole notional cost more");
        // the reference closes nothing at the end: that last change is counted in the traded column but not charged
        tradedFees -= traded.ledger().notional(N - 1) * fee;
        assertEquals(tradedFees, traded.performance().pnl().fees(), 1e-15, "fee = 10 bps × Σ|ΔN|");
    }

    @Test
    void causalMode_refusesClippingAndRuleFeeBases() {
        BacktestRequest c = BacktestRequest.of(wild(), SignalPath.none(N), NaiveStrategy.defaults(), FeeTier.BPS_8,
                Compat.CAUSAL);
        assertThrows(IllegalArgumentException.class, () -> c.withClipping(PnlClipping.REFERENCE_CAPS));
        assertThrows(IllegalArgumentException.class, () -> c.withFeeBase(ReferenceFeeBase.STRATEGY_RULE));
    }
}
