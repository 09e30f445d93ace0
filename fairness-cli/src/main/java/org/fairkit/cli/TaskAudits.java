package org.fairkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassFairness;
import org.fairkit.core.ranking.ExposureTally;
import org.fairkit.core.ranking.PositionBias;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.orchestration.RunTrail;
import org.fairkit.orchestration.io.CsvTable;
import org.fairkit.orchestration.io.TaskCsv;
import org.fairkit.orchestration.policy.DataMeasure;
import org.fairkit.orchestration.policy.Measure;
import org.fairkit.orchestration.policy.Outcome;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.policy.PolicyRule;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.run.RunRecord;
import org.fairkit.orchestration.run.TaskRun;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TrailEntry;
import org.fairkit.stats.intervals.MetricIntervals;
import org.fairkit.stats.intervals.RowBootstrap;
import org.fairkit.stats.regression.RegressionIntervals;

/**
 * The audits of regression, ranking and multiclass models from a CSV file, one {@link TaskReport} per grouping (each
 * sensitive column, and their intersection with {@code --intersect}):
 * <ul>
 *   <li><b>regression</b>: {@code RegressionFairness} with every regression metric ({@code --metrics} selects
 *       regression metric ids and regression fairness metric ids such as {@code bounded_group_loss_absolute});</li>
 *   <li><b>ranking</b>: one {@code Ranking} per query (per value of {@code --query}, or the whole file), its exposure
 *       under {@code --position-bias}, pooled over the queries with {@link ExposureTally} (each item of each query
 *       counts once: Biega et al. 2018's amortised exposure); groups below {@code --min-group-size} items are left
 *       out of the disparities;</li>
 *   <li><b>multiclass</b>: {@code MulticlassFairness} (one-vs-rest per class, macro averages), the confusion and
 *       fairness metric ids of a binary audit.</li>
 * </ul>
 * With {@code --out DIR} the run writes its outputs through {@link TaskRun} and is recorded in the directory's audit
 * trail as a binary run is.
 */
final class TaskAudits {
    private TaskAudits() {
    }

