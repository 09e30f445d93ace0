package org.fairkit.orchestration.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;

/**
 * The provenance configuration of a report derived from counts outside {@code Fairness.evaluate()}: the same keys,
 * in the same order, as core writes ({@code groupBy, metrics, fairnessMetrics, reference, minGroupSize,
 * zeroDivision, weighted, intervals, threads}), then {@code input}, saying where the counts came from.
 */
public final class SpecConfiguration {
    private SpecConfiguration() {
    }

    /**
     * @param spec what was computed
     * @param weighted whether the counts are weighted
     * @param input where the counts came from, e.g. {@code streamed CSV data.csv}
     * @return the configuration map, in a fixed order
     */
    public static Map<String, String> of(EvaluationSpec spec, boolean weighted, String input) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("groupBy", String.join(",", spec.groupBy()));
        m.put("metrics", spec.metrics().stream().map(GroupMetric::id).collect(Collectors.joining(",")));
        m.put("fairnessMetrics", spec.fairnessMetrics().stream().map(FairnessMetric::id)
                .collect(Collectors.joining(",")));
        m.put("reference", spec.reference().map(r -> String.join(",", r)).orElse("none"));
        m.put("minGroupSize", Integer.toString(spec.minGroupSize()));
        m.put("zeroDivision", spec.zeroDivision().name());
        m.put("weighted", Boolean.toString(weighted));
        m.put("intervals", "none");
        m.put("threads", "1");
        m.put("input", input);
        return m;
    }
}
