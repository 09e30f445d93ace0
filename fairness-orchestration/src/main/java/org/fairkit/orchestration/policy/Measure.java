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
 *   <li>{@code min_group_size}: the rows of the smallest group;</li>
 *   <li>{@code max_regression <fairness metric>}: how much farther from parity the metric moved against a baseline
 *       run ({@link Regression});</li>
 *   <li>a data-quality measure ({@link DataMeasure}): {@code max_missing_rate[.COLUMN]},
 *       {@code max_proxy_strength[.COLUMN]}, {@code representation_ratio}, judged on the data by
 *       {@link Policy#evaluateData}.</li>
 * </ul>
 * Group metrics are the {@link Metrics} ids (aliases such as {@code tpr} are accepted and stored as the id).
 */
public sealed interface Measure permits Measure.Fairness, Measure.Aggregate, Measure.EveryGroup,
        Measure.MinGroupSize, Measure.Regression, DataMeasure {

    /** The keyword of a regression rule: {@code max_regression demographic_parity_ratio 0.02}. */
    String MAX_REGRESSION = "max_regression";

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

    /**
     * The worsening of a named fairness metric against a baseline run: the change of its distance from parity
     * ({@code |x|} for metrics whose parity is 0, {@code |1 − x|} for ratios), positive when the candidate is less
     * fair, with the MOVER interval of {@code org.fairkit.stats.FairnessComparison} (the two runs are independent
     * samples; the interval comes from their counts). The rule {@code max_regression demographic_parity_ratio 0.02}
     * reads "may not fall by more than 0.02" and is the threshold {@code <= 0.02} on the worsening, judged by the
     * rule's evidence mode like every other rule.
     *
     * @param metric the fairness metric
     */
    record Regression(FairnessMetric metric) implements Measure {
        /** Validates that the metric is present. */
        public Regression {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String id() {
            return MAX_REGRESSION + " " + metric.id();
        }
    }
}
