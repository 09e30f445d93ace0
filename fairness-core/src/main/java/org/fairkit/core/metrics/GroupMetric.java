package org.fairkit.core.metrics;

import org.fairkit.core.tally.CellCounts;

/**
 * A metric computed for one group from its confusion counts (and, for shares, the counts of all rows).
 *
 * <p>The catalog of built-in group metrics is {@link Metrics}.
 */
public interface GroupMetric {
    /** @return the metric's metadata */
    MetricInfo info();

    /**
     * Computes the metric.
     *
     * @param group the group's counts
     * @param all the counts of all rows (used by shares such as {@link Metrics#PREDICTED_POSITIVE_SHARE})
     * @return the value, or undefined with the reason
     */
    MetricValue compute(CellCounts group, CellCounts all);

    /** @return the metric's id, {@code info().id()} */
    default String id() {
        return info().id();
    }
}
