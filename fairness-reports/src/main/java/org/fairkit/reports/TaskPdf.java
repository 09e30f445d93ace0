package org.fairkit.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Provenance;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.pdf.Table;

/**
 * The two PDF documents for any task's content ({@link ReportContent#forTask}), in the layout of {@link AuditPdf}
 * and {@link ComplianceReportPdf}: the task named on the cover and in the scope, a table per group metric with its
 * intervals (a multiclass report's one-vs-rest values as a table of groups by classes per metric), the disparities
 * against their {@link TaskThreshold}s, calibration and data quality when given, verdicts, warnings and provenance.
 * The four-fifths analysis, which needs binary selections, is left out and the scope says so.
 */
final class TaskPdf {
    private TaskPdf() {
    }

    /** Writes the Fairness Audit of task content. */
    static void audit(ReportContent c, OutputStream out, String kind) throws IOException {
        TaskReport r = TaskView.report(c);
        PdfLayout pdf = PdfLayout.create(kind, c.context().title());
        cover(pdf, kind, c, r);

        pdf.heading("1. Summary");
        findings(pdf, c);

        pdf.heading("2. Methods");
        methods(pdf, c, r);

        pdf.heading("3. Results by group");
        pdf.paragraph(TaskView.intervalMethod(r) + " Groups marked small are reported, but left out of every "
                + "disparity.");
        groupTables(pdf, r);

        pdf.heading("4. Disparities against thresholds");
        disparities(pdf, c);

        int n = 5;
        if (!c.calibration().isEmpty()) {
            pdf.heading(n++ + ". Calibration by group");
            PdfSections.calibration(pdf, c);
        }
        if (c.dataQuality().isPresent()) {
            pdf.heading(n++ + ". Data quality");
            DataQualitySection.pdf(pdf, c);
        }
        if (!c.verdicts().isEmpty()) {
            pdf.heading(n++ + ". Policy verdicts");
            PdfSections.verdicts(pdf, c);
        }
        if (!c.mitigations().isEmpty()) {
            pdf.heading(n++ + ". Mitigation results");
            PdfSections.mitigation(pdf, c);
        }
        pdf.heading(n++ + ". Warnings");
        warnings(pdf, r);
        pdf.heading(n + ". Provenance");
        provenance(pdf, c, r, true);
        PdfSections.technicalFindings(pdf, c);
        pdf.save(out, "Fairness audit of " + c.context().dataset(), producer(r), c.context().generatedAt());
    }

    /** Writes the Compliance Report of task content. */
    static void compliance(ReportContent c, OutputStream out, String kind) throws IOException {
        TaskReport r = TaskView.report(c);
        PdfLayout pdf = PdfLayout.create(kind, c.context().title());
        cover(pdf, kind, c, r);

        pdf.heading("1. Scope and standards applied");
        pdf.paragraph("This report covers the " + TaskIds.taskName(r.task()) + " model whose outputs are described "
                + "as: " + c.context().dataset() + ". " + Fmt.count(TaskView.total(r)) + " " + TaskView.unit(r)
                + " were analysed by " + String.join(" x ", r.groupBy()) + " (" + r.groups().size() + " groups).");
        pdf.bullets(List.of(
                "Group metrics and disparities of the " + TaskIds.taskName(r.task()) + " task as defined in the "
                        + "FairKit metric catalog (definitions and formulas in the Fairness Audit).",
                c.verdicts().isEmpty() ? "Policy: no policy rules were supplied; disparities are judged against "
                        + "default thresholds (0.8 for ratios, 0.1 for differences; none for a largest group loss)."
                        : "Policy: " + c.verdicts().size() + " rules of the organisation's fairness policy.",
                "The four-fifths rule (29 CFR 1607.4(D)) compares selection rates of binary decisions and is not "
                        + "applied to this task."));

        pdf.heading("2. Conclusion");
        conclusion(pdf, c);

        pdf.heading("3. Disparities against thresholds");
        disparities(pdf, c);

        pdf.heading("4. Group sizes and data quality");
        sizes(pdf, r);
        if (c.dataQuality().isPresent()) {
            DataQualitySection.pdf(pdf, c);
        }
        warnings(pdf, r);

        pdf.heading("5. Remediation");
        if (c.mitigations().isEmpty()) {
            pdf.paragraph("No mitigation was run as part of this audit.");
        } else {
            PdfSections.mitigation(pdf, c);
        }

        pdf.heading("6. Limitations");
        pdf.bullets(List.of(
                "The analysis compares the model's outputs between groups. It does not establish why they differ.",
                "Group membership comes from the data as supplied; misrecorded or missing group labels are not "
                        + "corrected.",
                TaskView.intervalMethod(r) + " Intervals describe sampling uncertainty only, not errors in the data.",
                "Thresholds are conventions or the organisation's policy; passing them is not a legal safe "
                        + "harbour."));

        pdf.heading("7. Provenance and integrity");
        pdf.paragraph("The input fingerprint identifies the exact data analysed; the audit-trail hash ties this "
                + "report to its entry in the tamper-evident audit trail.");
        provenance(pdf, c, r, false);

        pdf.heading("8. Sign-off");
        pdf.paragraph("Prepared by: ______________________________   Date: ______________");
        pdf.spacer(10);
        pdf.paragraph("Reviewed by: ______________________________   Date: ______________");
        if (c.verdicts().isEmpty()) {
            PdfSections.technicalFindings(pdf, c);
        }
        pdf.save(out, "Compliance report of " + c.context().dataset(), producer(r), c.context().generatedAt());
    }

