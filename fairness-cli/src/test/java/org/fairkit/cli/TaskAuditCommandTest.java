package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassFairness;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkit audit} of regression, ranking and multiclass models, end to end through {@code Main}'s command. */
class TaskAuditCommandTest {
    @TempDir
    static Path dir;

    static Path regression;
    static Path ranking;
    static Path multiclass;

    /** Targets and predictions: group F's absolute errors are 2, 4, 6 (MAE 4), group M's 1, 1, 1, 1 (MAE 1). */
    static final String REGRESSION = """
            sex,region,limit,predicted,w
            F,north,10,12,1
            F,south,20,16,2
            F,north,30,36,1
            M,south,10,11,1
            M,north,20,19,1
            M,south,30,31,3
            M,north,40,39,1
            """;

    /** Two queries of four items; group a holds the top two places of q1 and the last two of q2. */
    static final String RANKING = """
            query,item,gender,rank,score,relevance
            q1,i1,a,1,0.9,1
            q1,i2,a,2,0.8,0
            q1,i3,b,3,0.7,1
            q1,i4,b,4,0.1,0
            q2,i5,b,1,0.95,1
            q2,i6,a,4,0.05,1
            q2,i7,b,2,0.5,0
            q2,i8,a,3,0.4,0
            """;

    static final String MULTICLASS = """
            sex,true_class,predicted_class
            F,cat,cat
            F,dog,cat
            F,bird,bird
            F,cat,dog
            M,cat,cat
            M,dog,dog
            M,bird,bird
            M,dog,dog
            M,bird,cat
            """;

    @BeforeAll
    static void files() throws IOException {
        regression = Files.writeString(dir.resolve("limits.csv"), REGRESSION);
        ranking = Files.writeString(dir.resolve("search.csv"), RANKING);
        multiclass = Files.writeString(dir.resolve("triage.csv"), MULTICLASS);
    }

    private static void oneLineError(Cli.Result r, String expected) {
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).as(r.toString()).isEqualTo(expected + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        return r;
    }

    static RegressionData regressionData() {
        return RegressionData.builder().targets(new double[] {10, 20, 30, 10, 20, 30, 40})
                .predictions(new double[] {12, 16, 36, 11, 19, 31, 39})
                .sensitive("sex", new String[] {"F", "F", "F", "M", "M", "M", "M"})
                .sensitive("region", new String[] {"north", "south", "north", "south", "north", "south", "north"})
                .build();
    }

    @Test
    void regressionTableIsTheLibrarysTaskReport() {
        Cli.Result r = ok("audit", "--data", regression.toString(), "--target", "limit", "--prediction", "predicted",
                "--sensitive", "sex");
        TaskReport library = RegressionFairness.of(regressionData()).groupBy("sex")
                .metrics(RegressionMetrics.values()).clock(Cli.CLOCK).evaluate().asTaskReport();
        assertThat(r.out()).isEqualTo(library.toString());
        assertThat(r.out()).startsWith("FairKit regression report by sex: 2 groups");
    }

