/**
 * Group fairness of regression models: per-group mean prediction, mean error (bias), MAE, MSE, RMSE and R²
 * ({@link org.fairkit.core.regression.RegressionMetrics}), their disparities, and the named regression fairness
 * metrics, bounded group loss and MAE parity ({@link org.fairkit.core.regression.RegressionFairnessMetric}).
 *
 * <p>Entry point: {@link org.fairkit.core.regression.RegressionFairness#of(RegressionData)} with
 * {@link org.fairkit.core.regression.RegressionData#builder()}. One pass over the rows tallies per-group
 * {@link org.fairkit.core.regression.ErrorSums} (mergeable through
 * {@link org.fairkit.core.regression.ErrorTally}); everything else is derived from them.
 *
 * <p>Stability: public API, evolving before 1.0; metric ids are stable.
 */
package org.fairkit.core.regression;
