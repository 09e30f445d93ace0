package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.TreeSet;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Grid;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties of reject option classification on random small problems ({@link TwoGroupProblem}), against brute
 * force computed row by row: the exact search's balanced accuracy equals the best over EVERY pair of thresholds
 * {@code 0 <= lo <= hi <= 1} (each distinct outcome tried once) that meets the bound, and its decisions meet the
 * bound; a grid's result meets the bound exactly when some grid point does; the exact search is never worse than
 * the grid; row order and group relabeling change nothing; unit weights (the weighted path) equal no weights (the
 * unweighted path).
 */
class RejectOptionClassificationPropertiesTest {
    private static final int EXAMPLES = 200;
    private static final double EXACT = 1e-12;
    private static final double BOUND = 0.05;
    private static final Grid SMALL = new Grid(0.05, 0.95, 10, 5);

    private static boolean valid(TwoGroupProblem p, Metric m) {
        double[][] t = p.totals();
        if (!(t[0][1] + t[1][1] > 0 && t[0][2] + t[1][2] > 0)) {
            return false;
        }
        for (double[] r : t) {
            if (!(r[0] > 0) || (m != Metric.STATISTICAL_PARITY && !(r[1] > 0))
                    || (m == Metric.AVERAGE_ODDS && !(r[2] > 0))) {
                return false;
            }
        }
        return true;
    }

    /** {metric, balanced accuracy} of the rule (lo for unprivileged, hi for privileged), row by row. */
    private static double[] evaluate(TwoGroupProblem p, Metric m, double lo, double hi) {
        double[][] c = new double[2][5]; // weight, pos, neg, tp, fp
        for (int i = 0; i < p.size(); i++) {
            int k = p.privileged(i) ? 1 : 0;
            double w = p.weight(i);
            int yhat = p.scores()[i] > (k == 1 ? hi : lo) ? 1 : 0;
            c[k][0] += w;
            if (p.labels()[i] == 1) {
                c[k][1] += w;
                c[k][3] += w * yhat;
            } else {
                c[k][2] += w;
                c[k][4] += w * yhat;
            }
        }
        double spd = (c[0][3] + c[0][4]) / c[0][0] - (c[1][3] + c[1][4]) / c[1][0];
        double eod = c[0][3] / c[0][1] - c[1][3] / c[1][1];
        double aod = 0.5 * ((c[0][4] / c[0][2] - c[1][4] / c[1][2]) + eod);
        double tpr = (c[0][3] + c[1][3]) / (c[0][1] + c[1][1]);
        double tnr = 1 - (c[0][4] + c[1][4]) / (c[0][2] + c[1][2]);
        double metric = m == Metric.STATISTICAL_PARITY ? spd : m == Metric.EQUAL_OPPORTUNITY ? eod : aod;
        return new double[] {metric, 0.5 * (tpr + tnr)};
    }

