package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.fairkit.reports.pdf.PdfLayout;
import org.junit.jupiter.api.Test;

class PdfDocumentsTest {

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theSameContentAndClockGiveTheSameBytes() {
        ReportContent a = DemoContent.content();
        ReportContent b = DemoContent.content();
        assertThat(AuditPdf.of(a).toBytes()).isEqualTo(AuditPdf.of(b).toBytes());
        assertThat(ComplianceReportPdf.of(a).toBytes()).isEqualTo(ComplianceReportPdf.of(b).toBytes());
    }

    @Test
    void theAuditStatesItsHeadingsAndKeyNumbersAsExtractableText() throws IOException {
        ReportContent c = TestContents.demo();
        String t = text(AuditPdf.of(c).toBytes());
        assertThat(t).contains("Consumer lending model", "1. Summary", "2. Methods", "3. Results by group",
                "4. Fairness metrics against thresholds", "5. Four-fifths rule (adverse impact analysis)",
                "Significance against the reference group", "Calibration by group", "Policy verdicts",
                "Mitigation results", "Warnings", "Provenance");
        AdverseImpact.Row b = c.adverseImpact().rows().get(1);
        // DejaVu Sans is wider than Helvetica: a table cell may wrap an interval at its space
        assertThat(t.replace("\n", " ")).contains("Group B", Fmt.num(b.impactRatio().value()), Fmt.count(b.rows()),
                Fmt.interval(b.ratioInterval().orElseThrow()), "29 CFR 1607.4(D)", "rule of thumb",
                c.context().auditTrailHash().orElseThrow());
        assertThat(t.replace("\n", "")).contains(c.report().provenance().inputSha256());
        String sr = Fmt.num(c.report().value(org.fairkit.core.metrics.Metrics.SELECTION_RATE, b.group()).value());
        assertThat(t).contains(sr);
    }

    @Test
    void theAuditSummarySpeaksPlainlyAndItsAppendixKeepsTheIds() throws IOException {
        ReportContent c = TestContents.demo();
        String t = text(AuditPdf.of(c).toBytes()).replace("\n", " ");
        String summary = t.substring(t.indexOf("1. Summary"), t.indexOf("2. Methods"));
        Concern first = c.topConcerns(3).get(0);
        assertThat(summary).contains("1. Group B is selected at 61% of Group A's rate; the four-fifths rule asks for "
                + "at least 80%.", first.explanation(), "the appendix states each in technical terms");
        assertThat(java.util.regex.Pattern.compile("\\b[a-z]+_[a-z_]+\\b").matcher(summary).find())
                .as(summary).isFalse();
        String appendix = t.substring(t.indexOf("Appendix. The findings in technical terms"));
        for (Concern x : c.concerns()) {
            assertThat(appendix).contains(x.headline());
        }
        assertThat(appendix).contains("demographic_parity_ratio >= 0.80");
    }

    @Test
    void theComplianceReportIsOrganisedByObligation() throws IOException {
        ReportContent c = TestContents.demo();
        String t = text(ComplianceReportPdf.of(c).toBytes());
        assertThat(t).contains("1. Scope and standards applied", "2. Conclusion", "NOT COMPLIANT WITH POLICY",
                "2 of 3 policy rules failed", "3. Adverse impact analysis", "4. Group sizes and data quality",
                "5. Remediation", "6. Limitations", "7. Provenance and integrity", "8. Sign-off",
                "Evidence of adverse impact: Group B (0.610)", c.context().auditTrailHash().orElseThrow());
    }

    @Test
    void documentInformationComesFromTheContext() throws IOException {
        ReportContent c = TestContents.demo();
        try (PDDocument d = Loader.loadPDF(AuditPdf.of(c).toBytes())) {
            PDDocumentInformation info = d.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(c.context().title());
            assertThat(info.getCreationDate().toInstant()).isEqualTo(c.context().generatedAt());
            assertThat(info.getModificationDate().toInstant()).isEqualTo(c.context().generatedAt());
            assertThat(info.getProducer()).startsWith("FairKit ");
            assertThat(d.getDocumentId()).isNull();
            assertThat(d.getDocument().getTrailer().getCOSArray(org.apache.pdfbox.cos.COSName.ID)).hasSize(2);
        }
    }

