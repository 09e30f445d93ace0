package org.fairkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.fairkit.core.catalog.MetricCatalog;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * Any task's report in one shape: the groups with their sizes, each group metric's values ({@link GroupValues}, in
 * every group and overall), the named disparities the task computes (for example {@code demographic_parity_ratio},
 * {@code bounded_group_loss}, {@code exposure_ratio}), and the intervals estimated for any of these. Policies,
 * documents, the CLI's JSON and the monitor read every task through this type; the task's own report
 * ({@link FairnessReport}, {@code RegressionReport}, {@code RankingReport}, {@code MulticlassReport}) keeps what is
 * particular to it, and its {@code asTaskReport()} builds this view.
 *
 * <p><b>Disparity ids.</b> {@link #disparity(String)} answers a named disparity by its id (or a catalog alias), and
 * every group metric's aggregates by {@code <metric id>.<aggregation>} with the aggregation one of {@link Aggregation}:
 * {@code mean_absolute_error.difference}, {@code roc_auc.ratio}, {@code macro_true_positive_rate.difference},
 * {@code exposure.ratio_to_overall}. These are computed by {@link GroupValues} (Fairlearn {@code MetricFrame}'s
 * definitions, small groups and undefined values left out with the reason), so they agree with the task report's
 * own {@code difference(...)} and {@code ratio(...)}. An interval attached with {@link #withIntervals} under a
 * disparity's id is carried by the {@link Disparity} returned.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class TaskReport {

    /** How a group metric is aggregated across groups into one disparity; the id suffix after the metric id. */
    public enum Aggregation {
        /** max − min over eligible groups. */
        DIFFERENCE(GroupValues::difference),
        /** min / max over eligible groups. */
        RATIO(GroupValues::ratio),
        /** max over eligible groups of |group − overall|. */
        DIFFERENCE_TO_OVERALL(GroupValues::differenceToOverall),
        /** min over eligible groups of min(group / overall, overall / group). */
        RATIO_TO_OVERALL(GroupValues::ratioToOverall);

        private final Function<GroupValues, Disparity> compute;

        Aggregation(Function<GroupValues, Disparity> compute) {
            this.compute = compute;
        }

        /** @return the id suffix: {@code difference}, {@code ratio}, {@code difference_to_overall}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the aggregate of {@code values}, with the id {@code <metric id>.<this id>} */
        public Disparity of(GroupValues values) {
            return compute.apply(values);
        }
    }

    private final Task task;
    private final List<String> groupBy;
    private final List<GroupKey> groups;
    private final List<Long> sizes;
    private final Map<String, GroupValues> metrics;
    private final Map<String, Disparity> named;
    private final Map<String, Map<GroupKey, Interval>> groupIntervals;
    private final Map<String, Interval> disparityIntervals;
    private final List<ReportWarning> warnings;
    private final Optional<Provenance> provenance;

    private TaskReport(Builder b) {
        this.task = b.task;
        this.groupBy = List.copyOf(b.groupBy);
        this.groups = List.copyOf(b.groups);
        this.sizes = List.copyOf(b.sizes);
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
        this.named = Collections.unmodifiableMap(new LinkedHashMap<>(b.named));
        Map<String, Map<GroupKey, Interval>> gi = new LinkedHashMap<>();
        b.groupIntervals.forEach((k, v) -> gi.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.groupIntervals = Collections.unmodifiableMap(gi);
        this.disparityIntervals = Collections.unmodifiableMap(new LinkedHashMap<>(b.disparityIntervals));
        this.warnings = List.copyOf(b.warnings);
        this.provenance = Optional.ofNullable(b.provenance);
    }

    /**
     * Starts a report.
     *
     * @param task the task
     * @param groupBy the sensitive features the groups are made of
     * @param groups the groups, in report order
     * @param sizes each group's size, in the same order: rows (regression, classification) or items (ranking)
     * @throws IllegalArgumentException if the sizes do not match the groups or are negative
     */
    public static Builder builder(Task task, List<String> groupBy, List<GroupKey> groups, List<Long> sizes) {
        return new Builder(task, groupBy, groups, sizes);
    }

    /** @return the task */
    public Task task() {
        return task;
    }

    /** @return the sensitive features the groups are made of */
    public List<String> groupBy() {
        return groupBy;
    }

    /** @return the groups, in report order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return each group's size (rows, or items for a ranking), in group order */
    public List<Long> sizes() {
        return sizes;
    }

    /**
     * @return the size of one group
     * @throws IllegalArgumentException if the group is not in the report
     */
    public long size(GroupKey group) {
        int g = groups.indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("no group " + group.describe() + "; groups are " + groups);
        }
        return sizes.get(g);
    }

    /** @return the group metrics' ids, in report order */
    public List<String> metricIds() {
        return List.copyOf(metrics.keySet());
    }

    /** @return every group metric's values, in report order */
    public List<GroupValues> metrics() {
        return List.copyOf(metrics.values());
    }

    /**
     * @return a group metric's values, by its id as reported or by a catalog alias of it ({@code mae},
     *     {@code auc}); empty if the report has no such metric
     */
    public Optional<GroupValues> values(String metricId) {
        return Optional.ofNullable(metrics.get(resolve(metricId, metrics)));
    }

    /** @return the interval of one group's value of a metric, if one was estimated */
    public Optional<Interval> groupInterval(String metricId, GroupKey group) {
        Map<GroupKey, Interval> m = groupIntervals.get(resolve(metricId, metrics));
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(group));
    }

    /** @return the named disparities (fairness metrics of the task), in report order, with their intervals */
    public List<Disparity> namedDisparities() {
        List<Disparity> out = new ArrayList<>();
        for (Disparity d : named.values()) {
            out.add(attach(d));
        }
        return List.copyOf(out);
    }

    /**
     * Looks a disparity up: a named one by its id or a catalog alias, otherwise {@code <metric>.<aggregation>} of a
     * group metric of this report (see the class comment).
     *
     * @return the disparity with its interval where one was estimated; empty if the report cannot answer the id
     */
    public Optional<Disparity> disparity(String id) {
        Objects.requireNonNull(id, "id");
        String key = resolve(id, named);
        if (named.containsKey(key)) {
            return Optional.of(attach(named.get(key)));
        }
        String s = id.strip();
        for (Aggregation a : Aggregation.values()) {
            String suffix = "." + a.id();
            if (s.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                Optional<GroupValues> v = values(s.substring(0, s.length() - suffix.length()));
                if (v.isPresent()) {
                    return Optional.of(attach(a.of(v.get())));
                }
            }
        }
        return Optional.empty();
    }

    /** @return every disparity id {@link #disparity(String)} answers: the named ones, then each metric's aggregates */
    public List<String> disparityIds() {
        List<String> out = new ArrayList<>(named.keySet());
        for (String m : metrics.keySet()) {
            for (Aggregation a : Aggregation.values()) {
                out.add(m + "." + a.id());
            }
        }
        return List.copyOf(out);
    }

    /** @return every interval attached to a disparity, by disparity id */
    public Map<String, Interval> disparityIntervals() {
        return disparityIntervals;
    }

    /** @return every per-group interval, by metric id then group */
    public Map<String, Map<GroupKey, Interval>> groupIntervals() {
        return groupIntervals;
    }

    /** @return the warnings of the task's report */
    public List<ReportWarning> warnings() {
        return warnings;
    }

    /** @return where the numbers come from, when the task's report records it */
    public Optional<Provenance> provenance() {
        return provenance;
    }

    /**
     * @param perGroup intervals of group values, by metric id then group (ids as in {@link #metricIds()})
     * @param disparities intervals of disparities, by disparity id (as {@link Disparity#id()} gives it)
     * @return a copy with these intervals added (replacing any under the same key)
     * @throws IllegalArgumentException naming an id or group this report does not have
     */
    public TaskReport withIntervals(Map<String, Map<GroupKey, Interval>> perGroup, Map<String, Interval> disparities) {
        Builder b = toBuilder();
        perGroup.forEach((metric, byGroup) -> byGroup.forEach((g, i) -> b.groupInterval(metric, g, i)));
        disparities.forEach(b::disparityInterval);
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(task, groupBy, groups, sizes);
        b.metrics.putAll(metrics);
        b.named.putAll(named);
        groupIntervals.forEach((k, v) -> b.groupIntervals.put(k, new LinkedHashMap<>(v)));
        b.disparityIntervals.putAll(disparityIntervals);
        b.warnings.addAll(warnings);
        b.provenance = provenance.orElse(null);
        return b;
    }

    private Disparity attach(Disparity d) {
        Interval i = disparityIntervals.get(d.id());
        return i == null || d.interval().isPresent() ? d : d.withInterval(i);
    }

    /** Exact id first, then the catalog's canonical id of an alias; the input unchanged when neither is known. */
    private static String resolve(String id, Map<String, ?> known) {
        String s = id.strip();
        if (known.containsKey(s)) {
            return s;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (known.containsKey(lower)) {
            return lower;
        }
        try {
            return MetricCatalog.byId(lower).id();
        } catch (IllegalArgumentException notInCatalog) {
            return s;
        }
    }

    /** @return fixed-width tables ({@link Locale#ROOT}): each metric by group, then the named disparities */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FairKit ").append(task.id()).append(" report by ")
                .append(String.join(" x ", groupBy)).append(": ").append(groups.size()).append(" groups\n");
        int width = 12;
        for (GroupKey g : groups) {
            width = Math.max(width, g.label().length());
        }
        for (GroupValues v : metrics.values()) {
            b.append('\n').append(v.metricId()).append('\n');
            for (int g = 0; g < groups.size(); g++) {
                b.append(String.format(Locale.ROOT, "  %-" + width + "s %10d  %s%n", groups.get(g).label(),
                        sizes.get(g), cell(v.value(g))));
            }
            b.append(String.format(Locale.ROOT, "  %-" + width + "s %10s  %s%n", "overall", "", cell(v.overall())));
        }
        if (!named.isEmpty()) {
            b.append('\n');
            for (Disparity d : namedDisparities()) {
                b.append("  ").append(d).append('\n');
            }
        }
        return b.toString();
    }

    private static String cell(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.6f", v.value()) : "undefined (" + v.reason().orElseThrow()
                + ")";
    }

    /** Collects a {@link TaskReport}; each method returns this builder. */
    public static final class Builder {
        private final Task task;
        private final List<String> groupBy;
        private final List<GroupKey> groups;
        private final List<Long> sizes;
        private final Map<String, GroupValues> metrics = new LinkedHashMap<>();
        private final Map<String, Disparity> named = new LinkedHashMap<>();
        private final Map<String, Map<GroupKey, Interval>> groupIntervals = new LinkedHashMap<>();
        private final Map<String, Interval> disparityIntervals = new LinkedHashMap<>();
        private final List<ReportWarning> warnings = new ArrayList<>();
        private Provenance provenance;

        private Builder(Task task, List<String> groupBy, List<GroupKey> groups, List<Long> sizes) {
            this.task = Objects.requireNonNull(task, "task");
            this.groupBy = List.copyOf(groupBy);
            this.groups = List.copyOf(groups);
            this.sizes = List.copyOf(sizes);
            if (sizes.size() != groups.size()) {
                throw new IllegalArgumentException("need one size per group: " + groups.size() + " groups, "
                        + sizes.size() + " sizes");
            }
            for (int g = 0; g < sizes.size(); g++) {
                if (sizes.get(g) < 0) {
                    throw new IllegalArgumentException("group " + groups.get(g).describe() + ": size " + sizes.get(g)
                            + "; expected >= 0");
                }
            }
        }

        /**
         * Adds a group metric's values.
         *
         * @throws IllegalArgumentException if its groups are not this report's, or the id is already present
         */
        public Builder metric(GroupValues values) {
            if (!values.groups().equals(groups)) {
                throw new IllegalArgumentException(values.metricId() + ": groups " + values.groups()
                        + " differ from the report's " + groups);
            }
            if (metrics.putIfAbsent(values.metricId(), values) != null) {
                throw new IllegalArgumentException("metric " + values.metricId() + " added twice");
            }
            return this;
        }

        /**
         * Adds a named disparity (a fairness metric of the task).
         *
         * @throws IllegalArgumentException if the id is already present
         */
        public Builder disparity(Disparity d) {
            if (named.putIfAbsent(d.id(), d) != null) {
                throw new IllegalArgumentException("disparity " + d.id() + " added twice");
            }
            return this;
        }

        /**
         * Attaches an interval to one group's value of a metric already added.
         *
         * @throws IllegalArgumentException naming the metric or group if the report does not have it
         */
        public Builder groupInterval(String metricId, GroupKey group, Interval interval) {
            String id = resolve(metricId, metrics);
            if (!metrics.containsKey(id)) {
                throw new IllegalArgumentException("interval for metric '" + metricId
                        + "', which the report does not have; metrics: " + metrics.keySet());
            }
            if (!groups.contains(group)) {
                throw new IllegalArgumentException("interval of " + id + " for group " + group.describe()
                        + ", which the report does not have; groups: " + groups);
            }
            groupIntervals.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(group, Objects.requireNonNull(interval));
            return this;
        }

        /**
         * Attaches an interval to a disparity, by its id (named, or {@code <metric>.<aggregation>} of a metric
         * already added).
         *
         * @throws IllegalArgumentException naming the id if the report cannot answer it
         */
        public Builder disparityInterval(String disparityId, Interval interval) {
            Objects.requireNonNull(interval, "interval");
            TaskReport probe = new TaskReport(this);
            Disparity d = probe.disparity(disparityId).orElseThrow(() -> new IllegalArgumentException(
                    "interval for disparity '" + disparityId + "', which the report cannot answer; ids: "
                            + probe.disparityIds()));
            disparityIntervals.put(d.id(), interval);
            return this;
        }

        /** Adds the task report's warnings. */
        public Builder warnings(List<ReportWarning> w) {
            warnings.addAll(w);
            return this;
        }

        /** Records where the numbers come from. */
        public Builder provenance(Provenance p) {
            provenance = Objects.requireNonNull(p, "provenance");
            return this;
        }

        /** @return the report */
        public TaskReport build() {
            return new TaskReport(this);
        }
    }
}
