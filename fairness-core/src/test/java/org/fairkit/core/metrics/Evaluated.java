package org.fairkit.core.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;

/**
 * One group metric as the library reports it for a {@link Case}, through the front door
 * ({@code Fairness.of(data).groupBy(...).metrics(metric).evaluate()}).
 *
 * @param byGroup each group's value, keyed by its levels, in report order
 * @param overall the value over all rows
 * @param report the whole report
 */
record Evaluated(Map<List<String>, MetricValue> byGroup, MetricValue overall, FairnessReport report) {

    static Evaluated of(Metrics metric, Case c) {
        return of(metric, c, 0);
    }

    static Evaluated of(Metrics metric, Case c, int minGroupSize) {
        FairnessReport report = Fairness.of(c.data()).groupBy(c.groupBy().toArray(new String[0])).metrics(metric)
                .fairnessMetrics().minGroupSize(minGroupSize).evaluate();
        Map<List<String>, MetricValue> values = new LinkedHashMap<>();
        for (GroupKey g : report.groups()) {
            values.put(g.levels(), report.value(metric, g));
        }
        return new Evaluated(values, report.overall(metric), report);
    }
}
