package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks each document in a real renderer: the dashboard and the slides in headless Chromium, page 1 of each PDF with
 * pdftoppm. Each result must be a real picture, not a blank or uniform page. Skips with a message when the tools are
 * absent (CI installs the Debian packages {@code chromium} and {@code poppler-utils}).
 */
class RenderInBrowserTest {
    @TempDir
    Path dir;

    private static Path chromiumOrSkip() {
        Optional<Path> c = Browser.chromium();
        assumeTrue(c.isPresent(), "chromium not found (/usr/bin/chromium or on PATH): browser rendering skipped; "
                + "install the Debian package 'chromium'");
        return c.get();
    }

    private static Path pdftoppmOrSkip() {
        Optional<Path> p = Browser.pdftoppm();
        assumeTrue(p.isPresent(), "pdftoppm not found: PDF rendering skipped; install the Debian package "
                + "'poppler-utils'");
        return p.get();
    }

    private static void looksLikeADocument(Path png, int width) throws Exception {
        assertThat(Files.size(png)).as(png + " size").isGreaterThan(10_000);
        Browser.ImageFacts f = Browser.facts(png);
        assertThat(f.width()).isBetween(width - 2, width + 2);
        assertThat(f.distinctColours()).as("distinct colours in " + png).isGreaterThan(20);
        assertThat(f.nonWhiteShare()).as("share of non-white pixels in " + png).isBetween(0.02, 0.98);
    }

    @Test
    void theDashboardRendersInHeadlessChromium() throws Exception {
        Path chromium = chromiumOrSkip();
        Path html = dir.resolve("fairness-dashboard.html");
        DashboardHtml.of(TestContents.demo()).writeTo(html);
        Path png = Browser.screenshot(chromium, html, dir.resolve("dashboard.png"), 1280, 2000, dir);
        looksLikeADocument(png, 1280);
    }

    @Test
    void theSlidesRenderInHeadlessChromium() throws Exception {
        Path chromium = chromiumOrSkip();
        Path html = dir.resolve("executive-summary.html");
        ExecutiveSlides.of(TestContents.demo()).writeTo(html);
        Path png = Browser.screenshot(chromium, html, dir.resolve("slides.png"), 1280, 2000, dir);
        looksLikeADocument(png, 1280);
    }

    @Test
    void bothPdfsRenderWithPdftoppm() throws Exception {
        Path pdftoppm = pdftoppmOrSkip();
        for (ReportDocument d : new ReportDocument[] {AuditPdf.of(TestContents.demo()),
            ComplianceReportPdf.of(TestContents.demo())}) {
            Path pdf = dir.resolve(d.fileName());
            d.writeTo(pdf);
            Path png = Browser.pdfPage(pdftoppm, pdf, 1, 60, dir.resolve(d.fileName().replace(".pdf", "")));
            // A4 at 60 dpi: 595 pt x 60 / 72 = 496 pixels wide
            looksLikeADocument(png, 496);
        }
    }

    @Test
    void theTradeOffChartRendersInHeadlessChromium() throws Exception {
        Path chromium = chromiumOrSkip();
        Path html = dir.resolve("trade-off.html");
        String svg = TestContents.tradeOff().chart("trade-off-chart").orElseThrow().toSvg();
        Files.writeString(html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/></head><body style=\"margin:0\">"
                + svg + "</body></html>");
        Path png = Browser.screenshot(chromium, html, dir.resolve("trade-off.png"), 900, 420, dir);
        Browser.ImageFacts f = Browser.facts(png);
        assertThat(f.width()).isBetween(898, 902);
        assertThat(f.distinctColours()).as("distinct colours of the chart").isGreaterThan(20);
        assertThat(f.nonWhiteShare()).as("share of non-white pixels of the chart").isBetween(0.01, 0.6);
        Path page = dir.resolve("fairness-dashboard.html");
        DashboardHtml.of(TestContents.withTradeOff()).writeTo(page);
        looksLikeADocument(Browser.screenshot(chromium, page, dir.resolve("dashboard-trade-off.png"), 1280, 2000, dir),
                1280);
    }

