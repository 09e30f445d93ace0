package org.fairkit.stats.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class TestsTest {

    @Test
    void zSquaredEqualsTheUncorrectedPearsonStatistic() {
        qt().withFixedSeed(41).withExamples(500)
                .forAll(integers().between(1, 300), integers().between(0, 100), integers().between(1, 300),
                        integers().between(0, 100))
                .checkAssert((n1, a, n2, b) -> {
                    long x1 = Math.round(n1 * a / 100.0);
                    long x2 = Math.round(n2 * b / 100.0);
                    if (x1 + x2 == 0 || x1 + x2 == n1 + n2) {
                        assertThat(ProportionTests.twoProportionZTest(x1, n1, x2, n2).pValue().isDefined()).isFalse();
                        return;
                    }
                    double z = ProportionTests.twoProportionZTest(x1, n1, x2, n2).statistic().value();
                    double chi = ContingencyTests.pearson(new long[][] {{x1, n1 - x1}, {x2, n2 - x2}}, false)
                            .statistic().value();
                    assertThat(z * z).isCloseTo(chi, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, chi)));
                });
    }

    @Test
    void yatesIsIgnoredBeyondTwoByTwoAndClampsSmallDeviations() {
        long[][] t = {{20, 15, 25}, {30, 25, 10}};
        assertThat(ContingencyTests.pearson(t, true)).isEqualTo(
                new ContingencyResult("Pearson chi-squared test of independence",
                        ContingencyTests.pearson(t, false).statistic(), ContingencyTests.pearson(t, false).pValue(),
                        2, false));
        ContingencyResult clamp = ContingencyTests.pearson(new long[][] {{10, 10}, {11, 10}}, true);
        assertThat(clamp.statistic().value()).isZero();
        assertThat(clamp.yatesApplied()).isTrue();
    }

    @Test
    void anEmptyGroupMakesTheChiSquaredTestUndefinedNotAnException() {
        ContingencyResult r = ContingencyTests.gTest(new long[][] {{0, 0}, {3, 4}, {5, 1}}, false);
        assertThat(r.statistic().isDefined()).isFalse();
        assertThat(r.pValue().reason()).get().asString().contains("sums to 0");
    }

    @Test
    void kGroupChiSquaredMatchesCommonsStatistics() {
        long[][] t = {{12, 18}, {25, 30}, {9, 15}, {6, 11}};
        double ours = ContingencyTests.pearson(t, false).statistic().value();
        double commons = org.apache.commons.statistics.inference.ChiSquareTest.withDefaults().statistic(t);
        assertThat(ours).isCloseTo(commons, org.assertj.core.data.Offset.offset(1e-12));
        double g = org.apache.commons.statistics.inference.GTest.withDefaults().statistic(t);
        assertThat(ContingencyTests.gTest(t, false).statistic().value())
                .isCloseTo(g, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void fisherZeroMarginGivesPOneAndUndefinedOddsRatio() {
        TestResult r = ProportionTests.fisherExact(0, 10, 0, 12, Alternative.TWO_SIDED);
        assertThat(r.pValue().value()).isEqualTo(1.0);
        assertThat(r.statistic().isDefined()).isFalse();
        assertThat(ProportionTests.fisherExact(3, 0, 1, 4, Alternative.GREATER).statistic().value())
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void leveneIsUndefinedWhenDeviationsDoNotVaryAndRejectsBadGroups() {
        TestResult r = VarianceTests.levene(VarianceTests.Center.MEAN, new double[] {1, 3}, new double[] {5, 7});
        assertThat(r.statistic().isDefined()).isFalse();
        assertThatThrownBy(() -> VarianceTests.levene(VarianceTests.Center.MEDIAN, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("groups.length must be >= 2, got 1");
        assertThatThrownBy(() -> VarianceTests.levene(VarianceTests.Center.MEDIAN, new double[] {1, Double.NaN},
                new double[] {1, 2})).hasMessage("column 'groups[0]', row 1: got NaN; expected a finite number");
    }

    @Test
    void zTestNamesBadCounts() {
        assertThatThrownBy(() -> ProportionTests.twoProportionZTest(5, 4, 1, 2))
                .hasMessage("x1 must be in [0, n1 = 4], got 5");
    }
}
