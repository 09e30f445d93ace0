package org.fairkit.mitigation.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fairkit.testkit.GoldenJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GridSearch} against {@code adult_mitigation2.json -> grid_search}: Fairlearn 0.13
 * {@code GridSearch(LogisticRegression(C=1.0, solver="lbfgs", max_iter=10000, tol=1e-10), constraints,
 * selection_rule="tradeoff_optimization", constraint_weight=0.5, grid_size=11, grid_limit=2.0).fit(X_train, y_train,
 * sensitive_features=sex)}: the grid exactly (basis on Male, the first group to appear), every point's predictor at
 * 3e-5, train/test accuracy and disparity at 1e-4, {@code best_idx_} and the Pareto sets exactly.
 */
class GridSearchGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"DemographicParity", "EqualizedOdds"})
    void matchesFairlearnOnAdult(String block) {
        JsonNode g = AdultReductions.golden().path("grid_search").path(block);
        ParityConstraint c = ParityConstraint.of(block.equals("DemographicParity")
                ? ParityConstraint.Kind.DEMOGRAPHIC_PARITY : ParityConstraint.Kind.EQUALIZED_ODDS);
        AdultReductions.Split train = AdultReductions.train();
        AdultReductions.Split test = AdultReductions.test();
        GridSearch.Fitted gs = GridSearch.constraint(c).fit(train.x(), train.labels(), train.sex(), null);

        assertThat(gs.constraintIndex()).containsExactlyElementsOf(GoldenJson.strings(g.path("constraint_index")));
        assertThat(gs.basis()).containsExactlyElementsOf(GoldenJson.strings(g.path("basis_coordinates")));
        List<JsonNode> grid = GoldenJson.elements(g.path("grid"));
        assertThat(gs.grid()).hasSize(grid.size());
        for (int i = 0; i < grid.size(); i++) {
            assertThat(gs.grid().get(i)).as("grid point %d", i).containsExactly(GoldenJson.doubles(grid.get(i)));
        }
        assertThat(gs.bestIndex()).isEqualTo(g.path("best_idx_").asInt());
        List<JsonNode> points = GoldenJson.elements(g.path("points"));
        double[] testAcc = new double[points.size()];
        double[] testDisp = new double[points.size()];
        double[] testBetween = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            Classifier pred = gs.predictors().get(i);
            if (p.path("type").asText().equals("LogisticRegression")) {
                LogisticRegression.Model m = (LogisticRegression.Model) pred;
                double[] coef = GoldenJson.doubles(p.path("coef"));
                for (int k = 0; k < coef.length; k++) {
                    assertThat(m.coefficients()[k]).as("point %d coef %d", i, k).isCloseTo(coef[k], within(3e-5));
                }
                assertThat(m.intercept()).as("point %d intercept", i)
                        .isCloseTo(GoldenJson.number(p.path("intercept")), within(3e-5));
            }
            assertThat(gs.objectives()[i]).isCloseTo(GoldenJson.number(p.path("objectives_")), within(1e-4));
            assertThat(gs.losses()[i]).isCloseTo(GoldenJson.number(p.path("tradeoff_loss")), within(1e-4));
            ConstraintEvaluation tr = ConstraintEvaluation.of(c, pred.predict(train.x()), train.labels(),
                    train.sex(), null);
            ConstraintEvaluation te = ConstraintEvaluation.of(c, pred.predict(test.x()), test.labels(), test.sex(),
                    null);
            assertThat(tr.accuracy()).isCloseTo(GoldenJson.number(p.path("train").path("accuracy")), within(1e-4));
            assertThat(tr.disparity()).isCloseTo(GoldenJson.number(p.path("train").path("disparity")), within(1e-4));
            assertThat(te.accuracy()).isCloseTo(GoldenJson.number(p.path("test").path("accuracy")), within(1e-4));
            assertThat(te.disparity()).isCloseTo(GoldenJson.number(p.path("test").path("disparity")), within(1e-4));
            assertThat(te.disparityBetweenGroups())
                    .isCloseTo(GoldenJson.number(p.path("test").path("disparity_between_groups")), within(1e-4));
            testAcc[i] = te.accuracy();
            testDisp[i] = te.disparity();
            testBetween[i] = te.disparityBetweenGroups();
        }
        assertThat(ParetoFront.optimal(testAcc, testDisp))
                .containsExactly(GoldenJson.ints(g.path("pareto").path("test_disparity_moment_max")));
        assertThat(ParetoFront.optimal(testAcc, testBetween))
                .containsExactly(GoldenJson.ints(g.path("pareto").path("test_disparity_between_groups")));
    }
}
