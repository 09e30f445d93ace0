package org.fairkit.core.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;
import org.fairkit.core.internal.ScoreInput;
import org.fairkit.core.internal.ScoreKernel;
import org.fairkit.core.internal.SortedScores;

/** Worked examples, symmetry properties and input errors of the score metrics and their kernel. */
class ScoreMetricsTest {

    private static FairnessReport oneGroup(int[] y, double[] s, ScoreMetrics... metrics) {
        FairnessData d = unnamed(y.length).labels(y).scores(s).build();
        return Fairness.of(d).scoreMetrics(metrics).evaluate();
    }

    private static FairnessData.Builder unnamed(int n) {
        String[] g = new String[n];
        Arrays.fill(g, "all");
        return FairnessData.builder().predictions(new int[n]).sensitive("g", g);
    }

    private static MetricValue overall(int[] y, double[] s, ScoreMetrics m) {
        FairnessData d = unnamed(y.length).labels(y).scores(s).build();
        return Fairness.of(d).scoreMetrics(m).evaluate().overall(m);
    }

    /** scikit-learn's documented examples: average_precision_score and roc_auc_score of y=[0,0,1,1]. */
    @Test
    void averagePrecisionAndAucEqualScikitLearnsDocumentedExample() {
        int[] y = {0, 0, 1, 1};
        double[] s = {0.1, 0.4, 0.35, 0.8};
        assertThat(overall(y, s, ScoreMetrics.AVERAGE_PRECISION).value()).isCloseTo(0.8333333333333333, within(1e-15));
        assertThat(overall(y, s, ScoreMetrics.ROC_AUC).value()).isEqualTo(0.75);
    }

    @Test
    void tiesCountOneHalfInTheAuc() {
        // positive 0.5 ties negative 0.5 and beats negative 0.1: (0.5 + 1) / 2
        assertThat(overall(new int[] {1, 0, 0}, new double[] {0.5, 0.5, 0.1}, ScoreMetrics.ROC_AUC).value())
                .isEqualTo(0.75);
        // one tie block holding everything: AP is the base rate, AUC one half
        assertThat(overall(new int[] {1, 0, 0, 0}, new double[] {0.3, 0.3, 0.3, 0.3}, ScoreMetrics.AVERAGE_PRECISION)
                .value()).isEqualTo(0.25);
        assertThat(overall(new int[] {1, 0, 0, 0}, new double[] {0.3, 0.3, 0.3, 0.3}, ScoreMetrics.ROC_AUC).value())
                .isEqualTo(0.5);
    }

    @Test
    void logLossClipsScoresOfZeroAndOneAtMachineEpsilon() {
        double worst = -Math.log(0x1.0p-52);
        assertThat(overall(new int[] {0}, new double[] {1.0}, ScoreMetrics.LOG_LOSS).value()).isEqualTo(worst);
        assertThat(overall(new int[] {1}, new double[] {0.0}, ScoreMetrics.LOG_LOSS).value()).isEqualTo(worst);
        assertThat(overall(new int[] {1}, new double[] {1.0}, ScoreMetrics.LOG_LOSS).value())
                .isCloseTo(0x1.0p-52, within(1e-30));
        assertThat(ScoreMetrics.LOG_LOSS.info().upperBound()).isEqualTo(worst);
    }

    @Test
    void calibrationRatioIsMeanScoreOverBaseRate() {
        // mean score 0.4, base rate 0.5
        assertThat(overall(new int[] {1, 0}, new double[] {0.6, 0.2}, ScoreMetrics.CALIBRATION_RATIO).value())
                .isCloseTo(0.8, within(1e-15));
    }

