package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    static Path dir;

    static Path lending;
    static FairnessData data;

    @BeforeAll
    static void data() {
        lending = Cli.lending(dir, 3000, 11);
        data = SyntheticLending.generate(3000, 11);
    }

    private static void oneLineError(Cli.Result r, String expected) {
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).as(r.toString()).isEqualTo(expected + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void tablePrintsTheLibrarysReportForEveryGrouping() {
        Cli.Result r = Cli.run(Cli.audit(lending, "--sensitive", "sex", "--intersect", "--reference",
                "ethnicity=Group A"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        FairnessReport library = Fairness.of(data).groupBy("ethnicity").reference("Group A").clock(Cli.CLOCK)
                .evaluate();
        // The streamed report's fingerprint is the file's hash, so compare the table without its last line.
        String table = library.toString();
        String body = table.substring(0, table.lastIndexOf("fairkit "));
        assertThat(r.out()).contains(body);
        assertThat(r.out()).contains("FairKit report: 2 groups by sex").contains("FairKit report: 6 groups by "
                + "ethnicity x sex");
    }

    @Test
    void jsonIsOneDocumentWithTheDocumentedFields() {
        Cli.Result r = Cli.run(Cli.audit(lending, "--reference", "Group A", "--format", "json", "--metrics",
                "selection_rate,tpr,demographic_parity_difference,disparate_impact"));
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.audit/1");
        assertThat(doc.get("source").asText()).isEqualTo(lending.toString());
        assertThat(doc.get("reports")).hasSize(1);
        JsonNode report = doc.get("reports").get(0);
        assertThat(report.get("schema").asText()).isEqualTo("fairkit.report/1");
        assertThat(report.get("grouping").get(0).asText()).isEqualTo("ethnicity");
        assertThat(report.get("metrics").toString()).isEqualTo("[\"selection_rate\",\"true_positive_rate\"]");

        FairnessReport library = Fairness.of(data).groupBy("ethnicity").reference("Group A")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).evaluate();
        JsonNode groups = report.get("groups");
        assertThat(groups).hasSize(3);
        for (JsonNode g : groups) {
            GroupKey key = GroupKey.of("ethnicity", g.get("label").asText());
            assertThat(g.get("count").asLong()).isEqualTo(library.results().counts(key).rows());
            assertThat(g.get("metrics").get("selection_rate").get("value").asDouble())
                    .isEqualTo(library.value(Metrics.SELECTION_RATE, key).value());
            assertThat(g.get("metrics").get("true_positive_rate").get("value").asDouble())
                    .isEqualTo(library.value(Metrics.TRUE_POSITIVE_RATE, key).value());
        }
        assertThat(report.get("overall").get("metrics").get("selection_rate").get("value").asDouble())
                .isEqualTo(library.overall(Metrics.SELECTION_RATE).value());
        JsonNode fm = report.get("fairness_metrics");
        assertThat(fm.fieldNames()).toIterable().containsExactly("demographic_parity_difference", "disparate_impact");
        assertThat(fm.get("disparate_impact").get("value").asDouble())
                .isEqualTo(library.fairness(FairnessMetric.DISPARATE_IMPACT).asDouble());
        assertThat(fm.get("disparate_impact").get("groups").toString()).isEqualTo("[\"Group B\",\"Group A\"]");
        assertThat(report.get("warnings").isArray()).isTrue();
        assertThat(report.get("provenance").get("rows").asLong()).isEqualTo(3000);
        assertThat(report.get("provenance").get("evaluated_at").asText()).isEqualTo("2025-01-15T12:00:00Z");
        assertThat(doc.has("run")).isFalse();
    }

    @Test
    void streamedAndLoadedAuditsHaveTheSameInputFingerprintAndFileSha256() throws IOException {
        Cli.Result streamed = Cli.run(Cli.audit(lending, "--format", "json", "--metrics", "selection_rate"));
        Cli.Result loaded = Cli.run(Cli.audit(lending, "--format", "json", "--bootstrap", "20", "--metrics",
                "selection_rate"));
        assertThat(streamed.code()).as(streamed.toString()).isZero();
        assertThat(loaded.code()).as(loaded.toString()).isZero();
        JsonNode s = streamed.json().get("reports").get(0).get("provenance");
        JsonNode l = loaded.json().get("reports").get(0).get("provenance");
        assertThat(s.get("input_sha256").asText()).matches("[0-9a-f]{64}").isEqualTo(l.get("input_sha256").asText());
        assertThat(s.get("input_file_sha256").asText()).isEqualTo(Fingerprint.sha256(lending))
                .isEqualTo(l.get("input_file_sha256").asText()).isNotEqualTo(s.get("input_sha256").asText());
    }

    @Test
    void bootstrapGivesIntervalsInJsonAndTheSameSeedGivesTheSameDocument() {
        String[] args = Cli.audit(lending, "--format", "json", "--bootstrap", "200", "--seed", "5", "--metrics",
                "selection_rate");
        Cli.Result a = Cli.run(args);
        Cli.Result b = Cli.run(args);
        assertThat(a.code()).as(a.toString()).isZero();
        JsonNode sr = a.json().get("reports").get(0).get("groups").get(0).get("metrics").get("selection_rate");
        assertThat(sr.get("interval").get("method").asText()).contains("BCa");
        assertThat(sr.get("interval").get("draws").asLong()).isEqualTo(200);
        assertThat(sr.get("interval").get("lower").asDouble()).isLessThan(sr.get("value").asDouble());
        assertThat(a.out()).isEqualTo(b.out());
    }

    @Test
    void bayesGivesIntervals() {
        Cli.Result r = Cli.run(Cli.audit(lending, "--format", "json", "--bayes", "--metrics", "selection_rate"));
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode sr = r.json().get("reports").get(0).get("overall").get("metrics").get("selection_rate");
        assertThat(sr.get("interval").get("method").asText()).containsIgnoringCase("Jeffreys");
    }

    @Test
    void scoreColumnAddsScoreMetricsByCatalogId() {
        Cli.Result r = Cli.run(Cli.audit(lending, "--score", "score", "--format", "json"));
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode report = r.json().get("reports").get(0);
        assertThat(report.get("score_metrics").toString()).isEqualTo("[\"roc_auc\",\"brier_score\"]");
        FairnessReport library = Fairness.of(data).groupBy("ethnicity")
                .scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE).evaluate();
        JsonNode b = report.get("groups").get(1);
        assertThat(b.get("metrics").get("roc_auc").get("value").asDouble())
                .isEqualTo(library.value(ScoreMetrics.ROC_AUC, GroupKey.of("ethnicity", b.get("label").asText()))
                        .value());
        assertThat(report.get("aggregates").get("brier_score").get("difference").get("value").asDouble())
                .isEqualTo(library.difference(ScoreMetrics.BRIER_SCORE).asDouble());
    }

    @Test
    void valueMappingsReadLabelsThatAreNotZeroOne(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("adult.csv");
        Files.writeString(csv, "income,approved,sex\n>50K,yes,F\n<=50K,no,F\n>50K,no,M\n<=50K,yes,M\n");
        Cli.Result r = Cli.run("audit", "--data", csv.toString(), "--label", "income", "--positive-label", ">50K",
                "--negative-label", "<=50K", "--prediction", "approved", "--positive-prediction", "yes",
                "--negative-prediction", "no", "--sensitive", "sex", "--format", "json", "--metrics",
                "true_positive_rate");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode groups = r.json().get("reports").get(0).get("groups");
        assertThat(groups.get(0).get("metrics").get("true_positive_rate").get("value").asDouble()).isEqualTo(1.0);
        assertThat(groups.get(1).get("metrics").get("true_positive_rate").get("value").asDouble()).isEqualTo(0.0);
    }

    @Test
    void outWritesEveryOutputAndRecordsTheRunInTheTrail(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        Cli.Result r = Cli.run(Cli.audit(lending, "--out", out.toString(), "--id", "id", "--format", "json"));
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode run = r.json().get("run");
        assertThat(run.get("files").findValuesAsText("path")).containsExactly("metrics.csv", "metrics.json",
                "flagged-cases.csv", "report.json", "fairness-dashboard.html", "fairness-audit.pdf",
                "compliance-report.pdf", "executive-summary.html");
        assertThat(run.get("files").findValuesAsText("output")).containsExactly("metrics_export", "metrics_export",
                "flagged_cases", "detailed_report", "dashboard_export", "fairness_audit_pdf", "compliance_report",
                "executive_summary_slides");
        assertThat(run.get("trail_entry").asLong()).isEqualTo(1);
        assertThat(out.resolve("report.json")).isNotEmptyFile();
        assertThat(out.resolve("run-record.json")).isNotEmptyFile();
        assertThat(run.get("estimate_seconds").asDouble()).isPositive();

        Cli.Result again = Cli.run(Cli.audit(lending, "--out", out.toString(), "--outputs", "detailed_report"));
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Recorded as entry 2 of ");
        Cli.Result verify = Cli.run("trail", "verify", out.resolve("audit-trail.jsonl").toString());
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("intact, 2 entries");
    }

    @Test
    void documentsArePerGroupingAndThePolicyAddsTheAlertConfiguration(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("docs");
        Path policy = Files.writeString(tmp.resolve("p.yml"), "policy: p\nrules:\n  - disparate_impact >= 0.8 for "
                + "ethnicity\n");
        Cli.Result r = Cli.run(Cli.audit(lending, "--sensitive", "sex", "--reference", "ethnicity=Group A",
                "--policy", policy.toString(), "--out", out.toString(), "--outputs",
                "alert_configuration,dashboard_export"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(out.resolve("alert-configuration.yaml")).isNotEmptyFile();
        assertThat(out.resolve("fairness-dashboard.html")).isNotEmptyFile();
        assertThat(out.resolve("fairness-dashboard-sex.html")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("fairness-dashboard.html"))).contains("disparate_impact &gt;= 0.8");
        assertThat(r.out()).contains("Policy p: FAIL");
    }

    @Test
    void unknownMetricIdIsOneLineListingTheValidIds() {
        List<String> valid = new ArrayList<>();
        Arrays.stream(Metrics.values()).map(Metrics::id).forEach(valid::add);
        Arrays.stream(FairnessMetric.values()).map(FairnessMetric::id).forEach(valid::add);
        oneLineError(Cli.run(Cli.audit(lending, "--metrics", "selection_rate,sel_rate")),
                "fairkit audit: error: unknown metric id 'sel_rate'; valid ids: " + String.join(", ", valid));
        List<String> withScores = new ArrayList<>(valid);
        Arrays.stream(ScoreMetrics.values()).map(ScoreMetrics::id).forEach(withScores::add);
        oneLineError(Cli.run(Cli.audit(lending, "--score", "score", "--metrics", "nope")),
                "fairkit audit: error: unknown metric id 'nope'; valid ids: " + String.join(", ", withScores));
    }

    @Test
    void catalogMetricsAnAuditCannotComputeAreRefusedByName() {
        Cli.Result r = Cli.run(Cli.audit(lending, "--metrics", "mae"));
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("fairkit audit: error: metric 'mae' (mean_absolute_error) is a regression "
                + "metric, which an audit of decisions does not compute; valid ids: count, ");
        oneLineError(Cli.run(Cli.audit(lending, "--metrics", "roc_auc")),
                "fairkit audit: error: metric 'roc_auc' needs scores; name the score column with --score COLUMN");
    }

    @Test
    void badCellNamesTheFileLineDataRowAndColumn(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "y,p,race\n1,1,a\nyes,0,b\n");
        oneLineError(Cli.run("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--sensitive",
                "race"), "fairkit audit: error: file '" + csv + "', line 3 (data row 2), column 'y': got 'yes'; "
                        + "expected 1 for [1] or 0 for [0]");
        oneLineError(Cli.run("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--sensitive",
                "race", "--bootstrap", "10"), "fairkit audit: error: file '" + csv + "', line 3 (data row 2), "
                        + "column 'y': got 'yes'; expected 1 for [1] or 0 for [0]");
    }

    @Test
    void missingColumnAndFileAreOneLine(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("in.csv");
        Files.writeString(csv, "y,p,race\n1,1,a\n");
        oneLineError(Cli.run("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--sensitive",
                "sex"), "fairkit audit: error: file '" + csv + "': column 'sex' (sensitive) is missing; the header "
                        + "has [y, p, race]");
        Path none = tmp.resolve("none.csv");
        oneLineError(Cli.run("audit", "--data", none.toString(), "--label", "y", "--prediction", "p", "--sensitive",
                "race"), "fairkit audit: error: --data: file '" + none + "' does not exist");
    }

    @Test
    void optionMistakesAreOneLineWithAPointerToHelp() {
        oneLineError(Cli.run("audit", "--data", lending.toString(), "--label", "repaid", "--prediction", "approved"),
                "fairkit audit: error: Missing required option: '--sensitive=COLUMN' (see 'fairkit audit --help')");
        oneLineError(Cli.run(Cli.audit(lending, "--min-group-size", "many")), "fairkit audit: error: Invalid value "
                + "for option '--min-group-size': 'many' is not an int (see 'fairkit audit --help')");
        oneLineError(Cli.run(Cli.audit(lending, "--bootstrap", "100", "--bayes")),
                "fairkit audit: error: --bootstrap and --bayes are alternatives; choose one interval method");
        oneLineError(Cli.run(Cli.audit(lending, "--sensitive", "sex", "--reference", "Group A")),
                "fairkit audit: error: --reference 'Group A': expected COLUMN=VALUE with COLUMN one of the sensitive "
                        + "columns [ethnicity, sex]");
        oneLineError(Cli.run(Cli.audit(lending, "--reference", "race=x")), "fairkit audit: error: --reference names "
                + "column 'race', which is not a sensitive column; sensitive columns: [ethnicity]");
        oneLineError(Cli.run(Cli.audit(lending, "--positive-label", "yes")), "fairkit audit: error: --positive-label "
                + "needs --negative-label too: every cell of column 'repaid' must map to 1 or 0, so name the values "
                + "for both");
        oneLineError(Cli.run(Cli.audit(lending, "--outputs", "metrics_export")),
                "fairkit audit: error: --outputs needs --out DIR, the directory to write them to");
        oneLineError(Cli.run(Cli.audit(lending, "--reference", "Group X")), "fairkit audit: error: reference group "
                + "[Group X] has no rows; the groups of [ethnicity] are [Group A, Group B, Group C]");
    }

    @Test
    void outputsAreCheckedBeforeAnyWork(@TempDir Path tmp) {
        Path out = tmp.resolve("never");
        oneLineError(Cli.run(Cli.audit(lending, "--out", out.toString(), "--outputs", "pdf")),
                "fairkit audit: error: unknown output id 'pdf'; available outputs: metrics_export, flagged_cases, "
                        + "detailed_report, dashboard_export, fairness_audit_pdf, compliance_report, "
                        + "executive_summary_slides");
        oneLineError(Cli.run(Cli.audit(lending, "--out", out.toString(), "--outputs", "alert_configuration")),
                "fairkit audit: error: output 'alert_configuration' renders a policy's rules as alerts; give the "
                        + "policy with --policy FILE");
        assertThat(out).doesNotExist();
    }

    @Test
    void streamedAndLoadedEvaluationsGiveTheSameNumbers() {
        // Without intervals the file is streamed into counts; with score metrics it is loaded: same confusion values.
        JsonNode streamed = Cli.run(Cli.audit(lending, "--format", "json")).json().get("reports").get(0);
        JsonNode loaded = Cli.run(Cli.audit(lending, "--format", "json", "--score", "score")).json().get("reports")
                .get(0);
        for (String m : Stream.of(Metrics.defaults()).flatMap(List::stream).map(x -> x.id()).toList()) {
            assertThat(loaded.get("overall").get("metrics").get(m)).isEqualTo(streamed.get("overall").get("metrics")
                    .get(m));
        }
        assertThat(loaded.get("fairness_metrics")).isEqualTo(streamed.get("fairness_metrics"));
    }
}
