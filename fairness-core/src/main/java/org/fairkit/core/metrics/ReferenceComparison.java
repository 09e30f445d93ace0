package org.fairkit.core.metrics;

import java.util.Objects;
import org.fairkit.core.group.GroupKey;

/**
 * One group's metric against the reference group's, as AIF360 and Aequitas compare an unprivileged group with a
 * privileged one.
 *
 * @param group the compared group
 * @param reference the reference group
 * @param difference {@code value(group) - value(reference)}
 * @param ratio {@code value(group) / value(reference)}; undefined when the reference value is 0
 */
public record ReferenceComparison(GroupKey group, GroupKey reference, MetricValue difference, MetricValue ratio) {
    /** Validates that every part is present. */
    public ReferenceComparison {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(ratio, "ratio");
    }
}
