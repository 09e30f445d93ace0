package org.fairkit.core;

import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;

/**
 * Names one number of a report, so an interval can be attached to it: a group's metric value, the overall
 * value, an aggregate, a comparison with the reference group, or a named fairness metric.
 *
 * @param kind which quantity
 * @param metricId the id of the group metric (or, for {@link Kind#FAIRNESS_METRIC}, of the fairness metric)
 * @param group the group, for {@link Kind#GROUP_VALUE}, the reference comparisons and
 *     {@link Kind#FAIRNESS_COMPARISON}
 */
public record Estimand(Kind kind, String metricId, Optional<GroupKey> group) {

    /** The kinds of reported quantity. */
    public enum Kind {
        /** A group's value of a group metric. */
        GROUP_VALUE,
        /** The value over all rows. */
        OVERALL_VALUE,
        /** max − min over groups. */
        DIFFERENCE,
        /** min / max over groups. */
        RATIO,
        /** max |group − overall|. */
        DIFFERENCE_TO_OVERALL,
        /** min of min(group / overall, overall / group). */
        RATIO_TO_OVERALL,
        /** group − reference. */
        REFERENCE_DIFFERENCE,
        /** group / reference. */
        REFERENCE_RATIO,
        /** A named fairness metric. */
        FAIRNESS_METRIC,
        /**
         * A named fairness metric against a reference group, for one other group: the family the headline value
         * picks its worst member from (for example {@code disparate_impact} of one group).
         */
        FAIRNESS_COMPARISON
    }

    /** Validates that group-level kinds name a group and the others do not. */
    public Estimand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metricId, "metricId");
        Objects.requireNonNull(group, "group");
        boolean needsGroup = kind == Kind.GROUP_VALUE || kind == Kind.REFERENCE_DIFFERENCE
                || kind == Kind.REFERENCE_RATIO || kind == Kind.FAIRNESS_COMPARISON;
        if (needsGroup != group.isPresent()) {
            throw new IllegalArgumentException(kind + (needsGroup ? " needs a group" : " takes no group"));
        }
    }

    /** A group's value. */
    public static Estimand groupValue(GroupMetric metric, GroupKey group) {
        return new Estimand(Kind.GROUP_VALUE, metric.id(), Optional.of(group));
    }

    /** An aggregate without group: overall, difference, ratio, to-overall. */
    public static Estimand aggregate(Kind kind, GroupMetric metric) {
        return new Estimand(kind, metric.id(), Optional.empty());
    }

    /** A comparison of {@code group} with the reference group. */
    public static Estimand toReference(Kind kind, GroupMetric metric, GroupKey group) {
        return new Estimand(kind, metric.id(), Optional.of(group));
    }

    /** A named fairness metric. */
    public static Estimand fairness(FairnessMetric metric) {
        return new Estimand(Kind.FAIRNESS_METRIC, metric.id(), Optional.empty());
    }

    /** A named fairness metric against the reference group, for one other group. */
    public static Estimand fairness(FairnessMetric metric, GroupKey group) {
        return new Estimand(Kind.FAIRNESS_COMPARISON, metric.id(), Optional.of(group));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + metricId + group.map(g -> ", " + g.label())
                .orElse("") + ")";
    }
}
