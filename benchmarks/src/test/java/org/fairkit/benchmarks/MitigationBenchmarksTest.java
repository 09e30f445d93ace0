package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.mitigation.preprocessing.Reweighing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mitigation benchmarks measure valid work: seeded data, fits that satisfy their constraint. */
class MitigationBenchmarksTest {

    @ParameterizedTest(name = "{0}, tolerance {1}")
    @CsvSource({"DEMOGRAPHIC_PARITY,0.0", "EQUALIZED_ODDS,0.0", "DEMOGRAPHIC_PARITY,0.02", "EQUALIZED_ODDS,0.02"})
    void thresholdOptimizerBenchmarkFitsMeetTheirConstraint(Constraint constraint, double tolerance) {
        ThresholdOptimizerBenchmark b = new ThresholdOptimizerBenchmark();
        b.rows = 50_000;
        b.groups = 8;
        b.constraint = constraint;
        b.tolerance = tolerance;
        b.setUp();
        ThresholdOptimizer.Fitted f = b.fit();
        assertThat(f.solutions()).hasSize(8);
        assertThat(f.disparity()).isLessThanOrEqualTo(tolerance + 1e-9);
        assertThat(b.sortScores()).isSorted();
        ThresholdOptimizerBenchmark again = new ThresholdOptimizerBenchmark();
        again.rows = 50_000;
        again.groups = 8;
        again.constraint = constraint;
        again.tolerance = tolerance;
        again.setUp();
        assertThat(again.scores).isEqualTo(b.scores);
        assertThat(again.fit().objectiveValue()).isEqualTo(f.objectiveValue());
    }

    @ParameterizedTest(name = "weighted={0}")
    @CsvSource({"false", "true"})
    void reweighingBenchmarkPreservesTheTotalWeight(boolean weighted) {
        ReweighingBenchmark b = new ReweighingBenchmark();
        b.rows = 50_000;
        b.groups = 8;
        b.weighted = weighted;
        b.setUp();
        double[] w = b.fitAndWeigh();
        double before = 0;
        double after = 0;
        for (int i = 0; i < w.length; i++) {
            before += weighted ? b.weights[i] : 1;
            after += w[i];
        }
        assertThat(after).isCloseTo(before, org.assertj.core.api.Assertions.within(1e-9 * before));
        assertThat(Reweighing.byGroupColumn().fit(b.labels, b.groupLabels, b.weights).cells()).hasSize(16);
    }

    @org.junit.jupiter.api.Test
    void postprocessingBenchmarkFitsMeetTheirConstraintsAndAgree() {
        PostprocessingBenchmark b = new PostprocessingBenchmark();
        b.rows = 50_000;
        b.setUp();
        org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Fitted ceo = b.calibratedEoFit();
        assertThat(ceo.mixRate(true) + ceo.mixRate(false)).isStrictlyBetween(0.0, 1.0);
        assertThat(ceo.equalized()).isTrue();
        assertThat(b.calibratedEoPredict()).hasSize(50_000).isEqualTo(b.ceoFitted.predict(b.scores, b.groups));
        org.fairkit.mitigation.postprocessing.RejectOptionClassification.Fitted exact = b.rejectOptionExactFit();
        org.fairkit.mitigation.postprocessing.RejectOptionClassification.Fitted grid = b.rejectOptionGridFit();
        assertThat(Math.abs(exact.metricValue())).isLessThanOrEqualTo(0.05);
        assertThat(grid.feasible()).isTrue();
        assertThat(exact.balancedAccuracy()).isGreaterThanOrEqualTo(grid.balancedAccuracy());
        assertThat(b.rejectOptionPredict()).isEqualTo(exact.predict(b.scores, b.groups));
        assertThat(b.sortScores()).isSorted();
    }
}
