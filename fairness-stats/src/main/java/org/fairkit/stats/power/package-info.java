/**
 * Power analysis for comparing two groups' rates: how likely an audit of given group sizes is to detect a
 * disparity, and the smallest disparity it can detect. Entry point:
 * {@link org.fairkit.stats.power.TwoProportionPower}; it matches statsmodels 0.13.5 {@code NormalIndPower} with
 * Cohen's h ({@code proportion_effectsize}).
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.power;
