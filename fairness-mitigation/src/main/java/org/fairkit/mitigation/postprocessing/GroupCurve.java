package org.fairkit.mitigation.postprocessing;

import java.util.Arrays;
import org.fairkit.core.internal.CompensatedSum;
import org.fairkit.core.internal.ScoreSort;

/**
 * One group's threshold points: for every threshold between two distinct scores of the group, the weighted false
 * and true positive counts of "predict 1 when {@code s > threshold}".
 *
 * <p>Point {@code k = 0} selects nothing (threshold {@code +Infinity}); point {@code k} selects the rows with the
 * {@code k} highest distinct scores, its threshold the midpoint between the {@code k}-th and {@code (k+1)}-th
 * highest distinct scores (Fairlearn's choice); the last point selects everything (threshold {@code -Infinity}).
 * Rows with equal scores are never split, which is how ties are handled: a threshold can only sit between two
 * distinct scores. Counts are cumulative weight sums with Neumaier compensation, exact for integer weights.
 *
 * <p>Built for all groups at once in {@code O(n log n)}: rows are bucketed by group (a counting sort), each
 * group's rows sorted by score with the radix sort of {@code ScoreSort} ({@link #sortByScore(double[])}), and the
 * weights accumulated in one descending walk.
 */
final class GroupCurve {
    final double[] fp;
    final double[] tp;
    final double[] threshold;
    final long rows;
    final double positives;
    final double negatives;

    private GroupCurve(double[] fp, double[] tp, double[] threshold, long rows) {
        this.fp = fp;
        this.tp = tp;
        this.threshold = threshold;
        this.rows = rows;
        this.positives = tp[tp.length - 1];
        this.negatives = fp[fp.length - 1];
    }

    /** @return the number of threshold points (distinct scores + 1) */
    int points() {
        return fp.length;
    }

    /** @return the total weight of the group */
    double weight() {
        return positives + negatives;
    }

    /** Builds the curve of every group; {@code codes[i]} in {@code [0, groups)}, inputs already validated. */
    static GroupCurve[] build(double[] scores, int[] labels, double[] weights, int[] codes, int groups) {
        int n = scores.length;
        int[] start = new int[groups + 1];
        for (int c : codes) {
            start[c + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] fill = Arrays.copyOf(start, groups);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[fill[codes[i]]++] = i;
        }
        GroupCurve[] out = new GroupCurve[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = group(scores, labels, weights, order, start[g], start[g + 1]);
        }
        return out;
    }

    private static GroupCurve group(double[] scores, int[] labels, double[] weights, int[] order, int from, int to) {
        int size = to - from;
        // gather the group's columns; order[from..to) is ascending, so this streams through the input
        double[] gs = new double[size];
        byte[] gy = new byte[size];
        double[] gw = weights == null ? null : new double[size];
        for (int j = 0; j < size; j++) {
            int i = order[from + j];
            gs[j] = scores[i] + 0.0; // -0.0 becomes 0.0
            gy[j] = (byte) labels[i];
            if (gw != null) {
                gw[j] = weights[i];
            }
        }
        int[] sorted = sortByScore(gs);
        double[] fp = new double[size + 1];
        double[] tp = new double[size + 1];
        double[] threshold = new double[size + 1];
        threshold[0] = Double.POSITIVE_INFINITY;
        double[] run = new double[2]; // running fp (0) and tp (1), Neumaier-compensated
        double[] runComp = new double[2];
        int k = 0;
        int j = size - 1;
        while (j >= 0) {
            double score = gs[sorted[j]];
            while (j >= 0 && gs[sorted[j]] == score) {
                int r = sorted[j--];
                CompensatedSum.add(run, runComp, gy[r], gw == null ? 1.0 : gw[r]);
            }
            k++;
            fp[k] = run[0] + runComp[0];
            tp[k] = run[1] + runComp[1];
            threshold[k] = j < 0 ? Double.NEGATIVE_INFINITY : midpoint(score, gs[sorted[j]]);
        }
        return new GroupCurve(Arrays.copyOf(fp, k + 1), Arrays.copyOf(tp, k + 1), Arrays.copyOf(threshold, k + 1),
                size);
    }

    /** The positions of {@code s} (non-negative doubles) in ascending order of score, ties in position order. */
    static int[] sortByScore(double[] s) {
        long[] keys = new long[s.length];
        for (int j = 0; j < s.length; j++) {
            keys[j] = ScoreSort.ascending(s[j]);
        }
        return ScoreSort.order(keys);
    }

    /** A threshold strictly below {@code hi} and at or above {@code lo}: the midpoint unless it rounds to hi. */
    static double midpoint(double hi, double lo) {
        double t = (hi + lo) / 2;
        return t < hi ? t : lo;
    }
}
