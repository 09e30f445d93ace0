package org.fairkit.stats.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;
import org.junit.jupiter.api.Test;

class PermutationTestTest {
    private static final CountStatistic SELECTION = CountStatistic.rateDifference(new int[] {1}, new int[] {0, 1});

    @Test
    void pValueLiesInZeroOneAndFollowsPhipsonSmyth() {
        qt().withFixedSeed(31).withExamples(60)
                .forAll(integers().between(1, 40), integers().between(0, 40), integers().between(1, 40),
                        integers().between(0, 40))
                .checkAssert((a, b, c, d) -> {
                    long[][] t = {{a, b}, {c, d}};
                    long seed = 1_000_003L * a + 7919L * b + 31L * c + d;
                    PermutationResult r = PermutationTest.of(199, seed).test(t, SELECTION);
                    assertThat(r.pValue().value()).isGreaterThan(0).isLessThanOrEqualTo(1);
                    long m = r.permutations() - r.undefinedPermutations();
                    assertThat(r.pValue().value()).isEqualTo((r.exceedances() + 1.0) / (m + 1.0));
                });
    }

    @Test
    void sameSeedGivesTheSameResultOnOneThreadOrMany() {
        long[][] t = {{30, 70}, {45, 55}, {12, 30}};
        PermutationResult parallel = PermutationTest.of(5000, 99).test(t, SELECTION);
        PermutationResult sequential = PermutationTest.of(5000, 99).parallel(false).test(t, SELECTION);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(PermutationTest.of(5000, 100).test(t, SELECTION).exceedances())
                .isNotEqualTo(parallel.exceedances());
    }

    @Test
    void aLargeDisparityIsSignificantAndNoDisparityIsNot() {
        PermutationResult strong = PermutationTest.of(1999, 1).test(new long[][] {{80, 20}, {40, 60}}, SELECTION);
        assertThat(strong.pValue().value()).isEqualTo(1.0 / 2000);
        PermutationResult none = PermutationTest.of(1999, 1).test(new long[][] {{50, 50}, {50, 50}}, SELECTION);
        assertThat(none.observed().value()).isZero();
        assertThat(none.pValue().value()).isEqualTo(1.0);
    }

    @Test
    void permutationPValueAgreesWithTheChiSquaredTestOnALargeTable() {
        // Two groups: |p1 - p2| orders tables like the Pearson statistic, whose p-value is then a close reference.
        long[][] t = {{130, 270}, {160, 240}};
        PermutationResult r = PermutationTest.of(20000, 5).test(t, SELECTION);
        double chi = ContingencyTests.pearson(t, false).pValue().value();
        assertThat(r.pValue().value()).isCloseTo(chi, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void countSpaceDrawsKeepTheMarginsAndHaveTheHypergeometricMean() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        long[] sizes = {30, 50, 20};
        long[] totals = {10, 25, 40, 25};
        double sum00 = 0;
        int reps = 20000;
        for (int r = 0; r < reps; r++) {
            long[][] t = PermutationTest.draw(rng, sizes, totals);
            for (int g = 0; g < 3; g++) {
                long s = 0;
                for (long x : t[g]) {
                    assertThat(x).isNotNegative();
                    s += x;
                }
                assertThat(s).isEqualTo(sizes[g]);
            }
            for (int c = 0; c < 4; c++) {
                assertThat(t[0][c] + t[1][c] + t[2][c]).isEqualTo(totals[c]);
            }
            sum00 += t[2][3];
        }
        // E[count of cell 3 in group 2] = 20 * 25 / 100 = 5
        assertThat(sum00 / reps).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void confusionCountsUseACoreMetricAndReportUndefinedPermutations() {
        GroupConfusion groups = GroupConfusion.of(CellCounts.of(40, 10, 5, 45), CellCounts.of(30, 20, 15, 35));
        PermutationResult r = PermutationTest.of(999, 8)
                .test(groups, PermutationTest.maxMinDifference(Metrics.SELECTION_RATE));
        assertThat(r.observed().value()).isCloseTo(0.55 - 0.55, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.pValue().value()).isEqualTo(1.0);

        GroupConfusion noPositives = GroupConfusion.of(CellCounts.of(50, 0, 0, 0), CellCounts.of(0, 0, 1, 1));
        PermutationResult tpr = PermutationTest.of(999, 8)
                .test(noPositives, PermutationTest.maxMinDifference(Metrics.TRUE_POSITIVE_RATE));
        assertThat(tpr.observed().isDefined()).isFalse();
        assertThat(tpr.pValue().reason()).get().asString().startsWith("observed statistic is undefined");
    }

    @Test
    void badInputIsRejectedWithItsName() {
        assertThatThrownBy(() -> PermutationTest.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permutations must be >= 1 (e.g. 9999), got 0");
        assertThatThrownBy(() -> PermutationTest.of(9, 1).test(new long[][] {{1, 2}, {3}}, SELECTION))
                .hasMessage("counts[1].length must be 2 (the length of counts[0]), got 1");
        assertThatThrownBy(() -> PermutationTest.of(9, 1).test(new long[][] {{1, -2}, {3, 4}}, SELECTION))
                .hasMessage("counts[0][1] must be >= 0, got -2");
    }
}
