package org.fairkit.orchestration.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Metrics;

/**
 * What a rule measures on a report. The ids are those of fairness-core's catalogs:
 * <ul>
 *   <li>a named fairness metric, by its {@link FairnessMetric} id: {@code demographic_parity_ratio};</li>
 *   <li>an aggregate of a group metric across groups, by the id core gives that {@code Disparity}:
 *       {@code <group metric>.difference}, {@code .ratio}, {@code .difference_to_overall} or
 *       {@code .ratio_to_overall}, e.g. {@code true_positive_rate.difference};</li>
 *   <li>a group metric alone, which every group must satisfy: {@code accuracy};</li>
 *   <li>{@code min_group_size}: the rows of the smallest group (the items of the smallest group of a ranking:
 *       {@code TaskReport#sizes()});</li>
 *   <li>{@code max_regression <fairness metric>}: how much farther from parity the metric moved against a baseline
 *       run ({@link Regression});</li>
 *   <li>a data-quality measure ({@link DataMeasure}): {@code max_missing_rate[.COLUMN]},
 *       {@code max_proxy_strength[.COLUMN]}, {@code representation_ratio}, judged on the data by
 *       {@link Policy#evaluateData}.</li>
 * </ul>
 * Group metrics are the {@link Metrics} ids (aliases such as {@code tpr} are accepted and stored as the id).
 *
 * <h2>Every task</h2>
 * The same three forms take any id of fairness-core's {@link org.fairkit.core.catalog.MetricCatalog}, for any task's
 * report ({@link org.fairkit.core.TaskReport}: regression, ranking, multiclass, and the score metrics of a binary
 * report), resolved against the report when the rule is judged ({@link org.fairkit.core.TaskReport#disparity(String)}
 * and {@link org.fairkit.core.TaskReport#values(String)}):
 * <ul>
 *   <li>a named disparity of any task ({@link NamedDisparity}): {@code bounded_group_loss_absolute},
 *       {@code mae_parity_difference}, {@code exposure_ratio}, and the multiclass one-vs-rest
 *       {@code <fairness metric>@<class>}, e.g. {@code demographic_parity_ratio@urgent};</li>
 *   <li>an aggregate of any group metric ({@link TaskAggregate}): {@code roc_auc.difference},
 *       {@code brier_score.difference}, {@code mean_absolute_error.ratio}, {@code exposure.ratio}, the multiclass
 *       macro average {@code macro_true_positive_rate.difference} and one class's one-vs-rest values
 *       {@code true_positive_rate@urgent.difference};</li>
 *   <li>any group metric that every group must satisfy ({@link TaskEveryGroup}): {@code roc_auc >= 0.7}.</li>
 * </ul>
 * Ids are checked against the catalog when the rule is parsed (aliases such as {@code auc} or {@code mae} are stored
 * as the catalog id; a class label keeps its case and may not contain spaces, {@code <}, {@code >} or {@code =});
 * data-quality metrics belong to the data rules and individual-fairness indices to no task report, so both are
 * refused with the reason. Whether a report has the metric is known only when it is judged: a report that cannot
 * answer the id gives {@link Outcome#INCONCLUSIVE}, naming the ids it has. The catalog has no expected calibration
 * error ({@code ece}); its calibration metrics are {@code calibration_ratio} (calibration in the large) and the proper
 * scoring rules {@code brier_score} and {@code log_loss}, which are other definitions, so {@code ece} is refused.
 */
