package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeOffCommandTest {
    @TempDir
    Path dir;

    /** Seeded lending rows with a split column: the first 60% train, the rest test. */
    private Path lending(int rows, long seed) throws IOException {
        FairnessData d = SyntheticLending.generate(rows, seed);
        StringBuilder b = new StringBuilder("ethnicity,repaid,score,split\n");
        for (int i = 0; i < rows; i++) {
            b.append(d.sensitive(SyntheticLending.ETHNICITY).level(i)).append(',').append(d.label(i)).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", d.score(i))).append(',')
                    .append(i < rows * 6 / 10 ? "train" : "test").append('\n');
        }
        Path f = dir.resolve("lending.csv");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> args(Path f, String... more) {
        List<String> a = new ArrayList<>(List.of("tradeoff", "--data", f.toString(), "--label", "repaid", "--score",
                "score", "--sensitive", "ethnicity", "--fit-where", "split=train", "--resamples", "200"));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void theTableListsEveryPointStarsTheParetoOnesAndMarksOneRecommendation() throws IOException {
        Cli.Result r = Cli.run(args(lending(3000, 1)).toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("threshold optimizer (demographic_parity, maximizing accuracy) on "
                + dir.resolve("lending.csv") + ": fitted on 1800 rows (--fit-where split=train), evaluated on 1200");
        assertThat(lines.get(1)).isEqualTo("Trade-off over tolerance on 1200 held-out rows: accuracy against "
                + "demographic_parity_difference");
        assertThat(lines.subList(3, 11)).hasSize(8);
        assertThat(lines.stream().filter(l -> l.startsWith(">*"))).hasSize(1);
        // on 1,200 held-out rows no interval lies within 0.05 of parity: the least-disparity Pareto point is picked
        assertThat(r.out()).contains("* Pareto-optimal; > recommended: no Pareto-optimal point's "
                + "demographic_parity_difference interval lies within 0.0500 of parity; tolerance = 0 has the "
                + "least disparity", "all 8 points are listed");
        assertThat(lines.get(3)).startsWith(">*     0.0000");
        // with a looser bound every point qualifies: the most accurate wins, ties going to the smaller tolerance
        Cli.Result loose = Cli.run(args(lending(3000, 1), "--bound", "0.2").toArray(new String[0]));
        assertThat(loose.out()).contains("> recommended: tolerance = 0.1 has the best accuracy");
        assertThat(loose.out().lines().filter(l -> l.startsWith(">*"))).containsExactly(
                ">*     0.1000      0.6967  [0.6699, 0.7234]          0.0742  [0.0000, 0.1516]    ");
    }

    @Test
    void jsonFollowsTheTradeoffSchema() throws IOException {
        Cli.Result r = Cli.run(args(lending(3000, 2), "--format", "json", "--values", "0,0.05,0.1,0.2",
                "--constraint", "equalized_odds").toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("schema").asText()).isEqualTo("fairkit.cli.tradeoff/1");
        assertThat(j.path("disparity").asText()).isEqualTo("equalized_odds_difference");
        assertThat(j.path("knob").asText()).isEqualTo("tolerance");
        assertThat(j.path("fit_rows").asInt()).isEqualTo(1800);
        assertThat(j.path("evaluate_rows").asInt()).isEqualTo(1200);
        assertThat(j.path("points")).hasSize(4);
        List<Integer> pareto = new ArrayList<>();
        for (JsonNode p : j.path("points")) {
            assertThat(p.path("metric").path("interval").path("lower").asDouble())
                    .isLessThanOrEqualTo(p.path("metric").path("value").asDouble());
            assertThat(p.path("disparity").has("interval")).isTrue();
            if (p.path("pareto").asBoolean()) {
                pareto.add(p.path("index").asInt());
            }
        }
        List<Integer> listed = new ArrayList<>();
        j.path("pareto").forEach(x -> listed.add(x.asInt()));
        assertThat(listed).isEqualTo(pareto);
        assertThat(pareto).contains(j.path("recommended").asInt());
        assertThat(j.path("reason").asText()).isNotBlank();
    }

    @Test
    void theDashboardGainsTheTradeOffChart() throws IOException {
        Path out = dir.resolve("tradeoff.html");
        Cli.Result r = Cli.run(args(lending(2000, 3), "--dashboard", out.toString()).toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        String page = Files.readString(out);
        assertThat(page).contains("id=\"trade-off\"", "id=\"trade-off-chart\"", "class=\"fk-frontier\"",
                "Recommended:");
        assertThat(r.out()).contains("Wrote " + out);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path f = lending(500, 4);
        Cli.Result unknown = Cli.run(args(f, "--method", "boosting").toArray(new String[0]));
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("--method: unknown method 'boosting'; valid: threshold, "
                + "exponentiated_gradient, grid_search");
        List<String> noScore = new ArrayList<>(args(f));
        int i = noScore.indexOf("--score");
        noScore.remove(i);
        noScore.remove(i);
        Cli.Result missing = Cli.run(noScore.toArray(new String[0]));
        assertThat(missing.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("--method threshold needs --score COLUMN");
        Cli.Result reference = Cli.run(args(f, "--disparity", "disparate_impact").toArray(new String[0]));
        assertThat(reference.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(reference.err()).contains("disparate_impact needs a reference group");
        Cli.Result level = Cli.run(args(f, "--level", "1.5").toArray(new String[0]));
        assertThat(level.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(level.err()).contains("--level: expected a number in (0, 1), got 1.5");
        Cli.Result dup = Cli.run(args(f, "--values", "0.1,0.1").toArray(new String[0]));
        assertThat(dup.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(dup.err()).contains("knob value 0.1 appears twice");
    }

    @Test
    void withoutFitWhereTheEvaluationIsInSampleAndSaysSo() throws IOException {
        List<String> a = new ArrayList<>(args(lending(1000, 5)));
        int i = a.indexOf("--fit-where");
        a.remove(i);
        a.remove(i);
        Cli.Result r = Cli.run(a.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fitted on 1000 rows (all rows, so the evaluation is in-sample and optimistic");
    }

    @Test
    void onTheAdultSplitTheToleranceSweepIsHeldOut() throws IOException {
        Path adult = SharedFiles.dataFile("adult-predictions.csv");
        Cli.Result r = Cli.run("tradeoff", "--data", adult.toString(), "--label", "y_true", "--score", "proba",
                "--sensitive", "sex", "--fit-where", "split=train", "--format", "json", "--values", "0,0.05,0.2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("fit_rows").asInt()).isEqualTo(21708);
        assertThat(j.path("evaluate_rows").asInt()).isEqualTo(10853);
        // a larger tolerance is a larger feasible set: on held-out rows the trend holds here with a margin
        double a0 = j.path("points").get(0).path("metric").path("value").asDouble();
        double a2 = j.path("points").get(2).path("metric").path("value").asDouble();
        assertThat(a2).isGreaterThan(a0);
        assertThat(j.path("points").get(0).path("disparity").path("value").asDouble())
                .isLessThan(j.path("points").get(2).path("disparity").path("value").asDouble());
    }

    /** Rows with two numeric features, a group that shifts the first, labels from a logistic model, a split. */
    private Path featureRows(int rows, long seed) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        StringBuilder b = new StringBuilder("f1,f2,group,y,split\n");
        for (int i = 0; i < rows; i++) {
            boolean minority = r.nextDouble() < 0.4;
            double a = r.nextGaussian() - (minority ? 0.8 : 0);
            double c = r.nextGaussian();
            int y = r.nextDouble() < 1 / (1 + Math.exp(-(1.5 * a + 0.7 * c + 0.2))) ? 1 : 0;
            b.append(String.format(Locale.ROOT, "%.6f,%.6f,%s,%d,%s%n", a, c, minority ? "b" : "a", y,
                    i < rows * 6 / 10 ? "train" : "test"));
        }
        Path f = dir.resolve("features.csv");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void exponentiatedGradientSweepsEpsOnHeldOutRows() throws IOException {
        Path f = featureRows(1500, 7);
        Cli.Result r = Cli.run("tradeoff", "--data", f.toString(), "--label", "y", "--sensitive", "group",
                "--features", "f1,f2", "--method", "exponentiated_gradient", "--fit-where", "split=train",
                "--values", "0.01,0.05", "--resamples", "200", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("knob").asText()).isEqualTo("eps");
        assertThat(j.path("method").asText()).isEqualTo("exponentiated_gradient");
        assertThat(j.path("evaluate_rows").asInt()).isEqualTo(600);
        assertThat(j.path("points")).hasSize(2);
        assertThat(j.path("points").get(0).has("lambda")).isFalse();
        assertThat(j.path("points").get(0).path("randomized").isBoolean()).isTrue();
    }

    @Test
    void gridSearchSweepsItsGridPointsWithTheirMultipliers() throws IOException {
        Path f = featureRows(1500, 8);
        Cli.Result r = Cli.run("tradeoff", "--data", f.toString(), "--label", "y", "--sensitive", "group",
                "--features", "f1,f2", "--method", "grid_search", "--grid-size", "5", "--fit-where", "split=train",
                "--resamples", "200", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("knob").asText()).isEqualTo("grid_point");
        assertThat(j.path("points")).hasSize(5);
        for (JsonNode p : j.path("points")) {
            // demographic parity, two groups: the multipliers of (+, all, a), (+, all, b), (-, all, a), (-, all, b)
            assertThat(p.path("lambda").size()).isEqualTo(4);
            assertThat(p.path("randomized").asBoolean()).isFalse();
        }
        Cli.Result table = Cli.run("tradeoff", "--data", f.toString(), "--label", "y", "--sensitive", "group",
                "--features", "f1,f2", "--method", "grid_search", "--grid-size", "5", "--fit-where", "split=train",
                "--resamples", "200");
        assertThat(table.out()).startsWith("grid search (demographic_parity");
        Cli.Result noFeatures = Cli.run("tradeoff", "--data", f.toString(), "--label", "y", "--sensitive", "group",
                "--method", "grid_search");
        assertThat(noFeatures.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noFeatures.err()).contains("--method grid_search needs --features COLUMN,...");
        Cli.Result badPoint = Cli.run("tradeoff", "--data", f.toString(), "--label", "y", "--sensitive", "group",
                "--features", "f1,f2", "--method", "grid_search", "--grid-size", "5", "--values", "9");
        assertThat(badPoint.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badPoint.err()).contains("grid point: expected an index in 0..4, got 9.0");
        Cli.Result errorRate = Cli.run("tradeoff", "--data", f.toString(), "--label", "y", "--sensitive", "group",
                "--features", "f1,f2", "--method", "grid_search", "--constraint", "error_rate_parity");
        assertThat(errorRate.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(errorRate.err()).contains("pass --disparity ID");
    }
}
