package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkit check} (and {@code audit --policy}) on regression, ranking and multiclass models. */
class TaskCheckCommandTest {
    @TempDir
    static Path dir;

    static Path regression;
    static Path ranking;
    static Path multiclass;

    @BeforeAll
    static void files() throws IOException {
        regression = Files.writeString(dir.resolve("limits.csv"), TaskAuditCommandTest.REGRESSION);
        ranking = Files.writeString(dir.resolve("search.csv"), TaskAuditCommandTest.RANKING);
        multiclass = Files.writeString(dir.resolve("triage.csv"), TaskAuditCommandTest.MULTICLASS);
    }

    private static Path policy(String name, String... rules) throws IOException {
        StringBuilder b = new StringBuilder("policy: " + name + "\nrules:\n");
        for (String r : rules) {
            b.append("  - ").append(r).append('\n');
        }
        return Files.writeString(dir.resolve(name + ".yml"), b);
    }

    private static String[] regressionArgs(String command, Path policy, String... more) {
        String[] base = {command, "--policy", policy.toString(), "--data", regression.toString(), "--target", "limit",
            "--prediction", "predicted", "--sensitive", "sex"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aRegressionPolicyPassesOrFailsOnTheInjectedErrorGap() throws IOException {
        // F's MAE is 4, M's 1: bounded group loss 4, MAE ratio 0.25.
        Path pass = policy("limits-ok", "bounded_group_loss_absolute <= 5 for sex", "min_group_size >= 3");
        Cli.Result ok = Cli.run(regressionArgs("check", pass));
        assertThat(ok.code()).as(ok.toString()).isEqualTo(ExitCode.OK);
        assertThat(ok.out()).contains("Policy limits-ok: PASS (exit 0)");
        Path fail = policy("limits-gap", "bounded_group_loss_absolute <= 5 for sex",
                "mean_absolute_error.ratio >= 0.8 for sex");
        Cli.Result bad = Cli.run(regressionArgs("check", fail, "--format", "json"));
        assertThat(bad.code()).as(bad.toString()).isEqualTo(ExitCode.FINDING);
        JsonNode doc = bad.json();
        assertThat(TaskAuditCommandTest.names(doc)).startsWith("schema", "task", "policy", "outcome");
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.check/1");
        assertThat(doc.get("task").asText()).isEqualTo("regression");
        assertThat(doc.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(doc.get("exit_code").asInt()).isEqualTo(1);
        JsonNode ratio = doc.get("verdicts").get(1);
        assertThat(ratio.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(ratio.get("value").get("value").asDouble()).isEqualTo(0.25);
        assertThat(doc.get("verdicts").get(0).get("outcome").asText()).isEqualTo("PASS");
    }

    @Test
    void aPolicyMetricThatMetricsLeftOutIsStillEvaluated() throws IOException {
        Path p = policy("rmse", "root_mean_squared_error.difference <= 10 for sex");
        Cli.Result r = Cli.run(regressionArgs("check", p, "--metrics", "mae", "--format", "json"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.json().get("verdicts").get(0).get("outcome").asText()).isEqualTo("PASS");
    }

    @Test
    void aRankingPolicyOnExposure() throws IOException {
        Path p = policy("search", "exposure_ratio >= 0.8 for gender", "disparate_impact_ratio >= 0.99 for gender");
        Cli.Result r = Cli.run("check", "--policy", p.toString(), "--data", ranking.toString(), "--query", "query",
                "--rank", "rank", "--relevance", "relevance", "--sensitive", "gender", "--format", "json");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        JsonNode doc = r.json();
        assertThat(doc.get("task").asText()).isEqualTo("ranking");
        assertThat(doc.get("verdicts").get(0).get("outcome").asText()).isEqualTo("PASS");
        assertThat(doc.get("verdicts").get(1).get("outcome").asText()).isEqualTo("FAIL");
    }

    @Test
    void aMulticlassPolicyOnAMacroAggregateEvaluatesItsMetric() throws IOException {
        Path p = policy("triage", "macro_false_negative_rate.difference <= 0.9 for sex");
        Cli.Result r = Cli.run("check", "--policy", p.toString(), "--task", "multiclass", "--data",
                multiclass.toString(), "--label", "true_class", "--prediction", "predicted_class", "--sensitive",
                "sex", "--format", "json");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.json().get("verdicts").get(0).get("outcome").asText()).isEqualTo("PASS");
    }

    @Test
    void auditWithAPolicyPrintsTheVerdictAndExitsZero() throws IOException {
        Path fail = policy("audit-gap", "mean_absolute_error.ratio >= 0.8 for sex");
        Cli.Result json = Cli.run(regressionArgs("audit", fail, "--format", "json"));
        assertThat(json.code()).as(json.toString()).isZero();
        assertThat(TaskAuditCommandTest.names(json.json())).containsExactly("schema", "task", "source", "reports",
                "policy");
        assertThat(json.json().get("policy").get("outcome").asText()).isEqualTo("FAIL");
        Cli.Result table = Cli.run(regressionArgs("audit", fail));
        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.out()).contains("FairKit regression report by sex").contains("FAIL");
    }

    @Test
    void aBinaryCheckJudgesScoreMetricAggregatesAndSaysItsTask() throws IOException {
        Path lending = Cli.lending(dir, 2000, 9);
        Path p = policy("scores", "roc_auc.difference <= 0.5 for ethnicity", "brier_score.ratio >= 0.99 for ethnicity");
        Cli.Result r = Cli.run("check", "--policy", p.toString(), "--data", lending.toString(), "--label", "repaid",
                "--prediction", "approved", "--score", "score", "--sensitive", "ethnicity", "--format", "json");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        JsonNode doc = r.json();
        assertThat(TaskAuditCommandTest.names(doc)).startsWith("schema", "task", "policy");
        assertThat(doc.get("task").asText()).isEqualTo("binary");
        assertThat(doc.get("verdicts").get(0).get("outcome").asText()).isEqualTo("PASS");
        assertThat(doc.get("verdicts").get(1).get("outcome").asText()).isEqualTo("FAIL");
    }

    @Test
    void taskChecksRefuseWhatOnlyBinaryRunsHave() throws IOException {
        Path p = policy("x", "bounded_group_loss_absolute <= 5 for sex");
        Cli.Result baseline = Cli.run(regressionArgs("check", p, "--baseline", "latest"));
        assertThat(baseline.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(baseline.err()).isEqualTo("fairkit check: error: --baseline is not available for a regression "
                + "audit; max_regression rules compare binary runs" + System.lineSeparator());
        Cli.Result history = Cli.run(regressionArgs("check", p, "--history", dir.resolve("h.db").toString()));
        assertThat(history.err()).isEqualTo("fairkit check: error: --history is not available for a regression "
                + "audit; the run history records binary audits; use --out DIR for the run record and trail"
                + System.lineSeparator());
        Path other = policy("other", "bounded_group_loss_absolute <= 5 for region");
        Cli.Result grouping = Cli.run(regressionArgs("check", other));
        assertThat(grouping.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(grouping.err()).startsWith("fairkit check: error: ");
    }
}
