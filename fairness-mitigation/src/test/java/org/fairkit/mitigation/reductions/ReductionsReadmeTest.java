package org.fairkit.mitigation.reductions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/**
 * Docs are tests: every code line of the module README's "Reductions" section and of the root README's "Train under
 * a fairness constraint" snippet is here, compiled and run.
 */
class ReductionsReadmeTest {
    private static final int N = 600;
    private static final double[] x1 = new double[N];
    private static final double[] x2 = new double[N];
    private static final int[] labels = new int[N];
    private static final String[] groups = new String[N];

    static {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            boolean a = r.nextDouble() < 0.4;
            x1[i] = r.nextDouble() * 2 - 1 + (a ? 0.6 : 0);
            x2[i] = r.nextDouble() * 2 - 1;
            labels[i] = r.nextDouble() < 1 / (1 + Math.exp(-(2 * x1[i] - x2[i]))) ? 1 : 0;
            groups[i] = a ? "A" : "B";
        }
    }

    @Test
    void moduleReadmeSnippetsRun() {
        FeatureMatrix x = FeatureMatrix.ofColumns(List.of("x1", "x2"), new double[][] {x1, x2});
        ParityConstraint dp = ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY);   // difference bound 0.01
        ExponentiatedGradient.Fitted eg = ExponentiatedGradient.constraint(dp)
                .learner(LogisticRegression.l2(1.0).standardized()).eps(0.01).seed(7)
                .fit(x, labels, groups, null);
        double[] p = eg.probabilityOfPositive(x);          // expected prediction, deterministic
        int[] fair = eg.predict(x);                        // randomized, the same bits for the same seed
        ConstraintEvaluation after = ConstraintEvaluation.of(dp, p, labels, groups, null);
        GridSearch.Fitted gs = GridSearch.constraint(ParityConstraint.of(ParityConstraint.Kind.EQUALIZED_ODDS))
                .gridSize(11).fit(x, labels, groups, null);
        int[] best = gs.predict(x);

        Learner centroid = (features, y, w) -> {
            double[] col = features.column(0);
            double[] sum = new double[2];
            double[] mass = new double[2];
            for (int i = 0; i < col.length; i++) {
                sum[y[i]] += w[i] * col[i];
                mass[y[i]] += w[i];
            }
            double cut = (sum[0] / mass[0] + sum[1] / mass[1]) / 2;
            boolean up = sum[1] / mass[1] > sum[0] / mass[0];
            return Classifier.of(rows -> {
                int[] out = new int[rows.rows()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (rows.get(i, 0) > cut) == up ? 1 : 0;
                }
                return out;
            });
        };
        ExponentiatedGradient.Fitted mine = ExponentiatedGradient.constraint(dp).learner(centroid).fit(x, labels, groups, null);

        ConstraintEvaluation before = ConstraintEvaluation.of(dp,
                LogisticRegression.l2(1.0).standardized().fit(x, labels, null).predict(x), labels, groups, null);
        assertThat(before.disparity()).isGreaterThan(0.05);
        assertThat(after.disparity()).isLessThan(before.disparity() / 2);
        assertThat(fair).hasSize(N);
        assertThat(best).hasSize(N);
        assertThat(Math.abs(mine.weights().length)).isPositive();
        assertThat(ConstraintEvaluation.of(dp, mine.probabilityOfPositive(x), labels, groups, null).disparity())
                .isLessThan(before.disparity());
    }

    @Test
    void rootReadmeSnippetRuns() {
        FeatureMatrix x = FeatureMatrix.ofColumns(List.of("x1", "x2"), new double[][] {x1, x2});
        Learner learner = LogisticRegression.l2(1.0).standardized();   // or a lambda wrapping XGBoost4J, Tribuo, Smile
        ExponentiatedGradient.Fitted eg = ExponentiatedGradient
                .constraint(ParityConstraint.of(ParityConstraint.Kind.EQUALIZED_ODDS))
                .learner(learner).seed(7).fit(x, labels, groups, null);
        int[] fairDecisions = eg.predict(x);
        assertThat(fairDecisions).hasSize(N);
    }

    @Test
    void everyReadmeLineIsInThisTest() {
        String self = TestSource.of(ReductionsReadmeTest.class).text();
        List<String> module = Markdown.read(Path.of("README.md")).section("## Reductions (train under a constraint)")
                .codeLines("java");
        List<String> root = Markdown.read(Path.of("../README.md")).section("### Train under a fairness constraint")
                .codeLines("java");
        assertThat(module).hasSizeGreaterThan(20);
        assertThat(root).hasSizeGreaterThan(4);
        for (String code : module) {
            assertThat(self).as("module README line %s", code).contains(code);
        }
        for (String code : root) {
            assertThat(self).as("root README line %s", code).contains(code);
        }
    }
}
