package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckDataCommandTest {
    static final String GATE = """
            policy: gate
            rules:
              - demographic_parity_ratio >= 0.8 for sex
              - min_group_size >= 30
              - max_missing_rate <= 0.1
              - max_proxy_strength <= 0.3
              - rule: representation_ratio >= 0.2
                evidence: fail_if_interval_violates
            """;

    @TempDir
    Path dir;

    /** Seeded rows; with problems: a 20-row group C, income missing in 40% of B, zip a proxy of the group. */
    private Path csv(boolean problems) throws IOException {
        Random r = new Random(18);
        StringBuilder b = new StringBuilder("id,race,sex,income,zip,age\n");
        for (int i = 0; i < 2000; i++) {
            String race = problems && i < 20 ? "C" : i % 2 == 0 ? "A" : "B";
            String sex = r.nextBoolean() ? "F" : "M";
            boolean missing = r.nextDouble() < (problems && race.equals("B") ? 0.4 : 0.02);
            String income = missing ? (i % 2 == 0 ? "" : "NA") : String.format(java.util.Locale.ROOT, "%.1f",
                    30 + 40 * r.nextDouble());
            String zip = problems && r.nextDouble() < 0.9 ? "z" + race : "z" + r.nextInt(5);
            b.append(i).append(',').append(race).append(',').append(sex).append(',').append(income).append(',')
                    .append(zip).append(',').append(18 + r.nextInt(60)).append('\n');
        }
        Path f = dir.resolve(problems ? "bad.csv" : "clean.csv");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private Cli.Result run(Path data, String... more) {
        String[] base = {"check-data", "--data", data.toString(), "--sensitive", "race,sex", "--features",
            "income,zip,age"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    @Test
    void theDataGateFailsOnInjectedProblemsWithAPolicy() throws IOException {
        Path policy = dir.resolve("gate.yml");
        Files.writeString(policy, GATE, StandardCharsets.UTF_8);
        Cli.Result r = run(csv(true), "--policy", policy.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).contains("FAIL min_group_size >= 30: min_group_size = 20 is not >= 30: C (20)")
                .contains("FAIL max_missing_rate <= 0.1: max_missing_rate, missing rate judged on Wilson 95% "
                        + "intervals: fails for 'income' in B")
                .contains("FAIL max_proxy_strength <= 0.3: max_proxy_strength, association judged on point "
                        + "estimates: no interval is computed for Cramér's V or η: fails for 'zip' (cramers_v")
                .contains("FAIL representation_ratio >= 0.2")
                .doesNotContain("demographic_parity_ratio")
                .endsWith("Data gate: Policy gate: FAIL (exit 1): 5 failed and 0 inconclusive verdicts of severity "
                        + "error" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void cleanDataPassesWithAndWithoutAPolicy() throws IOException {
        Path policy = dir.resolve("gate.yml");
        Files.writeString(policy, GATE, StandardCharsets.UTF_8);
        Path clean = csv(false);
        Cli.Result r = run(clean, "--policy", policy.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).endsWith("Data gate: Policy gate: PASS (exit 0)" + System.lineSeparator());
        Cli.Result defaults = run(clean);
        assertThat(defaults.code()).as(defaults.toString()).isEqualTo(ExitCode.OK);
        assertThat(defaults.out()).contains("Grouping race: data quality: 0 critical")
                .contains("  proxy zip: cramers_v = ").contains("  proxy income: correlation_ratio = ")
                .endsWith("Data gate (default thresholds): PASS (exit 0)" + System.lineSeparator());
    }

    @Test
    void withoutAPolicyCriticalFindingsFailTheGate() throws IOException {
        Cli.Result r = run(csv(true));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).contains("CRITICAL missing_values [race=B, feature income]")
                .contains("CRITICAL proxy [feature zip]")
                .contains("Data gate (default thresholds): FAIL (exit 1): ");
    }

    @Test
    void jsonHasItsSchemaTheTaskAndThePolicyVerdicts() throws IOException {
        Path policy = dir.resolve("gate.yml");
        Files.writeString(policy, GATE, StandardCharsets.UTF_8);
        Cli.Result r = run(csv(true), "--policy", policy.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.FINDING);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.check-data/1");
        assertThat(doc.get("task").asText()).isEqualTo("data");
        assertThat(doc.get("rows").asInt()).isEqualTo(2000);
        assertThat(doc.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(doc.get("exit_code").asInt()).isEqualTo(1);
        assertThat(doc.get("features").toString()).isEqualTo("[{\"name\":\"income\",\"kind\":\"numeric\"},"
                + "{\"name\":\"zip\",\"kind\":\"categorical\"},{\"name\":\"age\",\"kind\":\"numeric\"}]");
        JsonNode race = doc.get("groupings").get(0);
        assertThat(race.get("grouping").toString()).isEqualTo("[\"race\"]");
        assertThat(race.get("groups").get(2).get("label").asText()).isEqualTo("C");
        assertThat(race.get("groups").get(2).get("rows").asInt()).isEqualTo(20);
        assertThat(race.get("groups").get(1).get("missing_rate").get("income").asDouble()).isBetween(0.35, 0.45);
        assertThat(doc.get("policy").get("schema").asText()).isEqualTo("fairkit.cli.check/1");
        JsonNode missing = doc.get("policy").get("verdicts").get(2); // after min_group_size for race and sex
        assertThat(missing.get("rule").asText()).isEqualTo("max_missing_rate <= 0.1");
        assertThat(missing.get("value").toString()).as(missing.toString()).contains("\"interval\"");
    }

    @Test
    void badInputExitsTwoNamingTheOption() throws IOException {
        Path data = csv(false);
        Cli.Result same = Cli.run("check-data", "--data", data.toString(), "--sensitive", "race", "--features",
                "race,zip");
        assertThat(same.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(same.err()).contains("--features: 'race' is a sensitive column");
        Cli.Result missing = Cli.run("check-data", "--data", data.toString(), "--sensitive", "ethnicity");
        assertThat(missing.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("ethnicity");
    }

    @Test
    void theSamplePolicyHoldsADataGateThatTheDemoDataPassesWhileTheModelGateStillFails() {
        Path lint = Path.of(System.getProperty("fairkit.root", "..")).resolve(".fairness-lint.yml");
        Path lending = Cli.lending(dir, 3000, 3);
        Cli.Result data = Cli.run("check-data", "--data", lending.toString(), "--sensitive", "ethnicity,sex",
                "--features", "score", "--policy", lint.toString());
        assertThat(data.code()).as(data.toString()).isEqualTo(ExitCode.OK);
        assertThat(data.out()).contains("PASS     error     max_missing_rate <= 0.05")
                .contains("PASS     error     max_proxy_strength <= 0.5")
                .contains("PASS     error     representation_ratio >= 0.15 for ethnicity")
                .doesNotContain("disparate_impact")
                .endsWith("Data gate: Policy lending-fairness: PASS (exit 0)" + System.lineSeparator());
        Cli.Result model = Cli.run("check", "--policy", lint.toString(), "--data", lending.toString(), "--label",
                "repaid", "--prediction", "approved", "--sensitive", "ethnicity,sex", "--reference",
                "ethnicity=Group A");
        assertThat(model.code()).isEqualTo(ExitCode.FINDING);
        assertThat(model.out()).contains("FAIL disparate_impact >= 0.8 for ethnicity")
                .doesNotContain("max_missing_rate").endsWith("Policy lending-fairness: FAIL (exit 1): 2 failed and 0 "
                        + "inconclusive verdicts of severity error" + System.lineSeparator());
        assertThat(model.err()).isEqualTo("fairkit check: note: 3 data rules are judged by 'fairkit check-data', not "
                + "here" + System.lineSeparator());
    }
}
