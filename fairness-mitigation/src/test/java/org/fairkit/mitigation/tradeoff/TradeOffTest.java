package org.fairkit.mitigation.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.stats.Bootstrap;
import org.junit.jupiter.api.Test;

class TradeOffTest {
    private static final double[] TOLERANCES = {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5};

    /** Seeded synthetic lending rows split in two halves: [fit, held out]. */
    record Split(double[] fitScores, int[] fitLabels, String[] fitGroups, double[] scores, int[] labels,
            String[] groups) {
        static Split of(int rows, long seed) {
            FairnessData d = SyntheticLending.generate(rows, seed);
            int h = rows / 2;
            double[] s = new double[rows];
            int[] y = new int[rows];
            String[] g = new String[rows];
            for (int i = 0; i < rows; i++) {
                s[i] = d.score(i);
                y[i] = d.label(i);
                g[i] = d.sensitive(SyntheticLending.ETHNICITY).level(i);
            }
            return new Split(Arrays.copyOfRange(s, 0, h), Arrays.copyOfRange(y, 0, h), Arrays.copyOfRange(g, 0, h),
                    Arrays.copyOfRange(s, h, rows), Arrays.copyOfRange(y, h, rows), Arrays.copyOfRange(g, h, rows));
        }
    }

    @Test
    void onTheFittingRowsAccuracyNeverFallsAsTheToleranceGrowsAndDisparityStaysWithinIt() {
        Split s = Split.of(6000, 3);
        for (Constraint c : List.of(Constraint.DEMOGRAPHIC_PARITY, Constraint.EQUALIZED_ODDS)) {
            ThresholdOptimizer to = ThresholdOptimizer.constraint(c);
            Sweep sweep = Sweeps.thresholdTolerance(to, s.fitScores(), s.fitLabels(), s.fitGroups(), null,
                    s.fitScores(), s.fitGroups());
            FairnessMetric d = c == Constraint.DEMOGRAPHIC_PARITY ? FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE
                    : FairnessMetric.EQUALIZED_ODDS_DIFFERENCE;
            Frontier f = TradeOff.sweep("tolerance", sweep).values(TOLERANCES).disparity(d).seed(5)
                    .evaluate(s.fitLabels(), s.fitGroups(), null);
            double previous = Double.NEGATIVE_INFINITY;
            for (TradeOffPoint p : f.points()) {
                double objective = to.tolerance(p.knob()).fit(s.fitScores(), s.fitLabels(), s.fitGroups())
                        .objectiveValue();
                assertThat(p.metric().value()).as("expected accuracy equals the optimizer's objective")
                        .isCloseTo(objective, within(1e-12));
                assertThat(p.metric().value()).as(c + " accuracy at tolerance " + p.knob())
                        .isGreaterThanOrEqualTo(previous - 1e-12);
                assertThat(p.disparity().asDouble()).as(c + " disparity at tolerance " + p.knob())
                        .isLessThanOrEqualTo(p.knob() + 1e-9);
                previous = p.metric().value();
            }
            // the largest tolerance's point is the most accurate, so it is Pareto-optimal
            assertThat(f.points().get(TOLERANCES.length - 1).pareto()).isTrue();
        }
    }

