package org.fairkit.orchestration.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.orchestration.io.EstimatedValue;
import org.fairkit.orchestration.io.ReportJson;

/**
 * A window's {@link TaskReport} as a {@code fairkit.report/1} document, so that windows of every task are recorded in
 * the same run history and read back by the same code: the members a binary report has (without the per-group
 * confusion {@code cells}, which only binary reports have), plus {@code "task"}. Group metrics are the task
 * report's ({@code mean_absolute_error}, {@code exposure}, {@code macro_true_positive_rate},
 * {@code true_positive_rate@urgent}), each with its four aggregates; {@code fairness_metrics} are its named
 * disparities. Formatting is {@link ReportJson}'s.
 */
public final class WindowReports {
    private WindowReports() {
    }

    /**
     * @param report a window's report (with its provenance)
     * @param reference the reference group's levels, when the window's settings have one
     * @param minGroupSize groups with fewer rows (items) are marked {@code small}
     * @return the document, indented as {@link ReportJson#toJson} indents
     * @throws IllegalArgumentException if the report has no provenance
     */
    public static String toJson(TaskReport report, Optional<List<String>> reference, int minGroupSize) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schema", ReportJson.SCHEMA);
        root.put("task", report.task().id());
        ArrayNode grouping = root.putArray("grouping");
        report.groupBy().forEach(grouping::add);
        if (reference.isPresent()) {
            ArrayNode r = root.putArray("reference");
            reference.get().forEach(r::add);
        } else {
            root.putNull("reference");
        }
        ArrayNode metrics = root.putArray("metrics");
        report.metricIds().forEach(metrics::add);
        ArrayNode groups = root.putArray("groups");
        long total = 0;
        for (int g = 0; g < report.groups().size(); g++) {
            GroupKey k = report.groups().get(g);
            long n = report.sizes().get(g);
            total += n;
            ObjectNode o = groups.addObject();
            o.put("label", k.label());
            ObjectNode levels = o.putObject("levels");
            for (int j = 0; j < k.features().size(); j++) {
                levels.put(k.features().get(j), k.levels().get(j));
            }
            o.put("count", n);
            o.put("small", n < minGroupSize);
            ObjectNode ms = o.putObject("metrics");
            for (GroupValues v : report.metrics()) {
                Optional<Interval> i = report.groupInterval(v.metricId(), k);
                ms.set(v.metricId(), ReportJson.tree(EstimatedValue.of(v.value(g), i)));
            }
        }
        ObjectNode overall = root.putObject("overall");
        overall.put("count", total);
        ObjectNode om = overall.putObject("metrics");
        for (GroupValues v : report.metrics()) {
            om.set(v.metricId(), ReportJson.tree(v.overall()));
        }
        ObjectNode aggregates = root.putObject("aggregates");
        for (GroupValues v : report.metrics()) {
            ObjectNode a = aggregates.putObject(v.metricId());
            for (TaskReport.Aggregation agg : TaskReport.Aggregation.values()) {
                Disparity d = report.disparity(v.metricId() + "." + agg.id()).orElseThrow();
                a.set(agg.id(), ReportJson.tree(d));
            }
        }
        ObjectNode fairness = root.putObject("fairness_metrics");
        for (Disparity d : report.namedDisparities()) {
            fairness.set(d.id(), ReportJson.tree(d));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (ReportWarning w : report.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("kind", w.kind().name());
            o.put("message", w.message());
        }
        root.set("provenance", ReportJson.tree(report.provenance().orElseThrow(() -> new IllegalArgumentException(
                "the report has no provenance; a recorded window needs one"))));
        return ReportJson.write(root);
    }
}
