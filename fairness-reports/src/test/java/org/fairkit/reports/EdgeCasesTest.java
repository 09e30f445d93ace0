package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** Every document renders for unusual reports, and says what it could not assess. */
class EdgeCasesTest {

    private static List<String> renderAll(FairnessReport r) throws Exception {
        ReportContent c = ReportContent.builder(r, AuditContext.of("Edge", "edge case", TestContents.CLOCK)).build();
        String dash = DashboardHtml.of(c).render();
        String slides = ExecutiveSlides.of(c).render();
        TestContents.xml(dash);
        TestContents.xml(slides);
        String audit;
        String compliance;
        try (PDDocument a = Loader.loadPDF(AuditPdf.of(c).toBytes());
                PDDocument b = Loader.loadPDF(ComplianceReportPdf.of(c).toBytes())) {
            audit = new PDFTextStripper().getText(a).replaceAll("\\s+", " ");
            compliance = new PDFTextStripper().getText(b).replaceAll("\\s+", " ");
        }
        return List.of(dash, slides, audit, compliance);
    }

    @Test
    void aSingleGroupHasNoDisparityAndEveryDocumentSaysSo() throws Exception {
        FairnessData d = AdverseImpactTest.selections(new String[] {"only"}, new int[][] {{50, 20}});
        List<String> docs = renderAll(Fairness.of(d).clock(TestContents.CLOCK).evaluate());
        assertThat(docs.get(0)).contains("needs at least two groups with a defined value, has 1");
        assertThat(docs.get(2)).contains("comparison group", "not assessed");
    }

    @Test
    void aReportWithoutFairnessMetricsOrSelectionRateStillGetsTheFourFifthsAnalysis() throws Exception {
        FairnessReport r = Fairness.of(SyntheticLending.generate(800, 4)).groupBy("sex").metrics(Metrics.ACCURACY)
                .fairnessMetrics().clock(TestContents.CLOCK).evaluate();
        List<String> docs = renderAll(r);
        assertThat(docs.get(0)).contains("Four-fifths rule (adverse impact)").doesNotContain("id=\"disparities\"");
        assertThat(docs.get(2)).contains("No named fairness metric was requested.", "Four-fifths rule");
    }

    @Test
    void aWeightedReportRendersWithoutRowCountTests() throws Exception {
        FairnessData base = SyntheticLending.generate(1_500, 9);
        double[] w = new double[base.rows()];
        int[] y = new int[base.rows()];
        int[] p = new int[base.rows()];
        String[] g = new String[base.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + (i % 4);
            y[i] = base.label(i);
            p[i] = base.prediction(i);
            g[i] = base.sensitive("ethnicity").level(i);
        }
        FairnessReport r = Fairness.of(FairnessData.builder().labels(y).predictions(p).weights(w).sensitive("e", g)
                .build()).reference("Group A").clock(TestContents.CLOCK).evaluate();
        List<String> docs = renderAll(r);
        assertThat(docs.get(0)).contains("weighted report: tests and the Katz interval need row counts");
        assertThat(docs.get(3)).contains("weighted report");
    }
}