    @Test
    void regressionJsonHasTheGroupsMetricsAggregatesAndNamedDisparities() {
        Cli.Result r = ok("audit", "--data", regression.toString(), "--task", "regression", "--target", "limit",
                "--prediction", "predicted", "--sensitive", "sex,region", "--intersect", "--format", "json");
        JsonNode doc = r.json();
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.audit/1");
        assertThat(doc.get("task").asText()).isEqualTo("regression");
        assertThat(doc.get("source").asText()).isEqualTo(regression.toString());
        assertThat(names(doc)).containsExactly("schema", "task", "source", "reports");
        assertThat(doc.get("reports")).hasSize(3);
        JsonNode bySex = doc.get("reports").get(0);
        assertThat(bySex.get("schema").asText()).isEqualTo("fairkit.task-report/1");
        assertThat(bySex.get("task").asText()).isEqualTo("regression");
        assertThat(bySex.get("grouping").toString()).isEqualTo("[\"sex\"]");
        assertThat(names(bySex)).containsExactly("schema", "task", "grouping", "metrics", "groups", "overall",
                "aggregates", "fairness_metrics", "warnings", "provenance");
        List<String> all = new ArrayList<>();
        for (RegressionMetrics m : RegressionMetrics.values()) {
            all.add(m.info().id());
        }
        assertThat(bySex.get("metrics").toString()).isEqualTo(json(all));
        JsonNode f = bySex.get("groups").get(0);
        assertThat(f.get("label").asText()).isEqualTo("F");
        assertThat(f.get("levels").get("sex").asText()).isEqualTo("F");
        assertThat(f.get("size").asLong()).isEqualTo(3);
        assertThat(f.get("metrics").get("mean_absolute_error").get("value").asDouble()).isEqualTo(4.0);
        assertThat(bySex.get("groups").get(1).get("metrics").get("mean_absolute_error").get("value").asDouble())
                .isEqualTo(1.0);
        assertThat(bySex.get("overall").get("size").asLong()).isEqualTo(7);
        assertThat(bySex.get("overall").get("metrics").get("mean_absolute_error").get("value").asDouble())
                .isCloseTo(16.0 / 7, within(1e-12));
        JsonNode maeDiff = bySex.get("aggregates").get("mean_absolute_error").get("difference");
        assertThat(maeDiff.get("value").asDouble()).isEqualTo(3.0);
        assertThat(maeDiff.get("groups").toString()).isEqualTo("[\"F\",\"M\"]");
        assertThat(bySex.get("aggregates").get("mean_absolute_error").get("ratio").get("value").asDouble())
                .isEqualTo(0.25);
        JsonNode bgl = bySex.get("fairness_metrics").get("bounded_group_loss_absolute");
        assertThat(bgl.get("value").asDouble()).isEqualTo(4.0);
        assertThat(bgl.get("groups").toString()).isEqualTo("[\"F\"]");
        assertThat(bySex.get("fairness_metrics").get("mae_parity_difference").get("value").asDouble()).isEqualTo(3.0);
        // R² of the single-row intersection groups is undefined, with the reason, never NaN.
        JsonNode inter = doc.get("reports").get(2);
        assertThat(inter.get("grouping").toString()).isEqualTo("[\"sex\",\"region\"]");
        JsonNode r2 = inter.get("groups").get(0).get("metrics").get("r2_score");
        assertThat(inter.get("groups").get(0).get("size").asLong()).isEqualTo(2);
        assertThat(r2.has("value")).isTrue();
        JsonNode single = findGroup(inter, "F & south").get("metrics").get("r2_score");
        assertThat(single.get("value").isNull()).isTrue();
        assertThat(single.get("undefined").asText()).isNotEmpty();
    }

    @Test
    void regressionIsInferredFromTargetAndExplicitTaskGivesTheSameDocument() {
        Cli.Result inferred = ok("audit", "--data", regression.toString(), "--target", "limit", "--prediction",
                "predicted", "--sensitive", "sex", "--format", "json");
        Cli.Result explicit = ok("audit", "--task", "regression", "--data", regression.toString(), "--target",
                "limit", "--prediction", "predicted", "--sensitive", "sex", "--format", "json");
        assertThat(inferred.out()).isEqualTo(explicit.out());
    }

