package org.fairkit.stats.tests;

import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * The outcome of a significance test: its statistic and p-value, each defined or undefined with a reason.
 *
 * @param method the test, e.g. "two-proportion z test (pooled)"
 * @param statistic the test statistic
 * @param pValue the p-value, in [0, 1] when defined
 */
public record TestResult(String method, MetricValue statistic, MetricValue pValue) {

    /** Checks that no component is null and that a defined p-value lies in [0, 1]. */
    public TestResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(pValue, "pValue");
        if (pValue.isDefined() && !(pValue.value() >= 0 && pValue.value() <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue.value());
        }
    }

    /** @return whether the p-value is defined and {@code <= alpha} */
    public boolean rejectsAt(double alpha) {
        return pValue.isDefined() && pValue.value() <= alpha;
    }
}
