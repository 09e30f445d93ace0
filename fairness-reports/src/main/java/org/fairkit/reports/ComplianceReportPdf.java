package org.fairkit.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupRow;
import org.fairkit.core.group.GroupKey;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.pdf.Table;

/**
 * The Compliance Report PDF: what a compliance officer files and a regulator reads. Shorter than {@link AuditPdf},
 * organised by obligation rather than by metric.
 *
 * <p>Sections: scope and standards applied; conclusion (policy verdicts, or the findings against default thresholds
 * when no policy was given); the adverse impact analysis (four-fifths rule) with its caveats; group sizes and data
 * quality; remediation (mitigation results, or the statement that none was run); limitations; provenance and
 * integrity (input fingerprint, audit-trail hash); sign-off; and, when the conclusion lists findings (in plain
 * words), an appendix stating them in technical terms.
 *
 * <p>Content of any other task ({@link ReportContent#forTask}) gets the same obligations with its disparities in
 * place of the four-fifths analysis ({@code TaskPdf}).
 *
 * <p>A4, Helvetica, text extractable, deterministic for the same content.
 */
public final class ComplianceReportPdf implements ReportDocument {
    private static final String KIND = "Compliance Report";
    private final ReportContent content;

    private ComplianceReportPdf(ReportContent content) {
        this.content = Objects.requireNonNull(content, "content");
    }

