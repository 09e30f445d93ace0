package org.fairkit.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupRow;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * A Micrometer {@link MeterBinder} that publishes the latest fairness report of each grouping as gauges. Bind it to
 * any registry (Prometheus, CloudWatch, Datadog, OTLP, ...), then call {@link #update(FairnessReport)} after every
 * audit or monitor window; the gauges read the values of the last update.
 *
 * <pre>{@code
 * FairnessMeterBinder fairness = FairnessMeterBinder.builder()
 *     .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
 *     .groupMetrics(Metrics.SELECTION_RATE)
 *     .maxGroups(50)
 *     .tags("model", "credit-v7")
 *     .build();
 * fairness.bindTo(registry);
 * fairness.update(report);
 * }</pre>
 *
 * <table>
 * <caption>Meters (tags besides the common ones)</caption>
 * <tr><th>name</th><th>tags</th><th>value</th></tr>
 * <tr><td>{@code fairkit.fairness}</td><td>{@code metric}, {@code grouping}</td><td>the named fairness metric,
 *     e.g. {@code demographic_parity_ratio}</td></tr>
 * <tr><td>{@code fairkit.fairness.lower}, {@code fairkit.fairness.upper}</td><td>{@code metric},
 *     {@code grouping}</td><td>its interval's ends, when the report estimated one</td></tr>
 * <tr><td>{@code fairkit.fairness.defined}</td><td>{@code metric}, {@code grouping}</td><td>1 when the metric is
 *     defined, 0 when undefined (the reason is in the report)</td></tr>
 * <tr><td>{@code fairkit.group.value}</td><td>{@code metric}, {@code grouping}, {@code group}</td><td>a configured
 *     group metric of one group, e.g. its {@code selection_rate}</td></tr>
 * <tr><td>{@code fairkit.group.rows}</td><td>{@code grouping}, {@code group}</td><td>the group's row count</td></tr>
 * <tr><td>{@code fairkit.groups.dropped}</td><td>{@code grouping}</td><td>how many distinct groups got no series
 *     because of the bound below (since the binder was built)</td></tr>
 * <tr><td>{@code fairkit.fairness.updated}</td><td>{@code grouping}</td><td>when the last report was evaluated, in
 *     seconds since the epoch (alert on staleness with it)</td></tr>
 * </table>
 * {@code grouping} is the report's sensitive features joined by {@code " & "} ({@code race & sex}); {@code group}
 * is the group's label ({@link GroupKey#label()}). Registries rename to their convention ({@code fairkit_fairness}
 * in Prometheus).
 *
 * <p><b>Bounded tag cardinality.</b> Each distinct grouping and group is a new time series in the monitoring system,
 * so their number is capped: at most {@link Builder#maxGroupings(int) maxGroupings} groupings (default 8) and, per
 * grouping, at most {@link Builder#maxGroups(int) maxGroups} groups (default 50) ever get series. Within a report the
 * groups are admitted largest first (row count, then label), and a group keeps its series for the binder's lifetime,
 * so the series never churn. A group beyond the bound gets no series and is counted once in
 * {@code fairkit.groups.dropped}; a grouping beyond its bound is ignored and counted in
 * {@code fairkit.groupings.dropped}. The named fairness metrics summarise all groups, so they are always published
 * for an admitted grouping. Hence at most {@code maxGroupings × (4 × |fairness metrics| + 2 + maxGroups ×
 * (|group metrics| + 1))} series, plus one.
 *
 * <p><b>Undefined and absent values are NaN.</b> A gauge must return a double; Micrometer's own convention for "no
 * value" is {@code NaN} (it is what a gauge reports once its object is gone). So an undefined metric (a zero
 * denominator, a group below the minimum size), a missing interval, and a group that was published before but is
 * absent from the latest report all read NaN. Prometheus exposes {@code NaN} (queries such as {@code > 0.8} then
 * do not match, so an alert rule does not fire on a missing value; pair it with {@code fairkit_fairness_defined == 0}
 * to alert on undefined), and push registries such as CloudWatch, Datadog and OTLP drop non-finite values. The
 * reason for an undefined value is in the report, not in the metrics.
 *
 * <p><b>Any task.</b> {@link #update(TaskReport)} publishes the report of any task (regression, ranking,
 * multiclass, binary) on the same meters, by id: {@code fairkit.fairness} for each {@link Builder#disparities
 * disparity id} the report answers ({@code exposure_ratio}, {@code bounded_group_loss_absolute},
 * {@code mean_absolute_error.difference}), {@code fairkit.group.value} for each {@link Builder#groupMetricIds group
 * metric id} ({@code mean_absolute_error}, {@code exposure}), {@code fairkit.group.rows} from the report's sizes
 * (items, for a ranking). Ids the report cannot answer read NaN. {@code fairkit.fairness.updated} is its
 * provenance's time, or NaN without one.
 *
 * <p>Thread-safe: {@code update} may run on a monitor thread while registries read the gauges. Gauges hold their
 * value cells strongly (Micrometer's default is a weak reference, which would turn the gauges NaN after a garbage
 * collection).
 */
public final class FairnessMeterBinder implements MeterBinder {
    private final List<FairnessMetric> fairnessMetrics;
    private final List<GroupMetric> groupMetrics;
    private final List<String> disparityIds;
    private final List<String> groupMetricIds;
    private final int maxGroups;
    private final int maxGroupings;
    private final Tags commonTags;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private final Map<String, Grouping> groupings = new LinkedHashMap<>();
    private final Cell groupingsDropped = new Cell();

    /** One gauge: its name, tags and value cell. */
    private record Series(String name, String description, Tags tags, Cell cell) {
    }

    /** A mutable value read by the gauges. */
    private static final class Cell {
        private volatile double value = Double.NaN;

        double get() {
            return value;
        }
    }

    /** The series of one grouping. */
    private static final class Grouping {
        final Map<FairnessMetric, Cell[]> fairness = new LinkedHashMap<>();
        final Map<String, Cell[]> disparities = new LinkedHashMap<>();
        final Map<String, Cell[]> groups = new LinkedHashMap<>();
        final Set<String> dropped = new LinkedHashSet<>();
        Cell droppedCell;
        Cell updated;
    }

    private FairnessMeterBinder(Builder b) {
        this.fairnessMetrics = b.fairnessMetrics == null ? List.of() : List.copyOf(b.fairnessMetrics);
        this.groupMetrics = List.copyOf(b.groupMetrics);
        this.disparityIds = List.copyOf(b.disparityIds);
        this.groupMetricIds = List.copyOf(b.groupMetricIds);
        this.maxGroups = b.maxGroups;
        this.maxGroupings = b.maxGroupings;
        this.commonTags = b.tags;
        groupingsDropped.value = 0;
        series.add(new Series("fairkit.groupings.dropped", "groupings without series (beyond maxGroupings)",
                commonTags, groupingsDropped));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        registries.add(registry);
        for (Series s : series) {
            register(registry, s);
        }
    }

    private static void register(MeterRegistry registry, Series s) {
        Gauge.builder(s.name(), s.cell(), Cell::get).description(s.description()).tags(s.tags())
                .strongReference(true).register(registry);
    }

    private Cell add(String name, String description, Tags tags) {
        Cell c = new Cell();
        Series s = new Series(name, description, commonTags.and(tags), c);
        series.add(s);
        for (MeterRegistry r : registries) {
            register(r, s);
        }
        return c;
    }

    /**
     * Publishes a report: its grouping's gauges now read its values.
     *
     * @param report the latest report of its grouping
     */
    public synchronized void update(FairnessReport report) {
        Objects.requireNonNull(report, "report");
        String groupingTag = String.join(" & ", report.results().spec().groupBy());
        Grouping g = grouping(groupingTag);
        if (g != null) {
            publish(g, groupingTag, report);
        }
    }

    /**
     * Publishes the report of any task: its grouping's gauges now read its values, by id (see the class comment).
     *
     * @param report the latest report of its grouping
     */
    public synchronized void update(TaskReport report) {
        Objects.requireNonNull(report, "report");
        String groupingTag = String.join(" & ", report.groupBy());
        Grouping g = grouping(groupingTag);
        if (g == null) {
            return;
        }
        for (Map.Entry<String, Cell[]> e : g.disparities.entrySet()) {
            Cell[] c = e.getValue();
            Optional<Disparity> d = report.disparity(e.getKey());
            c[0].value = d.map(Disparity::asDouble).orElse(Double.NaN);
            Optional<Interval> i = d.flatMap(Disparity::interval);
            c[1].value = i.map(Interval::lower).orElse(Double.NaN);
            c[2].value = i.map(Interval::upper).orElse(Double.NaN);
            c[3].value = d.map(x -> x.isDefined() ? 1.0 : 0.0).orElse(Double.NaN);
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < report.groups().size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingLong((Integer k) -> report.sizes().get(k)).reversed()
                .thenComparing(k -> report.groups().get(k).label()));
        Set<String> seen = new LinkedHashSet<>();
        int first = groupMetrics.size();
        for (int k : order) {
            String label = report.groups().get(k).label();
            seen.add(label);
            Cell[] cells = groupCells(g, groupingTag, label);
            if (cells == null) {
                continue;
            }
            for (int m = 0; m < groupMetricIds.size(); m++) {
                int at = k;
                cells[first + m].value = report.values(groupMetricIds.get(m)).map(v -> valueOf(v.value(at)))
                        .orElse(Double.NaN);
            }
            cells[cells.length - 1].value = report.sizes().get(k);
        }
        clearUnseen(g, seen);
        g.updated.value = report.provenance().map(p -> p.evaluatedAt().toEpochMilli() / 1000.0).orElse(Double.NaN);
    }

    /** @return the grouping's series, created on first sight; null if the grouping is beyond the bound */
    private Grouping grouping(String groupingTag) {
        if (groupings.containsKey(groupingTag) && groupings.get(groupingTag) == null) {
            return null;
        }
        Grouping g = groupings.get(groupingTag);
        if (g == null) {
            if (groupings.size() >= maxGroupings) {
                groupingsDropped.value = groupingsDropped.value + 1;
                groupings.put(groupingTag, null);
                return null;
            }
            g = newGrouping(groupingTag);
            groupings.put(groupingTag, g);
        }
        return g;
    }

    /** @return a group's cells (created on first sight), or null if the group is beyond the bound */
    private Cell[] groupCells(Grouping g, String groupingTag, String label) {
        Cell[] cells = g.groups.get(label);
        if (cells == null) {
            if (g.groups.size() >= maxGroups) {
                if (g.dropped.add(label)) {
                    g.droppedCell.value = g.dropped.size();
                }
                return null;
            }
            cells = new Cell[groupMetrics.size() + groupMetricIds.size() + 1];
            Tags t = Tags.of(Tag.of("grouping", groupingTag), Tag.of("group", label));
            for (int k = 0; k < groupMetrics.size(); k++) {
                cells[k] = add("fairkit.group.value", "a group metric of one group in the latest report",
                        t.and("metric", groupMetrics.get(k).id()));
            }
            for (int k = 0; k < groupMetricIds.size(); k++) {
                cells[groupMetrics.size() + k] = add("fairkit.group.value", "a group metric of one group in the "
                        + "latest report", t.and("metric", groupMetricIds.get(k)));
            }
            cells[cells.length - 1] = add("fairkit.group.rows", "the group's row count in the latest report", t);
            g.groups.put(label, cells);
        }
        return cells;
    }

    private static void clearUnseen(Grouping g, Set<String> seen) {
        for (Map.Entry<String, Cell[]> e : g.groups.entrySet()) {
            if (!seen.contains(e.getKey())) {
                for (Cell c : e.getValue()) {
                    c.value = Double.NaN;
                }
            }
        }
    }

    private Grouping newGrouping(String groupingTag) {
        Grouping g = new Grouping();
        Tags t = Tags.of("grouping", groupingTag);
        for (FairnessMetric f : fairnessMetrics) {
            Tags ft = t.and("metric", f.id());
            g.fairness.put(f, new Cell[] {
                add("fairkit.fairness", "a named fairness metric of the latest report", ft),
                add("fairkit.fairness.lower", "the lower end of its interval", ft),
                add("fairkit.fairness.upper", "the upper end of its interval", ft),
                add("fairkit.fairness.defined", "1 when the metric is defined, 0 when undefined", ft)});
        }
        for (String id : disparityIds) {
            Tags ft = t.and("metric", id);
            g.disparities.put(id, new Cell[] {
                add("fairkit.fairness", "a named fairness metric of the latest report", ft),
                add("fairkit.fairness.lower", "the lower end of its interval", ft),
                add("fairkit.fairness.upper", "the upper end of its interval", ft),
                add("fairkit.fairness.defined", "1 when the metric is defined, 0 when undefined", ft)});
        }
        g.droppedCell = add("fairkit.groups.dropped", "groups without series (beyond maxGroups)", t);
        g.droppedCell.value = 0;
        g.updated = add("fairkit.fairness.updated", "when the latest report was evaluated (epoch seconds)", t);
        return g;
    }

    private void publish(Grouping g, String groupingTag, FairnessReport report) {
        for (Map.Entry<FairnessMetric, Cell[]> e : g.fairness.entrySet()) {
            Cell[] c = e.getValue();
            Optional<Disparity> d = report.fairnessMetrics().containsKey(e.getKey())
                    ? Optional.of(report.fairness(e.getKey())) : Optional.empty();
            c[0].value = d.map(Disparity::asDouble).orElse(Double.NaN);
            Optional<Interval> i = d.flatMap(Disparity::interval);
            c[1].value = i.map(Interval::lower).orElse(Double.NaN);
            c[2].value = i.map(Interval::upper).orElse(Double.NaN);
            c[3].value = d.map(x -> x.isDefined() ? 1.0 : 0.0).orElse(Double.NaN);
        }
        List<GroupRow> rows = new ArrayList<>(report.byGroup());
        rows.sort(Comparator.comparingLong(GroupRow::rows).reversed()
                .thenComparing(r -> r.group().label()));
        Set<String> seen = new LinkedHashSet<>();
        for (GroupRow row : rows) {
            String label = row.group().label();
            seen.add(label);
            Cell[] cells = groupCells(g, groupingTag, label);
            if (cells == null) {
                continue;
            }
            for (int k = 0; k < groupMetrics.size(); k++) {
                GroupMetric m = groupMetrics.get(k);
                cells[k].value = report.metrics().contains(m) ? valueOf(row.value(m)) : Double.NaN;
            }
            cells[cells.length - 1].value = row.rows();
        }
        clearUnseen(g, seen);
        g.updated.value = report.provenance().evaluatedAt().toEpochMilli() / 1000.0;
    }

    private static double valueOf(MetricValue v) {
        return v.isDefined() ? v.value() : Double.NaN;
    }

    /** @return how many series this binder has created so far (the same in every bound registry) */
    public synchronized int seriesCount() {
        return series.size();
    }

    @Override
    public String toString() {
        return "FairnessMeterBinder[" + fairnessMetrics.size() + " fairness metrics, " + groupMetrics.size()
                + " group metrics, maxGroups " + maxGroups + ", maxGroupings " + maxGroupings + "]";
    }

    /** Configures a {@link FairnessMeterBinder}; each setting is set once. */
    public static final class Builder {
        private List<FairnessMetric> fairnessMetrics;
        private List<GroupMetric> groupMetrics = List.of();
        private boolean groupMetricsSet;
        private List<String> disparityIds = List.of();
        private boolean disparitiesSet;
        private List<String> groupMetricIds = List.of();
        private boolean groupMetricIdsSet;
        private int maxGroups = 50;
        private boolean maxGroupsSet;
        private int maxGroupings = 8;
        private boolean maxGroupingsSet;
        private Tags tags = Tags.empty();
        private boolean tagsSet;

        private Builder() {
        }

        private static void once(boolean set, String setting) {
            if (set) {
                throw new IllegalStateException(setting + " is already set; each setting is set once");
            }
        }

        /** The named fairness metrics of binary reports to publish (this or {@link #disparities} is required). */
        public Builder fairnessMetrics(FairnessMetric... metrics) {
            once(fairnessMetrics != null, "fairnessMetrics");
            if (metrics.length == 0) {
                throw new IllegalArgumentException("fairnessMetrics: expected at least one metric, got none");
            }
            fairnessMetrics = List.copyOf(new LinkedHashSet<>(List.of(metrics)));
            return this;
        }

        /** Group metrics to publish per group (default none). */
        public Builder groupMetrics(GroupMetric... metrics) {
            once(groupMetricsSet, "groupMetrics");
            groupMetrics = List.copyOf(new LinkedHashSet<>(List.of(metrics)));
            groupMetricsSet = true;
            return this;
        }

        /**
         * Disparities of any task's report to publish by id, for {@link FairnessMeterBinder#update(TaskReport)}:
         * named ({@code exposure_ratio}) or {@code <metric>.<aggregation>} ({@code mean_absolute_error.difference}).
         */
        public Builder disparities(String... ids) {
            once(disparitiesSet, "disparities");
            disparityIds = ids(ids, "disparities");
            disparitiesSet = true;
            return this;
        }

        /** Group metrics of any task's report to publish per group by id ({@code mean_absolute_error}, {@code exposure}). */
        public Builder groupMetricIds(String... ids) {
            once(groupMetricIdsSet, "groupMetricIds");
            groupMetricIds = ids(ids, "groupMetricIds");
            groupMetricIdsSet = true;
            return this;
        }

        private static List<String> ids(String[] ids, String setting) {
            List<String> out = new ArrayList<>();
            for (String id : ids) {
                if (id == null || id.isBlank()) {
                    throw new IllegalArgumentException(setting + ": expected metric ids, got a blank one");
                }
                out.add(id.strip());
            }
            return List.copyOf(new LinkedHashSet<>(out));
        }

        /** The most groups per grouping that get series (default 50), in 1..10000. */
        public Builder maxGroups(int n) {
            once(maxGroupsSet, "maxGroups");
            if (n < 1 || n > 10_000) {
                throw new IllegalArgumentException("maxGroups must be in 1..10000, got " + n);
            }
            maxGroups = n;
            maxGroupsSet = true;
            return this;
        }

        /** The most groupings that get series (default 8), in 1..1000. */
        public Builder maxGroupings(int n) {
            once(maxGroupingsSet, "maxGroupings");
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("maxGroupings must be in 1..1000, got " + n);
            }
            maxGroupings = n;
            maxGroupingsSet = true;
            return this;
        }

        /** Common tags on every meter, as key-value pairs, e.g. {@code "model", "credit-v7"}. */
        public Builder tags(String... keyValues) {
            once(tagsSet, "tags");
            if (keyValues.length % 2 != 0) {
                throw new IllegalArgumentException("tags: expected key-value pairs, got an odd number ("
                        + keyValues.length + ") of strings");
            }
            for (int i = 0; i < keyValues.length; i += 2) {
                String k = keyValues[i];
                if (k.equals("metric") || k.equals("grouping") || k.equals("group")) {
                    throw new IllegalArgumentException("tags: '" + k + "' is set by the binder; expected another key");
                }
            }
            tags = Tags.of(keyValues);
            tagsSet = true;
            return this;
        }

        /**
         * @return the binder
         * @throws IllegalStateException when neither a fairness metric nor a disparity id was given
         */
        public FairnessMeterBinder build() {
            if (fairnessMetrics == null && disparityIds.isEmpty()) {
                throw new IllegalStateException("fairnessMetrics is required: which named fairness metrics to publish");
            }
            return new FairnessMeterBinder(this);
        }
    }
}
