package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fairkit.testkit.GoldenJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CorrelationRemover} against Fairlearn 0.13.0's {@code CorrelationRemover(sensitive_feature_ids=...,
 * alpha=a).fit(X_train_df).transform(X_df)} on Adult ({@code adult_mitigation2.json -> correlation_remover}): raw
 * features age, education_num, hours_per_week, fnlwgt; fitted on the train split (21,708 rows). Block {@code single}
 * (sex_Male), block {@code double} (sex_Male, race_White) with Fairlearn's scalar centring and, in
 * {@code documented_formula_per_column_mean}, the per-column formula of Fairlearn's docstring (numpy lstsq). Values
 * agree to 1e-12 relative: beta, centres, transformed rows, column means, and the Pearson correlations (within
 * 1e-12 absolute).
 */
class CorrelationRemoverGoldenTest {
    private static final double REL = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"alpha=1.0", "alpha=0.5"})
    void singleSensitiveColumnMatchesFairlearnInBothCentrings(String block) {
        JsonNode g = AdultFeatures.golden("correlation_remover").path("single").path(block);
        double alpha = g.path("alpha").asDouble();
        for (CorrelationRemover r : List.of(CorrelationRemover.perColumnMean(),
                CorrelationRemover.fairlearnScalarMean())) {
            CorrelationRemover.Fitted f = r.alpha(alpha).sensitiveColumns("sex_Male").fit(Cache.TRAIN_SEX);
            checkFit(f, g.path("sensitive_mean_"), g.path("beta_"));
            checkRows(f, g, Cache.TRAIN_SEX, Cache.TEST_SEX);
        }
        // the grouping form: indicator of 'Male' (the groups sorted: Female, Male), the same projection
        CorrelationRemover.Fitted byGroup = CorrelationRemover.perColumnMean().alpha(alpha).groupBy("sex")
                .fit(AdultFeatures.bySex(AdultFeatures.split("train")));
        assertThat(byGroup.sensitiveColumns()).containsExactly("sex=Male");
        checkFit(byGroup, g.path("sensitive_mean_"), g.path("beta_"));
        FeatureTable out = byGroup.transform(AdultFeatures.bySex(AdultFeatures.split("test")));
        close(first(out, 20), GoldenJson.elements(g.path("first_test_rows").path("transformed")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha=1.0", "alpha=0.5"})
    void twoSensitiveColumnsWithScalarCentringMatchFairlearnOutput(String block) {
        JsonNode g = AdultFeatures.golden("correlation_remover").path("double").path(block);
        CorrelationRemover.Fitted f = CorrelationRemover.fairlearnScalarMean().alpha(g.path("alpha").asDouble())
                .sensitiveColumns("sex_Male", "race_White").fit(train());
        assertThat(f.means()).containsExactly(new double[] {g.path("sensitive_mean_").get(0).asDouble(),
            g.path("sensitive_mean_").get(0).asDouble()}, within(REL));
        checkBeta(f.beta(), g.path("beta_"));
        checkRows(f, g, train(), test());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha=1.0", "alpha=0.5"})
    void twoSensitiveColumnsWithPerColumnCentringMatchTheDocumentedFormula(String block) {
        JsonNode g = AdultFeatures.golden("correlation_remover").path("double").path(block);
        JsonNode doc = g.path("documented_formula_per_column_mean");
        CorrelationRemover.Fitted f = CorrelationRemover.perColumnMean().alpha(g.path("alpha").asDouble())
                .sensitiveColumns("sex_Male", "race_White").fit(train());
        checkFit(f, doc.path("sensitive_means"), doc.path("beta"));
        FeatureTable trainOut = f.transform(train());
        close(first(trainOut, 20), GoldenJson.elements(doc.path("first_train_rows_transformed")));
        checkSummary(trainOut, doc.path("train"));
        checkSummary(f.transform(test()), doc.path("test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha=1.0", "alpha=0.5"})
    void scalarCentringLeavesTwoSensitiveColumnsCorrelatedWhilePerColumnRemovesIt(String block) {
        JsonNode g = AdultFeatures.golden("correlation_remover").path("double").path(block);
        if (g.path("alpha").asDouble() < 1) {
            return;
        }
        FeatureTable fairlearn = CorrelationRemover.fairlearnScalarMean().sensitiveColumns("sex_Male", "race_White")
                .fit(train()).transform(train());
        FeatureTable documented = CorrelationRemover.perColumnMean().sensitiveColumns("sex_Male", "race_White")
                .fit(train()).transform(train());
        double worstFairlearn = 0;
        double worstDocumented = 0;
        for (String s : List.of("sex_Male", "race_White")) {
            for (String f : AdultFeatures.FEATURES) {
                worstFairlearn = Math.max(worstFairlearn, Math.abs(pearson(fairlearn.column(f), train().column(s))));
                worstDocumented = Math.max(worstDocumented,
                        Math.abs(pearson(documented.column(f), train().column(s))));
            }
        }
        assertThat(worstFairlearn).isGreaterThan(0.5);
        assertThat(worstDocumented).isLessThan(1e-12);
    }

    private static void checkRows(CorrelationRemover.Fitted f, JsonNode g, FeatureTable train, FeatureTable test) {
        FeatureTable trainOut = f.transform(train);
        FeatureTable testOut = f.transform(test);
        close(first(trainOut, 20), GoldenJson.elements(g.path("first_train_rows").path("transformed")));
        close(first(testOut, 20), GoldenJson.elements(g.path("first_test_rows").path("transformed")));
        checkSummary(trainOut, g.path("train"));
        checkSummary(testOut, g.path("test"));
        // the input means: the transform leaves the table's other columns alone
        double[] before = GoldenJson.doubles(g.path("train").path("column_means_before"));
        for (int j = 0; j < before.length; j++) {
            assertThat(mean(train.column(AdultFeatures.FEATURES.get(j)))).isCloseTo(before[j],
                    within(REL * Math.abs(before[j])));
        }
    }

    private static void checkFit(CorrelationRemover.Fitted f, JsonNode means, JsonNode beta) {
        double[] m = GoldenJson.doubles(means);
        assertThat(f.means()).hasSize(m.length);
        for (int k = 0; k < m.length; k++) {
            assertThat(f.means()[k]).isCloseTo(m[k], within(REL));
        }
        checkBeta(f.beta(), beta);
        assertThat(f.features()).isEqualTo(AdultFeatures.FEATURES);
    }

    private static void checkBeta(double[][] beta, JsonNode expected) {
        List<JsonNode> rows = GoldenJson.elements(expected);
        assertThat(beta.length).isEqualTo(rows.size());
        close(beta, rows);
    }

    private static void checkSummary(FeatureTable out, JsonNode g) {
        double[] means = GoldenJson.doubles(g.path("column_means"));
        for (int j = 0; j < means.length; j++) {
            assertThat(mean(out.column(AdultFeatures.FEATURES.get(j)))).isCloseTo(means[j],
                    within(REL * Math.abs(means[j])));
        }
        JsonNode corr = g.path("pearson_corr_with_sensitive");
        for (String s : GoldenJson.fieldNames(corr)) {
            double[] r = GoldenJson.doubles(corr.path(s));
            for (int j = 0; j < r.length; j++) {
                assertThat(pearson(out.column(AdultFeatures.FEATURES.get(j)), out.column(s)))
                        .as("corr(%s, %s)", AdultFeatures.FEATURES.get(j), s).isCloseTo(r[j], within(1e-12));
            }
        }
    }

    private static double[][] first(FeatureTable t, int rows) {
        double[][] out = new double[rows][AdultFeatures.FEATURES.size()];
        for (int j = 0; j < out[0].length; j++) {
            double[] c = t.column(AdultFeatures.FEATURES.get(j));
            for (int i = 0; i < rows; i++) {
                out[i][j] = c[i];
            }
        }
        return out;
    }

    private static void close(double[][] actual, List<JsonNode> expected) {
        assertThat(actual.length).isEqualTo(expected.size());
        for (int i = 0; i < actual.length; i++) {
            double[] e = GoldenJson.doubles(expected.get(i));
            assertThat(actual[i]).hasSameSizeAs(e);
            for (int j = 0; j < e.length; j++) {
                assertThat(actual[i][j]).as("row %d, column %d", i, j).isCloseTo(e[j], within(REL * Math.abs(e[j])));
            }
        }
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double pearson(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static FeatureTable train() {
        return Cache.TRAIN;
    }

    private static FeatureTable test() {
        return Cache.TEST;
    }

    /** Lazily read once per test run. */
    private static final class Cache {
        static final FeatureTable TRAIN = AdultFeatures.table(AdultFeatures.split("train"));
        static final FeatureTable TEST = AdultFeatures.table(AdultFeatures.split("test"));
        static final FeatureTable TRAIN_SEX = AdultFeatures.table(AdultFeatures.split("train"), false);
        static final FeatureTable TEST_SEX = AdultFeatures.table(AdultFeatures.split("test"), false);
    }

}
