package org.fairkit.stats.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MultipleTestingTest {
    /** p-values with deliberate ties, zeros, ones and tiny values. */
    private static final Gen<double[]> P_VALUES = lists()
            .of(integers().between(0, 5).zip(doubles().between(0, 1), (kind, u) -> switch (kind) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                case 2 -> 0.01;
                case 3 -> u * 1e-3;
                default -> u;
            }))
            .ofSizeBetween(1, 40).map(MultipleTestingTest::toArray);

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void adjustedPValuesNeverDecreaseStayBelowOneAndKeepTheOrder() {
        qt().withFixedSeed(51).withExamples(1000).forAll(P_VALUES).checkAssert(p -> {
            for (MultipleTesting m : MultipleTesting.values()) {
                double[] adj = m.correct(p, 0.05).adjusted();
                for (int i = 0; i < p.length; i++) {
                    assertThat(adj[i]).as(m + " never decreases").isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1);
                    for (int j = 0; j < p.length; j++) {
                        if (p[i] <= p[j]) {
                            assertThat(adj[i]).as(m + " monotone").isLessThanOrEqualTo(adj[j]);
                        }
                    }
                }
            }
        });
    }

    @Test
    void holmRejectsASupersetOfBonferroniAndBenjaminiHochbergASupersetOfHolm() {
        qt().withFixedSeed(52).withExamples(1000).forAll(P_VALUES, doubles().between(0.001, 0.2))
                .checkAssert((p, alpha) -> {
                    boolean[] bonf = MultipleTesting.BONFERRONI.correct(p, alpha).rejected();
                    boolean[] holm = MultipleTesting.HOLM.correct(p, alpha).rejected();
                    boolean[] bh = MultipleTesting.BENJAMINI_HOCHBERG.correct(p, alpha).rejected();
                    boolean[] by = MultipleTesting.BENJAMINI_YEKUTIELI.correct(p, alpha).rejected();
                    for (int i = 0; i < p.length; i++) {
                        assertThat(!bonf[i] || holm[i]).as("Holm ⊇ Bonferroni at " + i).isTrue();
                        assertThat(!holm[i] || bh[i]).as("BH ⊇ Holm at " + i).isTrue();
                        assertThat(!by[i] || bh[i]).as("BY ⊆ BH at " + i).isTrue();
                    }
                });
    }

    @Test
    void resultsAreInInputOrderAndImmutable() {
        Correction c = MultipleTesting.HOLM.correct(new double[] {0.04, 0.001, 0.03}, 0.05);
        assertThat(c.adjusted()).containsExactly(0.06, 0.003, 0.06);
        c.adjusted()[0] = 99;
        assertThat(c.adjusted()[0]).isEqualTo(0.06);
        assertThat(c.rejected()).containsExactly(false, true, false);
        assertThat(c).hasToString("HOLM at 0.05: 1 of 3 rejected");
    }

    @Test
    void badPValuesAreNamedWithTheirIndex() {
        assertThatThrownBy(() -> MultipleTesting.BONFERRONI.correct(new double[] {0.1, 1.5}, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'pValues', row 1: got 1.5; expected a p-value in [0, 1]");
        assertThatThrownBy(() -> MultipleTesting.HOLM.correct(new double[0], 0.05))
                .hasMessage("pValues.length must be >= 1, got 0");
        assertThatThrownBy(() -> MultipleTesting.HOLM.correct(new double[] {0.1}, 0))
                .hasMessage("alpha must be in (0, 1), e.g. 0.05, got 0.0");
    }
}
