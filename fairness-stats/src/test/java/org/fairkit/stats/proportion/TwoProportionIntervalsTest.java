package org.fairkit.stats.proportion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.fairkit.core.metrics.Interval;
import org.junit.jupiter.api.Test;

class TwoProportionIntervalsTest {

    @Test
    void newcombeContainsTheDifferenceAndLiesInMinusOneOne() {
        qt().withFixedSeed(21).withExamples(1500)
                .forAll(integers().between(1, 1000), integers().between(0, 100), integers().between(1, 1000),
                        integers().between(0, 100))
                .checkAssert((n1, a, n2, b) -> {
                    long x1 = Math.round(n1 * a / 100.0);
                    long x2 = Math.round(n2 * b / 100.0);
                    ComparisonInterval c = TwoProportionIntervals.newcombeDifference(x1, n1, x2, n2, 0.95);
                    Interval ci = c.interval().orElseThrow();
                    String d = x1 + "/" + n1 + " vs " + x2 + "/" + n2;
                    assertThat(ci.lower()).as(d).isGreaterThanOrEqualTo(-1);
                    assertThat(ci.upper()).as(d).isLessThanOrEqualTo(1);
                    assertThat(ci.contains(c.estimate().value())).as(d).isTrue();
                });
    }

    @Test
    void newcombeIsAntisymmetricUnderSwappingTheGroups() {
        Interval ab = TwoProportionIntervals.newcombeDifference(7, 30, 19, 40, 0.9).interval().orElseThrow();
        Interval ba = TwoProportionIntervals.newcombeDifference(19, 40, 7, 30, 0.9).interval().orElseThrow();
        assertThat(ab.lower()).isCloseTo(-ba.upper(), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(ab.upper()).isCloseTo(-ba.lower(), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void katzRatioIsUndefinedWithAReasonWhenACountIsZero() {
        ComparisonInterval zeroNumerator = TwoProportionIntervals.katzLogRatio(0, 20, 5, 20, 0.95);
        assertThat(zeroNumerator.estimate().value()).isZero();
        assertThat(zeroNumerator.interval()).isEmpty();
        assertThat(zeroNumerator.undefinedReason()).get().asString().contains("x1 = 0");
        ComparisonInterval zeroDenominator = TwoProportionIntervals.katzLogRatio(5, 20, 0, 20, 0.95);
        assertThat(zeroDenominator.estimate().isDefined()).isFalse();
        assertThat(zeroDenominator.estimate().reason()).get().asString().contains("divides by zero");
        assertThat(zeroDenominator.toString()).contains("interval undefined");
    }

    @Test
    void katzRatioContainsTheRatioAndInvertsUnderSwap() {
        qt().withFixedSeed(22).withExamples(1000)
                .forAll(integers().between(1, 500), integers().between(1, 100), integers().between(1, 500),
                        integers().between(1, 100))
                .checkAssert((n1, a, n2, b) -> {
                    long x1 = Math.max(1, Math.round(n1 * a / 100.0));
                    long x2 = Math.max(1, Math.round(n2 * b / 100.0));
                    Interval ab = TwoProportionIntervals.katzLogRatio(x1, n1, x2, n2, 0.95).interval().orElseThrow();
                    Interval ba = TwoProportionIntervals.katzLogRatio(x2, n2, x1, n1, 0.95).interval().orElseThrow();
                    assertThat(ab.contains(((double) x1 / n1) / ((double) x2 / n2))).isTrue();
                    assertThat(ab.lower() * ba.upper()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
                });
    }

    @Test
    void badCountsNameTheGroup() {
        assertThatThrownBy(() -> TwoProportionIntervals.newcombeDifference(3, 2, 1, 5, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x1 must be in [0, n1 = 2], got 3");
        assertThatThrownBy(() -> TwoProportionIntervals.katzLogRatio(1, 2, 1, 0, 0.95))
                .hasMessage("n2 must be >= 1, got 0");
    }
}
