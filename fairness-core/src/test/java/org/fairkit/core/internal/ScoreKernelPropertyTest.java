package org.fairkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.scores.ScoreSummary;
import org.junit.jupiter.api.Test;

/**
 * Properties of the one-walk {@link ScoreKernel#sort}: on random inputs with many ties, weights (zero weights
 * included) and groups holding one class only, every group's and all rows' summary is bit for bit the reference
 * {@link ScoreKernel#summarize} over the comparator-sorted rows, the ROC AUC equals the exact (BigDecimal) pair count
 * within 1e-15 (unweighted; 1e-13 with real weights, whose running sums round), and a group without positives or negatives is undefined with the reason.
 */
class ScoreKernelPropertyTest {

    /** One generated input: columns and the number of groups. */
    private record Case(double[] s, byte[] y, int[] g, double[] w, int groups) {
        ScoreInput input() {
            return ScoreInput.of(s, y, g, w, groups);
        }
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private static Case generate(long seed, int n, int shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int groups = 1 + r.nextInt(5);
        boolean weighted = (shape & 1) == 1;
        int levels = (shape & 2) == 2 ? 1 + r.nextInt(6) : 0; // 0: continuous, else heavy ties
        int oneClassGroup = (shape & 4) == 4 ? r.nextInt(groups) : -1;
        double[] s = new double[n];
        byte[] y = new byte[n];
        int[] g = new int[n];
        double[] w = weighted ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            s[i] = levels == 0 ? r.nextDouble() : r.nextInt(levels + 1) / (double) levels;
            if (r.nextInt(25) == 0) {
                s[i] = r.nextBoolean() ? -0.0 : 1.0;
            }
            g[i] = r.nextInt(groups);
            y[i] = (byte) (g[i] == oneClassGroup ? 1 : r.nextInt(2));
            if (weighted) {
                w[i] = r.nextInt(5) == 0 ? r.nextInt(3) : r.nextDouble() * 9;
            }
        }
        return new Case(s, y, g, w, groups);
    }

    @Test
    void everySummaryIsTheReferenceWalkOverComparatorSortedRowsBitForBit() {
        qt().withFixedSeed(1616L).withExamples(300)
                .forAll(longs().all(), integers().between(1, 400), integers().between(0, 7))
                .checkAssert((seed, n, shape) -> {
                    Case c = generate(seed, n, shape);
                    ScoreInput in = c.input();
                    SortedScores sorted = ScoreKernel.sort(in);
                    int[] all = decreasingStable(c.s);
                    assertThat(sorted.overall()).isEqualTo(ScoreKernel.summarize(in, all, 0, n));
                    for (int k = 0; k < c.groups; k++) {
                        int code = k;
                        int[] mine = Arrays.stream(all).filter(row -> c.g[row] == code).toArray();
                        assertThat(sorted.group(k)).isEqualTo(ScoreKernel.summarize(in, mine, 0, mine.length));
                        assertThat(sorted.end(k) - sorted.start(k)).isEqualTo(mine.length);
                        for (int p = 0; p < mine.length; p++) {
                            int at = sorted.start(k) + p;
                            assertThat(Double.doubleToRawLongBits(sorted.score(at)))
                                    .isEqualTo(Double.doubleToRawLongBits(c.s[mine[p]] + 0.0));
                            assertThat(sorted.label(at)).isEqualTo(c.y[mine[p]]);
                            assertThat(sorted.weight(at)).isEqualTo(c.w == null ? 1.0 : c.w[mine[p]]);
                        }
                    }
                });
    }

    @Test
    void rocAucEqualsTheBruteForcePairCountAndOneClassGroupsAreUndefinedWithTheReason() {
        qt().withFixedSeed(1617L).withExamples(300)
                .forAll(longs().all(), integers().between(1, 300), integers().between(0, 7))
                .checkAssert((seed, n, shape) -> {
                    Case c = generate(seed, n, shape);
                    SortedScores sorted = ScoreKernel.sort(c.input());
                    for (int k = 0; k < c.groups; k++) {
                        // Exact rational arithmetic: the O(n^2) definition over every (positive, negative) pair.
                        BigDecimal pos = BigDecimal.ZERO;
                        BigDecimal neg = BigDecimal.ZERO;
                        BigDecimal u = BigDecimal.ZERO;
                        for (int i = 0; i < n; i++) {
                            if (c.g[i] != k) {
                                continue;
                            }
                            BigDecimal wi = new BigDecimal(c.w == null ? 1.0 : c.w[i]);
                            if (c.y[i] == 0) {
                                neg = neg.add(wi);
                                continue;
                            }
                            pos = pos.add(wi);
                            for (int j = 0; j < n; j++) {
                                if (c.g[j] == k && c.y[j] == 0) {
                                    double si = c.s[i] + 0.0;
                                    double sj = c.s[j] + 0.0;
                                    BigDecimal pair = wi.multiply(new BigDecimal(c.w == null ? 1.0 : c.w[j]));
                                    u = si > sj ? u.add(pair) : si == sj ? u.add(pair.multiply(HALF)) : u;
                                }
                            }
                        }
                        MetricValue auc = ScoreMetrics.ROC_AUC.compute(sorted.group(k));
                        if (pos.signum() == 0) {
                            assertThat(auc.isDefined()).isFalse();
                            assertThat(auc.reason().orElseThrow()).contains("no positives (weight of label 1 is 0)");
                        } else if (neg.signum() == 0) {
                            assertThat(auc.isDefined()).isFalse();
                            assertThat(auc.reason().orElseThrow()).contains("no negatives (weight of label 0 is 0)");
                        } else {
                            double exact = u.divide(pos.multiply(neg), MathContext.DECIMAL128).doubleValue();
                            // Unit and integer weights: every sum is exact, so is the AUC up to its one division.
                            double tolerance = c.w == null ? 1e-15 : 1e-13;
                            assertThat(auc.value()).isCloseTo(exact, offset(tolerance));
                        }
                    }
                });
    }

    @Test
    void aGroupWithOneClassIsUndefinedWithTheReason() {
        double[] s = {0.9, 0.8, 0.1, 0.4, 0.4};
        byte[] y = {1, 1, 0, 1, 0};
        int[] g = {0, 0, 1, 2, 2};
        SortedScores sorted = ScoreKernel.sort(ScoreInput.of(s, y, g, null, 3));
        assertThat(ScoreMetrics.ROC_AUC.compute(sorted.group(0)).reason().orElseThrow())
                .contains("no negatives (weight of label 0 is 0)");
        assertThat(ScoreMetrics.ROC_AUC.compute(sorted.group(1)).reason().orElseThrow())
                .contains("no positives (weight of label 1 is 0)");
        assertThat(ScoreMetrics.ROC_AUC.compute(sorted.group(2)).value()).isEqualTo(0.5);
    }

    private static int[] decreasingStable(double[] s) {
        Integer[] rows = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            rows[i] = i;
        }
        Arrays.sort(rows, Comparator.comparingDouble((Integer i) -> -(s[i] + 0.0)));
        return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theSummaryRecordIsWhatTheWalkReturns() {
        ScoreSummary one = ScoreKernel.sort(ScoreInput.of(new double[] {0.5}, new byte[] {1}, new int[] {0}, null, 1))
                .overall();
        assertThat(one.rows()).isEqualTo(1);
        assertThat(one.positiveRows()).isEqualTo(1);
        assertThat(one.mannWhitneyU()).isZero();
    }
}
