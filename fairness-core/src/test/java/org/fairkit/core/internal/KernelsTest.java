package org.fairkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    void scoreSortIsTheStableOrderOfItsKeysAsUnsignedNumbers() {
        qt().withFixedSeed(5).forAll(integers().between(0, 400), integers().between(1, 20), integers().all())
                .checkAssert((n, distinct, seed) -> {
                    Random r = new Random(seed);
                    double[] s = new double[n];
                    for (int i = 0; i < n; i++) {
                        s[i] = r.nextInt(distinct) / (double) distinct + (r.nextBoolean() ? 0 : Math.ulp(0.5));
                    }
                    long[] up = new long[n];
                    long[] down = new long[n];
                    for (int i = 0; i < n; i++) {
                        up[i] = ScoreSort.ascending(s[i]);
                        down[i] = ScoreSort.descending(s[i]);
                    }
                    Integer[] byValue = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                    Arrays.sort(byValue, Comparator.comparingDouble(i -> s[i]));
                    assertThat(ScoreSort.order(up)).containsExactly(Arrays.stream(byValue).mapToInt(i -> i).toArray());
                    Integer[] byValueDown = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                    Arrays.sort(byValueDown, Comparator.comparingDouble(i -> -s[i]));
                    assertThat(ScoreSort.order(down))
                            .containsExactly(Arrays.stream(byValueDown).mapToInt(i -> i).toArray());
                });
        assertThat(ScoreSort.ascending(-0.0)).isEqualTo(ScoreSort.ascending(0.0));
    }

    /** From 131,072 keys the sort takes 13-bit digits: any 64-bit keys, with ties, come out in the stable order. */
    @Test
    void wideDigitsSortAnyUnsignedKeysStably() {
        Random r = new Random(17);
        for (int n : new int[] {131_071, 131_072, 300_001}) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = r.nextInt(3) == 0 ? r.nextInt(50) * 0x0123_4567_89AB_CDEFL : r.nextLong();
            }
            Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(expected, (a, b) -> Long.compareUnsigned(keys[a], keys[b]));
            assertThat(ScoreSort.order(keys)).isEqualTo(Arrays.stream(expected).mapToInt(i -> i).toArray());
        }
    }

    @Test
    void compensatedSumKeepsWhatPlainSummationLosesInBothForms() {
        CompensatedSum sum = new CompensatedSum();
        double[] s = new double[1];
        double[] c = new double[1];
        double plain = 0;
        for (double x : new double[] {1e16, 1.0, -1e16, 1.0}) {
            sum.add(x);
            CompensatedSum.add(s, c, 0, x);
            plain += x;
        }
        assertThat(plain).isNotEqualTo(2.0);
        assertThat(sum.value()).isEqualTo(2.0);
        assertThat(s[0] + c[0]).isEqualTo(2.0);
    }
}
