package org.fairkit.core.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkit.core.DataGen;
import org.fairkit.core.DataGen.Case;
import org.fairkit.core.DataGen.Weights;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the {@link InequalityIndices} on random classifier data ({@link DataGen}: empty, single-row and
 * zero-weight groups, weights of every kind), with references computed another way: the Theil index as
 * {@code mean(b ln b)/μ − ln μ}, the coefficient of variation as a two-pass standard deviation over the mean, and the
 * decomposition {@code GE = GE_within + GE_between} of Shorrocks (1980), whose within part FairKit computes from each
 * group's own index. Tolerance {@value #TOLERANCE} relative to {@code max(1, |expected|)}: GE(α) for α > 1 grows
 * like the inverse power of the share of weight on rows with a benefit, and DataGen's weights span 2^-30 to 2^9, so
 * indices of 1e5 to 1e12 occur and agree with their references only to a relative rounding.
 */
class InequalityIndicesTest {
    static final double TOLERANCE = 1e-10;
    private static final int EXAMPLES = 200;
    private static final double[] ALPHAS = {-1, 0, 0.5, 1, 2, 3};

    private static Benefits benefits(Case c) {
        return Benefits.of(c.data(), c.groupBy().toArray(String[]::new));
    }

    private static double totalWeight(Case c) {
        double w = 0;
        for (int i = 0; i < c.rows(); i++) {
            w += c.weight(i);
        }
        return w;
    }

