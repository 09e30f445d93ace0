package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.orchestration.io.ReportJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of the demo's lending data by two model versions, the second with an injected regression (Group B's
 * scores penalised by 1.2 logits instead of 0.2): recorded in a history, compared, and gated by max_regression.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryCompareCommandTest {
    @TempDir
    static Path dir;

    static Path v1;
    static Path v2;
    static Path db;

    @BeforeAll
    static void data() throws IOException {
        v1 = dir.resolve("v1.csv");
        v2 = dir.resolve("v2.csv");
        DemoCommand.writeData(SyntheticLending.generate(6000, 1, 0.2), v1);
        DemoCommand.writeData(SyntheticLending.generate(6000, 2, 1.2), v2);
        db = dir.resolve("history.db");
    }

    static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static String[] columns(Path file) {
        return new String[] {"--data", file.toString(), "--label", "repaid", "--prediction", "approved",
            "--sensitive", "ethnicity", "--reference", "ethnicity=Group A"};
    }

    /** The candidate's columns for compare: the reference and metrics come from the baseline. */
    static String[] data(Path file) {
        return new String[] {"--data", file.toString(), "--label", "repaid", "--prediction", "approved",
            "--sensitive", "ethnicity"};
    }

    static Path policy() throws IOException {
        Path p = dir.resolve("gate.yml");
        Files.writeString(p, "policy: no-regression\nrules:\n  - max_regression demographic_parity_ratio 0.02 for "
                + "ethnicity\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    @Order(1)
    void auditsRecordBothModelVersionsAndTheTrailStillVerifies() {
        Cli.Result a = Cli.run(with(with(new String[] {"audit"}, columns(v1)), "--history", db.toString(),
                "--model-version", "v1", "--out", dir.resolve("out1").toString()));
        assertThat(a.code()).as(a.toString()).isZero();
        assertThat(a.out()).contains("Recorded run ").contains("in the history jdbc:sqlite:");
        Cli.Result b = Cli.run(with(with(new String[] {"audit"}, columns(v2)), "--history", db.toString(),
                "--model-version", "v2", "--format", "json"));
        assertThat(b.code()).as(b.toString()).isZero();
        assertThat(b.json().get("history").get("entries")).hasSize(1);
        assertThat(b.json().get("reports").get(0).get("groups").get(0).has("cells")).isTrue();

        Cli.Result list = Cli.run("history", "list", "--history", db.toString(), "--format", "json");
        assertThat(list.code()).as(list.toString()).isZero();
        JsonNode entries = list.json().get("entries");
        assertThat(list.json().get("schema").asText()).isEqualTo("fairkit.cli.history/1");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("model_version").asText()).isEqualTo("v1");
        assertThat(entries.get(0).get("trail_entry").asText()).contains("audit-trail.jsonl#1 ");
        assertThat(entries.get(1).get("trail_entry").isNull()).isTrue();
        Cli.Result verify = Cli.run("trail", "verify", dir.resolve("out1/audit-trail.jsonl").toString());
        assertThat(verify.code()).as(verify.toString()).isZero();

        Cli.Result table = Cli.run("history", "list", "--history", db.toString(), "--model-version", "v2");
        assertThat(table.out()).contains(" v2 ").endsWith("1 entry in jdbc:sqlite:" + db.toAbsolutePath()
                + System.lineSeparator());
        Cli.Result show = Cli.run("history", "show", "latest:v1", "--history", db.toString());
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(ReportJson.write(ReportJson.read(show.out()))).isEqualTo(show.out());
    }

    @Test
    @Order(2)
    void compareFindsTheInjectedRegression() {
        Cli.Result c = Cli.run("compare", "--baseline", "latest:v1", "--candidate", "latest:v2", "--history",
                db.toString(), "--format", "json");
        assertThat(c.code()).as(c.toString()).isZero();
        JsonNode doc = c.json();
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.compare/1");
        assertThat(doc.get("correction").asText()).isEqualTo("HOLM");
        JsonNode dp = null;
        for (JsonNode ch : doc.get("comparisons").get(0).get("changes")) {
            if (ch.get("metric").asText().equals("demographic_parity_ratio")) {
                dp = ch;
            }
        }
        assertThat(dp).isNotNull();
        assertThat(dp.get("kind").asText()).isEqualTo("fairness_metric");
        assertThat(dp.get("beyond_chance").asBoolean()).isTrue();
        assertThat(dp.get("change").get("value").asDouble()).isLessThan(-0.1);
        assertThat(dp.get("change").get("interval").get("upper").asDouble()).isLessThan(0);
        assertThat(dp.get("worsening").get("value").asDouble()).isGreaterThan(0.1);

        Cli.Result t = Cli.run("compare", "--baseline", "latest:v1", "--candidate", "latest:v2", "--history",
                db.toString());
        assertThat(t.out()).contains("Grouping ethnicity: baseline run ").contains("demographic_parity_ratio")
                .contains("less fair beyond chance");
    }

    @Test
    @Order(3)
    void compareReadsAReportFileAndEvaluatesACandidateCsvWithTheBaselinesSettings() throws IOException {
        Cli.Result show = Cli.run("history", "show", "latest:v1", "--history", db.toString());
        Path file = dir.resolve("v1-report.json");
        Files.writeString(file, show.out(), StandardCharsets.UTF_8);
        Cli.Result c = Cli.run(with(new String[] {"compare", "--baseline", file.toString(), "--format", "json"},
                data(v2)));
        assertThat(c.code()).as(c.toString()).isZero();
        assertThat(c.json().get("candidate").asText()).isEqualTo("file " + v2);
        assertThat(c.json().get("comparisons").get(0).get("changes")).anySatisfy(ch -> {
            assertThat(ch.get("metric").asText()).isEqualTo("demographic_parity_ratio");
            assertThat(ch.get("beyond_chance").asBoolean()).isTrue();
        });
        Cli.Result same = Cli.run(with(new String[] {"compare", "--baseline", file.toString(), "--format", "json"},
                data(v1)));
        assertThat(same.json().get("comparisons").get(0).get("changes")).allSatisfy(ch ->
                assertThat(ch.get("beyond_chance").asBoolean()).isFalse());
    }

    @Test
    @Order(4)
    void checkWithABaselineGatesTheRegression() throws IOException {
        Path p = policy();
        Cli.Result fail = Cli.run(with(with(new String[] {"check", "--policy", p.toString()}, columns(v2)),
                "--baseline", "latest:v1", "--history", db.toString(), "--model-version", "v2-check"));
        assertThat(fail.code()).as(fail.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(fail.out()).contains("FAIL max_regression demographic_parity_ratio 0.02 for ethnicity")
                .contains("moved from").contains("Recorded run ");
        Cli.Result pass = Cli.run(with(with(new String[] {"check", "--policy", p.toString(), "--format", "json"},
                columns(v1)), "--baseline", "latest:v1", "--history", db.toString()));
        assertThat(pass.code()).as(pass.toString()).isEqualTo(ExitCode.OK);
        assertThat(pass.json().get("baseline").asText()).startsWith("run ");
        assertThat(pass.json().get("verdicts").get(0).get("value").get("value").asDouble()).isZero();
        Cli.Result list = Cli.run("history", "list", "--history", db.toString(), "--format", "json");
        assertThat(list.json().get("entries")).hasSize(4);
        assertThat(list.json().get("entries").get(2).get("kind").asText()).isEqualTo("check");
    }

    @Test
    @Order(5)
    void withoutABaselineTheGateIsInconclusiveAndBadReferencesAreBadInput() throws IOException {
        Path p = policy();
        Cli.Result none = Cli.run(with(new String[] {"check", "--policy", p.toString()}, columns(v2)));
        assertThat(none.code()).as(none.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(none.out()).contains("INCONCLUSIVE").contains("none was given");
        Cli.Result noHistory = Cli.run(with(new String[] {"check", "--policy", p.toString(), "--baseline", "latest"},
                columns(v2)));
        assertThat(noHistory.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noHistory.err()).contains("no such file, and no --history");
        Cli.Result unknown = Cli.run("compare", "--baseline", "nope", "--candidate", "latest", "--history",
                db.toString());
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("has no entry \"nope\"");
        Cli.Result labelOnly = Cli.run(with(new String[] {"audit", "--model-version", "x"}, columns(v1)));
        assertThat(labelOnly.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(labelOnly.err()).contains("--model-version labels a run recorded in a history");
        Cli.Result both = Cli.run(with(new String[] {"compare", "--baseline", "latest", "--candidate", "latest",
            "--history", db.toString()}, data(v1)));
        assertThat(both.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).contains("give exactly one candidate");
    }
}
