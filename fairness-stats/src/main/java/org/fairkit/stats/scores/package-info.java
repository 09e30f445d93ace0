/**
 * Intervals for score metrics (ROC AUC, Brier score, log loss, mean score, calibration ratio, average precision,
 * expected calibration error) per group, overall and for their disparities.
 *
 * <p>Entry point: {@link org.fairkit.stats.scores.ScoreIntervals} ({@code delong(level)} for the AUC in closed form,
 * {@code bootstrap(RowBootstrap)} for every score metric); {@link org.fairkit.stats.scores.DeLong} is the AUC with
 * DeLong's variance for one set of rows; {@link org.fairkit.stats.scores.ExpectedCalibrationError} defines the ECE.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.scores;
