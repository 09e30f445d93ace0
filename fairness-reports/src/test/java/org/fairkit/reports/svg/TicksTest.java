package org.fairkit.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void niceCeilingIsAtLeastTheValueAndAtMostTwiceAsLarge() {
        qt().forAll(doubles().between(1e-6, 1e9)).checkAssert(x -> {
            double c = Ticks.niceCeiling(x);
            assertThat(c).isGreaterThanOrEqualTo(x * (1 - 1e-12));
            assertThat(c).isLessThanOrEqualTo(2.0 * x * (1 + 1e-9));
        });
        assertThat(Ticks.niceCeiling(0.62)).isEqualTo(1.0);
        assertThat(Ticks.niceCeiling(3773)).isEqualTo(5000);
        assertThat(Ticks.niceCeiling(1)).isEqualTo(1);
        assertThatThrownBy(() -> Ticks.niceCeiling(0)).hasMessage("max must be positive and finite, got 0.0");
    }

    @Test
    void ticksAreEvenlySpacedAndCoverTheRange() {
        qt().forAll(doubles().between(-100, 100), doubles().between(0.01, 100), integers().between(2, 10))
                .checkAssert((lo, span, n) -> {
                    List<Double> t = Ticks.between(lo, lo + span, n);
                    assertThat(t).hasSizeBetween(n - 1, (int) Math.ceil(2.5 * (n - 1)) + 1);
                    double step = t.size() > 1 ? t.get(1) - t.get(0) : span;
                    for (int i = 0; i < t.size(); i++) {
                        assertThat(t.get(i)).isBetween(lo - 1e-6 * span, lo + span + 1e-6 * span);
                        if (i > 0) {
                            assertThat(t.get(i) - t.get(i - 1)).isCloseTo(step, org.assertj.core.api.Assertions
                                    .within(1e-9 * Math.max(1, Math.abs(step))));
                        }
                    }
                    assertThat(t.get(0) - lo).isLessThan(step + 1e-9);
                    assertThat(lo + span - t.get(t.size() - 1)).isLessThan(step + 1e-9);
                });
        assertThat(Ticks.between(0, 1, 6)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    }
}
