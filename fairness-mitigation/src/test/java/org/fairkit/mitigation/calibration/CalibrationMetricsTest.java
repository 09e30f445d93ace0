package org.fairkit.mitigation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Exclusion;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.mitigation.calibration.Cases.Case;
import org.junit.jupiter.api.Test;

/** Calibration metrics: bounds, bin convention, invariances, disparities by brute force, undefined cases, errors. */
class CalibrationMetricsTest {
    private static final int EXAMPLES = 300;

    private static CalibrationReport evaluate(Case k, int bins, Binning binning, int min) {
        return CalibrationMetrics.bins(bins, binning).minGroupSize(min).evaluate(k.scores(), k.labels(), k.groups(),
                k.weights());
    }

    private static List<CalibrationSummary> summaries(CalibrationReport r) {
        List<CalibrationSummary> all = new ArrayList<>(r.byGroup().values());
        all.add(r.overall());
        return all;
    }

    @Test
    void expectedCalibrationErrorLiesBetweenZeroAndTheMaximumCalibrationErrorWhichIsAtMostOne() {
        qt().withExamples(EXAMPLES).forAll(Cases.cases(1, 150), integers().between(1, 20), integers().between(0, 1))
                .checkAssert((k, bins, b) -> {
                    for (CalibrationSummary s : summaries(evaluate(k, bins, Binning.values()[b], 0))) {
                        if (!s.ece().isDefined()) {
                            assertThat(s.weight()).isZero();
                            continue;
                        }
                        assertThat(s.ece().value()).isBetween(0.0, 1.0).isLessThanOrEqualTo(s.mce().value());
                        assertThat(s.mce().value()).isLessThanOrEqualTo(1.0);
                        assertThat(s.brier().value()).isBetween(0.0, 1.0);
                        assertThat(s.logLoss().value()).isBetween(0.0, -Math.log(Math.ulp(1.0)) + 1e-12);
                    }
                });
    }

    @Test
    void everyRowFallsInTheRightClosedBinOfItsScore() {
        qt().withExamples(EXAMPLES).forAll(Cases.cases(1, 150), integers().between(1, 12), integers().between(0, 1))
                .checkAssert((k, bins, b) -> {
                    CalibrationSummary s = CalibrationMetrics.bins(bins, Binning.values()[b]).evaluate(k.scores(),
                            k.labels(), k.weights());
                    double[] e = s.reliability().edges();
                    long[] counts = new long[bins];
                    double[] wsum = new double[bins];
                    for (int i = 0; i < k.size(); i++) {
                        double x = k.scores()[i];
                        int bin = -1;
                        for (int j = 0; j < bins && bin < 0; j++) {
                            boolean aboveLower = j == 0 || x > e[j];
                            boolean belowUpper = j == bins - 1 || x <= e[j + 1];
                            if (aboveLower && belowUpper) {
                                bin = j;
                            }
                        }
                        counts[bin]++;
                        wsum[bin] += k.weights() == null ? 1 : k.weights()[i];
                    }
                    assertThat(s.reliability().counts()).containsExactly(counts);
                    for (int j = 0; j < bins; j++) {
                        ReliabilityBin rb = s.reliability().bins().get(j);
                        assertThat(rb.weight()).isCloseTo(wsum[j], within(1e-12));
                        if (rb.count() == 0) {
                            assertThat(rb.meanScore().reason()).hasValue(ReliabilityBin.EMPTY);
                        } else if (rb.weight() == 0) {
                            assertThat(rb.observedRate().reason()).hasValue(ReliabilityBin.NO_WEIGHT);
                        } else {
                            assertThat(rb.meanScore().value()).isBetween(e[j] - 1e-15, e[j + 1] + 1e-15);
                        }
                    }
                });
    }

    @Test
    void metricsAreInvariantUnderRowOrder() {
        qt().withExamples(EXAMPLES).forAll(Cases.cases(1, 150), longs().all(), integers().between(0, 1))
                .checkAssert((k, seed, b) -> {
                    CalibrationReport a = evaluate(k, 10, Binning.values()[b], 0);
                    CalibrationReport c = evaluate(k.shuffled(seed), 10, Binning.values()[b], 0);
                    assertThat(c.groups()).isEqualTo(a.groups());
                    List<CalibrationSummary> x = summaries(a);
                    List<CalibrationSummary> y = summaries(c);
                    for (int i = 0; i < x.size(); i++) {
                        for (CalibrationMeasure m : CalibrationMeasure.values()) {
                            MetricValue u = m.of(x.get(i));
                            MetricValue v = m.of(y.get(i));
                            assertThat(v.isDefined()).isEqualTo(u.isDefined());
                            if (u.isDefined()) {
                                assertThat(v.value()).as(m.id()).isCloseTo(u.value(), within(1e-12));
                            }
                        }
                        assertThat(y.get(i).reliability().counts()).containsExactly(x.get(i).reliability().counts());
                    }
                });
    }

