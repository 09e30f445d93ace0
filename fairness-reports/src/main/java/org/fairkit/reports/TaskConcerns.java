package org.fairkit.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fairkit.core.TaskReport;
import org.fairkit.core.Threshold;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Interval;

/**
 * The concerns of any task's content ({@link ReportContent#forTask}), in the ranking of {@link Concerns} without its
 * binary tier (the four-fifths rule): failed policy rules; disparities beyond their threshold (robust first, then by
 * how many times the limit); policy warnings; named disparities that could not be computed; groups too small for the
 * aggregates, smallest first.
 */
final class TaskConcerns {
    private TaskConcerns() {
    }

    static List<Concern> rank(ReportContent content) {
        TaskReport r = TaskView.report(content);
        List<Concern> out = new ArrayList<>(Concerns.failedRules(content));
        List<TaskView.Judged> beyond = new ArrayList<>(TaskView.judged(content).stream()
                .filter(TaskView.Judged::beyond).toList());
        beyond.sort(Comparator.comparing((TaskView.Judged j) -> !robust(j))
                .thenComparingDouble(j -> -j.threshold().orElseThrow().severity(j.disparity().value())));
        for (TaskView.Judged j : beyond) {
            Disparity d = j.disparity();
            TaskThreshold t = j.threshold().orElseThrow();
            String name = TaskIds.name(j.id());
            List<String> labels = d.groups().stream().map(GroupKey::label).toList();
            String between = labels.isEmpty() ? "" : " between " + String.join(" and ", labels);
            StringBuilder detail = new StringBuilder(j.id()).append(" = ").append(Fmt.num(d.asDouble(), 4));
            d.interval().ifPresent(i -> detail.append(", ").append(Fmt.percent(i.level())).append(" interval ")
                    .append(Fmt.interval(i)));
            detail.append("; acceptable: ").append(t.describe()).append(labels.isEmpty() ? "" : "; " + between.strip())
                    .append('.');
            TaskIds.info(j.id()).ifPresent(i -> detail.append(' ').append(i.formula()).append('.'));
            boolean robust = robust(j);
            out.add(new Concern(Concern.Kind.DISPARITY_BEYOND_THRESHOLD, j.id(),
                    name + " is " + Fmt.num(d.asDouble()) + between + "; the acceptable band is " + t.describe()
                            + ".",
                    robust ? "Its interval lies entirely outside the acceptable band: chance does not explain it."
                            : d.interval().isPresent() ? "Its interval reaches into the acceptable band: chance may "
                            + "explain it." : "No interval was estimated, so chance cannot be ruled out.",
                    name + " is " + Fmt.num(d.asDouble()) + ", beyond " + t.describe(), detail.toString(), robust,
                    labels, d.asDouble(), List.of()));
        }
        out.addAll(Concerns.policyWarnings(content));
        for (TaskView.Judged j : TaskView.judged(content)) {
            if (!j.disparity().isDefined()) {
                String name = TaskIds.name(j.id());
                out.add(new Concern(Concern.Kind.UNDEFINED_METRIC, j.id(), name + " could not be computed.",
                        PlainWords.undefinedEvidence(), name + " could not be computed", "Undefined: "
                                + j.disparity().value().reason().orElseThrow()
                                + ". It cannot be checked against a threshold.", false, List.of(), Double.NaN,
                        List.of()));
            }
        }
        List<Integer> small = new ArrayList<>();
        for (int g = 0; g < r.groups().size(); g++) {
            if (TaskView.smallReason(r, g).isPresent()) {
                small.add(g);
            }
        }
        small.sort(Comparator.comparingLong(r.sizes()::get));
        String unit = TaskView.unit(r);
        for (int g : small) {
            String label = r.groups().get(g).label();
            long n = r.sizes().get(g);
            out.add(new Concern(Concern.Kind.SMALL_GROUP, label, PlainWords.smallGroup(label, n),
                    "Its values are reported but left out of every disparity; conclusions about " + label
                            + " need more data.",
                    label + " has only " + Fmt.count(n) + " " + unit, TaskView.smallReason(r, g).orElseThrow() + ".",
                    false, List.of(label), n, List.of()));
        }
        return out;
    }

    private static boolean robust(TaskView.Judged j) {
        if (j.disparity().interval().isEmpty() || j.threshold().isEmpty()) {
            return false;
        }
        Interval i = j.disparity().interval().get();
        TaskThreshold t = j.threshold().get();
        return !Threshold.Operator.AT_LEAST.test(i.upper(), t.low()) || !Threshold.Operator.AT_MOST.test(i.lower(),
                t.high());
    }
}
