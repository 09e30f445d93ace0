package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.regression.RegressionReport;
import org.fairkit.stats.Bootstrap;
import org.fairkit.stats.GroupComparisons;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Docs are tests: every line of the README's Java snippet appears here, compiled and run. */
class ReadmeExamplesTest {

    @Test
    void theReadmeSnippetWritesTheFourDocuments() throws IOException {
        FairnessData data = SyntheticLending.generate(6_000, 7);
        FairnessReport report = Fairness.of(data)
            .groupBy(SyntheticLending.ETHNICITY)
            .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
            .reference("Group A")
            .minGroupSize(30)
            .intervals(Bootstrap.bca(1000).seed(42))
            .evaluate();

        ReportContent content = ReportContent.builder(report,
                AuditContext.of("Lending model audit", "6,000 applications, Q4", Clock.systemUTC()))
            .comparisons(GroupComparisons.of(report).compute())
            .calibration(CalibrationSeries.uniformBins(data, 10, SyntheticLending.ETHNICITY))
            .build();

        Path dir = Files.createTempDirectory("audit");
        DashboardHtml.of(content).writeTo(dir.resolve("fairness-dashboard.html"));
        ExecutiveSlides.of(content).writeTo(dir.resolve("executive-summary.html"));
        AuditPdf.of(content).writeTo(dir.resolve("fairness-audit.pdf"));
        ComplianceReportPdf.of(content).writeTo(dir.resolve("compliance-report.pdf"));

        for (String f : List.of("fairness-dashboard.html", "executive-summary.html", "fairness-audit.pdf",
                "compliance-report.pdf")) {
            assertThat(Files.size(dir.resolve(f))).as(f).isGreaterThan(5_000);
            Files.delete(dir.resolve(f));
        }
        Files.delete(dir);
        assertThat(content.adverseImpact().flagged()).extracting(r -> r.group().label()).containsExactly("Group B");
    }

    @Test
    void theReadmeTaskSnippetWritesARegressionDashboardAndAudit() throws IOException {
        java.util.Random rnd = new java.util.Random(1);
        double[] limits = new double[2_000];
        double[] predictedLimits = new double[limits.length];
        String[] regions = new String[limits.length];
        for (int i = 0; i < limits.length; i++) {
            regions[i] = i % 4 == 0 ? "South" : "North";
            limits[i] = 5_000 + 1_000 * rnd.nextGaussian();
            predictedLimits[i] = limits[i] + (regions[i].equals("South") ? 1_200 : 400) * rnd.nextGaussian();
        }
        Path dir = Files.createTempDirectory("task-audit");
        RegressionData loans = RegressionData.builder()
            .targets(limits).predictions(predictedLimits).sensitive("region", regions).build();
        RegressionReport regression = RegressionFairness.of(loans)
            .metrics(RegressionMetrics.MEAN_ABSOLUTE_ERROR, RegressionMetrics.MEAN_ERROR)
            .evaluate();

        ReportContent credit = ReportContent.forTask(regression.asTaskReport(),
                AuditContext.of("Credit-limit model audit", "2,000 accounts", Clock.systemUTC()))
            .taskThresholds(List.of(TaskThreshold.atMost("bounded_group_loss_absolute", 900)))   // optional
            .build();
        DashboardHtml.of(credit).writeTo(dir.resolve("credit-dashboard.html"));
        AuditPdf.of(credit).writeTo(dir.resolve("credit-audit.pdf"));

        // South's errors are three times larger: its mean absolute error (about 960) is beyond the 900 set
        assertThat(Files.readString(dir.resolve("credit-dashboard.html"))).contains("regression", "South",
                "value &lt;= 900.000", "beyond");
        assertThat(credit.concerns()).extracting(Concern::subject).contains("bounded_group_loss_absolute");
        for (String f : List.of("credit-dashboard.html", "credit-audit.pdf")) {
            assertThat(Files.size(dir.resolve(f))).as(f).isGreaterThan(5_000);
            Files.delete(dir.resolve(f));
        }
        Files.delete(dir);
    }

    @Test
    void everyReadmeSnippetLineIsInThisTest() {
        String self = TestSource.of(ReadmeExamplesTest.class).text();
        List<String> lines = Markdown.read(Path.of("README.md")).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(15);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }

    @Test
    void theReadmeShowsOneScreenshotOfEachDocumentAndTheyExist() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String png : List.of("dashboard.png", "executive-summary.png", "fairness-audit.png",
                "compliance-report.png")) {
            assertThat(readme).contains("(docs/" + png + ")");
            Path p = Path.of("docs", png);
            assertThat(Files.size(p)).as(png).isBetween(20_000L, 300_000L);
        }
    }
}
