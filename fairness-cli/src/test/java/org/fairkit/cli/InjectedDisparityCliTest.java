package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkit.core.datasets.SyntheticCreditLimits;
import org.fairkit.core.datasets.SyntheticSearchRanking;
import org.fairkit.core.datasets.SyntheticTriage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI finds the disparity injected into fairness-core's seeded example data sets (their expected values are stated
 * in fairness-core's README, derived from the generative model), and a policy on it fails: one data set per task, at
 * the default size (50,000 rows) and seed.
 */
class InjectedDisparityCliTest {
    @TempDir
    static Path dir;

    private static JsonNode report(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r.json().get("reports").get(0);
    }

    private static JsonNode group(JsonNode report, String label) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("label").asText().equals(label)) {
                return g.get("metrics");
            }
        }
        throw new AssertionError("no group " + label + " in " + report.get("groups"));
    }

    private static int check(Path policy, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "check";
        all[1] = "--policy";
        all[2] = policy.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        Cli.Result r = Cli.run(all);
        return r.code();
    }

    @Test
    void regressionFemaleErrorsAreLarger() throws IOException {
        Path f = dir.resolve("credit-limits.csv");
        SyntheticCreditLimits.generate(SyntheticCreditLimits.DEFAULT_ROWS, SyntheticCreditLimits.DEFAULT_SEED)
                .writeCsv(f);
        String[] args = {"--data", f.toString(), "--target", "y", "--prediction", "y_hat", "--sensitive", "sex"};
        JsonNode rep = report(concat(new String[] {"audit", "--format", "json"}, args));
        // Expected (README): MAE Female 1.750, Male sqrt(2/pi) = 0.798; MAE parity difference 0.952.
        assertThat(group(rep, "Female").get("mean_absolute_error").get("value").asDouble())
                .isCloseTo(1.750, within(0.03));
        assertThat(group(rep, "Male").get("mean_absolute_error").get("value").asDouble())
                .isCloseTo(Math.sqrt(2 / Math.PI), within(0.02));
        assertThat(rep.get("fairness_metrics").get("mae_parity_difference").get("value").asDouble())
                .isCloseTo(0.952, within(0.04));
        assertThat(rep.get("fairness_metrics").get("bounded_group_loss_absolute").get("groups").get(0).asText())
                .isEqualTo("Female");
        assertThat(rep.get("fairness_metrics").get("mean_error_difference").get("value").asDouble())
                .isCloseTo(1.5, within(0.03));
        Path policy = Files.writeString(dir.resolve("limits.yml"),
                "policy: credit-limits\nrules:\n  - mae_parity_difference <= 0.5 for sex\n");
        assertThat(check(policy, args)).isEqualTo(ExitCode.FINDING);
        Path lenient = Files.writeString(dir.resolve("limits-lenient.yml"),
                "policy: credit-limits\nrules:\n  - mae_parity_difference <= 1.2 for sex\n");
        assertThat(check(lenient, args)).isEqualTo(ExitCode.OK);
    }

    @Test
    void rankingGroupBIsDemoted() throws IOException {
        Path f = dir.resolve("search-ranking.csv");
        SyntheticSearchRanking.builder().build().writeCsv(f);
        String[] args = {"--data", f.toString(), "--query", "query_id", "--rank", "rank", "--relevance",
            "relevance", "--sensitive", "group"};
        JsonNode rep = report(concat(new String[] {"audit", "--format", "json"}, args));
        // Expected (README): exposure A 0.3986, B 0.2821, exposure_ratio 0.7076 pooled over the queries.
        assertThat(group(rep, "Group A").get("exposure").get("value").asDouble()).isCloseTo(0.3986, within(0.005));
        assertThat(group(rep, "Group B").get("exposure").get("value").asDouble()).isCloseTo(0.2821, within(0.005));
        assertThat(rep.get("fairness_metrics").get("exposure_ratio").get("value").asDouble())
                .isCloseTo(0.7076, within(0.01));
        Path policy = Files.writeString(dir.resolve("search.yml"),
                "policy: search\nrules:\n  - exposure_ratio >= 0.8 for group\n");
        assertThat(check(policy, args)).isEqualTo(ExitCode.FINDING);
    }

    @Test
    void multiclassFemaleHighRecallDrops() throws IOException {
        Path f = dir.resolve("triage.csv");
        SyntheticTriage.generate(SyntheticTriage.DEFAULT_ROWS, SyntheticTriage.DEFAULT_SEED).writeCsv(f);
        String[] args = {"--task", "multiclass", "--data", f.toString(), "--label", "y_true", "--prediction",
            "y_pred", "--sensitive", "sex", "--metrics", "tpr"};
        JsonNode rep = report(concat(new String[] {"audit", "--format", "json"}, args));
        // Expected (README): recall of high 0.55 (Female) vs 0.80; difference 0.25.
        assertThat(group(rep, "Female").get("true_positive_rate@high").get("value").asDouble())
                .isCloseTo(0.55, within(0.02));
        assertThat(group(rep, "Male").get("true_positive_rate@high").get("value").asDouble())
                .isCloseTo(0.80, within(0.02));
        assertThat(rep.get("aggregates").get("true_positive_rate@high").get("difference").get("value").asDouble())
                .isCloseTo(0.25, within(0.03));
        Path policy = Files.writeString(dir.resolve("triage.yml"),
                "policy: triage\nrules:\n  - true_positive_rate@high.difference <= 0.1 for sex\n");
        assertThat(check(policy, args)).isEqualTo(ExitCode.FINDING);
    }

    /**
     * The dashboard of {@code audit --out} with the policy shows the injected disparity and the failed rule: the
     * penalised group, the disparity's id and its value as the JSON gives it, and a failing verdict.
     */
    @Test
    void theDashboardShowsEachInjectedDisparityAndTheFailedRule() throws IOException {
        Path credit = dir.resolve("credit-limits-docs.csv");
        SyntheticCreditLimits.generate(SyntheticCreditLimits.DEFAULT_ROWS, SyntheticCreditLimits.DEFAULT_SEED)
                .writeCsv(credit);
        Path search = dir.resolve("search-ranking-docs.csv");
        SyntheticSearchRanking.builder().build().writeCsv(search);
        Path creditPolicy = Files.writeString(dir.resolve("limits-docs.yml"),
                "policy: credit-limits\nrules:\n  - mae_parity_difference <= 0.5 for sex\n");
        Path searchPolicy = Files.writeString(dir.resolve("search-docs.yml"),
                "policy: search\nrules:\n  - exposure_ratio >= 0.8 for group\n");
        dashboardShows(new String[] {"--data", credit.toString(), "--target", "y", "--prediction", "y_hat",
            "--sensitive", "sex", "--policy", creditPolicy.toString()}, "Female", "mae_parity_difference");
        dashboardShows(new String[] {"--data", search.toString(), "--query", "query_id", "--rank", "rank",
            "--relevance", "relevance", "--sensitive", "group", "--policy", searchPolicy.toString()}, "Group B",
                "exposure_ratio");
    }

    private static void dashboardShows(String[] args, String group, String disparity) throws IOException {
        Path out = Files.createTempDirectory(dir, "docs");
        JsonNode doc = Cli.run(concat(new String[] {"audit", "--format", "json", "--out", out.toString()}, args))
                .json();
        double value = doc.get("reports").get(0).get("fairness_metrics").get(disparity).get("value").asDouble();
        assertThat(doc.get("policy").get("outcome").asText()).isEqualTo("FAIL");
        String html = Files.readString(out.resolve("fairness-dashboard.html"));
        assertThat(html).contains(group, disparity, String.format(java.util.Locale.ROOT, "%.3f", value), "FAIL");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
