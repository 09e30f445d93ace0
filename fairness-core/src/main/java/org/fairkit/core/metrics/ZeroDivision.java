package org.fairkit.core.metrics;

/**
 * What to do when a metric's denominator is zero, as scikit-learn's {@code zero_division} parameter.
 *
 * <p>Fairlearn and scikit-learn default to returning 0 (with a warning) for, e.g., the true positive rate of a
 * group without positives; AIF360 returns NaN. FairKit's default is {@link #UNDEFINED}.
 */
public enum ZeroDivision {
    /** Report the value as undefined with the reason (NaN in primitive accessors) and warn. The default. */
    UNDEFINED,
    /** Report 0.0, as scikit-learn / Fairlearn do, and still warn that the value was substituted. */
    ZERO,
    /** Throw {@link UndefinedMetricException} naming the metric, the group and the reason. */
    ERROR
}
