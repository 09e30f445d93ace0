package org.fairkit.mitigation.postprocessing;

import java.util.Arrays;

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
 * <p>Built for all groups at once in {@code O(n log n)}: rows are bucketed by group, each group's scores sorted
 * (primitive sort) and deduplicated, and each row's weight added to its distinct score's bucket by binary search.
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
        double[] sorted = new double[size];
        for (int j = 0; j < size; j++) {
            sorted[j] = scores[order[from + j]] + 0.0; // -0.0 becomes 0.0
        }
        Arrays.sort(sorted);
        int m = 0;
        for (int j = 0; j < size; j++) {
            if (m == 0 || sorted[j] != sorted[m - 1]) {
                sorted[m++] = sorted[j];
            }
        }
        double[] distinct = Arrays.copyOf(sorted, m);
        double[] pos = new double[m];
        double[] neg = new double[m];
        double[] posComp = new double[m];
        double[] negComp = new double[m];
        for (int j = from; j < to; j++) {
            int i = order[j];
            int r = Arrays.binarySearch(distinct, scores[i] + 0.0);
            double w = weights == null ? 1.0 : weights[i];
            if (labels[i] == 1) {
                add(pos, posComp, r, w);
            } else {
                add(neg, negComp, r, w);
            }
        }
        double[] fp = new double[m + 1];
        double[] tp = new double[m + 1];
        double[] threshold = new double[m + 1];
        threshold[0] = Double.POSITIVE_INFINITY;
        double[] run = new double[2]; // running fp (0) and tp (1)
        double[] runComp = new double[2];
        for (int k = 1; k <= m; k++) {
            int r = m - k; // the k-th highest distinct score
            add(run, runComp, 0, neg[r] + negComp[r]);
            add(run, runComp, 1, pos[r] + posComp[r]);
            fp[k] = run[0] + runComp[0];
            tp[k] = run[1] + runComp[1];
            threshold[k] = r == 0 ? Double.NEGATIVE_INFINITY : midpoint(distinct[r], distinct[r - 1]);
        }
        return new GroupCurve(fp, tp, threshold, size);
    }

    /** A threshold strictly below {@code hi} and at or above {@code lo}: the midpoint unless it rounds to hi. */
    static double midpoint(double hi, double lo) {
        double t = (hi + lo) / 2;
        return t < hi ? t : lo;
    }

    /** Neumaier's compensated step: adds {@code x} to {@code sum[k]}, the rounding error to {@code comp[k]}. */
    private static void add(double[] sum, double[] comp, int k, double x) {
        double s = sum[k];
        double t = s + x;
        comp[k] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
        sum[k] = t;
    }
}
