package org.fairkit.core.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.metrics.GroupValues;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link Consistency} on small random data built to have ties (integer features, duplicated rows,
 * constant outcomes), against brute-force references: neighbours by sorting every row, and the range over
 * tie-breaks by enumerating every valid set of k nearest rows. Tolerance {@value #TOLERANCE} where sums are taken in
 * another order; exact otherwise.
 */
class ConsistencyTest {
    static final double TOLERANCE = 1e-12;
    private static final int EXAMPLES = 300;

    /**
     * A random case.
     *
     * @param x features, row by row
     * @param y 0/1 outcomes
     * @param k neighbours
     */
    record Knn(double[][] x, int[] y, int k) {
        int n() {
            return y.length;
        }

        FeatureMatrix features() {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < x[0].length; j++) {
                names.add("x" + j);
            }
            return FeatureMatrix.ofRows(names, x);
        }

        Knn permuted(int[] order) {
            double[][] px = new double[order.length][];
            int[] py = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                px[i] = x[order[i]];
                py[i] = y[order[i]];
            }
            return new Knn(px, py, k);
        }

        @Override
        public String toString() {
            return "Knn[k=" + k + ", y=" + Arrays.toString(y) + ", x=" + Arrays.deepToString(x) + "]";
        }
    }

    /** Up to {@code maxRows} rows, 1 to 3 features; half the cases on a 3-value integer grid (many ties). */
    static Gen<Knn> cases(int maxRows) {
        Gen<Knn> gen = rs -> {
            int n = Generate.range(1, maxRows).generate(rs);
            int d = Generate.range(1, 3).generate(rs);
            boolean grid = Generate.range(0, 1).generate(rs) == 0;
            int outcomes = Generate.range(0, 3).generate(rs); // 0, 1: constant; else random
            double[][] x = new double[n][d];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                if (i > 0 && Generate.range(0, 5).generate(rs) == 0) {
                    x[i] = x[Generate.range(0, i - 1).generate(rs)].clone(); // a duplicated row
                } else {
                    for (int j = 0; j < d; j++) {
                        x[i][j] = grid ? Generate.range(0, 2).generate(rs)
                                : Generate.range(-1000, 1000).generate(rs) / 7.0;
                    }
                }
                y[i] = outcomes < 2 ? outcomes : Generate.range(0, 1).generate(rs);
            }
            return new Knn(x, y, Generate.range(1, n).generate(rs));
        };
        return gen.describedAs(Knn::toString);
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }

    /** The k nearest rows of row i by a full sort on (distance, row i first, index). */
    private static List<Integer> sortedNeighbours(Knn c, int i) {
        List<Integer> rows = new ArrayList<>();
        for (int j = 0; j < c.n(); j++) {
            rows.add(j);
        }
        rows.sort(Comparator.<Integer>comparingDouble(j -> squared(c.x()[i], c.x()[j]))
                .thenComparing(j -> j != i).thenComparing(j -> j));
        return rows.subList(0, c.k());
    }

    private static double term(Knn c, int i, List<Integer> neighbours) {
        int s = 0;
        for (int j : neighbours) {
            s += c.y()[j];
        }
        return Math.abs(c.y()[i] * c.k() - s) / (double) c.k();
    }

    @Test
    void valueEqualsTheBruteForceOfSortedNeighbours() {
        qt().withExamples(EXAMPLES).forAll(cases(20)).checkAssert(c -> {
            double sum = 0;
            for (int i = 0; i < c.n(); i++) {
                sum += term(c, i, sortedNeighbours(c, i));
            }
            ConsistencyResult r = Consistency.neighbours(c.k()).evaluate(c.features(), c.y());
            assertThat(r.asDouble()).isEqualTo(1 - sum / c.n());
            assertThat(r.rows()).isEqualTo(c.n());
            assertThat(r.neighbours()).isEqualTo(c.k());
        });
    }

    /**
     * Every valid neighbour set of row i: k rows none of which is farther than a row left out. The range of the
     * result is the min and max of each row's term over these sets; a row is ambiguous when there are several.
     */
    @Test
    void tieRangeAndAmbiguousRowsEqualAnEnumerationOfEveryValidNeighbourSet() {
        qt().withExamples(EXAMPLES).forAll(cases(11)).checkAssert(c -> {
            double low = 0;
            double high = 0;
            int ambiguous = 0;
            for (int i = 0; i < c.n(); i++) {
                double[] dist = new double[c.n()];
                for (int j = 0; j < c.n(); j++) {
                    dist[j] = squared(c.x()[i], c.x()[j]);
                }
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int sets = 0;
                for (int mask = 0; mask < 1 << c.n(); mask++) {
                    if (Integer.bitCount(mask) != c.k()) {
                        continue;
                    }
                    double in = Double.NEGATIVE_INFINITY;
                    double out = Double.POSITIVE_INFINITY;
                    List<Integer> set = new ArrayList<>();
                    for (int j = 0; j < c.n(); j++) {
                        if ((mask >> j & 1) == 1) {
                            in = Math.max(in, dist[j]);
                            set.add(j);
                        } else {
                            out = Math.min(out, dist[j]);
                        }
                    }
                    if (in <= out) {
                        sets++;
                        double t = term(c, i, set);
                        min = Math.min(min, t);
                        max = Math.max(max, t);
                    }
                }
                low += max;
                high += min;
                ambiguous += sets > 1 ? 1 : 0;
            }
            ConsistencyResult r = Consistency.neighbours(c.k()).evaluate(c.features(), c.y());
            assertThat(r.lowestOverTieBreaks()).isCloseTo(1 - low / c.n(), within(TOLERANCE));
            assertThat(r.highestOverTieBreaks()).isCloseTo(1 - high / c.n(), within(TOLERANCE));
            assertThat(r.ambiguousRows()).isEqualTo(ambiguous);
        });
    }

    @Test
    void valueLiesInTheTieRangeAndTheRangeInTheUnitInterval() {
        qt().withExamples(EXAMPLES).forAll(cases(30)).checkAssert(c -> {
            ConsistencyResult r = Consistency.neighbours(c.k()).evaluate(c.features(), c.y());
            assertThat(r.lowestOverTieBreaks()).isBetween(0.0, r.asDouble());
            assertThat(r.highestOverTieBreaks()).isBetween(r.asDouble(), 1.0);
            if (r.ambiguousRows() == 0) {
                assertThat(r.lowestOverTieBreaks()).isEqualTo(r.asDouble());
                assertThat(r.highestOverTieBreaks()).isEqualTo(r.asDouble());
            }
        });
    }

    @Test
    void resultHasTheSameBitsOnAnyNumberOfThreads() {
        qt().withExamples(100).forAll(cases(40)).checkAssert(c -> {
            ConsistencyResult one = Consistency.neighbours(c.k()).evaluate(c.features(), c.y());
            for (int t : new int[] {2, 3, 7}) {
                assertThat(Consistency.neighbours(c.k()).threads(t).evaluate(c.features(), c.y())).isEqualTo(one);
            }
        });
    }

    /**
     * Ties are broken by row index, so only the range over tie-breaks is order-free in general; the value is too
     * when no neighbour set is tied.
     */
    @Test
    void tieRangeIsInvariantUnderRowPermutationAndTheValueWhenNothingIsTied() {
        qt().withExamples(EXAMPLES).forAll(cases(25), longs().all()).checkAssert((c, seed) -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < c.n(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            ConsistencyResult before = Consistency.neighbours(c.k()).evaluate(c.features(), c.y());
            Knn shuffled = c.permuted(order.stream().mapToInt(Integer::intValue).toArray());
            ConsistencyResult after = Consistency.neighbours(c.k()).evaluate(shuffled.features(), shuffled.y());
            assertThat(after.lowestOverTieBreaks()).isCloseTo(before.lowestOverTieBreaks(), within(TOLERANCE));
            assertThat(after.highestOverTieBreaks()).isCloseTo(before.highestOverTieBreaks(), within(TOLERANCE));
            assertThat(after.ambiguousRows()).isEqualTo(before.ambiguousRows());
            if (before.ambiguousRows() == 0) {
                assertThat(after.asDouble()).isCloseTo(before.asDouble(), within(TOLERANCE));
            }
        });
    }

    @Test
    void oneNeighbourIsAlwaysConsistentAndAllRowsCompareWithTheMean() {
        qt().withExamples(EXAMPLES).forAll(cases(25)).checkAssert(c -> {
            assertThat(Consistency.neighbours(1).evaluate(c.features(), c.y()).asDouble()).isEqualTo(1.0);
            double mean = Arrays.stream(c.y()).average().orElseThrow();
            double expected = 1 - Arrays.stream(c.y()).mapToDouble(v -> Math.abs(v - mean)).sum() / c.n();
            assertThat(Consistency.neighbours(c.n()).evaluate(c.features(), c.y()).asDouble())
                    .isCloseTo(expected, within(TOLERANCE));
        });
    }

    @Test
    void groupValuesAverageToTheOverallValueAndFollowTheirGroups() {
        qt().withExamples(EXAMPLES).forAll(cases(25), longs().all()).checkAssert((c, seed) -> {
            Random random = new Random(seed);
            String[] level = new String[c.n()];
            for (int i = 0; i < c.n(); i++) {
                level[i] = random.nextBoolean() ? "a" : "b";
            }
            Grouping g = Grouping.of(List.of(SensitiveFeature.of("g", level)));
            ConsistencyResult r = Consistency.neighbours(c.k()).evaluate(c.features(), c.y());
            GroupValues byGroup = r.byGroup(g);
            assertThat(byGroup.overall()).isEqualTo(r.value());
            double weighted = 0;
            for (int k = 0; k < g.groupCount(); k++) {
                String name = g.groups().get(k).levels().get(0);
                long size = Arrays.stream(level).filter(name::equals).count();
                weighted += byGroup.value(k).orElseThrow() * size;
                assertThat(byGroup.value(k).value()).isBetween(0.0, 1.0);
            }
            assertThat(weighted / c.n()).isCloseTo(r.asDouble(), within(TOLERANCE));
            // Relabeling the groups moves each value with its group.
            String[] renamed = Arrays.stream(level).map(l -> l.equals("a") ? "z" : "y").toArray(String[]::new);
            GroupValues after = r.byGroup(Grouping.of(List.of(SensitiveFeature.of("g", renamed))));
            for (int k = 0; k < g.groupCount(); k++) {
                String to = g.groups().get(k).levels().get(0).equals("a") ? "z" : "y";
                int index = after.groups().indexOf(org.fairkit.core.group.GroupKey.of("g", to));
                assertThat(after.value(index)).isEqualTo(byGroup.value(k));
            }
        });
    }

    @Test
    void knownValueAndToString() {
        // Rows on a line at 0, 1, 10, 11 with outcomes 1, 1, 0, 1; k = 2: neighbours {0,1}, {1,0}, {2,3}, {3,2}.
        FeatureMatrix x = FeatureMatrix.ofColumns(List.of("x"), new double[] {0, 1, 10, 11});
        ConsistencyResult r = Consistency.neighbours(2).evaluate(x, new int[] {1, 1, 0, 1});
        assertThat(r.asDouble()).isEqualTo(1 - (0 + 0 + 0.5 + 0.5) / 4);
        assertThat(r).hasToString("consistency(k=2) = 0.7500 over 4 rows; 0 rows with tied neighbours");
        // Row 1 at 1 is equidistant from 0 and 2: its second neighbour is tied.
        ConsistencyResult tied = Consistency.neighbours(2).evaluate(
                FeatureMatrix.ofColumns(List.of("x"), new double[] {0, 1, 2}), new int[] {0, 1, 1});
        assertThat(tied.ambiguousRows()).isEqualTo(1);
        assertThat(tied).hasToString("consistency(k=2) = 0.6667 over 3 rows; 1 rows with tied neighbours "
                + "(any tie-breaking gives [0.6667, 0.8333])");
        assertThat(Consistency.neighbours(5).threads(2)).hasToString(
                "Consistency[k = 5 nearest rows (the row itself included), exact Euclidean, 2 threads]");
    }

    @Test
    void standardizedFeaturesHaveMeanZeroAndUnitSpread() {
        FeatureMatrix x = FeatureMatrix.ofColumns(List.of("age", "flag"), new double[] {20, 30, 40, 50},
                new double[] {1, 1, 1, 1}).standardized();
        double sd = Math.sqrt((2.25 + 0.25 + 0.25 + 2.25) / 4);
        assertThat(x.value(0, 0)).isCloseTo(-1.5 / sd, within(1e-15));
        assertThat(x.value(3, 0)).isCloseTo(1.5 / sd, within(1e-15));
        assertThat(x.value(2, 1)).isZero();
        assertThat(x).hasToString("FeatureMatrix[4 rows x 2 features [age, flag]]");
    }

    @Test
    void badInputIsRejectedWithTheColumnAndRow() {
        assertThatThrownBy(() -> FeatureMatrix.ofColumns(List.of("age", "income"), new double[] {1, 2},
                new double[] {3, Double.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'income', row 1: got NaN; expected a finite number");
        assertThatThrownBy(() -> FeatureMatrix.ofColumns(List.of("age", "income"), new double[] {1, 2},
                new double[] {3})).hasMessage("column 'income' has 1 rows; expected 2 (the length of 'age')");
        assertThatThrownBy(() -> FeatureMatrix.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {3}}))
                .hasMessage("column 'features', row 1: got 1 values; expected 2 values, one per feature [a, b]");
        assertThatThrownBy(() -> FeatureMatrix.ofRows(List.of("a", "a"), new double[][] {{1, 2}}))
                .hasMessage("feature 'a' appears twice; expected distinct names");
        assertThatThrownBy(() -> FeatureMatrix.ofRows(List.of("a"), new double[][] {{Double.POSITIVE_INFINITY}}))
                .hasMessage("column 'a', row 0: got Infinity; expected a finite number");
        FeatureMatrix x = FeatureMatrix.ofColumns(List.of("x"), new double[] {0, 1, 2});
        assertThatThrownBy(() -> Consistency.neighbours(2).evaluate(x, new int[] {0, 2, 1}))
                .hasMessage("column 'outcomes', row 1: got 2; expected 0 or 1");
        assertThatThrownBy(() -> Consistency.neighbours(2).evaluate(x, new int[] {0, 1}))
                .hasMessage("column 'outcomes' has 2 rows; expected 3 (the length of 'features')");
        assertThatThrownBy(() -> Consistency.neighbours(4).evaluate(x, new int[] {0, 1, 1})).hasMessage(
                "neighbours k = 4 exceeds the 3 rows; expected 1 <= k <= rows "
                        + "(the row itself is one of its neighbours)");
        assertThatThrownBy(() -> Consistency.neighbours(0)).hasMessage("neighbours must be >= 1, got 0");
        assertThatThrownBy(() -> Consistency.neighbours(1).threads(0)).hasMessage("threads must be >= 1, got 0");
    }
}