    @Test
    void regressionWeightsMetricSelectionReferenceAndMinGroupSize() {
        Cli.Result r = ok("audit", "--data", regression.toString(), "--target", "limit", "--prediction", "predicted",
                "--weight", "w", "--sensitive", "sex", "--reference", "M", "--min-group-size", "4", "--metrics",
                "mae,bounded_group_loss_absolute", "--format", "json");
        JsonNode rep = r.json().get("reports").get(0);
        assertThat(rep.get("metrics").toString()).isEqualTo("[\"mean_absolute_error\"]");
        assertThat(names(rep.get("fairness_metrics"))).containsExactly("bounded_group_loss_absolute");
        // F: weights 1, 2, 1 on errors 2, 4, 6: (2 + 8 + 6) / 4 = 4; M: weights 1, 1, 3, 1 on errors 1: 1.
        assertThat(rep.get("groups").get(0).get("metrics").get("mean_absolute_error").get("value").asDouble())
                .isEqualTo(4.0);
        // F has 3 rows < 4: reported, flagged, left out of the disparities.
        JsonNode bgl = rep.get("fairness_metrics").get("bounded_group_loss_absolute");
        assertThat(bgl.get("value").asDouble()).isEqualTo(1.0);
        assertThat(bgl.get("excluded").get(0).get("group").asText()).isEqualTo("F");
        assertThat(rep.get("warnings").get(0).get("kind").asText()).isEqualTo("SMALL_GROUP");
        TaskReport library = RegressionFairness.of(RegressionData.builder()
                .targets(new double[] {10, 20, 30, 10, 20, 30, 40}).predictions(new double[] {12, 16, 36, 11, 19, 31, 39})
                .weights(new double[] {1, 2, 1, 1, 1, 3, 1})
                .sensitive("sex", new String[] {"F", "F", "F", "M", "M", "M", "M"}).build())
                .metrics(new RegressionMetric[] {RegressionMetrics.MEAN_ABSOLUTE_ERROR})
                .fairnessMetrics(org.fairkit.core.regression.RegressionFairnessMetric.BOUNDED_GROUP_LOSS_ABSOLUTE)
                .reference("M").minGroupSize(4).clock(Cli.CLOCK).evaluate().asTaskReport();
        Cli.Result table = ok("audit", "--data", regression.toString(), "--target", "limit", "--prediction",
                "predicted", "--weight", "w", "--sensitive", "sex", "--reference", "M", "--min-group-size", "4",
                "--metrics", "mae,bounded_group_loss_absolute");
        assertThat(table.out()).isEqualTo(library.toString());
    }

    @Test
    void rankingPoolsTheExposureOfEveryQuery() {
        Cli.Result r = ok("audit", "--data", ranking.toString(), "--query", "query", "--rank", "rank",
                "--relevance", "relevance", "--sensitive", "gender", "--format", "json");
        JsonNode doc = r.json();
        assertThat(doc.get("task").asText()).isEqualTo("ranking");
        JsonNode rep = doc.get("reports").get(0);
        assertThat(rep.get("metrics").toString())
                .isEqualTo("[\"exposure\",\"exposure_per_relevance\",\"click_through_per_relevance\"]");
        // v(p) = 1 / log2(1 + p); a: q1 ranks 1, 2 and q2 ranks 4, 3; b: q1 ranks 3, 4 and q2 ranks 1, 2.
        double a = (v(1) + v(2) + v(4) + v(3)) / 4;
        double b = (v(3) + v(4) + v(1) + v(2)) / 4;
        JsonNode ga = rep.get("groups").get(0);
        assertThat(ga.get("label").asText()).isEqualTo("a");
        assertThat(ga.get("size").asLong()).isEqualTo(4);
        assertThat(ga.get("metrics").get("exposure").get("value").asDouble()).isCloseTo(a, within(1e-12));
        assertThat(rep.get("groups").get(1).get("metrics").get("exposure").get("value").asDouble())
                .isCloseTo(b, within(1e-12));
        // Exposure per relevance: a's relevant items are q1 rank 1 and q2 rank 4 (relevance 2 in all).
        assertThat(ga.get("metrics").get("exposure_per_relevance").get("value").asDouble())
                .isCloseTo((v(1) + v(2) + v(4) + v(3)) / 2, within(1e-12));
        assertThat(names(rep.get("fairness_metrics"))).containsExactly("exposure_difference", "exposure_ratio",
                "disparate_treatment_ratio", "disparate_impact_ratio");
        assertThat(rep.get("fairness_metrics").get("exposure_ratio").get("value").asDouble())
                .isCloseTo(1.0, within(1e-12));
        assertThat(rep.get("aggregates").get("exposure").get("difference").get("value").asDouble())
                .isCloseTo(0.0, within(1e-12));
    }

