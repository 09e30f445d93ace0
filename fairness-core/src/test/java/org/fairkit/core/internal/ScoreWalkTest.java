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
 * {@link ScoreKernel#sort}, which summarizes every group and all rows in one walk and lays the rows out in group
 * order when first read, gives, bit for bit, what the reference {@link ScoreKernel#summarize} gives over every
 * group's rows and over all rows, the same stable order and the same distinct scores.
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
            check(s, y, g, w, groups);
        }
    }

    /**
     * Large inputs take the other paths: five 13-bit digit passes from 131,072 rows, and weighted rows whose row
     * number does not fit beside (group << 1 | label) in the payload (2^20 + 1 rows need 21 bits, 2,048 groups 12),
     * which are gathered by row.
     */
    @Test
    void largeInputsAndRowsTooWideForThePayloadGiveTheSameBits() {
        SplittableRandom r = new SplittableRandom(12);
        int[][] shapes = {{200_000, 5}, {(1 << 20) + 1, 2048}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int groups = shape[1];
            for (boolean weighted : new boolean[] {false, true}) {
                double[] s = new double[n];
                byte[] y = new byte[n];
                int[] g = new int[n];
                double[] w = weighted ? new double[n] : null;
                for (int i = 0; i < n; i++) {
                    s[i] = r.nextInt(4) == 0 ? r.nextInt(11) / 10.0 : r.nextDouble();
                    y[i] = (byte) r.nextInt(2);
                    g[i] = r.nextInt(groups);
                    if (weighted) {
                        w[i] = r.nextDouble() * 3;
                    }
                }
                check(s, y, g, w, groups);
            }
        }
    }

    private static void check(double[] s, byte[] y, int[] g, double[] w, int groups) {
        int n = s.length;
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
        List<List<Integer>> byGroup = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            byGroup.add(new ArrayList<>());
        }
        for (int row : all) {
            byGroup.get(g[row]).add(row);
        }
        int position = 0;
        for (int k = 0; k < groups; k++) {
            int[] order = byGroup.get(k).stream().mapToInt(Integer::intValue).toArray();
            assertThat(sorted.group(k)).isEqualTo(ScoreKernel.summarize(in, order, 0, order.length));
            assertThat(sorted.start(k)).isEqualTo(position);
            for (int row : order) {
                if (sorted.score(position) != s[row] + 0.0 || sorted.label(position) != y[row]
                        || sorted.weight(position) != (w == null ? 1.0 : w[row])) {
                    throw new AssertionError("position " + position + ": row " + row + " expected");
                }
                position++;
            }
            assertThat(sorted.end(k)).isEqualTo(position);
        }
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : s) {
            distinct.add(v + 0.0);
        }
        // isEqualTo compares arrays element by element in O(n); containsExactly is quadratic on a million.
        assertThat(sorted.distinctScores()).isEqualTo(distinct.stream().mapToDouble(d -> d).toArray());
    }
}
