package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.orchestration.policy.Outcome;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyRule;
import org.fairkit.reports.AuditContext;
import org.fairkit.reports.DashboardHtml;
import org.fairkit.reports.ReportContent;
import org.junit.jupiter.api.Test;

/**
 * The policy verdict and the dashboard's disparity section judge a value at its threshold with the same rule
 * ({@link org.fairkit.core.Threshold}): a ratio of exactly 4/5 passes {@code disparate_impact >= 0.8} and is drawn
 * "within"; a ratio just below fails and is drawn "beyond".
 */
class ThresholdAgreementTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern STATUS = Pattern.compile(
            "<th scope=\"row\"[^>]*>" + Pattern.quote(FairnessMetric.DISPARATE_IMPACT.info().name())
                    + "</th>(?:<td[^>]*>[^<]*</td>){2}<td[^>]*>([a-z ]+)</td>");

    /** Group A: 45 of 60 selected (0.75); group B: {@code selectedB} of 50; A is the reference. */
    private static FairnessReport report(int selectedB) {
        int n = 110;
        int[] labels = new int[n];
        int[] predictions = new int[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            boolean a = i < 60;
            group[i] = a ? "A" : "B";
            predictions[i] = a ? (i < 45 ? 1 : 0) : (i - 60 < selectedB ? 1 : 0);
            labels[i] = i % 2;
        }
        FairnessData data = FairnessData.builder().labels(labels).predictions(predictions).sensitive("g", group)
                .build();
        return Fairness.of(data).groupBy("g").reference("A").fairnessMetrics(FairnessMetric.DISPARATE_IMPACT)
                .evaluate();
    }

    private static Outcome policy(FairnessReport report) {
        return Policy.of("four-fifths", PolicyRule.parse("disparate_impact >= 0.8")).evaluate(report).outcome();
    }

    private static String dashboardStatus(FairnessReport report) {
        String html = DashboardHtml.of(ReportContent.builder(report, AuditContext.of("t", "d", CLOCK)).build())
                .render();
        String section = html.substring(html.indexOf("id=\"disparities\""));
        section = section.substring(0, section.indexOf("</section>"));
        Matcher m = STATUS.matcher(section);
        assertThat(m.find()).as(section).isTrue();
        return m.group(1);
    }

    @Test
    void aRatioOfExactlyFourFifthsPassesThePolicyAndIsDrawnWithin() {
        FairnessReport r = report(30);
        assertThat(r.fairness(FairnessMetric.DISPARATE_IMPACT).asDouble()).isEqualTo(0.6 / 0.75)
                .isNotEqualTo(0.8);
        assertThat(policy(r)).isEqualTo(Outcome.PASS);
        assertThat(dashboardStatus(r)).isEqualTo("within");
    }

    @Test
    void aRatioJustBelowFourFifthsFailsThePolicyAndIsDrawnBeyond() {
        FairnessReport r = report(29);
        assertThat(r.fairness(FairnessMetric.DISPARATE_IMPACT).asDouble()).isLessThan(0.8);
        assertThat(policy(r)).isEqualTo(Outcome.FAIL);
        assertThat(dashboardStatus(r)).isEqualTo("beyond");
    }
}