    /**
     * Evaluates a task audit, one report per grouping; the group metrics a policy reads ({@link #policyMetricIds})
     * are evaluated even when {@code --metrics} leaves them out.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell
     * @throws CliException for bad settings
     */
    static List<TaskReport> evaluate(Task task, DataOptions d, TaskOptions t, EvaluationOptions e,
            List<AuditGrouping> groupings, List<String> policyMetrics, Progress progress, Clock clock)
            throws IOException {
        requireCsv(task, d);
        if (e.bayes || (e.bootstrap != null && task != Task.REGRESSION)) {
            throw CliException.badInput(CliErrors.taskOption(e.bayes ? "--bayes" : "--bootstrap", task.id(),
                    e.bayes && task == Task.REGRESSION ? "use --bootstrap N (a stratified row bootstrap)"
                            : "intervals are estimated for binary and regression audits"));
        }
        if (e.bootstrap != null) {
            Inputs.range("--bootstrap", e.bootstrap, 1, Inputs.MAX_BOOTSTRAP, "resamples");
        }
        Path file = csvFile(d);
        List<String> sensitive = d.sensitive();
        int maxGroups = e.maxGroups();
        AtomicLong rows = new AtomicLong();
        progress.phase("reading " + file.getFileName(), () -> Progress.count(rows.get()) + " rows");
        CsvTable.RecordVisitor count = r -> rows.lazySet(r.dataRow());
        List<TaskReport> reports = new ArrayList<>();
        switch (task) {
            case REGRESSION -> {
                Selection s = withPolicyMetrics(regressionMetrics(e.metrics), policyMetrics);
                RegressionData data = TaskCsv.regression(file, t.target, d.prediction, Optional.ofNullable(d.weight),
                        sensitive, count);
                for (AuditGrouping g : groupings) {
                    progress.phase("evaluating " + g);
                    RegressionFairness f = RegressionFairness.of(data).groupBy(g.features().toArray(new String[0]))
                            .metrics(s.metrics().toArray(new RegressionMetric[0]))
                            .fairnessMetrics(s.fairness().toArray(new RegressionFairnessMetric[0]))
                            .minGroupSize(e.minGroupSize).clock(clock);
                    g.reference().ifPresent(r -> f.reference(r.toArray(new String[0])));
                    TaskReport r = checked(f.evaluate().asTaskReport(), g, maxGroups);
                    if (e.bootstrap != null) {
                        long seed = e.seed == null ? EvaluationOptions.DEFAULT_SEED : e.seed;
                        RowBootstrap settings = RowBootstrap.bca(e.bootstrap).seed(seed);
                        progress.phase("intervals (" + settings.describe("group") + ") for " + g);
                        MetricIntervals ci = RegressionIntervals.of(data)
                                .groupBy(g.features().toArray(new String[0])).minGroupSize(e.minGroupSize)
                                .metrics(s.metrics().toArray(new RegressionMetric[0]))
                                .fairnessMetrics(s.fairness().toArray(new RegressionFairnessMetric[0]))
                                .bootstrap(settings);
                        r = withIntervals(r, ci);
                    }
                    reports.add(r);
                }
            }
            case RANKING -> {
                if (e.metrics != null) {
                    throw CliException.badInput(CliErrors.taskOption("--metrics", task.id(), "a ranking audit reports "
                            + "exposure (and with --relevance exposure and click-through per relevance) with their "
                            + "named disparities"));
                }
                PositionBias bias = t.positionBias();
                TaskCsv.RankingColumns columns = t.rank != null
                        ? TaskCsv.RankingColumns.ranked(Optional.ofNullable(d.query), t.rank,
                                Optional.ofNullable(t.relevance), sensitive)
                        : TaskCsv.RankingColumns.scored(Optional.ofNullable(d.query), d.score,
                                Optional.ofNullable(t.relevance), sensitive);
                TaskCsv.Rankings rankings = TaskCsv.rankings(file, columns, count);
                for (AuditGrouping g : groupings) {
                    if (g.reference().isPresent()) {
                        throw CliException.badInput(CliErrors.taskOption("--reference", task.id(), "its disparities "
                                + "compare every group (difference, ratio)"));
                    }
                    progress.phase("evaluating " + g);
                    ExposureTally tally = ExposureTally.empty(g.features(), t.relevance != null);
                    for (TaskCsv.Query q : rankings.queries()) {
                        tally = tally.add(RankingFairness.of(q.ranking(g.features())).positionBias(bias).evaluate());
                    }
                    reports.add(checked(withMinGroupSize(tally.report(), e.minGroupSize), g, maxGroups));
                }
            }
            case MULTICLASS -> {
                MetricSelection s = withPolicyMetrics(MetricSelection.parse(e.metrics == null ? List.of()
                        : e.metrics, false), policyMetrics);
                MulticlassData data = TaskCsv.multiclass(file, d.label, d.prediction, Optional.ofNullable(d.weight),
                        sensitive, count);
                for (AuditGrouping g : groupings) {
                    progress.phase("evaluating " + g);
                    MulticlassFairness f = MulticlassFairness.of(data).groupBy(g.features().toArray(new String[0]))
                            .metrics(s.groupMetrics().toArray(new GroupMetric[0]))
                            .minGroupSize(e.minGroupSize).clock(clock);
                    s.fairnessMetrics().ifPresent(m -> f.fairnessMetrics(m.toArray(new FairnessMetric[0])));
                    g.reference().ifPresent(r -> f.reference(r.toArray(new String[0])));
                    reports.add(checked(f.evaluate().asTaskReport(), g, maxGroups));
                }
            }
            default -> throw new IllegalStateException("not a task audit: " + task);
        }
        return reports;
    }

    /**
     * A task audit reads a CSV file: {@code --jdbc} and the files DuckDB reads are for binary audits; {@code --query}
     * is a ranking's query column here, never SQL.
     */
    private static void requireCsv(Task task, DataOptions d) {
        if (d.jdbc != null) {
            throw CliException.badInput(CliErrors.taskReadsCsv(task.id(), "--jdbc"));
        }
        if (d.data == null) {
            throw CliException.badInput(CliErrors.dataOrJdbc());
        }
        for (String[] o : new String[][] {{"--table", d.table}, {"--schema", d.schema}, {"--user", d.user},
                {"--password-env", d.passwordEnv}, {"--query", task == Task.RANKING ? null : d.query}}) {
            if (o[1] != null) {
                throw CliException.badInput(CliErrors.needsJdbc(o[0]));
            }
        }
        if (SqlInput.readsFile(d.data)) {
            throw CliException.badInput(CliErrors.taskReadsCsv(task.id(), "'" + d.data + "'"));
        }
    }

    /** @return the {@code --data} file, which exists (a task audit's input; see {@link #requireCsv}) */
    private static Path csvFile(DataOptions d) {
        return Inputs.file("--data", d.data, "a CSV file");
    }

