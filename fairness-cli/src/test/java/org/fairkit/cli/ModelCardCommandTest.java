package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.stats.Bootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkit model-card}: a report file in, the card's three files out. */
class ModelCardCommandTest {
    @TempDir
    Path dir;

    Path report(String name, String... groupBy) throws IOException {
        FairnessReport r = Fairness.of(SyntheticLending.generate(3000, 11)).groupBy(groupBy)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .intervals(Bootstrap.percentile(100).seed(1)).evaluate();
        Path file = dir.resolve(name);
        Files.writeString(file, ReportJson.toJson(r));
        return file;
    }

    @Test
    void writesTheCardTheMarkdownAndTheMlflowFile() throws IOException {
        Path byEthnicity = report("ethnicity.json", SyntheticLending.ETHNICITY);
        Path bySex = report("sex.json", SyntheticLending.SEX);
        Path out = dir.resolve("card");

        Cli.Result r = Cli.run("model-card", "--report", byEthnicity.toString(), "--report", bySex.toString(),
                "--model", "credit", "--model-version", "v7", "--intended-use", "Pre-screening",
                "--out-of-scope", "Hiring", "--evaluation-data", "3,000 synthetic applications",
                "--caveat", "Synthetic data", "--out", out.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Model card of credit v7 (2 grouping(s), ")
                .contains(out.resolve("model-card.json").toString()).contains(out.resolve("mlflow.json").toString());
        JsonNode card = new ObjectMapper().readTree(out.resolve("model-card.json").toFile());
        assertThat(card.get("schema").asText()).isEqualTo("fairkit.model-card/1");
        assertThat(card.get("quantitative_analyses")).hasSize(2);
        assertThat(card.at("/quantitative_analyses/0/by_group/0/metrics/selection_rate/interval/level").asDouble())
                .isEqualTo(0.95);
        assertThat(card.at("/intended_use/out_of_scope/0").asText()).isEqualTo("Hiring");
        assertThat(card.at("/caveats/0").asText()).isEqualTo("Synthetic data");
        assertThat(Files.readString(out.resolve("model-card.md")))
                .startsWith("# Model card (fairness): credit v7\n\n## Intended use\n\nPre-screening\n\n")
                .contains("### By ethnicity").contains("### By sex");
        JsonNode mlflow = new ObjectMapper().readTree(out.resolve("mlflow.json").toFile());
        assertThat(mlflow.get("schema").asText()).isEqualTo("fairkit.mlflow/1");
        assertThat(mlflow.at("/metrics").has("fairness/sex/demographic_parity_ratio")).isTrue();
        assertThat(mlflow.at("/tags/model.version").asText()).isEqualTo("v7");
    }

    @Test
    void badInputsAreOneLineAndExitTwo() throws IOException {
        Path missing = dir.resolve("none.json");
        Cli.Result r = Cli.run("model-card", "--report", missing.toString(), "--model", "m", "--model-version", "1",
                "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("fairkit model-card: error: --report: file '" + missing
                + "' does not exist\n");

        Path notJson = dir.resolve("bad.json");
        Files.writeString(notJson, "{\"schema\": \"other/1\"}");
        r = Cli.run("model-card", "--report", notJson.toString(), "--model", "m", "--model-version", "1",
                "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("fairkit model-card: error: --report " + notJson
                + ": $.schema is \"other/1\", expected \"fairkit.report/1\"\n");

        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        r = Cli.run("model-card", "--report", report("r.json", SyntheticLending.SEX).toString(), "--model", "m",
                "--model-version", "1", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("fairkit model-card: error: '" + file + "' exists and is not a directory\n");
    }
    @Test
    void readsTheReportJsonOfAnAuditRunWithEveryGrouping() throws IOException {
        Path data = Cli.lending(dir, 2000, 3);
        Path run = dir.resolve("run");
        Cli.Result audit = Cli.run("audit", "--data", data.toString(), "--label", "repaid", "--prediction",
                "approved", "--sensitive", "ethnicity,sex", "--out", run.toString(), "--outputs", "detailed_report");
        assertThat(audit.code()).as(audit.toString()).isZero();

        Cli.Result r = Cli.run("model-card", "--report", run.resolve("report.json").toString(), "--model", "m",
                "--model-version", "2", "--out", dir.resolve("card").toString());

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode card = new ObjectMapper().readTree(dir.resolve("card").resolve("model-card.json").toFile());
        assertThat(card.get("quantitative_analyses").size()).isGreaterThanOrEqualTo(2);
    }
}
