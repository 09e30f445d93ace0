package org.fairkit.core.regression;

import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;

/** A metric of one group's regression errors, computed from its {@link ErrorSums}. Built-ins: {@link RegressionMetrics}. */
public interface RegressionMetric {
    /** @return the metric's metadata */
    MetricInfo info();

    /**
     * Computes the metric.
     *
     * @param group the group's error statistics
     * @return the value, or undefined with the reason
     */
    MetricValue compute(ErrorSums group);

    /** @return the metric's id, {@code info().id()} */
    default String id() {
        return info().id();
    }
}
