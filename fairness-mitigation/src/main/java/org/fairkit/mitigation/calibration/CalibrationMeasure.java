package org.fairkit.mitigation.calibration;

import org.fairkit.core.metrics.MetricValue;

/**
 * The calibration measures a {@link CalibrationReport} compares across groups. Lower is better for all four.
 */
public enum CalibrationMeasure {
    /** Brier score, {@link CalibrationSummary#brier()}. */
    BRIER("brier_score"),
    /** Log loss, {@link CalibrationSummary#logLoss()}. */
    LOG_LOSS("log_loss"),
    /** Expected calibration error, {@link CalibrationSummary#ece()}. */
    ECE("expected_calibration_error"),
    /** Maximum calibration error, {@link CalibrationSummary#mce()}. */
    MCE("maximum_calibration_error");

    private final String id;

    CalibrationMeasure(String id) {
        this.id = id;
    }

    /** @return the stable id, e.g. {@code expected_calibration_error} */
    public String id() {
        return id;
    }

    /** @return this measure's value in a summary */
    public MetricValue of(CalibrationSummary s) {
        return switch (this) {
            case BRIER -> s.brier();
            case LOG_LOSS -> s.logLoss();
            case ECE -> s.ece();
            case MCE -> s.mce();
        };
    }
}
