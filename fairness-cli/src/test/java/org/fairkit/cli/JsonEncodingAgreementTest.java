package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.io.EstimatedValue;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.junit.jupiter.api.Test;

/**
 * The CLI's documents and the {@code fairkit.report/1} document write the same JSON for the same
 * {@link MetricValue}, {@link Interval} (with and without its note) and {@link Disparity}: both go through
 * orchestration's {@code FairKitJsonModule}.
 */
class JsonEncodingAgreementTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    private static final GroupKey A = GroupKey.of("race", "A");
    private static final Interval NOTED = new Interval(0.25, Double.POSITIVE_INFINITY, 0.9, "fixed", 100, 3)
            .withNote("an end fixed by the quantity's nature");
    private static final Interval PLAIN = new Interval(-0.5, 0.125, 0.95, "fixed", 50, 0);

    /** Intervals for one group value (with a note and an infinite end), the overall value and two fairness metrics. */
    private static final IntervalEstimator FIXED = new IntervalEstimator() {
        @Override
        public String description() {
            return "fixed test intervals";
        }

        @Override
        public Map<Estimand, Interval> estimate(IntervalRequest request) {
            return Map.of(Estimand.groupValue(Metrics.SELECTION_RATE, A), NOTED,
                    Estimand.aggregate(Estimand.Kind.OVERALL_VALUE, Metrics.SELECTION_RATE), PLAIN,
                    Estimand.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE), PLAIN,
                    Estimand.fairness(FairnessMetric.DISPARATE_IMPACT), NOTED);
        }
    };

    /** A: 4 rows, B: 3 negatives (its true positive rate is undefined), C: 2 rows. */
    private static FairnessReport report() {
        FairnessData data = FairnessData.builder().labels(new int[] {1, 1, 0, 0, 0, 0, 0, 1, 0})
                .predictions(new int[] {1, 0, 1, 0, 1, 0, 0, 1, 1})
                .sensitive("race", new String[] {"A", "A", "A", "A", "B", "B", "B", "C", "C"}).build();
        return Fairness.of(data).groupBy("race").metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, FairnessMetric.DISPARATE_IMPACT,
                        FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)
                .reference("A").intervals(FIXED).clock(CLOCK).evaluate();
    }

    @Test
    void everyGroupValueOfTheReportIsTheCliValue() {
        FairnessReport report = report();
        JsonNode doc = ReportJson.toTree(report);
        int checked = 0;
        for (int g = 0; g < report.byGroup().size(); g++) {
            var row = report.byGroup().get(g);
            for (GroupMetric m : report.metrics()) {
                JsonNode inReport = doc.get("groups").get(g).get("metrics").get(m.id());
                assertThat(CliJson.value(row.values().get(m), Optional.ofNullable(row.intervals().get(m))))
                        .as("%s of %s", m.id(), row.group().label()).isEqualTo(inReport);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);
        JsonNode noted = doc.get("groups").get(0).get("metrics").get("selection_rate");
        assertThat(noted.get("interval").get("note").asText()).isEqualTo("an end fixed by the quantity's nature");
        assertThat(noted.get("interval").get("upper").asText()).isEqualTo("Infinity");
        assertThat(doc.get("groups").get(1).get("metrics").get("true_positive_rate").get("value").isNull()).isTrue();
    }

    @Test
    void anIntervalIsWrittenTheSameInsideAValueAndAlone() {
        for (Interval i : List.of(NOTED, PLAIN)) {
            assertThat(CliJson.value(MetricValue.of(0.5), Optional.of(i)).get("interval"))
                    .isEqualTo(ReportJson.tree(i));
        }
        assertThat(ReportJson.tree(PLAIN).has("note")).isFalse();
        assertThat(ReportJson.tree(NOTED).get("note").asText()).isEqualTo("an end fixed by the quantity's nature");
    }

    @Test
    void valuesOfEveryKindAgree() {
        for (MetricValue v : List.of(MetricValue.of(0.25), MetricValue.of(Double.POSITIVE_INFINITY),
                MetricValue.of(Double.NEGATIVE_INFINITY), MetricValue.undefined("no positives (TP + FN = 0)"))) {
            for (Optional<Interval> i : List.of(Optional.<Interval>empty(), Optional.of(NOTED))) {
                assertThat(CliJson.value(v, i)).isEqualTo(ReportJson.tree(EstimatedValue.of(v, i)));
            }
            assertThat(ReportJson.tree(v)).isEqualTo(CliJson.value(v, Optional.empty()));
        }
        assertThat(CliJson.value(MetricValue.of(Double.POSITIVE_INFINITY), Optional.empty()).toString())
                .isEqualTo("{\"value\":\"Infinity\"}");
        assertThat(CliJson.value(MetricValue.undefined("why"), Optional.empty()).toString())
                .isEqualTo("{\"value\":null,\"undefined\":\"why\"}");
    }

    @Test
    void aCheckVerdictWritesTheReportsDisparity() {
        FairnessReport report = report();
        JsonNode fairness = ReportJson.toTree(report).get("fairness_metrics");
        PolicyResult result = Policy.parse("policy: p\nrules:\n  - disparate_impact >= 0.8 for race\n"
                + "  - demographic_parity_difference <= 0.1 for race\n"
                + "  - equal_opportunity_difference <= 0.1 for race\n").evaluate(report);
        JsonNode verdicts = CliJson.check(result, 1).get("verdicts");
        String[] ids = {"disparate_impact", "demographic_parity_difference", "equal_opportunity_difference"};
        for (int k = 0; k < ids.length; k++) {
            ObjectNode disparity = ((ObjectNode) fairness.get(ids[k])).deepCopy();
            disparity.remove(List.of("groups", "excluded", "by_group"));
            assertThat(verdicts.get(k).get("value")).as(ids[k]).isEqualTo(disparity);
            Disparity d = report.fairness(FairnessMetric.byId(ids[k]));
            JsonNode alone = ReportJson.tree(d);
            assertThat(alone).isEqualTo(((ObjectNode) fairness.get(ids[k]).deepCopy()).without("by_group"));
        }
        assertThat(verdicts.get(0).get("value").get("interval").get("note").asText())
                .isEqualTo("an end fixed by the quantity's nature");
    }
}
