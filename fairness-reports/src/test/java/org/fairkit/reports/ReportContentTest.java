package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.junit.jupiter.api.Test;

class ReportContentTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final FairnessReport REPORT = Fairness.of(SyntheticLending.generate(1_000, 1)).groupBy("ethnicity")
            .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
            .evaluate();

    @Test
    void everyFairnessMetricOfTheReportGetsAThresholdDefaultOrSet() {
        ReportContent c = ReportContent.builder(REPORT, AuditContext.of("t", "d", CLOCK))
                .thresholds(List.of(new DisparityThreshold(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE, 0.2),
                        new DisparityThreshold(FairnessMetric.DISPARATE_IMPACT, 0.9)))
                .build();
        assertThat(c.thresholds().keySet()).containsExactly(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO,
                FairnessMetric.EQUALIZED_ODDS_DIFFERENCE, FairnessMetric.DISPARATE_IMPACT);
        assertThat(c.thresholds().get(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).limit()).isEqualTo(0.8);
        assertThat(c.thresholds().get(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE).limit()).isEqualTo(0.2);
        assertThat(c.topConcerns(2)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void eachSettingOnceAndClearErrors() {
        ReportContent.Builder b = ReportContent.builder(REPORT, AuditContext.of("t", "d", CLOCK)).verdicts(List.of());
        assertThatThrownBy(() -> b.verdicts(List.of()))
                .hasMessage("verdicts is already set; each setting is set once");
        assertThatThrownBy(() -> ReportContent.builder(REPORT, AuditContext.of("t", "d", CLOCK)).thresholds(List.of(
                DisparityThreshold.defaultFor(FairnessMetric.DISPARATE_IMPACT),
                DisparityThreshold.defaultFor(FairnessMetric.DISPARATE_IMPACT))))
                .hasMessage("thresholds: disparate_impact appears twice");
        assertThatThrownBy(() -> ReportContent.builder(REPORT, AuditContext.of("t", "d", CLOCK))
                .adverseImpactBasis(AdverseImpact.Basis.REFERENCE).build()).hasMessageStartingWith(
                        "adverse impact against the reference needs a report with a reference group");
        assertThatThrownBy(() -> AuditContext.of(" ", "d", CLOCK)).hasMessage("title must not be blank, got ' '");
        assertThatThrownBy(() -> AuditContext.of("t", "d", CLOCK).withAuditTrailHash(""))
                .hasMessage("auditTrailHash must not be blank, got ''");
        assertThat(AuditContext.of("t", "d", CLOCK).generatedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theDocumentsNameTheirFilesAndMediaTypes() {
        ReportContent c = ReportContent.builder(REPORT, AuditContext.of("t", "d", CLOCK)).build();
        assertThat(List.of(DashboardHtml.of(c), ExecutiveSlides.of(c), AuditPdf.of(c), ComplianceReportPdf.of(c)))
                .extracting(ReportDocument::fileName).containsExactly("fairness-dashboard.html",
                        "executive-summary.html", "fairness-audit.pdf", "compliance-report.pdf");
        assertThat(AuditPdf.of(c).mediaType()).isEqualTo("application/pdf");
        assertThat(DashboardHtml.of(c).mediaType()).isEqualTo("text/html; charset=utf-8");
    }
}
