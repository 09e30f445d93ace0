package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    static Path dir;

    static Path lending;

    @BeforeAll
    static void data() {
        lending = Cli.lending(dir, 3000, 3);
    }

    private static Path policy(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    private static Cli.Result check(Path policy, String... more) {
        String[] base = {"check", "--policy", policy.toString(), "--data", lending.toString(), "--label", "repaid",
            "--prediction", "approved", "--sensitive", "ethnicity,sex", "--reference", "ethnicity=Group A"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    @Test
    void passingPolicyExitsZero() throws IOException {
        Cli.Result r = check(policy("pass.yml", "policy: lenient\nrules:\n  - disparate_impact >= 0.3 for ethnicity\n"
                + "  - min_group_size >= 30\n"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).endsWith("Policy lenient: PASS (exit 0)" + System.lineSeparator());
    }

    @Test
    void violatedPolicyExitsOneAndNamesTheGroups() throws IOException {
        Cli.Result r = check(policy("fail.yml", "policy: four-fifths\nrules:\n  - disparate_impact >= 0.8 for "
                + "ethnicity\n"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).contains("FAIL disparate_impact >= 0.8 for ethnicity: disparate_impact = 0.")
                .contains("groups Group B vs Group A")
                .endsWith("Policy four-fifths: FAIL (exit 1): 1 failed and 0 inconclusive verdict of severity "
                        + "error" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFailedWarningDoesNotFailTheGate() throws IOException {
        Cli.Result r = check(policy("warn.yml", "policy: soft\nrules:\n  - rule: disparate_impact >= 0.8 for "
                + "ethnicity\n    severity: warning\n"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("FAIL     warning");
    }

    @Test
    void inconclusiveIsNotAPassAndTheNoteSaysWhy() throws IOException {
        Path p = policy("interval.yml", "policy: strict\nevidence: pass_if_interval_satisfies\nrules:\n"
                + "  - demographic_parity_ratio >= 0.5 for sex\n");
        Cli.Result r = check(p);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).contains("INCONCLUSIVE");
        assertThat(r.err()).isEqualTo("fairkit check: note: rules with interval evidence are inconclusive without "
                + "intervals; add --bootstrap N or --bayes" + System.lineSeparator());
        Cli.Result withIntervals = check(p, "--bootstrap", "200");
        assertThat(withIntervals.code()).as(withIntervals.toString()).isEqualTo(ExitCode.OK);
        assertThat(withIntervals.err()).isEmpty();
    }

    @Test
    void jsonCarriesTheVerdictsAndTheExitCode() throws IOException {
        Cli.Result r = check(policy("mixed.yml", "policy: mixed\nrules:\n  - disparate_impact >= 0.8 for ethnicity\n"
                + "  - false_negative_rate.difference <= 0.5 for ethnicity\n"), "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.FINDING);
        JsonNode doc = r.json();
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.check/1");
        assertThat(doc.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(doc.get("exit_code").asInt()).isEqualTo(1);
        assertThat(doc.get("verdicts").findValuesAsText("outcome")).containsExactly("FAIL", "PASS");
        JsonNode fnr = doc.get("verdicts").get(1);
        // false_negative_rate is not among the default metrics: check adds the metrics its rules need.
        assertThat(fnr.get("value").get("value").isNumber()).isTrue();
        assertThat(fnr.get("grouping").toString()).isEqualTo("[\"ethnicity\"]");
    }

    @Test
    void ruleGroupingsBecomeReportsWhenTheirColumnsAreSensitive() throws IOException {
        Cli.Result r = check(policy("intersection.yml", "policy: x\nrules:\n  - selection_rate.ratio >= 0.1 for "
                + "sex, ethnicity\n"));
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("sex x ethnicity");
    }

    @Test
    void badInputExitsTwo() throws IOException {
        Cli.Result unknown = check(policy("unknown.yml", "policy: x\nrules:\n  - fairness >= 0.8\n"));
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).startsWith("fairkit check: error: policy '" + dir.resolve("unknown.yml")
                + "': policy YAML, line 3, column 5: unknown metric 'fairness'; valid: min_group_size;");
        assertThat(unknown.err().lines()).hasSize(1);

        Cli.Result column = check(policy("race.yml", "policy: x\nrules:\n  - disparate_impact >= 0.8 for race\n"));
        assertThat(column.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(column.err()).isEqualTo("fairkit check: error: policy rule 'disparate_impact >= 0.8 for race' is "
                + "about 'race', which is not a sensitive column; add it to --sensitive (sensitive columns: "
                + "[ethnicity, sex])" + System.lineSeparator());

        Cli.Result missing = Cli.run("check", "--policy", dir.resolve("nope.yml").toString(), "--data",
                lending.toString(), "--label", "repaid", "--prediction", "approved", "--sensitive", "sex");
        assertThat(missing.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("fairkit check: error: --policy: file '" + dir.resolve("nope.yml")
                + "' does not exist" + System.lineSeparator());

        Cli.Result noPolicy = Cli.run("check", "--data", lending.toString(), "--label", "repaid", "--prediction",
                "approved", "--sensitive", "sex");
        assertThat(noPolicy.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noPolicy.err()).isEqualTo("fairkit check: error: Missing required option: '--policy=FILE' (see "
                + "'fairkit check --help')" + System.lineSeparator());
    }

    @Test
    void theRepositorysSamplePolicyIsTheDemoPolicyAndFailsOnTheDemoData() throws IOException {
        Path root = Path.of(System.getProperty("fairkit.root", ".."));
        Path lint = root.resolve(".fairness-lint.yml");
        assertThat(lint).exists();
        assertThat(Files.readString(lint, StandardCharsets.UTF_8)).isEqualTo(DemoCommand.demoPolicy());
        Cli.Result r = check(lint);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).contains("FAIL disparate_impact >= 0.8 for ethnicity");
    }
}