    @Test
    void heldOutPointsHaveIntervalsThatContainTheirExpectedValues() {
        Split s = Split.of(4000, 11);
        Frontier f = TradeOff.sweep("tolerance", Sweeps.thresholdTolerance(
                ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY), s.fitScores(), s.fitLabels(),
                s.fitGroups(), null, s.scores(), s.groups())).values(TOLERANCES).seed(1)
                .evaluate(s.labels(), s.groups(), null);
        assertThat(f.rows()).isEqualTo(2000);
        assertThat(f.points()).hasSize(TOLERANCES.length);
        for (TradeOffPoint p : f.points()) {
            assertThat(p.metricInterval()).isPresent();
            assertThat(p.metricInterval().get().contains(p.metric().value())).isTrue();
            assertThat(p.disparityInterval()).isPresent();
            assertThat(p.disparityInterval().get().contains(p.disparity().asDouble())).isTrue();
            assertThat(p.distanceUpper()).isGreaterThanOrEqualTo(p.distance());
        }
        assertThat(f.points()).anyMatch(TradeOffPoint::randomized);
        assertThat(f.recommended()).isPresent();
        assertThat(f.recommended().get().pareto()).isTrue();
        assertThat(f.reason()).contains("tolerance = ").contains("all 8 points are listed");
        String table = f.toString();
        assertThat(table).startsWith("Trade-off over tolerance on 2000 held-out rows: accuracy against "
                + "demographic_parity_difference\n");
        assertThat(table.lines().filter(l -> l.startsWith(">")).count()).isEqualTo(1);
        assertThat(table.lines().count()).isEqualTo(2 + TOLERANCES.length + 2);
        assertThat(f).isEqualTo(TradeOff.sweep("tolerance", Sweeps.thresholdTolerance(
                ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY), s.fitScores(), s.fitLabels(),
                s.fitGroups(), null, s.scores(), s.groups())).values(TOLERANCES).seed(1)
                .evaluate(s.labels(), s.groups(), null));
    }

    @Test
    void deterministicDecisionsGetExactlyTheEstimatorsValuesAndIntervals() {
        Split s = Split.of(3000, 2);
        Sweep cut = t -> Arrays.stream(s.scores()).map(x -> x >= t ? 1 : 0).toArray();
        Bootstrap b = Bootstrap.percentile(500).seed(9);
        Frontier f = TradeOff.sweep("threshold", cut).values(0.3, 0.5, 0.7).intervals(b)
                .evaluate(s.labels(), s.groups(), null);
        for (TradeOffPoint p : f.points()) {
            int[] pred = Arrays.stream(cut.probabilityOfPositive(p.knob())).mapToInt(x -> (int) x).toArray();
            FairnessReport r = Fairness.of(FairnessData.builder().labels(s.labels()).predictions(pred)
                    .sensitive("group", s.groups()).build()).metrics(Metrics.ACCURACY, Metrics.SELECTION_RATE)
                    .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).intervals(b).evaluate();
            assertThat(p.randomized()).isFalse();
            assertThat(p.metric().value()).isEqualTo(r.overall(Metrics.ACCURACY).value());
            assertThat(p.metricInterval()).isEqualTo(r.interval(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE,
                    Metrics.ACCURACY)));
            assertThat(p.disparity()).isEqualTo(r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE));
        }
    }

    @Test
    void unitWeightsGiveTheSameExpectedValuesAsNoWeights() {
        Split s = Split.of(2000, 4);
        Sweep sweep = Sweeps.thresholdTolerance(ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS),
                s.fitScores(), s.fitLabels(), s.fitGroups(), null, s.scores(), s.groups());
        double[] ones = new double[s.labels().length];
        Arrays.fill(ones, 1);
        Frontier a = TradeOff.sweep("tolerance", sweep).values(0, 0.1).evaluate(s.labels(), s.groups(), null);
        Frontier b = TradeOff.sweep("tolerance", sweep).values(0, 0.1).evaluate(s.labels(), s.groups(), ones);
        for (int i = 0; i < 2; i++) {
            assertThat(b.points().get(i).metric().value()).isCloseTo(a.points().get(i).metric().value(),
                    within(1e-12));
            assertThat(b.points().get(i).disparity().asDouble()).isCloseTo(a.points().get(i).disparity().asDouble(),
                    within(1e-12));
        }
    }

    @Test
    void badSettingsAndSweepsAreRefusedWithTheirReason() {
        Sweep half = t -> new double[] {0.5, 0.5};
        assertThatThrownBy(() -> TradeOff.sweep(" ", half)).hasMessage("knob must be a non-blank name, got ' '");
        assertThatThrownBy(() -> TradeOff.sweep("k", half).values(0.1, 0.1))
                .hasMessage("values: knob value 0.1 appears twice; expected distinct values");
        assertThatThrownBy(() -> TradeOff.sweep("k", half).values(Double.NaN))
                .hasMessage("values: knob values must be finite numbers, got NaN");
        assertThatThrownBy(() -> TradeOff.sweep("k", half).values(1).values(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TradeOff.sweep("k", half).metric(Metrics.SELECTION_RATE))
                .hasMessageContaining("got selection_rate (NONE)");
        assertThatThrownBy(() -> TradeOff.sweep("k", half).disparity(FairnessMetric.DISPARATE_IMPACT))
                .hasMessageStartingWith("disparity: disparate_impact needs a reference group");
        assertThatThrownBy(() -> TradeOff.sweep("k", half).bound(1.5)).hasMessage("bound must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> TradeOff.sweep("k", half).evaluate(new int[] {0, 1}, new String[] {"a", "b"}, null))
                .hasMessage("values: set the knob values to sweep with values(...)");
        assertThatThrownBy(() -> TradeOff.sweep("k", half).values(1).evaluate(new int[] {0, 1, 1},
                new String[] {"a", "b", "a"}, null))
                .hasMessage("k = 1.0: the sweep returned 2 probabilities; expected one per held-out row (3)");
        assertThatThrownBy(() -> TradeOff.sweep("k", t -> new double[] {0.5, 1.5}).values(1)
                .evaluate(new int[] {0, 1}, new String[] {"a", "b"}, null))
                .hasMessage("k = 1.0: P(yhat = 1) of held-out row 1 is 1.5; expected a probability in [0, 1]");
        assertThat(TradeOff.sweep("k", half).disparity(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).bound())
                .isEqualTo(TradeOff.DEFAULT_RATIO_BOUND);
        assertThat(TradeOff.sweep("k", half).values(1)).hasToString("TradeOff[k over [1.0], accuracy against "
                + "demographic_parity_difference, bound 0.05, seed 0]");
    }

    @Test
    void theRealizedDecisionsAreTheThresholdOptimizersSeededPredictions() {
        Split s = Split.of(2000, 6);
        ThresholdOptimizer.Fitted fitted = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).seed(17)
                .fit(s.fitScores(), s.fitLabels(), s.fitGroups());
        int[] predicted = fitted.predict(s.scores(), s.groups());
        double[] p = fitted.probabilityOfPositive(s.scores(), s.groups());
        for (int i = 0; i < p.length; i++) {
            assertThat(TradeOff.uniform(17, i) < p[i] ? 1 : 0).isEqualTo(predicted[i]);
        }
    }
}
