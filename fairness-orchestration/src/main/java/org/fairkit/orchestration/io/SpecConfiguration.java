package org.fairkit.orchestration.io;

import java.util.Map;
import org.fairkit.core.EvaluationSpec;

/**
 * The provenance configuration of a report derived from counts outside {@code Fairness.evaluate()}: the same keys,
 * in the same order, as core writes ({@code groupBy, metrics, fairnessMetrics, reference, minGroupSize,
 * zeroDivision, weighted, intervals, threads}, from {@link EvaluationSpec#configuration}), then {@code input}, saying
 * where the counts came from. Counts computed outside the rows carry no intervals or score metrics, and one thread.
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
        Map<String, String> m = spec.configuration(weighted, 1);
        m.remove("scoreMetrics");
        m.put("intervals", "none");
        m.put("input", input);
        return m;
    }
}
