package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.Task;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.orchestration.policy.DataMeasure;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.policy.Measure;
import org.fairkit.orchestration.policy.Outcome;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.policy.PolicyRule;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.StandardOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit check}: judges a CSV file of decisions by a policy (YAML, see orchestration's {@code Policy}) and
 * exits {@value ExitCode#OK} when it passes, {@value ExitCode#FINDING} when it does not, {@value ExitCode#BAD_INPUT}
 * on bad input: a CI gate or a git pre-commit hook.
 *
 * <p>"Does not pass" is a failed rule of severity {@code error}, or an inconclusive one (an undefined value, a rule
 * whose evidence needs an interval the command did not compute, a grouping no report has): nothing passes silently.
 * Rules of severity {@code warning} are printed but never change the exit code.
 *
 * <p>The reports evaluated are those of {@code audit} (each sensitive column, the intersection with
 * {@code --intersect}) plus one per grouping a rule names with {@code for}, whose columns must be sensitive columns.
 *
 * <p>{@code --baseline RUN|FILE} gives {@code max_regression} rules the run to compare with (a report file or a run
 * of {@code --history}); without it they are inconclusive. With {@code --history DB} the checked reports are recorded
 * in the run history, labelled by {@code --model-version}.
 */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Judge a CSV file of decisions by a policy: exit 0 pass, 1 violation, 2 bad input.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    FairkitCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy (YAML).")
    Path policyFile;

    @Mixin
    DataOptions data;

    @Mixin
    EvaluationOptions evaluation;

    @Mixin
    TaskOptions task;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default) or json: one document, schema fairkit.cli.check/1.")
    Format format;

    @Option(names = "--baseline", paramLabel = "RUN|FILE",
            description = "The baseline run that max_regression rules compare with: a fairkit.report/1 or "
                    + "fairkit.cli.audit/1 file, or a run of --history (entry id, run id, latest, latest:LABEL).")
    String baseline;

    @Mixin
    HistoryOptions history;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        Task kind = task.resolve(spec, data);
        if (kind != Task.BINARY) {
            return TaskAudits.check(this, kind);
        }
        Policy policy = Plans.policy("--policy", policyFile);
        Optional<History> store = history.open();
        Optional<ReportRefs.Resolved> base = Optional.ofNullable(baseline)
                .map(b -> ReportRefs.resolve("--baseline", b, store));
        List<GroupResults> baselines = base.map(b -> CompareCommand.results("--baseline", b.reports()))
                .orElse(List.of());
        List<String> sensitive = data.sensitive();
        MetricSelection metrics = withPolicyMetrics(evaluation.metrics(data.hasScores()), policy);
        List<AuditGrouping> groupings = groupings(policy, sensitive);
        var intervals = evaluation.intervals();
        List<FairnessReport> reports;
        if (data.viaSql()) {
            // Parquet/JSON/gzip CSV or a database, through fairness-sql: the tally runs in the engine.
            try (SqlInput in = SqlInput.open(data, data.sqlColumns(), SqlInput.environment);
                    Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
                reports = in.evaluate(Plans.specs(groupings, metrics, evaluation.minGroupSize, intervals),
                        parent.clock(), p, evaluation.maxGroups());
            }
        } else {
            Path file = data.file();
            CsvColumns columns = data.columns();
            boolean needsRows = intervals.isPresent() || !metrics.scoreMetrics().isEmpty();
            AuditPlan plan = Plans.plan(Audits.planId(file), Audits.source(file, columns, needsRows), groupings,
                    metrics, evaluation.minGroupSize, intervals, List.of(StandardOutputs.DETAILED_REPORT));
            try (Progress p = Progress.start(spec.commandLine().getErr(), progress.enabled())) {
                reports = Audits.evaluate(plan, p, parent.clock(), evaluation.maxGroups());
            }
        }
        PolicyResult result = policy.evaluate(reports, baselines);
        int code = result.outcome() == Outcome.PASS ? ExitCode.OK : ExitCode.FINDING;
        String runId = UUID.randomUUID().toString();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", data.viaSql() ? data.sourceName() : data.file().toString());
        settings.put("policy", policyFile.toString());
        settings.put("policy_outcome", result.outcome().name());
        base.ifPresent(b -> settings.put("baseline", b.description()));
        List<HistoryEntry> recorded = history.record(store, "check", runId, reports, Optional.empty(), settings);

        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.JSON) {
            ObjectNode doc = CliJson.withTask(CliJson.check(result, code), "binary");
            base.ifPresent(b -> doc.put("baseline", b.description()));
            CliJson.history(doc, store, runId, recorded);
            w.print(CliJson.write(doc));
        } else {
            w.println(result);
            w.println();
            w.println(verdictLine(result, code));
            CliJson.historyLine(w, store, runId, recorded);
        }
        w.flush();
        long dataRules = policy.rules().stream().filter(r -> r.measure() instanceof DataMeasure).count();
        if (dataRules > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("fairkit check: note: " + dataRules + " data " + (dataRules == 1 ? "rule is" : "rules are")
                    + " judged by 'fairkit check-data', not here");
            err.flush();
        }
        if (intervals.isEmpty() && policy.rules().stream().anyMatch(r -> r.evidenceOr(policy.evidence())
                .needsInterval())) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("fairkit check: note: rules with interval evidence are inconclusive without intervals; add "
                    + "--bootstrap N or --bayes");
            err.flush();
        }
        return code;
    }

    /** The last line: {@code Policy lending-fairness: FAIL (exit 1): 1 rule failed, 0 inconclusive}. */
    static String verdictLine(PolicyResult result, int code) {
        long failed = result.verdicts().stream().filter(v -> v.blocking() && v.outcome() == Outcome.FAIL).count();
        long inconclusive = result.verdicts().stream()
                .filter(v -> v.blocking() && v.outcome() == Outcome.INCONCLUSIVE).count();
        return "Policy " + result.policy() + ": " + result.outcome() + " (exit " + code + ")"
                + (code == ExitCode.OK ? "" : ": " + failed + " failed and " + inconclusive + " inconclusive "
                        + (failed + inconclusive == 1 ? "verdict" : "verdicts") + " of severity error");
    }

    /** The selection plus every group metric a rule aggregates or requires of every group. */
    static MetricSelection withPolicyMetrics(MetricSelection selection, Policy policy) {
        Set<GroupMetric> metrics = new LinkedHashSet<>(selection.groupMetrics());
        Optional<List<FairnessMetric>> named = selection.fairnessMetrics();
        for (PolicyRule rule : policy.rules()) {
            if (rule.measure() instanceof Measure.Regression r && named.isPresent()
                    && !named.get().contains(r.metric())) {
                List<FairnessMetric> more = new ArrayList<>(named.get());
                more.add(r.metric());
                named = Optional.of(more);
            }
            if (rule.measure() instanceof Measure.Aggregate a) {
                metrics.add(a.metric());
            } else if (rule.measure() instanceof Measure.EveryGroup e) {
                metrics.add(e.metric());
            }
        }
        return new MetricSelection(List.copyOf(metrics), selection.scoreMetrics(), named);
    }

    /** The audit's groupings plus one per rule grouping that is not among them. */
    List<AuditGrouping> groupings(Policy policy, List<String> sensitive) {
        List<AuditGrouping> out = new ArrayList<>(evaluation.groupings(sensitive));
        Map<String, String> refs = evaluation.references(sensitive);
        for (PolicyRule rule : policy.rules()) {
            if (rule.grouping().isEmpty()) {
                continue;
            }
            for (String f : rule.grouping()) {
                if (!sensitive.contains(f)) {
                    throw CliException.badInput(CliErrors.policyGrouping(rule.name(), f, sensitive));
                }
            }
            boolean present = out.stream().anyMatch(g -> Set.copyOf(g.features()).equals(Set.copyOf(rule.grouping())));
            if (!present) {
                AuditGrouping g = AuditGrouping.of(rule.grouping().toArray(new String[0]));
                if (refs.keySet().containsAll(rule.grouping())) {
                    g = g.reference(rule.grouping().stream().map(refs::get).toArray(String[]::new));
                }
                out.add(g);
            }
        }
        return out;
    }
}
