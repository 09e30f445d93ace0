package org.fairkit.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.checks.DataQualityReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.stats.GroupComparisons;

/**
 * Everything a document renders: the {@link FairnessReport}, the {@link AuditContext}, and the optional parts that
 * other modules produce (group comparisons, calibration curves, policy verdicts, mitigation results), plus the
 * thresholds the disparities are judged against. Derived analyses ({@link #adverseImpact()}, {@link #concerns()})
 * are computed once, at {@link Builder#build()}, so every document shows the same numbers.
 *
 * <pre>{@code
 * ReportContent content = ReportContent.builder(report, AuditContext.of("Lending audit", "5,000 applications", clock))
 *     .comparisons(GroupComparisons.of(report).compute())
 *     .calibration(CalibrationSeries.uniformBins(data, 10, "ethnicity"))
 *     .build();
 * }</pre>
 *
 * <p><b>Any task.</b> {@link #forTask(TaskReport, AuditContext)} starts content for any task's report in the shape
 * every task shares (regression, ranking, multiclass, or binary without its {@code FairnessReport}): the documents
 * then name the task, chart each group metric per group with its intervals, judge the named disparities against
 * {@link TaskThreshold}s (defaults by the catalog's direction, replaced by a policy verdict's band or by
 * {@link Builder#taskThresholds(List)}), and show the verdicts, warnings and provenance. The four-fifths analysis, the
 * significance tests and the trend are binary only: content built with {@link #builder(FairnessReport, AuditContext)}
 * keeps exactly those documents.
 *
 * <pre>{@code
 * ReportContent content = ReportContent.forTask(regressionReport.asTaskReport(),
 *         AuditContext.of("Credit-limit model", "12,000 applications", clock))
 *     .verdicts(views)                                                 // optional
 *     .taskThresholds(List.of(TaskThreshold.atMost("bounded_group_loss_absolute", 900)))   // optional
 *     .dataQuality(DataQuality.defaults().check(grouping, features, null))                  // optional
 *     .build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class ReportContent {
    private final FairnessReport report;
    private final Optional<TaskReport> taskReport;
    private final AuditContext context;
    private final Optional<GroupComparisons> comparisons;
    private final List<CalibrationSeries> calibration;
    private final List<PolicyVerdictView> verdicts;
    private final List<MitigationSummary> mitigations;
    private final Map<FairnessMetric, DisparityThreshold> thresholds;
    private final AdverseImpact adverseImpact;
    private final List<Concern> concerns;
    private final Optional<Trend> trend;
    private final Optional<TradeOffView> tradeOff;
    private final Map<String, TaskThreshold> taskThresholds;
    private final Optional<DataQualityReport> dataQuality;

    private ReportContent(Builder b) {
        this.report = b.report;
        this.taskReport = Optional.ofNullable(b.task);
        this.context = b.context;
        this.dataQuality = Optional.ofNullable(b.dataQuality);
        this.comparisons = Optional.ofNullable(b.comparisons);
        this.calibration = List.copyOf(b.calibration);
        this.verdicts = List.copyOf(b.verdicts);
        this.mitigations = List.copyOf(b.mitigations);
        if (b.task != null) {
            this.thresholds = Map.of();
            this.taskThresholds = taskThresholds(b.task, b.taskThresholds, verdicts);
            this.adverseImpact = null;
            this.trend = Optional.empty();
            this.tradeOff = Optional.empty();
            this.concerns = Concerns.rank(this);
            return;
        }
        this.taskThresholds = Map.of();
        Map<FairnessMetric, DisparityThreshold> t = new LinkedHashMap<>();
        for (FairnessMetric f : report.fairnessMetrics().keySet()) {
            t.put(f, b.thresholds.getOrDefault(f, DisparityThreshold.defaultFor(f)));
        }
        for (Map.Entry<FairnessMetric, DisparityThreshold> e : b.thresholds.entrySet()) {
            t.putIfAbsent(e.getKey(), e.getValue());
        }
        this.thresholds = java.util.Collections.unmodifiableMap(t);
        AdverseImpact.Basis basis = b.basis != null ? b.basis : AdverseImpact.Basis.HIGHEST_RATE;
        this.adverseImpact = AdverseImpact.of(report, basis);
        this.concerns = Concerns.rank(this);
        this.trend = b.history.isEmpty() ? Optional.empty() : Optional.of(Trend.of(b.history, report, thresholds));
        this.tradeOff = Optional.ofNullable(b.tradeOff);
    }

    /**
     * The disparities judged, in order: each named disparity (its threshold as set, else a policy verdict's band,
     * else its default, else none), then every other disparity a threshold was set or a verdict read for.
     */
    private static Map<String, TaskThreshold> taskThresholds(TaskReport r, Map<String, TaskThreshold> set,
            List<PolicyVerdictView> verdicts) {
        Map<String, TaskThreshold> fromRules = new LinkedHashMap<>();
        for (PolicyVerdictView v : verdicts) {
            TaskThreshold.fromRule(v.rule()).flatMap(x -> r.disparity(x.disparityId())
                    .map(d -> new TaskThreshold(d.id(), x.low(), x.high())))
                    .ifPresent(x -> fromRules.putIfAbsent(x.disparityId(), x));
        }
        Map<String, TaskThreshold> out = new LinkedHashMap<>();
        for (Disparity d : r.namedDisparities()) {
            TaskThreshold t = set.containsKey(d.id()) ? set.get(d.id()) : fromRules.containsKey(d.id())
                    ? fromRules.get(d.id()) : TaskThreshold.defaultFor(d.id()).orElse(null);
            if (t != null) {
                out.put(d.id(), t);
            }
        }
        set.forEach(out::putIfAbsent);
        fromRules.forEach(out::putIfAbsent);
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Starts content for a binary report and its context: the documents as they are for binary classification. */
    public static Builder builder(FairnessReport report, AuditContext context) {
        return new Builder(Objects.requireNonNull(report, "report"), null, context);
    }

    /**
     * Starts content for any task's report (see the class comment). The documents name the task and render its
     * metrics, disparities, verdicts, warnings and provenance.
     *
     * @param report the task's report, e.g. {@code regressionReport.asTaskReport()}
     * @param context the document's context
     */
    public static Builder forTask(TaskReport report, AuditContext context) {
        return new Builder(null, Objects.requireNonNull(report, "report"), context);
    }

    /**
     * @return the binary fairness report
     * @throws IllegalStateException when the content was started with {@link #forTask}: read {@link #taskReport()}
     */
    public FairnessReport report() {
        if (report == null) {
            throw new IllegalStateException("this content is for the " + taskReport.orElseThrow().task().id()
                    + " task, built with ReportContent.forTask: read taskReport()");
        }
        return report;
    }

    /** @return the task report of content started with {@link #forTask}; empty for a binary {@code FairnessReport} */
    public Optional<TaskReport> taskReport() {
        return taskReport;
    }

    /** @return the task of the report: {@link Task#BINARY} for content started with {@link #builder} */
    public Task task() {
        return taskReport.map(TaskReport::task).orElse(Task.BINARY);
    }

    /**
     * @return for content started with {@link #forTask}, the band each disparity is judged against, by disparity id
     *     (see {@link TaskThreshold}); a named disparity without a default and without a rule is absent. Empty for
     *     binary content ({@link #thresholds()})
     */
    public Map<String, TaskThreshold> taskThresholds() {
        return taskThresholds;
    }

    /** @return the data-quality checks of the data behind the report, when they ran */
    public Optional<DataQualityReport> dataQuality() {
        return dataQuality;
    }

    /** @return the document's context */
    public AuditContext context() {
        return context;
    }

    /** @return the significance tests against the reference group, if computed */
    public Optional<GroupComparisons> comparisons() {
        return comparisons;
    }

    /** @return the calibration curves per group (empty when the model has no scores) */
    public List<CalibrationSeries> calibration() {
        return calibration;
    }

    /** @return the policy verdicts, in the policy's order */
    public List<PolicyVerdictView> verdicts() {
        return verdicts;
    }

    /** @return the mitigation runs, in order */
    public List<MitigationSummary> mitigations() {
        return mitigations;
    }

    /**
     * @return the threshold of each disparity judged: every named fairness metric of the report (its threshold
     *     as set, else {@link DisparityThreshold#defaultFor}), then thresholds set for metrics the report
     *     computes on demand
     */
    public Map<FairnessMetric, DisparityThreshold> thresholds() {
        return thresholds;
    }

    /** @return the fairness–accuracy trade-off frontier of a mitigator's knob, if one was supplied */
    public Optional<TradeOffView> tradeOff() {
        return tradeOff;
    }

    /**
     * @return the four-fifths analysis
     * @throws IllegalStateException for content started with {@link #forTask} (the analysis needs a binary report)
     */
    public AdverseImpact adverseImpact() {
        if (adverseImpact == null) {
            throw new IllegalStateException("the four-fifths analysis needs a binary FairnessReport; this content is "
                    + "for the " + task().id() + " task");
        }
        return adverseImpact;
    }

    /** @return every concern, ranked (see {@link Concerns}) */
    public List<Concern> concerns() {
        return concerns;
    }

    /**
     * @return each named fairness metric over the earlier runs and this one, with the change since the last run;
     *     empty without {@link Builder#history(List) history}
     */
    public Optional<Trend> trend() {
        return trend;
    }

    /** @return the first {@code n} concerns */
    public List<Concern> topConcerns(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return concerns.subList(0, Math.min(n, concerns.size()));
    }

    /** @return the title, the size of the report and the top concern, e.g. for logs and JShell */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ReportContent[").append(context.title()).append(": ");
        if (report != null) {
            b.append(report.provenance().rows()).append(" rows, ").append(report.groups().size());
        } else {
            TaskReport t = taskReport.orElseThrow();
            b.append(t.task().id()).append(", ").append(t.groups().size());
        }
        b.append(" groups, ").append(concerns.size()).append(concerns.size() == 1 ? " concern" : " concerns");
        if (!concerns.isEmpty()) {
            b.append("; first: ").append(concerns.get(0).headline());
        }
        return b.append(']').toString();
    }

    /** Configures {@link ReportContent}; each part can be set once. */
    public static final class Builder {
        private final FairnessReport report;
        private final TaskReport task;
        private final AuditContext context;
        private GroupComparisons comparisons;
        private List<CalibrationSeries> calibration = List.of();
        private List<PolicyVerdictView> verdicts = List.of();
        private List<MitigationSummary> mitigations = List.of();
        private final Map<FairnessMetric, DisparityThreshold> thresholds = new LinkedHashMap<>();
        private AdverseImpact.Basis basis;
        private List<TrendRun> history = List.of();
        private TradeOffView tradeOff;
        private final Map<String, TaskThreshold> taskThresholds = new LinkedHashMap<>();
        private DataQualityReport dataQuality;
        private final List<String> set = new ArrayList<>();

        private Builder(FairnessReport report, TaskReport task, AuditContext context) {
            this.report = report;
            this.task = task;
            this.context = Objects.requireNonNull(context, "context");
        }

        private void binaryOnly(String name) {
            if (task != null) {
                throw new IllegalArgumentException(name + " needs a binary FairnessReport (ReportContent.builder); "
                        + "this content is for the " + task.task().id() + " task (ReportContent.forTask)");
            }
        }

        private void once(String name) {
            if (set.contains(name)) {
                throw InputErrors.settingTwice(name);
            }
            set.add(name);
        }

        /** The significance tests of {@code GroupComparisons}. */
        public Builder comparisons(GroupComparisons value) {
            binaryOnly("comparisons");
            once("comparisons");
            comparisons = Objects.requireNonNull(value, "comparisons");
            return this;
        }

        /** Calibration curves, one per group. */
        public Builder calibration(List<CalibrationSeries> series) {
            once("calibration");
            calibration = List.copyOf(series);
            return this;
        }

        /** Policy verdicts. */
        public Builder verdicts(List<PolicyVerdictView> value) {
            once("verdicts");
            verdicts = List.copyOf(value);
            return this;
        }

        /** Mitigation results. */
        public Builder mitigations(List<MitigationSummary> value) {
            once("mitigations");
            mitigations = List.copyOf(value);
            return this;
        }

        /**
         * Thresholds for named fairness metrics; metrics without one get {@link DisparityThreshold#defaultFor}.
         *
         * @throws IllegalArgumentException if a metric appears twice
         */
        public Builder thresholds(List<DisparityThreshold> value) {
            once("thresholds");
            if (task != null) {
                for (DisparityThreshold t : value) {
                    putTaskThreshold(TaskThreshold.of(t));
                }
                return this;
            }
            for (DisparityThreshold t : value) {
                if (thresholds.put(t.metric(), t) != null) {
                    throw new IllegalArgumentException("thresholds: " + t.metric().id() + " appears twice");
                }
            }
            return this;
        }

        /**
         * Earlier runs of the same audit, for the trend section of the dashboard and the audit PDF and the "since
         * last run" changes of the summaries.
         *
         * @param runs the earlier runs, at least one, in time order (oldest first)
         * @throws IllegalArgumentException when empty or not in time order
         */
        public Builder history(List<TrendRun> runs) {
            binaryOnly("history");
            once("history");
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("history: expected at least one earlier run, got none");
            }
            for (int i = 1; i < runs.size(); i++) {
                if (runs.get(i).time().isBefore(runs.get(i - 1).time())) {
                    throw new IllegalArgumentException("history: runs must be oldest first; run " + i + " ("
                            + runs.get(i).label() + ", " + runs.get(i).time() + ") is before run " + (i - 1) + " ("
                            + runs.get(i - 1).label() + ", " + runs.get(i - 1).time() + ")");
                }
            }
            history = List.copyOf(runs);
            return this;
        }

        /** A fairness–accuracy trade-off frontier: documents gain a trade-off section with its chart. */
        public Builder tradeOff(TradeOffView value) {
            binaryOnly("tradeOff");
            once("tradeOff");
            tradeOff = Objects.requireNonNull(value, "tradeOff");
            return this;
        }

        /** The basis of the four-fifths analysis (default {@link AdverseImpact.Basis#HIGHEST_RATE}). */
        public Builder adverseImpactBasis(AdverseImpact.Basis value) {
            binaryOnly("adverseImpactBasis");
            once("adverseImpactBasis");
            basis = Objects.requireNonNull(value, "adverseImpactBasis");
            return this;
        }

        /**
         * Bands for disparities of content started with {@link ReportContent#forTask}, by disparity id; they replace
         * the defaults and any band read from a policy verdict.
         *
         * @throws IllegalArgumentException for binary content (use {@link #thresholds(List)}), for an id the task
         *     report cannot answer (the message lists the ids it can), or for an id given twice
         */
        public Builder taskThresholds(List<TaskThreshold> value) {
            if (task == null) {
                throw new IllegalArgumentException("taskThresholds: this content is for a binary FairnessReport; set "
                        + "its thresholds with thresholds(List<DisparityThreshold>)");
            }
            once("taskThresholds");
            value.forEach(this::putTaskThreshold);
            return this;
        }

        private void putTaskThreshold(TaskThreshold t) {
            Disparity d = task.disparity(t.disparityId()).orElseThrow(() -> new IllegalArgumentException(
                    "threshold for disparity '" + t.disparityId() + "', which the " + task.task().id()
                            + " report cannot answer; ids: " + task.disparityIds()));
            if (taskThresholds.put(d.id(), new TaskThreshold(d.id(), t.low(), t.high())) != null) {
                throw new IllegalArgumentException("thresholds: " + d.id() + " appears twice");
            }
        }

        /**
         * The data-quality checks of the data behind the report (fairness-core's {@code DataQuality}): the dashboard
         * and the PDFs gain a data-quality section (group sizes, missing values, proxies, findings, and the data
         * rules' verdicts among {@link #verdicts(List)}).
         */
        public Builder dataQuality(DataQualityReport value) {
            once("dataQuality");
            dataQuality = Objects.requireNonNull(value, "dataQuality");
            return this;
        }

        /**
         * @throws IllegalArgumentException for {@link AdverseImpact.Basis#REFERENCE} without a reference group
         */
        public ReportContent build() {
            return new ReportContent(this);
        }
    }
}