    @Test
    void theTradeOffPageOfTheAuditPdfRendersWithPdftoppm() throws Exception {
        Path pdftoppm = pdftoppmOrSkip();
        Path pdf = dir.resolve("fairness-audit.pdf");
        AuditPdf.of(TestContents.withTradeOff()).writeTo(pdf);
        int page = PdfDocumentsTest.pageContaining(Files.readAllBytes(pdf), "recommended: tolerance = 0.05");
        Path png = Browser.pdfPage(pdftoppm, pdf, page, 60, dir.resolve("trade-off-page"));
        looksLikeADocument(png, 496);
    }

    /** The regression, ranking and multiclass contents, the first with the data-quality section and data rules. */
    private static List<ReportContent> taskContents() {
        return List.of(ReportContent.forTask(TaskContents.regression(), AuditContext.of("Credit-limit model",
                "synthetic regression data", TaskContents.CLOCK)).dataQuality(TaskContents.dataQuality())
                .verdicts(TaskContents.dataVerdicts()).build(),
                TaskContents.content(TaskContents.ranking(), "Search ranker"),
                TaskContents.content(TaskContents.multiclass(), "Triage model"));
    }

    @Test
    void everyTasksDashboardAndSlidesRenderInHeadlessChromium() throws Exception {
        Path chromium = chromiumOrSkip();
        int k = 0;
        for (ReportContent c : taskContents()) {
            Path html = dir.resolve("task-" + k + ".html");
            DashboardHtml.of(c).writeTo(html);
            looksLikeADocument(Browser.screenshot(chromium, html, dir.resolve("task-" + k + ".png"), 1280, 2000, dir),
                    1280);
            Path deck = dir.resolve("task-slides-" + k + ".html");
            ExecutiveSlides.of(c).writeTo(deck);
            looksLikeADocument(Browser.screenshot(chromium, deck, dir.resolve("task-slides-" + k + ".png"), 1280,
                    2000, dir), 1280);
            k++;
        }
    }

    @Test
    void everyTasksPdfsRenderWithPdftoppmOnTheCoverTheDisparitiesAndTheDataQualityPages() throws Exception {
        Path pdftoppm = pdftoppmOrSkip();
        int k = 0;
        for (ReportContent c : taskContents()) {
            for (ReportDocument d : new ReportDocument[] {AuditPdf.of(c), ComplianceReportPdf.of(c)}) {
                Path pdf = dir.resolve(k + "-" + d.fileName());
                d.writeTo(pdf);
                byte[] bytes = Files.readAllBytes(pdf);
                List<Integer> pages = new java.util.ArrayList<>(List.of(1, PdfDocumentsTest.pageContaining(bytes,
                        "Disparities against thresholds")));
                if (c.dataQuality().isPresent()) {
                    pages.add(PdfDocumentsTest.pageContaining(bytes, "DATA GATE FAILS"));
                }
                for (int page : pages) {
                    Path png = Browser.pdfPage(pdftoppm, pdf, page, 60, dir.resolve(k + "-" + page + "-"
                            + d.fileName().replace(".pdf", "")));
                    looksLikeADocument(png, 496);
                }
            }
            k++;
        }
    }

    @Test
    void theCalibrationPageOfTheAuditPdfRendersWithPdftoppm() throws Exception {
        Path pdftoppm = pdftoppmOrSkip();
        Path pdf = dir.resolve("fairness-audit.pdf");
        AuditPdf.of(TestContents.demo()).writeTo(pdf);
        int page = PdfDocumentsTest.pageContaining(Files.readAllBytes(pdf), "mean score in bin");
        looksLikeADocument(Browser.pdfPage(pdftoppm, pdf, page, 60, dir.resolve("calibration-page")), 496);
    }
}
