package org.fairkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.internal.TextTable;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.stats.intervals.MetricIntervals;

/**
 * The score-metric intervals of {@code fairkit audit --score S --bootstrap N} (or {@code --bayes}) in the text output:
 * one table per report, printed after it, with a row per group, {@code overall}, and a row per disparity
 * ({@code difference}, {@code ratio}, {@code difference_to_overall}, {@code ratio_to_overall}), a column per score
 * metric; an interval that could not be estimated reads {@code undefined}, and its reason is listed below the table.
 * The JSON output carries the same intervals ({@link ScoreIntervalJson}).
 *
 * <pre>
 * score-metric intervals: DeLong, 95%
 * group    roc_auc
 * Group A  [0.7313, 0.7661]
 * ...
 * </pre>
 */
final class ScoreIntervalText {
    private ScoreIntervalText() {
    }

    /** Prints the table of one report's score-metric intervals (nothing when there are none). */
    static void print(PrintWriter w, FairnessReport report, MetricIntervals ci) {
        List<ScoreMetric> metrics = new ArrayList<>();
        for (ScoreMetric m : report.scores().metrics()) {
            if (estimated(ci, m.id())) {
                metrics.add(m);
            }
        }
        if (metrics.isEmpty()) {
            return;
        }
        List<String> undefined = new ArrayList<>();
        List<List<String>> byGroup = new ArrayList<>();
        byGroup.add(header("group", metrics));
        for (GroupKey g : report.scores().groups()) {
            List<String> row = new ArrayList<>(List.of(g.label()));
            for (ScoreMetric m : metrics) {
                row.add(cell(ci.group(m.id(), g).orElse(null), ci.groupReason(m.id(), g).orElse(null),
                        m.id() + " [" + g.label() + "]", undefined));
            }
            byGroup.add(row);
        }
        List<String> overall = new ArrayList<>(List.of("overall"));
        for (ScoreMetric m : metrics) {
            overall.add(cell(ci.overall().get(m.id()), ci.undefinedOverall().get(m.id()), m.id() + " [overall]",
                    undefined));
        }
        byGroup.add(overall);
        List<List<String>> disparities = new ArrayList<>();
        disparities.add(header("disparity", metrics));
        for (TaskReport.Aggregation a : TaskReport.Aggregation.values()) {
            List<String> row = new ArrayList<>(List.of(a.id()));
            boolean any = false;
            for (ScoreMetric m : metrics) {
                String id = m.id() + "." + a.id();
                Interval i = ci.disparities().get(id);
                String reason = ci.undefinedDisparities().get(id);
                any |= i != null || reason != null;
                row.add(i == null && reason == null ? "" : cell(i, reason, id, undefined));
            }
            if (any) {
                disparities.add(row);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append('\n').append("score-metric intervals: ").append(ci.method()).append('\n');
        TextTable.render(b, byGroup);
        if (disparities.size() > 1) {
            b.append('\n');
            TextTable.render(b, disparities);
        }
        for (String u : undefined) {
            b.append(u).append('\n');
        }
        w.print(TerminalText.escape(b.toString()).replace("\n", System.lineSeparator()));
    }

    private static boolean estimated(MetricIntervals ci, String metric) {
        for (Map<String, ?> m : List.of(ci.byGroup(), ci.undefinedByGroup(), ci.overall(), ci.undefinedOverall())) {
            if (m.containsKey(metric)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> header(String first, List<ScoreMetric> metrics) {
        List<String> h = new ArrayList<>(List.of(first));
        metrics.forEach(m -> h.add(m.id()));
        return h;
    }

    private static String cell(Interval i, String reason, String where, List<String> undefined) {
        if (i != null) {
            return i.toString();
        }
        if (reason != null) {
            undefined.add(where + ": undefined (" + reason + ")");
            return "undefined";
        }
        return "";
    }
}
