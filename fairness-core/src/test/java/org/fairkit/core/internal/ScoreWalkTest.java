package org.fairkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ScoreKernel#sort}, which lays rows out in arrays and summarizes them sequentially, gives, bit for bit, what
 * the reference {@link ScoreKernel#summarize} gives over every group's rows and over all rows, the same stable order
 * and the same distinct scores.
 */
class ScoreWalkTest {
    @Test
    void sortedSummariesEqualSummarizingEachGroupAloneBitForBit() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + r.nextInt(trial < 30 ? 40 : 3000);
            int groups = 1 + r.nextInt(6);
            boolean weighted = r.nextBoolean();
            int levels = r.nextBoolean() ? 1 + r.nextInt(12) : 0; // 0: continuous scores, else heavy ties
            double[] s = new double[n];
            byte[] y = new byte[n];
            int[] g = new int[n];
            double[] w = weighted ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                s[i] = levels == 0 ? r.nextDouble() : r.nextInt(levels + 1) / (double) levels;
                if (r.nextInt(20) == 0) {
                    s[i] = r.nextBoolean() ? -0.0 : 0.0;
                }
                y[i] = (byte) r.nextInt(2);
                g[i] = r.nextInt(groups);
                if (weighted) {
                    w[i] = r.nextInt(4) == 0 ? r.nextInt(3) : r.nextDouble() * 7;
                }
            }
            ScoreInput in = ScoreInput.of(s, y, g, w, groups);
            SortedScores sorted = ScoreKernel.sort(in);

            Integer[] rows = new Integer[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            // Decreasing score, -0.0 equal to 0.0, ties in input order (the sort is stable).
            Arrays.sort(rows, Comparator.comparingDouble((Integer i) -> -(s[i] + 0.0)));
            int[] all = Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
            assertThat(sorted.overall()).isEqualTo(ScoreKernel.summarize(in, all, 0, n));
            int position = 0;
            for (int k = 0; k < groups; k++) {
                List<Integer> mine = new ArrayList<>();
                for (int row : all) {
                    if (g[row] == k) {
                        mine.add(row);
                    }
                }
                int[] order = mine.stream().mapToInt(Integer::intValue).toArray();
                assertThat(sorted.group(k)).isEqualTo(ScoreKernel.summarize(in, order, 0, order.length));
                assertThat(sorted.start(k)).isEqualTo(position);
                for (int row : order) {
                    assertThat(sorted.score(position)).isEqualTo(s[row]);
                    assertThat(sorted.label(position)).isEqualTo(y[row]);
                    position++;
                }
            }
            TreeSet<Double> distinct = new TreeSet<>();
            for (double v : s) {
                distinct.add(v + 0.0);
            }
            assertThat(sorted.distinctScores()).containsExactly(distinct.stream().mapToDouble(d -> d).toArray());
        }
    }
}
