package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Metric;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkit mitigate calibrated-eo} and {@code reject-option}: on seeded lending data (what is written equals
 * the library's result; the JSON document's shape), and on the shared Adult file against AIF360's golden values
 * ({@code adult_mitigation2.json}; skipped when absent).
 */
class PostprocessCommandsTest {
    private static final double EXACT = 1e-12;

    @Test
    void calibratedEoWritesTheLibrarysProbabilitiesAndSeededDecisions(@TempDir Path tmp) throws IOException {
        Path csv = Cli.lending(tmp, 3000, 5);
        Path out = tmp.resolve("fair.csv");
        Cli.Result r = Cli.run("mitigate", "calibrated-eo", "--data", csv.toString(), "--label", "repaid", "--score",
                "score", "--sensitive", "ethnicity", "--privileged", "Group A", "--cost", "fnr", "--seed", "9",
                "--write", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        FairnessData data = SyntheticLending.generate(3000, 5);
        CalibratedEqualizedOdds.Fitted f = CalibratedEqualizedOdds.cost(Cost.FALSE_NEGATIVE_RATE)
                .privileged("Group A").seed(9).groupBy("ethnicity").fit(data);
        double[] p = f.probabilityOfPositive(data);
        int[] fair = f.predict(data);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id,ethnicity,sex,repaid,score,approved,fair_probability,fair_prediction");
        assertThat(lines).hasSize(3001);
        for (int i = 0; i < 3000; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Double.parseDouble(cells[6])).isEqualTo(p[i]);
            assertThat(Integer.parseInt(cells[7])).isEqualTo(fair[i]);
        }
        assertThat(r.out()).startsWith("CalibratedEqualizedOdds: cost fnr, threshold 0.5, seed 9; privileged Group A, "
                + "unprivileged [Group B, Group C]\n").contains("On the fitting rows (expected values");
    }