    @Test
    void rankingOneQueryByScoreWithAPositionBias() {
        Cli.Result r = ok("audit", "--data", ranking.toString(), "--score", "score", "--sensitive", "gender",
                "--position-bias", "cutoff:2", "--format", "json");
        JsonNode rep = r.json().get("reports").get(0);
        // One ranking of 8 by score: 0.95 (b), 0.9 (a) are the two seen.
        assertThat(rep.get("groups").get(0).get("metrics").get("exposure").get("value").asDouble()).isEqualTo(0.25);
        assertThat(rep.get("groups").get(1).get("metrics").get("exposure").get("value").asDouble()).isEqualTo(0.25);
        assertThat(rep.get("metrics").toString()).isEqualTo("[\"exposure\"]");
        Cli.Result geometric = ok("audit", "--data", ranking.toString(), "--query", "query", "--score", "score",
                "--sensitive", "gender", "--position-bias", "geometric:0.5", "--format", "json");
        // q1 by score: a a b b; q2: b b a a. a: (1 + .5 + .25 + .125) / 4.
        assertThat(geometric.json().get("reports").get(0).get("groups").get(0).get("metrics").get("exposure")
                .get("value").asDouble()).isEqualTo((1 + 0.5 + 0.25 + 0.125) / 4);
    }

    @Test
    void rankingMinGroupSizeLeavesSmallGroupsOutOfTheDisparities() throws IOException {
        Path file = Files.writeString(dir.resolve("small.csv"), "g,rank\na,1\na,2\nb,3\nc,4\n");
        Cli.Result r = ok("audit", "--data", file.toString(), "--rank", "rank", "--sensitive", "g",
                "--min-group-size", "2", "--format", "json");
        JsonNode rep = r.json().get("reports").get(0);
        JsonNode ratio = rep.get("fairness_metrics").get("exposure_ratio");
        assertThat(ratio.get("value").isNull()).isTrue();
        assertThat(ratio.get("excluded")).hasSize(2);
        assertThat(rep.get("warnings")).hasSize(2);
        assertThat(rep.get("warnings").get(0).get("message").asText()).isEqualTo("group g=b: n = 1 items is below "
                + "minGroupSize 2; reported, but left out of disparities");
    }