    @Test
    void eachGroupsSummaryEqualsEvaluatingTheGroupAlone() {
        qt().withExamples(150).forAll(Cases.cases(1, 120), integers().between(0, 1)).checkAssert((k, b) -> {
            CalibrationReport r = evaluate(k, 8, Binning.values()[b], 0);
            for (Map.Entry<GroupKey, CalibrationSummary> e : r.byGroup().entrySet()) {
                Case alone = BruteForce.subset(k, e.getKey().label());
                CalibrationSummary s = CalibrationMetrics.bins(8, Binning.values()[b]).evaluate(alone.scores(),
                        alone.labels(), alone.weights());
                assertThat(e.getValue()).isEqualTo(s);
            }
        });
    }

    @Test
    void disparitiesAreMaxMinusMinAndMinOverMaxOfTheEligibleGroupsByBruteForce() {
        qt().withExamples(EXAMPLES).forAll(Cases.cases(1, 150), integers().between(0, 30)).checkAssert((k, min) -> {
            CalibrationReport r = evaluate(k, 10, Binning.EQUAL_WIDTH, min);
            for (CalibrationMeasure m : CalibrationMeasure.values()) {
                List<Exclusion> excluded = new ArrayList<>();
                Map<GroupKey, Double> eligible = new java.util.LinkedHashMap<>();
                r.byGroup().forEach((g, s) -> {
                    if (s.rows() < min) {
                        excluded.add(new Exclusion(g, "n = " + s.rows() + " is below minGroupSize " + min));
                    } else if (!m.of(s).isDefined()) {
                        excluded.add(new Exclusion(g, m.id() + " is undefined: " + m.of(s).reason().orElseThrow()));
                    } else {
                        eligible.put(g, m.of(s).value());
                    }
                });
                Disparity d = r.difference(m);
                Disparity q = r.ratio(m);
                assertThat(d.excluded()).isEqualTo(excluded);
                assertThat(d.id()).isEqualTo(m.id() + ".difference");
                if (eligible.size() < 2) {
                    assertThat(d.value().reason()).hasValue("needs at least two groups with a defined value, has "
                            + eligible.size());
                    assertThat(q.isDefined()).isFalse();
                    continue;
                }
                double hi = eligible.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                double lo = eligible.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                assertThat(d.asDouble()).isEqualTo(hi - lo);
                assertThat(eligible.get(d.groups().get(0))).isEqualTo(hi);
                assertThat(eligible.get(d.groups().get(1))).isEqualTo(lo);
                if (hi == 0) {
                    assertThat(q.value().reason()).hasValue("every group has " + m.id() + " 0");
                } else {
                    assertThat(q.asDouble()).isEqualTo(lo / hi).isBetween(0.0, 1.0);
                    assertThat(q.groups()).containsExactly(d.groups().get(1), d.groups().get(0));
                }
            }
        });
    }

