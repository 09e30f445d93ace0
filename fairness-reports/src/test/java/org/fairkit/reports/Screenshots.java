package org.fairkit.reports;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the four demo documents ({@link DemoContent}) and the README screenshots of them: the top of the
 * dashboard and the first concern slide (headless Chromium), and page 1 of each PDF (pdftoppm).
 *
 * <p>Run by {@code fairness-reports/scripts/screenshots.sh}; arguments: the output directory of the PNGs (default
 * {@code docs}) and of the documents (default {@code target/demo}).
 */
final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs").toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "target/demo").toAbsolutePath();
        Files.createDirectories(docs);
        Files.createDirectories(out);
        ReportContent c = DemoContent.content();
        ReportDocument[] all = {DashboardHtml.of(c), ExecutiveSlides.of(c), AuditPdf.of(c), ComplianceReportPdf.of(c)};
        for (ReportDocument d : all) {
            d.writeTo(out.resolve(d.fileName()));
            System.out.println("wrote " + out.resolve(d.fileName()));
        }
        Path chromium = Browser.chromium().orElseThrow(() -> new IllegalStateException("chromium not found"));
        Path pdftoppm = Browser.pdftoppm().orElseThrow(() -> new IllegalStateException("pdftoppm not found"));

        Path dash = Browser.screenshot(chromium, out.resolve("fairness-dashboard.html"), docs.resolve("dashboard.png"),
                1280, 1470, out);
        Browser.crop(dash, 0, 0, 1280, 1470, 0.8);

        // slides are 1200 x 675 with 24 px between them, centred in the 1280 px window: slide 3 is the first concern
        Path slides = Browser.screenshot(chromium, out.resolve("executive-summary.html"),
                docs.resolve("executive-summary.png"), 1280, 3 * 699, out);
        Browser.crop(slides, 40, 2 * 699, 1200, 675, 0.8);

        Browser.pdfPage(pdftoppm, out.resolve("fairness-audit.pdf"), 1, 90, docs.resolve("fairness-audit"));
        Browser.pdfPage(pdftoppm, out.resolve("compliance-report.pdf"), 1, 90, docs.resolve("compliance-report"));
        for (String png : new String[] {"dashboard.png", "executive-summary.png", "fairness-audit.png",
            "compliance-report.png"}) {
            Path p = docs.resolve(png);
            Browser.ImageFacts f = Browser.facts(p);
            System.out.printf("%s: %d x %d, %d bytes%n", p, f.width(), f.height(), Files.size(p));
        }
    }
}