    private static RejectOptionClassification.Fitted fit(TwoGroupProblem p, Metric m, Grid grid, String priv) {
        RejectOptionClassification r = RejectOptionClassification.metric(m).bound(BOUND).privileged(priv);
        return (grid == null ? r : r.grid(grid)).fit(p.scores(), p.labels(), p.groups(), p.weights());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void exactSearchEqualsBruteForceOverEveryPairOfThresholds(Metric m) {
        qt().withExamples(EXAMPLES).forAll(TwoGroupProblem.problems()).checkAssert(p -> {
            if (!valid(p, m)) {
                assertThatThrownBy(() -> fit(p, m, null, "a")).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("reject option classification: ");
                return;
            }
            RejectOptionClassification.Fitted f = fit(p, m, null, "a");
            double[] got = evaluate(p, m, f.unprivilegedThreshold(), f.privilegedThreshold());
            assertThat(f.feasible()).isTrue();
            assertThat(Math.abs(got[0])).isLessThanOrEqualTo(BOUND + EXACT);
            assertThat(got[0]).isCloseTo(f.metricValue(), within(1e-9));
            assertThat(got[1]).isCloseTo(f.balancedAccuracy(), within(1e-9));
            assertThat(f.unprivilegedThreshold()).isBetween(0.0, f.privilegedThreshold());
            assertThat(f.privilegedThreshold()).isLessThanOrEqualTo(1.0);
            TreeSet<Double> candidates = new TreeSet<>();
            candidates.add(0.0);
            candidates.add(1.0);
            for (double s : p.scores()) {
                candidates.add(s);
            }
            double best = Double.NEGATIVE_INFINITY;
            for (double lo : candidates) {
                for (double hi : candidates.tailSet(lo, true)) {
                    double[] e = evaluate(p, m, lo, hi);
                    if (Math.abs(e[0]) <= BOUND) {
                        best = Math.max(best, e[1]);
                    }
                }
            }
            assertThat(f.balancedAccuracy()).isCloseTo(best, within(1e-9));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void gridResultMeetsTheBoundWhenAnyGridPointDoesAndExactIsNeverWorse(Metric m) {
        qt().withExamples(EXAMPLES).forAll(TwoGroupProblem.problems()).checkAssert(p -> {
            if (!valid(p, m)) {
                return;
            }
            RejectOptionClassification.Fitted g = fit(p, m, SMALL, "a");
            boolean any = false;
            for (double t : Grid.linspace(SMALL.low(), SMALL.high(), SMALL.thresholds())) {
                for (double mg : Grid.linspace(0, t <= 0.5 ? t : 1 - t, SMALL.margins())) {
                    any |= Math.abs(evaluate(p, m, t - mg, t + mg)[0]) <= BOUND;
                }
            }
            assertThat(g.feasible()).isEqualTo(any);
            double[] got = evaluate(p, m, g.unprivilegedThreshold(), g.privilegedThreshold());
            if (any) {
                assertThat(Math.abs(got[0])).isLessThanOrEqualTo(BOUND + EXACT);
                assertThat(fit(p, m, null, "a").balancedAccuracy()).isGreaterThanOrEqualTo(g.balancedAccuracy()
                        - 1e-9);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void rowOrderAndGroupRelabelingChangeNothing(Metric m) {
        qt().withExamples(EXAMPLES).forAll(TwoGroupProblem.problems()).checkAssert(p -> {
            if (!valid(p, m)) {
                return;
            }
            for (Grid grid : new Grid[] {null, SMALL}) {
                RejectOptionClassification.Fitted f = fit(p, m, grid, "a");
                RejectOptionClassification.Fitted q = fit(p.permuted(p.seed() ^ 7), m, grid, "a");
                RejectOptionClassification.Fitted r = fit(p.relabeled(), m, grid, "zz");
                for (RejectOptionClassification.Fitted x : new RejectOptionClassification.Fitted[] {q, r}) {
                    assertThat(x.unprivilegedThreshold()).isEqualTo(f.unprivilegedThreshold());
                    assertThat(x.privilegedThreshold()).isEqualTo(f.privilegedThreshold());
                    assertThat(x.balancedAccuracy()).isCloseTo(f.balancedAccuracy(), within(1e-12));
                }
                assertThat(r.predict(p.scores(), p.relabeled().groups())).isEqualTo(f.predict(p.scores(),
                        p.groups()));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void unitWeightsEqualNoWeights(Metric m) {
        qt().withExamples(EXAMPLES).forAll(TwoGroupProblem.problems()).checkAssert(p -> {
            if (!valid(p, m) || p.weights() != null) {
                return;
            }
            double[] ones = new double[p.size()];
            java.util.Arrays.fill(ones, 1.0);
            TwoGroupProblem unit = new TwoGroupProblem(p.seed(), p.scores(), p.labels(), p.groups(), ones);
            for (Grid grid : new Grid[] {null, SMALL}) {
                RejectOptionClassification.Fitted f = fit(p, m, grid, "a");
                RejectOptionClassification.Fitted u = fit(unit, m, grid, "a");
                assertThat(u.unprivilegedThreshold()).isEqualTo(f.unprivilegedThreshold());
                assertThat(u.privilegedThreshold()).isEqualTo(f.privilegedThreshold());
                assertThat(u.balancedAccuracy()).isEqualTo(f.balancedAccuracy());
                assertThat(u.metricValue()).isEqualTo(f.metricValue());
            }
        });
    }
}
