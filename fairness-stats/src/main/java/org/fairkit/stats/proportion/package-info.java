/**
 * Closed-form confidence intervals for one rate and for the comparison of two rates.
 *
 * <p>Entry points: {@link org.fairkit.stats.proportion.ProportionInterval} (one rate: Wilson, Clopper-Pearson,
 * Agresti-Coull, Jeffreys, Wald) and {@link org.fairkit.stats.proportion.TwoProportionIntervals} (Newcombe's
 * hybrid score interval for {@code p1 - p2}, Katz' log interval for {@code p1 / p2}). Every interval is a
 * fairness-core {@link org.fairkit.core.metrics.Interval} with {@code draws = 0}.
 *
 * <p>The definitions match statsmodels 0.13.5 {@code proportion_confint} and {@code confint_proportions_2indep}
 * except where a class says FairKit deliberately differs (Jeffreys at the boundary, Wilson clamped to [0, 1]
 * against rounding, undefined instead of an exception for Katz with a zero count).
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.proportion;
