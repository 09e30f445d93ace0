package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.Provenance;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** The report JSON is pinned exactly for a small fixture, and agrees with the report for a larger one. */
class ReportJsonTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    /**
     * Group A: 4 rows (TP, FN, FP, TN), group B: 3 negatives (FP, TN, TN). Selection rates 1/2 and 1/3; B has no
     * positives, so its TPR is undefined.
     */
    static FairnessData fixture() {
        return FairnessData.builder().labels(new int[] {1, 1, 0, 0, 0, 0, 0})
                .predictions(new int[] {1, 0, 1, 0, 1, 0, 0})
                .sensitive("race", new String[] {"A", "A", "A", "A", "B", "B", "B"}).build();
    }

    /** A fixed interval for A's selection rate, to pin the interval encoding. */
    static final IntervalEstimator FIXED = new IntervalEstimator() {
        @Override
        public String description() {
            return "fixed test interval";
        }

        @Override
        public Map<Estimand, Interval> estimate(IntervalRequest request) {
            return Map.of(Estimand.groupValue(Metrics.SELECTION_RATE, GroupKey.of("race", "A")),
                    new Interval(0.25, 0.75, 0.95, "fixed", 100, 3));
        }
    };

    static FairnessReport fixtureReport() {
        return Fairness.of(fixture()).groupBy("race").metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                        FairnessMetric.STATISTICAL_PARITY_DIFFERENCE)
                .reference("A").intervals(FIXED).clock(CLOCK).evaluate();
    }

    @Test
    void fixtureReportSerializesToTheDocumentedShapeExactly() throws IOException {
        FairnessReport r = fixtureReport();
        String expected = Files.readString(Path.of("src/test/resources/report-fixture.json"), StandardCharsets.UTF_8)
                .replace("@VERSION@", Provenance.currentLibraryVersion())
                .replace("@SHA@", fixture().fingerprint());
        assertThat(ReportJson.toJson(r)).isEqualTo(expected);
    }

    @Test
    void everyNumberOfALargerReportIsInTheJson() throws IOException {
        FairnessData data = SyntheticLending.generate(3000, 5);
        FairnessReport r = Fairness.of(data).groupBy("ethnicity", "sex").reference("Group A", "Female")
                .minGroupSize(200).clock(CLOCK).evaluate();
        JsonNode tree = new ObjectMapper().readTree(ReportJson.toJson(r));
        assertThat(tree.get("groups")).hasSize(r.groups().size());
        for (int g = 0; g < r.groups().size(); g++) {
            JsonNode node = tree.get("groups").get(g);
            GroupKey key = r.groups().get(g);
            assertThat(node.get("label").asText()).isEqualTo(key.label());
            assertThat(node.get("count").asLong()).isEqualTo(r.results().counts(key).rows());
            for (var m : r.metrics()) {
                JsonNode v = node.get("metrics").get(m.id()).get("value");
                assertThat(v.asDouble()).isEqualTo(r.value(m, key).value());
            }
        }
        for (FairnessMetric f : r.fairnessMetrics().keySet()) {
            JsonNode v = tree.get("fairness_metrics").get(f.id());
            if (r.fairness(f).isDefined()) {
                assertThat(v.get("value").asDouble()).isEqualTo(r.fairness(f).asDouble());
            } else {
                assertThat(v.get("undefined").asText()).isEqualTo(r.fairness(f).value().reason().orElseThrow());
            }
        }
        assertThat(tree.get("warnings")).hasSize(r.warnings().size());
        assertThat(tree.get("provenance").get("rows").asLong()).isEqualTo(3000);
    }
}
