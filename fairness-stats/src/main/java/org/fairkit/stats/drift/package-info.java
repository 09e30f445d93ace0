/**
 * Drift: has the distribution of scores, features or a metric changed between a reference window and a current
 * one? Entry points: {@link org.fairkit.stats.drift.DistributionDrift} (two-sample Kolmogorov-Smirnov,
 * chi-squared homogeneity of binned counts, population stability index),
 * {@link org.fairkit.stats.drift.MaximumMeanDiscrepancy} (kernel two-sample test with a seeded permutation
 * p-value), {@link org.fairkit.stats.drift.Sprt} (Wald's sequential probability ratio test for a rate) and
 * {@link org.fairkit.stats.drift.Cusum} (Page's CUSUM change-point detection on a metric series).
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.drift;
