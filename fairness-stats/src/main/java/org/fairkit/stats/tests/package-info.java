/**
 * Significance tests for fairness questions: are two groups' rates different, are outcomes independent of the
 * group, is an observed disparity larger than chance would give, are the groups' spreads equal.
 *
 * <p>Entry points: {@link org.fairkit.stats.tests.ProportionTests} (two-proportion z test, Fisher's exact test),
 * {@link org.fairkit.stats.tests.ContingencyTests} (Pearson chi-squared and G tests of independence, with
 * scipy's Yates rule), {@link org.fairkit.stats.tests.PermutationTest} (seeded permutation test of any
 * disparity of a count-based metric, in count space) and {@link org.fairkit.stats.tests.VarianceTests}
 * (Levene and Brown-Forsythe). Results are immutable values whose statistic and p-value are
 * {@link org.fairkit.core.metrics.MetricValue}s: undefined with a reason, never a silent NaN.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.tests;
