package org.fairkit.mitigation.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.mitigation.reductions.ExponentiatedGradient;
import org.fairkit.mitigation.reductions.FeatureMatrix;
import org.fairkit.mitigation.reductions.GridSearch;
import org.fairkit.mitigation.reductions.LogisticRegression;
import org.fairkit.mitigation.reductions.ParityConstraint;
import org.junit.jupiter.api.Test;

/** Sweeps of exponentiated gradient's eps and grid search's grid points on seeded synthetic rows. */
class ReductionSweepsTest {
    /** Two groups; group "b" has a lower first feature, and the label follows the features. */
    record Rows(FeatureMatrix x, int[] y, String[] g) {
        static Rows of(int n, long seed) {
            Random r = new Random(seed);
            double[] a = new double[n];
            double[] b = new double[n];
            int[] y = new int[n];
            String[] g = new String[n];
            for (int i = 0; i < n; i++) {
                boolean minority = r.nextDouble() < 0.4;
                g[i] = minority ? "b" : "a";
                a[i] = r.nextGaussian() - (minority ? 0.8 : 0);
                b[i] = r.nextGaussian();
                double z = 1.5 * a[i] + 0.7 * b[i] + 0.2;
                y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            }
            return new Rows(FeatureMatrix.ofColumns(a, b), y, g);
        }
    }

    @Test
    void exponentiatedGradientsEpsSweepsOnHeldOutRowsAndKeepsDemographicParityOnTheFittingRows() {
        Rows fit = Rows.of(1500, 1);
        Rows test = Rows.of(1000, 2);
        ExponentiatedGradient eg = ExponentiatedGradient.constraint(ParityConstraint.of(
                ParityConstraint.Kind.DEMOGRAPHIC_PARITY)).learner(LogisticRegression.l2(1.0)).seed(3);
        double[] eps = {0.005, 0.02, 0.05};
        Frontier onFit = TradeOff.sweep("eps", Sweeps.exponentiatedGradientEps(eg, fit.x(), fit.y(), fit.g(), null,
                fit.x())).values(eps).evaluate(fit.y(), fit.g(), null);
        for (TradeOffPoint p : onFit.points()) {
            // two groups: |r_a - r_b| <= 2 max_g |r_g - r_all| <= 2 (bound 0.01 + eps) for the returned mixture
            assertThat(p.disparity().asDouble()).as("eps " + p.knob()).isLessThanOrEqualTo(2 * (0.01 + p.knob()));
        }
        Frontier held = TradeOff.sweep("eps", Sweeps.exponentiatedGradientEps(eg, fit.x(), fit.y(), fit.g(), null,
                test.x())).values(eps).evaluate(test.y(), test.g(), null);
        assertThat(held.rows()).isEqualTo(1000);
        assertThat(held.points()).allMatch(p -> p.metricInterval().isPresent() && p.disparityInterval().isPresent());
        assertThat(held.recommended()).isPresent();
        assertThat(held.recommended().get().pareto()).isTrue();
    }

    @Test
    void gridSearchPointsAreItsPredictorsAndTheirFrontierMarksTheUnconstrainedEnd() {
        Rows fit = Rows.of(1500, 4);
        Rows test = Rows.of(1000, 5);
        GridSearch.Fitted gs = GridSearch.constraint(ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY))
                .gridSize(7).fit(fit.x(), fit.y(), fit.g(), null);
        Sweep s = Sweeps.gridSearchPoints(gs, test.x());
        double[] idx = {0, 1, 2, 3, 4, 5, 6};
        Frontier f = TradeOff.sweep("grid_point", s).values(idx).evaluate(test.y(), test.g(), null);
        assertThat(f.points()).hasSize(7).noneMatch(TradeOffPoint::randomized);
        int[] d = gs.predictors().get(3).predict(test.x());
        double[] p = s.probabilityOfPositive(3);
        for (int i = 0; i < d.length; i++) {
            assertThat(p[i]).isEqualTo(d[i]);
        }
        // the most accurate point (ties: the least disparity) is Pareto-optimal, as is the one with the least disparity
        // (ties: the most accurate)
        TradeOffPoint best = f.points().stream().max(java.util.Comparator.<TradeOffPoint>comparingDouble(
                x -> x.metric().value()).thenComparing(x -> -x.distance())).orElseThrow();
        assertThat(best.pareto()).isTrue();
        TradeOffPoint fairest = f.points().stream().min(java.util.Comparator.comparingDouble(TradeOffPoint::distance)
                .thenComparing(x -> -x.metric().value())).orElseThrow();
        assertThat(fairest.pareto()).isTrue();
        assertThat(f.disparity()).isEqualTo(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE);
        assertThatThrownBy(() -> s.probabilityOfPositive(7)).hasMessage("grid point: expected an index in 0..6, "
                + "got 7.0");
        assertThatThrownBy(() -> s.probabilityOfPositive(0.5)).hasMessage("grid point: expected an index in 0..6, "
                + "got 0.5");
    }
}
