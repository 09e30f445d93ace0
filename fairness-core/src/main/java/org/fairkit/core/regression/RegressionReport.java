package org.fairkit.core.regression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Provenance;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.internal.TextTable;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.core.metrics.UndefinedMetricException;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * The immutable result of {@code RegressionFairness.of(data)...evaluate()}: each regression metric in every group
 * and overall, its disparities (difference, ratio, to overall, against the reference group), the named
 * {@link RegressionFairnessMetric}s, warnings and provenance. {@link #toString()} prints fixed-width tables
 * ({@link Locale#ROOT}).
 */
public final class RegressionReport {
    private final List<GroupKey> groups;
    private final GroupErrorSums errors;
    private final Map<RegressionMetric, GroupValues> values;
    private final Map<RegressionFairnessMetric, Disparity> fairness;
    private final OptionalInt reference;
    private final List<Boolean> small;
    private final int minGroupSize;
    private final ZeroDivision zeroDivision;
    private final List<ReportWarning> warnings;
    private final Provenance provenance;

    private RegressionReport(List<GroupKey> groups, GroupErrorSums errors, Map<RegressionMetric, GroupValues> values,
            Map<RegressionFairnessMetric, Disparity> fairness, OptionalInt reference, List<Boolean> small,
            int minGroupSize, ZeroDivision zeroDivision, List<ReportWarning> warnings, Provenance provenance) {
        this.groups = groups;
        this.errors = errors;
        this.values = values;
        this.fairness = fairness;
        this.reference = reference;
        this.small = small;
        this.minGroupSize = minGroupSize;
        this.zeroDivision = zeroDivision;
        this.warnings = warnings;
        this.provenance = provenance;
    }

    static RegressionReport derive(Grouping grouping, GroupErrorSums errors, List<RegressionMetric> metrics,
            List<RegressionFairnessMetric> fairnessMetrics, List<String> referenceLevels, int minGroupSize,
            ZeroDivision zd, Provenance provenance) {
        List<GroupKey> groups = grouping.groups();
        OptionalInt ref = OptionalInt.empty();
        if (referenceLevels != null) {
            ref = grouping.indexOf(referenceLevels);
            if (ref.isEmpty()) {
                throw InputErrors.unknownReference(referenceLevels, grouping.features(), groups);
            }
        }
        List<ReportWarning> warnings = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long n = errors.group(g).rows();
            String reason = n < minGroupSize ? "n = " + n + " is below minGroupSize " + minGroupSize : null;
            small.add(reason);
            if (reason != null) {
                warnings.add(new ReportWarning(ReportWarning.Kind.SMALL_GROUP, "group " + groups.get(g).describe()
                        + ": " + reason + "; reported, but left out of disparities"));
            }
        }
        Map<RegressionMetric, GroupValues> values = new LinkedHashMap<>();
        for (RegressionMetric m : metrics) {
            values.put(m, values(m, groups, errors, small, zd, warnings));
        }
        Map<RegressionMetrics, GroupValues> builtIn = new EnumMap<>(RegressionMetrics.class);
        Function<RegressionMetrics, GroupValues> lookup = m -> builtIn.computeIfAbsent(m, k -> {
            GroupValues v = values.get(k);
            return v != null ? v : values(k, groups, errors, small, zd, new ArrayList<>());
        });
        Map<RegressionFairnessMetric, Disparity> fairness = new LinkedHashMap<>();
        for (RegressionFairnessMetric f : fairnessMetrics) {
            Disparity d = f.compute(lookup);
            fairness.put(f, d);
            if (!d.isDefined()) {
                warnings.add(new ReportWarning(ReportWarning.Kind.UNDEFINED_FAIRNESS_METRIC,
                        f.id() + " is undefined: " + d.value().reason().orElseThrow()));
            }
        }
        return new RegressionReport(groups, errors, Collections.unmodifiableMap(values),
                Collections.unmodifiableMap(fairness), ref, small.stream().map(s -> s != null).toList(), minGroupSize, zd,
                List.copyOf(warnings), provenance);
    }

    /**
     * Derives a report from per-group error sums computed elsewhere: merged stream windows, partitions of a file, a
     * database's aggregates. The same derivation as {@code RegressionFairness.of(data)...evaluate()}, which tallies
     * the rows itself: equal {@link ErrorSums} give equal reports.
     *
     * @param grouping the groups, in report order ({@code errors.group(g)} is group {@code g}'s)
     * @param errors each group's sums
     * @param metrics the group metrics to report, at least one
     * @param fairnessMetrics the named fairness metrics to report
     * @param spec the reference group, minimum group size and zero division ({@code metrics} and
     *     {@code fairnessMetrics} of the spec, which are classification metrics, are not used)
     * @param provenance where the sums come from
     * @throws IllegalArgumentException if the group counts differ, no metric is given, or the reference group is not
     *     one of the groups
     */
    public static RegressionReport of(Grouping grouping, GroupErrorSums errors, List<RegressionMetric> metrics,
            List<RegressionFairnessMetric> fairnessMetrics, EvaluationSpec spec,
            Provenance provenance) {
        if (grouping.groupCount() != errors.groupCount()) {
            throw new IllegalArgumentException("the grouping has " + grouping.groupCount() + " groups but the error "
                    + "sums have " + errors.groupCount());
        }
        if (metrics.isEmpty()) {
            throw InputErrors.badSetting("metrics", "nothing", "at least one metric");
        }
        return derive(grouping, errors, List.copyOf(metrics), List.copyOf(fairnessMetrics),
                spec.reference().orElse(null), spec.minGroupSize(), spec.zeroDivision(),
                Objects.requireNonNull(provenance, "provenance"));
    }

    private static GroupValues values(RegressionMetric m, List<GroupKey> groups, GroupErrorSums errors,
            List<String> small, ZeroDivision zd, List<ReportWarning> warnings) {
        List<MetricValue> vs = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            vs.add(policy(m, m.compute(errors.group(g)), "group " + groups.get(g).describe(), zd, warnings));
        }
        MetricValue overall = policy(m, m.compute(errors.overall()), "all rows", zd, warnings);
        return new GroupValues(m.id(), groups, vs, small, overall, zd);
    }

    private static MetricValue policy(RegressionMetric m, MetricValue v, String where, ZeroDivision zd,
            List<ReportWarning> warnings) {
        if (v.isDefined()) {
            return v;
        }
        String what = m.id() + " of " + where + " is undefined: " + v.reason().orElseThrow();
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

    /**
     * This report in the shape every task shares ({@link Task#REGRESSION}): the regression metrics as group metrics
     * (sizes are rows, never weighted), the {@link RegressionFairnessMetric}s as named disparities.
     *
     * @return the shared view of this report
     */
    public TaskReport asTaskReport() {
        List<Long> sizes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            sizes.add(errors.group(g).rows());
        }
        List<String> groupBy = groups.isEmpty() ? List.of() : groups.get(0).features();
        TaskReport.Builder b = TaskReport.builder(Task.REGRESSION, groupBy, groups, sizes);
        values.values().forEach(b::metric);
        fairness.values().forEach(b::disparity);
        return b.warnings(warnings).provenance(provenance).build();
    }

    /** @return the groups, in order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the per-group error statistics everything is derived from */
    public GroupErrorSums errors() {
        return errors;
    }

    /** @return the requested metrics, in order */
    public List<RegressionMetric> metrics() {
        return List.copyOf(values.keySet());
    }

    /** @return the reference group, if one was set */
    public Optional<GroupKey> reference() {
        return reference.isPresent() ? Optional.of(groups.get(reference.getAsInt())) : Optional.empty();
    }

    /**
     * @return one metric's values in every group, overall, and its aggregates
     * @throws IllegalArgumentException if the metric was not requested
     */
    public GroupValues values(RegressionMetric metric) {
        GroupValues v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException(metric.id() + " was not requested; requested: "
                    + values.keySet().stream().map(RegressionMetric::id).toList());
        }
        return v;
    }

    /** @return a group's value of a metric */
    public MetricValue value(RegressionMetric metric, GroupKey group) {
        int g = groups.indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("no group " + group.describe() + "; groups are " + groups);
        }
        return values(metric).value(g);
    }

    /** @return a metric over all rows */
    public MetricValue overall(RegressionMetric metric) {
        return values(metric).overall();
    }

    /** @return max − min over eligible groups */
    public Disparity difference(RegressionMetric metric) {
        return values(metric).difference();
    }

    /** @return min / max over eligible groups */
    public Disparity ratio(RegressionMetric metric) {
        return values(metric).ratio();
    }

    /** @return max over eligible groups of |group − overall| */
    public Disparity differenceToOverall(RegressionMetric metric) {
        return values(metric).differenceToOverall();
    }

    /** @return min over eligible groups of min(group / overall, overall / group) */
    public Disparity ratioToOverall(RegressionMetric metric) {
        return values(metric).ratioToOverall();
    }

    /**
     * @return each other group against the reference group
     * @throws IllegalStateException if no reference group was set
     */
    public List<ReferenceComparison> toReference(RegressionMetric metric) {
        if (reference.isEmpty()) {
            throw new IllegalStateException("no reference group: set one with reference(...) before evaluate()");
        }
        return values(metric).toReference(reference.getAsInt());
    }

    /**
     * @return a named fairness metric
     * @throws IllegalArgumentException if it was not requested
     */
    public Disparity fairness(RegressionFairnessMetric metric) {
        Disparity d = fairness.get(metric);
        if (d == null) {
            throw new IllegalArgumentException(metric.id() + " was not requested; requested: "
                    + fairness.keySet().stream().map(RegressionFairnessMetric::id).toList());
        }
        return d;
    }

    /** @return the requested named fairness metrics, in order */
    public Map<RegressionFairnessMetric, Disparity> fairnessMetrics() {
        return fairness;
    }

    /** @return the warnings: small groups, undefined values, substitutions */
    public List<ReportWarning> warnings() {
        return warnings;
    }

    /** @return where the numbers come from */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the report as fixed-width tables */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("FairKit regression report: ").append(groups.size()).append(" groups by ")
                .append(provenance.configuration().get("groupBy").replace(",", " x ")).append(", ")
                .append(provenance.rows()).append(" rows, ")
                .append(Boolean.parseBoolean(provenance.configuration().get("weighted")) ? "weighted" : "unweighted")
                .append('\n');
        b.append("reference: ").append(reference().map(GroupKey::label).orElse("none")).append("; minGroupSize: ")
                .append(minGroupSize).append("; zero division: ").append(zeroDivision).append("\n\n");
        List<RegressionMetric> ms = metrics();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("group", "n"));
        ms.forEach(m -> header.add(m.id()));
        table.add(header);
        boolean anySmall = false;
        for (int g = 0; g < groups.size(); g++) {
            boolean isSmall = small.get(g);
            anySmall |= isSmall;
            List<String> line = new ArrayList<>(List.of(groups.get(g).label() + (isSmall ? " *" : ""),
                    Long.toString(errors.group(g).rows())));
            for (RegressionMetric m : ms) {
                line.add(cell(values(m).value(g)));
            }
            table.add(line);
        }
        List<String> overall = new ArrayList<>(List.of("overall", Long.toString(provenance.rows())));
        ms.forEach(m -> overall.add(cell(values(m).overall())));
        table.add(overall);
        TextTable.render(b, table);
        if (anySmall) {
            b.append("* below minGroupSize ").append(minGroupSize).append(": reported, left out of disparities\n");
        }
        b.append('\n');
        List<List<String>> agg = new ArrayList<>();
        List<String> h = new ArrayList<>(List.of("disparity"));
        ms.forEach(m -> h.add(m.id()));
        agg.add(h);
        agg.add(aggregate("difference", ms, GroupValues::difference));
        agg.add(aggregate("ratio", ms, GroupValues::ratio));
        agg.add(aggregate("difference_to_overall", ms, GroupValues::differenceToOverall));
        agg.add(aggregate("ratio_to_overall", ms, GroupValues::ratioToOverall));
        TextTable.render(b, agg);
        if (!fairness.isEmpty()) {
            b.append('\n');
            List<List<String>> fm = new ArrayList<>();
            fm.add(List.of("fairness metric", "value", "groups"));
            for (Disparity d : fairness.values()) {
                fm.add(List.of(d.id(), cell(d.value()), String.join(" vs ", d.groups().stream()
                        .map(GroupKey::label).toList())));
            }
            TextTable.render(b, fm);
        }
        b.append("\nwarnings: ").append(warnings.isEmpty() ? "none" : warnings.size()).append('\n');
        warnings.forEach(w -> b.append("- ").append(w.message()).append('\n'));
        String sha = provenance.inputSha256();
        b.append("fairkit ").append(provenance.libraryVersion()).append(", input sha256 ")
                .append(sha, 0, Math.min(16, sha.length())).append('\n');
        return b.toString();
    }

    private List<String> aggregate(String name, List<RegressionMetric> ms, Function<GroupValues, Disparity> f) {
        List<String> line = new ArrayList<>(List.of(name));
        ms.forEach(m -> line.add(cell(f.apply(values(m)).value())));
        return line;
    }

    private static String cell(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }
}
