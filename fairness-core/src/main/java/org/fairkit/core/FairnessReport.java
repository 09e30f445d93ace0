package org.fairkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.scores.ScoreMetric;

/**
 * The immutable result of {@code Fairness.of(data)...evaluate()}: the group × metric table, overall values,
 * disparities, named fairness metrics, intervals when asked, warnings and provenance.
 *
 * <p>Score metrics ({@link #scoreMetrics()}), when requested, are read through the overloads taking a
 * {@link ScoreMetric}; they have the same aggregates but no intervals.
 *
 * <p>{@link #toString()} prints a fixed-width table ({@link java.util.Locale#ROOT}), so exploring in JShell
 * needs nothing else.
 */
public final class FairnessReport {
    private final GroupResults results;
    private final ScoreResults scores;
    private final Map<Estimand, Interval> intervals;
    private final Provenance provenance;

    FairnessReport(GroupResults results, ScoreResults scores, Map<Estimand, Interval> intervals,
            Provenance provenance) {
        this.results = results;
        this.scores = Objects.requireNonNull(scores);
        this.intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        this.provenance = Objects.requireNonNull(provenance);
    }

    /**
     * A report from results derived elsewhere than {@code Fairness.evaluate()}: per-group counts tallied from a
     * streamed file, a monitoring window, or a distributed engine, then {@link GroupResults#derive derived}. The
     * caller is responsible for a provenance that says where the counts came from. Such a report has no score
     * metrics (they need the raw scores, which counts do not keep).
     *
     * @param results the derived point estimates
     * @param intervals intervals by estimand (may be empty)
     * @param provenance where the numbers come from
     */
    public static FairnessReport of(GroupResults results, Map<Estimand, Interval> intervals, Provenance provenance) {
        return new FairnessReport(Objects.requireNonNull(results, "results"), ScoreResults.none(),
                Objects.requireNonNull(intervals, "intervals"), provenance);
    }

    /**
     * @return this report with another provenance (for example one that adds the input file's SHA-256, see
     *     {@link Provenance#withInputFileSha256}); the numbers are unchanged
     */
    public FairnessReport withProvenance(Provenance other) {
        return new FairnessReport(results, scores, intervals, Objects.requireNonNull(other, "provenance"));
    }

    /** @return the derived point estimates behind this report */
    public GroupResults results() {
        return results;
    }

    /** @return the groups, in order */
    public List<GroupKey> groups() {
        return results.groups();
    }

    /** @return the requested group metrics, in order */
    public List<GroupMetric> metrics() {
        return results.spec().metrics();
    }

    /** @return the reference group, if one was set */
    public Optional<GroupKey> reference() {
        return results.reference();
    }

    /** @return the group × metric table, one row per group, with intervals where estimated */
    public List<GroupRow> byGroup() {
        List<GroupRow> rows = new ArrayList<>();
        for (GroupKey g : results.groups()) {
            Map<GroupMetric, MetricValue> values = new LinkedHashMap<>();
            Map<GroupMetric, Interval> cis = new LinkedHashMap<>();
            for (GroupMetric m : metrics()) {
                values.put(m, results.value(m, g));
                Interval i = intervals.get(Estimand.groupValue(m, g));
                if (i != null) {
                    cis.put(m, i);
                }
            }
            rows.add(new GroupRow(g, results.counts(g).rows(), results.isSmall(g), values, cis));
        }
        return rows;
    }

    /** @return a group's value of a metric */
    public MetricValue value(GroupMetric metric, GroupKey group) {
        return results.value(metric, group);
    }

