package org.fairkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.orchestration.io.EstimatedValue;
import org.fairkit.orchestration.io.FairKitJsonModule;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.load.LoadEstimate;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.policy.RuleVerdict;
import org.fairkit.orchestration.run.OutputFile;
import org.fairkit.orchestration.trail.TrailVerification;

/**
 * The JSON documents of {@code --format json}, each with a {@code schema} id that only ever gains fields within its
 * version. Reports inside them are orchestration's stable {@code fairkit.report/1} shape ({@link ReportJson}), and
 * every value type (VALUE, INTERVAL, DISPARITY) is written by orchestration's {@link FairKitJsonModule}, never here.
 * Written with the same formatting as {@link ReportJson#write}: two-space indentation, {@code \n} line ends.
 *
 * <pre>
 * fairkit.cli.audit/1  { "schema", "task": "binary"|"regression"|"ranking"|"multiclass", "source": FILE,
 *                        "reports": [fairkit.report/1, one per grouping],
 *                        "policy": CHECK (with --policy), "run": RUN (with --out) }
 *                      (other tasks: "reports" are fairkit.task-report/1 documents, see {@link TaskJson})
 * RUN                  { "directory", "run_id", "plan_id", "duration_seconds", "estimate_seconds",
 *                        "files": [ { "output", "path", "bytes", "sha256" } ], "trail", "trail_entry",
 *                          "trail_entries", "trail_head" }  (the anchor after the append)
 * fairkit.cli.check/1  { "schema", "task", "policy", "outcome": "PASS"|"FAIL"|"INCONCLUSIVE", "exit_code",
 *                        "verdicts": [ { "rule", "expression", "grouping", "severity", "evidence", "outcome",
 *                                        "value": VALUE, "groups", "message" } ] }
 * fairkit.cli.plan/1   { "schema", "input_load", "output_load", "total_load", "design_target_load",
 *                        "recommended_output_load", "outputs": [ids], "estimated_seconds", "buffered_seconds",
 *                        "available_seconds" | null, "feasibility", "message", "warnings", "suggestions" }
 * fairkit.cli.trail/1  { "schema", "file", "intact", "entries", "head", "problem": null |
 *                        { "line", "byte_offset", "kind", "message" } }
 * VALUE                { "value": x } | { "value": null, "undefined": reason }, plus "interval" when estimated
 fairkit.cli.check-data/1  written by {@link CheckDataCommand} (its fields: the CLI README), with "task": "data"
 * </pre>
 */
