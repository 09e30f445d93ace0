package org.fairkit.core.scores;

import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;

/**
 * A metric computed for one group from its scores, labels and weights (through the group's
 * {@link ScoreSummary}). The built-in ones are {@link ScoreMetrics}.
 */
public interface ScoreMetric {
    /** @return the metric's metadata */
    MetricInfo info();

    /**
     * Computes the metric.
     *
     * @param group the group's score statistics
     * @return the value, or undefined with the reason
     */
    MetricValue compute(ScoreSummary group);

    /** @return the metric's id, {@code info().id()} */
    default String id() {
        return info().id();
    }
}