    @Test
    void metricsWithoutTheirDenominatorAreUndefinedWithTheReason() {
        FairnessReport r = oneGroup(new int[] {0, 0}, new double[] {0.2, 0.4}, ScoreMetrics.values());
        GroupKey g = r.groups().get(0);
        assertThat(r.value(ScoreMetrics.ROC_AUC, g).reason()).hasValue("no positives (weight of label 1 is 0)");
        assertThat(r.value(ScoreMetrics.AVERAGE_PRECISION, g).reason()).hasValue("no positives (weight of label 1 is 0)");
        assertThat(r.value(ScoreMetrics.CALIBRATION_RATIO, g).reason()).hasValue("no positives (weight of label 1 is 0)");
        assertThat(r.value(ScoreMetrics.BRIER_SCORE, g).isDefined()).isTrue();
        assertThat(r.warnings()).extracting(w -> w.message()).contains(
                "roc_auc of group g=all is undefined: no positives (weight of label 1 is 0)");
        FairnessReport ones = oneGroup(new int[] {1, 1}, new double[] {0.2, 0.4}, ScoreMetrics.ROC_AUC);
        assertThat(ones.overall(ScoreMetrics.ROC_AUC).reason()).hasValue("no negatives (weight of label 0 is 0)");
        FairnessData zero = unnamed(2).labels(new int[] {1, 0}).scores(new double[] {0.2, 0.4})
                .weights(new double[] {0, 0}).build();
        assertThat(Fairness.of(zero).scoreMetrics(ScoreMetrics.BRIER_SCORE).evaluate().overall(ScoreMetrics.BRIER_SCORE)
                .reason()).hasValue("total weight is 0");
    }

    @Test
    void aucOfReversedScoresIsOneMinusAucAndAucIgnoresMonotoneTransforms() {
        qt().withExamples(200).forAll(ScoredCase.cases()).checkAssert(c -> {
            double[] reversed = Arrays.stream(c.scores()).map(s -> 1 - s).toArray();
            double[] cubed = Arrays.stream(c.scores()).map(s -> s * s * s).toArray();
            MetricValue auc = ScoreMetricContractTest.Evaluated.of(ScoreMetrics.ROC_AUC, c).overall();
            MetricValue rev = ScoreMetricContractTest.Evaluated.of(ScoreMetrics.ROC_AUC, c.withScores(reversed)).overall();
            MetricValue cube = ScoreMetricContractTest.Evaluated.of(ScoreMetrics.ROC_AUC, c.withScores(cubed)).overall();
            assertThat(rev.isDefined()).isEqualTo(auc.isDefined());
            if (auc.isDefined()) {
                // 1 - s and s^3 round, and can merge scores an ulp apart: compare only when the ties stay as they were
                if (tiesPreserved(c.scores(), reversed) && tiesPreserved(c.scores(), cubed)) {
                    assertThat(rev.value()).isCloseTo(1 - auc.value(), within(1e-12));
                    assertThat(cube.value()).isCloseTo(auc.value(), within(1e-12));
                }
            }
        });
    }