final class CliJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CliJson() {
    }

    /** The {@code audit} document. */
    static ObjectNode audit(Path source, List<FairnessReport> reports, Optional<PolicyResult> policy,
            Optional<Audits.Run> run) {
        return audit(source.toString(), reports, policy, run);
    }

    /** As {@link #audit(Path, List, Optional, Optional)} for a source named by text (a glob, a database table). */
    static ObjectNode audit(String source, List<FairnessReport> reports, Optional<PolicyResult> policy,
            Optional<Audits.Run> run) {
        ObjectNode root = F.objectNode();
        root.put("schema", "fairkit.cli.audit/1");
        root.put("task", "binary");
        root.put("source", source);
        ArrayNode rs = root.putArray("reports");
        reports.forEach(r -> rs.add(ReportJson.toTree(r)));
        policy.ifPresent(p -> root.set("policy", check(p, p.passed() ? ExitCode.OK : ExitCode.FINDING)));
        run.ifPresent(r -> root.set("run", run(r)));
        return root;
    }

    private static ObjectNode run(Audits.Run r) {
        ObjectNode o = F.objectNode();
        o.put("directory", r.directory().toString());
        o.put("run_id", r.result().record().runId());
        o.put("plan_id", r.result().record().planId());
        o.put("duration_seconds", r.result().record().duration().toNanos() / 1e9);
        r.result().record().estimate().ifPresentOrElse(e -> o.put("estimate_seconds", e.toNanos() / 1e9),
                () -> o.putNull("estimate_seconds"));
        ArrayNode files = o.putArray("files");
        for (OutputFile f : r.result().record().outputs()) {
            ObjectNode x = files.addObject();
            x.put("output", f.outputId());
            x.put("path", f.path());
            x.put("bytes", f.bytes());
            x.put("sha256", f.sha256());
        }
        o.put("trail", r.trail().toString());
        o.put("trail_entry", r.entry().seq());
        o.put("trail_entries", r.entry().seq());
        o.put("trail_head", r.entry().hash());
        return o;
    }

    /**
     * Adds {@code "history": { "url", "run_id", "entries": [ids] }} to a document when the run was recorded.
     */
    static void history(ObjectNode doc, Optional<History> store, String runId, List<HistoryEntry> recorded) {
        if (store.isEmpty()) {
            return;
        }
        ObjectNode h = doc.putObject("history");
        h.put("url", store.get().url());
        h.put("run_id", runId);
        ArrayNode ids = h.putArray("entries");
        recorded.forEach(e -> ids.add(e.id()));
    }

    /** The table form of {@link #history}: one line naming the run and the entries. */
    static void historyLine(java.io.PrintWriter w, Optional<History> store, String runId,
            List<HistoryEntry> recorded) {
        if (store.isEmpty()) {
            return;
        }
        w.println();
        w.printf(java.util.Locale.ROOT, "Recorded run %s in the history %s (%s %s)%n", runId, store.get().url(),
                recorded.size() == 1 ? "entry" : "entries",
                String.join(", ", recorded.stream().map(e -> Long.toString(e.id())).toList()));
    }

    /** The {@code check} document. */
    static ObjectNode check(PolicyResult result, int exitCode) {
        ObjectNode root = F.objectNode();
        root.put("schema", "fairkit.cli.check/1");
        root.put("policy", result.policy());
        root.put("outcome", result.outcome().name());
        root.put("exit_code", exitCode);
        ArrayNode vs = root.putArray("verdicts");
        for (RuleVerdict v : result.verdicts()) {
            ObjectNode o = vs.addObject();
            o.put("rule", v.rule().name());
            o.put("expression", v.rule().expression());
            ArrayNode g = o.putArray("grouping");
            v.grouping().forEach(g::add);
            o.put("severity", v.rule().severityId());
            o.put("evidence", v.evidence().id());
            o.put("outcome", v.outcome().name());
            o.set("value", value(v.value(), v.interval()));
            ArrayNode groups = o.putArray("groups");
            v.groups().stream().map(GroupKey::label).forEach(groups::add);
            o.put("message", v.message());
        }
        return root;
    }

    /**
     * @return a copy of a document with {@code "task": task} right after its {@code "schema"} (the check document of
     *     {@code fairkit check}; the policy part of other documents has no task of its own)
     */
    static ObjectNode withTask(ObjectNode doc, String task) {
        ObjectNode out = F.objectNode();
        doc.properties().forEach(e -> {
            out.set(e.getKey(), e.getValue());
            if (e.getKey().equals("schema")) {
                out.put("task", task);
            }
        });
        return out;
    }

    /** The {@code plan} document. */
    static ObjectNode plan(LoadEstimate e) {
        ObjectNode root = F.objectNode();
        root.put("schema", "fairkit.cli.plan/1");
        root.put("input_load", e.inputLoad());
        root.put("output_load", e.outputLoad());
        root.put("total_load", e.totalLoad());
        root.put("design_target_load", e.designTargetLoad());
        root.put("recommended_output_load", e.recommendedOutputLoad());
        ArrayNode outs = root.putArray("outputs");
        e.outputs().stream().map(OutputKind::id).forEach(outs::add);
        root.put("estimated_seconds", e.estimatedSeconds());
        root.put("buffered_seconds", e.bufferedSeconds());
        if (e.availableSeconds().isPresent()) {
            root.put("available_seconds", e.availableSeconds().getAsDouble());
        } else {
            root.putNull("available_seconds");
        }
        root.put("feasibility", e.feasibility().name());
        root.put("message", e.message());
        ArrayNode w = root.putArray("warnings");
        e.warnings().forEach(w::add);
        ArrayNode s = root.putArray("suggestions");
        e.suggestions().forEach(s::add);
        return root;
    }

    /** The {@code trail verify} document. */
    static ObjectNode trail(TrailVerification v) {
        ObjectNode root = F.objectNode();
        root.put("schema", "fairkit.cli.trail/1");
        root.put("file", v.path().toString());
        root.put("intact", v.valid());
        root.put("entries", v.goodEntries());
        root.put("head", v.headHash());
        if (v.problem().isPresent()) {
            ObjectNode p = root.putObject("problem");
            p.put("line", v.problem().get().line());
            p.put("byte_offset", v.problem().get().byteOffset());
            p.put("kind", v.problem().get().kind().name());
            p.put("message", v.problem().get().message());
        } else {
            root.putNull("problem");
        }
        return root;
    }

    /** VALUE, written by orchestration's {@link FairKitJsonModule} as in {@code fairkit.report/1}. */
    static JsonNode value(MetricValue v, Optional<Interval> interval) {
        return ReportJson.tree(EstimatedValue.of(v, interval));
    }

    /** @return the document as text, formatted as {@link ReportJson#write} */
    static String write(ObjectNode doc) {
        return ReportJson.write(doc);
    }
}
