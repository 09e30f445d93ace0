package org.fairkit.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.pdf.Table;

/**
 * The Fairness Audit PDF: the full technical record of an audit, for the data scientist and the auditor.
 *
 * <p>Sections: summary (the ranked findings), methods (data, grouping, metric definitions, intervals, thresholds,
 * tests), results per group (one table per metric with intervals and the comparison with the reference group),
 * fairness metrics against their thresholds, the four-fifths analysis with its caveats, significance tests,
 * calibration (curves per group and a table), data quality (when the data checks ran), policy verdicts, mitigation
 * results, the fairness-accuracy trade-off frontier of a swept
 * mitigator knob ({@link TradeOffView}: chart and table; the last five when given), warnings, provenance with the
 * input fingerprint and the audit-trail hash, and an appendix. The summary speaks plainly (no metric ids); the
 * appendix states every finding in technical terms.
 *
 * <p>Content of any other task ({@link ReportContent#forTask}) gets the same document for its metrics
 * ({@code TaskPdf}): the task on the cover, a table per group metric, the disparities against their thresholds.
 *
 * <p>A4, Helvetica (standard 14, nothing embedded), text extractable; deterministic for the same content (dates
 * and document ID from the content, see {@link PdfLayout#save}).
 */
public final class AuditPdf implements ReportDocument {
    private static final String KIND = "Fairness Audit";
    private final ReportContent content;

    private AuditPdf(ReportContent content) {
        this.content = Objects.requireNonNull(content, "content");
    }

    /** The audit of some content. */
    public static AuditPdf of(ReportContent content) {
        return new AuditPdf(content);
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String fileName() {
        return "fairness-audit.pdf";
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (content.taskReport().isPresent()) {
            TaskPdf.audit(content, out, KIND);
            return;
        }
        FairnessReport r = content.report();
        PdfLayout pdf = PdfLayout.create(KIND, content.context().title());
        PdfSections.cover(pdf, KIND, content);

        pdf.heading("1. Summary");
        PdfSections.findings(pdf, content, 3);
        content.trend().filter(t -> !t.sinceLastRun().isEmpty())
                .ifPresent(t -> pdf.paragraph(TrendPdf.sinceLastRun(t)));

        pdf.heading("2. Methods");
        methods(pdf, r);

        pdf.heading("3. Results by group");
        pdf.paragraph(PdfSections.intervalMethod(r) + " Groups marked small are below the minimum group size "
                + r.results().spec().minGroupSize() + ": reported, but left out of every disparity.");
        PdfSections.groupTables(pdf, content);

        pdf.heading("4. Fairness metrics against thresholds");
        pdf.paragraph("Each named fairness metric with its interval and acceptable band. Bands not set by a policy "
                + "are the defaults: 0.8 <= ratio <= 1.25 (four-fifths) and |difference| <= 0.1 (a convention, not "
                + "a legal standard).");
        if (content.thresholds().isEmpty()) {
            pdf.paragraph("No named fairness metric was requested.");
        } else {
            PdfSections.fairnessTable(pdf, content);
        }

        pdf.heading("5. Four-fifths rule (adverse impact analysis)");
        PdfSections.fourFifths(pdf, content);

        int n = 6;
        if (content.trend().isPresent() && !content.thresholds().isEmpty()) {
            pdf.heading(n++ + ". Trend over runs");
            TrendPdf.section(pdf, content.trend().get());
        }
        if (content.comparisons().isPresent()) {
            pdf.heading(n++ + ". Significance against the reference group");
            PdfSections.comparisons(pdf, content.comparisons().get());
        }
        if (!content.calibration().isEmpty()) {
            pdf.heading(n++ + ". Calibration by group");
            PdfSections.calibration(pdf, content);
        }
        if (content.dataQuality().isPresent()) {
            pdf.heading(n++ + ". Data quality");
            DataQualitySection.pdf(pdf, content);
        }
        if (!content.verdicts().isEmpty()) {
            pdf.heading(n++ + ". Policy verdicts");
            PdfSections.verdicts(pdf, content);
        }
        if (!content.mitigations().isEmpty()) {
            pdf.heading(n++ + ". Mitigation results");
            PdfSections.mitigation(pdf, content);
        }
        if (content.tradeOff().isPresent()) {
            pdf.heading(n++ + ". Fairness-accuracy trade-off");
            PdfTradeOff.section(pdf, content.tradeOff().get());
        }
        pdf.heading(n++ + ". Warnings");
        PdfSections.warnings(pdf, r);
        pdf.heading(n + ". Provenance");
        PdfSections.provenance(pdf, content, true);
        PdfSections.technicalFindings(pdf, content);
        pdf.save(out, "Fairness audit of " + content.context().dataset(), "FairKit "
                + r.provenance().libraryVersion() + " (Apache PDFBox)", content.context().generatedAt());
    }

    private void methods(PdfLayout pdf, FairnessReport r) {
        var spec = r.results().spec();
        pdf.paragraph("Data: " + content.context().dataset() + " (" + Fmt.count(r.provenance().rows()) + " rows, "
                + (r.results().tally().isWeighted() ? "weighted" : "unweighted") + "; input SHA-256 "
                + r.provenance().inputSha256() + ").");
        pdf.paragraph("Groups: by " + String.join(" x ", spec.groupBy()) + ", " + r.groups().size() + " groups; "
                + "reference group " + r.reference().map(g -> g.label()).orElse("none") + "; minimum group size "
                + spec.minGroupSize() + "; zero denominators give " + spec.zeroDivision()
                + " values with the reason (never a silent 0).");
        pdf.paragraph(PdfSections.intervalMethod(r));
        List<List<String>> rows = new ArrayList<>();
        for (GroupMetric m : r.metrics()) {
            if (m != Metrics.COUNT) {
                rows.add(List.of(m.info().name(), m.info().formula(), m.info().undefinedWhen(), m.info().matches()));
            }
        }
        pdf.subheading("Group metrics");
        pdf.table(Table.of(List.of("metric", "formula", "undefined when", "definition matches"), rows,
                new float[] {1.4f, 1.8f, 1.5f, 3.3f}, "llll"));
        pdf.subheading("Fairness metrics");
        List<List<String>> fm = new ArrayList<>();
        content.thresholds().forEach((f, t) -> fm.add(List.of(f.info().name(), f.info().formula(), t.describe(),
                f.info().matches())));
        if (fm.isEmpty()) {
            pdf.paragraph("No named fairness metric was requested.");
        } else {
            pdf.table(Table.of(List.of("metric", "formula", "acceptable", "definition matches"), fm,
                    new float[] {1.5f, 2.2f, 1.3f, 3.0f}, "llll"));
        }
        pdf.paragraph("Adverse impact: the four-fifths rule of the EEOC Uniform Guidelines (29 CFR 1607.4(D)) on "
                + "selection rates (share predicted positive), with Katz intervals and exact tests; section 5 "
                + "states its caveats. Concerns are ranked by a fixed rule stated in section 1.");
    }

    @Override
    public String toString() {
        return "AuditPdf[" + content.context().title() + "]";
    }
}
