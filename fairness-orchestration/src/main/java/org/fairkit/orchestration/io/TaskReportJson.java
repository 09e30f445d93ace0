package org.fairkit.orchestration.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;

/**
 * The JSON of any task's report ({@link TaskReport}: regression, ranking, multiclass, and binary through
 * {@code FairnessReport.asTaskReport()}), one writer for every task. Version {@value #SCHEMA}; a field is only ever
 * added within a version. Values, intervals and disparities are written by {@link FairKitJsonModule}, as in
 * {@code fairkit.report/1}.
 *
 * <pre>
 * {
 *   "schema": "fairkit.task-report/1",
 *   "task": "regression" | "ranking" | "multiclass" | "binary",
 *   "grouping": ["sex"],                          // the sensitive features, in order
 *   "metrics": ["mean_absolute_error", ...],      // the group metrics' ids, in report order
 *   "groups": [ { "label": "F", "levels": {"sex": "F"}, "size": 120,     // rows (items for a ranking)
 *                 "metrics": { "mean_absolute_error": VALUE, ... } } ],
 *   "overall": { "size": 240, "metrics": { "mean_absolute_error": VALUE, ... } },
 *   "aggregates": { "mean_absolute_error": { "difference": DISPARITY, "ratio": DISPARITY,
 *                   "difference_to_overall": DISPARITY, "ratio_to_overall": DISPARITY } },
 *   "fairness_metrics": { "bounded_group_loss_absolute": DISPARITY, ... },  // the task's named disparities
 *   "warnings": [ { "kind": "SMALL_GROUP", "message": "..." } ],
 *   "provenance": { ... }                         // as in fairkit.report/1, when the task's report records it
 * }
 * </pre>
 *
 * VALUE, INTERVAL and DISPARITY are those of {@link ReportJson}: a group value carries {@code "interval"} when one
 * was estimated ({@link TaskReport#groupInterval}), a disparity when {@link TaskReport#withIntervals} attached one
 * under its id ({@code mean_absolute_error.difference}, {@code bounded_group_loss_absolute}). An aggregate's
 * {@code metric.aggregation} id is the id {@link TaskReport#disparity(String)} and policies answer.
 */
public final class TaskReportJson {
    /** The schema id written into every document. */
    public static final String SCHEMA = "fairkit.task-report/1";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TaskReportJson() {
    }

    /** @return the report as a JSON tree */
    public static ObjectNode toTree(TaskReport report) {
        ObjectNode root = F.objectNode();
        root.put("schema", SCHEMA);
        root.put("task", report.task().id());
        ArrayNode by = root.putArray("grouping");
        report.groupBy().forEach(by::add);
        ArrayNode ids = root.putArray("metrics");
        report.metricIds().forEach(ids::add);
        List<GroupValues> metrics = report.metrics();
        ArrayNode groups = root.putArray("groups");
        long all = 0;
        for (int g = 0; g < report.groups().size(); g++) {
            GroupKey k = report.groups().get(g);
            ObjectNode o = groups.addObject();
            o.put("label", k.label());
            ObjectNode levels = o.putObject("levels");
            for (int f = 0; f < k.features().size(); f++) {
                levels.put(k.features().get(f), k.levels().get(f));
            }
            o.put("size", report.sizes().get(g));
            all += report.sizes().get(g);
            ObjectNode m = o.putObject("metrics");
            for (GroupValues v : metrics) {
                m.set(v.metricId(), ReportJson.tree(EstimatedValue.of(v.value(g),
                        report.groupInterval(v.metricId(), k))));
            }
        }
        ObjectNode overall = root.putObject("overall");
        overall.put("size", all);
        ObjectNode om = overall.putObject("metrics");
        for (GroupValues v : metrics) {
            om.set(v.metricId(), ReportJson.tree(v.overall()));
        }
        ObjectNode aggregates = root.putObject("aggregates");
        for (GroupValues v : metrics) {
            ObjectNode a = aggregates.putObject(v.metricId());
            for (TaskReport.Aggregation agg : TaskReport.Aggregation.values()) {
                Disparity d = report.disparity(v.metricId() + "." + agg.id()).orElseThrow();
                a.set(agg.id(), ReportJson.tree(d));
            }
        }
        ObjectNode fm = root.putObject("fairness_metrics");
        for (Disparity d : report.namedDisparities()) {
            fm.set(d.id(), ReportJson.tree(d));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (ReportWarning w : report.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("kind", w.kind().name());
            o.put("message", w.message());
        }
        report.provenance().ifPresent(p -> root.set("provenance", ReportJson.tree(p)));
        return root;
    }

    /** @return the report as indented JSON text, formatted as {@link ReportJson#write} */
    public static String toJson(TaskReport report) {
        return ReportJson.write(toTree(report));
    }
}