    @Test
    void smallExampleByHand() {
        // Bins [0, 0.5] and (0.5, 1]: 0.5 lies on the edge and belongs to the first bin (right-closed), which holds
        // 0.1, 0.1 and 0.5 (mean 0.7/3, rate 2/3); the second holds 0.9 (rate 1, gap 0.1).
        double[] s = {0.1, 0.1, 0.9, 0.5};
        int[] y = {0, 1, 1, 1};
        CalibrationSummary c = CalibrationMetrics.bins(2, Binning.EQUAL_WIDTH).evaluate(s, y);
        List<ReliabilityBin> bins = c.reliability().bins();
        assertThat(bins.get(0).count()).isEqualTo(3);
        assertThat(bins.get(0).meanScore().value()).isCloseTo(0.7 / 3, within(1e-15));
        assertThat(bins.get(0).observedRate().value()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(bins.get(1).count()).isEqualTo(1);
        double gap0 = 2.0 / 3 - 0.7 / 3;
        double gap1 = 0.1;
        assertThat(c.ece().value()).isCloseTo(0.75 * gap0 + 0.25 * gap1, within(1e-15));
        assertThat(c.mce().value()).isCloseTo(gap0, within(1e-15));
        assertThat(c.brier().value()).isCloseTo((0.01 + 0.81 + 0.01 + 0.25) / 4, within(1e-15));
        assertThat(c.logLoss().value()).isCloseTo(-(Math.log(0.9) + Math.log(0.1) + Math.log(0.9) + Math.log(0.5)) / 4,
                within(1e-15));
        // numpy.linspace edges: 0.30000000000000004 is an edge, and 0.3 falls below it into bin 2 of ten.
        CalibrationSummary ten = CalibrationMetrics.bins(10, Binning.EQUAL_WIDTH).evaluate(
                new double[] {0.2, 0.3, 0.30000000000000004, 0.30000000000000010}, new int[] {0, 0, 1, 1});
        assertThat(ten.reliability().counts()).containsExactly(0, 1, 2, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void logLossClipsAtMachineEpsilonAsScikitLearnDoes() {
        MetricValue v = CalibrationMetrics.logLoss(new double[] {0.0, 1.0}, new int[] {1, 0}, null);
        assertThat(v.value()).isCloseTo(-Math.log(Math.ulp(1.0)), within(1e-12)).isCloseTo(36.04365338911715,
                within(1e-12));
        assertThat(CalibrationMetrics.logLoss(new double[] {1.0, 0.0}, new int[] {1, 0}, null).value())
                .isCloseTo(0, within(1e-15));
    }

    @Test
    void emptyDataAndZeroWeightAreUndefinedWithTheReason() {
        for (Binning b : Binning.values()) {
            CalibrationSummary empty = CalibrationMetrics.bins(4, b).evaluate(new double[0], new int[0]);
            assertThat(empty.ece().reason()).hasValue("no rows");
            assertThat(empty.brier().reason()).hasValue("no rows");
            assertThat(empty.reliability().bins()).hasSize(4).allSatisfy(x -> assertThat(x.meanScore().reason())
                    .hasValue(ReliabilityBin.EMPTY));
            CalibrationSummary zero = CalibrationMetrics.bins(4, b).evaluate(new double[] {0.2, 0.9}, new int[] {0, 1},
                    new double[] {0, 0});
            assertThat(zero.logLoss().reason()).hasValue("total weight is 0");
            assertThat(zero.mce().reason()).hasValue("total weight is 0");
        }
        assertThat(CalibrationMetrics.brierScore(new double[0], new int[0], null).reason()).hasValue("no rows");
        // One class is measurable (unlike fitting).
        assertThat(CalibrationMetrics.bins(2, Binning.EQUAL_WIDTH).evaluate(new double[] {0.2, 0.4}, new int[] {1, 1})
                .brier().value()).isCloseTo((0.64 + 0.36) / 2, within(1e-15));
    }

    @Test
    void reportOnFairnessDataEqualsTheReportOnItsColumnsAndPrintsATable() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.2, 0.6, 0.9, 0.3};
        int[] y = {0, 0, 1, 1, 0, 1, 1, 1};
        String[] sex = {"F", "F", "F", "F", "M", "M", "M", "M"};
        FairnessData data = FairnessData.builder().labels(y).predictions(new int[8]).scores(s).sensitive("sex", sex)
                .build();
        CalibrationMetrics m = CalibrationMetrics.bins(2, Binning.EQUAL_WIDTH);
        CalibrationReport fromData = m.evaluate(data, "sex");
        CalibrationReport fromArrays = m.evaluate(s, y, sex);
        assertThat(fromData.groups()).containsExactly(GroupKey.of("sex", "F"), GroupKey.of("sex", "M"));
        assertThat(fromData.group("F")).isEqualTo(fromArrays.group("F"));
        assertThat(fromData.overall()).isEqualTo(m.evaluate(data));
        assertThat(fromData.eceDifference().groups()).containsExactly(GroupKey.of("sex", "M"), GroupKey.of("sex", "F"));
        // Values checked by hand (bins [0, 0.5] and (0.5, 1]; F: gap 0.05 on 3 rows and 0.2 on 1 row, ECE 0.0875).
        assertThat(fromData.toString()).isEqualTo("""
                CalibrationReport[2 equal-width bins]
                group        rows     weight      brier   log_loss        ece        mce
                F               4          4     0.1581     0.4723     0.0875     0.2000
                M               4          4     0.1750     0.5108     0.2500     0.2500
                all rows        8          8     0.1666     0.4916     0.1688     0.2333
                expected_calibration_error.difference = 0.1625 (M vs F)
                brier_score.difference = 0.0169 (M vs F)
                """);
        assertThatThrownBy(() -> m.evaluate(data, new String[0]))
                .hasMessage("features: expected at least one sensitive feature to group by; the data has [sex]");
        assertThatThrownBy(() -> fromData.group("X")).hasMessage(
                "group 'X' was not seen when the calibrator was fitted; it knows [F, M]");
    }

    @Test
    void badInputAndSettingsAreRejectedClearly() {
        assertThatThrownBy(() -> CalibrationMetrics.bins(0, Binning.EQUAL_WIDTH)).hasMessage("bins must be >= 1, got 0");
        assertThatThrownBy(() -> CalibrationMetrics.bins(5, null))
                .hasMessage("binning must be EQUAL_WIDTH or EQUAL_MASS, got null");
        assertThatThrownBy(() -> CalibrationMetrics.bins(5, Binning.EQUAL_MASS).minGroupSize(1).minGroupSize(1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CalibrationMetrics.bins(5, Binning.EQUAL_MASS).evaluate(new double[] {0.1, -0.0, 2},
                new int[] {0, 1, 1})).hasMessage("column 'scores', row 2: got 2.0; expected a finite score in [0, 1]");
        assertThatThrownBy(() -> CalibrationMetrics.brierScore(new double[] {0.1}, new int[] {-1}, null))
                .hasMessage("column 'labels', row 0: got -1; expected 0 or 1");
        assertThatThrownBy(() -> CalibrationMetrics.bins(5, Binning.EQUAL_MASS).evaluate(new double[] {0.1},
                new int[] {0}, new String[] {"a", "b"}))
                .hasMessage("column 'groups' has 2 rows; expected 1 (the length of 'scores')");
    }
}
