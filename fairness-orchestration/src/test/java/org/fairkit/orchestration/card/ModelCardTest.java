package org.fairkit.orchestration.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Provenance;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.Bootstrap;
import org.junit.jupiter.api.Test;

/** The fairness model card: its JSON, its exact Markdown, its caveats and its MLflow file. */
class ModelCardTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

    static FairnessReport fixedTime(FairnessReport r) {
        Provenance p = r.provenance();
        return r.withProvenance(new Provenance("0.1.0", p.configuration(), p.rows(), p.inputSha256(), AT));
    }

    /** Group a: 4 rows; group "b|c": 3 rows, no positive label (its true positive rate is undefined). */
    static FairnessReport small() {
        FairnessData data = FairnessData.builder().labels(new int[] {1, 1, 0, 0, 0, 0, 0})
                .predictions(new int[] {1, 0, 1, 0, 1, 0, 0})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b|c", "b|c", "b|c"}).build();
        return fixedTime(Fairness.of(data).groupBy("g").metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                        FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)
                .minGroupSize(4).evaluate());
    }

    @Test
    void markdownHasTheCardSectionsWithExactNumbersAndCaveats() {
        FairnessReport r = small();
        ModelCard card = ModelCard.builder(r).model("credit_scoring", "v7")
                .evaluationData("7 toy rows").caveat("Group labels are self-reported.").build();

        assertThat(card.toMarkdown()).isEqualTo("# Model card (fairness): credit\\_scoring v7\n\n"
                + "## Intended use\n\nNot stated by the model owner.\n\n"
                + "## Evaluation data\n\n7 toy rows\n\n"
                + "- Rows: 7\n"
                + "- Input SHA-256: `" + r.provenance().inputSha256() + "`\n"
                + "- Evaluated at: 2026-12-07T12:00:00Z by FairKit 0.1.0\n\n"
                + "## Quantitative analyses\n\n"
                + "### By g\n\n"
                + "Point estimates; no intervals were estimated.\n\n"
                + "| group | rows | selection\\_rate | true\\_positive\\_rate |\n"
                + "| --- | ---: | ---: | ---: |\n"
                + "| a | 4 | 0.500 | 0.500 |\n"
                + "| b\\|c (small) | 3 | 0.333 | " + undefinedCell(r) + " |\n\n"
                + "| fairness metric | value | between |\n| --- | ---: | --- |\n"
                + "| demographic\\_parity\\_difference | " + cellOf(r, FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE)
                + "| equal\\_opportunity\\_difference | " + cellOf(r, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)
                + "\n## Caveats and recommendations\n\n"
                + "- Group labels are self-reported.\n"
                + "- The intended use was not stated: the analyses below say nothing about whether the model fits a "
                + "given use.\n"
                + "- g: group b\\|c has 3 rows, below the minimum group size 4; it is reported but left out of the "
                + "disparities.\n"
                + warningLines(r)
                + "- g: no intervals were estimated; the values are point estimates of this sample, and a difference "
                + "between groups may be chance.\n"
                + "- The analyses describe the evaluation data only; other populations, time periods or decision "
                + "thresholds may differ, so re-audit when any of them changes.\n");
        assertThat(card.toString()).isEqualTo("ModelCard[credit_scoring v7, 1 grouping(s), "
                + card.caveats().size() + " caveats]");
    }

    private static String undefinedCell(FairnessReport r) {
        var v = r.value(Metrics.TRUE_POSITIVE_RATE, org.fairkit.core.group.GroupKey.of("g", "b|c"));
        assertThat(v.isDefined()).isFalse();
        return "undefined (" + v.reason().orElseThrow().replace("_", "\\_").replace("|", "\\|") + ")";
    }

    private static String cellOf(FairnessReport r, FairnessMetric m) {
        var d = r.fairness(m);
        String value = d.isDefined() ? String.format(java.util.Locale.ROOT, "%.3f", d.asDouble())
                : "undefined (" + d.value().reason().orElseThrow().replace("_", "\\_").replace("|", "\\|") + ")";
        return value + " | " + String.join(", ", d.groups().stream().map(g -> g.label().replace("|", "\\|"))
                .toList()) + " |\n";
    }

    private static String warningLines(FairnessReport r) {
        StringBuilder b = new StringBuilder();
        r.warnings().forEach(w -> b.append("- g: ").append(w.message().replace("\\", "\\\\").replace("|", "\\|")
                .replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")).append('\n'));
        return b.toString();
    }

    @Test
    void jsonCarriesEachGroupWithIntervalsAndTheFairnessMetrics() throws IOException {
        FairnessReport r = fixedTime(Fairness.of(SyntheticLending.generate(3000, 2))
                .groupBy(SyntheticLending.ETHNICITY).metrics(Metrics.SELECTION_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .intervals(Bootstrap.percentile(200).seed(1)).evaluate());
        ModelCard card = ModelCard.builder(r).model("credit", "v7")
                .intendedUse("Pre-screening; a person decides.").outOfScope("Employment decisions")
                .outOfScope("Housing").build();

        JsonNode j = JSON.readTree(card.toJson());

        assertThat(j.get("schema").asText()).isEqualTo("fairkit.model-card/1");
        assertThat(j.at("/model/name").asText()).isEqualTo("credit");
        assertThat(j.at("/intended_use/primary_use").asText()).isEqualTo("Pre-screening; a person decides.");
        assertThat(j.at("/intended_use/out_of_scope")).hasSize(2);
        assertThat(j.at("/evaluation_data/description").isNull()).isTrue();
        assertThat(j.at("/evaluation_data/rows").asLong()).isEqualTo(3000);
        assertThat(j.at("/evaluation_data/input_sha256").asText()).isEqualTo(r.provenance().inputSha256());
        JsonNode a = j.at("/quantitative_analyses/0");
        assertThat(a.at("/grouping/0").asText()).isEqualTo("ethnicity");
        assertThat(a.get("by_group")).hasSize(r.groups().size());
        JsonNode b = a.at("/by_group/1");
        assertThat(b.get("group").asText()).isEqualTo(r.byGroup().get(1).group().label());
        assertThat(b.at("/metrics/selection_rate/value").asDouble())
                .isEqualTo(r.byGroup().get(1).value(Metrics.SELECTION_RATE).value());
        assertThat(b.at("/metrics/selection_rate/interval/lower").isNumber()).isTrue();
        assertThat(a.at("/fairness/demographic_parity_ratio/value").asDouble())
                .isEqualTo(r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).asDouble());
        assertThat(a.at("/fairness/demographic_parity_ratio/interval/level").asDouble()).isEqualTo(0.95);
        assertThat(j.get("caveats")).extracting(JsonNode::asText).noneMatch(c -> c.contains("intended use"))
                .noneMatch(c -> c.contains("no intervals"));
        assertThat(j.at("/provenance/0/input_sha256").asText()).isEqualTo(r.provenance().inputSha256());
        assertThat(card.toMarkdown()).contains("Values with 95% intervals (").contains("| fairness metric |");
        assertThat(card.toJson()).isEqualTo(ModelCard.builder(r).model("credit", "v7")
                .intendedUse("Pre-screening; a person decides.").outOfScope("Employment decisions")
                .outOfScope("Housing").build().toJson());
    }

    @Test
    void mlflowFileHasValidKeysAndUndefinedValuesAsTags() throws IOException {
        FairnessReport r = small();
        MlflowExport x = ModelCard.builder(r).model("credit", "v7").build().mlflow();

        assertThat(x.metrics()).containsEntry("group/g/a/selection_rate", 0.5)
                .containsEntry("group/g/b_c/selection_rate", 1.0 / 3).containsEntry("group/g/b_c/rows", 3.0)
                .doesNotContainKey("group/g/b_c/true_positive_rate");
        assertThat(x.tags()).containsKey("undefined/group/g/b_c/true_positive_rate")
                .containsEntry("fairkit.schema", "fairkit.model-card/1").containsEntry("model.name", "credit")
                .containsEntry("model.version", "v7").containsEntry("fairkit.groupings", "g");
        assertThat(x.tags().get("fairkit.caveats")).startsWith("1. The intended use was not stated");
        assertThat(x.metrics().keySet()).allMatch(MlflowExport::isValidKey);
        assertThat(x.tags().keySet()).allMatch(MlflowExport::isValidKey);
        assertThat(x.metrics().values()).allMatch(Double::isFinite);
        JsonNode doc = JSON.readTree(x.toJson());
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.mlflow/1");
        assertThat(doc.get("metrics")).hasSize(x.metrics().size());
        assertThat(doc.get("tags")).hasSize(x.tags().size());
    }

    @Test
    void intersectionalGroupsAndIntervalsBecomeKeys() {
        FairnessReport r = Fairness.of(SyntheticLending.generate(2000, 5))
                .groupBy(SyntheticLending.ETHNICITY, SyntheticLending.SEX).metrics(Metrics.SELECTION_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .intervals(Bootstrap.percentile(100).seed(2)).evaluate();
        MlflowExport x = ModelCard.builder(r).model("m", "1").build().mlflow();

        assertThat(x.metrics()).containsKeys("fairness/ethnicity x sex/demographic_parity_ratio",
                "fairness/ethnicity x sex/demographic_parity_ratio/lower",
                "fairness/ethnicity x sex/demographic_parity_ratio/upper");
        assertThat(x.metrics().keySet()).allMatch(MlflowExport::isValidKey)
                .anyMatch(k -> k.startsWith("group/ethnicity x sex/Group B _ "));
    }

    @Test
    void keysFollowMlflowsRules() {
        assertThat(MlflowExport.key("group", "race", "African-American & Male", "tpr"))
                .isEqualTo("group/race/African-American _ Male/tpr");
        assertThat(MlflowExport.key("a/b", "..", ".", "", "é")).isEqualTo("a_b/_/_/_/_");
        String longKey = MlflowExport.key("x".repeat(300));
        assertThat(longKey).hasSize(250).startsWith("x".repeat(241) + "_");
        assertThat(MlflowExport.key("x".repeat(300))).isEqualTo(longKey);
        assertThat(MlflowExport.key("x".repeat(299))).isNotEqualTo(longKey);
        assertThat(MlflowExport.isValidKey("a/b.c-d e_f")).isTrue();
        assertThat(MlflowExport.isValidKey("/a")).isFalse();
        assertThat(MlflowExport.isValidKey("a/")).isFalse();
        assertThat(MlflowExport.isValidKey("a//b")).isFalse();
        assertThat(MlflowExport.isValidKey("a/../b")).isFalse();
        assertThat(MlflowExport.isValidKey("a:b")).isFalse();
        assertThat(MlflowExport.isValidKey("")).isFalse();
        assertThat(MlflowExport.isValidKey("y".repeat(251))).isFalse();
    }

    @Test
    void anyTextBecomesAValidKey() {
        qt().withFixedSeed(17).withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 300),
                strings().basicLatinAlphabet().ofLengthBetween(0, 20))
                .checkAssert((a, b) -> assertThat(MlflowExport.isValidKey(MlflowExport.key("group", a, b)))
                        .as("key of %s / %s", a, b).isTrue());
    }

    @Test
    void collidingKeysAndLongTagsStayDistinctAndBounded() {
        MlflowExport x = new MlflowExport();
        x.metric(MlflowExport.key("group", "a&b"), 1, "");
        x.metric(MlflowExport.key("group", "a|b"), 2, "");
        x.metric(MlflowExport.key("group", "a b"), 3, "");
        x.tag("long", "z".repeat(6000));
        assertThat(x.metrics()).containsExactly(java.util.Map.entry("group/a_b", 1.0),
                java.util.Map.entry("group/a_b_2", 2.0), java.util.Map.entry("group/a b", 3.0));
        assertThat(x.tags().get("long")).hasSize(5000).endsWith("... [truncated]");
    }

    @Test
    void builderNamesMissingAndBadSettings() {
        FairnessReport r = small();
        assertThatThrownBy(() -> ModelCard.builder(r).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("model is required: the model's name and version");
        assertThatThrownBy(() -> ModelCard.builder(r).model("m", " "))
                .hasMessage("model version must not be blank");
        assertThatThrownBy(() -> ModelCard.builder(r).intendedUse("x").intendedUse("y"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("intendedUse is already set; each setting is set once");
        assertThatThrownBy(() -> ModelCard.builder(r).caveat(""))
                .hasMessage("caveat must not be blank");
        ModelCard two = ModelCard.builder(r, r).model("m", "1").build();
        assertThat(two.reports()).hasSize(2);
        assertThat(two.caveats()).doesNotHaveDuplicates();
    }
    @Test
    void aReportReadBackFromJsonGivesTheSameCard() {
        FairnessReport r = fixedTime(Fairness.of(SyntheticLending.generate(2500, 8))
                .groupBy(SyntheticLending.ETHNICITY).metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .reference("Group A").intervals(Bootstrap.percentile(100).seed(4)).evaluate());
        FairnessReport back = org.fairkit.orchestration.io.StoredReports.toReport(
                org.fairkit.orchestration.io.ReportJson.read(org.fairkit.orchestration.io.ReportJson.toJson(r)));

        ModelCard live = ModelCard.builder(r).model("m", "1").build();
        ModelCard read = ModelCard.builder(back).model("m", "1").build();

        assertThat(read.toJson()).isEqualTo(live.toJson());
        assertThat(read.toMarkdown()).isEqualTo(live.toMarkdown());
        assertThat(read.mlflow().toJson()).isEqualTo(live.mlflow().toJson());
    }
}
