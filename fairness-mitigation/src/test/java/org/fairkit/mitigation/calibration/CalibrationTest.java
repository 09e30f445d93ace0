package org.fairkit.mitigation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.fairkit.core.FairnessData;
import org.junit.jupiter.api.Test;

/** Examples with known answers, fallbacks, and the exact wording of every error. */
class CalibrationTest {

    // ---- isotonic -------------------------------------------------------------------------------------------

    @Test
    void isotonicPoolsViolatorsAndInterpolatesBetweenThresholds() {
        IsotonicMap m = (IsotonicMap) Calibration.isotonic().fit(new double[] {0.1, 0.2, 0.3, 0.4},
                new int[] {0, 1, 0, 1}).global();
        assertThat(m.thresholdsX()).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(m.thresholdsY()).containsExactly(0.0, 0.5, 0.5, 1.0);
        assertThat(m.apply(0.15)).isCloseTo(0.25, within(1e-15));
        assertThat(m.apply(0.25)).isEqualTo(0.5);
        assertThat(m.apply(0.0)).as("clipped to xMin").isEqualTo(0.0);
        assertThat(m.apply(1.0)).as("clipped to xMax").isEqualTo(1.0);
    }

    @Test
    void isotonicHandlesTiesInTheScoreAsScikitLearnAndRsIsotone() {
        // scikit-learn's test_isotonic_regression_with_ties_in_differently_sized_groups (issue 9432), checked
        // there against R isotone::gpava(ties = "secondary"): x = 0, 1, 1, 2, 3, 4 (here divided by 4).
        double[] x = {0, 0.25, 0.25, 0.5, 0.75, 1.0};
        ScoreMap m = Calibration.isotonic().fit(x, new int[] {0, 0, 1, 0, 0, 1}).global();
        double[] expected = {0.0, 0.25, 0.25, 0.25, 0.25, 1.0};
        for (int i = 0; i < x.length; i++) {
            assertThat(m.apply(x[i])).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void isotonicPoolsScoresWithinOneFemtoOfTheFirstScoreOfTheirRun() {
        double s = 0.5;
        double near = s + 5e-16; // below numpy.finfo(float64).resolution = 1e-15: pooled with 0.5
        double far = s + 2e-15;
        IsotonicMap pooled = (IsotonicMap) Calibration.isotonic().fit(new double[] {0.1, s, near, 0.9},
                new int[] {0, 0, 1, 1}).global();
        assertThat(pooled.pooledPoints()).isEqualTo(3);
        assertThat(pooled.apply(s)).isEqualTo(0.5);
        IsotonicMap apart = (IsotonicMap) Calibration.isotonic().fit(new double[] {0.1, s, far, 0.9},
                new int[] {0, 0, 1, 1}).global();
        assertThat(apart.pooledPoints()).isEqualTo(4);
        assertThat(apart.apply(s)).isEqualTo(0.0);
    }

    @Test
    void isotonicIgnoresRowsOfWeightZero() {
        ScoreMap with = Calibration.isotonic().fit(new double[] {0.1, 0.2, 0.3, 0.99}, new int[] {0, 1, 1, 0},
                new double[] {1, 1, 1, 0}).global();
        ScoreMap without = Calibration.isotonic().fit(new double[] {0.1, 0.2, 0.3}, new int[] {0, 1, 1}).global();
        assertThat(((IsotonicMap) with).thresholdsX()).containsExactly(((IsotonicMap) without).thresholdsX());
        assertThat(((IsotonicMap) with).thresholdsY()).containsExactly(((IsotonicMap) without).thresholdsY());
        assertThat(((IsotonicMap) with).xMax()).isEqualTo(0.3);
        assertThat(with.rows()).isEqualTo(4);
    }

    // ---- Platt ----------------------------------------------------------------------------------------------

    private static Data logistic(int n, double slope, double intercept, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian() * 2;
            s[i] = 1 / (1 + Math.exp(-z));
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(slope * z + intercept))) ? 1 : 0;
        }
        return new Data(s, y);
    }

    record Data(double[] s, int[] y) {
    }

    @Test
    void plattRecoversTheLogisticModelThatGeneratedTheLabels() {
        Data d = logistic(40_000, 0.5, -0.7, 3);
        PlattMap m = (PlattMap) Calibration.platt(PlattTargets.LABELS).fit(d.s(), d.y()).global();
        assertThat(m.slope()).isCloseTo(0.5, within(0.03));
        assertThat(m.intercept()).isCloseTo(-0.7, within(0.04));
        // First-order optimality of the 0/1-target likelihood: both gradient components vanish.
        double g0 = 0;
        double g1 = 0;
        for (int i = 0; i < d.s().length; i++) {
            double z = Math.log(d.s()[i] / (1 - d.s()[i]));
            double r = m.apply(d.s()[i]) - d.y()[i];
            g0 += r;
            g1 += r * z;
        }
        assertThat(g0).isCloseTo(0, within(1e-8));
        assertThat(g1).isCloseTo(0, within(1e-8));
    }

    @Test
    void plattOnScoresThatRankInReverseIsDecreasingAndSaysSo() {
        Data d = logistic(2000, -1.0, 0.0, 4);
        PlattMap m = (PlattMap) Calibration.platt().fit(d.s(), d.y()).global();
        assertThat(m.a()).isPositive();
        assertThat(m.apply(0.9)).isLessThan(m.apply(0.1));
        assertThat(m.describe()).endsWith("-- decreasing: the score ranks the classes in reverse");
    }

    @Test
    void plattWithLabelTargetsRejectsSeparatedClassesWhileSmoothedTargetsFit() {
        double[] s = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        int[] y = {0, 0, 0, 1, 1, 1};
        assertThatThrownBy(() -> Calibration.platt(PlattTargets.LABELS).fit(s, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Platt scaling (0/1 targets) cannot be fitted: the scores separate the classes (no row "
                        + "of label 0 scores above a row of label 1, or none below), so the maximum-likelihood fit "
                        + "does not exist");
        // Separation at a boundary (quasi-complete): the tie at 0.2 holds both classes, 0.0 only label 0.
        assertThatThrownBy(() -> Calibration.platt(PlattTargets.LABELS).fit(new double[] {0.2, 0.2, 0.0},
                new int[] {1, 0, 0})).hasMessageContaining("the scores separate the classes");
        PlattMap smoothed = (PlattMap) Calibration.platt().fit(s, y).global();
        assertThat(smoothed.apply(0.9)).isBetween(0.5, 0.9); // Platt's targets keep it away from 0 and 1
        assertThat(smoothed.targets()).isEqualTo(PlattTargets.SMOOTHED);
    }

    @Test
    void plattRejectsScoresWithASingleDistinctValue() {
        assertThatThrownBy(() -> Calibration.platt().fit(new double[] {0.3, 0.3, 0.3}, new int[] {0, 1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Platt scaling (smoothed targets) cannot be fitted: the features are collinear (too few "
                        + "distinct scores), so the coefficients are not identified");
    }

    @Test
    void plattMapOfGivenCoefficientsIsTheIdentityAtMinusOneAndZero() {
        PlattMap id = PlattMap.of(-1, 0);
        for (double s : new double[] {1e-6, 0.2, 0.5, 0.77, 0.999}) {
            assertThat(id.apply(s)).isCloseTo(s, within(1e-15));
        }
        assertThatThrownBy(() -> PlattMap.of(Double.NaN, 0)).hasMessage(
                "Platt coefficients must be finite, got a = NaN, b = 0.0");
    }

    // ---- beta -----------------------------------------------------------------------------------------------

    @Test
    void betaOnCalibratedScoresIsCloseToTheIdentity() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 40_000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble();
            y[i] = r.nextDouble() < s[i] ? 1 : 0;
        }
        BetaMap m = (BetaMap) Calibration.beta().fit(s, y).global();
        assertThat(m.a()).isCloseTo(1, within(0.06));
        assertThat(m.b()).isCloseTo(1, within(0.06));
        assertThat(m.c()).isCloseTo(0, within(0.06));
        assertThat(m.constraint()).isEqualTo("a, b free");
    }

    @Test
    void betaKeepsTheShapeParametersNonNegativeWhenTheUnconstrainedFitWouldNot() {
        // Positives are most frequent at middling scores and rare at both ends: the unconstrained fit wants
        // a > 0 and b < 0 (falling again towards 1), which the constraint forbids.
        SplittableRandom r = new SplittableRandom(6);
        int n = 5000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble();
            double p = 4 * s[i] * (1 - s[i]) * 0.8;
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
        BetaMap m = (BetaMap) Calibration.beta().fit(s, y).global();
        assertThat(m.a()).isGreaterThanOrEqualTo(0);
        assertThat(m.b()).isGreaterThanOrEqualTo(0);
        assertThat(m.constraint()).isNotEqualTo("a, b free");
        assertThat(m.describe()).startsWith("beta: P = sigma(a ln s - b ln(1-s) + c), a = ");
    }

    @Test
    void betaFitsClassesSeparatedByAHumpButRejectsClassesSeparatedByTheScore() {
        // Label 1 only in the middle: a curve with b < 0 would separate, the constraint excludes it, the fit exists.
        double[] s = {0.05, 0.1, 0.45, 0.5, 0.55, 0.9, 0.95};
        BetaMap hump = (BetaMap) Calibration.beta().fit(s, new int[] {0, 0, 1, 1, 1, 0, 0}).global();
        assertThat(hump.a()).isGreaterThanOrEqualTo(0);
        assertThat(hump.b()).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> Calibration.beta().fit(s, new int[] {0, 0, 0, 1, 1, 1, 1}))
                .hasMessage("beta calibration cannot be fitted: the scores separate the classes (no row of label 0 "
                        + "scores above a row of label 1), so the maximum-likelihood fit does not exist");
        BetaMap single = (BetaMap) Calibration.beta().fit(new double[] {0.3, 0.3, 0.3}, new int[] {0, 1, 1}).global();
        assertThat(single.a()).isZero();
        assertThat(single.b()).isZero();
        assertThat(single.apply(0.9)).isCloseTo(2.0 / 3, within(1e-12));
    }

    // ---- temperature ----------------------------------------------------------------------------------------

    @Test
    void temperatureScalingUndoesOverconfidence() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 40_000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            s[i] = 1 / (1 + Math.exp(-3 * z)); // logits three times too large
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        TemperatureMap m = (TemperatureMap) Calibration.temperature().fit(s, y).global();
        assertThat(m.temperature()).isCloseTo(3, within(0.15));
        assertThat(m.apply(0.5)).isEqualTo(0.5);
        // The derivative of the log loss in 1/T vanishes at the fit.
        double d = 0;
        for (int i = 0; i < n; i++) {
            double z = Math.log(s[i] / (1 - s[i]));
            d += (m.apply(s[i]) - y[i]) * z;
        }
        assertThat(d).isCloseTo(0, within(1e-7));
    }

    @Test
    void temperatureOfUninformativeScoresIsInfiniteAndSeparatedScoresAreRejected() {
        TemperatureMap flat = (TemperatureMap) Calibration.temperature().fit(new double[] {0.2, 0.8, 0.3, 0.7},
                new int[] {1, 0, 1, 0}).global();
        assertThat(flat.temperature()).isInfinite();
        assertThat(flat.apply(0.99)).isEqualTo(0.5);
        assertThat(flat.describe()).startsWith("temperature: T = infinity");
        assertThatThrownBy(() -> Calibration.temperature().fit(new double[] {0.2, 0.4, 0.6, 0.8},
                new int[] {0, 0, 1, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature scaling cannot be fitted: every row is on the correct side of 0.5 (the "
                        + "scores separate the classes), so the log loss keeps decreasing as the temperature goes "
                        + "to 0");
    }

    // ---- histogram ------------------------------------------------------------------------------------------

    @Test
    void histogramBinningReturnsTheBinRateAndPassesScoresInEmptyBinsThrough() {
        HistogramMap m = (HistogramMap) Calibration.histogram(4, Binning.EQUAL_WIDTH).fit(
                new double[] {0.1, 0.2, 0.25, 0.6, 0.7, 0.74}, new int[] {0, 0, 1, 1, 0, 1}).global();
        assertThat(m.edges()).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(m.apply(0.05)).isCloseTo(1.0 / 3, within(1e-15)); // [0, 0.25] holds 0.1, 0.2 and 0.25
        assertThat(m.apply(0.25)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(m.apply(0.4)).as("empty bin: unchanged").isEqualTo(0.4);
        assertThat(m.apply(0.5)).as("right-closed: 0.5 is in (0.25, 0.5]").isEqualTo(0.5);
        assertThat(m.apply(0.51)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.apply(0.9)).as("empty bin: unchanged").isEqualTo(0.9);
        assertThat(m.describe()).isEqualTo("histogram: 4 equal-width bins, rates [0.333, -, 0.667, -], 2 empty "
                + "bin(s) leave scores unchanged");
    }

    // ---- per group ------------------------------------------------------------------------------------------

    private static final double[] S = {0.1, 0.4, 0.35, 0.8, 0.2, 0.6, 0.9, 0.3, 0.7, 0.5, 0.55, 0.45};
    private static final int[] Y = {0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1};
    private static final String[] G = {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "d", "d"};

    @Test
    void perGroupCalibratorFallsBackToTheAllRowsMapAndSaysWhy() {
        Calibration.Fitted cal = Calibration.isotonic().minGroupSize(3).fit(S, Y, G);
        assertThat(cal.group("a").usesGlobal()).isFalse();
        assertThat(cal.group("b").usesGlobal()).isFalse();
        assertThat(cal.group("c").fallback()).hasValue("n = 2 is below minGroupSize 3");
        assertThat(cal.group("d").fallback()).hasValue("n = 2 is below minGroupSize 3");
        assertThat(cal.apply(0.4, "c")).isEqualTo(cal.global().apply(0.4));
        assertThat(cal.apply(0.4, "a")).isEqualTo(cal.group("a").map().apply(0.4));
        Calibration.Fitted small = Calibration.isotonic().minGroupSize(0).fit(S, Y, G);
        assertThat(small.group("d").fallback()).hasValue("one class only: every row of positive weight is 1");
        Calibration.Fitted mle = Calibration.platt(PlattTargets.LABELS).minGroupSize(0).fit(S, Y, G);
        assertThat(mle.group("c").fallback()).hasValue("fit failed: the scores separate the classes (no row of label "
                + "0 scores above a row of label 1, or none below), so the maximum-likelihood fit does not exist");
    }

    @Test
    void perGroupToStringIsATableOfWhatEachGroupLearned() {
        Calibration.Fitted cal = Calibration.histogram(2, Binning.EQUAL_WIDTH).minGroupSize(3).fit(S, Y, G);
        assertThat(cal.toString()).isEqualTo("""
                Calibrator[histogram binning (2 equal-width bins), per group, minGroupSize 3; fitted on 12 rows]
                  all rows: histogram: 2 equal-width bins, rates [0.571, 0.800]
                  group     rows       weight    positives  map
                  a            4            4            2  histogram: 2 equal-width bins, rates [0.333, 1.000]
                  b            4            4            3  histogram: 2 equal-width bins, rates [0.500, 1.000]
                  c            2            2            1  all-rows map (n = 2 is below minGroupSize 3)
                  d            2            2            2  all-rows map (n = 2 is below minGroupSize 3)
                """);
        assertThat(Calibration.isotonic().fit(S, Y).toString()).isEqualTo("""
                Calibrator[isotonic calibration, global; fitted on 12 rows]
                  all rows: isotonic: 8 thresholds on [0.100000, 0.900000], values 0.0000 .. 1.0000 (12 distinct \
                scores)
                """);
    }

    @Test
    void fittingOnFairnessDataEqualsFittingOnItsColumns() {
        int[] pred = new int[S.length];
        double[] w = {1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1};
        FairnessData data = FairnessData.builder().labels(Y).predictions(pred).scores(S).weights(w)
                .sensitive("site", G).build();
        Calibration.Fitted fromData = Calibration.isotonic().groupBy("site").minGroupSize(3).fit(data);
        Calibration.Fitted fromArrays = Calibration.isotonic().minGroupSize(3).fit(S, Y, G, w);
        assertThat(fromData.groups()).isEqualTo(fromArrays.groups());
        assertThat(fromData.features()).containsExactly("site");
        assertThat(fromData.apply(data)).containsExactly(fromArrays.apply(S, G));
        assertThat(Calibration.beta().fit(data).global()).isEqualTo(Calibration.beta().fit(S, Y, w).global());
        FairnessData other = FairnessData.builder().labels(new int[] {0, 1}).predictions(new int[] {0, 1})
                .scores(new double[] {0.2, 0.7}).sensitive("site", new String[] {"a", "z"}).build();
        assertThatThrownBy(() -> fromData.apply(other))
                .hasMessage("column 'site', row 1: got group 'z', which the model was not fitted on; expected one of "
                        + "[a, b, c, d]");
        assertThatThrownBy(() -> fromArrays.apply(data)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this calibrator was fitted on group arrays, not on FairnessData features; call "
                        + "apply(scores, groups)");
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    @Test
    void badColumnsAreRejectedNamingTheColumnAndRow() {
        Calibration c = Calibration.isotonic();
        assertThatThrownBy(() -> c.fit(new double[] {0.2, Double.NaN}, new int[] {0, 1}))
                .hasMessage("column 'scores', row 1: got NaN; expected a finite score in [0, 1]");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 1.5}, new int[] {0, 1}))
                .hasMessage("column 'scores', row 1: got 1.5; expected a finite score in [0, 1]");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 0.5}, new int[] {0, 2}))
                .hasMessage("column 'labels', row 1: got 2; expected 0 or 1");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 0.5}, new int[] {0}))
                .hasMessage("column 'labels' has 1 rows; expected 2 (the length of 'scores')");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 0.5}, new int[] {0, 1}, new double[] {1, -1}))
                .hasMessage("column 'weights', row 1: got -1.0; expected a finite weight >= 0");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 0.5}, new int[] {0, 1}, new double[] {1}))
                .hasMessage("column 'weights' has 1 rows; expected 2 (the length of 'scores')");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 0.5}, new int[] {0, 1}, new String[] {"a", null}))
                .hasMessage("column 'groups', row 1: got null; expected a non-null group name");
        assertThatThrownBy(() -> c.fit(new double[0], new int[0]))
                .hasMessage("the data has no rows; expected at least one row");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 0.5}, new int[] {1, 1}))
                .hasMessage("column 'labels': all 2 rows with weight > 0 are 1; expected both classes (a calibrator "
                        + "fitted on one class maps every score to 1)");
        assertThatThrownBy(() -> Calibration.platt().fit(new double[] {0.2, 0.5, 0.7}, new int[] {0, 0, 0}))
                .hasMessage("column 'labels': all 3 rows with weight > 0 are 0; expected both classes (a calibrator "
                        + "fitted on one class maps every score to 0)");
        assertThatThrownBy(() -> c.fit(new double[] {0.2, 0.5}, new int[] {0, 1}, new double[] {0, 0}))
                .hasMessage("column 'weights': total 0.0; expected a positive total (at least one row with "
                        + "weight > 0)");
    }

    @Test
    void settingsAreValidatedAtOnceAndCrossCheckedAtFit() {
        assertThatThrownBy(() -> Calibration.isotonic().groupBy("site").groupBy("site"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy is already set; each setting is set once");
        assertThatThrownBy(() -> Calibration.isotonic().groupBy())
                .hasMessage("groupBy needs at least one feature name");
        assertThatThrownBy(() -> Calibration.isotonic().minGroupSize(1).minGroupSize(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("minGroupSize is already set; each setting is set once");
        assertThatThrownBy(() -> Calibration.isotonic().minGroupSize(-1))
                .hasMessage("minGroupSize must be >= 0, got -1");
        assertThatThrownBy(() -> Calibration.histogram(0, Binning.EQUAL_MASS)).hasMessage("bins must be >= 1, got 0");
        assertThatThrownBy(() -> Calibration.isotonic().minGroupSize(5).fit(S, Y))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("minGroupSize applies only to per-group calibration; call groupBy(...) too, or fit with a "
                        + "groups column");
        assertThat(Calibration.isotonic().fit(S, Y, G).isPerGroup()).as("a groups column fits per group").isTrue();
        assertThat(Calibration.isotonic().fit(S, Y).isPerGroup()).as("without groups, one map").isFalse();
        assertThatThrownBy(() -> Calibration.isotonic().groupBy("site").fit(S, Y))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) names features of FairnessData; with columns, the groups are the column "
                        + "itself");
        assertThatThrownBy(() -> Calibration.isotonic().groupBy("site").fit(S, Y, G))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) names features of FairnessData; with columns, the groups are the column "
                        + "itself");
        assertThat(Calibration.platt().groupBy("site").minGroupSize(30).toString())
                .isEqualTo("Platt scaling (smoothed targets), by site, minGroupSize 30");
        assertThat(Calibration.platt().toString()).isEqualTo("Platt scaling (smoothed targets)");
        assertThat(Calibration.isotonic().groupBy("site").minGroupSize()).isEqualTo(Calibration.DEFAULT_MIN_GROUP_SIZE);
    }

    @Test
    void applyRejectsBadScoresUnknownGroupsAndAMissingGroup() {
        Calibration.Fitted global = Calibration.isotonic().fit(S, Y);
        assertThatThrownBy(() -> global.apply(-0.1)).hasMessage("score must be a finite score in [0, 1], got -0.1");
        assertThatThrownBy(() -> global.apply(new double[] {0.1, Double.POSITIVE_INFINITY}))
                .hasMessage("column 'scores', row 1: got Infinity; expected a finite score in [0, 1]");
        assertThat(global.apply(0.4, "anything")).as("a global calibrator ignores the group")
                .isEqualTo(global.apply(0.4));
        Calibration.Fitted perGroup = Calibration.isotonic().fit(S, Y, G);
        assertThatThrownBy(() -> perGroup.apply(0.4)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this calibrator was fitted per group; call apply(score, group), or global().apply(score) "
                        + "for the calibrator fitted on all rows");
        assertThatThrownBy(() -> perGroup.apply(0.4, "e"))
                .hasMessage("group 'e' was not seen when the calibrator was fitted; it knows [a, b, c, d]");
        assertThatThrownBy(() -> perGroup.apply(new double[] {0.4}, new String[] {"a", "b"}))
                .hasMessage("column 'groups' has 2 rows; expected 1 (the length of 'scores')");
        assertThatThrownBy(() -> perGroup.apply(new double[] {0.4, 0.5}, new String[] {"a", "e"}))
                .hasMessage("column 'groups', row 1: got group 'e', which the model was not fitted on; expected one "
                        + "of [a, b, c, d]");
    }
}
