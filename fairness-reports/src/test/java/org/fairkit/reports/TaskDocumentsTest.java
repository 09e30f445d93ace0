package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.reports.pdf.PdfLayout;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every document of a regression, a ranking and a multiclass report ({@link ReportContent#forTask}): the task named,
 * the key numbers and group names in the text, charts present and accessible, PDFs inside their margins; and the
 * data-quality section and the calibration curves of the PDFs.
 */
class TaskDocumentsTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** @return every text run that ends beyond the right margin */
    static List<String> overflow(byte[] pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper edges = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (p.getXDirAdj() + p.getWidthDirAdj() > PdfLayout.RIGHT + 1f || p.getXDirAdj()
                                < PdfLayout.LEFT - 1f) {
                            out.add(text + " at " + p.getXDirAdj());
                            break;
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            edges.getText(d);
        }
        return out;
    }

    private static Map<String, Element> sections(Document doc) {
        Map<String, Element> out = new LinkedHashMap<>();
        NodeList s = doc.getElementsByTagName("section");
        for (int i = 0; i < s.getLength(); i++) {
            Element e = (Element) s.item(i);
            out.put(e.getAttribute("id"), e);
        }
        return out;
    }

    /** Every chart is an accessible image named by its own title, with a unique id. */
    private static int accessibleCharts(Document doc) {
        NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            String title = svg.getAttribute("aria-labelledby").split(" ")[0];
            NodeList titles = svg.getElementsByTagNameNS(SVG, "title");
            assertThat(titles.getLength()).isPositive();
            assertThat(((Element) titles.item(0)).getAttribute("id")).isEqualTo(title);
            ids.add(svg.getAttribute("id"));
        }
        assertThat(ids).doesNotHaveDuplicates();
        return svgs.getLength();
    }

    private static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ");
    }

    /** What any task's dashboard and PDFs must show. */
    private static void checkDocuments(ReportContent c, String taskWords, String groupedMetric) throws IOException {
        TaskReport r = c.taskReport().orElseThrow();
        String page = DashboardHtml.of(c).render();
        assertThat(page).isEqualTo(DashboardHtml.of(c).render());
        assertThat(TestContents.withoutSvgNamespace(page).toLowerCase(Locale.ROOT)).doesNotContain("http", "<script");
        Document doc = TestContents.xml(page);
        Map<String, Element> s = sections(doc);
        assertThat(s.keySet()).contains("concerns", "metrics", "disparities", "sizes", "table", "warnings",
                "provenance").doesNotContain("four-fifths");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).contains(taskWords);
        assertThat(text((Element) doc.getElementsByTagName("header").item(0))).contains("Task: " + taskWords);
        // one bar chart per charted metric, each with whiskers where intervals exist, and the disparities chart
        int bars = TaskView.mainMetrics(r).size();
        assertThat(s.get("metrics").getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(bars);
        assertThat(s.get("disparities").getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(1);
        assertThat(accessibleCharts(doc)).isGreaterThanOrEqualTo(bars + 2);
        // the numbers: every group and its value of the metric, every judged disparity with its value
        GroupValues v = r.values(groupedMetric).orElseThrow();
        String all = text(doc.getDocumentElement());
        for (int g = 0; g < r.groups().size(); g++) {
            assertThat(text(s.get("table"))).contains(r.groups().get(g).label(), Fmt.num(v.value(g).value()));
            assertThat(text(s.get("metrics"))).contains(r.groups().get(g).label());
        }
        for (Disparity d : r.namedDisparities()) {
            assertThat(text(s.get("disparities"))).contains(d.id(), Fmt.value(d.value()));
        }
        assertThat(all).contains(c.context().title());

        for (byte[] pdf : List.of(AuditPdf.of(c).toBytes(), ComplianceReportPdf.of(c).toBytes())) {
            String t = pdfText(pdf).replace("\n", " ");
            assertThat(t).contains(taskWords, "Disparities against thresholds", c.context().title());
            for (GroupKey k : r.groups()) {
                assertThat(t).contains(k.label());
            }
            Disparity first = r.namedDisparities().get(0);
            assertThat(t).contains(Fmt.value(first.value()));
            assertThat(overflow(pdf)).isEmpty();
        }
        String audit = pdfText(AuditPdf.of(c).toBytes()).replace("\n", " ");
        assertThat(audit).contains("1. Summary", "2. Methods", "3. Results by group", "Provenance",
                "Appendix. The findings in technical terms");
        for (int g = 0; g < r.groups().size(); g++) {
            assertThat(audit).contains(Fmt.value(v.value(g)));
        }
        String slides = ExecutiveSlides.of(c).render();
        Document deck = TestContents.xml(slides);
        accessibleCharts(deck);
        assertThat(text(deck.getDocumentElement())).contains(taskWords, "The verdict", "How sure we are");
    }

    @Test
    void aRegressionReportsDocumentsShowItsErrorsByGroupAndTheInjectedGap() throws IOException {
        ReportContent c = ReportContent.forTask(TaskContents.regression(), AuditContext.of("Credit-limit model",
                "synthetic regression data", TaskContents.CLOCK)).build();
        checkDocuments(c, "regression", "mean_absolute_error");
        String page = DashboardHtml.of(c).render();
        assertThat(page).contains("class=\"fk-whisker", "no threshold set", "bounded_group_loss_absolute");
        // South's errors are three times larger: the top concern names it
        assertThat(c.topConcerns(1).get(0).groups()).contains("South");
        assertThat(pdfText(AuditPdf.of(c).toBytes()).replace("\n", " ")).contains("South", "beyond");
    }

    @Test
    void aFailedRuleOnADisparityIsShownOnItsSlideWithItsBandAndTheMetricBehindIt() {
        PolicyVerdictView failed = new PolicyVerdictView("mean_absolute_error.difference <= 0.5 for region",
                PolicyVerdictView.Outcome.FAIL, org.fairkit.core.metrics.MetricValue.of(1.585),
                java.util.Optional.empty(), List.of("South", "North"), "the gap of errors is beyond 0.5");
        ReportContent c = ReportContent.forTask(TaskContents.regression(), AuditContext.of("Credit-limit model",
                "synthetic", TaskContents.CLOCK)).verdicts(List.of(failed)).build();
        assertThat(c.topConcerns(1).get(0).kind()).isEqualTo(Concern.Kind.FAILED_POLICY);
        Document deck = TestContents.xml(ExecutiveSlides.of(c).render());
        List<String> ids = new ArrayList<>();
        NodeList svgs = deck.getElementsByTagNameNS(SVG, "svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            ids.add(((Element) svgs.item(i)).getAttribute("id"));
        }
        assertThat(ids).contains("c1-threshold", "c1-bars");
        assertThat(text(deck.getDocumentElement())).contains("Mean absolute error, difference", "value <= 0.500");
    }

    @Test
    void aRankingsDocumentsShowExposureByGroup() throws IOException {
        ReportContent c = TaskContents.content(TaskContents.ranking(), "Search ranker");
        checkDocuments(c, "ranking", "exposure");
        assertThat(DashboardHtml.of(c).render()).contains("Items per group", "the task report records no provenance");
    }

    @Test
    void aMulticlassReportsDocumentsShowMacroAveragesThenEveryClass() throws IOException {
        ReportContent c = TaskContents.content(TaskContents.multiclass(), "Triage model");
        checkDocuments(c, "multiclass classification", "macro_true_positive_rate");
        Document doc = TestContents.xml(DashboardHtml.of(c).render());
        Element classes = sections(doc).get("classes");
        assertThat(classes).isNotNull();
        assertThat(text(classes)).contains("class routine", "class soon", "class urgent", "older", "younger");
        assertThat(classes.getElementsByTagName("details").getLength()).isEqualTo(1);
        TaskReport r = c.taskReport().orElseThrow();
        GroupValues urgent = r.values("true_positive_rate@urgent").orElseThrow();
        int older = r.groups().indexOf(r.groups().stream().filter(g -> g.label().equals("older")).findFirst()
                .orElseThrow());
        assertThat(text(classes)).contains(Fmt.num(urgent.value(older).value()));
        assertThat(pdfText(AuditPdf.of(c).toBytes()).replace("\n", " "))
                .contains("True positive rate by class (one-vs-rest)", Fmt.num(urgent.value(older).value()));
        assertThat(c.concerns().stream().map(Concern::subject)).contains("equal_opportunity_difference@urgent");
    }

    @Test
    void theDataQualitySectionShowsGroupsMissingValuesProxiesFindingsAndTheDataRules() throws IOException {
        ReportContent c = ReportContent.forTask(TaskContents.regression(), AuditContext.of("Credit-limit model",
                "synthetic", TaskContents.CLOCK)).dataQuality(TaskContents.dataQuality())
                .verdicts(TaskContents.dataVerdicts()).build();
        Document doc = TestContents.xml(DashboardHtml.of(c).render());
        Element dq = sections(doc).get("data-quality");
        assertThat(dq).isNotNull();
        String t = text(dq);
        assertThat(t).contains("gate fails", "Islands", "Coast", "Inland", "income", "postcode", "12",
                "min_group_size >= 30 for area", "FAIL", "max_missing_rate <= 0.5 for area", "PASS",
                "Proxy strength", "Missing rate per feature and group", "0.400 (48)");
        TaskContents.dataQuality().findings().forEach(f -> assertThat(t).contains(f.message()));
        for (byte[] pdf : List.of(AuditPdf.of(c).toBytes(), ComplianceReportPdf.of(c).toBytes())) {
            String p = pdfText(pdf).replace("\n", " ");
            assertThat(p).contains("DATA GATE FAILS", "Islands", "postcode", "min_group_size >= 30 for area");
            assertThat(overflow(pdf)).isEmpty();
        }
        assertThat(pdfText(AuditPdf.of(c).toBytes())).contains("Data quality");
    }

    @Test
    void binaryContentGainsTheDataQualitySectionOnlyWhenChecksRan() throws IOException {
        ReportContent demo = TestContents.demo();
        ReportContent with = ReportContent.builder(demo.report(), demo.context()).dataQuality(
                TaskContents.dataQuality()).build();
        assertThat(DashboardHtml.of(with).render()).contains("id=\"data-quality\"", "gate fails");
        assertThat(DashboardHtml.of(demo).render()).doesNotContain("data-quality");
        assertThat(pdfText(AuditPdf.of(with).toBytes())).contains("DATA GATE FAILS");
        assertThat(pdfText(AuditPdf.of(demo).toBytes())).doesNotContain("DATA GATE");
    }

    @Test
    void theAuditPdfDrawsTheCalibrationCurveOfEveryGroupWhenScoresArePresent() throws IOException {
        ReportContent demo = TestContents.demo();
        assertThat(demo.calibration()).isNotEmpty();
        byte[] pdf = AuditPdf.of(demo).toBytes();
        int page = PdfDocumentsTest.pageContaining(pdf, "mean score in bin");
        String t;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page + 1);
            t = s.getText(d);
        }
        assertThat(t).contains("observed positive rate");
        for (CalibrationSeries s : demo.calibration()) {
            assertThat(t).contains(s.group(), Fmt.num(s.expectedCalibrationError()));
        }
        assertThat(overflow(pdf)).isEmpty();
    }
}
