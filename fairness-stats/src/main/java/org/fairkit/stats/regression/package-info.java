/**
 * Intervals for regression metrics (mean prediction, mean target, mean error, MAE, MSE, RMSE, R²) per group,
 * overall, for their disparities and for the named regression fairness metrics (bounded group loss, MAE parity).
 *
 * <p>Entry point: {@link org.fairkit.stats.regression.RegressionIntervals} ({@code closedForm(level)}: t intervals
 * with the sandwich variance; {@code bootstrap(RowBootstrap)}: a stratified row bootstrap).
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.regression;
