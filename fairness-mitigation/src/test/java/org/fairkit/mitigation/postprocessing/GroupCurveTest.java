package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The exact primitive sort of scores and the threshold points built on it. */
class GroupCurveTest {

    /** Scores that tie in their high bits: values a few ulps apart around a handful of anchors, and duplicates. */
    private static Gen<double[]> nearlyEqualScores() {
        Gen<Double> one = integers().between(0, 3).zip(integers().between(-40, 40), (anchor, ulps) -> {
            double base = new double[] {0.0, 0.25, 0.5, 1.0 / 3}[anchor];
            double v = base;
            for (int u = 0; u < Math.abs(ulps); u++) {
                v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
            }
            return Math.min(1, Math.max(0, v));
        });
        return lists().of(one).ofSizeBetween(1, 1500).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void sortByScoreIsAnExactSortEvenWhenScoresDifferInTheirLastBits() {
        qt().withExamples(150).forAll(nearlyEqualScores()).checkAssert(s -> {
            int[] order = GroupCurve.sortByScore(s);
            int[] seen = new int[s.length];
            for (int j : order) {
                seen[j]++;
            }
            assertThat(seen).containsOnly(1);
            for (int j = 1; j < order.length; j++) {
                assertThat(s[order[j - 1]]).isLessThanOrEqualTo(s[order[j]]);
            }
            double[] expected = s.clone();
            Arrays.sort(expected);
            assertThat(Arrays.stream(order).mapToDouble(j -> s[j]).toArray()).isEqualTo(expected);
        });
    }

    @Test
    void thresholdPointsCountEveryDistinctScoreOnceWithNegativeZeroAsZero() {
        double[] s = {0.5, -0.0, 0.0, 0.5, 1.0, 0.25};
        int[] y = {1, 0, 1, 0, 1, 0};
        double[] w = {1, 2, 3, 4, 5, 6};
        GroupCurve c = GroupCurve.build(s, y, w, new int[6], 1)[0];
        // thresholds: +inf | 1.0 | 0.5 | 0.25 | 0.0
        assertThat(c.threshold).containsExactly(Double.POSITIVE_INFINITY, 0.75, 0.375, 0.125,
                Double.NEGATIVE_INFINITY);
        assertThat(c.tp).containsExactly(0, 5, 6, 6, 9);
        assertThat(c.fp).containsExactly(0, 0, 4, 10, 12);
        assertThat(c.positives).isEqualTo(9);
        assertThat(c.negatives).isEqualTo(12);
        assertThat(c.rows).isEqualTo(6);
    }

    @Test
    void rowsAreBucketedByGroup() {
        double[] s = {0.9, 0.1, 0.8, 0.2};
        int[] y = {1, 0, 0, 1};
        GroupCurve[] c = GroupCurve.build(s, y, null, new int[] {0, 1, 0, 1}, 2);
        assertThat(c[0].tp).containsExactly(0, 1, 1);
        assertThat(c[0].fp).containsExactly(0, 0, 1);
        assertThat(c[1].tp).containsExactly(0, 1, 1);
        assertThat(c[1].fp).containsExactly(0, 0, 1);
        assertThat(c[0].threshold[1]).isEqualTo((0.9 + 0.8) / 2);
    }
}
