package org.fairkit.cli;

import com.google.common.primitives.ImmutableDoubleArray;
import com.google.common.primitives.ImmutableIntArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.orchestration.io.StoredReports;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.policy.RuleVerdict;
import org.fairkit.orchestration.run.AuditOutput;
import org.fairkit.orchestration.run.AuditRunContext;
import org.fairkit.reports.AuditContext;
import org.fairkit.reports.AuditPdf;
import org.fairkit.reports.CalibrationSeries;
import org.fairkit.reports.ComplianceReportPdf;
import org.fairkit.reports.DashboardHtml;
import org.fairkit.reports.ExecutiveSlides;
import org.fairkit.reports.PolicyVerdictView;
import org.fairkit.reports.ReportContent;
import org.fairkit.reports.ReportDocument;
import org.fairkit.reports.TrendRun;
import org.fairkit.stats.GroupComparisons;

/**
 * fairness-reports' documents as audit-runner outputs, under the load model's ids: {@code dashboard_export}
 * ({@code fairness-dashboard.html}), {@code fairness_audit_pdf} ({@code fairness-audit.pdf}),
 * {@code compliance_report} ({@code compliance-report.pdf}) and {@code executive_summary_slides}
 * ({@code executive-summary.html}).
 *
 * <p>A document describes one report: the plan's first grouping gets the plain file name, every further grouping
 * the name with its features appended ({@code fairness-dashboard-ethnicity-x-sex.html}). Each document's content
 * holds the report, the run's start time as its generation time (so a run's documents are reproducible from its
 * record), the policy's verdicts on that grouping when a policy is given, two-proportion tests against the reference
 * group when the report has one and is unweighted, and per-group calibration curves (10 equal-width bins) when the
 * plan computes score metrics (the rows are then in memory anyway). The documents carry no audit-trail hash: the
 * runner writes them before the run's trail entry exists; the entry holds their SHA-256 instead.
 */
final class DocumentOutputs {
    /** How many earlier runs the trend section shows at most. */
    static final int TREND_RUNS = 12;

    private final Optional<Policy> policy;
    private final Optional<History> history;
    private String cachedRun;
    private Materials cached;

    private DocumentOutputs(Optional<Policy> policy, Optional<History> history) {
        this.policy = policy;
        this.history = history;
    }

    /** @return the four document outputs, sharing what they derive from a run */
    static List<AuditOutput> all(Optional<Policy> policy) {
        return all(policy, Optional.empty());
    }

    /**
     * The four document outputs; with a history, each document gains the trend section and the "since last run"
     * changes from the last {@value #TREND_RUNS} earlier runs of the same grouping recorded there (entries without
     * per-group counts, written before they existed, are left out).
     */
    static List<AuditOutput> all(Optional<Policy> policy, Optional<History> history) {
        DocumentOutputs shared = new DocumentOutputs(policy, history);
        return List.of(
                shared.output(OutputKind.DASHBOARD_EXPORT, DashboardHtml::of),
                shared.output(OutputKind.FAIRNESS_AUDIT_PDF, AuditPdf::of),
                shared.output(OutputKind.COMPLIANCE_REPORT, ComplianceReportPdf::of),
                shared.output(OutputKind.EXECUTIVE_SUMMARY_SLIDES, ExecutiveSlides::of));
    }

    /** What every document of one run is built from. */
    private record Materials(List<ReportContent> contents) {
    }

    private synchronized Materials materials(AuditRunContext context) throws IOException {
        if (context.runId().equals(cachedRun)) {
            return cached;
        }
        Optional<FairnessData> data = context.plan().scoreMetrics().isEmpty() ? Optional.empty()
                : Optional.of(rows(context));
        Optional<PolicyResult> verdicts = policy.map(p -> p.evaluate(context.reports()));
        List<ReportContent> contents = new ArrayList<>();
        for (FairnessReport report : context.reports()) {
            List<String> features = report.results().spec().groupBy();
            AuditContext about = new AuditContext(
                    "Fairness audit " + context.plan().id() + " by " + String.join(" x ", features),
                    context.plan().source().describe() + ", " + Progress.count(report.provenance().rows()) + " rows",
                    Optional.empty(), context.startedAt());
            ReportContent.Builder b = ReportContent.builder(report, about);
            if (report.reference().isPresent() && !report.results().tally().isWeighted()) {
                b.comparisons(GroupComparisons.of(report).compute());
            }
            data.ifPresent(d -> b.calibration(CalibrationSeries.uniformBins(d, 10, features.toArray(new String[0]))));
            verdicts.ifPresent(v -> b.verdicts(views(v, features)));
            List<TrendRun> earlier = history.map(h -> trend(h, features)).orElse(List.of());
            if (!earlier.isEmpty()) {
                b.history(earlier);
            }
            contents.add(b.build());
        }
        cachedRun = context.runId();
        cached = new Materials(contents);
        return cached;
    }

