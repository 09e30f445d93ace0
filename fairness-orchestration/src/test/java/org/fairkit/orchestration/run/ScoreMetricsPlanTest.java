package org.fairkit.orchestration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Score metrics in a plan reach the runner's reports and the report JSON; a streamed source refuses them. */
class ScoreMetricsPlanTest {
    @TempDir
    Path dir;

    @Test
    void scoreMetricsOfAPlanAreInTheReportsAndTheirJson() throws IOException {
        FairnessData data = SyntheticLending.generate(2000, 3);
        AuditPlan plan = AuditPlan.builder("scores").source(AuditSource.of(data))
                .groupings(AuditGrouping.of("ethnicity").reference("Group A"))
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE)
                .scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE)
                .outputs(StandardOutputs.DETAILED_REPORT).build();
        FairnessReport report = AuditRunner.standard().run(plan, dir).reports().get(0);
        FairnessReport library = Fairness.of(data).groupBy("ethnicity").reference("Group A")
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE)
                .scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE).evaluate();
        assertThat(report.scoreMetrics()).containsExactly(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE);
        GroupKey b = GroupKey.of("ethnicity", "Group B");
        assertThat(report.value(ScoreMetrics.ROC_AUC, b)).isEqualTo(library.value(ScoreMetrics.ROC_AUC, b));

        JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(report));
        assertThat(json.get("score_metrics").toString()).isEqualTo("[\"roc_auc\",\"brier_score\"]");
        assertThat(json.get("metrics").toString()).isEqualTo("[\"count\",\"selection_rate\"]");
        JsonNode groupB = json.get("groups").get(1);
        assertThat(groupB.get("label").asText()).isEqualTo("Group B");
        assertThat(groupB.get("metrics").get("roc_auc").get("value").asDouble())
                .isEqualTo(library.value(ScoreMetrics.ROC_AUC, b).value());
        assertThat(json.get("overall").get("metrics").get("brier_score").get("value").asDouble())
                .isEqualTo(library.overall(ScoreMetrics.BRIER_SCORE).value());
        assertThat(json.get("aggregates").get("roc_auc").get("ratio").get("value").asDouble())
                .isEqualTo(library.ratio(ScoreMetrics.ROC_AUC).asDouble());
        assertThat(json.get("to_reference").get("roc_auc")).hasSize(2);
    }

    @Test
    void aReportWithoutScoreMetricsHasNoScoreMember() throws IOException {
        FairnessReport report = Fairness.of(SyntheticLending.generate(500, 1)).groupBy("sex").evaluate();
        assertThat(new ObjectMapper().readTree(ReportJson.toJson(report)).has("score_metrics")).isFalse();
    }

    @Test
    void aStreamedSourceRefusesScoreMetrics() {
        Path csv = TestData.writeCsv(TestData.randomWithGroups(2, 100, false), dir.resolve("in.csv"));
        assertThatThrownBy(() -> AuditPlan.builder("s").source(AuditSource.streamedCsv(csv, TestData.columns(false)))
                .groupings(AuditGrouping.of("a")).scoreMetrics(ScoreMetrics.ROC_AUC)
                .outputs(StandardOutputs.DETAILED_REPORT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score metrics need the rows' scores, but the source is a streamed CSV; use "
                        + "AuditSource.csv(...) to load it, or drop scoreMetrics(...)");
    }
}
