package org.fairkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fairkit.core.TaskReport;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.run.TaskRun;
import org.fairkit.reports.AuditContext;
import org.fairkit.reports.AuditPdf;
import org.fairkit.reports.ComplianceReportPdf;
import org.fairkit.reports.DashboardHtml;
import org.fairkit.reports.ExecutiveSlides;
import org.fairkit.reports.ReportContent;
import org.fairkit.reports.ReportDocument;

/**
 * fairness-reports' documents of a regression, ranking or multiclass audit as {@link TaskRun} outputs, under the ids
 * and file names of a binary audit's ({@link DocumentOutputs}): {@code dashboard_export}
 * ({@code fairness-dashboard.html}), {@code fairness_audit_pdf} ({@code fairness-audit.pdf}),
 * {@code compliance_report} ({@code compliance-report.pdf}) and {@code executive_summary_slides}
 * ({@code executive-summary.html}), built with {@code ReportContent.forTask}. The first grouping gets the plain file
 * name, every further grouping the name with its features appended; each document holds the run's start time and,
 * with {@code --policy}, the verdicts on its grouping (whose rules also set the thresholds the disparities are judged
 * against).
 */
final class TaskDocuments {
    private TaskDocuments() {
    }

    /** @return the four document outputs */
    static List<TaskRun.Output> all(Optional<Policy> policy) {
        return List.of(output(OutputKind.DASHBOARD_EXPORT, DashboardHtml::of, policy),
                output(OutputKind.FAIRNESS_AUDIT_PDF, AuditPdf::of, policy),
                output(OutputKind.COMPLIANCE_REPORT, ComplianceReportPdf::of, policy),
                output(OutputKind.EXECUTIVE_SUMMARY_SLIDES, ExecutiveSlides::of, policy));
    }

    /** @return the ids of {@link #all} */
    static List<String> ids() {
        return List.of(OutputKind.DASHBOARD_EXPORT.id(), OutputKind.FAIRNESS_AUDIT_PDF.id(),
                OutputKind.COMPLIANCE_REPORT.id(), OutputKind.EXECUTIVE_SUMMARY_SLIDES.id());
    }

    private static TaskRun.Output output(OutputKind kind, Function<ReportContent, ReportDocument> document,
            Optional<Policy> policy) {
        return new TaskRun.Output() {
            @Override
            public String id() {
                return kind.id();
            }

            @Override
            public List<Path> write(TaskRun.Context run, Path directory) throws IOException {
                Optional<PolicyResult> verdicts = policy.map(p -> p.evaluateTasks(run.reports()));
                List<Path> files = new ArrayList<>();
                for (int i = 0; i < run.reports().size(); i++) {
                    TaskReport r = run.reports().get(i);
                    long size = r.sizes().stream().mapToLong(Long::longValue).sum();
                    AuditContext about = new AuditContext("Fairness audit " + run.planId() + " (" + r.task().id()
                            + ") by " + String.join(" x ", r.groupBy()), run.source() + ", " + Progress.count(size)
                            + (r.task().id().equals("ranking") ? " items" : " rows"), Optional.empty(),
                            run.startedAt());
                    ReportContent.Builder b = ReportContent.forTask(r, about);
                    verdicts.ifPresent(v -> b.verdicts(DocumentOutputs.views(v, r.groupBy())));
                    ReportDocument d = document.apply(b.build());
                    String name = d.fileName();
                    if (i > 0) {
                        int dot = name.lastIndexOf('.');
                        String suffix = "-" + String.join("-x-", r.groupBy()).replaceAll("[^A-Za-z0-9._-]", "_");
                        name = name.substring(0, dot) + suffix + name.substring(dot);
                    }
                    Path file = directory.resolve(name);
                    d.writeTo(file);
                    files.add(file);
                }
                return files;
            }
        };
    }
}
