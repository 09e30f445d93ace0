/**
 * FairKit reports: the document outputs of an audit.
 *
 * <p>Front door: {@link org.fairkit.reports.ReportContent#builder} gathers a {@code FairnessReport}, an
 * {@link org.fairkit.reports.AuditContext} and the optional parts (significance tests,
 * {@link org.fairkit.reports.CalibrationSeries}, {@link org.fairkit.reports.PolicyVerdictView},
 * {@link org.fairkit.reports.MitigationSummary}, {@link org.fairkit.reports.DisparityThreshold}); then each
 * {@link org.fairkit.reports.ReportDocument} renders it: {@link org.fairkit.reports.DashboardHtml},
 * {@link org.fairkit.reports.ExecutiveSlides}, {@link org.fairkit.reports.AuditPdf} and
 * {@link org.fairkit.reports.ComplianceReportPdf}.
 *
 * <pre>{@code
 * ReportContent content = ReportContent.builder(report, AuditContext.of("Audit", "6,000 applications", clock))
 *     .build();
 * DashboardHtml.of(content).writeTo(Path.of("fairness-dashboard.html"));
 * }</pre>
 *
 * <p>Any task: {@link org.fairkit.reports.ReportContent#forTask} takes a {@code TaskReport} (regression, ranking,
 * multiclass, or binary without its {@code FairnessReport}); the same documents then name the task and judge its
 * disparities against {@link org.fairkit.reports.TaskThreshold}s. A data-quality section is added by
 * {@link org.fairkit.reports.ReportContent.Builder#dataQuality} for any task.
 *
 * <pre>{@code
 * ReportContent content = ReportContent.forTask(regressionReport.asTaskReport(), AuditContext.of("Audit", "loans", clock))
 *     .build();
 * AuditPdf.of(content).writeTo(Path.of("fairness-audit.pdf"));
 * }</pre>
 *
 * <p>Derived analyses shared by all documents: {@link org.fairkit.reports.AdverseImpact} (the four-fifths rule with
 * its tests and caveats) and {@link org.fairkit.reports.Concerns} (the documented ranking of concerns). Charts live
 * in {@link org.fairkit.reports.svg}, the PDF layout in {@link org.fairkit.reports.pdf}.
 *
 * <p>Stability: public API, evolving before 1.0. The input records are meant to be filled from
 * fairness-orchestration's policy verdicts and fairness-mitigation's results.
 */
package org.fairkit.reports;
