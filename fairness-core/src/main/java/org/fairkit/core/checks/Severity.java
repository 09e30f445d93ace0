package org.fairkit.core.checks;

/** How serious a {@link Finding} is, in increasing order. */
public enum Severity {
    /** A note: something was not assessed, or is worth knowing, but nothing failed. */
    INFO,
    /** A threshold of concern is crossed: look into it before relying on group metrics. */
    WARNING,
    /** A threshold that should stop the pipeline is crossed (a data quality gate fails here by default). */
    CRITICAL
}
