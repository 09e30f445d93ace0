package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.fairkit.mitigation.reductions.ExponentiatedGradient;
import org.fairkit.mitigation.reductions.FeatureMatrix;
import org.fairkit.mitigation.reductions.LogisticRegression;
import org.fairkit.mitigation.reductions.ParityConstraint;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkit mitigate reduce}: the {@code fairkit.cli.mitigate/1} contract on seeded synthetic data (always) and
 * on the shared Adult file against {@code adult_mitigation2.json} (Fairlearn 0.13; skipped when absent).
 */
class ReduceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A seeded synthetic file: id, group (A/B), x1, x2, label, split (every third row is test). */
    static Path synthetic(Path dir, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,group,x1,x2,label,split\n");
        for (int i = 0; i < n; i++) {
            boolean a = r.nextDouble() < 0.4;
            double x1 = r.nextDouble() * 2 - 1 + (a ? 0.5 : 0);
            double x2 = r.nextDouble() * 2 - 1;
            double f = 1.5 * x1 - x2 + (a ? 0.4 : -0.2);
            int y = r.nextDouble() < 1 / (1 + Math.exp(-f)) ? 1 : 0;
            sb.append(String.format(Locale.ROOT, "%d,%s,%.6f,%.6f,%d,%s%n", i, a ? "A" : "B", x1, x2, y,
                    i % 3 == 2 ? "test" : "train"));
        }
        Path file = dir.resolve("synthetic-" + seed + ".csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void exponentiatedGradientOnSyntheticDataEqualsTheLibraryAndWritesTheColumns(@TempDir Path tmp)
            throws IOException {
        Path csv = synthetic(tmp, 1500, 11);
        Path out = tmp.resolve("fair.csv");
        Cli.Result r = Cli.run("mitigate", "reduce", "--data", csv.toString(), "--label", "label", "--features",
                "x1,x2", "--sensitive", "group", "--method", "exponentiated_gradient", "--constraint",
                "demographic_parity", "--fit-where", "split=train", "--seed", "3", "--write", out.toString(),
                "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.mitigate/1");
        assertThat(doc.get("method").asText()).isEqualTo("exponentiated_gradient");
        assertThat(doc.get("constraint").asText()).isEqualTo("demographic_parity");
        assertThat(doc.get("fit").get("rows").asInt()).isEqualTo(1000);
        assertThat(doc.get("evaluate").get("rows").asInt()).isEqualTo(500);
        for (String k : List.of("accuracy", "disparity", "disparity_between_groups", "selection_rate")) {
            assertThat(doc.get("fit").has(k)).as(k).isTrue();
            assertThat(doc.get("evaluate").has(k)).as(k).isTrue();
        }
        assertThat(doc.get("model").get("oracle_calls").asInt()).isPositive();
        assertThat(doc.has("grid")).isFalse();

        // the same fit through the library: features standardized with the fitting rows' mean and std
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> g = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (c[5].equals("train")) {
                x.add(new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3])});
                y.add(Integer.parseInt(c[4]));
                g.add(c[1]);
            }
        }
        ExponentiatedGradient.Fitted eg = ExponentiatedGradient
                .constraint(ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY))
                .learner(LogisticRegression.l2(1.0).standardized()).seed(3)
                .fit(FeatureMatrix.ofRows(x.toArray(new double[0][])), y.stream().mapToInt(Integer::intValue).toArray(),
                        g.toArray(new String[0]), null);
        double[] weights = eg.weights();
        for (int j = 0; j < weights.length; j++) {
            assertThat(doc.get("model").get("weights").get(j).asDouble()).isEqualTo(weights[j]);
        }
        double[] p = eg.probabilityOfPositive(FeatureMatrix.ofRows(x.toArray(new double[0][])));
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += 1 - Math.abs(p[i] - y.get(i));
        }
        assertThat(doc.get("fit").get("accuracy").asDouble()).isCloseTo(acc / p.length, within(1e-12));

        List<String> written = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(written.get(0)).isEqualTo("id,group,x1,x2,label,split,fair_prediction,fair_probability");
        assertThat(written).hasSize(1501);
        Cli.Result again = Cli.run("mitigate", "reduce", "--data", csv.toString(), "--label", "label", "--features",
                "x1,x2", "--sensitive", "group", "--method", "exponentiated_gradient", "--constraint",
                "demographic_parity", "--fit-where", "split=train", "--seed", "3", "--format", "json");
        assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void gridSearchOnSyntheticDataPrintsTheGridBestIndexAndParetoPoints(@TempDir Path tmp) throws IOException {
        Path csv = synthetic(tmp, 1200, 5);
        Cli.Result r = Cli.run("mitigate", "reduce", "--data", csv.toString(), "--label", "label", "--features",
                "x1,x2", "--sensitive", "group", "--method", "grid_search", "--constraint", "equalized_odds",
                "--grid-size", "7", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("grid")).hasSize(7);
        assertThat(doc.get("fit").get("rows").asInt()).isEqualTo(1200);
        assertThat(doc.get("evaluate")).isEqualTo(doc.get("fit"));
        int best = doc.get("best_index").asInt();
        assertThat(doc.get("grid").get(best).get("fit")).isEqualTo(doc.get("fit"));
        assertThat(doc.get("pareto").size()).isPositive();
        Cli.Result table = Cli.run("mitigate", "reduce", "--data", csv.toString(), "--label", "label",
                "--features", "x1,x2", "--sensitive", "group", "--method", "grid_search", "--constraint",
                "equalized_odds", "--grid-size", "7");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("GridSearch.Fitted[equalized_odds").contains("best grid point " + best)
                .contains("selection rate A");
    }

    @Test
    void badInputIsABadInputExitNamingTheOptionOrCell(@TempDir Path tmp) throws IOException {
        Path csv = synthetic(tmp, 30, 1);
        Cli.Result method = Cli.run("mitigate", "reduce", "--data", csv.toString(), "--label", "label",
                "--features", "x1", "--sensitive", "group", "--method", "boosting", "--constraint",
                "demographic_parity");
        assertThat(method.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(method.err()).contains("--method: got 'boosting'");
        Cli.Result constraint = Cli.run("mitigate", "reduce", "--data", csv.toString(), "--label", "label",
                "--features", "x1", "--sensitive", "group", "--method", "grid_search", "--constraint", "parity");
        assertThat(constraint.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(constraint.err()).contains("unknown constraint 'parity'").contains("error_rate_parity");
        Cli.Result feature = Cli.run("mitigate", "reduce", "--data", csv.toString(), "--label", "label",
                "--features", "group", "--sensitive", "group", "--method", "grid_search", "--constraint",
                "demographic_parity");
        assertThat(feature.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(feature.err()).contains("column 'group'").contains("line 2").contains("expected a finite number");
    }

    @Test
    void adultExponentiatedGradientMatchesFairlearn(@TempDir Path tmp) throws IOException {
        Path data = SharedFiles.dataFile("adult-predictions.csv");
        for (String block : List.of("DemographicParity", "EqualizedOdds")) {
            String id = block.equals("DemographicParity") ? "demographic_parity" : "equalized_odds";
            JsonNode g = SharedFiles.golden("adult_mitigation2.json").path("exponentiated_gradient").path(block);
            Cli.Result r = Cli.run("mitigate", "reduce", "--data", data.toString(), "--label", "y_true",
                    "--features", "age,education_num,hours_per_week,fnlwgt", "--sensitive", "sex", "--method",
                    "exponentiated_gradient", "--constraint", id, "--fit-where", "split=train", "--format", "json",
                    "--write", tmp.resolve(id + ".csv").toString());
            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("model").get("oracle_calls").asInt()).isEqualTo(g.get("n_oracle_calls_").asInt());
            assertThat(doc.get("model").get("predictors")).hasSize(g.get("n_predictors").asInt());
            compare(doc.get("fit"), g.get("expected_train"));
            compare(doc.get("evaluate"), g.get("expected_test"));
        }
    }

    @Test
    void adultGridSearchMatchesFairlearn() throws IOException {
        Path data = SharedFiles.dataFile("adult-predictions.csv");
        for (String block : List.of("DemographicParity", "EqualizedOdds")) {
            String id = block.equals("DemographicParity") ? "demographic_parity" : "equalized_odds";
            JsonNode g = SharedFiles.golden("adult_mitigation2.json").path("grid_search").path(block);
            Cli.Result r = Cli.run("mitigate", "reduce", "--data", data.toString(), "--label", "y_true",
                    "--features", "age,education_num,hours_per_week,fnlwgt", "--sensitive", "sex", "--method",
                    "grid_search", "--constraint", id, "--fit-where", "split=train", "--format", "json");
            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("best_index").asInt()).isEqualTo(g.get("best_idx_").asInt());
            assertThat(GoldenJson.ints(doc.get("pareto")))
                    .containsExactly(GoldenJson.ints(g.get("pareto").get("test_disparity_moment_max")));
            List<JsonNode> points = GoldenJson.elements(g.get("points"));
            for (int i = 0; i < points.size(); i++) {
                JsonNode point = doc.get("grid").get(i);
                assertThat(GoldenJson.doubles(point.get("lambda")))
                        .containsExactly(GoldenJson.doubles(points.get(i).get("lambda_vec")));
                for (String split : List.of("train", "test")) {
                    JsonNode mine = point.get(split.equals("train") ? "fit" : "evaluate");
                    JsonNode theirs = points.get(i).get(split);
                    for (String k : List.of("accuracy", "disparity", "disparity_between_groups")) {
                        assertThat(mine.get(k).asDouble()).as("%s point %d %s %s", block, i, split, k)
                                .isCloseTo(GoldenJson.number(theirs.get(k)), within(1e-4));
                    }
                }
            }
        }
    }

    private static void compare(JsonNode mine, JsonNode golden) {
        assertThat(mine.get("rows").asInt()).isEqualTo(golden.get("n").asInt());
        for (String k : List.of("accuracy", "disparity", "disparity_between_groups")) {
            assertThat(mine.get(k).asDouble()).as(k).isCloseTo(GoldenJson.number(golden.get(k)), within(1e-4));
        }
        JsonNode rates = golden.get("rates_by_group");
        if (rates.has("overall")) {
            mine.get("selection_rate").fieldNames().forEachRemaining(grp -> assertThat(
                    mine.get("selection_rate").get(grp).asDouble()).isCloseTo(GoldenJson.number(rates.get(grp)),
                            within(1e-4)));
        } else {
            for (String ev : List.of("label=0", "label=1")) {
                rates.get(ev).fieldNames().forEachRemaining(k -> assertThat(mine.get("rates").get(ev).get(k)
                        .asDouble()).as(ev + " " + k).isCloseTo(GoldenJson.number(rates.get(ev).get(k)),
                                within(1e-4)));
            }
        }
    }
}
