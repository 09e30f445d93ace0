package org.fairkit.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;

/**
 * What the documents read from a {@link TaskReport}: which metrics to chart and in which order, which groups are
 * small, and each judged disparity with its threshold. Shared by the dashboard, the PDFs and the slides, so that every
 * document shows the same numbers.
 */
final class TaskView {
    /** The largest number of one-vs-rest charts a multiclass report draws; the table shows every class. */
    static final int MAX_CLASS_CHARTS = 24;

    private TaskView() {
    }

    /**
     * One disparity as the documents judge it.
     *
     * @param id its id
     * @param disparity its value, groups and interval
     * @param threshold its band, if it has one
     */
    record Judged(String id, Disparity disparity, Optional<TaskThreshold> threshold) {
        /** @return "beyond", "within", "not assessed" (undefined) or "no threshold" */
        String status() {
            if (!disparity.isDefined()) {
                return "not assessed";
            }
            return threshold.map(t -> t.exceededBy(disparity.value()) ? "beyond" : "within").orElse("no threshold");
        }

        boolean beyond() {
            return threshold.isPresent() && threshold.get().exceededBy(disparity.value());
        }
    }

    /** @return the task report of task content */
    static TaskReport report(ReportContent c) {
        return c.taskReport().orElseThrow(() -> new IllegalStateException("not task content"));
    }

    /** @return the named disparities, then every other disparity a threshold was set for, each with its band */
    static List<Judged> judged(ReportContent c) {
        TaskReport r = report(c);
        List<Judged> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Disparity d : r.namedDisparities()) {
            out.add(new Judged(d.id(), d, Optional.ofNullable(c.taskThresholds().get(d.id()))));
            seen.add(d.id());
        }
        for (Map.Entry<String, TaskThreshold> e : c.taskThresholds().entrySet()) {
            if (!seen.contains(e.getKey())) {
                r.disparity(e.getKey()).ifPresent(d -> out.add(new Judged(e.getKey(), d, Optional.of(e.getValue()))));
            }
        }
        return out;
    }

    /** @return the metrics worth a chart of every group: all but the count and the one-vs-rest values of a class */
    static List<GroupValues> mainMetrics(TaskReport r) {
        return r.metrics().stream().filter(v -> !v.metricId().equals("count") && TaskIds.classOf(v.metricId())
                .isEmpty()).toList();
    }

    /** @return the one-vs-rest values of each class ({@code <metric>@<class>}), in report order */
    static List<GroupValues> classMetrics(TaskReport r) {
        return r.metrics().stream().filter(v -> !v.metricId().startsWith("count@") && TaskIds.classOf(v.metricId())
                .isPresent()).toList();
    }

    /** @return why group {@code g} is too small for aggregates (not an undefined value), if it is */
    static Optional<String> smallReason(TaskReport r, int g) {
        for (GroupValues v : r.metrics()) {
            String reason = v.exclusionReason(g);
            if (reason != null && !reason.startsWith(v.metricId() + " is undefined: ")) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** @return the word for what the group sizes count: items of a ranking, rows otherwise */
    static String unit(TaskReport r) {
        return r.task() == org.fairkit.core.Task.RANKING ? "items" : "rows";
    }

    /** @return the total of the group sizes */
    static long total(TaskReport r) {
        return r.sizes().stream().mapToLong(Long::longValue).sum();
    }

    /** @return the level and method of the report's intervals, in words */
    static String intervalMethod(TaskReport r) {
        Optional<Interval> i = Stream.concat(r.groupIntervals().values().stream().flatMap(m -> m.values().stream()),
                r.disparityIntervals().values().stream()).findFirst();
        if (i.isEmpty()) {
            i = r.namedDisparities().stream().flatMap(d -> d.interval().stream()).findFirst();
        }
        return i.map(x -> Fmt.percent(x.level()) + " intervals: " + x.method() + ".")
                .orElse("No intervals were estimated: values are point estimates.");
    }
}
