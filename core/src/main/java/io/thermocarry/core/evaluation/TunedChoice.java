package io.thermocarry.core.evaluation;

import io.thermocarry.core.backtest.FeeTier;

/**
 * The grid point the tuning criterion ({@link TuneGrid}) picked for one fold and fee tier, from the fold's
 * training cycles only, with the training figures it was picked on.
 *
 * @param tier fee tier the candidates were run at
 * @param point index into the grid
 * @param relaxationDanger chosen NESS threshold on the relaxation ratio
 * @param baseFraction chosen base fraction of capital
 * @param trainingReturn chosen point's total return over the training cycles
 * @param trainingMaxDrawdown its maximum drawdown there (fraction)
 * @param trainingSharpe its annualised Sharpe there
 * @param withinBudget whether it met the drawdown budget (otherwise it was the smallest-drawdown point)
 */
public record TunedChoice(FeeTier tier, int point, double relaxationDanger, double baseFraction,
        double trainingReturn, double trainingMaxDrawdown, double trainingSharpe, boolean withinBudget) {
}
