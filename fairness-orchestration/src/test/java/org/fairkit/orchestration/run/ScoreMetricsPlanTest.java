package org.fairkit.orchestration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void theMetricsExportCarriesTheScoreMetricsBesideTheGroupMetrics() throws IOException {
        FairnessData data = SyntheticLending.generate(2000, 3);
        AuditPlan plan = AuditPlan.builder("scores").source(AuditSource.of(data))
                .groupings(AuditGrouping.of("ethnicity").reference("Group A"))
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE).scoreMetrics(ScoreMetrics.ROC_AUC)
                .outputs(StandardOutputs.METRICS_EXPORT).build();
        AuditRunner.standard().run(plan, dir);
        FairnessReport library = Fairness.of(data).groupBy("ethnicity").reference("Group A")
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE).scoreMetrics(ScoreMetrics.ROC_AUC).evaluate();
        GroupKey b = GroupKey.of("ethnicity", "Group B");
        List<String> auc = Files.readAllLines(dir.resolve("metrics.csv")).stream()
                .filter(l -> l.contains(",roc_auc,")).toList();
        assertThat(auc).extracting(l -> l.split(",")[1]).containsExactly("group_value", "group_value",
                "group_value", "overall_value", "difference", "ratio", "difference_to_overall", "ratio_to_overall",
                "reference_difference", "reference_ratio", "reference_difference", "reference_ratio");
        assertThat(auc.get(1)).startsWith("ethnicity,group_value,roc_auc,Group B,"
                + library.results().counts(b).rows() + "," + library.value(ScoreMetrics.ROC_AUC, b).value() + ",,");
        assertThat(auc.get(5)).isEqualTo("ethnicity,ratio,roc_auc,,2000," + library.ratio(ScoreMetrics.ROC_AUC)
                .asDouble() + ",,,,,");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(json.get("records")).filteredOn(n -> n.get("metric").asText().equals("roc_auc")).hasSize(12);
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
