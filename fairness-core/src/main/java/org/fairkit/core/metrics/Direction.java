package org.fairkit.core.metrics;

/** Which values of a metric are better, so reports and policies can tell good news from bad. */
public enum Direction {
    /** Larger is better (accuracy, true positive rate). */
    HIGHER_IS_BETTER,
    /** Smaller is better (error rate, false positive rate). */
    LOWER_IS_BETTER,
    /** Zero means parity (differences). */
    ZERO_IS_PARITY,
    /** One means parity (ratios). */
    ONE_IS_PARITY,
    /** No direction: descriptive quantities (counts, base rates, selection rates). */
    NONE
}
