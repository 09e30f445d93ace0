package org.fairkit.stats.intervals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;

/**
 * Intervals for the numbers of a report, keyed by the ids the core reports use, so that a caller can attach them
 * without knowing how they were computed. Immutable value.
 *
 * <ul>
 *   <li>{@link #byGroup()}: {@code metricId -> (group -> interval)}, where {@code metricId} is the catalog id
 *       ({@code MetricCatalog}, {@code GroupValues#metricId()}, e.g. {@code roc_auc}, {@code mean_absolute_error});</li>
 *   <li>{@link #overall()}: {@code metricId -> interval} of the value over all rows;</li>
 *   <li>{@link #disparities()}: {@code disparityId -> interval}, where {@code disparityId} is exactly
 *       {@code Disparity#id()} as the report produces it ({@code roc_auc.difference}, {@code roc_auc.ratio},
 *       {@code brier_score.difference_to_overall}, {@code bounded_group_loss_absolute}, ...).</li>
 * </ul>
 * Every key that was asked for but has no interval is in the matching {@code undefined...} map with the reason
 * (a group with one class for an AUC, fewer than two rows for a t interval, a method without a closed form); a key
 * is in exactly one of the two maps. No interval end is NaN.
 *
 * <p>{@link #method()} names how the intervals were computed (e.g. "DeLong", "stratified row bootstrap"), with the
 * level and, for resampling, the number of resamples and the seed, which are also in each interval's
 * {@link Interval#method()}.
 */
public final class MetricIntervals {
    private final String method;
    private final Map<String, Map<GroupKey, Interval>> byGroup;
    private final Map<String, Map<GroupKey, String>> undefinedByGroup;
    private final Map<String, Interval> overall;
    private final Map<String, String> undefinedOverall;
    private final Map<String, Interval> disparities;
    private final Map<String, String> undefinedDisparities;

    private MetricIntervals(Builder b) {
        this.method = b.method;
        this.byGroup = nested(b.byGroup);
        this.undefinedByGroup = nested(b.undefinedByGroup);
        this.overall = Collections.unmodifiableMap(new LinkedHashMap<>(b.overall));
        this.undefinedOverall = Collections.unmodifiableMap(new LinkedHashMap<>(b.undefinedOverall));
        this.disparities = Collections.unmodifiableMap(new LinkedHashMap<>(b.disparities));
        this.undefinedDisparities = Collections.unmodifiableMap(new LinkedHashMap<>(b.undefinedDisparities));
    }

