package org.fairkit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.errors.InputErrors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * What to compute from the per-group statistics: the fixed part of an evaluation, shared by the point estimate
 * and by every resample of an interval estimator.
 *
 * @param groupBy the sensitive features to group by (their intersection when several)
 * @param metrics the group metrics to report
 * @param fairnessMetrics the named fairness metrics to report
 * @param reference the levels of the reference group, one per feature, if any
 * @param minGroupSize groups with fewer rows are flagged and left out of disparities
 * @param zeroDivision what a zero denominator gives
 */
public record EvaluationSpec(List<String> groupBy, List<GroupMetric> metrics, List<FairnessMetric> fairnessMetrics,
        Optional<List<String>> reference,
        int minGroupSize, ZeroDivision zeroDivision) {

    /** Validates and copies. */
    public EvaluationSpec {
        groupBy = List.copyOf(groupBy);
        metrics = List.copyOf(metrics);
        fairnessMetrics = List.copyOf(fairnessMetrics);
        reference = reference.map(List::copyOf);
        Objects.requireNonNull(zeroDivision, "zeroDivision");
        if (groupBy.isEmpty()) {
            throw new IllegalArgumentException("groupBy needs at least one sensitive feature");
        }
        if (minGroupSize < 0) {
            throw new IllegalArgumentException("minGroupSize must be >= 0, got " + minGroupSize);
        }
        if (reference.isPresent() && reference.get().size() != groupBy.size()) {
            throw InputErrors.referenceLevels(groupBy, reference.get());
        }
    }
}
