package org.fairkit.reports;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the demo documents into a directory (first argument). */
final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/demo");
        Files.createDirectories(dir);
        ReportContent c = DemoContent.content();
        DashboardHtml.of(c).writeTo(dir.resolve("fairness-dashboard.html"));
        ExecutiveSlides.of(c).writeTo(dir.resolve("executive-summary.html"));
        AuditPdf.of(c).writeTo(dir.resolve("fairness-audit.pdf"));
        ComplianceReportPdf.of(c).writeTo(dir.resolve("compliance-report.pdf"));
        System.out.println(c.report());
        System.out.println(c.adverseImpact());
        c.concerns().forEach(x -> System.out.println(x.kind() + ": " + x.headline()));
    }
}
