package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class ThresholdTest {
    @Test
    void aValueWithinTheTieOfTheLimitCountsAsEqualToIt() {
        assertThat(Threshold.atLeast(0.8).isMetBy(0.6 / 0.75)).isTrue();
        assertThat(Threshold.greaterThan(0.8).isMetBy(0.6 / 0.75)).isFalse();
        assertThat(Threshold.atMost(0.2).isMetBy(0.7 - 0.5 + 1e-16)).isTrue();
        assertThat(Threshold.lessThan(0.2).isMetBy(0.2 - 1e-14)).isFalse();
        assertThat(Threshold.atLeast(0.8).isMetBy(0.7999)).isFalse();
        assertThat(Threshold.atLeast(1e6).isMetBy(1e6 * (1 - 2e-12))).isFalse();
        assertThat(Threshold.atLeast(1e6).isMetBy(1e6 * (1 - 5e-13))).isTrue();
    }

    @Test
    void nanMeetsNoThresholdAndLimitsMustBeFinite() {
        for (Threshold.Operator o : Threshold.Operator.values()) {
            assertThat(new Threshold(o, 0).isMetBy(Double.NaN)).as("%s", o).isFalse();
        }
        assertThatThrownBy(() -> Threshold.atLeast(Double.POSITIVE_INFINITY))
                .hasMessage("threshold must be finite, got Infinity");
        assertThatThrownBy(() -> Threshold.Operator.bySymbol("=>"))
                .hasMessage("unknown comparison '=>'; valid: >=, >, <=, <");
    }

    @Test
    void theNegationHoldsExactlyWhenTheOperatorFails() {
        qt().withFixedSeed(7).forAll(integers().between(0, 3), doubles().between(-2, 2), doubles().between(-2, 2))
                .checkAssert((op, limit, value) -> {
                    Threshold.Operator o = Threshold.Operator.values()[op];
                    assertThat(o.negation().test(value, limit)).isNotEqualTo(o.test(value, limit));
                    assertThat(o.negation().negation()).isEqualTo(o);
                });
    }

    @Test
    void theBandAdmitsItsEdgesWithTheTieAndInfiniteEdgesBoundNothing() {
        assertThat(Threshold.withinBand(0.6 / 0.75, 0.8, 1.25)).isTrue();
        assertThat(Threshold.withinBand(0.79, 0.8, 1.25)).isFalse();
        assertThat(Threshold.withinBand(1.26, 0.8, 1.25)).isFalse();
        assertThat(Threshold.withinBand(-1e300, Double.NEGATIVE_INFINITY, 0)).isTrue();
        assertThat(Threshold.withinBand(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isFalse();
    }
}
