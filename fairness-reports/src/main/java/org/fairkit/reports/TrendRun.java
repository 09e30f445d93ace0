package org.fairkit.reports;

import java.time.Instant;
import java.util.Objects;
import org.fairkit.core.FairnessReport;

/**
 * One earlier audit run, as the documents' trend section takes it: when it ran, a label for people (a model
 * version, a run id, a week), and its report. A plain value, independent of where runs are stored: the history
 * store, files of earlier runs, or a test.
 *
 * @param time when the run was evaluated
 * @param label its label, e.g. {@code v6} or {@code 2026-W48}
 * @param report its report (of the same grouping as the current one)
 */
public record TrendRun(Instant time, String label, FairnessReport report) {
    /** Validates that every part is present and the label is not blank. */
    public TrendRun {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(report, "report");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a trend run's label must not be blank");
        }
    }
}