    @Test
    void multiclassIsTheLibrarysOneVsRestReport() {
        Cli.Result r = ok("audit", "--task", "multiclass", "--data", multiclass.toString(), "--label", "true_class",
                "--prediction", "predicted_class", "--sensitive", "sex", "--metrics", "tpr,precision");
        MulticlassData data = MulticlassData.builder()
                .labels(new String[] {"cat", "dog", "bird", "cat", "cat", "dog", "bird", "dog", "bird"})
                .predictions(new String[] {"cat", "cat", "bird", "dog", "cat", "dog", "bird", "dog", "cat"})
                .sensitive("sex", new String[] {"F", "F", "F", "F", "M", "M", "M", "M", "M"}).build();
        TaskReport library = MulticlassFairness.of(data).groupBy("sex")
                .metrics(Metrics.TRUE_POSITIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE).clock(Cli.CLOCK).evaluate()
                .asTaskReport();
        assertThat(r.out()).isEqualTo(library.toString());
        Cli.Result json = ok("audit", "--task", "multiclass", "--data", multiclass.toString(), "--label",
                "true_class", "--prediction", "predicted_class", "--sensitive", "sex", "--format", "json");
        JsonNode rep = json.json().get("reports").get(0);
        assertThat(json.json().get("task").asText()).isEqualTo("multiclass");
        assertThat(rep.get("metrics").get(0).asText()).startsWith("macro_");
        // Macro recall of F: cat 1/2, dog 0/1, bird 1/1 -> 0.5.
        assertThat(rep.get("groups").get(0).get("metrics").get("macro_true_positive_rate").get("value").asDouble())
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void outWritesTheReportMetricsRunRecordAndATrailEntry() throws IOException {
        Path out = dir.resolve("regression-run");
        Cli.Result r = ok("audit", "--data", regression.toString(), "--target", "limit", "--prediction", "predicted",
                "--sensitive", "sex", "--out", out.toString(), "--format", "json");
        JsonNode run = r.json().get("run");
        assertThat(names(r.json())).containsExactly("schema", "task", "source", "reports", "run");
        List<String> paths = new ArrayList<>();
        run.get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertThat(paths).containsExactly("metrics.csv", "metrics.json", "report.json", "fairness-dashboard.html",
                "fairness-audit.pdf", "compliance-report.pdf", "executive-summary.html");
        assertThat(Files.readString(out.resolve("fairness-dashboard.html"))).contains("mean_absolute_error");
        assertThat(Files.readAllBytes(out.resolve("fairness-audit.pdf"))).startsWith("%PDF".getBytes());
        assertThat(run.get("trail_entry").asLong()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"task\": \"regression\"")
                .contains("\"schema\": \"fairkit.task-report/1\"");
        assertThat(Files.readString(out.resolve("metrics.csv"))).startsWith("grouping,kind,metric,group,count,value,"
                + "undefined_reason,lower,upper,level,interval_method\nsex,group_value,mean_prediction,F,3,");
        assertThat(Files.readString(out.resolve("metrics.csv")))
                .contains("\nsex,fairness_metric,bounded_group_loss_absolute,,7,4.0,,,,,\n");
        assertThat(Files.readString(out.resolve("run-record.json"))).contains("\"schema\": \"fairkit.run-record/1\"");
        Cli.Result verify = Cli.run("trail", "verify", out.resolve("audit-trail.jsonl").toString());
        assertThat(verify.code()).as(verify.toString()).isZero();
        Cli.Result table = ok("audit", "--data", ranking.toString(), "--rank", "rank", "--query", "query",
                "--sensitive", "gender", "--out", out.toString(), "--outputs", "detailed_report");
        assertThat(table.out()).contains("Wrote 1 files to " + out).contains("Recorded as entry 2 of ");
        Path two = dir.resolve("two-groupings");
        Cli.Result docs = ok("audit", "--data", regression.toString(), "--target", "limit", "--prediction",
                "predicted", "--sensitive", "sex,region", "--out", two.toString(), "--outputs",
                "dashboard_export,executive_summary_slides");
        assertThat(docs.out()).contains("Wrote 4 files to " + two);
        assertThat(two.resolve("fairness-dashboard.html")).exists();
        assertThat(two.resolve("fairness-dashboard-region.html")).exists();
        assertThat(two.resolve("executive-summary-region.html")).exists();
        assertThat(Cli.run("trail", "verify", out.resolve("audit-trail.jsonl").toString()).code()).isZero();
    }

    @Test
    void badCellsNameTheFileLineRowColumnAndWhatWasExpected() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-target.csv"), "sex,limit,predicted\nF,10,12\nM,ten,11\n");
        oneLineError(Cli.run("audit", "--data", bad.toString(), "--target", "limit", "--prediction", "predicted",
                "--sensitive", "sex"), "fairkit audit: error: file '" + bad + "', line 3 (data row 2), column "
                        + "'limit': got 'ten'; expected a finite number");
        Path rank = Files.writeString(dir.resolve("bad-rank.csv"), "g,rank\na,1\nb,1.5\n");
        oneLineError(Cli.run("audit", "--data", rank.toString(), "--rank", "rank", "--sensitive", "g"),
                "fairkit audit: error: file '" + rank + "', line 3 (data row 2), column 'rank': got '1.5'; expected "
                        + "a whole number >= 1 (a rank, 1 = top)");
        Path twice = Files.writeString(dir.resolve("rank-twice.csv"), "q,g,rank\nx,a,1\ny,a,1\nx,b,1\n");
        oneLineError(Cli.run("audit", "--data", twice.toString(), "--query", "q", "--rank", "rank", "--sensitive",
                "g"), "fairkit audit: error: file '" + twice + "', line 4 (data row 3), column 'rank': got '1'; "
                        + "expected a rank not used before in query 'x' (ranks 1..2, each used once)");
        Path gap = Files.writeString(dir.resolve("rank-gap.csv"), "g,rank\na,1\nb,3\n");
        oneLineError(Cli.run("audit", "--data", gap.toString(), "--rank", "rank", "--sensitive", "g"),
                "fairkit audit: error: file '" + gap + "', line 3 (data row 2), column 'rank': got '3'; expected a "
                        + "rank in 1..2 (the ranking has 2 items, each rank used once)");
        Path relevance = Files.writeString(dir.resolve("bad-relevance.csv"), "g,rank,rel\na,1,-1\nb,2,0\n");
        oneLineError(Cli.run("audit", "--data", relevance.toString(), "--rank", "rank", "--relevance", "rel",
                "--sensitive", "g"), "fairkit audit: error: file '" + relevance + "', line 2 (data row 1), column "
                        + "'rel': got '-1'; expected a finite relevance >= 0");
        Path empty = Files.writeString(dir.resolve("empty-class.csv"), "g,y,p\na,cat, \n");
        oneLineError(Cli.run("audit", "--task", "multiclass", "--data", empty.toString(), "--label", "y",
                "--prediction", "p", "--sensitive", "g"), "fairkit audit: error: file '" + empty + "', line 2 (data "
                        + "row 1), column 'p': got ' '; expected a non-empty class label");
        oneLineError(Cli.run("audit", "--data", regression.toString(), "--target", "limit", "--prediction", "nope",
                "--sensitive", "sex"), "fairkit audit: error: file '" + regression + "': column 'nope' (prediction) "
                        + "is missing; the header has [sex, region, limit, predicted, w]");
    }