    /** The report with the intervals of its own metrics and disparities (the undefined ones stay out). */
    static TaskReport withIntervals(TaskReport r, MetricIntervals ci) {
        Map<String, Map<GroupKey, Interval>> byGroup = new LinkedHashMap<>();
        ci.byGroup().forEach((metric, groups) -> {
            if (r.values(metric).isPresent()) {
                byGroup.put(metric, groups);
            }
        });
        Map<String, Interval> disparities = new LinkedHashMap<>();
        ci.disparities().forEach((id, i) -> {
            if (r.disparity(id).isPresent()) {
                disparities.put(id, i);
            }
        });
        return r.withIntervals(byGroup, disparities);
    }

    /** Refuses a grouping with more groups than {@code --max-groups}. */
    private static TaskReport checked(TaskReport r, AuditGrouping g, int maxGroups) {
        if (r.groups().size() > maxGroups) {
            throw CliException.badInput(CliErrors.tooManyGroupsInTally(g.features(), maxGroups, r.groups().size()));
        }
        return r;
    }

    /**
     * The regression metrics and regression fairness metrics of {@code --metrics} (default: all of both). Naming only
     * fairness metrics keeps every group metric; naming only group metrics keeps every fairness metric.
     */
    record Selection(List<RegressionMetric> metrics, List<RegressionFairnessMetric> fairness) {
    }

    static Selection regressionMetrics(List<String> ids) {
        List<RegressionMetric> all = List.of(RegressionMetrics.values());
        List<RegressionFairnessMetric> allFairness = List.of(RegressionFairnessMetric.values());
        if (ids == null || ids.isEmpty()) {
            return new Selection(all, allFairness);
        }
        Set<RegressionMetric> metrics = new LinkedHashSet<>();
        Set<RegressionFairnessMetric> fairness = new LinkedHashSet<>();
        for (String raw : ids) {
            String id = raw.strip();
            try {
                metrics.add(RegressionMetrics.byId(id));
                continue;
            } catch (IllegalArgumentException notAMetric) {
                // try the fairness metrics
            }
            try {
                fairness.add(RegressionFairnessMetric.byId(id));
            } catch (IllegalArgumentException notEither) {
                List<String> valid = new ArrayList<>();
                Arrays.stream(RegressionMetrics.values()).map(m -> m.info().id()).forEach(valid::add);
                Arrays.stream(RegressionFairnessMetric.values()).map(RegressionFairnessMetric::id).forEach(valid::add);
                throw CliException.badInput(CliErrors.unknownTaskMetric(id, "regression", valid));
            }
        }
        return new Selection(metrics.isEmpty() ? all : List.copyOf(metrics),
                fairness.isEmpty() ? allFairness : List.copyOf(fairness));
    }

    /** The regression metrics plus those among {@code ids}. */
    private static Selection withPolicyMetrics(Selection s, List<String> ids) {
        Set<RegressionMetric> metrics = new LinkedHashSet<>(s.metrics());
        for (String id : ids) {
            try {
                metrics.add(RegressionMetrics.byId(id));
            } catch (IllegalArgumentException notRegression) {
                // another task's metric: the policy's verdict names what the report has
            }
        }
        return new Selection(List.copyOf(metrics), s.fairness());
    }

    /** The confusion metrics plus those among {@code ids}. */
    private static MetricSelection withPolicyMetrics(MetricSelection s, List<String> ids) {
        Set<GroupMetric> metrics = new LinkedHashSet<>(s.groupMetrics());
        for (String id : ids) {
            Arrays.stream(Metrics.values()).filter(m -> m.info().id().equals(id) || m.info().aliases().contains(id))
                    .findFirst().ifPresent(metrics::add);
        }
        return new MetricSelection(List.copyOf(metrics), s.scoreMetrics(), s.fairnessMetrics());
    }

    /** The ids each named disparity of a pooled ranking report aggregates ({@link ExposureTally#report()}). */
    private static final Map<String, String> RANKING_NAMED = Map.of("exposure_difference", "exposure.difference",
            "exposure_ratio", "exposure.ratio", "disparate_treatment_ratio", "exposure_per_relevance.ratio",
            "disparate_impact_ratio", "click_through_per_relevance.ratio");

