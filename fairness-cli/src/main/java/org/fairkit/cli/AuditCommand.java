package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Task;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.orchestration.history.RunHistory;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.orchestration.run.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit audit}: the fairness report of a CSV file of decisions, one per grouping (each sensitive column,
 * and their intersection with {@code --intersect}), as a table or one JSON document ({@link CliJson}); with
 * {@code --out DIR} also the audit's output files, the run record and an entry in {@code DIR/audit-trail.jsonl}.
 *
 * <p>Without intervals or score metrics the file is streamed (memory grows with the groups, not the rows); the
 * report's input fingerprint is the same either way (the rows' values, see {@code Fingerprint}), and the report
 * also carries the file's SHA-256 as {@code input_file_sha256}. The exit code is 0 whatever the report says: use
 * {@code fairkit check} to gate on it. With {@code --history DB} every report is also recorded in the run history
 * (with {@code --out}, under the run's id and with its audit-trail entry), labelled by {@code --model-version}.
 */
@Command(name = "audit", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Print the fairness report of a file (CSV, Parquet, JSON) or a database table of decisions "
                + "(and write its outputs with --out).")
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    FairkitCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    EvaluationOptions evaluation;

    @Mixin
    TaskOptions task;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json: one document, schema fairkit.cli.audit/1.")
    Format format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the outputs, run-record.json and an audit-trail entry into DIR.")
    Path out;

    @Option(names = "--outputs", split = ",", paramLabel = "ID",
            description = "Outputs to write with --out (default: all available): metrics_export, flagged_cases, "
                    + "detailed_report, alert_configuration (needs --policy), dashboard_export, fairness_audit_pdf, "
                    + "compliance_report, executive_summary_slides.")
    List<String> outputs;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A policy (YAML) to judge the reports by, and to render as the alert configuration.")
    Path policyFile;

    @Mixin
    HistoryOptions history;

    @Mixin
    IndividualOptions individual;

    @Mixin
    ProgressOption progress;

    /** With intervals and score metrics: each grouping's score-metric intervals (in the JSON, or after each table). */
    private List<org.fairkit.stats.intervals.MetricIntervals> scoreIntervals = List.of();

    @Override
    public Integer call() throws Exception {
        Task kind = task.resolve(spec, data);
        if (kind != Task.BINARY) {
            return TaskAudits.audit(this, kind);
        }
        individual.validate();
        if (data.viaSql()) {
            return callSql();
        }
        Path file = data.file();
        CsvColumns columns = data.columns();
        MetricSelection metrics = evaluation.metrics(data.hasScores());
        Optional<Policy> policy = Optional.ofNullable(policyFile).map(p -> Plans.policy("--policy", p));
        Optional<History> store = history.open();
        if (outputs != null && out == null) {
            throw CliException.badInput(CliErrors.outputsWithoutOut());
        }
        Outputs available = Outputs.with(policy).withHistory(store);
        List<String> selected = out == null ? List.of(org.fairkit.orchestration.run.StandardOutputs.DETAILED_REPORT)
                : available.select(outputs);
        var intervals = evaluation.intervals();
        boolean needsRows = intervals.isPresent() || !metrics.scoreMetrics().isEmpty();
        AuditPlan plan = Plans.plan(Audits.planId(file), Audits.source(file, columns, needsRows),
                evaluation.groupings(data.sensitive()), metrics, evaluation.minGroupSize, intervals, selected);

        List<FairnessReport> reports;
        Optional<Audits.Run> run = Optional.empty();
        try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            int maxGroups = evaluation.maxGroups();
            if (intervals.isPresent() && !metrics.scoreMetrics().isEmpty()) {
                scoreIntervals = ScoreIntervalJson.compute(plan, metrics.scoreMetrics(), evaluation, p);
            }
            if (out == null) {
                reports = Audits.evaluate(plan, p, parent.clock(), maxGroups);
            } else {
                Audits.checkGroupCount(plan, p, maxGroups);
                Audits.Run r = Audits.run(plan, available.runner(parent.clock()), out, p);
                reports = r.result().reports();
                run = Optional.of(r);
            }
        }
        Optional<PolicyResult> verdict = policy.map(p -> p.evaluate(reports));
        return finish(file.toString(), reports, verdict, run, store);
    }

    /** Records the reports in the history (with {@code --history}) and prints them. */
    private Integer finish(String source, List<FairnessReport> reports, Optional<PolicyResult> verdict,
            Optional<Audits.Run> run, Optional<History> store) {
        String runId = run.map(r -> r.result().record().runId()).orElseGet(() -> UUID.randomUUID().toString());
        List<HistoryEntry> recorded = history.record(store, "audit", runId, reports,
                run.map(r -> RunHistory.trailReference(r.trail(), r.entry())), Map.of("source", source));
        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.JSON) {
            ObjectNode doc = CliJson.audit(source, reports, verdict, run);
            ScoreIntervalJson.attach(doc, scoreIntervals);
            individual.addTo(doc, reports);
            CliJson.history(doc, store, runId, recorded);
            w.print(CliJson.write(doc));
        } else {
            printTable(w, reports, scoreIntervals, verdict, run);
            individual.print(w, reports);
            CliJson.historyLine(w, store, runId, recorded);
        }
        w.flush();
        return ExitCode.OK;
    }

    /**
     * The audit of a Parquet/JSON/gzip-CSV file or glob, or of a database table or query, through fairness-sql: the
     * tally runs in the engine; with {@code --out}, the rows are streamed from the same source for the runner.
     */
    private Integer callSql() throws Exception {
        if (data.id != null) {
            throw CliException.badInput("--id is read by the CSV reader only; drop it for " + data.sourceName());
        }
        MetricSelection metrics = evaluation.metrics(data.hasScores());
        Optional<Policy> policy = Optional.ofNullable(policyFile).map(p -> Plans.policy("--policy", p));
        Optional<History> store = history.open();
        if (outputs != null && out == null) {
            throw CliException.badInput(CliErrors.outputsWithoutOut());
        }
        Outputs available = Outputs.with(policy);
        List<String> selected = out == null ? List.of(org.fairkit.orchestration.run.StandardOutputs.DETAILED_REPORT)
                : available.select(outputs);
        var intervals = evaluation.intervals();
        List<AuditGrouping> groupings = evaluation.groupings(data.sensitive());
        var specs = Plans.specs(groupings, metrics, evaluation.minGroupSize, intervals);
        List<FairnessReport> reports;
        Optional<Audits.Run> run = Optional.empty();
        try (SqlInput in = SqlInput.open(data, data.sqlColumns(), SqlInput.environment);
                Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
            if (intervals.isPresent() && !metrics.scoreMetrics().isEmpty()) {
                scoreIntervals = ScoreIntervalJson.compute(in.load(), groupings, metrics.scoreMetrics(), evaluation,
                        p);
            }
            if (out == null) {
                reports = in.evaluate(specs, parent.clock(), p, evaluation.maxGroups());
            } else {
                in.checkGroups(specs, p, evaluation.maxGroups());
                AuditPlan plan = Plans.plan(in.planId(), AuditSource.of(in.load()), groupings, metrics,
                        evaluation.minGroupSize, intervals, selected);
                Audits.Run r = Audits.run(plan, available.runner(parent.clock()), out, p);
                reports = r.result().reports();
                run = Optional.of(r);
            }
        }
        Optional<PolicyResult> verdict = policy.map(v -> v.evaluate(reports));
        return finish(data.sourceName(), reports, verdict, run, store);
    }

    static void printTable(PrintWriter w, List<FairnessReport> reports, Optional<PolicyResult> verdict,
            Optional<Audits.Run> run) {
        printTable(w, reports, List.of(), verdict, run);
    }

    /** Prints each report, followed by its score-metric intervals when there are any (same order as the reports). */
    static void printTable(PrintWriter w, List<FairnessReport> reports,
            List<org.fairkit.stats.intervals.MetricIntervals> scoreIntervals, Optional<PolicyResult> verdict,
            Optional<Audits.Run> run) {
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                w.println();
            }
            String table = reports.get(i).toString();
            w.print(table.endsWith("\n") ? table : table + System.lineSeparator());
            if (i < scoreIntervals.size()) {
                ScoreIntervalText.print(w, reports.get(i), scoreIntervals.get(i));
            }
        }
        verdict.ifPresent(v -> {
            w.println();
            w.println(v);
        });
        run.ifPresent(r -> {
            if (!reports.isEmpty() || verdict.isPresent()) {
                w.println();
            }
            var record = r.result().record();
            w.printf(Locale.ROOT, "Wrote %d files to %s (run %s, %.2f s%s):%n", record.outputs().size(),
                    r.directory(), record.runId(), record.duration().toNanos() / 1e9,
                    record.estimate().map(e -> String.format(Locale.ROOT, "; the load model estimated %.1f s",
                            e.toNanos() / 1e9)).orElse(""));
            for (OutputFile f : record.outputs()) {
                w.printf(Locale.ROOT, "  %-25s %s (%s bytes)%n", f.outputId(), f.path(), Progress.count(f.bytes()));
            }
            w.printf(Locale.ROOT, "Recorded as entry %d of %s; check it with: fairkit trail verify %s%n",
                    r.entry().seq(), r.trail(), r.trail());
            w.printf(Locale.ROOT, "Trail anchor: %d %s, head %s. Keep it outside %s (a CI log, a ticket, "
                    + "another system) and check later that no entry was cut or rewritten with:%n"
                    + "  fairkit trail verify %s --entries %d --head %s%n", r.entry().seq(),
                    r.entry().seq() == 1 ? "entry" : "entries", r.entry().hash(), r.directory(), r.trail(),
                    r.entry().seq(), r.entry().hash());
        });
    }
}
