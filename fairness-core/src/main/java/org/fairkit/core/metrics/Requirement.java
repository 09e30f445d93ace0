package org.fairkit.core.metrics;

/** What a metric needs from the data. */
public enum Requirement {
    /** True labels (binary, or class codes for multiclass one-vs-rest metrics). */
    LABELS,
    /** Predictions: hard 0/1 decisions, class codes, or real values for regression metrics. */
    PREDICTIONS,
    /** Scores or probabilities. */
    SCORES,
    /** The rows themselves, not only per-group counts (ranking metrics, AUC, consistency). */
    ROWS,
    /** A reference (privileged) group. */
    REFERENCE_GROUP,
    /** Real-valued true targets (regression). */
    TARGETS,
    /** Positions of the rows in a ranking (1 = top). */
    RANKS,
    /** Non-sensitive features of the rows (for similarity between individuals). */
    FEATURES
}
