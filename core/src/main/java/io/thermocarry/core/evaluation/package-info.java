/**
 * Out-of-sample evaluation (SPEC §9): the desk's verdict on whether regime sizing beats naive carry, after
 * fees, with uncertainty.
 *
 * <p>{@link io.thermocarry.core.evaluation.SymbolEvaluator} runs one symbol: walk-forward folds
 * ({@link io.thermocarry.core.evaluation.WalkForwardSpec}: 360 training cycles, then 90 test cycles, rolled
 * forward by the test length), every strategy × regime configuration × fee tier × compat mode as one
 * continuous out-of-sample book over the stitched test folds, anything fitted taken from the training part only
 * ({@link io.thermocarry.core.evaluation.FoldFit}), the relaxation-bucket test
 * ({@link io.thermocarry.core.evaluation.RelaxationBuckets}), the paired circular block bootstrap of Sharpe
 * differences ({@link io.thermocarry.core.evaluation.BlockBootstrap}) and the step-by-step account of where
 * the published edge comes from ({@link io.thermocarry.core.evaluation.EdgeDecomposition}). Metrics come
 * from {@link io.thermocarry.core.backtest.Performance}; nothing here re-implements the engine.
 *
 * <p>Money is in units of starting capital (1.0); per-cycle carry in the bucket test is a fraction of notional.
 */
package io.thermocarry.core.evaluation;