    private static <V> Map<String, Map<GroupKey, V>> nested(Map<String, Map<GroupKey, V>> m) {
        Map<String, Map<GroupKey, V>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    /**
     * @param method how the intervals are computed, e.g. {@code "DeLong, 95%"}
     * @return a builder of the result (used by the estimators of fairness-stats)
     */
    public static Builder builder(String method) {
        return new Builder(method);
    }

    /** @return how the intervals were computed */
    public String method() {
        return method;
    }

    /** @return {@code metricId -> (group -> interval)}, defined intervals only, in metric and group order */
    public Map<String, Map<GroupKey, Interval>> byGroup() {
        return byGroup;
    }

    /** @return {@code metricId -> (group -> why there is no interval)} */
    public Map<String, Map<GroupKey, String>> undefinedByGroup() {
        return undefinedByGroup;
    }

    /** @return {@code metricId -> interval} of the value over all rows, defined intervals only */
    public Map<String, Interval> overall() {
        return overall;
    }

    /** @return {@code metricId -> why the overall value has no interval} */
    public Map<String, String> undefinedOverall() {
        return undefinedOverall;
    }

    /** @return {@code disparityId -> interval}, defined intervals only, keyed by {@code Disparity#id()} */
    public Map<String, Interval> disparities() {
        return disparities;
    }

    /** @return {@code disparityId -> why there is no interval} */
    public Map<String, String> undefinedDisparities() {
        return undefinedDisparities;
    }

    /** @return one group's interval of a metric, empty when undefined or not computed */
    public Optional<Interval> group(String metricId, GroupKey group) {
        return Optional.ofNullable(byGroup.getOrDefault(metricId, Map.of()).get(group));
    }

    /** @return why a group's interval of a metric is undefined, empty when it is defined or not computed */
    public Optional<String> groupReason(String metricId, GroupKey group) {
        return Optional.ofNullable(undefinedByGroup.getOrDefault(metricId, Map.of()).get(group));
    }

    /** @return a disparity's interval, empty when undefined or not computed */
    public Optional<Interval> disparity(String disparityId) {
        return Optional.ofNullable(disparities.get(disparityId));
    }

    /** @return why a disparity's interval is undefined, empty when it is defined or not computed */
    public Optional<String> disparityReason(String disparityId) {
        return Optional.ofNullable(undefinedDisparities.get(disparityId));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricIntervals)) {
            return false;
        }
        MetricIntervals m = (MetricIntervals) o;
        return method.equals(m.method) && byGroup.equals(m.byGroup) && undefinedByGroup.equals(m.undefinedByGroup)
                && overall.equals(m.overall) && undefinedOverall.equals(m.undefinedOverall)
                && disparities.equals(m.disparities) && undefinedDisparities.equals(m.undefinedDisparities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, byGroup, undefinedByGroup, overall, undefinedOverall, disparities,
                undefinedDisparities);
    }

    /** @return one line per interval: {@code id [group]: [lower, upper]} or {@code id [group]: undefined (reason)} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(method).append('\n');
        for (String id : ids()) {
            byGroup.getOrDefault(id, Map.of()).forEach((g, i) -> b.append(id).append(" [").append(g.label())
                    .append("]: ").append(i).append('\n'));
            undefinedByGroup.getOrDefault(id, Map.of()).forEach((g, r) -> b.append(id).append(" [")
                    .append(g.label()).append("]: undefined (").append(r).append(")\n"));
            if (overall.containsKey(id)) {
                b.append(id).append(" [overall]: ").append(overall.get(id)).append('\n');
            }
            if (undefinedOverall.containsKey(id)) {
                b.append(id).append(" [overall]: undefined (").append(undefinedOverall.get(id)).append(")\n");
            }
        }
        disparities.forEach((d, i) -> b.append(d).append(": ").append(i).append('\n'));
        undefinedDisparities.forEach((d, r) -> b.append(d).append(": undefined (").append(r).append(")\n"));
        return b.toString();
    }

    private java.util.Set<String> ids() {
        return java.util.stream.Stream.of(byGroup.keySet(), undefinedByGroup.keySet(), overall.keySet(),
                undefinedOverall.keySet()).flatMap(java.util.Set::stream)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Collects the intervals of one computation; each key is set once. */
    public static final class Builder {
        private final String method;
        private final Map<String, Map<GroupKey, Interval>> byGroup = new LinkedHashMap<>();
        private final Map<String, Map<GroupKey, String>> undefinedByGroup = new LinkedHashMap<>();
        private final Map<String, Interval> overall = new LinkedHashMap<>();
        private final Map<String, String> undefinedOverall = new LinkedHashMap<>();
        private final Map<String, Interval> disparities = new LinkedHashMap<>();
        private final Map<String, String> undefinedDisparities = new LinkedHashMap<>();

        private Builder(String method) {
            this.method = Objects.requireNonNull(method, "method");
        }

        private static String reason(String r) {
            if (r == null || r.isBlank()) {
                throw new IllegalArgumentException("an undefined interval needs a reason");
            }
            return r;
        }

        private void requireNewGroup(String metricId, GroupKey g) {
            if (byGroup.getOrDefault(metricId, Map.of()).containsKey(g)
                    || undefinedByGroup.getOrDefault(metricId, Map.of()).containsKey(g)) {
                throw new IllegalStateException(metricId + " of group " + g.describe() + " is already set");
            }
        }

        /** A group's interval of a metric. */
        public Builder group(String metricId, GroupKey group, Interval interval) {
            requireNewGroup(metricId, group);
            byGroup.computeIfAbsent(metricId, k -> new LinkedHashMap<>()).put(group, Objects.requireNonNull(interval));
            return this;
        }

        /** A group's undefined interval of a metric, with the reason. */
        public Builder undefinedGroup(String metricId, GroupKey group, String reason) {
            requireNewGroup(metricId, group);
            undefinedByGroup.computeIfAbsent(metricId, k -> new LinkedHashMap<>()).put(group, reason(reason));
            return this;
        }

        /** The overall interval of a metric, or its reason when {@code interval} is empty. */
        public Builder overall(String metricId, Optional<Interval> interval, String reason) {
            if (overall.containsKey(metricId) || undefinedOverall.containsKey(metricId)) {
                throw new IllegalStateException("overall " + metricId + " is already set");
            }
            if (interval.isPresent()) {
                overall.put(metricId, interval.get());
            } else {
                undefinedOverall.put(metricId, reason(reason));
            }
            return this;
        }

        /** A disparity's interval, or its reason when {@code interval} is empty. */
        public Builder disparity(String disparityId, Optional<Interval> interval, String reason) {
            if (disparities.containsKey(disparityId) || undefinedDisparities.containsKey(disparityId)) {
                throw new IllegalStateException(disparityId + " is already set");
            }
            if (interval.isPresent()) {
                disparities.put(disparityId, interval.get());
            } else {
                undefinedDisparities.put(disparityId, reason(reason));
            }
            return this;
        }

        /** A group's interval, or its reason when {@code interval} is empty. */
        public Builder group(String metricId, GroupKey group, Optional<Interval> interval, String reason) {
            return interval.isPresent() ? group(metricId, group, interval.get())
                    : undefinedGroup(metricId, group, reason);
        }

        /** @return the immutable result */
        public MetricIntervals build() {
            return new MetricIntervals(this);
        }
    }
}
