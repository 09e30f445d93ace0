package org.fairkit.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupRow;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.reports.svg.CalibrationChart;
import org.fairkit.reports.svg.GroupBarChart;
import org.fairkit.reports.svg.Palette;
import org.fairkit.reports.svg.ThresholdChart;
import org.fairkit.reports.svg.TrendChart;

/** Builds the charts of a {@link ReportContent}; shared by the dashboard and the slides. */
final class Charts {
    private Charts() {
    }

    private static String sizeNote(FairnessReport r, GroupRow row) {
        int min = r.results().spec().minGroupSize();
        return "n = " + Fmt.count(row.rows()) + (row.small() ? ", below minimum " + min : "");
    }

    /**
     * One group metric per group, intervals as whiskers, the reference group marked. Works for metrics the report
     * did not request too (derived on demand from the counts, without intervals).
     */
    static String metricBars(ReportContent c, GroupMetric m, String id, double width) {
        FairnessReport r = c.report();
        MetricInfo info = m.info();
        GroupBarChart.Builder b = GroupBarChart.builder(id, info.name() + " by group").axisLabel(info.name())
                .width(width);
        if (Double.isFinite(info.lowerBound()) && Double.isFinite(info.upperBound())) {
            b.domain(info.lowerBound(), info.upperBound());
        }
        Optional<GroupKey> ref = r.reference();
        for (GroupRow row : r.byGroup()) {
            boolean isRef = ref.isPresent() && ref.get().equals(row.group());
            GroupBarChart.Role role = isRef ? GroupBarChart.Role.REFERENCE
                    : row.small() ? GroupBarChart.Role.WARNING : GroupBarChart.Role.GROUP;
            String note = isRef ? "reference, " + sizeNote(r, row) : sizeNote(r, row);
            b.bar(GroupBarChart.Bar.of(row.group().label(), r.value(m, row.group()),
                    groupInterval(r, m, row.group()), role, note));
        }
        return b.build().toSvg();
    }

    /** Group sizes, small groups in amber, the minimum group size as a guide. */
    static String groupSizes(ReportContent c, String id, double width) {
        FairnessReport r = c.report();
        int min = r.results().spec().minGroupSize();
        GroupBarChart.Builder b = GroupBarChart.builder(id, "Rows per group").axisLabel("rows").decimals(0)
                .width(width);
        Optional<GroupKey> ref = r.reference();
        long total = r.provenance().rows();
        for (GroupRow row : r.byGroup()) {
            boolean isRef = ref.isPresent() && ref.get().equals(row.group());
            GroupBarChart.Role role = row.small() ? GroupBarChart.Role.WARNING
                    : isRef ? GroupBarChart.Role.REFERENCE : GroupBarChart.Role.GROUP;
            String share = total == 0 ? "" : Fmt.num(100.0 * row.rows() / total, 1) + "% of rows";
            b.bar(GroupBarChart.Bar.of(row.group().label(), MetricValue.of(row.rows()), Optional.empty(), role,
                    (isRef ? "reference, " : "") + share + (row.small() ? ", below minimum" : "")));
        }
        if (min > 0) {
            b.guide(new GroupBarChart.Guide(min, "minimum " + min, Palette.AMBER));
        }
        return b.build().toSvg();
    }

    /** Selection rates with the four-fifths line of the comparison group. */
    static String adverseImpact(ReportContent c, String id, double width) {
        AdverseImpact ai = c.adverseImpact();
        GroupBarChart.Builder b = GroupBarChart.builder(id, "Selection rate by group, four-fifths rule")
                .axisLabel("selection rate").domain(0, 1).width(width);
        for (AdverseImpact.Row row : ai.rows()) {
            GroupBarChart.Role role = switch (row.status()) {
                case COMPARISON_GROUP -> GroupBarChart.Role.REFERENCE;
                case BELOW_FOUR_FIFTHS -> GroupBarChart.Role.FAILING;
                case SMALL_GROUP -> GroupBarChart.Role.WARNING;
                default -> GroupBarChart.Role.GROUP;
            };
            String note = row.status() == AdverseImpact.Status.COMPARISON_GROUP ? "comparison group"
                    : row.impactRatio().isDefined() ? "impact ratio " + Fmt.num(row.impactRatio().value())
                    : "impact ratio undefined";
            b.bar(GroupBarChart.Bar.of(row.group().label(), row.selectionRate(), row.rateInterval(), role,
                    note + ", n = " + Fmt.count(row.rows())));
        }
        ai.rows().stream().filter(x -> x.status() == AdverseImpact.Status.COMPARISON_GROUP).findFirst()
                .ifPresent(x -> b.guide(new GroupBarChart.Guide(AdverseImpact.FOUR_FIFTHS * x.selectionRate().value(),
                        "4/5 of " + Fmt.num(x.selectionRate().value()), Palette.RED)));
        return b.build().toSvg();
    }

