package org.fairkit.stats.tests;

import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * The outcome of a chi-squared-type test on a contingency table.
 *
 * @param method the test, e.g. "Pearson chi-squared (Yates)"
 * @param statistic the statistic, undefined when an expected frequency is 0
 * @param pValue {@code P(χ²(dof) >= statistic)}
 * @param degreesOfFreedom {@code (rows - 1)(columns - 1)}
 * @param yatesApplied whether Yates' continuity correction was applied (asked for and {@code dof == 1})
 */
public record ContingencyResult(String method, MetricValue statistic, MetricValue pValue, int degreesOfFreedom,
        boolean yatesApplied) {

    /** Checks for nulls and a positive number of degrees of freedom. */
    public ContingencyResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(pValue, "pValue");
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degreesOfFreedom must be >= 1, got " + degreesOfFreedom);
        }
    }

    /** @return the result as a plain {@link TestResult} */
    public TestResult toTestResult() {
        return new TestResult(method, statistic, pValue);
    }
}
