package org.fairkit.core;

import java.util.Objects;

/**
 * Something a reader of a report must know: nothing about data quality is ever silent.
 *
 * @param kind what sort of warning
 * @param message the warning, naming the metric and group concerned
 */
public record ReportWarning(Kind kind, String message) {

    /** The sorts of warning. */
    public enum Kind {
        /** A group is below the minimum group size and is left out of disparities. */
        SMALL_GROUP,
        /** A value is undefined (zero denominator). */
        UNDEFINED_VALUE,
        /** An undefined value was replaced by 0 under {@code ZeroDivision.ZERO}. */
        ZERO_SUBSTITUTED,
        /** A named fairness metric is undefined. */
        UNDEFINED_FAIRNESS_METRIC
    }

    /** Validates that both parts are present. */
    public ReportWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
