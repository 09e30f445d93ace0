package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.stats.Bayesian;
import org.fairkit.stats.Bootstrap;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports read back: on every golden data set (the synthetic rows of {@code synthetic.json}, COMPAS, Adult),
 * written, read and written again, a report is the same value and the same bytes.
 */
class StoredReportTest {

    static Stream<Arguments> goldenReports() {
        List<Arguments> out = new ArrayList<>();
        JsonNode rows = SharedFiles.golden("synthetic.json").get("dataset").get("rows");
        FairnessData synthetic = FairnessData.builder().labels(GoldenJson.ints(rows.get("y_true")))
                .predictions(GoldenJson.ints(rows.get("y_pred"))).scores(GoldenJson.doubles(rows.get("score")))
                .weights(GoldenJson.doubles(rows.get("weight")))
                .sensitive("group", GoldenJson.strings(rows.get("group")).toArray(String[]::new))
                .sensitive("group3", GoldenJson.strings(rows.get("group3")).toArray(String[]::new)).build();
        out.add(Arguments.of("synthetic by group, weighted, score metrics",
                Fairness.of(synthetic).groupBy("group").scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE)
                        .evaluate()));
        out.add(Arguments.of("synthetic by group3 x group, reference, zero division",
                Fairness.of(synthetic).groupBy("group3", "group").zeroDivision(ZeroDivision.ZERO).evaluate()));
        FairnessData compas = compas(false);
        out.add(Arguments.of("compas by race, reference Caucasian, bootstrap",
                Fairness.of(compas).groupBy("race").reference("Caucasian").minGroupSize(30)
                        .intervals(Bootstrap.bca(300).seed(42)).evaluate()));
        out.add(Arguments.of("compas by race x sex, Bayesian",
                Fairness.of(compas).groupBy("race", "sex").intervals(Bayesian.jeffreys().draws(500).seed(7))
                        .scoreMetrics(ScoreMetrics.ROC_AUC).evaluate()));
        out.add(Arguments.of("compas by sex, weighted",
                Fairness.of(compas(true)).groupBy("sex").reference("Female")
                        .fairnessMetrics(FairnessMetric.DISPARATE_IMPACT, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                        .evaluate()));
        CsvTable adult = SharedFiles.data("adult-predictions.csv");
        FairnessData adultData = FairnessData.builder().labels(adult.ints("y_true")).predictions(adult.ints("y_pred"))
                .scores(adult.doubles("proba")).sensitive("sex", adult.strings("sex"))
                .sensitive("race", adult.strings("race")).build();
        out.add(Arguments.of("adult by race, reference White, all metrics",
                Fairness.of(adultData).groupBy("race").reference("White")
                        .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                                Metrics.FALSE_POSITIVE_RATE, Metrics.ACCURACY, Metrics.F1_SCORE)
                        .intervals(Bootstrap.percentile(200).seed(1)).evaluate()));
        out.add(Arguments.of("demo lending by ethnicity",
                Fairness.of(SyntheticLending.generate(2000, 3)).groupBy(SyntheticLending.ETHNICITY)
                        .reference("Group A").evaluate()));
        return out.stream();
    }

    static FairnessData compas(boolean weighted) {
        CsvTable t = SharedFiles.data("compas-predictions.csv");
        FairnessData.Builder b = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .scores(t.doubles("score")).sensitive("race", t.strings("race")).sensitive("sex", t.strings("sex"));
        if (weighted) {
            b.weights(t.doubles("weight"));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenReports")
    void aReportReadBackIsTheSameValueAndWritesTheSameBytes(String name, FairnessReport report) {
        String json = ReportJson.toJson(report);
        StoredReport read = ReportJson.read(json);
        assertThat(read).isEqualTo(StoredReport.of(report));
        assertThat(ReportJson.write(read)).isEqualTo(json);
        assertThat(ReportJson.write(ReportJson.read(ReportJson.write(read)))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenReports")
    void theCellsOfAReportReadBackDeriveTheSameValues(String name, FairnessReport report) {
        StoredReport read = ReportJson.read(ReportJson.toJson(report));
        assertThat(read.hasCells()).isTrue();
        for (StoredReport.Group g : read.groups()) {
            assertThat(g.cells()).contains(report.results().counts(g.key()));
        }
        assertThat(read.results().values()).isEqualTo(report.results().values());
    }

    @Test
    void aDocumentWithoutCellsReadsButCannotRecomputeIntervals() {
        FairnessReport report = Fairness.of(SyntheticLending.generate(500, 2)).groupBy(SyntheticLending.SEX)
                .evaluate();
        ObjectNode tree = ReportJson.toTree(report);
        tree.withArray("groups").forEach(g -> ((ObjectNode) g).remove("cells"));
        ((ObjectNode) tree.get("overall")).remove("cells");
        String old = ReportJson.write(tree);
        StoredReport read = ReportJson.read(old);
        assertThat(read.hasCells()).isFalse();
        assertThat(ReportJson.write(read)).isEqualTo(old);
        assertThatThrownBy(read::results).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no per-group \"cells\"");
    }

    @Test
    void malformedDocumentsAreRefusedNamingTheMember() {
        assertThatThrownBy(() -> ReportJson.read("[1]")).hasMessageContaining("is a JSON object");
        assertThatThrownBy(() -> ReportJson.read("{\"schema\": \"other/2\"}"))
                .hasMessageContaining("$.schema is \"other/2\", expected \"fairkit.report/1\"");
        String json = ReportJson.toJson(Fairness.of(SyntheticLending.generate(300, 2)).groupBy("sex").evaluate());
        assertThatThrownBy(() -> ReportJson.read(json.replaceFirst("\"count\": \\d+", "\"count\": 1.5")))
                .hasMessageContaining("$.groups[0].count must be a whole number");
        assertThatThrownBy(() -> ReportJson.read(json.replace("\"evaluated_at\": \"", "\"evaluated_at\": \"x")))
                .hasMessageContaining("$.provenance.evaluated_at");
        assertThatThrownBy(() -> ReportJson.read("{not json")).hasMessageContaining("not a JSON document");
    }

    @Test
    void weightedCellsKeepTheirWeightSums() throws Exception {
        assumeTrue(Files.exists(SharedFiles.shared()), SharedFiles.SKIP_MESSAGE);
        FairnessReport report = Fairness.of(compas(true)).groupBy("race").evaluate();
        StoredReport read = ReportJson.read(ReportJson.toJson(report));
        CellCounts c = read.overall().cells().orElseThrow();
        assertThat(c.isWeighted()).isTrue();
        assertThat(c).isEqualTo(report.results().overallCounts());
        assertThat(c.total()).isGreaterThan(c.rows());
    }
}
