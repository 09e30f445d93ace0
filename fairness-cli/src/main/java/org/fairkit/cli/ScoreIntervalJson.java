package org.fairkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkit.core.FairnessData;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.stats.intervals.MetricIntervals;
import org.fairkit.stats.intervals.RowBootstrap;
import org.fairkit.stats.scores.ScoreIntervals;

/**
 * Intervals of a binary audit's score metrics ({@code roc_auc}, {@code brier_score}, {@code log_loss}, ...), which
 * {@code fairkit.report/1} writes without intervals: computed by fairness-stats' {@code ScoreIntervals} and added to
 * the audit's JSON as an {@code "interval"} member of each score metric's VALUE (every group's and the overall value)
 * and DISPARITY (its four aggregates). With {@code --bootstrap N}: a stratified row bootstrap (BCa, N resamples,
 * {@code --seed}) of every score metric; with {@code --bayes}: DeLong's closed form for {@code roc_auc} alone (the
 * others have no closed form there). An interval that cannot be estimated is left out; its reason is in the
 * library's result.
 */
final class ScoreIntervalJson {
    private ScoreIntervalJson() {
    }

    /**
     * Reads the plan's rows (a second pass over the CSV file) and computes every grouping's score-metric intervals.
     *
     * @throws IOException if the file cannot be read
     */
    static List<MetricIntervals> compute(AuditPlan plan, List<ScoreMetric> metrics, EvaluationOptions e,
            Progress progress) throws IOException {
        return compute(CsvInput.load(((AuditSource.Csv) plan.source()).csv(), progress), plan.groupings(), metrics, e,
                progress);
    }

    /** @return every grouping's score-metric intervals over rows already read */
    static List<MetricIntervals> compute(FairnessData rows, List<AuditGrouping> groupings, List<ScoreMetric> metrics,
            EvaluationOptions e, Progress progress) {
        List<MetricIntervals> out = new ArrayList<>();
        for (AuditGrouping g : groupings) {
            progress.phase("score-metric intervals for " + g);
            out.add(compute(rows, g.features(), metrics, e.minGroupSize, e));
        }
        return out;
    }

    /** Adds each grouping's intervals to its report in an audit document (reports in plan order). */
    static void attach(ObjectNode doc, List<MetricIntervals> intervals) {
        for (int i = 0; i < intervals.size() && i < doc.get("reports").size(); i++) {
            attach((ObjectNode) doc.get("reports").get(i), intervals.get(i));
        }
    }

    /** @return the intervals of one grouping's score metrics */
    static MetricIntervals compute(FairnessData rows, List<String> groupBy, List<ScoreMetric> metrics,
            int minGroupSize, EvaluationOptions e) {
        ScoreIntervals s = ScoreIntervals.of(rows).groupBy(groupBy.toArray(new String[0])).minGroupSize(minGroupSize)
                .metrics(metrics.toArray(new ScoreMetric[0]));
        if (e.bootstrap != null) {
            long seed = e.seed == null ? EvaluationOptions.DEFAULT_SEED : e.seed;
            return s.bootstrap(RowBootstrap.bca(e.bootstrap).seed(seed));
        }
        return s.delong(0.95);
    }

    /** Adds the intervals to one {@code fairkit.report/1} tree (groups matched by label). */
    static void attach(ObjectNode report, MetricIntervals ci) {
        for (Map.Entry<String, Map<GroupKey, Interval>> m : ci.byGroup().entrySet()) {
            for (JsonNode g : report.get("groups")) {
                for (Map.Entry<GroupKey, Interval> e : m.getValue().entrySet()) {
                    if (e.getKey().label().equals(g.get("label").asText())) {
                        put(g.get("metrics"), m.getKey(), e.getValue());
                    }
                }
            }
        }
        ci.overall().forEach((metric, i) -> put(report.get("overall").get("metrics"), metric, i));
        JsonNode aggregates = report.get("aggregates");
        ci.disparities().forEach((id, i) -> {
            for (TaskReport.Aggregation a : TaskReport.Aggregation.values()) {
                String suffix = "." + a.id();
                if (id.endsWith(suffix) && aggregates != null) {
                    JsonNode m = aggregates.get(id.substring(0, id.length() - suffix.length()));
                    if (m != null) {
                        put(m, a.id(), i);
                    }
                }
            }
        });
    }

    private static void put(JsonNode parent, String key, Interval i) {
        if (parent != null && parent.get(key) instanceof ObjectNode o && !o.has("interval")) {
            o.set("interval", ReportJson.tree(i));
        }
    }
}