    @Test
    void indicesAreNonNegativeAndZeroExactlyWhenEveryWeightedBenefitIsEqual() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            Benefits b = benefits(c);
            boolean equal = true;
            double first = Double.NaN;
            for (int i = 0; i < b.rows(); i++) {
                if (b.weight(i) > 0) {
                    if (Double.isNaN(first)) {
                        first = b.benefit(i);
                    }
                    equal &= b.benefit(i) == first;
                }
            }
            for (double a : ALPHAS) {
                for (MetricValue v : List.of(InequalityIndices.generalizedEntropy(b, a),
                        InequalityIndices.betweenGroup(b, a), InequalityIndices.withinGroup(b, a))) {
                    if (v.isDefined()) {
                        assertThat(v.value()).as("alpha %s of %s", a, c).isGreaterThanOrEqualTo(0);
                    }
                }
                MetricValue total = InequalityIndices.generalizedEntropy(b, a);
                if (total.isDefined()) {
                    assertThat(total.value() < 1e-15).as("GE(%s) = %s, benefits equal: %s", a, total, equal)
                            .isEqualTo(equal);
                }
            }
        });
    }

    @Test
    void theilIndexEqualsTheMeanOfBLogBOverTheMeanMinusTheLogOfTheMean() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            double w = 0;
            double sum = 0;
            double bLogB = 0;
            for (int i = 0; i < c.rows(); i++) {
                double b = c.predictions()[i] - c.labels()[i] + 1;
                w += c.weight(i);
                sum += c.weight(i) * b;
                bLogB += b == 0 ? 0 : c.weight(i) * b * Math.log(b);
            }
            MetricValue theil = InequalityIndices.theil(benefits(c));
            if (w == 0 || sum == 0) {
                assertThat(theil.isDefined()).isFalse();
                return;
            }
            double mu = sum / w;
            assertNear(theil.orElseThrow(), Math.max(0, bLogB / w / mu - Math.log(mu)));
        });
    }

    @Test
    void coefficientOfVariationIsThePopulationStandardDeviationOverTheMean() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            double w = totalWeight(c);
            double sum = 0;
            for (int i = 0; i < c.rows(); i++) {
                sum += c.weight(i) * (c.predictions()[i] - c.labels()[i] + 1);
            }
            MetricValue cv = InequalityIndices.coefficientOfVariation(benefits(c));
            if (w == 0 || sum == 0) {
                assertThat(cv.isDefined()).isFalse();
                return;
            }
            double mu = sum / w;
            double ss = 0;
            for (int i = 0; i < c.rows(); i++) {
                double d = c.predictions()[i] - c.labels()[i] + 1 - mu;
                ss += c.weight(i) * d * d;
            }
            assertNear(cv.orElseThrow(), Math.sqrt(ss / w) / mu);
        });
    }

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {-1, 0, 0.5, 1, 2, 3})
    void withinAndBetweenGroupPartsAddUpToTheTotal(double alpha) {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            Benefits b = benefits(c);
            MetricValue total = InequalityIndices.generalizedEntropy(b, alpha);
            MetricValue within = InequalityIndices.withinGroup(b, alpha);
            MetricValue between = InequalityIndices.betweenGroup(b, alpha);
            assertThat(within.isDefined()).isEqualTo(total.isDefined());
            if (total.isDefined()) {
                assertThat(between.isDefined()).isTrue();
                assertNear(within.value() + between.value(), total.value());
            }
        });
    }

    /** GE(α) is continuous in α: the closed forms at 0 and 1 are the limits of the general one. */
    @Test
    void theilAndMeanLogDeviationAreTheLimitsOfTheGeneralIndex() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases()).checkAssert(c -> {
            Benefits b = benefits(c);
            MetricValue theil = InequalityIndices.theil(b);
            if (theil.isDefined()) {
                assertThat(InequalityIndices.generalizedEntropy(b, 1 + 1e-7).orElseThrow())
                        .isCloseTo(theil.value(), within(1e-5));
            }
            MetricValue mld = InequalityIndices.meanLogDeviation(b);
            if (mld.isDefined()) {
                assertThat(InequalityIndices.generalizedEntropy(b, 1e-7).orElseThrow())
                        .isCloseTo(mld.value(), within(1e-5));
            }
        });
    }

    @Test
    void indicesAreInvariantUnderScalingEveryBenefit() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(Weights.NONE)).checkAssert(c -> {
            Benefits b = benefits(c);
            double[] scaled = new double[b.rows()];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = 3.5 * b.benefit(i);
            }
            Benefits s = Benefits.of(scaled).groupedBy(b.grouping().orElseThrow());
            for (double a : ALPHAS) {
                assertClose(InequalityIndices.generalizedEntropy(s, a), InequalityIndices.generalizedEntropy(b, a));
                assertClose(InequalityIndices.betweenGroup(s, a), InequalityIndices.betweenGroup(b, a));
            }
        });
    }

    @Test
    void indicesAreInvariantUnderRowPermutation() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), longs().all()).checkAssert((c, seed) -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < c.rows(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            Benefits shuffled = benefits(c.permuted(order.stream().mapToInt(Integer::intValue).toArray()));
            Benefits original = benefits(c);
            for (double a : ALPHAS) {
                assertClose(InequalityIndices.generalizedEntropy(shuffled, a),
                        InequalityIndices.generalizedEntropy(original, a));
                assertClose(InequalityIndices.betweenGroup(shuffled, a), InequalityIndices.betweenGroup(original, a));
                assertClose(InequalityIndices.withinGroup(shuffled, a), InequalityIndices.withinGroup(original, a));
            }
        });
    }

    @Test
    void indicesAreInvariantUnderGroupRelabeling() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(), longs().all()).checkAssert((c, seed) -> {
            Map<String, String> rename = new HashMap<>();
            List<String> levels = new ArrayList<>();
            c.features().forEach(f -> Arrays.stream(f).filter(l -> !levels.contains(l)).forEach(levels::add));
            if (c.declaredLevels() != null) {
                c.declaredLevels().forEach(l -> l.stream().filter(x -> !levels.contains(x)).forEach(levels::add));
            }
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                fresh.add("g" + i);
            }
            Collections.shuffle(fresh, new Random(seed));
            for (int i = 0; i < levels.size(); i++) {
                rename.put(levels.get(i), fresh.get(i));
            }
            Benefits renamed = benefits(c.relabeled(rename::get));
            Benefits original = benefits(c);
            for (double a : ALPHAS) {
                assertClose(InequalityIndices.betweenGroup(renamed, a), InequalityIndices.betweenGroup(original, a));
                assertClose(InequalityIndices.withinGroup(renamed, a), InequalityIndices.withinGroup(original, a));
            }
        });
    }

    @Test
    void integerWeightsGiveTheValuesOfDuplicatedRows() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(Weights.POSITIVE_INTEGER)).checkAssert(c -> {
            Benefits weighted = benefits(c);
            Benefits duplicated = benefits(c.duplicatedByWeight());
            for (double a : ALPHAS) {
                assertClose(InequalityIndices.generalizedEntropy(weighted, a),
                        InequalityIndices.generalizedEntropy(duplicated, a));
                assertClose(InequalityIndices.betweenGroup(weighted, a), InequalityIndices.betweenGroup(duplicated, a));
                assertClose(InequalityIndices.withinGroup(weighted, a), InequalityIndices.withinGroup(duplicated, a));
            }
        });
    }

    @Test
    void unitWeightsGiveExactlyTheValuesOfNoWeights() {
        qt().withExamples(EXAMPLES).forAll(DataGen.cases(Weights.NONE)).checkAssert(c -> {
            double[] ones = new double[c.rows()];
            Arrays.fill(ones, 1.0);
            Benefits unit = benefits(c.withWeights(ones));
            assertThat(unit.isWeighted()).isTrue();
            for (double a : ALPHAS) {
                assertThat(InequalityIndices.generalizedEntropy(unit, a))
                        .isEqualTo(InequalityIndices.generalizedEntropy(benefits(c), a));
                assertThat(InequalityIndices.betweenGroup(unit, a))
                        .isEqualTo(InequalityIndices.betweenGroup(benefits(c), a));
            }
        });
    }

    private static void assertClose(MetricValue actual, MetricValue expected) {
        assertThat(actual.isDefined()).as("%s vs %s", actual, expected).isEqualTo(expected.isDefined());
        if (expected.isDefined()) {
            assertNear(actual.value(), expected.value());
        }
    }

    /** {@code |actual − expected| <= TOLERANCE · max(1, |expected|)}. */
    static void assertNear(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
    }

    @Test
    void undefinedCasesSayWhy() {
        assertThat(InequalityIndices.theil(Benefits.of(new double[] {0, 0})).reason())
                .hasValue("the mean benefit is 0 (every row has benefit 0)");
        assertThat(InequalityIndices.theil(Benefits.of(new double[] {1, 2}).weighted(new double[] {0, 0})).reason())
                .hasValue("the total weight is 0");
        assertThat(InequalityIndices.generalizedEntropy(Benefits.of(new double[] {1, 0, 2}), -0.5).reason())
                .hasValue("row 1 has benefit 0, so GE(-0.5) is infinite (α <= 0)");
        // A zero benefit with zero weight does not count.
        assertThat(InequalityIndices.meanLogDeviation(Benefits.of(new double[] {1, 0, 2})
                .weighted(new double[] {1, 0, 1})).isDefined()).isTrue();
        Benefits grouped = Benefits.of(new double[] {0, 0, 1, 2}).groupedBy("g", new String[] {"a", "a", "b", "b"});
        assertThat(InequalityIndices.betweenGroup(grouped, 0).reason())
                .hasValue("group g=a has mean benefit 0, so GE(0.0) is infinite (α <= 0)");
        // Theil: 0 ln 0 = 0, and a zero-mean group contributes nothing within groups for alpha > 0.
        assertThat(InequalityIndices.theil(grouped).isDefined()).isTrue();
        assertNear(InequalityIndices.withinGroup(grouped, 2).orElseThrow()
                + InequalityIndices.betweenGroup(grouped, 2).orElseThrow(),
                InequalityIndices.generalizedEntropy(grouped, 2).orElseThrow());
    }

    @Test
    void knownValues() {
        // b = (1, 3): μ = 2, CV = sd/μ = 1/2, GE(2) = CV²/2 = 1/8, Theil = (0.5 ln 0.5 + 1.5 ln 1.5)/2.
        Benefits b = Benefits.of(new double[] {1, 3});
        assertThat(InequalityIndices.coefficientOfVariation(b).orElseThrow()).isCloseTo(0.5, within(1e-15));
        assertThat(InequalityIndices.generalizedEntropy(b, 2).orElseThrow()).isCloseTo(0.125, within(1e-15));
        assertThat(InequalityIndices.theil(b).orElseThrow())
                .isCloseTo((0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)) / 2, within(1e-15));
        assertThat(InequalityIndices.meanLogDeviation(b).orElseThrow())
                .isCloseTo(-(Math.log(0.5) + Math.log(1.5)) / 2, within(1e-15));
    }

    @Test
    void badInputIsRejectedWithTheColumnAndRow() {
        assertThatThrownBy(() -> Benefits.of(new double[] {1, -1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'benefits', row 1: got -1.0; expected a finite number >= 0");
        assertThatThrownBy(() -> Benefits.of(new double[] {Double.NaN})).hasMessage(
                "column 'benefits', row 0: got NaN; expected a finite number >= 0");
        assertThatThrownBy(() -> Benefits.of(new double[0]))
                .hasMessage("the data has no rows; expected at least one row");
        assertThatThrownBy(() -> Benefits.of(new double[] {1, 2}).weighted(new double[] {1, Double.POSITIVE_INFINITY}))
                .hasMessage("column 'weights', row 1: got Infinity; expected a finite number >= 0");
        assertThatThrownBy(() -> Benefits.of(new double[] {1, 2}).weighted(new double[] {1}))
                .hasMessage("column 'weights' has 1 rows; expected 2 (the length of 'benefits')");
        assertThatThrownBy(() -> InequalityIndices.generalizedEntropy(Benefits.of(new double[] {1}), Double.NaN))
                .hasMessage("alpha must be a finite number, got NaN");
        assertThatThrownBy(() -> InequalityIndices.betweenGroup(Benefits.of(new double[] {1}), 2))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("between- and within-group");
    }
}