    private AuditOutput output(OutputKind kind, Function<ReportContent, ReportDocument> document) {
        return new AuditOutput() {
            @Override
            public String id() {
                return kind.id();
            }

            @Override
            public String description() {
                return kind.displayName();
            }

            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                List<ReportContent> contents = materials(context).contents();
                List<Path> files = new ArrayList<>();
                for (int i = 0; i < contents.size(); i++) {
                    ReportDocument d = document.apply(contents.get(i));
                    String name = d.fileName();
                    if (i > 0) {
                        int dot = name.lastIndexOf('.');
                        String suffix = "-" + String.join("-x-", contents.get(i).report().results().spec().groupBy())
                                .replaceAll("[^A-Za-z0-9._-]", "_");
                        name = name.substring(0, dot) + suffix + name.substring(dot);
                    }
                    Path file = directory.resolve(name);
                    d.writeTo(file);
                    files.add(file);
                }
                return files;
            }

            @Override
            public String toString() {
                return kind.id() + " (" + kind.displayName() + ")";
            }
        };
    }

    /** The policy's verdicts on reports grouped by exactly these features, as the documents show them. */
    static List<PolicyVerdictView> views(PolicyResult result, List<String> features) {
        List<PolicyVerdictView> out = new ArrayList<>();
        for (RuleVerdict v : result.verdicts()) {
            if (!Set.copyOf(v.grouping()).equals(Set.copyOf(features))) {
                continue;
            }
            PolicyVerdictView.Outcome o = switch (v.outcome()) {
                case PASS -> PolicyVerdictView.Outcome.PASS;
                case INCONCLUSIVE -> PolicyVerdictView.Outcome.INCONCLUSIVE;
                case FAIL -> v.rule().severity() == Severity.WARNING ? PolicyVerdictView.Outcome.WARN
                        : PolicyVerdictView.Outcome.FAIL;
            };
            out.add(new PolicyVerdictView(v.rule().name(), o, v.value(), v.interval(),
                    v.groups().stream().map(GroupKey::label).toList(), v.message()));
        }
        return out;
    }

    /** The run's rows in memory, for calibration curves. */
    private static FairnessData rows(AuditRunContext context) throws IOException {
        ImmutableIntArray.Builder labels = ImmutableIntArray.builder(1024);
        ImmutableIntArray.Builder predictions = ImmutableIntArray.builder(1024);
        ImmutableDoubleArray.Builder scores = ImmutableDoubleArray.builder(1024);
        ImmutableDoubleArray.Builder weights = ImmutableDoubleArray.builder(1024);
        boolean[] weighted = {false};
        Map<String, List<String>> levels = new LinkedHashMap<>();
        context.rows().forEachRow(r -> {
            labels.add(r.label());
            predictions.add(r.prediction());
            scores.add(r.score());
            weights.add(r.weight());
            weighted[0] |= r.weight() != 1.0;
            r.sensitive().forEach((f, l) -> levels.computeIfAbsent(f, k -> new ArrayList<>()).add(l));
        });
        FairnessData.Builder b = FairnessData.builder().labels(labels.build().toArray()).predictions(predictions.build().toArray())
                .scores(scores.build().toArray());
        if (weighted[0]) {
            b.weights(weights.build().toArray());
        }
        levels.forEach((f, l) -> b.sensitive(f, l.toArray(new String[0])));
        return b.build();
    }

    /** The earlier runs of a grouping in the history, oldest first, at most {@value #TREND_RUNS}. */
    static List<TrendRun> trend(History h, List<String> features) {
        String grouping = String.join(",", features);
        List<TrendRun> runs = new ArrayList<>();
        for (HistoryEntry e : h.list()) {
            if (!e.grouping().equals(grouping)) {
                continue;
            }
            try {
                runs.add(new TrendRun(e.recordedAt(), e.modelVersion().orElse("run " + e.id()),
                        StoredReports.toReport(e.report())));
            } catch (IllegalStateException | IllegalArgumentException ex) {
                // an entry without per-group counts cannot be re-derived; the trend shows the others
            }
        }
        runs.sort(java.util.Comparator.comparing(TrendRun::time));
        return runs.size() <= TREND_RUNS ? runs : List.copyOf(runs.subList(runs.size() - TREND_RUNS, runs.size()));
    }
}
