package org.fairkit.core.metrics;

/** What a metric needs from the data. */
public enum Requirement {
    /** True labels. */
    LABELS,
    /** Hard predictions. */
    PREDICTIONS,
    /** Scores or probabilities. */
    SCORES,
    /** The rows themselves, not only per-group counts (ranking metrics, AUC, consistency). */
    ROWS,
    /** A reference (privileged) group. */
    REFERENCE_GROUP
}
