package org.fairkit.core.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fairkit.testkit.SharedFiles.golden;
import static org.fairkit.testkit.GoldenJson.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fairkit.core.FairnessData;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The individual-fairness metrics against AIF360 0.6.1 (commit 34877916) in {@code ../shared/golden}:
 * {@code synthetic.json -> aif360.A_priv} (20 rows) and the three {@code compas.json -> aif360} blocks (5,278 and 6,172
 * rows), each unweighted and weighted. Every value is {@code ClassificationMetric.<name>()} or
 * {@code BinaryLabelDatasetMetric(dataset).consistency(n_neighbors=5)} of that block, named by its JSON key.
 * Tolerance {@value #TOLERANCE} absolute (numpy sums pairwise, FairKit left to right).
 *
 * <p>Documented differences, pinned here: AIF360 ignores instance weights in the entropy indices (the weighted blocks
 * equal FairKit on {@link Benefits#unweighted()}); AIF360's {@code GE(0)} is {@code inf} when a benefit is 0, FairKit's
 * is undefined with the row; AIF360's {@code α = 0} branch divides the mean log deviation by μ.
 */
class GoldenIndividualTest {
    static final double TOLERANCE = 1e-12;
    private static final double[] ALPHAS = {0.5, 1, 2, 3};

    /**
     * One AIF360 block and the benefits FairKit computes for it.
     *
     * @param name file and block, for test names
     * @param block the JSON block
     * @param benefits FairKit's benefits of the block's rows, weighted as the block's instance weights, grouped by
     *     the protected attribute (two groups: privileged and unprivileged)
     */
    record Block(String name, JsonNode block, Benefits benefits) {
        JsonNode metric(String key) {
            JsonNode v = block.get("classification_metric").get(key);
            assertThat(v).as("%s has %s", name, key).isNotNull();
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Block> blocks() {
        return Stream.of(
                synthetic("unweighted"), synthetic("weighted"),
                compasRace("race_AA_vs_Caucasian[fav=1]", "unweighted", false),
                compasRace("race_AA_vs_Caucasian[fav=1]", "weighted", false),
                compasRace("race_AA_vs_Caucasian[fav=0]", "unweighted", true),
                compasSex("unweighted"), compasSex("weighted"));
    }

    private static Block synthetic(String weighting) {
        JsonNode file = golden("synthetic.json");
        JsonNode rows = file.get("dataset").get("rows");
        FairnessData.Builder b = FairnessData.builder().labels(GoldenJson.ints(rows.get("y_true")))
                .predictions(GoldenJson.ints(rows.get("y_pred")))
                .sensitive("group", GoldenJson.strings(rows.get("group")).toArray(String[]::new));
        if (weighting.equals("weighted")) {
            b.weights(GoldenJson.doubles(rows.get("weight")));
        }
        return new Block("synthetic.json aif360.A_priv." + weighting, file.get("aif360").get("A_priv").get(weighting),
                Benefits.of(b.build(), "group"));
    }

    private static Block compasRace(String block, String weighting, boolean favorableZero) {
        CsvTable csv = SharedFiles.data("compas-predictions.csv")
                .where("race", List.of("African-American", "Caucasian"));
        return compas(block, weighting, favorableZero, csv, "race");
    }

    private static Block compasSex(String weighting) {
        return compas("sex_Female_priv[fav=1]", weighting, false, SharedFiles.data("compas-predictions.csv"), "sex");
    }

    private static Block compas(String block, String weighting, boolean favorableZero, CsvTable csv,
            String feature) {
        JsonNode file = golden("compas.json");
        int[] y = csv.ints("y_true");
        int[] p = csv.ints("y_pred");
        if (favorableZero) { // AIF360 benefits count the favourable label: flip both columns
            y = Arrays.stream(y).map(v -> 1 - v).toArray();
            p = Arrays.stream(p).map(v -> 1 - v).toArray();
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(p)
                .sensitive(feature, csv.strings(feature));
        if (weighting.equals("weighted")) {
            b.weights(csv.doubles("weight"));
        }
        return new Block("compas.json aif360." + block + "." + weighting,
                file.get("aif360").get(block).get(weighting), Benefits.of(b.build(), feature));
    }

    private static void assertEquals(MetricValue actual, JsonNode expected, String what) {
        assertThat(actual.isDefined()).as("%s is defined: %s", what, actual).isTrue();
        assertThat(actual.value()).as(what).isCloseTo(number(expected), within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void entropyIndicesEqualAif360OnUnweightedBenefits(Block block) {
        Benefits b = block.benefits().unweighted();
        for (double a : ALPHAS) {
            String alpha = a == (int) a ? String.valueOf((int) a) : String.valueOf(a);
            assertEquals(InequalityIndices.generalizedEntropy(b, a),
                    block.metric("generalized_entropy_index(alpha=" + alpha + ")"), block + " GE(" + alpha + ")");
            // Two groups (privileged, unprivileged): between_group_* and between_all_groups_* coincide.
            assertEquals(InequalityIndices.betweenGroup(b, a),
                    block.metric("between_group_generalized_entropy_index(alpha=" + alpha + ")"),
                    block + " between-group GE(" + alpha + ")");
            assertEquals(InequalityIndices.betweenGroup(b, a),
                    block.metric("between_all_groups_generalized_entropy_index(alpha=" + alpha + ")"),
                    block + " between-all-groups GE(" + alpha + ")");
        }
        assertEquals(InequalityIndices.theil(b), block.metric("theil_index"), block + " theil_index");
        assertEquals(InequalityIndices.coefficientOfVariation(b), block.metric("coefficient_of_variation"),
                block + " coefficient_of_variation");
        assertEquals(InequalityIndices.betweenGroupTheil(b), block.metric("between_group_theil_index"),
                block + " between_group_theil_index");
        assertEquals(InequalityIndices.betweenGroupCoefficientOfVariation(b),
                block.metric("between_group_coefficient_of_variation"),
                block + " between_group_coefficient_of_variation");
        assertEquals(InequalityIndices.betweenGroupTheil(b), block.metric("between_all_groups_theil_index"),
                block + " between_all_groups_theil_index");
        assertEquals(InequalityIndices.betweenGroupCoefficientOfVariation(b),
                block.metric("between_all_groups_coefficient_of_variation"),
                block + " between_all_groups_coefficient_of_variation");
    }

    /** AIF360 returns inf for GE(0) when a benefit is 0 (a false negative); FairKit says which row. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void meanLogDeviationIsUndefinedWhereAif360ReturnsInfinity(Block block) {
        assertThat(number(block.metric("generalized_entropy_index(alpha=0)"))).isEqualTo(Double.POSITIVE_INFINITY);
        MetricValue mld = InequalityIndices.meanLogDeviation(block.benefits().unweighted());
        assertThat(mld.isDefined()).isFalse();
        assertThat(mld.reason().orElseThrow())
                .matches("row \\d+ has benefit 0, so GE\\(0\\.0\\) is infinite \\(α <= 0\\)");
    }

    /** AIF360's α = 0 branch is −mean(ln(b/μ)) / μ: FairKit's mean log deviation of the group means over μ. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void aif360BetweenGroupGeZeroIsTheMeanLogDeviationDividedByTheMean(Block block) {
        Benefits b = block.benefits().unweighted();
        double mu = 0;
        for (int i = 0; i < b.rows(); i++) {
            mu += b.benefit(i);
        }
        mu /= b.rows();
        double ours = InequalityIndices.betweenGroup(b, 0).orElseThrow();
        assertThat(ours / mu).isCloseTo(number(block.metric("between_group_generalized_entropy_index(alpha=0)")),
                within(TOLERANCE));
        assertThat(Math.abs(ours - number(block.metric("between_group_generalized_entropy_index(alpha=0)"))))
                .as("the two definitions differ").isGreaterThan(1e-6);
    }

    /** With weights, FairKit weighs rows (a weight-2 row counts twice) where AIF360 ignores the weights. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void weightedBenefitsDifferFromAif360WhichIgnoresWeights(Block block) {
        if (!block.benefits().isWeighted()) {
            return;
        }
        double weighted = InequalityIndices.theil(block.benefits()).orElseThrow();
        assertThat(Math.abs(weighted - number(block.metric("theil_index")))).isGreaterThan(1e-6);
    }

    @Test
    void syntheticConsistencyEqualsAif360ExactlyAsNoNeighbourSetIsTied() {
        JsonNode file = golden("synthetic.json");
        JsonNode rows = file.get("dataset").get("rows");
        JsonNode expected = file.get("aif360").get("A_priv").get("unweighted").get("consistency");
        assertThat(GoldenJson.strings(expected.get("feature_columns"))).containsExactly("score", "group_code");
        String[] group = GoldenJson.strings(rows.get("group")).toArray(String[]::new);
        double[] code = Arrays.stream(group).mapToDouble(g -> g.equals("A") ? 1 : 0).toArray(); // A privileged = 1
        FeatureMatrix x = FeatureMatrix.ofColumns(List.of("score", "group_code"),
                GoldenJson.doubles(rows.get("score")), code);
        Consistency c = Consistency.neighbours(expected.get("n_neighbors").asInt());
        ConsistencyResult labels = c.evaluate(x, GoldenJson.ints(rows.get("y_true")));
        ConsistencyResult predictions = c.evaluate(x, GoldenJson.ints(rows.get("y_pred")));
        int ties = expected.get("tie_diagnostic").get("rows_whose_kth_and_k_plus_1th_neighbour_distances_tie").asInt();
        assertThat(ties).isZero();
        assertThat(labels.ambiguousRows()).isZero();
        assertThat(predictions.ambiguousRows()).isZero();
        assertThat(labels.asDouble()).isCloseTo(number(expected.get("consistency[labels]")), within(TOLERANCE));
        assertThat(predictions.asDouble()).isCloseTo(number(expected.get("consistency[predictions]")),
                within(TOLERANCE));
        assertThat(labels.lowestOverTieBreaks()).isEqualTo(labels.asDouble());
        assertThat(labels.highestOverTieBreaks()).isEqualTo(labels.asDouble());
    }

    static Stream<String> compasConsistencyBlocks() {
        return Stream.of("race_AA_vs_Caucasian[fav=1]", "sex_Female_priv[fav=1]");
    }

    /**
     * On COMPAS most rows have tied neighbours (integer features), so scikit-learn's ball tree and FairKit's rule pick
     * different sets; AIF360's value must lie in FairKit's range over all tie-breaks, and FairKit counts the same
     * ambiguous rows as the golden file's diagnostic.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("compasConsistencyBlocks")
    void compasConsistencyOfAif360LiesInTheRangeOverTieBreaks(String name) {
        JsonNode expected = golden("compas.json").get("aif360").get(name).get("unweighted").get("consistency");
        boolean race = name.startsWith("race");
        CsvTable csv = SharedFiles.data("compas-predictions.csv");
        if (race) {
            csv = csv.where("race", List.of("African-American", "Caucasian"));
        }
        List<String> columns = GoldenJson.strings(expected.get("feature_columns")).size() == 4
                ? GoldenJson.strings(expected.get("feature_columns")) : List.of();
        assertThat(columns).containsExactly("age", "priors_count", "juv_fel_count", race ? "race_code" : "sex_code");
        String[] attr = csv.strings(race ? "race" : "sex");
        String privileged = race ? "Caucasian" : "Female";
        double[] code = Arrays.stream(attr).mapToDouble(a -> a.equals(privileged) ? 1 : 0).toArray();
        FeatureMatrix x = FeatureMatrix.ofColumns(columns, csv.doubles("age"), csv.doubles("priors_count"),
                csv.doubles("juv_fel_count"), code);
        Consistency c = Consistency.neighbours(expected.get("n_neighbors").asInt()).threads(2);
        int ties = expected.get("tie_diagnostic").get("rows_whose_kth_and_k_plus_1th_neighbour_distances_tie").asInt();
        for (String outcome : List.of("labels", "predictions")) {
            ConsistencyResult r = c.evaluate(x, csv.ints(outcome.equals("labels") ? "y_true" : "y_pred"));
            double aif360 = number(expected.get("consistency[" + outcome + "]"));
            assertThat(aif360).as("%s %s: AIF360 within %s", name, outcome, r)
                    .isBetween(r.lowestOverTieBreaks() - TOLERANCE, r.highestOverTieBreaks() + TOLERANCE);
            assertThat(r.ambiguousRows()).as("%s rows with tied k-th neighbours", name).isEqualTo(ties);
            assertThat(r.asDouble()).isBetween(r.lowestOverTieBreaks(), r.highestOverTieBreaks());
        }
    }
}
