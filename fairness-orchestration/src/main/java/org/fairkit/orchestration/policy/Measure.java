package org.fairkit.orchestration.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;

/**
 * What a rule measures on a report. The ids are those of fairness-core's catalogs:
 * <ul>
 *   <li>a named fairness metric, by its {@link FairnessMetric} id: {@code demographic_parity_ratio};</li>
 *   <li>an aggregate of a group metric across groups, by the id core gives that {@code Disparity}:
 *       {@code <group metric>.difference}, {@code .ratio}, {@code .difference_to_overall} or
 *       {@code .ratio_to_overall}, e.g. {@code true_positive_rate.difference};</li>
 *   <li>a group metric alone, which every group must satisfy: {@code accuracy};</li>
 *   <li>{@code min_group_size}: the rows of the smallest group.</li>
 *   <li>a data-quality measure ({@link DataMeasure}): {@code max_missing_rate[.COLUMN]},
 *       {@code max_proxy_strength[.COLUMN]}, {@code representation_ratio}, judged on the data by
 *       {@link Policy#evaluateData}.</li>
 * </ul>
 * Group metrics are the {@link Metrics} ids (aliases such as {@code tpr} are accepted and stored as the id).
 */
public sealed interface Measure permits Measure.Fairness, Measure.Aggregate, Measure.EveryGroup,
        Measure.MinGroupSize, DataMeasure {

    /** The id of the minimum group size measure. */
    String MIN_GROUP_SIZE = "min_group_size";

    /** @return the id as written in rules */
    String id();

    /** A named fairness metric. */
    static Measure fairness(FairnessMetric metric) {
        return new Fairness(metric);
    }

    /** max − min of a group metric over groups. */
    static Measure difference(Metrics metric) {
        return new Aggregate(metric, Aggregation.DIFFERENCE);
    }

    /** min / max of a group metric over groups. */
    static Measure ratio(Metrics metric) {
        return new Aggregate(metric, Aggregation.RATIO);
    }

    /** max over groups of |group − overall|. */
    static Measure differenceToOverall(Metrics metric) {
        return new Aggregate(metric, Aggregation.DIFFERENCE_TO_OVERALL);
    }

    /** min over groups of min(group / overall, overall / group). */
    static Measure ratioToOverall(Metrics metric) {
        return new Aggregate(metric, Aggregation.RATIO_TO_OVERALL);
    }

    /** A group metric that every group (not below the report's minimum group size) must satisfy. */
    static Measure everyGroup(Metrics metric) {
        return new EveryGroup(metric);
    }

    /** The number of rows of the smallest group. */
    static Measure minGroupSize() {
        return new MinGroupSize();
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid forms and ids if it is unknown
     */
    static Measure byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (key.equals(MIN_GROUP_SIZE)) {
            return minGroupSize();
        }
        Optional<DataMeasure> data = DataMeasure.parse(id);
        if (data.isPresent()) {
            return data.get();
        }
        for (FairnessMetric f : FairnessMetric.values()) {
            if (f.id().equals(key)) {
                return fairness(f);
            }
        }
        int dot = key.indexOf('.');
        String metric = dot < 0 ? key : key.substring(0, dot);
        Metrics m = null;
        for (Metrics candidate : Metrics.values()) {
            if (candidate.info().id().equals(metric) || candidate.info().aliases().contains(metric)) {
                m = candidate;
            }
        }
        if (m != null && dot < 0) {
            return everyGroup(m);
        }
        if (m != null) {
            String suffix = key.substring(dot + 1);
            for (Aggregation a : Aggregation.values()) {
                if (a.id().equals(suffix)) {
                    return new Aggregate(m, a);
                }
            }
        }
        throw new IllegalArgumentException(PolicyErrors.unknownMeasure(id));
    }

    /** The aggregates of a group metric across groups, with the id suffixes core uses. */
    enum Aggregation {
        /** max − min. */
        DIFFERENCE("difference"),
        /** min / max. */
        RATIO("ratio"),
        /** max |group − overall|. */
        DIFFERENCE_TO_OVERALL("difference_to_overall"),
        /** min of min(group / overall, overall / group). */
        RATIO_TO_OVERALL("ratio_to_overall");

        private final String id;

        Aggregation(String id) {
            this.id = id;
        }

        /** @return the suffix, e.g. {@code ratio} */
        public String id() {
            return id;
        }

        static String ids() {
            return Arrays.stream(values()).map(a -> "." + a.id).collect(Collectors.joining(", "));
        }
    }

    /**
     * A named fairness metric.
     *
     * @param metric the metric
     */
    record Fairness(FairnessMetric metric) implements Measure {
        /** Validates that the metric is present. */
        public Fairness {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String id() {
            return metric.id();
        }
    }

    /**
     * An aggregate of a group metric across groups.
     *
     * @param metric the group metric
     * @param aggregation which aggregate
     */
    record Aggregate(Metrics metric, Aggregation aggregation) implements Measure {
        /** Validates that both parts are present. */
        public Aggregate {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(aggregation, "aggregation");
        }

        @Override
        public String id() {
            return metric.info().id() + "." + aggregation.id();
        }
    }

    /**
     * A group metric that every eligible group must satisfy.
     *
     * @param metric the group metric
     */
    record EveryGroup(Metrics metric) implements Measure {
        /** Validates that the metric is present. */
        public EveryGroup {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String id() {
            return metric.info().id();
        }
    }

    /** The rows of the smallest group (exact: evidence modes do not apply). */
    record MinGroupSize() implements Measure {
        @Override
        public String id() {
            return MIN_GROUP_SIZE;
        }
    }
}
