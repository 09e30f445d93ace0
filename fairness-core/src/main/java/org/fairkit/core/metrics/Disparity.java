package org.fairkit.core.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.group.GroupKey;

/**
 * One aggregate of a group metric across groups (difference, ratio, ...) or a named fairness metric: always
 * this type, whatever was asked.
 *
 * @param id what this is, e.g. {@code selection_rate.difference} or {@code demographic_parity_ratio}
 * @param value the value, or undefined with the reason
 * @param groups the groups that produce the value (e.g. the maximum and the minimum group), in that order
 * @param excluded the groups left out, with the reason for each
 * @param interval an interval estimate, when one was asked for
 */
public record Disparity(String id, MetricValue value, List<GroupKey> groups, List<Exclusion> excluded,
        Optional<Interval> interval) {

    /** Validates and copies. */
    public Disparity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        groups = List.copyOf(groups);
        excluded = List.copyOf(excluded);
        Objects.requireNonNull(interval, "interval");
    }

    /** A disparity without interval. */
    public static Disparity of(String id, MetricValue value, List<GroupKey> groups, List<Exclusion> excluded) {
        return new Disparity(id, value, groups, excluded, Optional.empty());
    }

    /** @return the value, NaN when undefined */
    public double asDouble() {
        return value.value();
    }

    /** @return whether the value is defined */
    public boolean isDefined() {
        return value.isDefined();
    }

    /** @return this disparity with an interval */
    public Disparity withInterval(Interval i) {
        return new Disparity(id, value, groups, excluded, Optional.of(i));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(id).append(" = ").append(value);
        interval.ifPresent(i -> b.append(' ').append(i));
        if (!groups.isEmpty()) {
            b.append(" (").append(String.join(" vs ", groups.stream().map(GroupKey::label).toList())).append(')');
        }
        return b.toString();
    }
}