    /** The compliance report of some content. */
    public static ComplianceReportPdf of(ReportContent content) {
        return new ComplianceReportPdf(content);
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String fileName() {
        return "compliance-report.pdf";
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (content.taskReport().isPresent()) {
            TaskPdf.compliance(content, out, KIND);
            return;
        }
        FairnessReport r = content.report();
        PdfLayout pdf = PdfLayout.create(KIND, content.context().title());
        PdfSections.cover(pdf, KIND, content);

        pdf.heading("1. Scope and standards applied");
        pdf.paragraph("This report covers the decisions described as: " + content.context().dataset() + ". "
                + Fmt.count(r.provenance().rows()) + " decisions were analysed by "
                + String.join(" x ", r.results().spec().groupBy()) + " (" + r.groups().size() + " groups"
                + r.reference().map(g -> "; reference group " + g.label()).orElse("") + ").");
        pdf.bullets(List.of(
                "Adverse impact: four-fifths rule, US EEOC Uniform Guidelines on Employee Selection Procedures "
                        + "(1978), 29 CFR 1607.4(D), with statistical tests beside every ratio.",
                content.verdicts().isEmpty() ? "Policy: no policy rules were supplied; disparities are judged "
                        + "against default thresholds (0.8 for ratios, 0.1 for differences)."
                        : "Policy: " + content.verdicts().size() + " rules of the organisation's fairness policy.",
                "Group fairness metrics as defined by Fairlearn and AIF360 (definitions in the Fairness Audit)."));

        pdf.heading("2. Conclusion");
        conclusion(pdf);

        pdf.heading("3. Adverse impact analysis");
        PdfSections.fourFifths(pdf, content);

        pdf.heading("4. Group sizes and data quality");
        sizes(pdf, r);
        if (content.dataQuality().isPresent()) {
            DataQualitySection.pdf(pdf, content);
        }
        PdfSections.warnings(pdf, r);

        pdf.heading("5. Remediation");
        if (content.mitigations().isEmpty()) {
            pdf.paragraph("No mitigation was run as part of this audit.");
        } else {
            PdfSections.mitigation(pdf, content);
        }

        pdf.heading("6. Limitations");
        pdf.bullets(List.of(
                "The analysis compares recorded decisions between groups. It does not establish why they differ; a "
                        + "disparity may have legitimate, job- or risk-related explanations that this report does "
                        + "not assess.",
                "Group membership comes from the data as supplied; misrecorded or missing group labels are not "
                        + "corrected.",
                PdfSections.intervalMethod(r) + " Intervals describe sampling uncertainty only, not errors in the "
                        + "data.",
                "Thresholds are conventions or the organisation's policy; passing them is not a legal safe "
                        + "harbour."));

        pdf.heading("7. Provenance and integrity");
        pdf.paragraph("The input fingerprint identifies the exact data analysed; the audit-trail hash ties this "
                + "report to its entry in the tamper-evident audit trail.");
        PdfSections.provenance(pdf, content, false);

        pdf.heading("8. Sign-off");
        pdf.paragraph("Prepared by: ______________________________   Date: ______________");
        pdf.spacer(10);
        pdf.paragraph("Reviewed by: ______________________________   Date: ______________");
        if (content.verdicts().isEmpty()) {
            PdfSections.technicalFindings(pdf, content);
        }
        pdf.save(out, "Compliance report of " + content.context().dataset(), "FairKit "
                + r.provenance().libraryVersion() + " (Apache PDFBox)", content.context().generatedAt());
    }

    private void conclusion(PdfLayout pdf) {
        AdverseImpact ai = content.adverseImpact();
        if (!content.verdicts().isEmpty()) {
            long failed = content.verdicts().stream().filter(v -> v.outcome() == PolicyVerdictView.Outcome.FAIL)
                    .count();
            long open = content.verdicts().stream().filter(v -> v.outcome() == PolicyVerdictView.Outcome.WARN
                    || v.outcome() == PolicyVerdictView.Outcome.INCONCLUSIVE).count();
            if (failed > 0) {
                pdf.callout("NOT COMPLIANT WITH POLICY", failed + " of " + content.verdicts().size()
                        + " policy rules failed" + (open > 0 ? "; " + open + " need review" : "") + ".",
                        PdfLayout.BAD);
            } else if (open > 0) {
                pdf.callout("REVIEW NEEDED", "No policy rule failed; " + open + " of " + content.verdicts().size()
                        + " need review (warning or inconclusive).", PdfLayout.WARN);
            } else {
                pdf.callout("COMPLIANT WITH POLICY", "All " + content.verdicts().size() + " policy rules passed.",
                        PdfLayout.OK);
            }
            PdfSections.verdicts(pdf, content);
        } else {
            pdf.paragraph("No policy rules were supplied. Findings against the default thresholds:");
            PdfSections.findings(pdf, content, 3);
        }
        List<AdverseImpact.Row> flagged = ai.flagged();
        if (flagged.isEmpty()) {
            pdf.callout("FOUR-FIFTHS RULE", ai.undefinedReason().map(x -> "Not assessed: " + x + ".")
                    .orElse("No group's selection rate is below four-fifths of "
                            + ai.comparisonGroup().map(GroupKey::label).orElse("the comparison group") + "'s."),
                    ai.undefinedReason().isPresent() ? PdfLayout.WARN : PdfLayout.OK);
        } else {
            List<String> names = new ArrayList<>();
            for (AdverseImpact.Row f : flagged) {
                names.add(f.group().label() + " (" + Fmt.num(f.impactRatio().value()) + ")");
            }
            pdf.callout("FOUR-FIFTHS RULE", "Evidence of adverse impact: " + String.join(", ", names)
                    + " below 0.8 of " + ai.comparisonGroup().map(GroupKey::label).orElse("?")
                    + "'s selection rate. See section 3 for sizes, intervals, tests and caveats.", PdfLayout.BAD);
        }
    }

    private static void sizes(PdfLayout pdf, FairnessReport r) {
        List<List<String>> rows = new ArrayList<>();
        long total = r.provenance().rows();
        int min = r.results().spec().minGroupSize();
        for (GroupRow row : r.byGroup()) {
            rows.add(List.of(row.group().label(), Fmt.count(row.rows()), total == 0 ? ""
                    : Fmt.num(100.0 * row.rows() / total, 1) + "%", row.small() ? "below minimum " + min
                            : "at least " + min));
        }
        pdf.table(Table.of(List.of("group", "rows", "share", "size"), rows, new float[] {3, 1.2f, 1, 2}, "lrrl"));
    }

    @Override
    public String toString() {
        return "ComplianceReportPdf[" + content.context().title() + "]";
    }
}