public sealed interface Measure permits Measure.Fairness, Measure.Aggregate, Measure.EveryGroup,
        Measure.MinGroupSize, Measure.Regression, DataMeasure, Measure.NamedDisparity, Measure.TaskAggregate,
        Measure.TaskEveryGroup {

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
        return MeasureIds.parse(id);
    }

    /**
     * A named disparity of any task by its catalog entry (e.g. {@code RegressionFairnessMetric.MAE_PARITY_DIFFERENCE
     * .info()}); a binary {@link FairnessMetric} gives {@link #fairness(FairnessMetric)}.
     *
     * @throws IllegalArgumentException if the metric is not a comparison of groups (family {@code DISPARITY})
     */
    static Measure named(MetricInfo metric) {
        return MeasureIds.parse(metric.id());
    }

    /**
     * An aggregate of any task's group metric by its catalog entry (e.g. {@code ScoreMetrics.ROC_AUC.info()}); a
     * {@link Metrics} entry gives {@link Aggregate}, as parsing does.
     *
     * @throws IllegalArgumentException if the metric is not a group metric
     */
    static Measure aggregate(MetricInfo metric, Aggregation aggregation) {
        return MeasureIds.parse(metric.id() + "." + aggregation.id());
    }

    /**
     * Any task's group metric that every group must satisfy, by its catalog entry.
     *
     * @throws IllegalArgumentException if the metric is not a group metric
     */
    static Measure everyGroup(MetricInfo metric) {
        Measure m = MeasureIds.parse(metric.id());
        if (m instanceof NamedDisparity || m instanceof Fairness) {
            throw new IllegalArgumentException(PolicyErrors.notAGroupMetric(metric.id()));
        }
        return m;
    }

    /** @return the id this measure asks a {@link org.fairkit.core.TaskReport} for */
    default String reportId() {
        return id();
    }

    /**
     * The catalog metric a report must compute for this measure to be judged: the group metric of an aggregate or
     * every-group rule (without {@code macro_} or {@code @<class>}: for {@code macro_true_positive_rate.difference},
     * {@code true_positive_rate}), the named disparity itself, the fairness metric of a {@code max_regression} rule;
     * empty for {@code min_group_size} and data rules. A front door uses it to request, for example, the score
     * metrics a binary audit must evaluate.
     *
     * @return the metric's catalog entry, if the measure has one
     */
    default Optional<MetricInfo> catalogMetric() {
        return MeasureIds.catalogMetric(this);
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

    /**
     * A named disparity of any task's report ({@code bounded_group_loss_absolute}, {@code exposure_ratio},
     * {@code mae_parity_difference}, the multiclass {@code demographic_parity_ratio@urgent}), looked up with
     * {@link org.fairkit.core.TaskReport#disparity(String)} when judged. Binary fairness metrics without a class are
     * {@link Fairness} instead.
     *
     * @param id the catalog id (not an alias), with {@code @<class>} for one class of a multiclass report
     */
    record NamedDisparity(String id) implements Measure {
        /** Validates the id. */
        public NamedDisparity {
            MeasureIds.requireCanonical(id, NamedDisparity.class);
        }
    }

    /**
     * An aggregate of any task's group metric across groups ({@code roc_auc.difference},
     * {@code macro_true_positive_rate.difference}, {@code true_positive_rate@urgent.ratio}), computed by the report's
     * {@code GroupValues} ({@link org.fairkit.core.TaskReport#disparity(String)}) when judged. Binary confusion metrics
     * without a class or macro prefix are {@link Aggregate} instead.
     *
     * @param metric the group metric's id as the report names it: a catalog id, {@code macro_<id>} or
     *     {@code <id>@<class>}
     * @param aggregation which aggregate
     */
    record TaskAggregate(String metric, Aggregation aggregation) implements Measure {
        /** Validates both parts. */
        public TaskAggregate {
            Objects.requireNonNull(aggregation, "aggregation");
            MeasureIds.requireCanonical(metric + "." + aggregation.id(), TaskAggregate.class);
        }

        @Override
        public String id() {
            return metric + "." + aggregation.id();
        }
    }

    /**
     * Any task's group metric that every eligible group must satisfy ({@code roc_auc >= 0.7},
     * {@code mean_absolute_error <= 2000}), with each group's interval where the report has one.
     *
     * @param metric the group metric's id as the report names it: a catalog id, {@code macro_<id>} or
     *     {@code <id>@<class>}
     */
    record TaskEveryGroup(String metric) implements Measure {
        /** Validates the id. */
        public TaskEveryGroup {
            MeasureIds.requireCanonical(metric, TaskEveryGroup.class);
        }

        @Override
        public String id() {
            return metric;
        }
    }
}
