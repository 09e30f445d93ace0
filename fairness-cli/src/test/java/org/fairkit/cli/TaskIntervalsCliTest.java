package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.fairkit.core.datasets.SyntheticCreditLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --bootstrap N}: regression metrics and a binary audit's score metrics carry intervals in the JSON, and the
 * table output prints the score metrics' intervals too.
 */
class TaskIntervalsCliTest {
    @TempDir
    static Path dir;

    private static void covers(JsonNode value) {
        assertThat(value.has("interval")).as(value.toString()).isTrue();
        JsonNode i = value.get("interval");
        assertThat(i.get("lower").asDouble()).isLessThanOrEqualTo(value.get("value").asDouble());
        assertThat(i.get("upper").asDouble()).isGreaterThanOrEqualTo(value.get("value").asDouble());
        assertThat(i.get("level").asDouble()).isEqualTo(0.95);
    }

    @Test
    void regressionBootstrapIntervalsAreSeededAndOnEveryGroupAndDisparity() throws IOException {
        Path f = dir.resolve("limits.csv");
        SyntheticCreditLimits.builder().rows(2000).seed(3).build().writeCsv(f);
        String[] args = {"audit", "--data", f.toString(), "--target", "y", "--prediction", "y_hat", "--sensitive",
            "sex", "--metrics", "mae,rmse", "--bootstrap", "200", "--seed", "5", "--format", "json"};
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode rep = r.json().get("reports").get(0);
        for (JsonNode g : rep.get("groups")) {
            covers(g.get("metrics").get("mean_absolute_error"));
        }
        covers(rep.get("aggregates").get("mean_absolute_error").get("difference"));
        covers(rep.get("fairness_metrics").get("bounded_group_loss_absolute"));
        assertThat(Cli.run(args).out()).isEqualTo(r.out());
        Cli.Result bayes = Cli.run("audit", "--data", f.toString(), "--target", "y", "--prediction", "y_hat",
                "--sensitive", "sex", "--bayes");
        assertThat(bayes.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bayes.err()).isEqualTo("fairkit audit: error: --bayes is not available for a regression audit; "
                + "use --bootstrap N (a stratified row bootstrap)" + System.lineSeparator());
    }

    @Test
    void binaryScoreMetricsGainIntervalsWithBootstrap() {
        Path lending = Cli.lending(dir, 2000, 4);
        Cli.Result r = Cli.run(Cli.audit(lending, "--score", "score", "--bootstrap", "200", "--format", "json"));
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode rep = r.json().get("reports").get(0);
        for (JsonNode g : rep.get("groups")) {
            covers(g.get("metrics").get("roc_auc"));
            covers(g.get("metrics").get("brier_score"));
            covers(g.get("metrics").get("selection_rate"));
        }
        covers(rep.get("overall").get("metrics").get("roc_auc"));
        covers(rep.get("aggregates").get("roc_auc").get("difference"));
        Cli.Result delong = Cli.run(Cli.audit(lending, "--score", "score", "--bayes", "--format", "json"));
        JsonNode g = delong.json().get("reports").get(0).get("groups").get(0).get("metrics");
        covers(g.get("roc_auc"));
        assertThat(g.get("brier_score").has("interval")).isFalse();
    }

    /** The table output prints the same score-metric intervals as the JSON, after the report, as a table. */
    @Test
    void theTableOutputShowsTheScoreIntervalsOfTheJson() {
        Path lending = Cli.lending(dir, 2000, 4);
        for (String[] method : new String[][] {{"--bootstrap", "200"}, {"--bayes"}}) {
            String[] extra = method.length == 2 ? new String[] {"--score", "score", method[0], method[1]}
                : new String[] {"--score", "score", method[0]};
            Cli.Result text = Cli.run(Cli.audit(lending, extra));
            assertThat(text.code()).as(text.toString()).isZero();
            String[] withJson = java.util.Arrays.copyOf(extra, extra.length + 2);
            withJson[extra.length] = "--format";
            withJson[extra.length + 1] = "json";
            JsonNode rep = Cli.run(Cli.audit(lending, withJson)).json().get("reports").get(0);
            String out = text.out();
            int block = out.indexOf("score-metric intervals: ");
            assertThat(block).as(out).isPositive();
            String tail = out.substring(block);
            java.util.List<String> metrics = method.length == 2 ? java.util.List.of("roc_auc", "brier_score")
                : java.util.List.of("roc_auc");
            assertThat(tail.lines().skip(1).findFirst().orElseThrow().split(" +"))
                    .containsExactly(java.util.stream.Stream.concat(java.util.stream.Stream.of("group"),
                            metrics.stream()).toArray(String[]::new));
            for (JsonNode g : rep.get("groups")) {
                StringBuilder row = new StringBuilder(g.get("label").asText());
                for (String m : metrics) {
                    row.append("  ").append(interval(g.get("metrics").get(m)));
                }
                assertThat(tail.lines().map(l -> l.replaceAll(" +", " ")))
                        .contains(row.toString().replaceAll(" +", " "));
            }
            assertThat(tail.lines().map(l -> l.replaceAll(" +", " ")))
                    .contains(("difference " + interval(rep.get("aggregates").get("roc_auc").get("difference"))
                            + (metrics.size() == 2 ? " " + interval(rep.get("aggregates").get("brier_score")
                                    .get("difference")) : "")));
        }
    }

    private static String interval(JsonNode value) {
        JsonNode i = value.get("interval");
        return String.format(java.util.Locale.ROOT, "[%.4f, %.4f]", i.get("lower").asDouble(),
                i.get("upper").asDouble());
    }
}