    /**
     * A pooled ranking report with groups of fewer than {@code min} items marked small (left out of every disparity,
     * with a warning), as the other tasks do with {@code minGroupSize}.
     */
    static TaskReport withMinGroupSize(TaskReport r, int min) {
        List<String> small = new ArrayList<>();
        List<ReportWarning> warnings = new ArrayList<>(r.warnings());
        for (int g = 0; g < r.groups().size(); g++) {
            long n = r.sizes().get(g);
            String reason = n < min ? "n = " + n + " items is below minGroupSize " + min : null;
            small.add(reason);
            if (reason != null) {
                warnings.add(new ReportWarning(ReportWarning.Kind.SMALL_GROUP, "group "
                        + r.groups().get(g).describe() + ": " + reason + "; reported, but left out of disparities"));
            }
        }
        if (small.stream().allMatch(x -> x == null)) {
            return r;
        }
        TaskReport.Builder b = TaskReport.builder(r.task(), r.groupBy(), r.groups(), r.sizes());
        for (GroupValues v : r.metrics()) {
            List<MetricValue> values = new ArrayList<>();
            for (int g = 0; g < r.groups().size(); g++) {
                values.add(v.value(g));
            }
            b.metric(new GroupValues(v.metricId(), v.groups(), values, small, v.overall(), ZeroDivision.UNDEFINED));
        }
        TaskReport metricsOnly = b.build();
        TaskReport.Builder out = TaskReport.builder(r.task(), r.groupBy(), r.groups(), r.sizes());
        metricsOnly.metrics().forEach(out::metric);
        for (Disparity d : r.namedDisparities()) {
            String source = RANKING_NAMED.get(d.id());
            Disparity recomputed = source == null ? d : metricsOnly.disparity(source).orElseThrow();
            out.disparity(new Disparity(d.id(), recomputed.value(), recomputed.groups(), recomputed.excluded(),
                    recomputed.interval()));
        }
        out.warnings(warnings);
        r.provenance().ifPresent(out::provenance);
        return out.build();
    }

    /**
     * Writes a task audit's outputs into a directory and records the run in its audit trail, holding the directory's
     * lock; as {@link Audits#run} does for a binary audit.
     *
     * @return the run, its {@link AuditResult} carrying the record (and no binary report)
     */
    static Audits.Run run(String planId, String source, List<TaskReport> reports, List<String> selected,
            List<TaskRun.Output> documents, Path directory, Clock clock, long t0, Progress progress) throws IOException {
        Path trailFile = Audits.outputDirectory(directory);
        try (DirectoryLock lock = DirectoryLock.acquire(directory);
                AuditTrail trail = AuditTrail.open(trailFile)) {
            Audits.requireAppendable(trail, trailFile);
            progress.phase(String.format(Locale.ROOT, "writing %s", directory));
            TaskRun.Context context = new TaskRun.Context(UUID.randomUUID().toString(), planId, source,
                    clock.instant(), reports);
            RunRecord record = TaskRun.write(context, selected, documents, directory, System::nanoTime, t0);
            try {
                TrailEntry entry = RunTrail.record(trail, record, RunTrail.taskFingerprint(reports));
                return new Audits.Run(new AuditResult(record, List.of()), directory, trailFile, entry);
            } catch (IllegalStateException e) {
                throw CliException.badInput("the outputs are written, but the run is not recorded: "
                        + ErrorHandler.oneLine(e.getMessage()) + " (see 'fairkit trail verify " + trailFile + "')");
            }
        }
    }

    /** {@code fairkit audit} of a regression, ranking or multiclass model. */
    static int audit(AuditCommand c, Task task) throws IOException {
        refuseHistory(c.history, task);
        if (c.individual.enabled) {
            throw CliException.badInput(CliErrors.taskOption("--individual", task.id(), "the inequality indices "
                    + "are of a binary classifier's benefits"));
        }
        Optional<Policy> policy = Optional.ofNullable(c.policyFile).map(p -> Plans.policy("--policy", p));
        if (c.outputs != null && c.out == null) {
            throw CliException.badInput(CliErrors.outputsWithoutOut());
        }
        List<String> selected = new ArrayList<>(TaskRun.OUTPUTS);
        selected.addAll(TaskDocuments.ids());
        if (c.outputs != null) {
            selected = c.outputs.stream().map(String::strip).toList();
        }
        long t0 = System.nanoTime();
        Clock clock = c.parent.clock();
        List<TaskReport> reports;
        Optional<Audits.Run> run = Optional.empty();
        try (Progress p = Progress.start(c.spec.commandLine().getErr(), c.progress.enabled())) {
            reports = evaluate(task, c.data, c.task, c.evaluation, c.evaluation.groupings(c.data.sensitive()),
                    policy.map(TaskAudits::policyMetricIds).orElse(List.of()), p, clock);
            if (c.out != null) {
                Path file = csvFile(c.data);
                run = Optional.of(run(Audits.planId(file), file.toString(), reports, selected,
                        TaskDocuments.all(policy), c.out, clock, t0, p));
            }
        }
        Optional<PolicyResult> verdict = policy.map(v -> judge(v, reports));
        PrintWriter w = c.spec.commandLine().getOut();
        String source = csvFile(c.data).toString();
        if (c.format == Format.JSON) {
            w.print(CliJson.write(TaskJson.audit(task, source, reports, verdict.map(v -> CliJson.check(v,
                    v.passed() ? ExitCode.OK : ExitCode.FINDING)), run)));
        } else {
            printTables(w, reports);
            AuditCommand.printTable(w, List.of(), verdict, run);
        }
        w.flush();
        return ExitCode.OK;
    }

