package org.fairkit.mitigation.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkit.testkit.GoldenJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LogisticRegression} against {@code adult_mitigation2.json -> learner_anchor}: scikit-learn 1.2.1
 * {@code LogisticRegression(C=1.0, solver="lbfgs", max_iter=10000, tol=1e-10).fit(X_train, y_train[,
 * sample_weight=weight])} and the file's {@code exact_optimum} (Newton's method to a gradient below 1e-12). The exact
 * optimum is matched at 1e-9; scikit-learn, which stops early, at 1e-5.
 */
class LogisticRegressionGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"unweighted", "weighted"})
    void matchesTheExactOptimumAndScikitLearnOnAdult(String block) {
        JsonNode g = AdultReductions.golden().path("learner_anchor").path(block);
        AdultReductions.Split train = AdultReductions.train();
        AdultReductions.Split test = AdultReductions.test();
        double[] w = block.equals("weighted") ? train.weights() : null;
        LogisticRegression.Model m = LogisticRegression.l2(1.0).fit(train.x(), train.labels(), w);

        JsonNode exact = g.path("exact_optimum");
        double[] coef = GoldenJson.doubles(exact.path("coef"));
        for (int j = 0; j < coef.length; j++) {
            assertThat(m.coefficients()[j]).as("exact coef %d", j).isCloseTo(coef[j], within(1e-9));
        }
        assertThat(m.intercept()).isCloseTo(GoldenJson.number(exact.path("intercept")), within(1e-9));
        assertThat(m.objective()).isCloseTo(GoldenJson.number(exact.path("objective")), within(1e-9));
        assertThat(m.gradientMaxAbs()).isLessThan(1e-9);
        double[] sk = GoldenJson.doubles(g.path("coef"));
        for (int j = 0; j < sk.length; j++) {
            assertThat(m.coefficients()[j]).as("sklearn coef %d", j).isCloseTo(sk[j], within(1e-5));
        }
        assertThat(m.intercept()).isCloseTo(GoldenJson.number(g.path("intercept")), within(1e-5));

        double[] p = m.probability(test.x());
        double[] pe = GoldenJson.doubles(exact.path("predict_proba_first_test_rows"));
        double[] ps = GoldenJson.doubles(g.path("test").path("predict_proba_first_test_rows"));
        int[] yhat = m.predict(test.x());
        int[] ys = GoldenJson.ints(g.path("test").path("predict_first_test_rows"));
        for (int i = 0; i < pe.length; i++) {
            assertThat(p[i]).isCloseTo(pe[i], within(1e-9));
            assertThat(p[i]).isCloseTo(ps[i], within(1e-5));
            assertThat(yhat[i]).isEqualTo(ys[i]);
        }
        int correct = 0;
        for (int i = 0; i < yhat.length; i++) {
            correct += yhat[i] == test.labels()[i] ? 1 : 0;
        }
        assertThat((double) correct / yhat.length)
                .isCloseTo(GoldenJson.number(exact.path("test_accuracy")), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unweighted", "weighted"})
    void standardizingInsideTheLearnerGivesTheSameFitOnRawFeatures(String block) {
        JsonNode exact = AdultReductions.golden().path("learner_anchor").path(block).path("exact_optimum");
        AdultReductions.Split train = AdultReductions.train();
        double[][] raw = new double[4][];
        org.fairkit.testkit.CsvTable t = org.fairkit.testkit.SharedFiles.data("adult-predictions.csv")
                .where("split", java.util.List.of("train"));
        for (int j = 0; j < 4; j++) {
            raw[j] = t.doubles(AdultReductions.FEATURES.get(j));
        }
        double[] w = block.equals("weighted") ? train.weights() : null;
        LogisticRegression.Model m = LogisticRegression.l2(1.0).standardized()
                .fit(FeatureMatrix.ofColumns(AdultReductions.FEATURES, raw), train.labels(), w);
        double[] coef = GoldenJson.doubles(exact.path("coef"));
        for (int j = 0; j < coef.length; j++) {
            assertThat(m.coefficients()[j]).isCloseTo(coef[j], within(1e-9));
        }
        assertThat(m.intercept()).isCloseTo(GoldenJson.number(exact.path("intercept")), within(1e-9));
    }
}