    @Test
    void rejectOptionPrintsTheMitigateDocument(@TempDir Path tmp) throws IOException {
        Path csv = Cli.lending(tmp, 3000, 6);
        Path out = tmp.resolve("fair.csv");
        Cli.Result r = Cli.run("mitigate", "reject-option", "--data", csv.toString(), "--label", "repaid", "--score",
                "score", "--sensitive", "ethnicity", "--privileged", "Group A", "--metric", "average_odds",
                "--bound", "0.02", "--write", out.toString(), "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.path("schema").asText()).isEqualTo("fairkit.cli.mitigate/1");
        assertThat(doc.path("method").asText()).isEqualTo("reject_option");
        FairnessData data = SyntheticLending.generate(3000, 6);
        RejectOptionClassification.Fitted f = RejectOptionClassification.metric(Metric.AVERAGE_ODDS).bound(0.02)
                .privileged("Group A").groupBy("ethnicity").fit(data);
        JsonNode model = doc.path("model");
        assertThat(model.path("classification_threshold").asDouble()).isEqualTo(f.classificationThreshold());
        assertThat(model.path("roc_margin").asDouble()).isEqualTo(f.margin());
        assertThat(model.path("feasible").asBoolean()).isTrue();
        assertThat(model.path("grid_replay").isNull()).isTrue();
        assertThat(Math.abs(model.path("fit_metric").asDouble())).isLessThanOrEqualTo(0.02);
        assertThat(doc.path("fit").path("balanced_accuracy").asDouble()).isCloseTo(f.balancedAccuracy(),
                within(EXACT));
        assertThat(doc.path("fit").path("groups").fieldNames()).toIterable()
                .containsExactly("Group A", "Group B", "Group C");
        for (String k : new String[] {"rows", "selection_rate", "true_positive_rate", "false_positive_rate",
            "accuracy", "balanced_accuracy"}) {
            assertThat(doc.path("evaluate").path("groups").path("Group B").has(k)).as(k).isTrue();
        }
        int[] fair = f.predict(data);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id,ethnicity,sex,repaid,score,approved,fair_prediction");
        for (int i = 0; i < 3000; i++) {
            assertThat(Integer.parseInt(lines.get(i + 1).split(",")[6])).isEqualTo(fair[i]);
        }
    }

    @Test
    void badChoicesAreBadInput(@TempDir Path tmp) {
        Path csv = Cli.lending(tmp, 200, 1);
        Cli.Result r = Cli.run("mitigate", "reject-option", "--data", csv.toString(), "--label", "repaid", "--score",
                "score", "--sensitive", "ethnicity", "--privileged", "Group A", "--metric", "spd");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--metric: unknown metric 'spd'; valid: statistical_parity, average_odds, "
                + "equal_opportunity");
        Cli.Result c = Cli.run("mitigate", "calibrated-eo", "--data", csv.toString(), "--label", "repaid", "--score",
                "score", "--sensitive", "ethnicity", "--privileged", "Group Z");
        assertThat(c.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(c.err()).contains("calibrated equalized odds: privileged group 'Group Z' is not a group of group "
                + "in the fitting data; expected one of [Group A, Group B, Group C]");
    }

    @Test
    void calibratedEoOnAdultMatchesAif360(@TempDir Path tmp) {
        Path csv = SharedFiles.dataFile("adult-predictions.csv");
        JsonNode golden = SharedFiles.golden("adult_mitigation2.json").path("calibrated_eq_odds");
        for (String cost : new String[] {"fnr", "fpr", "weighted"}) {
            Cli.Result r = Cli.run("mitigate", "calibrated-eo", "--data", csv.toString(), "--label", "y_true",
                    "--score", "proba", "--sensitive", "sex", "--privileged", "Male", "--cost", cost,
                    "--fit-where", "split=train", "--format", "json");
            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode doc = r.json();
            JsonNode block = golden.path(cost);
            assertThat(doc.path("model").path("unprivileged_role").path("aif360_mix_rate").asDouble())
                    .isCloseTo(block.path("unpriv_mix_rate").asDouble(), within(EXACT));
            assertThat(doc.path("model").path("privileged_role").path("aif360_mix_rate").asDouble())
                    .isCloseTo(block.path("priv_mix_rate").asDouble(), within(EXACT));
            assertThat(doc.path("model").path("equalized").asBoolean())
                    .isEqualTo(!block.path("mix_rate_outside_0_1").asBoolean());
            compare(doc.path("evaluate"), block.path("expected_test"));
            assertThat(doc.path("fit").path("rows").asInt()).isEqualTo(21708);
        }
    }

    @Test
    void rejectOptionOnAdultWithAif360sGridMatchesAif360() {
        Path csv = SharedFiles.dataFile("adult-predictions.csv");
        JsonNode block = SharedFiles.golden("adult_mitigation2.json").path("reject_option_classification");
        Cli.Result r = Cli.run("mitigate", "reject-option", "--data", csv.toString(), "--label", "y_true",
                "--score", "proba", "--sensitive", "sex", "--privileged", "Male", "--search", "aif360_grid",
                "--fit-where", "split=train", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.path("model").path("classification_threshold").asDouble())
                .isEqualTo(block.path("classification_threshold").asDouble());
        assertThat(doc.path("model").path("roc_margin").asDouble()).isEqualTo(block.path("ROC_margin").asDouble());
        assertThat(doc.path("model").path("grid_replay").path("feasible").asInt())
                .isEqualTo(block.path("grid_replay").path("n_feasible").asInt());
        compare(doc.path("fit"), block.path("train"));
        compare(doc.path("evaluate"), block.path("test"));
    }

    private static void compare(JsonNode rates, JsonNode golden) {
        for (String[] g : new String[][] {{"Male", "privileged"}, {"Female", "unprivileged"}}) {
            JsonNode ours = rates.path("groups").path(g[0]);
            JsonNode theirs = golden.path(g[1]);
            assertThat(ours.path("rows").asInt()).isEqualTo(theirs.path("n").asInt());
            for (String k : new String[] {"selection_rate", "true_positive_rate", "false_positive_rate", "accuracy",
                "balanced_accuracy"}) {
                assertThat(ours.path(k).asDouble()).as(g[0] + " " + k).isCloseTo(theirs.path(k).asDouble(),
                        within(EXACT));
            }
        }
        for (String k : new String[] {"selection_rate", "true_positive_rate", "false_positive_rate", "accuracy",
            "balanced_accuracy"}) {
            assertThat(rates.path(k).asDouble()).as("overall " + k).isCloseTo(golden.path("overall").path(k)
                    .asDouble(), within(EXACT));
        }
    }
}
