package org.fairkit.stats;

import java.util.Objects;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.stats.tests.TestResult;

/**
 * One row of {@link GroupComparisons}: a group's rate against the reference group's, its test, the corrected
 * p-value, and the smallest difference the comparison could have detected.
 *
 * @param metric the rate compared
 * @param group the compared group
 * @param reference the reference group
 * @param successes the group's numerator rows
 * @param trials the group's denominator rows
 * @param referenceSuccesses the reference's numerator rows
 * @param referenceTrials the reference's denominator rows
 * @param difference {@code rate(group) - rate(reference)}
 * @param test the test of equal rates: pooled two-proportion z, or Fisher exact when an expected count is below 5
 * @param adjustedPValue the p-value after the family's multiple-comparison correction
 * @param significant whether the corrected test rejects equality at the family's alpha
 * @param detectableDown the smallest decrease from the reference rate the test detects with the target power
 * @param detectableUp the smallest increase from the reference rate the test detects with the target power
 */
public record Comparison(GroupMetric metric, GroupKey group, GroupKey reference, long successes, long trials,
        long referenceSuccesses, long referenceTrials, MetricValue difference, TestResult test,
        MetricValue adjustedPValue, boolean significant, MetricValue detectableDown, MetricValue detectableUp) {

    /** Checks for nulls. */
    public Comparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(adjustedPValue, "adjustedPValue");
        Objects.requireNonNull(detectableDown, "detectableDown");
        Objects.requireNonNull(detectableUp, "detectableUp");
    }

    /**
     * @return whether the observed difference is smaller than what the test could detect with the target power:
     *     a non-significant result here says "too little data", not "no disparity"
     */
    public boolean underpowered() {
        if (!difference.isDefined()) {
            return false;
        }
        MetricValue bound = difference.value() < 0 ? detectableDown : detectableUp;
        return !bound.isDefined() || Math.abs(difference.value()) < bound.value();
    }
}
