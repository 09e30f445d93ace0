package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.orchestration.io.TaskReportJson;

/**
 * The {@code fairkit.cli.audit/1} document of a regression, ranking or multiclass audit: the same schema id and
 * members as a binary audit's ({@link CliJson}), with {@code "task"} naming the task and each member of
 * {@code "reports"} a {@code fairkit.task-report/1} document ({@link TaskReportJson}: the groups with their sizes,
 * each metric by group and overall, the aggregates {@code <metric>.difference|ratio|...} and the task's named
 * disparities, intervals where present), one writer for every task.
 *
 * <pre>
 * { "schema": "fairkit.cli.audit/1", "task": "regression", "source": FILE,
 *   "reports": [fairkit.task-report/1, one per grouping], "policy": CHECK (with --policy), "run": RUN (with --out) }
 * </pre>
 */
final class TaskJson {
    private TaskJson() {
    }

    /** The {@code audit} document of task reports. */
    static ObjectNode audit(Task task, String source, List<TaskReport> reports, Optional<ObjectNode> policy,
            Optional<Audits.Run> run) {
        ObjectNode root = CliJson.audit(source, List.of(), Optional.empty(), run);
        root.put("task", task.id());
        ArrayNode rs = root.putArray("reports");
        reports.forEach(r -> rs.add(TaskReportJson.toTree(r)));
        policy.ifPresent(p -> root.set("policy", p));
        run.ifPresent(r -> root.set("run", root.remove("run")));
        return root;
    }
}
