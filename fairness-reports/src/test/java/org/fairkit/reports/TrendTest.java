package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.reports.svg.TrendChart;
import org.fairkit.stats.Bootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend section: three earlier runs whose Group B penalty grows, then this run; the series, the "since last
 * run" changes, the dashboard, slides and audit PDF, and their rendering in Chromium and pdftoppm.
 */
class TrendTest {
    @TempDir
    Path dir;

    static Clock at(String day) {
        return Clock.fixed(Instant.parse(day + "T08:00:00Z"), ZoneOffset.UTC);
    }

    static FairnessReport run(double penalty, String day, boolean withEqualOpportunity) {
        var b = Fairness.of(SyntheticLending.generate(4000, 5, penalty)).groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).reference("Group A");
        b = withEqualOpportunity
                ? b.fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)
                : b.fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO);
        return b.intervals(Bootstrap.percentile(200).seed(3)).clock(at(day)).evaluate();
    }

    static List<TrendRun> history() {
        return List.of(new TrendRun(Instant.parse("2026-11-16T08:00:00Z"), "v4", run(0.1, "2026-11-16", false)),
                new TrendRun(Instant.parse("2026-11-23T08:00:00Z"), "v5", run(0.3, "2026-11-23", true)),
                new TrendRun(Instant.parse("2026-11-30T08:00:00Z"), "v6", run(0.5, "2026-11-30", true)));
    }

    static ReportContent content() {
        FairnessReport now = run(0.9, "2026-12-07", true);
        return ReportContent.builder(now, AuditContext.of("Lending audit", "4,000 applications", at("2026-12-07")))
                .history(history()).build();
    }

    @Test
    void seriesHoldEveryRunWithThisOneLastAndUndefinedWhereNotMeasured() {
        ReportContent c = content();
        Trend t = c.trend().orElseThrow();

        assertThat(t.runs()).isEqualTo(4);
        List<Trend.Point> dpr = t.series().get(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO);
        assertThat(dpr).extracting(Trend.Point::label).containsExactly("v4", "v5", "v6", "this run");
        assertThat(dpr).allMatch(p -> p.value().isDefined() && p.interval().isPresent());
        assertThat(dpr.get(3).value()).isEqualTo(c.report().fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).value());
        assertThat(dpr.get(3).time()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        List<Trend.Point> eo = t.series().get(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE);
        assertThat(eo.get(0).value()).isEqualTo(MetricValue.undefined("not measured in this run"));
        assertThat(eo.get(1).value().isDefined()).isTrue();
    }

    @Test
    void aGrowingPenaltyIsWorseSinceLastRun() {
        Trend t = content().trend().orElseThrow();
        Trend.Delta d = t.sinceLastRun().get(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO);

        assertThat(d.previousLabel()).isEqualTo("v6");
        assertThat(d.change().value()).isEqualTo(d.current().value() - d.previous().value()).isNegative();
        assertThat(d.direction()).isEqualTo(Trend.Direction.WORSE);
        assertThat(d.describe()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f \u2192 %.3f (\u2212%.3f, worse)",
                d.previous().value(), d.current().value(), -d.change().value()));
        assertThat(t.worse()).isEqualTo(2);
        assertThat(t.toString()).isEqualTo("Trend[4 runs, 2 metrics, 2 worse since last run]");
    }

    @Test
    void deltasJudgeDirectionByDistanceFromParityAndSayWhyTheyAreUndefined() {
        DisparityThreshold ratio = DisparityThreshold.defaultFor(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO);
        DisparityThreshold diff = DisparityThreshold.defaultFor(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE);
        FairnessMetric r = FairnessMetric.DEMOGRAPHIC_PARITY_RATIO;
        FairnessMetric f = FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE;
        assertThat(Trend.delta(r, "a", MetricValue.of(0.8), MetricValue.of(1.2), ratio).direction())
                .isEqualTo(Trend.Direction.BETTER);
        assertThat(Trend.delta(r, "a", MetricValue.of(1.1), MetricValue.of(0.85), ratio).direction())
                .isEqualTo(Trend.Direction.WORSE);
        assertThat(Trend.delta(f, "a", MetricValue.of(-0.05), MetricValue.of(0.05), diff).direction())
                .isEqualTo(Trend.Direction.UNCHANGED);
        assertThat(Trend.delta(f, "a", MetricValue.of(0.05), MetricValue.of(-0.07), diff).describe())
                .isEqualTo("0.050 \u2192 -0.070 (\u22120.120, worse)");
        Trend.Delta undefined = Trend.delta(f, "v6", MetricValue.undefined("no positives in Group C"),
                MetricValue.of(0.1), diff);
        assertThat(undefined.direction()).isEqualTo(Trend.Direction.UNKNOWN);
        assertThat(undefined.describe()).isEqualTo("change undefined (undefined in v6: no positives in Group C)");
        assertThat(Trend.delta(f, "v6", MetricValue.of(0.1), MetricValue.undefined("empty"), diff).describe())
                .isEqualTo("change undefined (undefined in this run: empty)");
    }

    @Test
    void historyMustBeNonEmptyAndOldestFirst() {
        FairnessReport now = run(0.9, "2026-12-07", true);
        List<TrendRun> h = history();
        assertThatThrownBy(() -> ReportContent.builder(now, AuditContext.of("t", "d", at("2026-12-07")))
                .history(List.of())).hasMessage("history: expected at least one earlier run, got none");
        assertThatThrownBy(() -> ReportContent.builder(now, AuditContext.of("t", "d", at("2026-12-07")))
                .history(List.of(h.get(1), h.get(0)))).hasMessage("history: runs must be oldest first; run 1 (v4, "
                        + "2026-11-16T08:00:00Z) is before run 0 (v5, 2026-11-23T08:00:00Z)");
        assertThatThrownBy(() -> new TrendRun(Instant.EPOCH, " ", now))
                .hasMessage("a trend run's label must not be blank");
        assertThat(ReportContent.builder(now, AuditContext.of("t", "d", at("2026-12-07"))).build().trend()).isEmpty();
    }

    @Test
    void theDashboardHasATrendSectionWithOneChartPerMetricAndATile() {
        String html = DashboardHtml.of(content()).render();

        assertThat(html).contains("<section class=\"card\" id=\"trend\">\n<h2>Trend over runs</h2>")
                .contains("<h3>Since last run</h3>").contains("id=\"trend-0\"").contains("id=\"trend-1\"")
                .contains("metrics worse since last run</span>").contains("<span class=\"big\">2 of 2</span>")
                .contains("Demographic parity ratio over 4 runs");
        assertThat(html.indexOf("id=\"trend\"")).isGreaterThan(html.indexOf("id=\"disparities\""));
        assertThat(DashboardHtml.of(TestContents.demo()).render()).doesNotContain("id=\"trend\"")
                .doesNotContain("since last run");
    }

    @Test
    void theSlidesSayWhatChangedSinceLastRun() {
        ReportContent c = content();
        Trend.Delta d = c.trend().orElseThrow().sinceLastRun().get(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO);
        String slides = ExecutiveSlides.of(c).render();
        assertThat(slides).contains("<p class=\"note since\">Since last run (v6): Demographic parity ratio "
                + Html.esc(d.describe()));
        assertThat(ExecutiveSlides.of(TestContents.demo()).render()).doesNotContain("Since last run");
    }

    @Test
    void theAuditPdfHasTheSummaryLineAndATrendSection() throws IOException {
        ReportContent c = content();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditPdf.of(c).writeTo(out);
        String text;
        try (PDDocument d = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(d);
        }
        assertThat(text.replace('\n', ' ')).contains("Since last run (v6): Demographic parity ratio")
                .contains("Trend over runs").contains("Demographic parity ratio over the runs")
                .contains("Equal opportunity difference over the runs").contains("this run");
    }

    @Test
    void theTrendChartDrawsUndefinedRunsAndIsValidatedOnInput() {
        String svg = TrendChart.of("t", "x", 600, List.of(
                new TrendChart.Point("a", MetricValue.undefined("no rows"), Optional.empty()),
                new TrendChart.Point("b", MetricValue.of(0.7), Optional.empty()),
                new TrendChart.Point("c", MetricValue.of(0.9), Optional.empty())), 1, 0.8, 1.25, "0.8..1.25").toSvg();
        assertThat(svg).contains("a: undefined (no rows).").contains("b: 0.700 (beyond).")
                .contains("c: 0.900 (within).").contains(">undefined</text>");
        assertThat(svg.split("class=\"fk-trend\"", -1)).hasSize(2);
        assertThatThrownBy(() -> TrendChart.of("t", "x", 300, List.of(), 1, 0.8, 1.25, "r"))
                .hasMessage("width must be >= 400 pixels, got 300.0");
        assertThatThrownBy(() -> TrendChart.of("t", "x", 600, List.of(), 1, 0.8, 1.25, "r"))
                .hasMessage("a trend chart needs at least one run");
        assertThatThrownBy(() -> TrendChart.of("t", "x", 600, List.of(new TrendChart.Point("a", MetricValue.of(1),
                Optional.empty())), 2, 0.8, 1.25, "r"))
                .hasMessage("need finite low <= parity <= high, got 0.8, 2.0, 1.25");
    }

    @Test
    void theTrendRendersInHeadlessChromiumAndPdftoppm() throws Exception {
        Optional<Path> chromium = Browser.chromium();
        Optional<Path> pdftoppm = Browser.pdftoppm();
        assumeTrue(chromium.isPresent() && pdftoppm.isPresent(), "chromium or pdftoppm not found: trend rendering "
                + "skipped; install the Debian packages 'chromium' and 'poppler-utils'");
        ReportContent c = content();
        String html = DashboardHtml.of(c).render();
        int from = html.indexOf("<section class=\"card\" id=\"trend\">");
        int to = html.indexOf("</section>", from) + "</section>".length();
        Path page = dir.resolve("trend.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/></head><body>"
                + html.substring(from, to) + "</body></html>", StandardCharsets.UTF_8);
        Path png = Browser.screenshot(chromium.get(), page, dir.resolve("trend.png"), 1100, 900, dir);
        Browser.ImageFacts f = Browser.facts(png);
        assertThat(f.width()).isBetween(1098, 1102);
        assertThat(f.distinctColours()).isGreaterThan(20);
        assertThat(f.nonWhiteShare()).isBetween(0.05, 0.9);

        Path pdf = dir.resolve("fairness-audit.pdf");
        AuditPdf.of(c).writeTo(pdf);
        int trendPage;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            trendPage = -1;
            for (int p = 1; p <= d.getNumberOfPages() && trendPage < 0; p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(p);
                s.setEndPage(p);
                if (s.getText(d).contains("over the runs")) {
                    trendPage = p;
                }
            }
        }
        assertThat(trendPage).isPositive();
        Path pdfPng = Browser.pdfPage(pdftoppm.get(), pdf, trendPage, 60, dir.resolve("trend-page"));
        Browser.ImageFacts pf = Browser.facts(pdfPng);
        assertThat(pf.width()).isBetween(494, 498);
        assertThat(pf.distinctColours()).isGreaterThan(20);
        assertThat(pf.nonWhiteShare()).isBetween(0.02, 0.98);
    }
}