    @Test
    void usageMistakesAreOneLineErrors() {
        oneLineError(Cli.run("audit", "--task", "regression", "--data", regression.toString(), "--prediction",
                "predicted", "--sensitive", "sex"), "fairkit audit: error: a regression audit needs --target COLUMN "
                        + "(the true and the predicted value, numeric)");
        oneLineError(Cli.run("audit", "--task", "survival", "--data", regression.toString(), "--label", "limit",
                "--prediction", "predicted", "--sensitive", "sex"), "fairkit audit: error: --task: unknown task "
                        + "'survival'; expected binary, regression, ranking or multiclass");
        oneLineError(Cli.run("audit", "--data", regression.toString(), "--target", "limit", "--label", "limit",
                "--prediction", "predicted", "--sensitive", "sex"), "fairkit audit: error: --label is for "
                        + "classification; a regression's true value is --target; it does not apply to a regression "
                        + "audit");
        oneLineError(Cli.run("audit", "--data", ranking.toString(), "--rank", "rank", "--score", "score",
                "--sensitive", "gender"), "fairkit audit: error: a ranking audit places items by --rank COLUMN "
                        + "(1 = top) or by --score COLUMN (higher first): give one, not both");
        oneLineError(Cli.run("audit", "--task", "ranking", "--data", ranking.toString(), "--sensitive", "gender"),
                "fairkit audit: error: a ranking audit places items by --rank COLUMN (1 = top) or by --score COLUMN "
                        + "(higher first): give one");
        oneLineError(Cli.run("audit", "--data", ranking.toString(), "--rank", "rank", "--sensitive", "gender",
                "--position-bias", "zipf"), "fairkit audit: error: --position-bias: unknown model 'zipf'; expected "
                        + "log, reciprocal, geometric:P (0 < P <= 1) or cutoff:K (K >= 1)");
        oneLineError(Cli.run("audit", "--data", ranking.toString(), "--rank", "rank", "--sensitive", "gender",
                "--position-bias", "geometric:2"), "fairkit audit: error: --position-bias geometric:2: patience must "
                        + "be in (0, 1], got 2.0");
        oneLineError(Cli.run("audit", "--task", "multiclass", "--data", multiclass.toString(), "--label",
                "true_class", "--sensitive", "sex"), "fairkit audit: error: a multiclass audit needs --label COLUMN "
                        + "and --prediction COLUMN (the true and the predicted class)");
        oneLineError(Cli.run("audit", "--data", regression.toString(), "--target", "limit", "--prediction",
                "predicted", "--sensitive", "sex", "--metrics", "accuracy"), "fairkit audit: error: unknown "
                        + "regression metric id 'accuracy'; valid ids: mean_prediction, mean_target, mean_error, "
                        + "mean_absolute_error, mean_squared_error, root_mean_squared_error, r2_score, "
                        + "bounded_group_loss_absolute, bounded_group_loss_squared, mae_parity_difference, "
                        + "mae_parity_ratio, mean_prediction_difference, mean_error_difference");
        oneLineError(Cli.run("audit", "--data", ranking.toString(), "--rank", "rank", "--sensitive", "gender",
                "--bootstrap", "100"), "fairkit audit: error: --bootstrap is not available for a ranking audit; "
                        + "intervals are estimated for binary and regression audits");
        oneLineError(Cli.run("audit", "--data", regression.toString(), "--target", "limit", "--prediction",
                "predicted", "--sensitive", "sex", "--out", dir.resolve("x").toString(), "--outputs",
                "flagged_cases"), "fairkit audit: error: output 'flagged_cases' is not available for a regression "
                        + "audit; available: [metrics_export, detailed_report, dashboard_export, fairness_audit_pdf, "
                        + "compliance_report, executive_summary_slides]");
    }

