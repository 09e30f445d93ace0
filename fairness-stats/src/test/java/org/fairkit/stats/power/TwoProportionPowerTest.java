package org.fairkit.stats.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class TwoProportionPowerTest {

    @Test
    void powerAtNoDifferenceIsAlphaAndGrowsWithSampleSize() {
        assertThat(TwoProportionPower.power(0.3, 0.3, 100, 100, 0.05))
                .isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        qt().withFixedSeed(81).withExamples(500)
                .forAll(integers().between(1, 99), integers().between(1, 99), integers().between(2, 5000))
                .checkAssert((a, b, n) -> {
                    double p1 = a / 100.0;
                    double p2 = b / 100.0;
                    double small = TwoProportionPower.power(p1, p2, n, n, 0.05);
                    double large = TwoProportionPower.power(p1, p2, 2L * n, 2L * n, 0.05);
                    assertThat(small).isBetween(0.05 - 1e-12, 1.0);
                    assertThat(large).isGreaterThanOrEqualTo(small - 1e-12);
                });
    }

    @Test
    void theMinimumDetectableDifferenceReachesTheTargetPowerAndIsAsymmetric() {
        MinimumDetectableDifference mdd = TwoProportionPower.minimumDetectableDifference(0.1, 200, 300, 0.05, 0.9);
        assertThat(TwoProportionPower.power(0.1, mdd.rateUp().value(), 200, 300, 0.05))
                .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(TwoProportionPower.power(0.1, mdd.rateDown().value(), 200, 300, 0.05))
                .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(mdd.differenceUp().value()).isGreaterThan(mdd.differenceDown().value());
    }

    @Test
    void aDecreaseThatCannotBeDetectedIsUndefined() {
        MinimumDetectableDifference mdd = TwoProportionPower.minimumDetectableDifference(0.01, 20, 20, 0.05, 0.8);
        assertThat(mdd.rateDown().isDefined()).isFalse();
        assertThat(mdd.differenceDown().reason()).get().asString().contains("even a rate of 0");
        assertThatThrownBy(() -> TwoProportionPower.power(1.2, 0.3, 10, 10, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p1 must be a rate in [0, 1], got 1.2");
        assertThatThrownBy(() -> TwoProportionPower.minimumDetectableDifference(0.3, 10, 10, 0.05, 0.01))
                .hasMessage("targetPower must be in (alpha = 0.05, 1), got 0.01");
    }
}
