/**
 * Group metrics of scores (probabilities of the positive label): ROC AUC, average precision, Brier score, log
 * loss, mean score and calibration ratio ({@link org.fairkit.core.scores.ScoreMetrics}), and the threshold sweep
 * ({@link org.fairkit.core.scores.ThresholdSweep}) that gives every confusion metric as a function of the decision
 * threshold.
 *
 * <p>Entry point: {@code Fairness.of(data).groupBy(...).scoreMetrics(ScoreMetrics.ROC_AUC, ...).evaluate()} for a
 * report with a score table and its disparities, and {@code Fairness.of(data).groupBy(...).sweepThresholds(...)}
 * for a sweep. Both rest on an internal kernel ({@code org.fairkit.core.internal.ScoreKernel}) that sorts the rows by group and score
 * once (a radix sort, O(n)) and summarizes each group in one pass.
 *
 * <p>Stability: public API, evolving before 1.0; metric ids are stable.
 */
package org.fairkit.core.scores;
