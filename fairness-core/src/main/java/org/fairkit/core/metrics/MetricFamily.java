package org.fairkit.core.metrics;

/** The kind of quantity a metric is. */
public enum MetricFamily {
    /** Sizes and shares of groups. */
    DESCRIPTIVE,
    /** Rates of the confusion matrix conditioned on the true label (TPR, FPR, ...). */
    ERROR_RATE,
    /** Rates conditioned on the prediction (PPV, NPV, ...). */
    PREDICTIVE_VALUE,
    /** Overall performance (accuracy, F1, ...). */
    PERFORMANCE,
    /** Between-group comparisons of a group metric. */
    DISPARITY
}