    /** The rows of the disparity chart, for the metrics accepted by {@code which}. */
    static List<ThresholdChart.Row> thresholdRows(ReportContent c, Predicate<FairnessMetric> which) {
        List<ThresholdChart.Row> rows = new ArrayList<>();
        for (Map.Entry<FairnessMetric, DisparityThreshold> e : c.thresholds().entrySet()) {
            FairnessMetric f = e.getKey();
            if (!which.test(f)) {
                continue;
            }
            DisparityThreshold t = e.getValue();
            Disparity d = c.report().fairness(f);
            rows.add(new ThresholdChart.Row(f.info().name(), d.value(), d.interval(), t.parity(), t.low(), t.high(),
                    f.info().lowerBound(), f.info().upperBound(), t.describe()));
        }
        return rows;
    }

    static Optional<String> thresholds(ReportContent c, String id, double width, Predicate<FairnessMetric> which) {
        List<ThresholdChart.Row> rows = thresholdRows(c, which);
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(ThresholdChart.of(id, "Disparities against their thresholds", width, rows).toSvg());
    }

    static Optional<String> calibration(ReportContent c, String id) {
        List<CalibrationChart.Series> series = new ArrayList<>();
        for (CalibrationSeries s : c.calibration()) {
            if (s.size() > 0) {
                series.add(new CalibrationChart.Series(s.group(), s.binMeanScore(), s.observedRate(), s.count()));
            }
        }
        return series.isEmpty() ? Optional.empty()
                : Optional.of(CalibrationChart.of(id, "Calibration by group", series).toSvg());
    }

    /** @return the interval of a group's value, if estimated */
    static Optional<Interval> groupInterval(FairnessReport r, GroupMetric m, GroupKey g) {
        return r.interval(Estimand.groupValue(m, g));
    }

    /** @return the group metrics a fairness metric is built from, in its formula's order */
    static List<GroupMetric> components(FairnessMetric f) {
        return switch (f) {
            case DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO, STATISTICAL_PARITY_DIFFERENCE,
                    DISPARATE_IMPACT -> List.of(Metrics.SELECTION_RATE);
            case EQUALIZED_ODDS_DIFFERENCE, EQUALIZED_ODDS_RATIO, AVERAGE_ODDS_DIFFERENCE,
                    AVERAGE_ABS_ODDS_DIFFERENCE -> List.of(Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE);
            case EQUAL_OPPORTUNITY_DIFFERENCE, EQUAL_OPPORTUNITY_RATIO -> List.of(Metrics.TRUE_POSITIVE_RATE);
            case PREDICTIVE_PARITY_DIFFERENCE -> List.of(Metrics.POSITIVE_PREDICTIVE_VALUE);
            case ERROR_RATE_DIFFERENCE -> List.of(Metrics.ERROR_RATE);
        };
    }

    /** @return the group metrics worth a bar chart: every requested metric but the count */
    static List<GroupMetric> chartedMetrics(FairnessReport r) {
        return r.metrics().stream().filter(m -> m != Metrics.COUNT).toList();
    }

    /** The trend chart of one named fairness metric over the runs, against its threshold. */
    static String trend(Trend t, FairnessMetric f, String id, double width) {
        DisparityThreshold th = t.thresholds().get(f);
        List<TrendChart.Point> points = new ArrayList<>();
        for (Trend.Point p : t.series().get(f)) {
            points.add(new TrendChart.Point(p.label(), p.value(), p.interval()));
        }
        return TrendChart.of(id, f.info().name() + " over " + points.size() + " runs", width, points, th.parity(),
                th.low(), th.high(), th.describe()).toSvg();
    }
}
