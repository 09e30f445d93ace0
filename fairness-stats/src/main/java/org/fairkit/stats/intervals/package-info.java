/**
 * Row-level interval machinery shared by the score and regression intervals: the result keyed by the reports' ids
 * ({@link org.fairkit.stats.intervals.MetricIntervals}), the settings and engine of the seeded stratified row
 * bootstrap ({@link org.fairkit.stats.intervals.RowBootstrap}, {@link org.fairkit.stats.intervals.RowResampler}),
 * and the closed-form simultaneous intervals of spreads, ratios and maxima over groups from independent per-group
 * estimates ({@link org.fairkit.stats.intervals.SpreadIntervals}).
 *
 * <p>Entry points: {@link org.fairkit.stats.scores.ScoreIntervals} and
 * {@link org.fairkit.stats.regression.RegressionIntervals}; this package holds what they share.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.intervals;