    private static String producer(TaskReport r) {
        return "FairKit " + r.provenance().map(Provenance::libraryVersion).orElse("") + " (Apache PDFBox)";
    }

    private static void cover(PdfLayout pdf, String kind, ReportContent c, TaskReport r) {
        AuditContext ctx = c.context();
        pdf.cover("FairKit \u00b7 " + kind + " \u00b7 " + TaskIds.taskName(r.task()), ctx.title(), List.of(
                ctx.dataset(),
                "Task: " + TaskIds.taskName(r.task()) + " \u00b7 " + Fmt.count(TaskView.total(r)) + " "
                        + TaskView.unit(r) + " \u00b7 " + r.groups().size() + " groups by "
                        + String.join(" x ", r.groupBy()) + " \u00b7 generated " + Fmt.instant(ctx.generatedAt()),
                "Audit-trail hash: " + ctx.auditTrailHash().orElse("not recorded in an audit trail")));
    }

    private static void findings(PdfLayout pdf, ReportContent c) {
        List<Concern> all = c.concerns();
        if (all.isEmpty()) {
            pdf.callout("NO CONCERN", "No broken policy rule, no disparity beyond its acceptable band, no disparity "
                    + "that could not be computed and no group too small to judge.", PdfLayout.OK);
            return;
        }
        pdf.callout(all.size() + (all.size() == 1 ? " FINDING NEEDS" : " FINDINGS NEED") + " ATTENTION",
                "Ranked: broken policy rules; disparities beyond their acceptable band (those that chance does not "
                        + "explain first, then by how far); policy warnings; disparities that could not be computed; "
                        + "groups too small to judge. The appendix states each in technical terms.", PdfLayout.BAD);
        int k = 0;
        for (Concern x : c.topConcerns(3)) {
            k++;
            pdf.callout(k + ". " + x.summary() + (x.robust() ? "  [beyond chance]" : ""), x.explanation(),
                    x.robust() ? PdfLayout.BAD : PdfLayout.WARN);
        }
        if (all.size() > 3) {
            pdf.paragraph("Further findings:", PdfLayout.Style.BOLD);
            pdf.bullets(all.subList(3, all.size()).stream().map(Concern::summary).toList());
        }
    }

