/**
 * FairKit core: measure group fairness of a binary classifier's decisions.
 *
 * <p>Entry point: {@link org.fairkit.core.Fairness#of(org.fairkit.core.FairnessData)}. Build the input with
 * {@link org.fairkit.core.FairnessData#builder()}, configure groups, metrics and a reference group, and
 * {@code evaluate()} to get an immutable {@link org.fairkit.core.FairnessReport}. Evaluation is two steps: one
 * pass over the rows into per-group confusion counts ({@link org.fairkit.core.tally.GroupConfusion}), then
 * everything derived from those counts ({@link org.fairkit.core.GroupResults}). Interval estimators (fairness-stats)
 * plug in through {@link org.fairkit.core.IntervalEstimator}, which receives an
 * {@link org.fairkit.core.IntervalRequest}.
 *
 * <p>With scores, {@code Fairness.of(data)...scoreMetrics(...)} adds score metrics
 * ({@link org.fairkit.core.scores}) and {@code sweepThresholds(...)} the threshold sweep. Regression models have
 * their own front door, {@link org.fairkit.core.regression.RegressionFairness}, and multiclass classifiers
 * {@link org.fairkit.core.multiclass.MulticlassFairness}; {@link org.fairkit.core.catalog.MetricCatalog} lists every
 * metric.
 *
 * <p>The subpackages hold the other metric families and their front doors; {@code org.fairkit.core.internal} holds
 * the kernels and helpers the FairKit modules share, which are not API.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.core;