    @Test
    void theBinaryAuditStillNeedsItsLabelAndPrediction() {
        Path lending = Cli.lending(dir, 200, 3);
        oneLineError(Cli.run("audit", "--data", lending.toString(), "--prediction", "approved", "--sensitive", "sex"),
                "fairkit audit: error: Missing required option: '--label=COLUMN' (see 'fairkit audit --help')");
        oneLineError(Cli.run("audit", "--data", lending.toString(), "--sensitive", "sex"), "fairkit audit: error: "
                + "Missing required options: '--label=COLUMN', '--prediction=COLUMN' (see 'fairkit audit --help')");
        oneLineError(Cli.run("audit", "--data", lending.toString(), "--label", "repaid", "--prediction", "approved",
                "--sensitive", "sex", "--rank", "score"), "fairkit audit: error: --label is for classification "
                        + "(--task binary or multiclass); it does not apply to a ranking audit");
        oneLineError(Cli.run("audit", "--task", "binary", "--data", lending.toString(), "--label", "repaid",
                "--prediction", "approved", "--sensitive", "sex", "--rank", "score"), "fairkit audit: error: --rank "
                        + "is for a ranking audit (--task ranking); it does not apply to a binary audit");
    }

    @Test
    void theBinaryJsonOnlyGainsTheTaskKey() {
        Path lending = Cli.lending(dir, 300, 5);
        Cli.Result r = ok(Cli.audit(lending, "--format", "json"));
        assertThat(names(r.json())).containsExactly("schema", "task", "source", "reports");
        assertThat(r.json().get("task").asText()).isEqualTo("binary");
        assertThat(r.json().get("reports").get(0).get("schema").asText()).isEqualTo("fairkit.report/1");
        Cli.Result explicit = ok(Cli.audit(lending, "--format", "json", "--task", "binary"));
        assertThat(explicit.out()).isEqualTo(r.out());
    }

    private static double v(int p) {
        return 1 / (Math.log(1 + p) / Math.log(2));
    }

    private static JsonNode findGroup(JsonNode report, String label) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("label").asText().equals(label)) {
                return g;
            }
        }
        throw new AssertionError("no group " + label);
    }

    static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String json(List<String> ids) {
        return "[" + String.join(",", ids.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }
}