    /** @return each requested metric over all rows */
    public Map<GroupMetric, MetricValue> overall() {
        Map<GroupMetric, MetricValue> out = new LinkedHashMap<>();
        for (GroupMetric m : metrics()) {
            out.put(m, results.overall(m));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return a metric over all rows */
    public MetricValue overall(GroupMetric metric) {
        return results.overall(metric);
    }

    /** @return max − min over eligible groups */
    public Disparity difference(GroupMetric metric) {
        return withInterval(results.difference(metric), Estimand.aggregate(Estimand.Kind.DIFFERENCE, metric));
    }

    /** @return min / max over eligible groups (the four-fifths rule reads this against 0.8) */
    public Disparity ratio(GroupMetric metric) {
        return withInterval(results.ratio(metric), Estimand.aggregate(Estimand.Kind.RATIO, metric));
    }

    /** @return max over eligible groups of |group − overall| (Fairlearn {@code method="to_overall"}) */
    public Disparity differenceToOverall(GroupMetric metric) {
        return withInterval(results.differenceToOverall(metric),
                Estimand.aggregate(Estimand.Kind.DIFFERENCE_TO_OVERALL, metric));
    }

    /** @return min over eligible groups of min(group / overall, overall / group) */
    public Disparity ratioToOverall(GroupMetric metric) {
        return withInterval(results.ratioToOverall(metric), Estimand.aggregate(Estimand.Kind.RATIO_TO_OVERALL, metric));
    }

    /**
     * @return each other group against the reference group
     * @throws IllegalStateException if no reference group was set
     */
    public List<ReferenceComparison> toReference(GroupMetric metric) {
        return results.toReference(metric);
    }

    /** @return a named fairness metric */
    public Disparity fairness(FairnessMetric metric) {
        return withInterval(results.fairness(metric), Estimand.fairness(metric));
    }

    /**
     * The family behind a reference metric: each other group against the reference group, with its interval where
     * estimated. Interval estimators make these intervals simultaneous over the family, so the headline
     * ({@link #fairness}) may carry its group's interval although that group was selected as the worst.
     *
     * @return one comparison per non-reference group, in group order; empty for metrics without a reference
     */
    public List<Disparity> fairnessByGroup(FairnessMetric metric) {
        List<Disparity> out = new ArrayList<>();
        for (Disparity d : results.fairnessComparisons(metric)) {
            out.add(withInterval(d, Estimand.fairness(metric, d.groups().get(0))));
        }
        return List.copyOf(out);
    }

    /** @return the requested named fairness metrics, in order, with intervals where estimated */
    public Map<FairnessMetric, Disparity> fairnessMetrics() {
        Map<FairnessMetric, Disparity> out = new LinkedHashMap<>();
        for (FairnessMetric f : results.fairnessMetrics().keySet()) {
            out.put(f, fairness(f));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return the interval of a reported quantity, if one was estimated */
    public Optional<Interval> interval(Estimand estimand) {
        return Optional.ofNullable(intervals.get(estimand));
    }

    /** @return every estimated interval */
    public Map<Estimand, Interval> intervals() {
        return intervals;
    }

    /** @return the warnings: small groups, undefined values (confusion, then score metrics), substitutions */
    public List<ReportWarning> warnings() {
        if (scores.warnings().isEmpty()) {
            return results.warnings();
        }
        List<ReportWarning> all = new ArrayList<>(results.warnings());
        all.addAll(scores.warnings());
        return List.copyOf(all);
    }

    /**
     * This report in the shape every task shares ({@link Task#BINARY}): the confusion metrics, then the score metrics,
     * as group metrics; the named fairness metrics as named disparities; every interval of a group value or of an
     * aggregate (difference, ratio, to overall) attached under the same ids. Reference comparisons and the
     * per-group family of a reference metric stay on this report.
     *
     * @return the shared view of this report
     */
    public TaskReport asTaskReport() {
        List<Long> sizes = new ArrayList<>();
        for (GroupKey g : groups()) {
            sizes.add(results.counts(g).rows());
        }
        TaskReport.Builder b = TaskReport.builder(Task.BINARY, results.spec().groupBy(), groups(), sizes);
        Set<String> ids = new HashSet<>();
        for (GroupMetric m : metrics()) {
            b.metric(results.groupValues(m));
            ids.add(m.id());
        }
        for (ScoreMetric m : scoreMetrics()) {
            b.metric(scores.values(m));
            ids.add(m.id());
        }
        fairnessMetrics().values().forEach(b::disparity);
        intervals.forEach((e, i) -> {
            if (!ids.contains(e.metricId())) {
                return;
            }
            switch (e.kind()) {
                case GROUP_VALUE -> b.groupInterval(e.metricId(), e.group().orElseThrow(), i);
                case DIFFERENCE, RATIO, DIFFERENCE_TO_OVERALL, RATIO_TO_OVERALL ->
                        b.disparityInterval(e.metricId() + "." + e.kind().name().toLowerCase(Locale.ROOT), i);
                default -> {
                }
            }
        });
        b.warnings(warnings());
        b.provenance(provenance);
        return b.build();
    }

    /** @return the requested score metrics, in order (empty when none were requested) */
    public List<ScoreMetric> scoreMetrics() {
        return scores.metrics();
    }

    /** @return the score metrics' values and aggregates */
    public ScoreResults scores() {
        return scores;
    }

    /**
     * @return a group's value of a score metric
     * @throws IllegalArgumentException if the metric was not requested or the group does not exist
     */
    public MetricValue value(ScoreMetric metric, GroupKey group) {
        return scores.value(metric, group);
    }

    /** @return a score metric over all rows */
    public MetricValue overall(ScoreMetric metric) {
        return scores.values(metric).overall();
    }

    /** @return max − min of a score metric over eligible groups */
    public Disparity difference(ScoreMetric metric) {
        return scores.values(metric).difference();
    }

    /** @return min / max of a score metric over eligible groups */
    public Disparity ratio(ScoreMetric metric) {
        return scores.values(metric).ratio();
    }

    /** @return max over eligible groups of |group − overall| of a score metric */
    public Disparity differenceToOverall(ScoreMetric metric) {
        return scores.values(metric).differenceToOverall();
    }

    /** @return min over eligible groups of min(group / overall, overall / group) of a score metric */
    public Disparity ratioToOverall(ScoreMetric metric) {
        return scores.values(metric).ratioToOverall();
    }

    /**
     * @return each other group against the reference group, on a score metric
     * @throws IllegalStateException if no reference group was set
     */
    public List<ReferenceComparison> toReference(ScoreMetric metric) {
        GroupKey ref = reference().orElseThrow(
                () -> new IllegalStateException("no reference group: set one with reference(...) before evaluate()"));
        GroupValues v = scores.values(metric);
        return v.toReference(v.groups().indexOf(ref));
    }

    /** @return where the numbers come from */
    public Provenance provenance() {
        return provenance;
    }

    private Disparity withInterval(Disparity d, Estimand e) {
        Interval i = intervals.get(e);
        return i == null ? d : d.withInterval(i);
    }

    /** @return the report as a fixed-width table */
    @Override
    public String toString() {
        return ReportFormatter.format(this);
    }
}
