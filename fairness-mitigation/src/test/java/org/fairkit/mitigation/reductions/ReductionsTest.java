package org.fairkit.mitigation.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.junit.jupiter.api.Test;

class ReductionsTest {
    private static final ReductionsPropertiesTest.Problem P = ReductionsPropertiesTest.Problem.of(7, 300, 2);
    private static final ParityConstraint DP = ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY);

    @Test
    void parityConstraintParsesIdsAndValidatesBounds() {
        assertThat(ParityConstraint.Kind.byId("equalized_odds")).isEqualTo(ParityConstraint.Kind.EQUALIZED_ODDS);
        assertThatThrownBy(() -> ParityConstraint.Kind.byId("parity"))
                .hasMessage("unknown constraint 'parity'; expected one of demographic_parity, equalized_odds, "
                        + "true_positive_rate_parity, false_positive_rate_parity, error_rate_parity");
        assertThat(DP.bound()).isEqualTo(0.01);
        assertThat(DP.ratio()).isEqualTo(1.0);
        assertThat(DP.toString()).isEqualTo("demographic_parity[difference_bound=0.01]");
        ParityConstraint r = DP.ratioBound(0.8, 0.02);
        assertThat(r.isRatio()).isTrue();
        assertThat(r.bound()).isEqualTo(0.02);
        assertThat(r.ratio()).isEqualTo(0.8);
        assertThat(r.toString()).isEqualTo("demographic_parity[ratio_bound=0.8, slack=0.02]");
        assertThat(DP.differenceBound(0.05).bound()).isEqualTo(0.05);
        assertThat(DP.differenceBound(0.05)).isEqualTo(DP.differenceBound(0.05)).isNotEqualTo(DP)
                .hasSameHashCodeAs(DP.differenceBound(0.05));
        assertThatThrownBy(() -> DP.differenceBound(0.1).ratioBound(0.5, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DP.ratioBound(1.5, 0)).hasMessageContaining("ratio_bound");
        assertThatThrownBy(() -> DP.ratioBound(0.5, -1)).hasMessageContaining("ratio_bound_slack");
        assertThatThrownBy(() -> DP.differenceBound(Double.NaN)).hasMessageContaining("difference_bound");
    }

    @Test
    void ratioBoundGammaIsTheRatioFormOfFairlearn() {
        // group a: rate 0.5, group b: rate 0.25, overall 1/3 with 2 rows in a and 4 in b
        double[] h = {1, 0, 1, 0, 0, 0};
        int[] y = {0, 1, 0, 1, 0, 1};
        String[] g = {"a", "a", "b", "b", "b", "b"};
        ConstraintEvaluation e = ConstraintEvaluation.of(DP.ratioBound(0.8, 0), h, y, g, null);
        assertThat(e.index()).containsExactly("+|all|a", "+|all|b", "-|all|a", "-|all|b");
        assertThat(e.gamma().get(0)).isCloseTo(0.8 * 0.5 - 1.0 / 3, within(1e-15));
        assertThat(e.gamma().get(3)).isCloseTo(0.8 / 3 - 0.25, within(1e-15));
        assertThat(e.selectionRate()).containsEntry("a", 0.5).containsEntry("b", 0.25);
        assertThat(e.disparityBetweenGroups()).isEqualTo(0.25);
        ConstraintEvaluation err = ConstraintEvaluation.of(ParityConstraint.of(ParityConstraint.Kind.ERROR_RATE_PARITY),
                h, y, g, null);
        // error rates: a 1.0 (both wrong), b 0.75 (3 of 4 wrong); 5 of 6 wrong overall
        assertThat(err.rates().get("all")).containsEntry("a", 1.0).containsEntry("b", 0.75);
        assertThat(err.accuracy()).isCloseTo(1.0 / 6, within(1e-15));
        ConstraintEvaluation tpr = ConstraintEvaluation.of(
                ParityConstraint.of(ParityConstraint.Kind.TRUE_POSITIVE_RATE_PARITY), h, y, g, null);
        assertThat(tpr.rates()).containsOnlyKeys("label=1");
        assertThat(ConstraintEvaluation.of(ParityConstraint.of(ParityConstraint.Kind.FALSE_POSITIVE_RATE_PARITY), h,
                y, g, null).rates()).containsOnlyKeys("label=0");
        assertThatThrownBy(() -> ConstraintEvaluation.of(DP, new double[] {2}, new int[] {1}, new String[] {"a"},
                null)).hasMessageContaining("row 0").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> ConstraintEvaluation.of(ParityConstraint.of(
                ParityConstraint.Kind.TRUE_POSITIVE_RATE_PARITY), new double[] {1}, new int[] {0}, new String[] {"a"},
                null)).hasMessageContaining("rows labelled 1");
        assertThatThrownBy(() -> ConstraintEvaluation.of(DP, new double[] {1, 0}, new int[] {0, 1},
                new String[] {"a", "b"}, new double[] {1, 0})).hasMessageContaining("group 'b'")
                .hasMessageContaining("zero total weight");
    }

    @Test
    void exponentiatedGradientSettingsAreValidatedAndSetOnce() {
        ExponentiatedGradient eg = ExponentiatedGradient.constraint(DP);
        assertThat(eg.eps()).isEqualTo(0.01);
        assertThat(eg.maxIter()).isEqualTo(50);
        assertThat(eg.eta0()).isEqualTo(2.0);
        assertThat(eg.seed()).isZero();
        assertThat(eg.learner()).isInstanceOf(LogisticRegression.class);
        assertThat(eg.toString()).isEqualTo("ExponentiatedGradient[demographic_parity[difference_bound=0.01], "
                + "learner=LogisticRegression[C=1.0, standardize=false], eps=0.01, max_iter=50, nu=auto, eta0=2.0, "
                + "linprog=true, seed=0]");
        assertThatThrownBy(() -> eg.eps(0)).hasMessageContaining("eps");
        assertThatThrownBy(() -> eg.maxIter(0)).hasMessageContaining("max_iter");
        assertThatThrownBy(() -> eg.nu(-1)).hasMessageContaining("nu");
        assertThatThrownBy(() -> eg.eta0(Double.POSITIVE_INFINITY)).hasMessageContaining("eta0");
        assertThatThrownBy(() -> eg.seed(1).seed(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> eg.groupBy("g").fit(P.x(), P.y(), P.g(), null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> eg.fit(P.x(), new int[3], P.g(), null)).hasMessageContaining("labels");
        assertThatThrownBy(() -> eg.fit(P.x(), P.y(), null, null)).hasMessageContaining("groups");
    }

    @Test
    void exponentiatedGradientWithoutTheLpStepAndAFixedNuStillReturnsAMixture() {
        ExponentiatedGradient.Fitted f = ExponentiatedGradient.constraint(DP).linprogStep(false).nu(1e-6).maxIter(8)
                .eta0(1.0).fit(P.x(), P.y(), P.g(), null);
        assertThat(f.fromLinearProgram()).isFalse();
        assertThat(f.nu()).isEqualTo(1e-6);
        assertThat(f.lpLambdas()).isEmpty();
        assertThat(f.iterationLambdas()).hasSize(f.lastIteration() + 1);
        assertThat(Arrays.stream(f.weights()).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(f.toString()).startsWith("ExponentiatedGradient.Fitted[demographic_parity");
        assertThat(f.config().constraint()).isEqualTo(DP);
        assertThat(f.mixture().withSeed(5).seed()).isEqualTo(5);
        assertThat(f.constantOracleCalls()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void fittingOnFairnessDataEqualsFittingOnColumns() {
        double[] w = P.w();
        FairnessData data = FairnessData.builder().labels(P.y()).predictions(new int[P.y().length])
                .sensitive("grp", P.g()).weights(w).build();
        ExponentiatedGradient eg = ExponentiatedGradient.constraint(
                ParityConstraint.of(ParityConstraint.Kind.EQUALIZED_ODDS));
        ExponentiatedGradient.Fitted a = eg.groupBy("grp").fit(data, P.x());
        ExponentiatedGradient.Fitted b = eg.fit(P.x(), P.y(), P.g(), w);
        assertThat(a.weights()).containsExactly(b.weights());
        assertThat(a.probabilityOfPositive(P.x())).containsExactly(b.probabilityOfPositive(P.x()));
        GridSearch.Fitted ga = GridSearch.constraint(DP).fit(data, P.x());
        GridSearch.Fitted gb = GridSearch.constraint(DP).fit(P.x(), P.y(), P.g(), w);
        assertThat(ga.losses()).containsExactly(gb.losses());
        assertThatThrownBy(() -> eg.fit(data, FeatureMatrix.ofColumns(new double[3])))
                .hasMessageContaining("features");
    }

    @Test
    void gridSearchSettingsGridAndResult() {
        GridSearch gs = GridSearch.constraint(DP);
        assertThat(gs.gridSize()).isEqualTo(11);
        assertThat(gs.gridLimit()).isEqualTo(2.0);
        assertThat(gs.constraintWeight()).isEqualTo(0.5);
        assertThat(gs.toString()).isEqualTo("GridSearch[demographic_parity[difference_bound=0.01], "
                + "learner=LogisticRegression[C=1.0, standardize=false], grid_size=11, grid_limit=2.0, "
                + "constraint_weight=0.5]");
        assertThatThrownBy(() -> gs.gridSize(0)).hasMessageContaining("grid_size");
        assertThatThrownBy(() -> gs.gridLimit(0)).hasMessageContaining("grid_limit");
        assertThatThrownBy(() -> gs.constraintWeight(2)).hasMessageContaining("constraint_weight");
        assertThatThrownBy(() -> gs.learner(LogisticRegression.l2(1)).learner(LogisticRegression.l2(2)))
                .isInstanceOf(IllegalStateException.class);
        GridSearch.Fitted f = gs.gridSize(1).fit(P.x(), P.y(), P.g(), null);
        assertThat(f.grid()).hasSize(1);
        assertThat(f.grid().get(0)).containsOnly(0.0);
        assertThat(f.best()).isSameAs(f.predictors().get(0));
        assertThat(f.oracleCalls()).isEqualTo(1);
        assertThat(f.gammas()).hasSize(1);
        assertThat(f.config().gridSize()).isEqualTo(1);
        assertThat(f.toString()).startsWith("GridSearch.Fitted[demographic_parity");
        // every label 1: the relabelling at multipliers 0 is constant, a constant classifier without a learner call
        int[] ones = new int[P.y().length];
        Arrays.fill(ones, 1);
        GridSearch.Fitted constant = GridSearch.constraint(DP).gridSize(1).fit(P.x(), ones, P.g(), null);
        assertThat(constant.constantOracleCalls()).isEqualTo(1);
        assertThat(constant.predictors().get(0).toString()).isEqualTo("Constant[1]");
        assertThat(constant.predict(P.x())).containsOnly(1);
    }

    @Test
    void mixturePredictsWithItsSeedAndChecksItsWeights() {
        Classifier one = Classifier.of(x -> {
            int[] p = new int[x.rows()];
            Arrays.fill(p, 1);
            return p;
        });
        Classifier zero = Classifier.of(x -> new int[x.rows()], x -> new double[x.rows()]);
        assertThat(one.score(P.x())).isEmpty();
        assertThat(zero.score(P.x())).isPresent();
        Mixture m = Mixture.of(List.of(one, zero), new double[] {0.3, 0.7}, 9);
        double[] p = m.probabilityOfPositive(P.x());
        assertThat(p).containsOnly(0.3);
        int[] a = m.predict(P.x());
        assertThat(m.predict(P.x())).containsExactly(a);
        double ones = Arrays.stream(a).sum();
        assertThat(ones / a.length).isCloseTo(0.3, within(0.1));
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isEqualTo(Mixture.uniform(9, i) < 0.3 ? 1 : 0);
        }
        assertThat(m).isEqualTo(Mixture.of(List.of(one, zero), new double[] {0.3, 0.7}, 9))
                .hasSameHashCodeAs(Mixture.of(List.of(one, zero), new double[] {0.3, 0.7}, 9));
        assertThat(m.toString()).isEqualTo("Mixture[2 predictors, weights=[0.3, 0.7], seed=9]");
        assertThatThrownBy(() -> Mixture.of(List.of(one), new double[] {0.5, 0.5}, 0))
                .hasMessageContaining("one weight per predictor");
        assertThatThrownBy(() -> Mixture.of(List.of(one), new double[] {-1}, 0))
                .hasMessageContaining("mixture weight 0");
    }

    @Test
    void paretoFrontKeepsUndominatedAndIdenticalPoints() {
        assertThat(ParetoFront.optimal(new double[] {0.8, 0.7, 0.8, 0.6, 0.9},
                new double[] {0.1, 0.05, 0.1, 0.2, 0.3})).containsExactly(0, 1, 2, 4);
        assertThatThrownBy(() -> ParetoFront.optimal(new double[1], new double[2]))
                .hasMessageContaining("1 accuracies for 2 disparities");
        assertThatThrownBy(() -> ParetoFront.optimal(new double[] {Double.NaN}, new double[1]))
                .hasMessageContaining("point 0");
    }
}