    private static boolean tiesPreserved(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if ((a[i] == a[j]) != (b[i] == b[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theKernelSortsEveryGroupByDecreasingScoreAsAComparisonSortWould() {
        Random r = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(trial < 10 ? 50 : 20_000);
            int groups = 1 + r.nextInt(5);
            double[] s = new double[n];
            byte[] y = new byte[n];
            int[] g = new int[n];
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(4);
                s[i] = k == 0 ? -0.0 : k == 1 ? r.nextInt(11) / 10.0 : k == 2 ? Math.scalb(r.nextDouble(), -r.nextInt(1000))
                        : r.nextDouble();
                y[i] = (byte) r.nextInt(2);
                g[i] = r.nextInt(groups);
            }
            SortedScores sorted = ScoreKernel.sort(ScoreInput.of(s, y, g, null, groups));
            for (int k = 0; k < groups; k++) {
                int code = k;
                double[] expected = java.util.stream.IntStream.range(0, n).filter(i -> g[i] == code)
                        .mapToDouble(i -> s[i] + 0.0).boxed().sorted(java.util.Comparator.reverseOrder())
                        .mapToDouble(Double::doubleValue).toArray();
                double[] actual = java.util.stream.IntStream.range(sorted.start(k), sorted.end(k))
                        .mapToDouble(i -> sorted.score(i) + 0.0).toArray();
                assertThat(actual).as("group %d of trial %d", k, trial).containsExactly(expected);
            }
            double[] distinct = Arrays.stream(s).map(x -> x + 0.0).sorted().distinct().toArray();
            assertThat(sorted.distinctScores()).containsExactly(distinct);
        }
    }

    @Test
    void badKernelInputNamesTheColumnAndRow() {
        byte[] y = {0, 1};
        int[] g = {0, 0};
        assertThatThrownBy(() -> ScoreInput.of(new double[] {0.1, 1.5}, y, g, null, 1))
                .hasMessage("column 'scores', row 1: got 1.5; expected a finite score in [0, 1]");
        assertThatThrownBy(() -> ScoreInput.of(new double[] {0.1, 0.2}, new byte[] {0, 2}, g, null, 1))
                .hasMessage("column 'labels', row 1: got 2; expected 0 or 1");
        assertThatThrownBy(() -> ScoreInput.of(new double[] {0.1, 0.2}, y, new int[] {0, 3}, null, 2))
                .hasMessage("column 'groups', row 1: got 3; expected a group code in [0, 2)");
        assertThatThrownBy(() -> ScoreInput.of(new double[] {0.1, 0.2}, y, g, new double[] {1, -1}, 1))
                .hasMessage("column 'weights', row 1: got -1.0; expected a finite weight >= 0");
        assertThatThrownBy(() -> ScoreInput.of(new double[] {0.1}, y, g, null, 1))
                .hasMessage("column 'labels' has 2 rows; expected 1 (the length of 'scores')");
    }

    @Test
    void scoreMetricsOnDataWithoutScoresFailAtOnceNamingTheColumn() {
        FairnessData d = FairnessData.builder().labels(new int[] {1}).predictions(new int[] {1})
                .sensitive("g", new String[] {"a"}).build();
        assertThatThrownBy(() -> Fairness.of(d).scoreMetrics(ScoreMetrics.ROC_AUC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scoreMetrics needs the column 'scores', which the data does not have; set it with "
                        + "FairnessData.builder().scores(...)");
        assertThatThrownBy(() -> Fairness.of(d).sweepEveryScore()).hasMessageStartingWith("sweepEveryScore needs");
    }

    @Test
    void aScoreMetricThatWasNotRequestedSaysWhichWere() {
        FairnessReport r = oneGroup(new int[] {1, 0}, new double[] {0.2, 0.4}, ScoreMetrics.BRIER_SCORE);
        assertThatThrownBy(() -> r.overall(ScoreMetrics.ROC_AUC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score metric roc_auc was not requested; requested: [brier_score] (set them with "
                        + "scoreMetrics(...))");
        assertThat(r.scoreMetrics()).containsExactly(ScoreMetrics.BRIER_SCORE);
        assertThat(r.provenance().configuration()).containsEntry("scoreMetrics", "brier_score");
    }

    @Test
    void everyScoreMetricParsesFromItsIdAndAliasesAndUnknownIdsListTheValidOnes() {
        for (ScoreMetrics m : ScoreMetrics.values()) {
            assertThat(ScoreMetrics.byId(m.id().toUpperCase(java.util.Locale.ROOT))).isSameAs(m);
            m.info().aliases().forEach(a -> assertThat(ScoreMetrics.byId(a)).isSameAs(m));
        }
        assertThatThrownBy(() -> ScoreMetrics.byId("auprc")).hasMessage("unknown score metric id 'auprc'; valid ids: "
                + "roc_auc, average_precision, brier_score, log_loss, mean_score, calibration_ratio");
    }

    @Test
    void scoreDisparitiesAgainstTheReferenceGroupUseTheGroupValues() {
        FairnessData d = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0, 0})
                .predictions(new int[7]).scores(new double[] {0.9, 0.2, 0.6, 0.6, 0.3, 0.8, 0.1})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b"}).build();
        FairnessReport r = Fairness.of(d).reference("a").scoreMetrics(ScoreMetrics.ROC_AUC).evaluate();
        assertThat(r.value(ScoreMetrics.ROC_AUC, GroupKey.of("g", "a")).value()).isEqualTo(0.875);
        assertThat(r.value(ScoreMetrics.ROC_AUC, GroupKey.of("g", "b")).value()).isEqualTo(0.5);
        assertThat(r.difference(ScoreMetrics.ROC_AUC).asDouble()).isEqualTo(0.375);
        assertThat(r.ratio(ScoreMetrics.ROC_AUC).asDouble()).isEqualTo(0.5 / 0.875);
        assertThat(r.toReference(ScoreMetrics.ROC_AUC)).singleElement()
                .satisfies(c -> assertThat(c.difference().value()).isEqualTo(-0.375));
        assertThat(List.of(r.differenceToOverall(ScoreMetrics.ROC_AUC), r.ratioToOverall(ScoreMetrics.ROC_AUC)))
                .allSatisfy(x -> assertThat(x.isDefined()).isTrue());
    }
}