    /** {@code fairkit check} of a regression, ranking or multiclass model. */
    static int check(CheckCommand c, Task task) throws IOException {
        Policy policy = Plans.policy("--policy", c.policyFile);
        refuseHistory(c.history, task);
        if (c.baseline != null) {
            throw CliException.badInput(CliErrors.taskOption("--baseline", task.id(), "max_regression rules compare "
                    + "binary runs"));
        }
        List<TaskReport> reports;
        try (Progress p = Progress.start(c.spec.commandLine().getErr(), c.progress.enabled())) {
            reports = evaluate(task, c.data, c.task, c.evaluation, c.groupings(policy, c.data.sensitive()),
                    policyMetricIds(policy), p, c.parent.clock());
        }
        PolicyResult result = judge(policy, reports);
        int code = result.outcome() == Outcome.PASS ? ExitCode.OK : ExitCode.FINDING;
        PrintWriter w = c.spec.commandLine().getOut();
        if (c.format == Format.JSON) {
            w.print(CliJson.write(CliJson.withTask(CliJson.check(result, code), task.id())));
        } else {
            w.println(result);
            w.println();
            w.println(CheckCommand.verdictLine(result, code));
        }
        w.flush();
        long dataRules = policy.rules().stream().filter(r -> r.measure() instanceof DataMeasure).count();
        if (dataRules > 0) {
            PrintWriter err = c.spec.commandLine().getErr();
            err.println("fairkit check: note: " + dataRules + " data " + (dataRules == 1 ? "rule is" : "rules are")
                    + " judged by 'fairkit check-data', not here");
            err.flush();
        }
        return code;
    }

    private static void refuseHistory(HistoryOptions h, Task task) {
        if (h.history != null || h.modelVersion != null) {
            throw CliException.badInput(CliErrors.taskOption(h.history != null ? "--history" : "--model-version",
                    task.id(), "the run history records binary audits; use --out DIR for the run record and trail"));
        }
    }

    /** The policy's verdict on task reports. */
    static PolicyResult judge(Policy policy, List<TaskReport> reports) {
        return policy.evaluateTasks(reports);
    }

    /**
     * The group metric ids a policy's rules read of every group or aggregate ({@code mean_absolute_error.ratio},
     * {@code macro_false_negative_rate.difference}, {@code roc_auc@high >= 0.7}), without a {@code macro_} prefix or
     * {@code @class} suffix: a task audit evaluates them even when {@code --metrics} does not name them.
     */
    static List<String> policyMetricIds(Policy policy) {
        List<String> out = new ArrayList<>();
        for (PolicyRule rule : policy.rules()) {
            String id = null;
            if (rule.measure() instanceof Measure.Aggregate a) {
                id = a.metric().id();
            } else if (rule.measure() instanceof Measure.EveryGroup g) {
                id = g.metric().id();
            } else if (rule.measure() instanceof Measure.TaskAggregate a) {
                id = a.metric();
            } else if (rule.measure() instanceof Measure.TaskEveryGroup g) {
                id = g.metric();
            }
            if (id != null) {
                id = id.startsWith("macro_") ? id.substring("macro_".length()) : id;
                int at = id.indexOf('@');
                out.add(at < 0 ? id : id.substring(0, at));
            }
        }
        return out;
    }

    /** Prints task reports as tables ({@link TaskReport#toString()}), one per grouping, separated by a blank line. */
    static void printTables(PrintWriter w, List<TaskReport> reports) {
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                w.println();
            }
            String table = reports.get(i).toString();
            w.print(table.endsWith("\n") ? table : table + System.lineSeparator());
        }
    }
}
