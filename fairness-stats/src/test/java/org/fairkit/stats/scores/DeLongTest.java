package org.fairkit.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.fairkit.core.metrics.Interval;
import org.junit.jupiter.api.Test;

class DeLongTest {
    /**
     * Worked by hand. Positives 0.9, 0.6, 0.4; negatives 0.7, 0.4, 0.2, 0.1. Placements of the positives
     * (share of negatives below, ties ½): 4/4, 3/4, 2.5/4 = 24/24, 18/24, 15/24; of the negatives (share of positives
     * above): 1/3, 2.5/3, 3/3, 3/3 = 8/24, 20/24, 24/24, 24/24. AUC = 9.5 / 12 = 19/24. S10 = (5² + 1² + 4²)/24² / 2
     * = 21/576, S01 = (11² + 1² + 5² + 5²)/24² / 3 = 172/1728, Var = S10/3 + S01/4 = 21/1728 + 43/1728 = 1/27.
     */
    @Test
    void delongVarianceEqualsTheHandComputedExample() {
        DeLong d = DeLong.of(new double[] {0.9, 0.6, 0.4, 0.7, 0.4, 0.2, 0.1}, new int[] {1, 1, 1, 0, 0, 0, 0});
        assertThat(d.auc().value()).isCloseTo(19.0 / 24, within(1e-15));
        assertThat(d.variance().value()).isCloseTo(1.0 / 27, within(1e-15));
        assertThat(d.positives()).isEqualTo(3);
        assertThat(d.negatives()).isEqualTo(4);
        Interval i = d.interval(0.95).orElseThrow();
        double half = 1.959963984540054 * Math.sqrt(1.0 / 27);
        assertThat(i.lower()).isCloseTo(19.0 / 24 - half, within(1e-12));
        assertThat(i.upper()).isEqualTo(1.0); // 0.7917 + 0.3772 clipped
        assertThat(i.method()).contains("DeLong");
        assertThat(d.toString()).contains("0.7917");
    }

    /** The O(n1 n0) definition of DeLong's structural components, for comparison. */
    private static double[] bruteForce(double[] s, int[] y, double[] w) {
        double w1 = 0;
        double w0 = 0;
        int n1 = 0;
        int n0 = 0;
        for (int i = 0; i < s.length; i++) {
            if (y[i] == 1) {
                w1 += w[i];
                n1++;
            } else {
                w0 += w[i];
                n0++;
            }
        }
        double u = 0;
        double[] v = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    double psi = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    u += w[i] * w[j] * psi;
                    v[i] += w[j] * psi / w0;
                    v[j] += w[i] * psi / w1;
                }
            }
        }
        double a = u / (w1 * w0);
        double s1 = 0;
        double s0 = 0;
        for (int i = 0; i < s.length; i++) {
            double d = v[i] - a;
            if (y[i] == 1) {
                s1 += w[i] * w[i] * d * d;
            } else {
                s0 += w[i] * w[i] * d * d;
            }
        }
        return new double[] {a, (double) n1 / (n1 - 1) * s1 / (w1 * w1) + (double) n0 / (n0 - 1) * s0 / (w0 * w0)};
    }

    @Test
    void midrankDelongEqualsTheQuadraticDefinitionOnRandomTiedWeightedData() {
        qt().withExamples(200).forAll(longs().all(), integers().between(4, 60), integers().between(0, 1))
                .checkAssert((seed, n, weighted) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] s = new double[n];
                    int[] y = new int[n];
                    double[] w = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = i < 2 ? 1 : i < 4 ? 0 : r.nextInt(2);
                        s[i] = r.nextInt(8) / 7.0; // many ties
                        w[i] = weighted == 1 ? 0.5 + r.nextInt(4) : 1.0;
                    }
                    double[] expected = bruteForce(s, y, w);
                    DeLong d = DeLong.of(s, y, weighted == 1 ? w : null);
                    assertThat(d.auc().value()).isCloseTo(expected[0], within(1e-12));
                    if (expected[1] > 0) {
                        assertThat(d.variance().value()).isCloseTo(expected[1], within(1e-12));
                    } else {
                        assertThat(d.variance().isDefined()).isFalse();
                    }
                });
    }

    @Test
    void unitWeightsGiveTheUnweightedVariance() {
        double[] s = {0.1, 0.35, 0.35, 0.8, 0.6, 0.2, 0.9, 0.5};
        int[] y = {0, 1, 0, 1, 0, 0, 1, 1};
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1};
        assertThat(DeLong.of(s, y, ones).variance()).isEqualTo(DeLong.of(s, y).variance());
    }

    @Test
    void undefinedCasesSayWhy() {
        DeLong oneClass = DeLong.of(new double[] {0.2, 0.4}, new int[] {1, 1});
        assertThat(oneClass.auc().isDefined()).isFalse();
        assertThat(oneClass.variance().reason().orElseThrow()).contains("AUC is undefined").contains("no negatives");
        assertThat(oneClass.interval(0.95)).isEmpty();
        DeLong onePositive = DeLong.of(new double[] {0.2, 0.4, 0.9}, new int[] {0, 0, 1});
        assertThat(onePositive.auc().value()).isEqualTo(1.0);
        assertThat(onePositive.variance().reason().orElseThrow())
                .isEqualTo("DeLong's variance needs at least 2 positive and 2 negative rows, got 1 and 2");
        DeLong separated = DeLong.of(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1});
        assertThat(separated.variance().reason().orElseThrow()).contains("variance is 0");
        assertThatThrownBy(() -> DeLong.of(new double[] {0.1, 1.5}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores");
        assertThatThrownBy(() -> DeLong.of(new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {0, 1, 0, 1})
                .interval(1.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
    }
}