    private static void conclusion(PdfLayout pdf, ReportContent c) {
        if (c.verdicts().isEmpty()) {
            pdf.paragraph("No policy rules were supplied. Findings against the default thresholds:");
            findings(pdf, c);
            return;
        }
        long failed = c.verdicts().stream().filter(v -> v.outcome() == PolicyVerdictView.Outcome.FAIL).count();
        long open = c.verdicts().stream().filter(v -> v.outcome() == PolicyVerdictView.Outcome.WARN
                || v.outcome() == PolicyVerdictView.Outcome.INCONCLUSIVE).count();
        if (failed > 0) {
            pdf.callout("NOT COMPLIANT WITH POLICY", failed + " of " + c.verdicts().size() + " policy rules failed"
                    + (open > 0 ? "; " + open + " need review" : "") + ".", PdfLayout.BAD);
        } else if (open > 0) {
            pdf.callout("REVIEW NEEDED", "No policy rule failed; " + open + " of " + c.verdicts().size()
                    + " need review (warning or inconclusive).", PdfLayout.WARN);
        } else {
            pdf.callout("COMPLIANT WITH POLICY", "All " + c.verdicts().size() + " policy rules passed.", PdfLayout.OK);
        }
        PdfSections.verdicts(pdf, c);
    }

    private static void methods(PdfLayout pdf, ReportContent c, TaskReport r) {
        pdf.paragraph("Task: " + TaskIds.taskName(r.task()) + ". Data: " + c.context().dataset() + " ("
                + Fmt.count(TaskView.total(r)) + " " + TaskView.unit(r) + r.provenance().map(p -> "; input SHA-256 "
                        + p.inputSha256()).orElse("") + ").");
        pdf.paragraph("Groups: by " + String.join(" x ", r.groupBy()) + ", " + r.groups().size() + " groups. "
                + "Disparities leave out groups too small for them and undefined values, naming each with the "
                + "reason (never a silent 0).");
        pdf.paragraph(TaskView.intervalMethod(r));
        List<List<String>> rows = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (GroupValues v : r.metrics()) {
            Optional<MetricInfo> i = TaskIds.info(v.metricId());
            String key = i.map(MetricInfo::id).orElse(v.metricId());
            if (!seen.contains(key) && !key.equals("count")) {
                seen.add(key);
                rows.add(List.of(i.map(MetricInfo::name).orElse(v.metricId()), i.map(MetricInfo::formula).orElse(""),
                        i.map(MetricInfo::undefinedWhen).orElse(""), i.map(MetricInfo::matches).orElse("")));
            }
        }
        pdf.subheading("Group metrics");
        pdf.table(Table.of(List.of("metric", "formula", "undefined when", "definition matches"), rows,
                new float[] {1.4f, 1.8f, 1.5f, 3.3f}, "llll"));
        if (r.task() == org.fairkit.core.Task.MULTICLASS) {
            pdf.paragraph("Multiclass: each class one-vs-rest (metric@class), and the macro average over classes "
                    + "(macro_metric).");
        }
        pdf.subheading("Disparities");
        List<List<String>> ds = new ArrayList<>();
        for (TaskView.Judged j : TaskView.judged(c)) {
            ds.add(List.of(j.id(), TaskIds.info(j.id()).map(MetricInfo::formula).orElse(""),
                    j.threshold().map(TaskThreshold::describe).orElse("no threshold set")));
        }
        if (ds.isEmpty()) {
            pdf.paragraph("The report names no disparity.");
        } else {
            pdf.table(Table.of(List.of("disparity", "formula", "acceptable"), ds, new float[] {2.4f, 3.2f, 1.6f},
                    "lll"));
        }
    }

    private static void groupTables(PdfLayout pdf, TaskReport r) {
        for (GroupValues v : TaskView.mainMetrics(r)) {
            pdf.subheading(TaskIds.name(v.metricId()) + "  (" + v.metricId() + ")");
            List<List<String>> rows = new ArrayList<>();
            for (int g = 0; g < r.groups().size(); g++) {
                GroupKey k = r.groups().get(g);
                rows.add(List.of(k.label() + (TaskView.smallReason(r, g).isPresent() ? " (small)" : ""),
                        Fmt.count(r.sizes().get(g)), Fmt.value(v.value(g)), Fmt.interval(r.groupInterval(v.metricId(),
                                k))));
            }
            rows.add(List.of("overall", Fmt.count(TaskView.total(r)), Fmt.value(v.overall()), ""));
            pdf.table(Table.of(List.of("group", TaskView.unit(r), "value", "interval"), rows,
                    new float[] {2.4f, 1, 1.6f, 1.6f}, "lrrr"));
        }
        Map<String, List<GroupValues>> byMetric = TaskDashboard.byMetric(TaskView.classMetrics(r));
        for (Map.Entry<String, List<GroupValues>> e : byMetric.entrySet()) {
            pdf.subheading(TaskIds.name(e.getKey()) + " by class (one-vs-rest)");
            List<String> h = TaskDashboard.classHeader(e.getValue());
            float[] w = new float[h.size()];
            w[0] = 1.8f;
            for (int i = 1; i < w.length; i++) {
                w[i] = 1.3f;
            }
            pdf.table(Table.of(h, TaskDashboard.classRows(r, e.getValue()), w, "l" + "r".repeat(h.size() - 1)));
        }
    }

