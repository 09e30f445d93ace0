package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score metrics of a binary audit ({@code --score}) through the CLI's JSON against scikit-learn 1.2.1 (via
 * Fairlearn 0.13.0 MetricFrame) in {@code ../shared/golden}; skipped with a message when {@code ../shared} is absent.
 */
class ScoreMetricsGoldenCliTest {
    @TempDir
    Path tmp;

    /**
     * compas.json {@code score_metric_frame.race}: Fairlearn MetricFrame(y_pred=score) of
     * {@code numpy.average(score, weights)}, {@code sklearn.metrics.brier_score_loss} and
     * {@code sklearn.metrics.roc_auc_score} by race, unweighted and with {@code sample_weight=weight}.
     */
    @Test
    void compasRocAucBrierAndMeanScoreByRaceMatchScikitLearn() {
        Path csv = SharedFiles.dataFile("compas-predictions.csv");
        JsonNode golden = SharedFiles.golden("compas.json").get("score_metric_frame").get("race");
        for (String block : List.of("unweighted", "weighted")) {
            String[] args = {"audit", "--data", csv.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--score", "score", "--sensitive", "race", "--metrics", "roc_auc,brier_score,mean_score,log_loss",
                "--format", "json"};
            if (block.equals("weighted")) {
                args = concat(args, "--weight", "weight");
            }
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode report = r.json().get("reports").get(0);
            assertThat(report.get("score_metrics").toString())
                    .isEqualTo("[\"roc_auc\",\"brier_score\",\"mean_score\",\"log_loss\"]");
            Map<String, JsonNode> byLabel = new TreeMap<>();
            report.get("groups").forEach(g -> byLabel.put(g.get("label").asText(), g.get("metrics")));
            JsonNode g = golden.get(block);
            for (JsonNode row : g.get("by_group")) {
                JsonNode m = byLabel.get(row.get("group").get("race").asText());
                JsonNode want = row.get("metrics");
                assertThat(m.get("roc_auc").get("value").asDouble()).as(block + " roc_auc " + row.get("group"))
                        .isCloseTo(want.get("roc_auc").asDouble(), within(1e-12));
                assertThat(m.get("brier_score").get("value").asDouble()).as(block + " brier " + row.get("group"))
                        .isCloseTo(want.get("brier_score_loss").asDouble(), within(1e-12));
                assertThat(m.get("mean_score").get("value").asDouble()).as(block + " mean score " + row.get("group"))
                        .isCloseTo(want.get("mean_score").asDouble(), within(1e-12));
                assertThat(m.get("log_loss").get("value").isNumber()).isTrue();
            }
            JsonNode overall = report.get("overall").get("metrics");
            assertThat(overall.get("roc_auc").get("value").asDouble())
                    .isCloseTo(g.get("overall").get("roc_auc").asDouble(), within(1e-12));
            assertThat(overall.get("brier_score").get("value").asDouble())
                    .isCloseTo(g.get("overall").get("brier_score_loss").asDouble(), within(1e-12));
            JsonNode auc = report.get("aggregates").get("roc_auc");
            assertThat(auc.get("difference").get("value").asDouble())
                    .isCloseTo(g.get("difference_between_groups").get("roc_auc").asDouble(), within(1e-12));
            assertThat(auc.get("ratio").get("value").asDouble())
                    .isCloseTo(g.get("ratio_between_groups").get("roc_auc").asDouble(), within(1e-12));
        }
    }

    /**
     * adult_calibration.json {@code calibration.metrics}: {@code sklearn.metrics.brier_score_loss},
     * {@code log_loss} and {@code roc_auc_score} of {@code proba} on the test split (row % 3 == 2, the rows whose
     * {@code split} is {@code test}), and the Brier score with {@code sample_weight=weight}.
     */
    @Test
    void adultTestSplitBrierLogLossAndAucMatchScikitLearn() throws IOException {
        Path adult = SharedFiles.dataFile("adult-predictions.csv");
        JsonNode golden = SharedFiles.golden("adult_calibration.json").get("calibration").get("metrics");
        Path test = tmp.resolve("adult-test.csv");
        List<String> lines = Files.readAllLines(adult, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int split = header.indexOf("split");
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(test, StandardCharsets.UTF_8)) {
            w.write(lines.get(0));
            w.newLine();
            for (String line : lines.subList(1, lines.size())) {
                if (line.split(",", -1)[split].equals("test")) {
                    w.write(line);
                    w.newLine();
                    rows++;
                }
            }
        }
        assertThat(rows).isEqualTo(golden.get("n").asLong());
        Cli.Result r = Cli.run("audit", "--data", test.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--score", "proba", "--sensitive", "sex", "--metrics", "roc_auc,brier_score,log_loss", "--format",
                "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode overall = r.json().get("reports").get(0).get("overall").get("metrics");
        assertThat(overall.get("brier_score").get("value").asDouble())
                .isCloseTo(golden.get("brier_score_loss").asDouble(), within(1e-12));
        assertThat(overall.get("log_loss").get("value").asDouble())
                .isCloseTo(golden.get("log_loss").asDouble(), within(1e-12));
        assertThat(overall.get("roc_auc").get("value").asDouble())
                .isCloseTo(golden.get("roc_auc").asDouble(), within(1e-12));
        Cli.Result weighted = Cli.run("audit", "--data", test.toString(), "--label", "y_true", "--prediction",
                "y_pred", "--score", "proba", "--weight", "weight", "--sensitive", "sex", "--metrics", "brier_score",
                "--format", "json");
        assertThat(weighted.code()).as(weighted.toString()).isZero();
        assertThat(weighted.json().get("reports").get(0).get("overall").get("metrics").get("brier_score").get("value")
                .asDouble()).isCloseTo(golden.get("brier_score_loss[sample_weight=weight]").asDouble(),
                        within(1e-12));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