    @Test
    void longTablesPaginateWithTheirHeaderAndWrapInsideTheMargins() throws IOException {
        ReportContent c = TestContents.manyGroups(40);
        byte[] pdf = AuditPdf.of(c).toBytes();
        List<String> overflow = new ArrayList<>();
        int pages;
        List<String> pageTexts = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            pages = d.getNumberOfPages();
            PDFTextStripper edges = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (p.getXDirAdj() + p.getWidthDirAdj() > PdfLayout.RIGHT + 1f) {
                            overflow.add(text + " ends at " + (p.getXDirAdj() + p.getWidthDirAdj()));
                            break;
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            edges.getText(d);
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                pageTexts.add(s.getText(d));
            }
        }
        assertThat(pages).isGreaterThan(4);
        assertThat(overflow).isEmpty();
        // the table pages; the appendix that closes the audit names the regions in sentences, not in tables
        int appendix = 0;
        while (appendix < pageTexts.size() && !pageTexts.get(appendix).contains("Appendix. The findings")) {
            appendix++;
        }
        assertThat(appendix).isLessThan(pageTexts.size());
        List<String> withRows = pageTexts.subList(0, appendix).stream().filter(t -> t.contains("Region 0")).toList();
        assertThat(withRows.size()).isGreaterThan(4);
        assertThat(withRows).allSatisfy(t -> assertThat(t).containsAnyOf("95% interval", "impact\nratio", "rows"));
        String all = String.join("", pageTexts).replace("\n", " ");
        for (int k = 0; k < 40; k += 13) {
            assertThat(all).contains(String.format("Region %03d", k));
        }
    }

    @Test
    void cyrillicArabicAndChineseLabelsPrintAsWrittenNeverQuestionMarksOrCodePoints() throws IOException {
        for (byte[] pdf : List.of(AuditPdf.of(TestContents.scripts()).toBytes(),
                ComplianceReportPdf.of(TestContents.scripts()).toBytes())) {
            String t = text(pdf);
            assertThat(t).contains(TestContents.CYRILLIC).contains(TestContents.ARABIC).contains(TestContents.CHINESE)
                    .doesNotContain("?").doesNotContain("[U+");
            assertThat(fontNames(pdf)).anyMatch(n -> n.endsWith("+DroidSansFallback"));
        }
    }

    @Test
    void documentsWithoutCjkTextDoNotEmbedTheFallbackFont() throws IOException {
        assertThat(fontNames(AuditPdf.of(TestContents.hostile()).toBytes()))
                .isNotEmpty().noneMatch(n -> n.contains("DroidSansFallback"));
    }

    private static Set<String> fontNames(byte[] pdf) throws IOException {
        Set<String> names = new TreeSet<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage page : d.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(n).getName());
                }
            }
        }
        return names;
    }

    @Test
    void labelsInAnyScriptPrintAsWrittenWithTheEmbeddedUnicodeFont() throws IOException {
        String t = text(AuditPdf.of(TestContents.hostile()).toBytes());
        assertThat(t).contains("Zo\u00eb's <group> ]]> &amp;", "<script>alert('x')</script>", TestContents.GREEK,
                "undefined: no positives (TP + FN = 0)").doesNotContain("????");
        assertThat(text(ComplianceReportPdf.of(TestContents.hostile()).toBytes())).contains("Audit of <b>bold</b>");
    }

    /** @return the first 1-based page whose text contains {@code needle} */
    static int pageContaining(byte[] pdf, String needle) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                if (s.getText(d).contains(needle)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no page contains '" + needle + "'");
    }

    @Test
    void theAuditGainsATradeOffSectionOnlyWhenAFrontierIsSupplied() throws IOException {
        String with = text(AuditPdf.of(TestContents.withTradeOff()).toBytes());
        assertThat(with).contains("Fairness-accuracy trade-off", "Recommended: tolerance = 0.05 has the best accuracy",
                "recommended: tolerance = 0.05", "undefined: group B has no rows", "Pareto-optimal", "dominated");
        assertThat(text(AuditPdf.of(TestContents.demo()).toBytes())).doesNotContain("trade-off");
    }
}