    private static void disparities(PdfLayout pdf, ReportContent c) {
        List<TaskView.Judged> judged = TaskView.judged(c);
        if (judged.isEmpty()) {
            pdf.paragraph("The report names no disparity.");
            return;
        }
        pdf.paragraph("Each named disparity with its interval and acceptable band. Bands not set by a policy are the "
                + "defaults: 0.8 <= ratio <= 1.25 (four-fifths) and |difference| <= 0.1 (a convention, not a legal "
                + "standard); a largest group loss has no default.");
        List<List<String>> rows = new ArrayList<>();
        List<Color> status = new ArrayList<>();
        for (TaskView.Judged j : judged) {
            rows.add(List.of(TaskIds.name(j.id()), Fmt.value(j.disparity().value()), Fmt.interval(j.disparity()
                    .interval()), j.threshold().map(TaskThreshold::describe).orElse("no threshold set"), j.status(),
                    String.join(" vs ", j.disparity().groups().stream().map(GroupKey::label).toList())));
            status.add(!j.disparity().isDefined() || j.threshold().isEmpty() ? PdfLayout.MUTED : j.beyond()
                    ? PdfLayout.BAD : PdfLayout.OK);
        }
        pdf.table(new Table(List.of("disparity", "value", "interval", "acceptable", "status", "groups"), rows,
                new float[] {2.3f, 1.1f, 1.5f, 1.7f, 0.9f, 1.6f}, "lrrlll", (row, col) -> col == 4 ? status.get(row)
                        : null));
    }

    private static void sizes(PdfLayout pdf, TaskReport r) {
        List<List<String>> rows = new ArrayList<>();
        long total = TaskView.total(r);
        for (int g = 0; g < r.groups().size(); g++) {
            long n = r.sizes().get(g);
            rows.add(List.of(r.groups().get(g).label(), Fmt.count(n), total == 0 ? "" : Fmt.num(100.0 * n / total, 1)
                    + "%", TaskView.smallReason(r, g).map(x -> "too small: " + x).orElse("large enough")));
        }
        pdf.table(Table.of(List.of("group", TaskView.unit(r), "share", "size"), rows, new float[] {3, 1.2f, 1, 2},
                "lrrl"));
    }

    private static void warnings(PdfLayout pdf, TaskReport r) {
        if (r.warnings().isEmpty()) {
            pdf.paragraph("None: every value is defined and every group is large enough.");
        } else {
            pdf.bullets(r.warnings().stream().map(ReportWarning::message).toList());
        }
    }

    private static void provenance(PdfLayout pdf, ReportContent c, TaskReport r, boolean full) {
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Task", r.task().id()});
        kv.add(new String[] {"Audit-trail hash", c.context().auditTrailHash().orElse("not recorded in an audit trail")});
        Optional<Provenance> p = r.provenance();
        if (p.isPresent()) {
            kv.add(new String[] {"Input SHA-256", p.get().inputSha256()});
            kv.add(new String[] {"Rows", Fmt.count(p.get().rows())});
            kv.add(new String[] {"FairKit version", p.get().libraryVersion()});
            kv.add(new String[] {"Evaluated at", Fmt.instant(p.get().evaluatedAt())});
        } else {
            kv.add(new String[] {"Input", "the task report records no provenance"});
        }
        kv.add(new String[] {"Document generated at", Fmt.instant(c.context().generatedAt())});
        if (full) {
            p.ifPresent(x -> x.configuration().forEach((k, v) -> kv.add(new String[] {k, v})));
        } else {
            kv.add(new String[] {"Configuration", "every setting, seeds included, is listed in the Fairness Audit"});
        }
        pdf.keyValues(kv, true);
    }
}
