package org.fairkit.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.reports.svg.GroupBarChart;
import org.fairkit.reports.svg.ThresholdChart;

/**
 * The charts of any task's content, with the same chart types as the binary documents ({@link Charts}): per-group
 * bars with interval whiskers for each group metric, group sizes, and the disparities against their thresholds.
 */
final class TaskCharts {
    private TaskCharts() {
    }

    /**
     * One group metric, a bar per group with its interval; groups too small for the aggregates in amber. The axis is
     * the metric's natural range when it is bounded on both sides (rates), else fitted to the values.
     */
    static String bars(TaskReport r, GroupValues v, String id, double width) {
        String name = TaskIds.name(v.metricId());
        GroupBarChart.Builder b = GroupBarChart.builder(id, name + " by group").axisLabel(name).width(width);
        Optional<MetricInfo> info = TaskIds.info(v.metricId());
        if (info.isPresent() && Double.isFinite(info.get().lowerBound()) && Double.isFinite(info.get().upperBound())
                && info.get().lowerBound() < info.get().upperBound()) {
            b.domain(info.get().lowerBound(), info.get().upperBound());
        }
        String unit = TaskView.unit(r);
        for (int g = 0; g < r.groups().size(); g++) {
            Optional<String> small = TaskView.smallReason(r, g);
            String note = "n = " + Fmt.count(r.sizes().get(g)) + (r.task() == org.fairkit.core.Task.RANKING
                    ? " " + unit : "") + (small.isPresent() ? ", too small" : "");
            b.bar(GroupBarChart.Bar.of(r.groups().get(g).label(), v.value(g), r.groupInterval(v.metricId(),
                    r.groups().get(g)), small.isPresent() ? GroupBarChart.Role.WARNING : GroupBarChart.Role.GROUP,
                    note));
        }
        return b.build().toSvg();
    }

    /** Group sizes (rows, or items of a ranking), groups too small for the aggregates in amber. */
    static String sizes(TaskReport r, String id, double width) {
        String unit = TaskView.unit(r);
        GroupBarChart.Builder b = GroupBarChart.builder(id, Fmt.humanize(unit) + " per group").axisLabel(unit)
                .decimals(0).width(width);
        long total = TaskView.total(r);
        for (int g = 0; g < r.groups().size(); g++) {
            long n = r.sizes().get(g);
            boolean small = TaskView.smallReason(r, g).isPresent();
            String share = total == 0 ? "" : Fmt.num(100.0 * n / total, 1) + "% of " + unit;
            b.bar(GroupBarChart.Bar.of(r.groups().get(g).label(), MetricValue.of((double) n), Optional.empty(),
                    small ? GroupBarChart.Role.WARNING : GroupBarChart.Role.GROUP, share + (small ? ", too small" : "")));
        }
        return b.build().toSvg();
    }

    /** @return the rows of the disparity chart: every judged disparity that has a threshold */
    static List<ThresholdChart.Row> thresholdRows(ReportContent c) {
        List<ThresholdChart.Row> rows = new ArrayList<>();
        for (TaskView.Judged j : TaskView.judged(c)) {
            if (j.threshold().isEmpty()) {
                continue;
            }
            TaskThreshold t = j.threshold().get();
            double[] range = TaskIds.range(j.id());
            double parity = t.parity();
            rows.add(new ThresholdChart.Row(TaskIds.chartLabel(j.id()), j.disparity().value(),
                    j.disparity().interval(), parity, t.low(), t.high(), Math.min(range[0], parity),
                    Math.max(range[1], parity), t.describe()));
        }
        return rows;
    }

    /** @return the disparities against their thresholds, if any has one */
    static Optional<String> thresholds(ReportContent c, String id, double width) {
        List<ThresholdChart.Row> rows = thresholdRows(c);
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(ThresholdChart.of(id, "Disparities against their thresholds", width, rows).toSvg());
    }
}
