package org.fairkit.mitigation.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the reductions on random small problems (seeded: 40 to 240 rows, 2 or 3 groups of unequal size and
 * base rate, two features, logistic labels; every (label, group) cell has rows so that every constraint applies).
 * What is asserted, exactly:
 * <ul>
 *   <li>When exponentiated gradient returns the LP step's mixture, its constraint violation on the fitting rows
 *       ({@code max(0, max gamma - bound)}) is at most {@code v* + eps}, {@code v*} the smallest violation of any
 *       mixture of the predictors that LP chose among (a second LP): the LP minimizes
 *       {@code err + B violation} with {@code B = 1/eps} and errors lie in [0, 1]. (Agarwal et al.'s Theorem 1,
 *       {@code violation <= (1 + 2 nu) eps}, assumes an exact cost-sensitive oracle; logistic regression is not
 *       one, and on small samples no mixture of its best responses may be feasible, so {@code v*} appears.)
 *       Mixtures from the running average carry no such bound and are not asserted.</li>
 *   <li>Its weights are {@code >= 0} and sum to 1 within 1e-12.</li>
 *   <li>The same configuration and seed give the same bits (weights, probabilities, predictions); unit sample
 *       weights give exactly (bit for bit) the fit without weights.</li>
 *   <li>Grid search: a smaller constraint weight (more disparity allowed) never selects a point with a lower
 *       accuracy on the fitting rows (exact; the weights compared are 0.2, 0.5 and 0.8, far from ties).</li>
 * </ul>
 */
class ReductionsPropertiesTest {
    private static final int EXAMPLES = 25;
    private static final ParityConstraint.Kind[] KINDS = ParityConstraint.Kind.values();

    /** A seeded problem. */
    record Problem(FeatureMatrix x, int[] y, String[] g, double[] w) {
        static Problem of(long seed, int n, int groups) {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] cols = new double[2][n];
            int[] y = new int[n];
            String[] g = new String[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                // the first 4 * groups rows cover every (label, group) cell
                int gi = i < 4 * groups ? i % groups : (r.nextDouble() < 0.6 ? 0 : 1 + r.nextInt(groups - 1));
                cols[0][i] = r.nextDouble() * 2 - 1 + 0.3 * gi;
                cols[1][i] = r.nextDouble() * 2 - 1;
                double f = 2 * cols[0][i] - cols[1][i] + 0.5 * gi - 0.3;
                y[i] = i < 4 * groups ? (i / groups) % 2 : (r.nextDouble() < 1 / (1 + Math.exp(-f)) ? 1 : 0);
                g[i] = "g" + gi;
                w[i] = 1 + r.nextInt(3);
            }
            return new Problem(FeatureMatrix.ofColumns(cols), y, g, w);
        }
    }

    private static ExponentiatedGradient.Fitted eg(Problem p, ParityConstraint c, double eps, double[] w,
            long seed) {
        return ExponentiatedGradient.constraint(c).eps(eps).seed(seed).fit(p.x(), p.y(), p.g(), w);
    }

    @Test
    void exponentiatedGradientHoldsTheConstraintWithinEpsOnTheFittingRows() {
        int[] lp = {0};
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(40, 240), integers().between(2, 3),
                integers().between(0, KINDS.length - 1)).checkAssert((seed, n, groups, k) -> {
                    Problem p = Problem.of(seed, n, groups);
                    for (double eps : new double[] {0.01, 0.05}) {
                        for (boolean weighted : new boolean[] {false, true}) {
                            ParityConstraint c = ParityConstraint.of(KINDS[k]);
                            double[] w = weighted ? p.w() : null;
                            ExponentiatedGradient.Fitted f = eg(p, c, eps, w, 1);
                            double[] q = f.weights();
                            double sum = 0;
                            for (double v : q) {
                                assertThat(v).isGreaterThanOrEqualTo(0.0);
                                sum += v;
                            }
                            assertThat(sum).isCloseTo(1.0, within(1e-12));
                            ConstraintEvaluation e = ConstraintEvaluation.of(c, f.probabilityOfPositive(p.x()),
                                    p.y(), p.g(), w);
                            double violation = Math.max(0, e.disparity() - c.bound());
                            if (f.fromLinearProgram()) {
                                // the smallest violation of any mixture of the predictors the LP chose among
                                int m = f.mixtureSource();
                                SaddleLp.Solution best = SaddleLp.solve(new double[m],
                                        f.predictorGammas().subList(0, m), c.bound(), 1.0);
                                assertThat(violation).as("%s eps %s weighted %s", c, eps, weighted)
                                        .isLessThanOrEqualTo(best.objective() + eps + 1e-9);
                                lp[0]++;
                            }
                        }
                    }
                });
        assertThat(lp[0]).as("examples whose mixture came from the LP step").isPositive();
    }

    @Test
    void theSameSeedGivesTheSameBitsAndUnitWeightsEqualNoWeights() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(40, 200),
                integers().between(0, KINDS.length - 1)).checkAssert((seed, n, k) -> {
                    Problem p = Problem.of(seed, n, 2);
                    ParityConstraint c = ParityConstraint.of(KINDS[k]);
                    ExponentiatedGradient.Fitted a = eg(p, c, 0.02, null, seed);
                    ExponentiatedGradient.Fitted b = eg(p, c, 0.02, null, seed);
                    double[] ones = new double[n];
                    Arrays.fill(ones, 1.0);
                    ExponentiatedGradient.Fitted u = eg(p, c, 0.02, ones, seed);
                    assertThat(b.weights()).containsExactly(a.weights());
                    assertThat(u.weights()).containsExactly(a.weights());
                    assertThat(b.predict(p.x())).containsExactly(a.predict(p.x()));
                    assertThat(u.predict(p.x())).containsExactly(a.predict(p.x()));
                    assertThat(u.probabilityOfPositive(p.x())).containsExactly(a.probabilityOfPositive(p.x()));
                    assertThat(u.oracleCalls()).isEqualTo(a.oracleCalls());
                    GridSearch.Fitted g1 = GridSearch.constraint(c).gridSize(5).fit(p.x(), p.y(), p.g(), null);
                    GridSearch.Fitted g2 = GridSearch.constraint(c).gridSize(5).fit(p.x(), p.y(), p.g(), ones);
                    assertThat(g2.losses()).containsExactly(g1.losses());
                    assertThat(g2.bestIndex()).isEqualTo(g1.bestIndex());
                });
    }

    @Test
    void allowingMoreDisparityNeverLowersTheSelectedAccuracyInTheGrid() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(40, 240),
                integers().between(0, KINDS.length - 1)).checkAssert((seed, n, k) -> {
                    Problem p = Problem.of(seed, n, 2);
                    ParityConstraint c = ParityConstraint.of(KINDS[k]);
                    double previous = Double.NEGATIVE_INFINITY;
                    for (double cw : new double[] {0.8, 0.5, 0.2}) {
                        GridSearch.Fitted g = GridSearch.constraint(c).gridSize(9).constraintWeight(cw)
                                .fit(p.x(), p.y(), p.g(), null);
                        double accuracy = 1 - g.objectives()[g.bestIndex()];
                        assertThat(accuracy).as("constraint weight %s", cw).isGreaterThanOrEqualTo(previous);
                        previous = accuracy;
                    }
                });
    }
}
