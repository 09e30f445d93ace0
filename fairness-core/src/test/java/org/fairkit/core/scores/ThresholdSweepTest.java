package org.fairkit.core.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.junit.jupiter.api.Test;

/**
 * The threshold sweep against the evaluation of hard predictions {@code score >= t} through the confusion path, and
 * against the ROC AUC of the score kernel.
 */
class ThresholdSweepTest {

    private static Fairness fairness(ScoredCase c) {
        return Fairness.of(c.data()).groupBy(c.c().groupBy().toArray(new String[0]));
    }

    /**
     * At any threshold, every confusion metric of every group equals the report on the same rows with predictions
     * replaced by {@code score >= t}: exactly, except for real weights, whose sums are taken in another order.
     */
    @Test
    void everyMetricAtAThresholdEqualsTheReportOfThoseHardPredictions() {
        qt().withExamples(150).forAll(ScoredCase.cases(), integers().between(0, 8)).checkAssert((c, k) -> {
            double t = k / 8.0;
            ThresholdSweep sweep = fairness(c).sweepThresholds(t, 2.0, -1.0);
            int[] predictions = Arrays.stream(c.scores()).mapToInt(s -> s >= t ? 1 : 0).toArray();
            DataWithPredictions d = new DataWithPredictions(c, predictions);
            FairnessReport hard = Fairness.of(d.data()).groupBy(c.c().groupBy().toArray(new String[0]))
                    .metrics(Metrics.values()).fairnessMetrics().evaluate();
            int at = Arrays.binarySearch(sweep.thresholds(), t);
            boolean exact = ScoreMetricContractTest.integerWeights(c);
            for (Metrics m : Metrics.values()) {
                GroupValues v = sweep.values(m, at);
                for (int g = 0; g < v.groups().size(); g++) {
                    assertSameValue(v.value(g), hard.value(m, v.groups().get(g)), exact, m + " of " + v.groups().get(g));
                }
                assertSameValue(v.overall(), hard.overall(m), exact, m + " overall");
                assertSameValue(v.difference().value(), hard.difference(m).value(), exact, m + " difference");
            }
            // above every score nothing is selected, below every score everything
            assertThat(sweep.overallCounts(0).predictedNegatives()).isZero();
            assertThat(sweep.overallCounts(2).predictedPositives()).isZero();
        });
    }

    private record DataWithPredictions(ScoredCase c, int[] predictions) {
        FairnessData data() {
            DataGenAccess a = new DataGenAccess(c);
            return a.with(predictions);
        }
    }

    /** Rebuilds a case's data with other predictions (through a case whose predictions are replaced). */
    private record DataGenAccess(ScoredCase c) {
        FairnessData with(int[] predictions) {
            org.fairkit.core.DataGen.Case x = c.c();
            org.fairkit.core.DataGen.Case replaced = new org.fairkit.core.DataGen.Case(x.labels(), predictions,
                    x.weights(), x.names(), x.features(), x.declaredLevels(), x.groupBy());
            return new ScoredCase(replaced, c.scores()).data();
        }
    }

    private static void assertSameValue(MetricValue actual, MetricValue expected, boolean exact, String what) {
        if (exact || !expected.isDefined()) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(actual.value()).as(what).isCloseTo(expected.value(), within(1e-12));
        }
    }

    /** The trapezoids under the (FPR, TPR) points of a sweep at every score are the kernel's exact AUC. */
    @Test
    void areaUnderTheSweptRocCurveEqualsTheRocAuc() {
        qt().withExamples(150).forAll(ScoredCase.cases()).checkAssert(c -> {
            ThresholdSweep sweep = fairness(c).sweepEveryScore();
            FairnessReport report = fairness(c).scoreMetrics(ScoreMetrics.ROC_AUC).evaluate();
            for (GroupKey g : sweep.groups()) {
                MetricValue auc = report.value(ScoreMetrics.ROC_AUC, g);
                List<MetricValue> tpr = sweep.curve(Metrics.TRUE_POSITIVE_RATE, g);
                List<MetricValue> fpr = sweep.curve(Metrics.FALSE_POSITIVE_RATE, g);
                if (!auc.isDefined()) {
                    assertThat(tpr.get(0).isDefined() && fpr.get(0).isDefined()).isFalse();
                    continue;
                }
                double area = 0;
                double x = 0;
                double y = 0;
                for (int t = tpr.size() - 1; t >= 0; t--) { // from the highest threshold down
                    double x1 = fpr.get(t).value();
                    double y1 = tpr.get(t).value();
                    area += (x1 - x) * (y + y1) / 2;
                    x = x1;
                    y = y1;
                }
                assertThat(x).isEqualTo(1.0);
                assertThat(area).as("AUC of %s in %s", g, c).isCloseTo(auc.value(), within(1e-12));
            }
        });
    }

    private static FairnessData fixture() {
        return FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0, 0}).predictions(new int[7])
                .scores(new double[] {0.9, 0.2, 0.6, 0.6, 0.3, 0.8, 0.1})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b"}).build();
    }

    @Test
    void thresholdsAreSortedWithoutDuplicatesAndNaNIsRejected() {
        ThresholdSweep s = Fairness.of(fixture()).sweepThresholds(0.5, 0.25, 0.5, -0.0, 0.0);
        assertThat(s.thresholds()).containsExactly(0.0, 0.25, 0.5);
        assertThatThrownBy(() -> Fairness.of(fixture()).sweepThresholds(0.5, Double.NaN))
                .hasMessage("column 'thresholds', row 1: got NaN; expected a threshold that is not NaN");
        assertThatThrownBy(() -> Fairness.of(fixture()).sweepThresholds())
                .hasMessage("thresholds must be at least one threshold, got nothing");
        assertThat(Fairness.of(fixture()).sweepEveryScore().thresholds())
                .containsExactly(0.1, 0.2, 0.3, 0.6, 0.8, 0.9);
    }

    @Test
    void zeroDivisionPolicyAppliesToSweptValues() {
        ThresholdSweep zero = Fairness.of(fixture()).zeroDivision(ZeroDivision.ZERO).sweepThresholds(0.95);
        assertThat(zero.values(Metrics.POSITIVE_PREDICTIVE_VALUE, 0).value(0)).isEqualTo(MetricValue.of(0.0));
        ThresholdSweep undefined = Fairness.of(fixture()).sweepThresholds(0.95);
        assertThat(undefined.values(Metrics.POSITIVE_PREDICTIVE_VALUE, 0).value(0).reason())
                .hasValue("no predicted positives (TP + FP = 0)");
        ThresholdSweep error = Fairness.of(fixture()).zeroDivision(ZeroDivision.ERROR).sweepThresholds(0.95);
        assertThatThrownBy(() -> error.values(Metrics.POSITIVE_PREDICTIVE_VALUE, 0))
                .hasMessage("positive_predictive_value of g=a at threshold 0.95 is undefined: no predicted positives "
                        + "(TP + FP = 0)");
    }

    @Test
    void toStringPrintsTheSelectionRateAtEveryThreshold() {
        assertThat(Fairness.of(fixture()).sweepThresholds(0.25, 0.5, 0.85).toString()).isEqualTo(""
                + "ThresholdSweep: 3 thresholds in [0.2500, 0.8500] x 2 groups, decision 'score >= threshold'\n"
                + "selection_rate:\n"
                + "threshold       a       b  overall  difference\n"
                + "   0.2500  0.7500  0.6667   0.7143      0.0833\n"
                + "   0.5000  0.7500  0.3333   0.5714      0.4167\n"
                + "   0.8500  0.2500  0.0000   0.1429      0.2500\n");
    }
}
