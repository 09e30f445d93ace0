package org.fairkit.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * One row of a report's group × metric table.
 *
 * @param group the group
 * @param rows the number of rows in the group (never weighted)
 * @param small whether the group is below the minimum group size (reported, left out of disparities)
 * @param values each requested metric's value, in request order
 * @param intervals the interval of each value, where one was estimated
 */
public record GroupRow(GroupKey group, long rows, boolean small, Map<GroupMetric, MetricValue> values,
        Map<GroupMetric, Interval> intervals) {
    /** Validates and copies, keeping the metric order. */
    public GroupRow {
        Objects.requireNonNull(group, "group");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
    }

    /** @return the value of a metric in this group */
    public MetricValue value(GroupMetric metric) {
        MetricValue v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException(metric.id() + " was not requested; requested: "
                    + values.keySet().stream().map(GroupMetric::id).toList());
        }
        return v;
    }
}
