package org.fairkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.UndefinedMetricException;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.internal.SortedScores;

/**
 * The score metrics of a report: each requested {@link ScoreMetric} in every group and over all rows, with the
 * aggregates of {@link GroupValues} (difference, ratio, to overall, against the reference group).
 *
 * <p>Derived from the per-group {@link org.fairkit.core.scores.ScoreSummary score statistics}; the same
 * {@code minGroupSize} and {@link ZeroDivision} policy as the confusion metrics apply. Intervals are not estimated
 * for score metrics: the interval estimators of fairness-stats resample confusion counts, which do not determine
 * a score metric. Immutable.
 */
public final class ScoreResults {
    private static final ScoreResults NONE = new ScoreResults(List.of(), Map.of(), List.of(), List.of());

    private final List<GroupKey> groups;
    private final Map<ScoreMetric, GroupValues> values;
    private final List<Long> rows;
    private final List<ReportWarning> warnings;

    private ScoreResults(List<GroupKey> groups, Map<ScoreMetric, GroupValues> values, List<Long> rows,
            List<ReportWarning> warnings) {
        this.groups = groups;
        this.values = values;
        this.rows = rows;
        this.warnings = warnings;
    }

    /** @return results without score metrics */
    public static ScoreResults none() {
        return NONE;
    }

    /**
     * Derives the score metrics.
     *
     * @param sorted the sorted scores of the grouping
     * @param groups the groups, in order
     * @param metrics the score metrics to compute, in report order
     * @param minGroupSize groups with fewer rows are left out of disparities
     * @param zeroDivision what an undefined value gives
     * @throws UndefinedMetricException under {@link ZeroDivision#ERROR}, for the first undefined value
     */
    static ScoreResults derive(SortedScores sorted, List<GroupKey> groups, List<? extends ScoreMetric> metrics,
            int minGroupSize, ZeroDivision zeroDivision) {
        if (groups.size() != sorted.groupCount()) {
            throw new IllegalArgumentException("the sorted scores have " + sorted.groupCount() + " groups, got "
                    + groups.size() + " group keys");
        }
        List<String> small = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long n = sorted.group(g).rows();
            rows.add(n);
            small.add(n < minGroupSize ? "n = " + n + " is below minGroupSize " + minGroupSize : null);
        }
        List<ReportWarning> warnings = new ArrayList<>();
        Map<ScoreMetric, GroupValues> values = new LinkedHashMap<>();
        for (ScoreMetric m : metrics) {
            List<MetricValue> vs = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                vs.add(policy(m, m.compute(sorted.group(g)), "group " + groups.get(g).describe(), zeroDivision,
                        warnings));
            }
            MetricValue overall = policy(m, m.compute(sorted.overall()), "all rows", zeroDivision, warnings);
            values.put(m, new GroupValues(m.id(), groups, vs, small, overall, zeroDivision));
        }
        return new ScoreResults(List.copyOf(groups), Collections.unmodifiableMap(values), List.copyOf(rows),
                List.copyOf(warnings));
    }

    private static MetricValue policy(ScoreMetric metric, MetricValue v, String where, ZeroDivision zd,
            List<ReportWarning> warnings) {
        if (v.isDefined()) {
            return v;
        }
        String what = metric.id() + " of " + where + " is undefined: " + v.reason().orElseThrow();
        switch (zd) {
            case ERROR:
                throw new UndefinedMetricException(what);
            case ZERO:
                warnings.add(new ReportWarning(ReportWarning.Kind.ZERO_SUBSTITUTED,
                        what + "; reported as 0 (ZeroDivision.ZERO)"));
                return MetricValue.of(0.0);
            default:
                warnings.add(new ReportWarning(ReportWarning.Kind.UNDEFINED_VALUE, what));
                return v;
        }
    }

    /** @return the score metrics, in request order (empty when none was requested) */
    public List<ScoreMetric> metrics() {
        return List.copyOf(values.keySet());
    }

    /** @return whether any score metric was requested */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return the groups, in order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the number of rows of group {@code g} (never weighted) */
    public long rows(int g) {
        return rows.get(g);
    }

    /**
     * @return one score metric's values in every group, overall, and its aggregates
     * @throws IllegalArgumentException if the metric was not requested
     */
    public GroupValues values(ScoreMetric metric) {
        GroupValues v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("score metric " + metric.id() + " was not requested; requested: "
                    + values.keySet().stream().map(ScoreMetric::id).toList()
                    + " (set them with scoreMetrics(...))");
        }
        return v;
    }

    /** @return a group's value of a score metric */
    public MetricValue value(ScoreMetric metric, GroupKey group) {
        int g = groups.indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("no group " + group.describe() + "; groups are " + groups);
        }
        return values(metric).value(g);
    }

    /** @return the warnings about undefined or substituted score values, in the order they arose */
    public List<ReportWarning> warnings() {
        return warnings;
    }
}
