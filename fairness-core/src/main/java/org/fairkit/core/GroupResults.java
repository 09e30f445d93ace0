package org.fairkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.metrics.UndefinedMetricException;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;

/**
 * The "derive" step: every metric, aggregate and named fairness metric of an {@link EvaluationSpec}, computed
 * from per-group confusion counts and never from the rows.
 *
 * <p>Interval estimators call {@link #derive} on each resampled tally and read the same quantities through
 * {@link #values()}. Group metrics that were not requested are derived on demand from the counts.
 */
public final class GroupResults {
    private final EvaluationSpec spec;
    private final List<GroupKey> groups;
    private final GroupConfusion tally;
    private final CellCounts overall;
    private final List<String> smallReasons;
    private final OptionalInt reference;
    private final Map<GroupKey, Integer> index;
    private final Map<GroupMetric, GroupValues> values = new ConcurrentHashMap<>();
    private final Map<FairnessMetric, Disparity> fairness = new LinkedHashMap<>();
    private final List<ReportWarning> warnings = new ArrayList<>();

    private GroupResults(EvaluationSpec spec, List<GroupKey> groups, GroupConfusion tally, OptionalInt reference) {
        this.spec = spec;
        this.groups = groups;
        this.tally = tally;
        this.overall = tally.overall();
        this.reference = reference;
        Map<GroupKey, Integer> idx = new java.util.HashMap<>(groups.size() * 2);
        for (int g = 0; g < groups.size(); g++) {
            idx.put(groups.get(g), g);
        }
        this.index = idx;
        List<String> small = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long n = tally.group(g).rows();
            small.add(n < spec.minGroupSize() ? "n = " + n + " is below minGroupSize " + spec.minGroupSize() : null);
        }
        this.smallReasons = Collections.unmodifiableList(small);
    }

    /**
     * Derives all results.
     *
     * @param spec what to compute
     * @param grouping the grouping the tally was made with
     * @param tally per-group confusion counts
     * @throws IllegalArgumentException if the reference group does not exist in the grouping
     * @throws UndefinedMetricException under {@link ZeroDivision#ERROR}, for the first undefined value
     */
    public static GroupResults derive(EvaluationSpec spec, Grouping grouping, GroupConfusion tally) {
        if (tally.groupCount() != grouping.groupCount()) {
            throw new IllegalArgumentException("the tally has " + tally.groupCount() + " groups but the grouping has "
                    + grouping.groupCount());
        }
        OptionalInt ref = OptionalInt.empty();
        if (spec.reference().isPresent()) {
            List<String> levels = spec.reference().get();
            ref = grouping.indexOf(levels);
            if (ref.isEmpty()) {
                throw InputErrors.unknownReference(levels, grouping.features(), grouping.groups());
            }
        }
        GroupResults r = new GroupResults(spec, grouping.groups(), tally, ref);
        r.computeEagerly();
        return r;
    }

    private void computeEagerly() {
        for (int g = 0; g < groups.size(); g++) {
            if (smallReasons.get(g) != null) {
                warnings.add(new ReportWarning(ReportWarning.Kind.SMALL_GROUP, "group " + groups.get(g).describe()
                        + ": " + smallReasons.get(g) + "; reported, but left out of disparities"));
            }
        }
        for (GroupMetric m : spec.metrics()) {
            values(m, true);
        }
        for (FairnessMetric f : spec.fairnessMetrics()) {
            Disparity d = f.compute(m -> values(m, false), reference);
            fairness.put(f, d);
            if (!d.isDefined()) {
                warnings.add(new ReportWarning(ReportWarning.Kind.UNDEFINED_FAIRNESS_METRIC,
                        f.id() + " is undefined: " + d.value().reason().orElseThrow()));
            }
        }
    }

    private GroupValues values(GroupMetric metric, boolean warn) {
        GroupValues v = values.get(metric);
        if (v == null) {
            List<MetricValue> vs = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                vs.add(policy(metric, metric.compute(tally.group(g), overall), "group " + groups.get(g).describe(),
                        warn));
            }
            MetricValue o = policy(metric, metric.compute(overall, overall), "all rows", warn);
            v = new GroupValues(metric.id(), groups, vs, smallReasons, o, spec.zeroDivision());
            GroupValues prior = values.putIfAbsent(metric, v);
            v = prior != null ? prior : v;
        }
        return v;
    }

    private MetricValue policy(GroupMetric metric, MetricValue v, String where, boolean warn) {
        if (v.isDefined()) {
            return v;
        }
        String what = metric.id() + " of " + where + " is undefined: " + v.reason().orElseThrow();
        switch (spec.zeroDivision()) {
            case ERROR:
                throw new UndefinedMetricException(what);
            case ZERO:
                if (warn) {
                    warnings.add(new ReportWarning(ReportWarning.Kind.ZERO_SUBSTITUTED, what
                            + "; reported as 0 (ZeroDivision.ZERO)"));
                }
                return MetricValue.of(0.0);
            default:
                if (warn) {
                    warnings.add(new ReportWarning(ReportWarning.Kind.UNDEFINED_VALUE, what));
                }
                return v;
        }
    }

    /** @return the specification these results follow */
    public EvaluationSpec spec() {
        return spec;
    }

    /** @return the groups, in order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the per-group confusion counts */
    public GroupConfusion tally() {
        return tally;
    }

    /** @return the counts of one group */
    public CellCounts counts(GroupKey group) {
        return tally.group(indexOf(group));
    }

    /** @return the counts of all rows */
    public CellCounts overallCounts() {
        return overall;
    }

    /** @return the reference group, if set */
    public Optional<GroupKey> reference() {
        return reference.isPresent() ? Optional.of(groups.get(reference.getAsInt())) : Optional.empty();
    }

    /** @return whether the group is below the minimum group size */
    public boolean isSmall(GroupKey group) {
        return smallReasons.get(indexOf(group)) != null;
    }

    private int indexOf(GroupKey group) {
        Integer g = index.get(group);
        if (g == null) {
            throw new IllegalArgumentException("no group " + group.describe() + "; groups are " + groups);
        }
        return g;
    }

    /** @return a group's value of a metric */
    public MetricValue value(GroupMetric metric, GroupKey group) {
        return values(metric, false).value(indexOf(group));
    }

    /** @return a group metric's values in every group and overall, with its aggregates (computed once, cached) */
    public GroupValues groupValues(GroupMetric metric) {
        return values(metric, false);
    }

    /** @return the metric over all rows */
    public MetricValue overall(GroupMetric metric) {
        return values(metric, false).overall();
    }

    /** @return max − min over eligible groups */
    public Disparity difference(GroupMetric metric) {
        return values(metric, false).difference();
    }

    /** @return min / max over eligible groups */
    public Disparity ratio(GroupMetric metric) {
        return values(metric, false).ratio();
    }

    /** @return max over eligible groups of |group − overall| */
    public Disparity differenceToOverall(GroupMetric metric) {
        return values(metric, false).differenceToOverall();
    }

    /** @return min over eligible groups of min(group / overall, overall / group) */
    public Disparity ratioToOverall(GroupMetric metric) {
        return values(metric, false).ratioToOverall();
    }

    /**
     * @return each other group against the reference group
     * @throws IllegalStateException if no reference group was set
     */
    public List<ReferenceComparison> toReference(GroupMetric metric) {
        if (reference.isEmpty()) {
            throw new IllegalStateException("no reference group: set one with reference(...) before evaluate()");
        }
        return values(metric, false).toReference(reference.getAsInt());
    }

    /** @return a named fairness metric (computed on demand if it was not requested) */
    public Disparity fairness(FairnessMetric metric) {
        Disparity d = fairness.get(metric);
        return d != null ? d : metric.compute(m -> values(m, false), reference);
    }

    /**
     * @return for a reference metric ({@link FairnessMetric#needsReference()}), each other group against the
     *     reference, the family the headline value is the worst of; empty for other metrics or without a reference
     * @see FairnessMetric#compareEach
     */
    public List<Disparity> fairnessComparisons(FairnessMetric metric) {
        return metric.compareEach(m -> values(m, false), reference);
    }

    /** @return the requested named fairness metrics, in order */
    public Map<FairnessMetric, Disparity> fairnessMetrics() {
        return Collections.unmodifiableMap(fairness);
    }

    /** @return the warnings, in the order they arose */
    public List<ReportWarning> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Every reported quantity by its {@link Estimand}: for each requested metric its group values, overall value,
     * the four aggregates and (with a reference group) the comparisons; then the requested fairness metrics, each
     * reference metric followed by its per-group family ({@link Estimand.Kind#FAIRNESS_COMPARISON}).
     */
    public Map<Estimand, MetricValue> values() {
        Map<Estimand, MetricValue> out = new LinkedHashMap<>();
        for (GroupMetric m : spec.metrics()) {
            GroupValues v = values(m, false);
            for (int g = 0; g < groups.size(); g++) {
                out.put(Estimand.groupValue(m, groups.get(g)), v.value(g));
            }
            out.put(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE, m), v.overall());
            out.put(Estimand.aggregate(Estimand.Kind.DIFFERENCE, m), v.difference().value());
            out.put(Estimand.aggregate(Estimand.Kind.RATIO, m), v.ratio().value());
            out.put(Estimand.aggregate(Estimand.Kind.DIFFERENCE_TO_OVERALL, m), v.differenceToOverall().value());
            out.put(Estimand.aggregate(Estimand.Kind.RATIO_TO_OVERALL, m), v.ratioToOverall().value());
            if (reference.isPresent() && m != Metrics.COUNT) {
                for (ReferenceComparison c : v.toReference(reference.getAsInt())) {
                    out.put(Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, m, c.group()), c.difference());
                    out.put(Estimand.toReference(Estimand.Kind.REFERENCE_RATIO, m, c.group()), c.ratio());
                }
            }
        }
        for (Map.Entry<FairnessMetric, Disparity> e : fairness.entrySet()) {
            out.put(Estimand.fairness(e.getKey()), e.getValue().value());
            for (Disparity d : fairnessComparisons(e.getKey())) {
                out.put(Estimand.fairness(e.getKey(), d.groups().get(0)), d.value());
            }
        }
        return out;
    }
}
