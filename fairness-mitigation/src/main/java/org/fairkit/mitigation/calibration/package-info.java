/**
 * Score calibration, globally or per group, and calibration metrics.
 *
 * <p><b>Calibrating.</b> The entry point is {@link org.fairkit.mitigation.calibration.Calibration}: pick a method
 * ({@code isotonic()}, {@code platt()}, {@code beta()}, {@code temperature()}, {@code histogram(bins, binning)}),
 * optionally {@code groupBy(features...)} with a {@code minGroupSize(n)}, and {@code fit(data)} to get an immutable
 * {@link org.fairkit.mitigation.calibration.Calibration.Fitted}; rows given as columns fit with
 * {@code fit(scores, labels[, groups][, weights])}, one map per group when a {@code groups} column is given:
 * <pre>{@code
 * Calibration.Fitted cal = Calibration.isotonic().groupBy("sex").fit(data);
 * double[] calibrated = cal.apply(newData);
 * double p = cal.apply(0.73, "Female");
 * }</pre>
 * The fitted maps ({@link org.fairkit.mitigation.calibration.ScoreMap} and its five implementations) expose what
 * was learned (thresholds, coefficients, temperature, bin rates).
 *
 * <p><b>Measuring.</b> {@link org.fairkit.mitigation.calibration.CalibrationMetrics} computes, overall and per
 * group, the Brier score, the log loss, expected and maximum calibration error and reliability-diagram data with
 * equal-width or equal-mass bins, and the disparities of these measures across groups.
 *
 * <p>Definitions follow scikit-learn 1.2 where it has one ({@code IsotonicRegression},
 * {@code CalibratedClassifierCV(method='sigmoid')}, {@code calibration_curve}, {@code brier_score_loss},
 * {@code log_loss}) and are checked against its values on the Adult data set. Stability: new in 0.1; the API may
 * still change before 1.0.
 */
package org.fairkit.mitigation.calibration;
